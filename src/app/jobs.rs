//! The background jobs of one process: the platform's and those the features
//! declare, each a name and a future built from the context and the stop signal.
//! `App::run_until` spawns them all and joins them all after the dispatcher stops,
//! with one log line per panic.

use std::sync::Arc;

use teloxide::Bot;
use tokio::task::JoinHandle;

use super::AppCtx;
use crate::platform::delivery::{DeliveryConfig, RateLimiter};
use crate::platform::delivery::paid::Lane;
use crate::platform::delivery::worker::Worker;
use crate::platform::queue;
pub use crate::platform::scheduler::{Job, Stop};

/// Every job of a running bot: the platform's own (the delivery worker, which also
/// needs the Telegram client and the process's flood budget shared with the
/// handlers' answers; the Telegram probe), then every feature's.
pub fn all(ctx: &Arc<AppCtx>, bot: Bot, limiter: Arc<RateLimiter>, stop: &Stop) -> Vec<Job> {
    let c = ctx;
    let delivery = Worker::new(c.db.clone(), bot.clone(), c.clock.clone(), &c.outbox, limiter.clone(), c.config.delivery.clone()).with_ops(c.ops.clone());
    let mut jobs = Vec::new();
    // With paid broadcast on, its rows have a worker of their own (see `delivery::paid`).
    let delivery = match c.config.emergency.paid {
        Some(paid) => {
            let config = DeliveryConfig { concurrency: paid.concurrency, ..c.config.delivery.clone() };
            let lane = Worker::new(c.db.clone(), bot.clone(), c.clock.clone(), &c.outbox, limiter.clone(), config)
                .with_ops(c.ops.clone())
                .with_lane(Lane::Paid, &c.outbox);
            jobs.push(Job::new("paid broadcast worker", queue::worker::run(lane, stop.clone())));
            delivery.with_lane(Lane::Free, &c.outbox)
        }
        None => delivery,
    };
    jobs.extend([
        Job::new("delivery worker", queue::worker::run(delivery, stop.clone())),
        Job::new("telegram probe", crate::platform::ops::probe_telegram(bot, c.ops.clone(), stop.clone())),
    ]);
    jobs.extend(super::registry::features().iter().flat_map(|f| f.jobs(ctx, stop)));
    jobs
}

/// Spawns every job on the runtime.
pub fn spawn(jobs: Vec<Job>) -> Vec<(&'static str, JoinHandle<()>)> {
    jobs.into_iter().map(|job| (job.name, tokio::spawn(job.run))).collect()
}

/// Waits for every spawned job to end (after the stop signal); logs the ones that panicked.
pub async fn join(running: Vec<(&'static str, JoinHandle<()>)>) {
    for (job, handle) in running {
        if let Err(error) = handle.await {
            tracing::error!(job, %error, "background job panicked");
        }
    }
}
