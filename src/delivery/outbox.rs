//! SQL of the outbox: insert, claim due rows, record outcomes.

use sqlx::Row;

use super::{Body, Outgoing};
use crate::db::{Db, DbError, DbResult};

/// A claimed row, ready to send.
#[derive(Debug, Clone)]
pub struct Claimed {
    pub id: i64,
    pub chat_id: i64,
    pub body: Body,
    pub attempts: i64,
}

pub async fn insert(tx: &mut sqlx::Transaction<'_, sqlx::Any>, items: &[Outgoing], now: i64) -> DbResult<Vec<i64>> {
    let mut ids = Vec::with_capacity(items.len());
    for item in items {
        let body = serde_json::to_string(&item.body).map_err(|e| DbError::Corrupt(e.to_string()))?;
        let row = sqlx::query(
            "INSERT INTO outbox (chat_id, priority, body, source, status, not_before, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, 'queued', $5, $5, $5) RETURNING id",
        )
        .bind(item.chat_id)
        .bind(item.priority as i32)
        .bind(body)
        .bind(item.source.as_deref())
        .bind(now)
        .fetch_one(&mut **tx)
        .await?;
        ids.push(row.try_get("id")?);
    }
    Ok(ids)
}

/// Claims up to `limit` due rows for `worker`, most urgent first. The conditional
/// UPDATE makes a row belong to exactly one worker even with several processes.
pub async fn claim(db: &Db, worker: &str, now: i64, limit: i64) -> DbResult<Vec<Claimed>> {
    let candidates = sqlx::query(
        "SELECT id FROM outbox WHERE status = 'queued' AND not_before <= $1 ORDER BY priority, id LIMIT $2",
    )
    .bind(now)
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    let mut claimed = Vec::new();
    for candidate in candidates {
        let id: i64 = candidate.try_get("id")?;
        let row = sqlx::query(
            "UPDATE outbox SET status = 'sending', claimed_by = $1, claimed_at = $2, updated_at = $2 \
             WHERE id = $3 AND status = 'queued' RETURNING id, chat_id, body, attempts",
        )
        .bind(worker)
        .bind(now)
        .bind(id)
        .fetch_optional(&db.pool)
        .await?;
        if let Some(row) = row {
            let body: String = row.try_get("body")?;
            claimed.push(Claimed {
                id,
                chat_id: row.try_get("chat_id")?,
                body: serde_json::from_str(&body).map_err(|e| DbError::Corrupt(e.to_string()))?,
                attempts: row.try_get::<i32, _>("attempts")? as i64,
            });
        }
    }
    Ok(claimed)
}

pub async fn mark_sent(db: &Db, id: i64, message_id: i64, now: i64) -> DbResult<()> {
    sqlx::query("UPDATE outbox SET status = 'sent', message_id = $1, error = NULL, updated_at = $2 WHERE id = $3")
        .bind(message_id)
        .bind(now)
        .bind(id)
        .execute(&db.pool)
        .await?;
    Ok(())
}

pub async fn mark_failed(db: &Db, id: i64, reason: &str, now: i64) -> DbResult<()> {
    sqlx::query("UPDATE outbox SET status = 'failed', error = $1, updated_at = $2 WHERE id = $3")
        .bind(reason)
        .bind(now)
        .bind(id)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// Puts a row back in the queue, not before `not_before` (and to `chat_id`, which a
/// migration may have changed).
pub async fn retry_later(db: &Db, id: i64, chat_id: i64, not_before: i64, reason: &str, now: i64) -> DbResult<()> {
    sqlx::query(
        "UPDATE outbox SET status = 'queued', chat_id = $1, not_before = $2, attempts = attempts + 1, \
         error = $3, claimed_by = NULL, updated_at = $4 WHERE id = $5",
    )
    .bind(chat_id)
    .bind(not_before)
    .bind(reason)
    .bind(now)
    .bind(id)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// Rows left `sending` by a worker that died (its lease ran out) go back in the
/// queue, flagged, so the report can say which may have been sent twice.
pub async fn reclaim_stale(db: &Db, lease_secs: i64, now: i64) -> DbResult<u64> {
    let done = sqlx::query(
        "UPDATE outbox SET status = 'queued', resent = 1, claimed_by = NULL, updated_at = $1 \
         WHERE status = 'sending' AND claimed_at < $2",
    )
    .bind(now)
    .bind(now - lease_secs)
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected())
}
