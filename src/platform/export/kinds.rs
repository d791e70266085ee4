//! Reports over a period and an area, declared by the feature that owns their data
//! (`Feature::with_period_report`). The `reports` feature offers every declared kind
//! the same way — `/laporan`'s period and area buttons, a form on the console's
//! *Unduh*, one audit entry per export — without naming any of them.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono_tz::Tz;
use futures_util::future::BoxFuture;

use super::period::Period;
use super::{ExportError, Progress};
use crate::platform::db::Db;
use crate::platform::i18n::Lang;

/// One kind of period report.
pub struct PeriodReport {
    /// `kind=<code>` in the `report.export` audit entry.
    pub code: &'static str,
    /// The `/laporan` button's data after `k:`; buttons already sent keep their
    /// meaning, so a declared value never changes.
    pub button: &'static str,
    /// The console's download path after `/dasbor/unduh/`.
    pub slug: &'static str,
    /// Message keys: the kind button in chat, the period question after it, and the
    /// console form's title.
    pub chat_label: &'static str,
    pub choose_period: &'static str,
    pub console_title: &'static str,
    /// File formats the console offers (`xlsx`, `csv`, `png`), the first by default.
    pub formats: &'static [&'static str],
    /// Place among `/laporan`'s kinds and *Unduh*'s forms (smaller first).
    pub order: u16,
    /// Writes the files into the directory.
    pub run: for<'a> fn(&'a Db, &'a PeriodRequest, &'a Path, Arc<Progress>) -> BoxFuture<'a, Result<PeriodFiles, ExportError>>,
}

impl std::fmt::Debug for PeriodReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PeriodReport").field("code", &self.code).finish_non_exhaustive()
    }
}

/// What to export: the period, the area (`None`: everywhere, admins only) and the
/// reader's language and zone.
#[derive(Clone, Debug)]
pub struct PeriodRequest {
    pub period: Period,
    pub area_path: Option<String>,
    /// The area as the reader knows it ("Ilir Barat I, Kota Palembang").
    pub area_label: String,
    pub lang: Lang,
    pub tz: Tz,
    /// The export's time (the age of open items is counted up to it).
    pub now: i64,
    /// The service levels a report measures against (working days per stage).
    pub sla: crate::platform::config::SlaConfig,
}

/// The files written, each inside the directory given to [`PeriodReport::run`].
#[derive(Clone, Debug)]
pub struct PeriodFiles {
    pub rows: u64,
    /// Documents by format code, in the order chat sends them.
    pub documents: Vec<(&'static str, PathBuf)>,
    /// A chart chat sends as a photo with this caption (format `png` in the console).
    pub chart: Option<(PathBuf, String)>,
    /// The finished message, in the reader's language.
    pub summary: String,
}

impl PeriodFiles {
    /// The file of one format, if the export wrote it.
    pub fn file(&self, format: &str) -> Option<&PathBuf> {
        match format {
            "png" => self.chart.as_ref().map(|(path, _)| path),
            _ => self.documents.iter().find(|(f, _)| *f == format).map(|(_, path)| path),
        }
    }
}

impl PeriodReport {
    /// The audit entry's detail, as every export of this kind writes it.
    pub fn audit_detail(&self, request: &PeriodRequest, rows: u64) -> String {
        let scope = request.area_path.as_deref().unwrap_or("all");
        format!("kind={} scope={scope} period={}..{} rows={rows}", self.code, request.period.from, request.period.to)
    }
}
