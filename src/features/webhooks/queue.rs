//! SQL of the delivery queue: claim the next due delivery, record the outcome,
//! reclaim what a stopped process left behind.
//!
//! A row is `queued` until a worker claims it (`sending`, with `claimed_by` and
//! `claimed_at`) right before the POST, then `delivered` or `failed`, or `queued`
//! again with a later `next_attempt_at`. Outcomes are written only while the row is
//! still claimed by the same worker, so a worker that outlived its lease cannot
//! overwrite what another process recorded since.

use sqlx::Row;
use sqlx::any::AnyRow;

use crate::platform::config::Backend;
use crate::platform::db::{Db, DbResult};

/// A claimed delivery, ready to send.
#[derive(Debug, Clone)]
pub struct Claimed {
    pub id: i64,
    pub delivery_id: String,
    pub endpoint_id: i64,
    pub event: String,
    pub aspiration_id: i64,
    pub status: Option<String>,
    pub previous_status: Option<String>,
    pub message_id: Option<i64>,
    pub occurred_at: i64,
    /// Finished tries before this one.
    pub attempts: i64,
    pub first_attempt_at: i64,
}

/// The claim for one backend, skipping the endpoints bound from `$3` on (ones this
/// worker is already sending to). PostgreSQL skips rows another process is claiming
/// at this moment; on SQLite the UPDATE holds the single write lock while it reads.
fn claim_sql(backend: Backend, skip: usize) -> String {
    let not_in = if skip == 0 {
        String::new()
    } else {
        let marks: Vec<String> = (0..skip).map(|i| format!("${}", i + 3)).collect();
        format!(" AND endpoint_id NOT IN ({})", marks.join(", "))
    };
    let (lock, recheck) = match backend {
        Backend::Postgres => (" FOR UPDATE SKIP LOCKED", ""),
        Backend::Sqlite => ("", " AND state = 'queued'"),
    };
    format!(
        "UPDATE webhook_deliveries SET state = 'sending', claimed_by = $1, claimed_at = $2, updated_at = $2, \
         first_attempt_at = COALESCE(first_attempt_at, $2) \
         WHERE id = (SELECT id FROM webhook_deliveries WHERE state = 'queued' AND next_attempt_at <= $2{not_in} \
                     ORDER BY next_attempt_at, id LIMIT 1{lock}){recheck} \
         RETURNING id, delivery_id, endpoint_id, event, aspiration_id, status, previous_status, message_id, \
         occurred_at, attempts, first_attempt_at"
    )
}

/// Claims the most overdue delivery for `worker`, leaving out `busy` endpoints.
#[tracing::instrument(skip(db, busy))]
pub async fn claim_next(db: &Db, worker: &str, now: i64, busy: &[i64]) -> DbResult<Option<Claimed>> {
    let sql = claim_sql(db.backend, busy.len());
    // Only placeholders are generated; the endpoint ids are bound.
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(worker).bind(now);
    for endpoint in busy {
        query = query.bind(*endpoint);
    }
    let row = query.fetch_optional(&db.pool).await?;
    row.map(|r| decode(&r)).transpose()
}

fn decode(r: &AnyRow) -> DbResult<Claimed> {
    Ok(Claimed {
        id: r.try_get("id")?,
        delivery_id: r.try_get("delivery_id")?,
        endpoint_id: r.try_get("endpoint_id")?,
        event: r.try_get("event")?,
        aspiration_id: r.try_get("aspiration_id")?,
        status: r.try_get("status")?,
        previous_status: r.try_get("previous_status")?,
        message_id: r.try_get("message_id")?,
        occurred_at: r.try_get("occurred_at")?,
        attempts: r.try_get("attempts")?,
        first_attempt_at: r.try_get("first_attempt_at")?,
    })
}

/// What the endpoint answered (or why it did not), as recorded on the row.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Answer {
    pub status: Option<i64>,
    pub body: Option<String>,
    pub error: Option<String>,
}

/// Records the end of a try: `state` is `delivered`, `failed`, or `queued` again
/// with `next` as the new due time.
pub async fn finish(db: &Db, row: &Claimed, worker: &str, state: &str, next: Option<i64>, answer: &Answer, now: i64) -> DbResult<bool> {
    let done = sqlx::query(
        "UPDATE webhook_deliveries SET state = $1, attempts = attempts + 1, \
         next_attempt_at = COALESCE($2, next_attempt_at), response_status = $3, response_body = $4, error = $5, \
         delivered_at = CASE WHEN $1 = 'delivered' THEN $6 ELSE delivered_at END, \
         claimed_at = NULL, updated_at = $6 WHERE id = $7 AND state = 'sending' AND claimed_by = $8",
    )
    .bind(state)
    .bind(next)
    .bind(answer.status)
    .bind(answer.body.as_deref())
    .bind(answer.error.as_deref())
    .bind(now)
    .bind(row.id)
    .bind(worker)
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Deliveries left `sending` longer than the lease belong to a process that
/// stopped mid-request: queued again (the receiver may have it; the delivery id
/// lets it notice).
pub async fn reclaim_stale(db: &Db, lease_secs: i64, now: i64) -> DbResult<u64> {
    let done = sqlx::query(
        "UPDATE webhook_deliveries SET state = 'queued', claimed_by = NULL, claimed_at = NULL, \
         error = 'worker stopped while sending', updated_at = $1 WHERE state = 'sending' AND claimed_at < $2",
    )
    .bind(now)
    .bind(now - lease_secs)
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected())
}
