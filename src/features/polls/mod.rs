//! Polls (`/jajak`): staff and coordinators ask one question with 2–10 options; it
//! goes out as a native Telegram poll to the groups of the chosen target (and, if
//! asked, to residents there who agreed to programme news, in private chat) through
//! the paced outbox, and every answer from every chat lands in ONE tally, a person
//! counted once (their latest answer wins), broken down by KIM and kecamatan.
//!
//! - [`model`]: limits, closing-time presets and the tally (plain Rust).
//! - [`store`]: all SQL; [`answers`]: `poll_answer` / `poll` updates into the tally.
//! - [`bot`] and [`compose`]: the chat side; [`close`]: closing on time (a job),
//!   early, or recalling, with the final result and [`chart`] to the author;
//!   [`ends`]: each copy's stopPoll / delete, once, also for copies sent after closing.

pub mod audit;
pub mod bot;
pub mod chart;
pub mod close;
pub mod ends;
pub mod model;
pub mod personal;
pub mod store;

/// Polls as plugged into kimbot: the chat, the closing job, and the poll answers and
/// poll updates that come from every chat a poll went to, without a dialogue.
pub fn feature() -> crate::plug::Feature {
    use teloxide::dispatching::UpdateFilterExt;
    use teloxide::types::Update;
    use crate::plug::{DataRank, Feature};
    Feature::new("polls").with_audit_words(&audit::WORDS)
        .with_topic_kind(store::TOPIC)
        .with_chat::<bot::Polls>()
        .with_job("poll closing", |c, stop| Box::pin(close::run(c, stop)))
        .with_personal_data(&personal::DATA, DataRank::Child)
        .with_upgrade("answers keyed by fingerprint", rekey_voters)
        .with_updates(|tree| {
            tree.branch(Update::filter_poll_answer().endpoint(bot::answers::on_answer))
                .branch(Update::filter_poll().endpoint(bot::answers::on_poll))
        })
}

/// Answers stored before fingerprints get theirs ([`store::rekey_voters`]).
fn rekey_voters(db: &crate::platform::db::Db, now: i64) -> crate::plug::Upgrade<'_> {
    Box::pin(store::rekey_voters(db, now))
}
