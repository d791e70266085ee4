//! What an operator watches: the process's metrics ([`metrics`]) and the readiness
//! checks behind `/readyz` ([`ready`]).
//!
//! One [`Ops`] per application, in its [`AppCtx`](crate::platform::ctx::AppCtx): the metrics
//! registry is per app, not a process-wide recorder, so the tests' many apps in one
//! process never count into each other. The cheap liveness signals (last successful
//! Telegram call, delivery worker heartbeat) are atomics read against a monotonic clock.

pub mod metrics;
pub mod ready;

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

pub use metrics::Metrics;

/// A feature's scheduled work that can fall behind: `oldest_due(db, now)` answers the
/// due time of the oldest item not yet done (`None`: nothing due). `/metrics` reports
/// the largest lag over every declared backlog, so ops never reads a feature's table.
#[derive(Clone, Copy)]
pub struct Backlog {
    pub name: &'static str,
    pub oldest_due: for<'a> fn(&'a crate::platform::db::Db, i64) -> std::pin::Pin<Box<dyn std::future::Future<Output = crate::platform::db::DbResult<Option<i64>>> + Send + 'a>>,
}

impl std::fmt::Debug for Backlog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Backlog").field("name", &self.name).finish_non_exhaustive()
    }
}

/// Per-application operational state: metrics and liveness signals.
#[derive(Debug)]
pub struct Ops {
    pub metrics: Metrics,
    started: Instant,
    /// Milliseconds after `started` (plus one, so 0 means never) of the last
    /// successful call to Telegram.
    telegram_ok: AtomicU64,
    /// The same for the delivery worker's last turn of its loop.
    delivery_beat: AtomicU64,
}

impl Default for Ops {
    fn default() -> Self {
        Self { metrics: Metrics::new(), started: Instant::now(), telegram_ok: AtomicU64::new(0), delivery_beat: AtomicU64::new(0) }
    }
}

impl Ops {
    fn stamp(&self) -> u64 {
        self.started.elapsed().as_millis() as u64 + 1
    }

    fn age(&self, cell: &AtomicU64) -> Option<Duration> {
        match cell.load(Ordering::Relaxed) {
            0 => None,
            at => Some(Duration::from_millis(self.stamp().saturating_sub(at))),
        }
    }

    /// A call to Telegram answered (any answer from Telegram itself, even an API
    /// error, shows it is reachable; network errors do not count).
    pub fn telegram_reached(&self) {
        self.telegram_ok.store(self.stamp(), Ordering::Relaxed);
    }

    /// How long ago Telegram last answered; `None` if it never did.
    pub fn telegram_age(&self) -> Option<Duration> {
        self.age(&self.telegram_ok)
    }

    /// The delivery worker is alive and turning its loop.
    pub fn delivery_heartbeat(&self) {
        self.delivery_beat.store(self.stamp(), Ordering::Relaxed);
    }

    /// How long ago the delivery worker last turned its loop; `None` if it never ran.
    pub fn delivery_age(&self) -> Option<Duration> {
        self.age(&self.delivery_beat)
    }
}

/// Telegram is asked `getMe` when nothing else reached it for this long.
const PROBE_AFTER: Duration = Duration::from_secs(20);
/// How often the probe looks.
const PROBE_LOOK: Duration = Duration::from_secs(5);

/// Keeps "Telegram answered recently" true while Telegram answers, even when the
/// bot has nothing to send: asks `getMe` whenever nothing else reached Telegram
/// for [`PROBE_AFTER`]. Runs until `stop` turns true.
pub async fn probe_telegram(bot: teloxide::Bot, ops: std::sync::Arc<Ops>, mut stop: tokio::sync::watch::Receiver<bool>) {
    use teloxide::prelude::Requester;
    loop {
        if *stop.borrow() {
            return;
        }
        if ops.telegram_age().is_none_or(|age| age >= PROBE_AFTER) {
            match bot.get_me().await {
                Ok(_) => ops.telegram_reached(),
                Err(error) => tracing::warn!(%error, "Telegram probe (getMe) failed"),
            }
        }
        tokio::select! {
            _ = tokio::time::sleep(PROBE_LOOK) => {}
            _ = stop.changed() => {}
        }
    }
}
