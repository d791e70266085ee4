//! Cek fakta: residents ask "is this true?" about a message they received; staff of
//! their area give a verdict with an explanation, which reaches everyone who asked
//! about the same content and can be announced to the KIM groups as a clarification.

pub mod audit;
pub mod bot;
pub mod model;
pub mod notices;
pub mod personal;
pub mod report;
pub mod store;
pub mod webhook;

/// Cek fakta as plugged into kimbot.
pub fn feature() -> crate::plug::Feature {
    use crate::plug::{DataRank, Feature};
    Feature::new("factcheck")
        .with_audit_words(&audit::WORDS)
        .with_chat::<bot::FactCheck>()
        .with_job("cek fakta notice job", |c, stop| Box::pin(notices::NOTICE.run(c.db.clone(), c.outbox.clone(), c.clock.clone(), stop)))
        .with_personal_data(&personal::DATA, DataRank::Child)
        .with_webhook_events(&webhook::EVENTS)
        .with_period_report(&report::PERIOD)
}
