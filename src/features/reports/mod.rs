//! Staff reports (PRODUCT.md §7): aspirations for a period and area as XLSX (summary
//! and detail sheets) and CSV, a PNG chart of aspirations per week by category, and the UMKM
//! registry, training attendance and cek fakta exports. The same code serves `/laporan` in chat
//! and `kimbot export …` on the command line; [`web`] serves them as the console's *Unduh*.
//!
//! Exports stream: the sqlx row stream feeds a bounded channel, and a blocking thread
//! writes the CSV and the XLSX (rust_xlsxwriter in constant-memory mode) row by row,
//! so a million rows need a few megabytes, not the whole result set.

pub mod audit;
pub mod office;
pub mod bot;
pub mod web;

/// Reports as plugged into kimbot (`/laporan`).
pub fn feature() -> crate::plug::Feature {
    crate::plug::Feature::new("reports").with_audit_words(&audit::WORDS).with_chat::<bot::Reports>().with_console(web::PAGES)
}
