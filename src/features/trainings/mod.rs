//! Trainings (PRODUCT.md §5): coordinators and staff publish sessions for their KIM
//! (`/pelatihanbaru`), residents browse and register (`/pelatihan`, `/pelatihansaya`)
//! with a first-come waitlist, reminders arrive the evening before and two hours
//! before, feedback after; coordinators see participants, mark attendance and
//! export CSV (`/peserta`), move, close or cancel a training.
//!
//! Layout: [`model`] (types, seat rules), [`form`] (the draft and its validation), [`when`] (typed dates in the
//! KIM's zone), [`store`] and [`seats`] (SQL; seats are decided under a lock),
//! [`actions`] (changes plus their notices in one transaction, audit), [`posts`]
//! (group posts' "Daftar" follows full ↔ not full), [`render`]
//! (texts), [`reminders`] (the background loop), [`export`] (CSV), [`bot`] (the chat),
//! [`web`] (the console's *Pelatihan* pages).

pub mod audit;
pub mod actions;
pub mod export;
pub mod form;
pub mod invite;
pub mod model;
pub mod personal;
pub mod posts;
pub mod reminders;
pub mod render;
pub mod report;
pub mod seats;
pub mod store;
pub mod bot;
pub mod web;
/// Typed dates and local times, shared with announcements.
pub use crate::platform::when;

/// Trainings as plugged into kimbot: the chat, the group posts' "Daftar" link and the reminders.
pub fn feature() -> crate::plug::Feature {
    use crate::plug::{DataRank, Feature};
    Feature::new("trainings").with_audit_words(&audit::WORDS)
        .with_topic_kind(actions::TOPIC)
        .with_chat::<bot::Trainings>()
        .with_link(bot::link::TrainingLink)
        .with_job("training reminders", |c, stop| {
            Box::pin(reminders::Reminders::new(c.db.clone(), c.clock.clone(), c.outbox.clone(), c.config.tz).run(stop))
        })
        .with_personal_data(&personal::DATA, DataRank::Child)
        .with_console(web::PAGES)
}
