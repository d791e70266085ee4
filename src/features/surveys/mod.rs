//! Surveys (`/survei`): coordinators and staff ask the residents of their reach a
//! few questions (choice, scale 1–5, short text) in private chat. Residents answer
//! one question at a time and resume after a pause or a restart; one response each.
//! Results — counts, distributions, texts, by kecamatan, never naming anyone — come
//! as XLSX, CSV and a chart from `/laporan` and `kimbot surveys export`.
//!
//! A survey is named by [`model::SurveyId`] in every signature; its buttons carry the
//! bare number, converted where a press is read.

pub mod audit;
pub mod bot;
pub mod buttons;
pub mod chart;
pub mod closing;
pub mod cli;
pub mod export;
pub mod listing;
pub mod model;
pub mod people;
pub mod personal;
pub mod render;
pub mod responses;
pub mod results;
pub mod store;

/// Surveys as plugged into kimbot: the chat and the closing job.
pub fn feature() -> crate::plug::Feature {
    use crate::plug::{DataRank, Feature};
    Feature::new("surveys").with_audit_words(&audit::WORDS)
        .with_chat::<bot::Surveys>()
        .with_job("survey closing", |c, stop| Box::pin(closing::run(c, stop)))
        .with_personal_data(&personal::DATA, DataRank::Child)
        .with_upgrade("responses keyed by fingerprint", rekey)
}

/// Responses stored before fingerprints get theirs ([`responses::rekey`]).
fn rekey(db: &crate::platform::db::Db, now: i64) -> crate::plug::Upgrade<'_> {
    Box::pin(responses::rekey(db, now))
}
