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

use crate::platform::db::{Db, DbResult};
use crate::platform::queue::{Claim, Table};

pub use crate::platform::webhook_events::Claimed;

/// Webhook deliveries as a claimable queue: the most overdue first, per endpoint.
pub static TABLE: Table = Table {
    name: "webhook_deliveries",
    state: "state",
    due: "next_attempt_at",
    order: "next_attempt_at, id",
    group: "endpoint_id",
    on_claim: ", first_attempt_at = COALESCE(first_attempt_at, $2)",
    on_reclaim: "",
    returning: "id, delivery_id, endpoint_id, event, subject_id, status, previous_status, message_id, \
                occurred_at, attempts, first_attempt_at",
};

/// Claims the most overdue delivery for `worker`, leaving out `busy` endpoints.
#[tracing::instrument(skip(db, busy))]
pub async fn claim_next(db: &Db, worker: &str, now: i64, busy: &[i64]) -> DbResult<Option<Claimed>> {
    let row = TABLE.claim(db, worker, now, busy).await?;
    row.map(|r| decode(&r)).transpose()
}

fn decode(r: &AnyRow) -> DbResult<Claimed> {
    Ok(Claimed {
        id: r.try_get("id")?,
        delivery_id: r.try_get("delivery_id")?,
        endpoint_id: r.try_get("endpoint_id")?,
        event: r.try_get("event")?,
        subject_id: r.try_get("subject_id")?,
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
    let set = "state = $1, attempts = attempts + 1, \
               next_attempt_at = COALESCE($2, next_attempt_at), response_status = $3, response_body = $4, error = $5, \
               delivered_at = CASE WHEN $1 = 'delivered' THEN $6 ELSE delivered_at END, claimed_at = NULL, updated_at = $6";
    let sql = TABLE.outcome_sql(set, 6);
    let query = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(state.to_string())
        .bind(next)
        .bind(answer.status)
        .bind(answer.body.clone())
        .bind(answer.error.clone())
        .bind(now);
    let done = TABLE.held(query, Claim { id: row.id, worker }).execute(&db.pool).await?;
    Ok(done.rows_affected() == 1)
}

/// Deliveries left `sending` longer than the lease belong to a process that
/// stopped mid-request: queued again (the receiver may have it; the delivery id
/// lets it notice).
pub async fn reclaim_stale(db: &Db, lease_secs: i64, now: i64) -> DbResult<u64> {
    TABLE.reclaim_stale(db, lease_secs, now).await
}
