//! Residents, roles, areas, KIMs and Telegram groups: who is who and who may do what.
//!
//! Plain Rust types and SQL only; the Telegram handlers that use them live in
//! `crate::bot`. Who may do what to which object is answered by [`permissions`].

pub mod areas;
pub mod groups;
pub mod model;
pub mod permissions;
pub mod roles;
pub mod users;

pub use model::*;
