//! Programme feeds in: staff register RSS 2.0 / Atom feeds of government programmes
//! per area (`/sumber`, `kimbot feeds …`); each feed is polled on its own cron
//! schedule, and every new item becomes a *draft* for the coordinators of the KIMs in
//! that area — never an automatic send. A coordinator previews it, dismisses it, or
//! opens the normal `/umumkan` flow with it written in.
//!
//! - [`fetch`]: HTTP (timeout, redirect limit, size cap, ETag / Last-Modified) and
//!   parsing; [`text`]: item keys and summary cleaning; [`schedule`]: poll times.
//! - [`store`] (feeds, items, health) and [`drafts`] (offers to coordinators).
//! - [`poll`]: the background loop and "poll now"; [`bot`], [`add`] and [`review`]:
//!   the chat side;
//!   [`cli`]: the office commands.

pub mod audit;
pub mod buttons;
pub mod cli;
pub mod drafts;
pub mod fetch;
pub mod poll;
pub mod personal;
pub mod schedule;
pub mod store;
pub mod bot;
pub mod text;

pub use poll::Poller;

/// Programme feeds as plugged into kimbot: `/sumber` and the poller.
pub fn feature() -> crate::plug::Feature {
    use crate::plug::{DataRank, Feature};
    Feature::new("feeds").with_audit_words(&audit::WORDS)
        .with_chat::<bot::Feeds>()
        .with_job("feed poller", |c, stop| {
            Box::pin(async move {
                match Poller::new(c) {
                    Ok(poller) => poller.run(stop).await,
                    Err(error) => tracing::error!(%error, "programme feeds disabled: no HTTP client"),
                }
            })
        })
        .with_personal_data(&personal::DATA, DataRank::Child)
}
