//! The background half of `/laporan`: runs the export, edits the progress message
//! (at most every 2 seconds, and only when the percentage moved), sends the XLSX,
//! the CSV and the chart, and writes the audit entry.

use std::sync::Arc;
use std::time::Duration;

use chrono_tz::Tz;
use teloxide::prelude::*;
use teloxide::types::InputFile;

use super::aspirations::{self, AspExport, AspSpec};
use super::period::Period;
use super::query::AspFilter;
use super::{Progress, ReportError};
use crate::db::{Db, SharedClock};
use crate::i18n::{Arg, Lang, t, ta};
use crate::telegram::turn::At;

/// Everything the task needs, owned (the handler's borrows end when it returns).
pub struct Job {
    pub bot: crate::delivery::ReplyBot,
    pub db: Db,
    pub clock: SharedClock,
    pub tz: Tz,
    pub lang: Lang,
    /// The progress message.
    pub at: At,
    pub actor: i64,
    pub period: Period,
    pub area_path: Option<String>,
    pub area_label: String,
}

/// How often the progress message may change.
const EDIT_EVERY: Duration = Duration::from_secs(2);

pub async fn run(job: Job) {
    if let Err(error) = run_inner(&job).await {
        tracing::error!(%error, actor = job.actor, "report export failed");
        let _ = job.bot.edit_message_text(job.at.0, job.at.1, t(job.lang, "rep-failed")).await;
    }
}

async fn run_inner(job: &Job) -> Result<(), ReportError> {
    let dir = tempfile::tempdir()?;
    let (from, to) = job.period.bounds(job.tz);
    let spec = AspSpec {
        filter: AspFilter { from, to, area_path: job.area_path.clone(), show_names: true },
        period: job.period,
        area_label: job.area_label.clone(),
        lang: job.lang,
        tz: job.tz,
    };
    let progress = Arc::new(Progress::default());
    let export = aspirations::export(&job.db, &spec, dir.path(), progress.clone());
    let out = with_progress(job, export, &progress).await?;
    let scope = job.area_path.as_deref().unwrap_or("all");
    let detail = format!("kind=aspirations scope={scope} period={}..{} rows={}", job.period.from, job.period.to, out.rows);
    crate::audit::record(&job.db, Some(job.actor), "report.export", &detail, job.clock.now()).await?;
    deliver(job, &out).await
}

/// Awaits the export, editing the progress message as it goes.
async fn with_progress(
    job: &Job,
    export: impl Future<Output = Result<AspExport, ReportError>>,
    progress: &Progress,
) -> Result<AspExport, ReportError> {
    let mut export = std::pin::pin!(export);
    let mut shown = 0;
    let mut tick = tokio::time::interval(EDIT_EVERY);
    tick.tick().await;
    loop {
        tokio::select! {
            out = &mut export => return out,
            _ = tick.tick() => {
                let percent = progress.percent();
                if percent > shown && percent < 100 {
                    shown = percent;
                    let text = ta(job.lang, "rep-preparing", &[("percent", Arg::from(percent as i64))]);
                    // Progress is a courtesy: a failed edit must not stop the export.
                    let _ = job.bot.edit_message_text(job.at.0, job.at.1, text).await;
                }
            }
        }
    }
}

async fn deliver(job: &Job, out: &AspExport) -> Result<(), ReportError> {
    let (chat, lang) = (job.at.0, job.lang);
    let period = job.period.label();
    let key = if out.rows == 0 { "rep-empty" } else { "rep-done" };
    let args = [("period", Arg::from(period.clone())), ("area", Arg::from(job.area_label.clone())), ("rows", Arg::from(out.rows as i64))];
    let send = |e: teloxide::RequestError| ReportError::Writer(e.to_string());
    job.bot.edit_message_text(chat, job.at.1, ta(lang, key, &args)).await.map_err(send)?;
    for path in [&out.xlsx, &out.csv] {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        job.bot.send_document(chat, InputFile::file(path.clone()).file_name(name)).await.map_err(send)?;
    }
    let caption = ta(lang, "rep-chart-caption", &[("period", Arg::from(period))]);
    job.bot.send_photo(chat, InputFile::file(out.chart.clone())).caption(caption).await.map_err(send)?;
    Ok(())
}
