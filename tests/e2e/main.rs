//! End-to-end conversations: the real kimbot, the real teloxide client, a fake Bot
//! API on loopback, and a fresh database per test (SQLite, or PostgreSQL when
//! `TEST_DATABASE_URL` is set).

#[path = "../support/mod.rs"]
mod support;

mod announcements;
mod audit;
mod areas;
mod aspirations;
mod delivery;
mod delivery_claims;
mod delivery_restart;
mod emergency;
mod groups;
mod onboarding;
mod privacy;
mod reach;
mod reports;
mod robustness;
mod roles;
mod startup;
mod programmes;
mod trainings;
mod umkm;
mod webhooks;
mod factcheck;
mod surveys;
mod polls;
mod feeds;
mod members;
mod console;
mod ops;
mod ops_cli;
mod telegram_webhook;
mod faults;
