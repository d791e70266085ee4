//! Residents, roles, areas, KIMs and Telegram groups: who is who and who may do what.
//!
//! Plain Rust types and SQL, plus the membership commands plugged into the bot
//! ([`bot`]); onboarding (`/start`) and groups' own commands stay in `crate::bot`.
//! Who may do what to which object is answered by [`permissions`].
//!
//! A person is a [`UserId`] and a KIM a [`KimId`] (declared in [`model`]); every
//! function here and the structs it returns take and hold those, not a bare `i64`.

pub mod agencies;
pub mod areas;
pub mod audit;
pub mod bot;
pub mod groups;
pub mod model;
pub mod official;
pub mod permissions;
pub mod retire;
pub mod personal;
pub mod preview;
pub mod roles;
pub mod staff_notices;
pub mod topics;
pub mod uploads;
pub mod users;
pub mod wilayah;

pub use model::*;
