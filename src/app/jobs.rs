//! The background jobs of one process, in one list: each is a name and a future
//! built from the context and the stop signal. `App::run_until` spawns them all
//! and joins them all after the dispatcher stops, with one log line per panic.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use teloxide::Bot;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use super::AppCtx;
use crate::features::trainings::reminders::Reminders;
use crate::platform::delivery::RateLimiter;
use crate::platform::delivery::worker::Worker;
use crate::platform::queue;
use crate::features::announcements::scheduler::Scheduler;

/// Turns true when the process shuts down; every job stops claiming work then.
pub type Stop = watch::Receiver<bool>;

/// One background job.
pub struct Job {
    pub name: &'static str,
    pub run: Pin<Box<dyn Future<Output = ()> + Send>>,
}

impl Job {
    pub fn new(name: &'static str, run: impl Future<Output = ()> + Send + 'static) -> Self {
        Self { name, run: Box::pin(run) }
    }
}

/// Every job of a running bot. The delivery worker also needs the Telegram client
/// and the process's flood budget (shared with the handlers' answers).
pub fn all(ctx: &Arc<AppCtx>, bot: Bot, limiter: Arc<RateLimiter>, stop: &Stop) -> Vec<Job> {
    let c = ctx;
    let polls = crate::features::polls::close::run(c.clone(), stop.clone());
    let delivery = Worker::new(c.db.clone(), bot.clone(), c.clock.clone(), &c.outbox, limiter, c.config.delivery.clone()).with_ops(c.ops.clone());
    let reminders = Reminders::new(c.db.clone(), c.clock.clone(), c.outbox.clone(), c.config.tz);
    let notices = crate::features::aspirations::notices::run(c.db.clone(), c.outbox.clone(), c.clock.clone(), stop.clone());
    let webhooks = crate::features::webhooks::worker::Worker::new(c.db.clone(), c.clock.clone(), c.config.webhooks.clone(), c.config.outbound, c.webhook_wake.clone()).with_ops(c.ops.clone());
    vec![
        Job::new("delivery worker", queue::worker::run(delivery, stop.clone())),
        Job::new("training reminders", reminders.run(stop.clone())),
        Job::new("staff notice job", notices),
        Job::new("cek fakta notice job", crate::features::factcheck::notices::run(c.db.clone(), c.outbox.clone(), c.clock.clone(), stop.clone())),
        Job::new("scheduler", Scheduler::new(c.clone()).run(stop.clone())),
        Job::new("webhook worker", queue::worker::run(webhooks, stop.clone())),
        Job::new("feed poller", feeds(c.clone(), stop.clone())),
        Job::new("overdue aspiration job", crate::features::aspirations::overdue::run(c.clone(), stop.clone())),
        Job::new("poll closing", polls),
        Job::new("survey closing", crate::features::surveys::closing::run(c.clone(), stop.clone())),
        Job::new("telegram probe", crate::platform::ops::probe_telegram(bot, c.ops.clone(), stop.clone())),
    ]
}

async fn feeds(ctx: Arc<AppCtx>, stop: Stop) {
    match crate::features::feeds::Poller::new(ctx) {
        Ok(poller) => poller.run(stop).await,
        Err(error) => tracing::error!(%error, "programme feeds disabled: no HTTP client"),
    }
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
