//! The worker loop every queue runs: up to `concurrency` deliveries in flight, each
//! holding a lane until its outcome is recorded; stalled claims reclaimed every half
//! lease; on stop, no new claims and the deliveries in flight finish. What differs
//! between queues (how a row is picked, sent and recorded) is the [`Drain`].

use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use tokio::sync::{Notify, OwnedSemaphorePermit, Semaphore, watch};
use tokio::task::JoinSet;

use crate::platform::db::SharedClock;

/// Longest wait between two looks at a queue when nothing woke its worker (the
/// clock may be moved by hand in tests, so due times are not slept towards).
pub const IDLE_POLL: Duration = Duration::from_secs(1);

/// Tells a queue's worker in this process that rows may be waiting. Cloned into
/// whoever enqueues; a wake while the worker is busy is kept for its next look.
#[derive(Debug, Clone, Default)]
pub struct Wake(Arc<Notify>);

impl Wake {
    pub fn new() -> Wake {
        Wake::default()
    }

    /// Call after the commit that queued rows.
    pub fn wake(&self) {
        self.0.notify_one();
    }

    /// Waits for a wake, the idle poll or `stop`, whichever comes first.
    pub async fn idle(&self, stop: &mut watch::Receiver<bool>) {
        tokio::select! {
            _ = self.0.notified() => {}
            _ = tokio::time::sleep(IDLE_POLL) => {}
            _ = stop.changed() => {}
        }
    }
}

/// One queue's own part of the loop.
#[async_trait]
pub trait Drain: Send + Sync + 'static {
    /// How many deliveries at once, the claim lease, and the clock.
    fn pace(&self) -> Pace;

    /// Runs once before the first claim.
    async fn start(&self) {}

    /// Runs at every turn of the loop (a liveness heartbeat for `/readyz`).
    fn tick(&self) {}

    /// Queues again the rows whose claim outlived the lease.
    async fn reclaim(&self);

    /// Runs once after the last delivery in flight finished (e.g. gives back rows
    /// claimed ahead and never sent).
    async fn finish(&self) {}

    /// Claims the next due row and spawns its delivery into `tasks`, which keeps
    /// `lane` until the outcome is recorded; with nothing due, waits (see
    /// [`Wake::idle`]) and returns.
    async fn step(self: Arc<Self>, lane: OwnedSemaphorePermit, tasks: &mut JoinSet<()>, stop: &mut watch::Receiver<bool>);
}

/// How a worker loop is paced.
#[derive(Debug, Clone)]
pub struct Pace {
    pub concurrency: usize,
    pub lease: Duration,
    pub clock: SharedClock,
}

/// Runs `drain` until `stop` turns true, then lets the deliveries in flight finish
/// and record their outcome (each is bounded by its request timeout).
pub async fn run<D: Drain>(drain: D, mut stop: watch::Receiver<bool>) {
    let pace = drain.pace();
    let drain = Arc::new(drain);
    drain.start().await;
    let lanes = Arc::new(Semaphore::new(pace.concurrency.max(1)));
    let mut tasks = JoinSet::new();
    let mut next_reclaim = 0;
    loop {
        drain.tick();
        while tasks.try_join_next().is_some() {}
        if *stop.borrow() {
            break;
        }
        if pace.clock.now() >= next_reclaim {
            drain.reclaim().await;
            next_reclaim = pace.clock.now() + (pace.lease.as_secs() as i64 / 2).clamp(1, 10);
        }
        let lane = tokio::select! {
            lane = lanes.clone().acquire_owned() => lane.expect("the semaphore is never closed"),
            _ = stop.changed() => break,
        };
        drain.clone().step(lane, &mut tasks, &mut stop).await;
    }
    while tasks.join_next().await.is_some() {}
    drain.finish().await;
}
