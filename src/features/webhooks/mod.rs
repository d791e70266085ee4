//! Webhooks out: other systems (a city's complaint tracker, a dashboard) hear about
//! what happens in kimbot as it happens, without polling it. This is the engine:
//! endpoints, the deliveries queue, signing, retries and the CLI. It names no
//! feature and reads no feature's table: each feature declares its events with
//! `Feature::with_webhook_events` (a [`DeclaredEvent`]: name, body builder, subject
//! number), queues a [`Change`] in its own transaction, and the registry hands the
//! declarations to the worker (`AppCtx::webhook_events`) and the CLI.
//!
//! - [`model`]: event names, endpoint validation, delivery ids, the retry schedule.
//! - [`store`]: endpoints (`kimbot webhooks add|list|remove`), the enqueue that runs
//!   inside the changing feature's own transaction, failures and re-queueing.
//! - [`queue`]: claiming due deliveries (safe with several processes on one
//!   PostgreSQL) and recording outcomes.
//! - [`payload`] and [`signature`]: the JSON body, built at send time from current
//!   data by the feature that declared the event, and its HMAC-SHA256 signature.
//! - [`send`] and [`worker`]: the HTTP POST and the background task that drains the
//!   queue, several endpoints at once, never more than one request per endpoint.
//! - [`cli`]: the `kimbot webhooks` subcommands.
//!
//! Handlers never do HTTP: a change only inserts rows; the worker sends them.

pub mod audit;
pub mod cli;
pub mod model;
pub mod payload;
pub mod queue;
pub mod send;
pub mod signature;
pub mod store;
pub mod worker;

/// Its settings are read with the others in `platform::config`.
pub use crate::platform::config::WebhookConfig;


use crate::platform::db::DbError;

/// Errors of the webhooks layer; the CLI prints them as one line.
#[derive(Debug, thiserror::Error)]
pub enum WebhookError {
    #[error("{0}")]
    Invalid(#[from] model::InvalidEndpoint),
    #[error("no webhook endpoint with id {0} (see `kimbot webhooks list`)")]
    NoEndpoint(i64),
    #[error("no webhook delivery with id {0} (see `kimbot webhooks failures`)")]
    NoDelivery(i64),
    #[error("delivery {id} is {state}, not failed: only failed deliveries can be retried")]
    NotFailed { id: i64, state: String },
    #[error("delivery {0} belongs to a removed endpoint; add the endpoint again instead")]
    EndpointRemoved(i64),
    #[error(transparent)]
    Db(#[from] DbError),
    #[error("cannot write the output: {0}")]
    Io(#[from] std::io::Error),
}

impl From<sqlx::Error> for WebhookError {
    fn from(e: sqlx::Error) -> Self {
        WebhookError::Db(e.into())
    }
}

/// Webhooks as plugged into kimbot: the delivery worker.
pub fn feature() -> crate::plug::Feature {
    crate::plug::Feature::new("webhooks").with_audit_words(&audit::WORDS).with_job("webhook worker", |c, stop| {
        let worker = worker::Worker::new(c.db.clone(), c.clock.clone(), c.config.webhooks.clone(), c.config.outbound, c.webhook_wake.clone(), c.webhook_events);
        Box::pin(crate::platform::queue::worker::run(worker.with_ops(c.ops.clone()), stop))
    })
}
