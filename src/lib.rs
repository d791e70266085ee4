//! # kimbot
//!
//! A Telegram bot for Indonesia's Kelompok Informasi Masyarakat (KIM): residents join
//! their KIM, coordinators link their groups, Diskominfo staff manage roles.
//!
//! A tour of the crate:
//! - [`config`]: typed settings from the environment, one clear line per mistake.
//! - [`db`]: one `sqlx::AnyPool` over SQLite or PostgreSQL, migrations per backend,
//!   an injectable [`db::Clock`].
//! - [`i18n`]: every user-facing text, from `messages/<lang>/*.ftl`.
//! - [`when`]: dates as people type them and read them, in the KIM's time zone.
//! - [`members`]: areas, KIMs, residents and consent receipts, roles and invites,
//!   groups. Plain types and SQL, no Telegram.
//! - [`telegram`]: the dispatcher schema, dialogue storage on our own tables, and
//!   the thin handlers.
//! - [`trainings`]: sessions per KIM, registration with a waitlist, reminders,
//!   attendance and feedback.
//! - [`delivery`]: the persistent outbox, its worker and the flood-limit pacing
//!   shared with the handlers' answers.
//! - [`webhooks`]: signed POSTs to other systems when tickets change, from a
//!   persistent queue drained by its own worker.
//! - [`feeds`]: programme RSS/Atom feeds polled into drafts for coordinators.
//! - [`outbound`]: keeps feeds and webhooks off private and loopback addresses.
//! - [`app`]: wires it together and runs until shutdown; [`cli`] and [`sandbox`]
//!   are the ways in; [`bench`] measures the delivery engine.

pub mod announcements;
pub mod app;
pub mod aspirations;
pub mod audit;
pub mod bench;
pub mod cli;
pub mod config;
pub mod db;
pub mod delivery;
pub mod i18n;
pub mod members;
pub mod privacy;
pub mod reports;
pub mod sandbox;
pub mod scheduler;
pub mod telegram;
pub mod telemetry;
pub mod trainings;
pub mod umkm;
pub mod webhooks;
pub mod when;
pub mod outbound;
pub mod feeds;
