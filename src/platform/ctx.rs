//! The application context every part of kimbot works with: platform services only,
//! so features, jobs and the web console use it without the bot or the app layer.

use std::sync::Arc;

use crate::platform::config::Config;
use crate::platform::db::{Db, SharedClock};

/// The application context: shared, read-only services that handlers, background
/// jobs and the web console all use. Nothing here is Telegram routing.
#[derive(Debug)]
pub struct AppCtx {
    pub db: Db,
    pub config: Arc<Config>,
    pub clock: SharedClock,
    /// The bot's @username, for deep links such as `t.me/<bot>?start=<code>`.
    pub bot_username: String,
    /// Messages for other chats (notices, broadcasts) go through here.
    pub outbox: crate::platform::delivery::Outbox,
    /// Wakes this process's webhook worker after a commit that queued deliveries.
    pub webhook_wake: crate::platform::queue::worker::Wake,
    /// Metrics and liveness signals of this process (`/metrics`, `/readyz`).
    pub ops: Arc<crate::platform::ops::Ops>,
    /// Every owner of personal data, for `/datasaya` and `/hapusdata`
    /// (`app::registry::personal_data`; passed in so features need not know the web
    /// console's tables).
    pub personal_data: &'static [&'static crate::platform::personal::PersonalData],
    /// Every declared consent purpose with its words (`app::registry::consent_purposes`),
    /// for `/datasaya`.
    pub consent_purposes: &'static [&'static crate::platform::personal::ConsentPurpose],
    /// What every feature does when a person loses their last role
    /// (`app::registry::role_lost_hooks`), run by the kernel's revoke.
    pub role_lost: &'static [crate::platform::personal::RoleLostHook],
    /// Every owner's sentences for its audit entries (`app::registry::audit_words`),
    /// for `/audit` and the console's Audit page.
    pub audit_words: &'static [&'static crate::platform::audit::words::Vocabulary],
    /// Every feature's webhook events (`app::registry::webhook_events`), whose
    /// builders make the bodies the webhook worker sends.
    pub webhook_events: &'static [&'static crate::platform::webhook_events::DeclaredEvent],
    /// Every feature's period reports (`app::registry::period_reports`), offered by
    /// `/laporan` and the console's *Unduh*.
    pub period_reports: &'static [&'static crate::platform::export::kinds::PeriodReport],
    /// Every feature's scheduled work that can fall behind (`app::registry::backlogs`),
    /// measured by `/metrics`.
    pub backlogs: &'static [crate::platform::ops::Backlog],
    /// Report files the web console may build at once in this process (each a
    /// streamed XLSX/CSV build); a download beyond them is told to try again.
    pub console_exports: Arc<tokio::sync::Semaphore>,
}

impl AppCtx {
    pub fn now(&self) -> i64 {
        self.clock.now()
    }
    pub fn deep_link(&self, payload: &str) -> String {
        format!("https://t.me/{}?start={payload}", self.bot_username)
    }
}

