//! The background half of `/laporan`: runs the export, edits the progress message
//! (at most every 2 seconds, and only when the percentage moved), sends the XLSX,
//! the CSV (and a chart when the report has one), and writes the audit entry. The
//! UMKM and attendance exports are in [`tables`].

mod survey;
mod tables;

use std::sync::Arc;
use std::time::Duration;
use crate::kernel::members::UserId;

use chrono_tz::Tz;
use teloxide::prelude::*;
use teloxide::types::InputFile;

use crate::platform::export::kinds::{PeriodFiles, PeriodReport, PeriodRequest};
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
    /// A period report a feature declares.
    Period { report: &'static PeriodReport, request: PeriodRequest },
    /// The UMKM registry; `label` names the area and filters for the message.
    Umkm { filter: crate::features::umkm::report::UmkmFilter, label: String },
    /// Attendance of one training; `scope` is its KIM's area path (for the audit).
    Attendance { training: i64, title: String, scope: String },
    /// Results of one survey; `scope` is its reach's area path (for the audit).
    Survey { survey: crate::features::surveys::model::SurveyId, title: String, scope: String },
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
        What::Period { report, request } => run_period(job, report, request).await,
        What::Umkm { filter, label } => tables::umkm(job, filter, label).await,
        What::Attendance { training, title, scope } => tables::attendance(job, *training, title, scope).await,
        What::Survey { survey, title, scope } => survey::run(job, *survey, title, scope).await,
    }
}

async fn run_period(job: &Job, report: &PeriodReport, request: &PeriodRequest) -> Result<(), ExportError> {
    let dir = tempfile::tempdir()?;
    let progress = Arc::new(Progress::default());
    let out = with_progress(job, (report.run)(&job.db, request, dir.path(), progress.clone()), &progress).await?;
    audit(job, &report.audit_detail(request, out.rows)).await?;
    deliver(job, &out).await
}

/// The `report.export` entry: who (the job's actor), what, scope, how many rows.
async fn audit(job: &Job, detail: &str) -> Result<(), ExportError> {
    crate::platform::audit::record(&job.db, Some(UserId(job.actor)), "report.export", detail, job.clock.now()).await?;
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

async fn deliver(job: &Job, out: &PeriodFiles) -> Result<(), ExportError> {
    let send = |e: teloxide::RequestError| ExportError::Writer(e.to_string());
    job.bot.edit_message_text(job.at.0, job.at.1, out.summary.clone()).await.map_err(send)?;
    let documents: Vec<_> = out.documents.iter().map(|(_, path)| path).collect();
    send_files(job, &documents).await?;
    if let Some((chart, caption)) = &out.chart {
        job.bot.send_photo(job.at.0, InputFile::file(chart.clone())).caption(caption.clone()).await.map_err(send)?;
    }
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
