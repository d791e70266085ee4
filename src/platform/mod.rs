//! Services every feature stands on, free of Telegram routing: settings, database,
//! messages, time, audit, the outbound guard, the outbox and its delivery worker,
//! the button codec of messages queued there, and the working-day calendar of
//! service levels.

pub mod audit;
pub mod buttons;
pub mod config;
pub mod ctx;
pub mod csv;
pub mod db;
pub mod delivery;
pub mod export;
pub mod fingerprint;
pub mod i18n;
pub mod ids;
pub mod intake;
pub mod memory;
pub mod ops;
pub mod outbound;
pub mod paging;
pub mod personal;
#[cfg(debug_assertions)]
pub mod probe;
pub mod queue;
pub mod scheduler;
pub mod settings;
pub mod share;
pub mod telemetry;
pub mod text;
pub mod webhook_events;
pub mod when;
pub mod workdays;
