//! Staff reports (PRODUCT.md §7): aspirations for a period and area as XLSX (summary
//! and detail sheets) and CSV, a PNG chart of aspirations per week by category, and the UMKM
//! registry, training attendance and cek fakta exports. The same code serves `/laporan` in chat
//! and `kimbot export …` on the command line; [`web`] serves them as the console's *Unduh*.
//!
//! Exports stream: the sqlx row stream feeds a bounded channel, and a blocking thread
//! writes the CSV and the XLSX (rust_xlsxwriter in constant-memory mode) row by row,
//! so a million rows need a few megabytes, not the whole result set.

pub mod audit;
pub mod aspirations;
pub mod bench;
pub mod chart;
pub mod detail;
pub mod factchecks;
pub mod names;
pub mod office;
pub mod csv;
pub mod period;
pub mod pipeline;
pub mod query;
pub mod registry;
pub mod summary;
pub mod bot;
pub mod web;
pub mod xlsx;

use std::sync::atomic::{AtomicU64, Ordering};

use crate::platform::db::DbError;

/// Errors of the reports layer.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
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

impl From<sqlx::Error> for ReportError {
    fn from(e: sqlx::Error) -> Self {
        ReportError::Db(e.into())
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

/// Reports as plugged into kimbot (`/laporan`).
pub fn feature() -> crate::plug::Feature {
    crate::plug::Feature::new("reports").with_audit_words(&audit::WORDS).with_chat::<bot::Reports>().with_console(web::PAGES)
}
