//! The kernel every feature stands on, below the features and named by all of them.
//!
//! - [`members`]: identity and tenancy — people (users, their language and consent),
//!   roles and their scopes, areas (kota → kecamatan → kelurahan), KIMs, linked groups
//!   and the permission checks over them. Its tables may be joined by any feature;
//!   only this module writes them. Its chat part (`/grupsaya`, `/undang`, `/bahasa`
//!   …) is plugged in like a feature's.
//! - [`audience`]: whom a message to many is for (targets resolved to groups through
//!   the actor's scope) and when it goes out (typed times, crontab schedules, in
//!   words) — announcements, polls, surveys, feeds, cek fakta and alerts use it.

pub mod audience;
pub mod members;
