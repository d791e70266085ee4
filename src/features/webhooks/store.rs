//! SQL of endpoints and of the deliveries staff look at: adding and removing
//! endpoints, the enqueue inside the changing feature's transaction, failures and
//! re-queueing.

use sqlx::{Any, Row, Transaction};

use super::WebhookError;
use super::model::{events_text, new_delivery_id};
use super::payload::Event;
use crate::platform::db::{Db, DbResult};

/// A change other systems may want to hear about: an event a feature declared, and
/// the id of its subject (a ticket, a fact-check request …), as the owner builds it.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub event: Event,
    pub subject_id: i64,
    /// The subject's status as of the change; `None`: whatever it is when sent.
    pub status: Option<&'static str>,
    pub previous: Option<&'static str>,
    /// A message the change is about (e.g. a staff reply).
    pub message_id: Option<i64>,
}

impl Change {
    pub fn new(event: Event, subject_id: i64) -> Self {
        Self { event, subject_id, status: None, previous: None, message_id: None }
    }
}

/// Queues one delivery of `change` per active endpoint that wants its event, inside
/// the caller's transaction: a rolled-back change sends nothing, a committed one is
/// never lost. Call [`super::wake`] after the commit. Returns how many were queued.
pub async fn enqueue(tx: &mut Transaction<'_, Any>, change: &Change, now: i64) -> DbResult<usize> {
    let rows = sqlx::query("SELECT id, events FROM webhook_endpoints WHERE active = 1 ORDER BY id")
        .fetch_all(&mut **tx)
        .await?;
    let mut queued = 0;
    for row in rows {
        let events: String = row.try_get("events")?;
        if !events.split(',').any(|e| e == change.event.name) {
            continue;
        }
        sqlx::query(
            "INSERT INTO webhook_deliveries (delivery_id, endpoint_id, event, subject_id, status, \
             previous_status, message_id, occurred_at, state, next_attempt_at, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'queued', $8, $8, $8)",
        )
        .bind(new_delivery_id())
        .bind(row.try_get::<i64, _>("id")?)
        .bind(change.event.name)
        .bind(change.subject_id)
        .bind(change.status)
        .bind(change.previous)
        .bind(change.message_id)
        .bind(now)
        .execute(&mut **tx)
        .await?;
        queued += 1;
    }
    Ok(queued)
}

#[tracing::instrument(skip(db, secret))]
pub async fn add_endpoint(db: &Db, url: &str, events: &[Event], secret: &str, now: i64) -> DbResult<i64> {
    let row = sqlx::query(
        "INSERT INTO webhook_endpoints (url, events, secret, active, created_at) VALUES ($1, $2, $3, 1, $4) RETURNING id",
    )
    .bind(url)
    .bind(events_text(events))
    .bind(secret)
    .bind(now)
    .fetch_one(&db.pool)
    .await?;
    Ok(row.try_get("id")?)
}

/// An active endpoint as staff see it (never its secret).
#[derive(Debug, Clone, PartialEq)]
pub struct EndpointInfo {
    pub id: i64,
    pub url: String,
    pub events: String,
    pub created_at: i64,
    pub queued: i64,
    pub failed: i64,
}

pub async fn endpoints(db: &Db) -> DbResult<Vec<EndpointInfo>> {
    let rows = sqlx::query(
        "SELECT e.id, e.url, e.events, e.created_at, \
         (SELECT COUNT(*) FROM webhook_deliveries d WHERE d.endpoint_id = e.id AND d.state IN ('queued', 'sending')) AS queued, \
         (SELECT COUNT(*) FROM webhook_deliveries d WHERE d.endpoint_id = e.id AND d.state = 'failed') AS failed \
         FROM webhook_endpoints e WHERE e.active = 1 ORDER BY e.id",
    )
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(EndpointInfo {
                id: r.try_get("id")?,
                url: r.try_get("url")?,
                events: r.try_get("events")?,
                created_at: r.try_get("created_at")?,
                queued: r.try_get("queued")?,
                failed: r.try_get("failed")?,
            })
        })
        .collect()
}

/// Stops an endpoint: nothing new is queued for it and what is still queued fails
/// ("endpoint removed"). Its delivery history stays. Returns the deliveries stopped.
#[tracing::instrument(skip(db))]
pub async fn remove_endpoint(db: &Db, id: i64, now: i64) -> Result<u64, WebhookError> {
    let mut tx = db.begin().await?;
    let done = sqlx::query("UPDATE webhook_endpoints SET active = 0, removed_at = $1 WHERE id = $2 AND active = 1")
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() != 1 {
        return Err(WebhookError::NoEndpoint(id));
    }
    let stopped = sqlx::query(
        "UPDATE webhook_deliveries SET state = 'failed', error = 'endpoint removed', updated_at = $1 \
         WHERE endpoint_id = $2 AND state = 'queued'",
    )
    .bind(now)
    .bind(id)
    .execute(&mut *tx)
    .await
    ?;
    tx.commit().await?;
    Ok(stopped.rows_affected())
}

/// URL and secret of an endpoint still active, for the worker.
pub async fn target(db: &Db, endpoint_id: i64) -> DbResult<Option<(String, String)>> {
    let row = sqlx::query("SELECT url, secret FROM webhook_endpoints WHERE id = $1 AND active = 1")
        .bind(endpoint_id)
        .fetch_optional(&db.pool)
        .await?;
    row.map(|r| Ok((r.try_get("url")?, r.try_get("secret")?))).transpose()
}

/// A failed delivery, for `kimbot webhooks failures`.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    pub id: i64,
    pub delivery_id: String,
    pub url: String,
    pub event: String,
    /// The subject's number, from the event's owner (`ASP-…`); empty when gone.
    pub ticket: String,
    pub attempts: i64,
    pub response_status: Option<i64>,
    pub response_body: Option<String>,
    pub error: Option<String>,
    pub at: i64,
}

/// Failed deliveries, latest first; `events` name their subjects.
pub async fn failures(db: &Db, events: &[Event], limit: i64) -> DbResult<Vec<Failure>> {
    let rows = sqlx::query(
        "SELECT d.id, d.delivery_id, e.url, d.event, d.subject_id, d.attempts, \
         d.response_status, d.response_body, d.error, d.updated_at FROM webhook_deliveries d \
         JOIN webhook_endpoints e ON e.id = d.endpoint_id WHERE d.state = 'failed' ORDER BY d.updated_at DESC, d.id DESC LIMIT $1",
    )
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    let mut failed = Vec::with_capacity(rows.len());
    for r in &rows {
        let event: String = r.try_get("event")?;
        let subject: Option<i64> = r.try_get("subject_id")?;
        let ticket = match (events.iter().find(|e| e.name == event), subject) {
            (Some(declared), Some(id)) => (declared.number)(db, id).await?.unwrap_or_default(),
            _ => String::new(),
        };
        failed.push(Failure {
                id: r.try_get("id")?,
                delivery_id: r.try_get("delivery_id")?,
                url: r.try_get("url")?,
                event,
                ticket,
                attempts: r.try_get("attempts")?,
                response_status: r.try_get("response_status")?,
                response_body: r.try_get("response_body")?,
                error: r.try_get("error")?,
                at: r.try_get("updated_at")?,
        });
    }
    Ok(failed)
}

/// Puts a failed delivery back in the queue, due now, with a fresh day of retries.
/// It keeps its delivery id, so a receiver that did get it can tell.
#[tracing::instrument(skip(db))]
pub async fn retry(db: &Db, id: i64, now: i64) -> Result<(), WebhookError> {
    let row = sqlx::query(
        "SELECT d.state, e.active FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id WHERE d.id = $1",
    )
    .bind(id)
    .fetch_optional(&db.pool)
    .await
    ?
    .ok_or(WebhookError::NoDelivery(id))?;
    let state: String = row.try_get("state")?;
    if state != "failed" {
        return Err(WebhookError::NotFailed { id, state });
    }
    if row.try_get::<i64, _>("active")? == 0 {
        return Err(WebhookError::EndpointRemoved(id));
    }
    let done = sqlx::query(
        "UPDATE webhook_deliveries SET state = 'queued', next_attempt_at = $1, first_attempt_at = NULL, \
         claimed_by = NULL, claimed_at = NULL, updated_at = $1 WHERE id = $2 AND state = 'failed'",
    )
    .bind(now)
    .bind(id)
    .execute(&db.pool)
    .await
    ?;
    if done.rows_affected() != 1 {
        return Err(WebhookError::NotFailed { id, state: "no longer failed".into() });
    }
    Ok(())
}
