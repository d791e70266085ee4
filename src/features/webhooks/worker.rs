//! The webhook worker: claims due deliveries and POSTs each in its own task, up to
//! `concurrency` at once and never two to the same endpoint from this process, so
//! a slow or hanging endpoint holds one lane and delays only its own deliveries.
//! It runs beside the bot and shares nothing with the handlers but the database.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use tokio::sync::{OwnedSemaphorePermit, watch};
use tokio::task::JoinSet;

use super::model::next_attempt;
use super::queue::{self, Answer, Claimed};
use super::send::{self, Outcome, Request};
use super::payload::{self, DeclaredEvent};
use super::{WebhookConfig, store};
use crate::platform::db::{Db, DbResult, SharedClock};
use crate::platform::ops::Ops;
use crate::platform::outbound::Guard;
use crate::platform::queue::worker::{Drain, Pace, Wake};


pub struct Worker {
    db: Db,
    clock: SharedClock,
    client: reqwest::Client,
    config: WebhookConfig,
    /// Refuses endpoints on private addresses (IP literals; names in the client).
    guard: Guard,
    name: String,
    /// Endpoints with a request in flight from this process.
    busy: Mutex<HashSet<i64>>,
    /// New deliveries queued, or a request finished and its endpoint may be claimed again.
    wake: Wake,
    /// Delivery outcomes for `/metrics`.
    ops: Arc<Ops>,
    /// Every feature's events, whose builders make the bodies.
    events: &'static [&'static DeclaredEvent],
}

impl Worker {
    pub fn new(db: Db, clock: SharedClock, config: WebhookConfig, guard: Guard, wake: Wake, events: &'static [&'static DeclaredEvent]) -> Self {
        let name = format!("wh-{}-{}-{:04x}", std::process::id(), clock.now(), rand::random::<u16>());
        let client = send::client(config.request_timeout, guard);
        Self { db, clock, client, config, guard, name, busy: Mutex::new(HashSet::new()), wake, ops: Arc::default(), events }
    }

    /// Reports delivery outcomes into the application's metrics.
    pub fn with_ops(mut self, ops: Arc<Ops>) -> Self {
        self.ops = ops;
        self
    }

    async fn claim(&self) -> DbResult<Option<Claimed>> {
        let busy: Vec<i64> = self.busy.lock().expect("busy endpoints lock").iter().copied().collect();
        let row = queue::claim_next(&self.db, &self.name, self.clock.now(), &busy).await?;
        if let Some(row) = &row {
            self.busy.lock().expect("busy endpoints lock").insert(row.endpoint_id);
        }
        Ok(row)
    }

    /// Sends one delivery and records the outcome, then frees its endpoint.
    async fn deliver(self: Arc<Self>, row: Claimed, lane: OwnedSemaphorePermit) {
        let outcome = self.attempt(&row).await;
        if let Err(error) = self.record(&row, outcome).await {
            tracing::error!(delivery = %row.delivery_id, %error, "webhooks: outcome not recorded; sent again after the lease");
        }
        drop(lane);
        self.busy.lock().expect("busy endpoints lock").remove(&row.endpoint_id);
        self.wake.wake();
    }

    /// Builds the body from current data and POSTs it. A removed endpoint or a
    /// vanished ticket ends the delivery; a database error is retried like a timeout.
    async fn attempt(&self, row: &Claimed) -> Outcome {
        let target = match store::target(&self.db, row.endpoint_id).await {
            Ok(Some(target)) => target,
            Ok(None) => return Outcome::Dropped("endpoint removed".into()),
            Err(e) => return Outcome::Transient { status: None, body: None, error: format!("database: {e}") },
        };
        let body = match payload::build(&self.db, self.events, row).await {
            Ok(Some(body)) => body,
            Ok(None) => return Outcome::Dropped("ticket no longer exists".into()),
            Err(e) => return Outcome::Transient { status: None, body: None, error: format!("database: {e}") },
        };
        let (url, secret) = (&target.0, &target.1);
        if let Some(Err(blocked)) = url::Url::parse(url).ok().map(|u| self.guard.check_url(&u)) {
            return Outcome::Dropped(blocked.to_string());
        }
        let request = Request { url, secret, delivery_id: &row.delivery_id, event: &row.event, body };
        send::post(&self.client, request).await
    }

    async fn record(&self, row: &Claimed, outcome: Outcome) -> DbResult<()> {
        let now = self.clock.now();
        let (state, next, answer) = match outcome {
            Outcome::Delivered { status, body } => {
                self.ops.metrics.webhook_delivery("delivered");
                ("delivered", None, answer(Some(status), Some(body), None))
            }
            Outcome::Dropped(why) => {
                self.ops.metrics.webhook_delivery("dropped");
                ("failed", None, answer(None, None, Some(why)))
            }
            Outcome::Rejected { status, body } => {
                self.ops.metrics.webhook_delivery("rejected");
                tracing::warn!(delivery = %row.delivery_id, status, "webhooks: endpoint refused the delivery");
                ("failed", None, answer(Some(status), Some(body), Some(format!("HTTP {status}"))))
            }
            Outcome::Transient { status, body, error } => {
                match next_attempt(row.first_attempt_at, row.attempts + 1, now) {
                    Some(at) => {
                        self.ops.metrics.webhook_delivery("retry");
                        ("queued", Some(at), answer(status, body, Some(error)))
                    }
                    None => {
                        self.ops.metrics.webhook_delivery("gave_up");
                        let error = format!("gave up after {} tries over a day: {error}", row.attempts + 1);
                        tracing::warn!(delivery = %row.delivery_id, %error, "webhooks: delivery failed");
                        ("failed", None, answer(status, body, Some(error)))
                    }
                }
            }
        };
        if !queue::finish(&self.db, row, &self.name, state, next, &answer, now).await? {
            tracing::warn!(delivery = %row.delivery_id, "webhooks: delivery was reclaimed meanwhile; outcome dropped");
        }
        Ok(())
    }
}

#[async_trait]
impl Drain for Worker {
    fn pace(&self) -> Pace {
        Pace { concurrency: self.config.concurrency, lease: self.config.lease, clock: self.clock.clone() }
    }

    async fn reclaim(&self) {
        match queue::reclaim_stale(&self.db, self.config.lease.as_secs() as i64, self.clock.now()).await {
            Ok(0) => {}
            Ok(n) => tracing::warn!(deliveries = n, "webhooks: deliveries left sending by a stopped process are queued again"),
            Err(error) => tracing::error!(%error, "webhooks: cannot reclaim stale deliveries"),
        }
    }

    /// The next due delivery, sent in its own task; or, when none is due, a wait for
    /// a wake (a new delivery or a freed endpoint), the idle poll or `stop`.
    async fn step(self: Arc<Self>, lane: OwnedSemaphorePermit, tasks: &mut JoinSet<()>, stop: &mut watch::Receiver<bool>) {
        match self.claim().await {
            Ok(Some(row)) => {
                tasks.spawn(self.clone().deliver(row, lane));
            }
            Ok(None) => self.wake.idle(stop).await,
            Err(error) => {
                tracing::error!(%error, "webhooks: cannot claim a delivery");
                self.wake.idle(stop).await;
            }
        }
    }
}

fn answer(status: Option<u16>, body: Option<String>, error: Option<String>) -> Answer {
    Answer { status: status.map(i64::from), body, error }
}
