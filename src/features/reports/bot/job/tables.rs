//! The UMKM registry and training attendance exports of `/laporan`: the same files
//! as `kimbot export umkm|attendance` (see [`crate::features::reports::office`]), with the
//! progress message, the audit entry and the files sent as documents.

use std::sync::Arc;

use super::{Job, audit, send_files, with_progress};
use crate::features::trainings::report as attendance;
use crate::platform::i18n::{Arg, ta};
use crate::features::umkm::report::{self as registry, UmkmFilter};
use crate::platform::export::table::TableExport;
use crate::platform::export::{ExportError, Progress};

pub async fn umkm(job: &Job, filter: &UmkmFilter, label: &str) -> Result<(), ExportError> {
    let dir = tempfile::tempdir()?;
    let progress = Arc::new(Progress::default());
    progress.set_total(registry::count_umkm(&job.db, filter).await?);
    let export = registry::export_umkm(&job.db, filter, job.lang, job.tz, dir.path(), progress.clone());
    let out = with_progress(job, export, &progress).await?;
    let scope = filter.area_path.as_deref().unwrap_or("all");
    let sector = filter.sector.map_or("all", |s| s.code());
    let need = filter.need.map_or("all", |n| n.code());
    audit(job, &format!("kind=umkm scope={scope} sector={sector} need={need} rows={}", out.rows)).await?;
    let key = if out.rows == 0 { "rep-umkm-empty" } else { "rep-umkm-done" };
    finish(job, &out, ta(job.lang, key, &[("filter", Arg::from(label)), ("rows", Arg::from(out.rows as i64))])).await
}

pub async fn attendance(job: &Job, training: i64, title: &str, scope: &str) -> Result<(), ExportError> {
    let dir = tempfile::tempdir()?;
    let progress = Arc::new(Progress::default());
    progress.set_total(attendance::count_attendance(&job.db, training).await?);
    let export = attendance::export_attendance(&job.db, training, job.lang, job.tz, dir.path(), progress.clone());
    let out = with_progress(job, export, &progress).await?;
    audit(job, &format!("kind=attendance training={training} scope={scope} rows={}", out.rows)).await?;
    finish(job, &out, ta(job.lang, "rep-att-done", &[("title", Arg::from(title)), ("rows", Arg::from(out.rows as i64))])).await
}

/// Replaces the progress message with `text`, then sends the XLSX and the CSV.
async fn finish(job: &Job, out: &TableExport, text: String) -> Result<(), ExportError> {
    let send = |e: teloxide::RequestError| ExportError::Writer(e.to_string());
    job.bot.edit_message_text(job.at.0, job.at.1, text).await.map_err(send)?;
    send_files(job, &[&out.xlsx, &out.csv]).await
}
