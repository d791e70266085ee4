//! Scheduled and repeating announcements, fired when due.
//!
//! Schedules are rows (`next_run_at`, Unix seconds, computed in the KIM's zone), not
//! timers in memory, so a restart or a second process carries on. The loop looks for
//! due rows every [`POLL`] using the injectable clock; each due row is claimed with
//! `UPDATE … WHERE next_run_at = <old>` so it fires once even with several processes.
//! A run missed while the bot was down fires once on start, marked late, and a
//! repeating one then moves to its next time after now.

use std::sync::Arc;

use tokio::sync::watch;

use super::{fire, store};
use crate::platform::ctx::AppCtx;
use crate::platform::db::DbResult;
use crate::platform::scheduler::{POLL, every};

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
