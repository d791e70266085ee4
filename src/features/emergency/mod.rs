//! Emergency warnings (`/darurat`): an admin, or staff given the right
//! (`KIMBOT_EMERGENCY_STAFF`), picks one of their areas, writes the warning (text, or
//! a photo with a caption), sees how many groups and residents it reaches (and, with
//! paid broadcast on, the most it can cost), and confirms. It goes to every linked
//! group in the area and every resident there who opted in to programme news,
//! **ahead of every other queued message** ([`Priority::Emergency`]), audited, and
//! can be recalled (sent copies deleted, queued ones cancelled).
//!
//! With `KIMBOT_PAID_BROADCAST=1` the copies are queued as paid rows and drained by
//! the paid lane at up to 1,000 messages/s ([`crate::platform::delivery::paid`]);
//! a warning whose most possible cost exceeds `KIMBOT_PAID_BROADCAST_MAX_STARS` is
//! refused with the numbers. Without it, the free limits apply and it still jumps
//! the queue.
//!
//! - [`model`]: who may warn, what a warning reaches and costs (plain Rust).
//! - [`store`]: all SQL on `emergencies`, and the warning's readers.
//! - [`recall`]: the recall action; [`audit`], [`personal`]: its words and data.
//! - [`bot`]: the chat side.
//!
//! [`Priority::Emergency`]: crate::platform::delivery::Priority::Emergency

pub mod audit;
pub mod bot;
pub mod model;
pub mod personal;
pub mod recall;
pub mod store;

/// Emergency warnings as plugged into kimbot.
pub fn feature() -> crate::plug::Feature {
    use crate::plug::{DataRank, Feature};
    Feature::new("emergency")
        .with_audit_words(&audit::WORDS)
        .with_chat::<bot::Emergency>()
        .with_personal_data(&personal::DATA, DataRank::Child)
}
