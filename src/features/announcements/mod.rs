//! Announcements: coordinators and staff compose (text with its formatting, an
//! optional photo or document), choose target groups, preview, and send now, at a
//! time, or on a repeating schedule; then follow the delivery report per group and
//! recall what was sent.
//!
//! - [`model`]: content, schedule, status and the rules on them. Whom it is for,
//!   reading typed times and crontab lines and saying them in words is the audience
//!   kernel's ([`crate::kernel::audience`]), shared with polls, surveys, feeds and alerts.
//! - [`store`] (SQL of `announcements`) and [`runs`] (runs and per-group deliveries:
//!   the delivery report and recall read them).
//! - [`fire`]: one run → outbox rows, claimed so it happens once; the
//!   [`scheduler`](crate::platform::scheduler) calls it for due rows.
//! - [`bot`] and the handler modules behind it: `/umumkan`, `/jadwal` (with the
//!   history of runs that went out), `/pengumuman`, the report and recall.
//! - [`web`]: the console's *Pengumuman* pages (list, delivery report, recall).
//!
//! Targets are groups linked to KIMs and, for staff, registered UMKM in private chat
//! (`bot::umkm_target`), only those who agreed to programme news.

pub mod audit;
mod buttons;
pub mod fire;
pub mod handover;
pub mod model;
pub mod personal;
pub(crate) mod render;
pub mod recall;
pub(crate) mod report;
pub mod runs;
pub mod scheduler;
pub mod store;
pub mod bot;
pub mod web;

/// Announcements as plugged into kimbot: the chat, the scheduler of timed and
/// repeating sends, and the reactions on group posts its reports show.
pub fn feature() -> crate::plug::Feature {
    use teloxide::dispatching::UpdateFilterExt;
    use teloxide::types::Update;
    use crate::plug::{DataRank, Feature};
    Feature::new("announcements").with_audit_words(&audit::WORDS)
        .with_chat::<bot::Announcements>()
        .with_composer(bot::Compose::Announcement, bot::start_with_text)
        .with_composer(bot::Compose::Clarification, bot::start_clarification)
        .with_job("scheduler", |c, stop| Box::pin(scheduler::Scheduler::new(c).run(stop)))
        .with_role_lost(handover::on_role_lost)
        .with_topic_kind(model::TOPIC)
        .with_topic_kind(model::CLARIFICATION_TOPIC)
        .with_backlog(crate::platform::ops::Backlog { name: "announcements", oldest_due: store::oldest_due })
        .with_personal_data(&personal::DATA, DataRank::Child)
        .with_console(web::PAGES)
        .with_updates(|tree| tree.branch(Update::filter_message_reaction_count_updated().endpoint(bot::reactions::on_count)))
}
