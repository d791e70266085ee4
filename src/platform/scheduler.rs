//! The loop of every periodic job: scheduled announcements, training reminders, staff
//! notices, overdue aspirations, programme feeds, poll and survey closing.
//!
//! Each job keeps its work in rows, not timers in memory, and claims a due row with a
//! conditional `UPDATE`, so a restart or a second process carries on and nothing runs
//! twice; this loop only calls its tick on time, with the injectable clock read inside
//! the tick (tests move a [`ManualClock`](crate::platform::db::ManualClock) and the
//! loop notices within a period).

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use tokio::sync::watch;

/// Turns true when the process shuts down; every job stops claiming work then.
pub type Stop = watch::Receiver<bool>;

/// One background job: a name for the logs and the future that runs it until [`Stop`].
pub struct Job {
    pub name: &'static str,
    pub run: Pin<Box<dyn Future<Output = ()> + Send>>,
}

impl Job {
    pub fn new(name: &'static str, run: impl Future<Output = ()> + Send + 'static) -> Self {
        Self { name, run: Box::pin(run) }
    }
}

/// How often the quick jobs look for due rows: one indexed query, cheap enough to run
/// every second, and it keeps sends within a second of their time.
pub const POLL: Duration = Duration::from_secs(1);

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
