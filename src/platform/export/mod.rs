//! Files for office use, shared by every feature that exports: XLSX ([`xlsx`], in
//! constant-memory mode) and `;`-separated CSV ([`csv`]) written from a database row
//! stream on a blocking thread ([`pipeline`]), one-sheet tables ([`table`]), periods
//! and file names, and the chart font. The report *kinds* belong to their features
//! (declared with `Feature::with_period_report`, or called by name); the `reports` feature only
//! offers them in `/laporan`, the console's *Unduh* and `kimbot export`.
//!
//! Exports stream: the sqlx row stream feeds a bounded channel, and a blocking thread
//! writes the CSV and the XLSX row by row, so a million rows need a few megabytes,
//! not the whole result set.

pub mod bars;
pub mod csv;
pub mod font;
pub mod kinds;
pub mod minutes;
pub mod names;
pub mod period;
pub mod pipeline;
pub mod table;
pub mod xlsx;

use chrono::{NaiveDateTime, TimeZone};
use chrono_tz::Tz;

use std::sync::atomic::{AtomicU64, Ordering};

use crate::platform::db::DbError;

/// Errors of an export (a report file, a survey's results, a chart).
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Db(#[from] DbError),
    #[error("spreadsheet: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    #[error("CSV: {0}")]
    Csv(#[from] ::csv::Error),
    #[error("file: {0}")]
    Io(#[from] std::io::Error),
    #[error("chart: {0}")]
    Chart(String),
    #[error("export writer stopped: {0}")]
    Writer(String),
}

impl From<sqlx::Error> for ExportError {
    fn from(e: sqlx::Error) -> Self {
        ExportError::Db(e.into())
    }
}

/// Rows written so far out of the rows expected, shared between the writer thread
/// and whoever shows progress (a chat message, a progress bar).
#[derive(Debug, Default)]
pub struct Progress {
    done: AtomicU64,
    total: AtomicU64,
}

impl Progress {
    pub fn set_total(&self, n: u64) {
        self.total.store(n, Ordering::Relaxed);
    }
    pub fn add(&self, n: u64) {
        self.done.fetch_add(n, Ordering::Relaxed);
    }
    pub fn done(&self) -> u64 {
        self.done.load(Ordering::Relaxed)
    }
    pub fn total(&self) -> u64 {
        self.total.load(Ordering::Relaxed)
    }
    /// Whole percent done (100 when there is nothing to do).
    pub fn percent(&self) -> u64 {
        (self.done() * 100).checked_div(self.total()).map_or(100, |p| p.min(100))
    }
}

/// Unix seconds as the local wall-clock time in `tz`.
pub fn local(ts: i64, tz: Tz) -> NaiveDateTime {
    tz.timestamp_opt(ts, 0).single().map(|t| t.naive_local()).unwrap_or_default()
}

/// The label from its first letter or digit on.
pub fn plain(label: &str) -> String {
    label.trim_start_matches(|c: char| !c.is_alphanumeric()).to_string()
}
