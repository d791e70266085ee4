//! # kimbot
//!
//! A Telegram bot for Indonesia's Kelompok Informasi Masyarakat (KIM): residents join
//! their KIM, coordinators link their groups and announce, Diskominfo staff triage
//! and report.
//!
//! A tour of the crate:
//! - [`platform`]: what every feature stands on and that knows nothing of Telegram
//!   routing: typed config, the database and its clock, messages (i18n), dates as
//!   people type them, the audit log, the outbound-address guard, the persistent
//!   outbox with its paced delivery worker, periodic jobs, metrics and readiness
//!   (`ops`), the export toolkit (`export`: XLSX, CSV, periods, period reports),
//!   id newtypes (`ids`).
//! - [`kernel`]: what every feature stands on and names: identity and tenancy
//!   (people, roles, areas, KIMs, groups, permissions), and the official Kemendagri
//!   area list compiled in (`kernel::members::wilayah`); and audience (targets,
//!   typed times, crontab schedules and their words, and the segments features
//!   declare: `kernel::audience`). It names no feature.
//! - [`plug`]: a feature's declaration — its chat plug, deep links, jobs, console
//!   pages, personal data and consent purposes, audit sentences, webhook events,
//!   period reports, forum topic kinds, backlogs, audience segments, role-lost hooks,
//!   composers (conversations it opens for other features, asked for by kind), data
//!   upgrades and extra update branches — written in its
//!   `mod.rs`; [`app::registry`] lists each feature once and everything else is read
//!   from those declarations.
//! - [`features`]: one folder per feature (the list is [`app::registry`]'s). Each
//!   has its domain and store (plain types and SQL, its own tables only — checked by
//!   `app::architecture`'s tests), its exports and console pages, and a `bot` module
//!   with its dialogues, buttons and thin handlers.
//! - [`bot`]: teloxide glue: the update schema, dialogue storage on our own tables,
//!   the router over the features' registrations, command menus.
//! - [`app`]: the application context and the jobs, wired together and run until
//!   shutdown.
//! - [`tools`]: the ways in besides `run`: the command line (`kimbot areas` in
//!   `areas_cli`), the sandbox, benchmarks, `doctor` and `backup`.
//! - [`web`]: the HTTP side, one listener per process: the staff web console,
//!   `/healthz`, `/readyz`, `/metrics`, and Telegram's webhook in webhook mode.

pub mod app;
pub mod bot;
pub mod features;
pub mod kernel;
pub mod platform;
pub mod plug;
pub mod tools;
pub mod web;
