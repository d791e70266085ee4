//! Programmes for UMKM (issue 29): capital aid, mentoring, certification, NIB and KUR
//! facilitation, exhibitions, offered by the office or an agency (OPD), from the
//! announcement to the application, the selection and the result.
//!
//! - [`model`]: kinds, who may apply and why not, application states and numbers,
//!   and a programme's id ([`model::ProgrammeId`]; buttons and deep links carry
//!   the bare number, converted where they are read).
//! - [`store`]: programmes; [`apps`]: applications, groups and join codes;
//!   [`decide`]: accept / waitlist / reject and withdrawal, the quota held by one
//!   conditional UPDATE, the waitlist moving up.
//! - [`publish`]: the announcement to matching opted-in UMKM and the area's groups.
//! - [`bot`]: the chat (compose, apply, `/programsaya`, groups, `/seleksi`);
//!   [`buttons`] and [`render`] are shared with the domain's notices ([`notices`]).
//! - [`follow_up`]: the follow-up survey to recipients, through surveys, and its results.
//! - [`report`]: the programme report of `/laporan` and *Unduh* (XLSX/CSV, and the
//!   [`chart`] of applicants and recipients per kecamatan).
//! - [`web`]: the console's *Program* pages (the selection page).
//! - [`audit`], [`personal`], [`webhook`] (`programme.applied`, `programme.decided`).

pub mod apps;
pub mod audit;
pub mod bench;
pub mod bot;
pub mod buttons;
pub mod chart;
pub mod decide;
pub mod follow_up;
pub mod model;
pub mod notices;
pub mod personal;
pub mod publish;
pub mod render;
pub mod report;
pub mod store;
pub mod web;
pub mod webhook;

/// Programmes as plugged into kimbot.
pub fn feature() -> crate::plug::Feature {
    use crate::plug::{DataRank, Feature};
    Feature::new("programmes")
        .with_topic_kind(publish::TOPIC)
        .with_audit_words(&audit::WORDS)
        .with_chat::<bot::Programmes>()
        .with_link(bot::link::ProgrammeLink)
        .with_personal_data(&personal::DATA, DataRank::Child)
        .with_webhook_events(&webhook::EVENTS)
        .with_console(web::PAGES)
        .with_period_report(&report::PERIOD)
        .with_job("programme follow-up", |c, stop| Box::pin(follow_up::run(c, stop)))
}
