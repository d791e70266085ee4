//! SQL of a ticket's thread: staff replies, the resident's one answer to each, and
//! the resident's one response to a closed ticket (which reopened it).

use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};
use crate::kernel::members::UserId;

use super::model::AspirationId;
use crate::platform::db::{Db, DbResult};

/// A message in a ticket's thread.
#[derive(Debug, Clone, PartialEq)]
pub struct ThreadMessage {
    pub id: i64,
    pub aspiration_id: AspirationId,
    pub author: i64,
    /// `true`: a staff reply; `false`: the resident's answer to one, or their response
    /// to the closed ticket.
    pub is_reply: bool,
    pub body: String,
    pub answered: bool,
    pub at: i64,
}

fn message_from_row(r: &AnyRow) -> DbResult<ThreadMessage> {
    Ok(ThreadMessage {
        id: r.try_get("id")?,
        aspiration_id: r.try_get("aspiration_id")?,
        author: r.try_get("author")?,
        is_reply: r.try_get::<String, _>("kind")? == "reply",
        body: r.try_get("body")?,
        answered: r.try_get::<Option<i64>, _>("answered_at")?.is_some(),
        at: r.try_get("created_at")?,
    })
}

const MESSAGE_COLUMNS: &str =
    "SELECT id, aspiration_id, author, kind, body, answered_at, created_at FROM aspiration_messages";

pub async fn thread(db: &Db, id: AspirationId) -> DbResult<Vec<ThreadMessage>> {
    let sql = format!("{MESSAGE_COLUMNS} WHERE aspiration_id = $1 ORDER BY id");
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(id).fetch_all(&db.pool).await?;
    rows.iter().map(message_from_row).collect()
}

pub async fn message(db: &Db, id: i64) -> DbResult<Option<ThreadMessage>> {
    let sql = format!("{MESSAGE_COLUMNS} WHERE id = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(&db.pool).await?;
    row.as_ref().map(message_from_row).transpose()
}

/// Adds a staff reply (`reply_to` `None`, which also queues `aspiration.replied`
/// webhooks) or a resident's answer to the thread.
pub async fn add_message(
    tx: &mut Transaction<'_, Any>,
    aspiration_id: AspirationId,
    author: UserId,
    reply_to: Option<i64>,
    body: &str,
    now: i64,
) -> DbResult<i64> {
    let kind = if reply_to.is_some() { "answer" } else { "reply" };
    let row = sqlx::query(
        "INSERT INTO aspiration_messages (aspiration_id, author, kind, body, reply_to, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(aspiration_id)
    .bind(author)
    .bind(kind)
    .bind(body)
    .bind(reply_to)
    .bind(now)
    .fetch_one(&mut **tx)
    .await?;
    let id = row.try_get("id")?;
    if reply_to.is_none() {
        crate::features::webhooks::store::enqueue(tx, &super::webhook::replied(aspiration_id, id), now).await?;
    }
    Ok(id)
}

/// Adds the resident's response to their closed ticket (kind `response`; no
/// `aspiration.replied` webhook: the reopening itself queues `status_changed`).
pub async fn add_response(tx: &mut Transaction<'_, Any>, aspiration_id: AspirationId, author: UserId, body: &str, now: i64) -> DbResult<i64> {
    let row = sqlx::query(
        "INSERT INTO aspiration_messages (aspiration_id, author, kind, body, created_at) \
         VALUES ($1, $2, 'response', $3, $4) RETURNING id",
    )
    .bind(aspiration_id)
    .bind(author)
    .bind(body)
    .bind(now)
    .fetch_one(&mut **tx)
    .await?;
    Ok(row.try_get("id")?)
}

/// Marks a ticket reopened by its resident `user_id`, only while it is closed and
/// only once: `false` if it is not theirs, not closed, or was reopened before.
pub async fn claim_reopen(tx: &mut Transaction<'_, Any>, id: AspirationId, user_id: UserId, now: i64) -> DbResult<bool> {
    let done = sqlx::query(
        "UPDATE aspirations SET reopened_at = $1 WHERE id = $2 AND user_id = $3 AND reopened_at IS NULL \
         AND status IN ('selesai', 'ditolak')",
    )
    .bind(now)
    .bind(id)
    .bind(user_id)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Marks a staff reply as answered, only once: `false` if it already was.
pub async fn claim_reply(tx: &mut Transaction<'_, Any>, reply_id: i64, now: i64) -> DbResult<bool> {
    let done = sqlx::query(
        "UPDATE aspiration_messages SET answered_at = $1 WHERE id = $2 AND kind = 'reply' AND answered_at IS NULL",
    )
    .bind(now)
    .bind(reply_id)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

