//! `kimbot export …`: the same exports for office use, with a progress bar on
//! stderr. The CLI acts as the office itself (whole city unless `--area`), and every
//! export is audited with no actor, like other CLI acts.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use chrono_tz::Tz;
use indicatif::{ProgressBar, ProgressStyle};

use crate::features::trainings::report as attendance;
use crate::features::aspirations::report::{self as aspirations, AspSpec};
use crate::platform::export::period::Period;
use crate::features::aspirations::report::query::AspFilter;
use crate::features::umkm::report::{self as registry, UmkmFilter};
use crate::platform::export::kinds::{PeriodReport, PeriodRequest};
use crate::platform::export::{ExportError, Progress};
use crate::platform::db::Db;
use crate::platform::i18n::{Lang, t};
use crate::kernel::members::{Area, areas, display_path};

/// Errors the CLI shows as a usage line rather than a failure.
#[derive(Debug, thiserror::Error)]
pub enum OfficeError {
    #[error("{0}")]
    Usage(String),
    #[error(transparent)]
    Report(#[from] ExportError),
}

impl From<crate::platform::db::DbError> for OfficeError {
    fn from(e: crate::platform::db::DbError) -> Self {
        OfficeError::Report(e.into())
    }
}

/// One area by name or path, any level.
pub async fn resolve_area(db: &Db, name: &str) -> Result<Area, OfficeError> {
    let mut found = areas::areas_named(db, name).await?;
    match found.len() {
        1 => Ok(found.remove(0)),
        0 => Err(OfficeError::Usage(format!("no area named {name:?} (see `kimbot areas list`)"))),
        _ => {
            let paths: Vec<_> = found.iter().map(|a| a.path.as_str()).collect();
            Err(OfficeError::Usage(format!("{name:?} is ambiguous; use one of: {}", paths.join("; "))))
        }
    }
}

pub async fn aspirations(db: &Db, tz: Tz, period: Period, area: Option<Area>, out: &Path, now: i64) -> Result<(), OfficeError> {
    std::fs::create_dir_all(out).map_err(ExportError::from)?;
    let (from, to) = period.bounds(tz);
    let spec = AspSpec {
        filter: AspFilter { from, to, area_path: area.as_ref().map(|a| a.path.clone()), show_names: true },
        period,
        area_label: area.as_ref().map(|a| display_path(&a.path)).unwrap_or_else(|| t(Lang::Id, "rep-area-all")),
        lang: Lang::Id,
        tz,
    };
    let progress = Arc::new(Progress::default());
    let done = with_bar(aspirations::export_as_of(db, &spec, now, out, progress.clone()), &progress).await?;
    let scope = spec.filter.area_path.as_deref().unwrap_or("all");
    let detail = format!("kind=aspirations scope={scope} period={}..{} rows={} via=cli", period.from, period.to, done.rows);
    crate::platform::audit::record(db, None, "report.export", &detail, now).await?;
    for p in [&done.xlsx, &done.csv, &done.chart] {
        println!("{}", p.display());
    }
    eprintln!("{} aspirations", done.rows);
    Ok(())
}

/// Any declared period report (e.g. "Kinerja OPD"), as the office: the files'
/// paths on stdout, the count on stderr, audited like the chat's and the console's.
pub async fn period(
    db: &Db,
    (tz, sla): (Tz, &crate::platform::config::SlaConfig),
    report: &PeriodReport,
    (period, area): (Period, Option<Area>),
    out: &Path,
    now: i64,
) -> Result<(), OfficeError> {
    std::fs::create_dir_all(out).map_err(ExportError::from)?;
    let request = PeriodRequest {
        period,
        area_path: area.as_ref().map(|a| a.path.clone()),
        area_label: area.as_ref().map(|a| display_path(&a.path)).unwrap_or_else(|| t(Lang::Id, "rep-area-all")),
        lang: Lang::Id,
        tz,
        now,
        sla: sla.clone(),
    };
    let progress = Arc::new(Progress::default());
    let done = with_bar((report.run)(db, &request, out, progress.clone()), &progress).await?;
    let detail = format!("{} via=cli", report.audit_detail(&request, done.rows));
    crate::platform::audit::record(db, None, "report.export", &detail, now).await?;
    for (_, path) in &done.documents {
        println!("{}", path.display());
    }
    eprintln!("{}", done.summary);
    Ok(())
}

pub async fn umkm(db: &Db, tz: Tz, filter: UmkmFilter, out: &Path, now: i64) -> Result<(), OfficeError> {
    std::fs::create_dir_all(out).map_err(ExportError::from)?;
    let progress = Arc::new(Progress::default());
    let done = with_bar(registry::export_umkm(db, &filter, Lang::Id, tz, out, progress.clone()), &progress).await?;
    let scope = filter.area_path.as_deref().unwrap_or("all");
    crate::platform::audit::record(db, None, "report.export", &format!("kind=umkm scope={scope} rows={} via=cli", done.rows), now).await?;
    println!("{}\n{}", done.xlsx.display(), done.csv.display());
    Ok(())
}

pub async fn attendance(db: &Db, tz: Tz, training: i64, out: &Path, now: i64) -> Result<(), OfficeError> {
    if crate::features::trainings::store::get(db, training).await?.is_none() {
        return Err(OfficeError::Usage(format!("no training with id {training}")));
    }
    std::fs::create_dir_all(out).map_err(ExportError::from)?;
    let progress = Arc::new(Progress::default());
    let done = with_bar(attendance::export_attendance(db, training, Lang::Id, tz, out, progress.clone()), &progress).await?;
    let detail = format!("kind=attendance training={training} rows={} via=cli", done.rows);
    crate::platform::audit::record(db, None, "report.export", &detail, now).await?;
    println!("{}\n{}", done.xlsx.display(), done.csv.display());
    Ok(())
}

/// Awaits `work` while a bar on stderr follows `progress` (rows, or a spinner count
/// when the total is not known in advance).
async fn with_bar<T>(work: impl Future<Output = Result<T, ExportError>>, progress: &Progress) -> Result<T, ExportError> {
    let bar = ProgressBar::new(0);
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} rows ({per_sec}, {eta} left)") {
        bar.set_style(style);
    }
    let mut work = std::pin::pin!(work);
    let mut tick = tokio::time::interval(Duration::from_millis(200));
    let result = loop {
        tokio::select! {
            out = &mut work => break out,
            _ = tick.tick() => {
                bar.set_length(progress.total().max(progress.done()));
                bar.set_position(progress.done());
            }
        }
    };
    bar.set_length(progress.total().max(progress.done()));
    bar.set_position(progress.done());
    bar.finish();
    result
}
