//! The declaration of a webhook event, as a feature makes it (its name, the builder of
//! its body, the number of its subject) and the claimed delivery a builder reads. They
//! sit below the features so the application context and the feature declarations can
//! carry them without naming the webhooks feature, whose engine (endpoints, queue,
//! signing, retries) sends them.

use std::future::Future;
use std::pin::Pin;

use crate::platform::db::{Db, DbResult};

/// A claimed delivery, ready to send.
#[derive(Debug, Clone)]
pub struct Claimed {
    pub id: i64,
    pub delivery_id: String,
    pub endpoint_id: i64,
    pub event: String,
    /// The id of the event's subject (its owner knows which table).
    pub subject_id: Option<i64>,
    pub status: Option<String>,
    pub previous_status: Option<String>,
    pub message_id: Option<i64>,
    pub occurred_at: i64,
    /// Finished tries before this one.
    pub attempts: i64,
    pub first_attempt_at: i64,
}

/// The body bytes of a claimed delivery; `None` when its subject is gone.
pub type Body<'a> = Pin<Box<dyn Future<Output = DbResult<Option<Vec<u8>>>> + Send + 'a>>;

/// Builds the body of one claimed delivery from the owner's tables.
pub type BodyFn = for<'a> fn(&'a Db, &'a Claimed) -> Body<'a>;

/// The number staff know a subject by (e.g. `ASP-…`), for `kimbot webhooks failures`.
pub type Number<'a> = Pin<Box<dyn Future<Output = DbResult<Option<String>>> + Send + 'a>>;

/// Looks up a subject's number by its id.
pub type NumberFn = fn(&Db, i64) -> Number<'_>;

/// The number of subject `id`, by an owner's `sql` (one text column, bound `$1`).
pub fn number_by<'a>(db: &'a Db, sql: &'static str, id: i64) -> Number<'a> {
    Box::pin(async move { Ok(sqlx::query_scalar(sql).bind(id).fetch_optional(&db.pool).await?) })
}

/// An event a feature sends: its name, the builder of its body and the number of
/// its subject (the row whose id a delivery holds in `subject_id`).
pub struct DeclaredEvent {
    /// What receivers see in `event` and `X-Kimbot-Event`, and what staff type in
    /// `--events` (e.g. `thing.created`).
    pub name: &'static str,
    pub body: BodyFn,
    pub number: NumberFn,
}

/// A declared event, as queued and as chosen by endpoints.
pub type Event = &'static DeclaredEvent;

impl std::fmt::Debug for DeclaredEvent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name)
    }
}

impl PartialEq for DeclaredEvent {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}

