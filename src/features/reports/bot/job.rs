//! The background half of `/laporan`: runs the export, edits the progress message
//! (at most every 2 seconds, and only when the percentage moved), sends the XLSX,
//! the CSV (and, for aspirations, the chart), and writes the audit entry. The UMKM,
//! attendance and cek fakta exports are in [`tables`].

mod survey;
mod tables;

use std::sync::Arc;
use std::time::Duration;

use chrono_tz::Tz;
use teloxide::prelude::*;
use teloxide::types::InputFile;

use crate::features::aspirations::report::{self as aspirations, AspExport, AspSpec};
use crate::platform::export::period::Period;
use crate::features::aspirations::report::query::AspFilter;
use crate::platform::export::{ExportError, Progress};
use crate::platform::db::{Db, SharedClock};
use crate::platform::i18n::{Arg, Lang, t, ta};
use crate::bot::turn::At;

/// Everything the task needs, owned (the handler's borrows end when it returns).
pub struct Job {
    pub bot: crate::platform::delivery::ReplyBot,
    pub db: Db,
    pub clock: SharedClock,
    pub tz: Tz,
    pub lang: Lang,
    /// The progress message.
    pub at: At,
    pub actor: i64,
    pub what: What,
}

/// Which report the job makes.
pub enum What {
    Aspirations { period: Period, area_path: Option<String>, area_label: String },
    /// The UMKM registry; `label` names the area and filters for the message.
    Umkm { filter: crate::features::umkm::report::UmkmFilter, label: String },
    /// Attendance of one training; `scope` is its KIM's area path (for the audit).
    Attendance { training: i64, title: String, scope: String },
    /// Results of one survey; `scope` is its reach's area path (for the audit).
    Survey { survey: i64, title: String, scope: String },
    /// Cek fakta requests and verdicts of a period and area.
    FactChecks { period: Period, area_path: Option<String>, area_label: String },
}

/// How often the progress message may change.
const EDIT_EVERY: Duration = Duration::from_secs(2);

pub async fn run(job: Job) {
    if let Err(error) = run_inner(&job).await {
        tracing::error!(%error, actor = job.actor, "report export failed");
        let _ = job.bot.edit_message_text(job.at.0, job.at.1, t(job.lang, "rep-failed")).await;
    }
    // An export's buffers are freed by now; a bot that waits most of the time
    // should not keep them.
    crate::platform::memory::release_free();
}

async fn run_inner(job: &Job) -> Result<(), ExportError> {
    match &job.what {
        What::Aspirations { period, area_path, area_label } => run_aspirations(job, *period, area_path, area_label).await,
        What::Umkm { filter, label } => tables::umkm(job, filter, label).await,
        What::Attendance { training, title, scope } => tables::attendance(job, *training, title, scope).await,
        What::Survey { survey, title, scope } => survey::run(job, *survey, title, scope).await,
        What::FactChecks { period, area_path, area_label } => tables::factchecks(job, *period, area_path, area_label).await,
    }
}

async fn run_aspirations(job: &Job, period: Period, area_path: &Option<String>, area_label: &str) -> Result<(), ExportError> {
    let dir = tempfile::tempdir()?;
    let (from, to) = period.bounds(job.tz);
    let spec = AspSpec {
        filter: AspFilter { from, to, area_path: area_path.clone(), show_names: true },
        period,
        area_label: area_label.to_string(),
        lang: job.lang,
        tz: job.tz,
    };
    let progress = Arc::new(Progress::default());
    let export = aspirations::export_as_of(&job.db, &spec, job.clock.now(), dir.path(), progress.clone());
    let out = with_progress(job, export, &progress).await?;
    let scope = area_path.as_deref().unwrap_or("all");
    let detail = format!("kind=aspirations scope={scope} period={}..{} rows={}", period.from, period.to, out.rows);
    audit(job, &detail).await?;
    deliver(job, &out, period, area_label).await
}

/// The `report.export` entry: who (the job's actor), what, scope, how many rows.
async fn audit(job: &Job, detail: &str) -> Result<(), ExportError> {
    crate::platform::audit::record(&job.db, Some(job.actor), "report.export", detail, job.clock.now()).await?;
    Ok(())
}

/// Awaits the export, editing the progress message as it goes.
async fn with_progress<T>(
    job: &Job,
    export: impl Future<Output = Result<T, ExportError>>,
    progress: &Progress,
) -> Result<T, ExportError> {
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

async fn deliver(job: &Job, out: &AspExport, period: Period, area_label: &str) -> Result<(), ExportError> {
    let (chat, lang) = (job.at.0, job.lang);
    let period = period.label();
    let key = if out.rows == 0 { "rep-empty" } else { "rep-done" };
    let args = [("period", Arg::from(period.clone())), ("area", Arg::from(area_label)), ("rows", Arg::from(out.rows as i64))];
    let send = |e: teloxide::RequestError| ExportError::Writer(e.to_string());
    job.bot.edit_message_text(chat, job.at.1, ta(lang, key, &args)).await.map_err(send)?;
    send_files(job, &[&out.xlsx, &out.csv]).await?;
    let caption = ta(lang, "rep-chart-caption", &[("period", Arg::from(period))]);
    job.bot.send_photo(chat, InputFile::file(out.chart.clone())).caption(caption).await.map_err(send)?;
    Ok(())
}

/// Sends each file as a document under its own name.
async fn send_files(job: &Job, paths: &[&std::path::PathBuf]) -> Result<(), ExportError> {
    let send = |e: teloxide::RequestError| ExportError::Writer(e.to_string());
    for path in paths {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        job.bot.send_document(job.at.0, InputFile::file((*path).clone()).file_name(name)).await.map_err(send)?;
    }
    Ok(())
}
