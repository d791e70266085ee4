//! Cron-driven jobs in the configured time zone: scheduled and repeating
//! announcements.
//!
//! Schedules are rows (`next_run_at`, Unix seconds, computed in the KIM's zone), not
//! timers in memory, so a restart or a second process carries on. The loop looks for
//! due rows every [`POLL`] using the injectable clock (tests move a
//! [`ManualClock`](crate::platform::db::ManualClock) and the loop notices within a second); each
//! due row is claimed with `UPDATE … WHERE next_run_at = <old>` so it fires once even
//! with several processes. A run missed while the bot was down fires once on start,
//! marked late, and a repeating one then moves to its next time after now.
//!
//! [`every`] is the loop of every periodic job (this one, training reminders, staff
//! notices, overdue aspirations, programme feeds).

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::watch;

use crate::features::announcements::{fire, store};
use crate::platform::db::DbResult;
use crate::platform::ctx::AppCtx;

/// How often the loop looks for due rows: one indexed query, cheap enough to run
/// every second, and it keeps sends within a second of their time.
pub const POLL: Duration = Duration::from_secs(1);
/// Due rows taken per look; the rest wait for the next one.
const BATCH: i64 = 50;

pub struct Scheduler {
    ctx: Arc<AppCtx>,
}

impl Scheduler {
    pub fn new(ctx: Arc<AppCtx>) -> Self {
        Self { ctx }
    }

    /// Runs until `stop` turns true.
    pub async fn run(self, stop: watch::Receiver<bool>) {
        every("scheduled announcements", POLL, stop, || self.tick()).await;
    }

    /// Fires everything due now; returns how many runs this process fired.
    pub async fn tick(&self) -> DbResult<usize> {
        let now = self.ctx.now();
        let mut fired = 0;
        for id in store::due(&self.ctx.db, now, BATCH).await? {
            match fire::fire(&self.ctx, id, now).await {
                Ok(Some(_)) => fired += 1,
                Ok(None) => {} // another process took it, or it changed meanwhile
                Err(error) => tracing::error!(%error, announcement = id, "could not fire announcement"),
            }
        }
        Ok(fired)
    }
}

/// Runs `tick` every `period` until `stop` turns true. A failed tick is logged and
/// the next one comes on time; a tick that did something (its count is above 0) is
/// logged too. The period is wall time: a test moving a `ManualClock` is noticed
/// at the next tick.
pub async fn every<F, Fut, E>(job: &'static str, period: Duration, mut stop: watch::Receiver<bool>, mut tick: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<usize, E>>,
    E: std::fmt::Display,
{
    loop {
        if *stop.borrow() {
            return;
        }
        match tick().await {
            Ok(0) => {}
            Ok(done) => tracing::info!(job, done, "periodic job did work"),
            Err(error) => tracing::error!(job, %error, "periodic job failed"),
        }
        tokio::select! {
            _ = tokio::time::sleep(period) => {}
            _ = stop.changed() => {}
        }
    }
}
