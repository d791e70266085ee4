//! Staff reports (PRODUCT.md §7), offered in one place: `/laporan` in chat, the
//! console's *Unduh* ([`web`]) and `kimbot export …` ([`office`]). The reports
//! themselves belong to the features whose data they read: every period report a
//! feature declares (`Feature::with_period_report`, see
//! [`crate::platform::export::kinds`]) is offered without being named here; the UMKM
//! registry, training attendance and survey results have their own pickers. The
//! files are written by [`crate::platform::export`].

pub mod audit;
pub mod office;
pub mod bot;
pub mod web;

/// Reports as plugged into kimbot (`/laporan`).
pub fn feature() -> crate::plug::Feature {
    crate::plug::Feature::new("reports").with_audit_words(&audit::WORDS).with_chat::<bot::Reports>().with_console(web::PAGES)
}
