//! Aspirations: residents' complaints and proposals as tickets (`ASP-2026-000123`),
//! their status flow, replies, and the staff triage queue.
//!
//! - [`model`]: categories, the status flow as a pure [`model::transition`], ticket
//!   numbers, limits, and who may see or triage a ticket; [`model::AspirationId`] is
//!   a ticket's row id in every signature (buttons carry the bare number).
//! - [`store`] (with the staff queue's [`browse`]) and [`thread`]: SQL; numbers come from a per-year counter row bumped in the
//!   submitting transaction, so they stay unique with many submitters at once.
//! - [`flow`]: the actions (submit, change status, reply, answer) with their checks
//!   and the notices they queue in the same transaction.
//! - [`notices`]: "new aspirations" notices to staff, at most one a minute each.
//! - [`sla`] and [`overdue`]: the working-day deadline for a first response and the
//!   job that flags late tickets to staff once; [`stages`]: the service level of each
//!   stage (office, agency response, agency done), its time left, and the job that
//!   reminds at 80 % and escalates at 100 %, once per stage and disposition.
//! - [`reopen`]: the resident's one response to a closed ticket, which reopens it.
//! - [`verdict`]: "Apakah masalahnya sudah beres?" on a done ticket: a score of 1–5
//!   and a comment, or "Belum beres" (the one reopening); its reminder-and-close job.
//! - [`undo`]: staff take back their own last status change within a minute.
//! - [`render`]: ticket texts; [`bot`]: the dialogues and buttons; [`web`]: the
//!   console's *Aspirasi* pages (queue, ticket, undo, photos).
//! - [`dispose`] (SQL in [`dispose_store`]): tickets sent to an agency (OPD), its
//!   officers' acceptance, progress, done and return, staff taking back or sending on.
//! - The staff desk: [`find`] (ticket numbers in any form, folded word search),
//!   [`assign`] ("Ambil", assigning to a colleague; chat and console) and [`saved`]
//!   (each person's saved queue filters).
//! - [`notes`] and [`canned`] (SQL in [`desk_store`]): the staff desk's internal notes
//!   on a ticket, never sent to the resident, and the canned replies of each kota.
//! - [`audit`]: its audit entries as sentences; [`webhook`]: the webhook events it
//!   declares and their bodies. [`feature`] declares all of it.

pub mod assign;
pub mod audit;
pub mod browse;
pub mod canned;
pub mod desk_store;
pub mod dispose;
pub mod dispose_store;
pub mod find;
pub mod flow;
pub mod history;
pub mod model;
pub mod notes;
pub mod notices;
pub mod overdue;
pub mod personal;
pub mod render;
pub mod reopen;
pub mod saved;
pub mod report;
pub mod sla;
pub mod stages;
pub mod store;
pub mod tally;
pub mod bot;
pub mod buttons;
pub mod thread;
pub mod undo;
pub mod verdict;
pub mod web;
pub mod webhook;
pub mod webhook_opd;

/// Aspirations as plugged into kimbot: the chat, the staff notices and the overdue flags.
pub fn feature() -> crate::plug::Feature {
    use crate::plug::{DataRank, Feature};
    Feature::new("aspirations").with_audit_words(&audit::WORDS)
        .with_chat::<bot::Aspirations>()
        .with_job("staff notice job", |c, stop| Box::pin(notices::NOTICE.run(c.db.clone(), c.outbox.clone(), c.clock.clone(), stop)))
        .with_job("overdue aspiration job", |c, stop| Box::pin(overdue::run(c, stop)))
        .with_job("aspiration service level job", |c, stop| Box::pin(stages::job::run(c, stop)))
        .with_job("aspiration verdict job", |c, stop| Box::pin(verdict::job::run(c, stop)))
        .with_personal_data(&personal::DATA, DataRank::Child)
        .with_console(web::PAGES)
        .with_nav_badge(web::BADGE)
        .with_webhook_events(&webhook::EVENTS)
        .with_period_report(&report::PERIOD)
        .with_period_report(&report::agencies_export::PERIOD)
        .with_upgrade("search text folded", fold_search_text)
}

/// Tickets stored before the folded search column get theirs ([`find::backfill`]).
fn fold_search_text(db: &crate::platform::db::Db, _now: i64) -> crate::plug::Upgrade<'_> {
    Box::pin(find::backfill(db))
}
