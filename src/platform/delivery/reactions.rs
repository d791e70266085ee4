//! Reactions on the bot's group posts. Telegram sends a group's reactions to a bot
//! (an administrator there) as `message_reaction_count` updates: the whole count of
//! a message after each change, not who reacted. The latest total per post is kept,
//! only for messages the outbox sent, and reports add them up per source.

use sqlx::Row;

use crate::platform::db::{Db, DbResult};

/// Records the total of reactions on message `message_id` in `chat`, if it is one
/// the bot sent; returns whether it was. A later count replaces an earlier one.
pub async fn record(db: &Db, chat: i64, message_id: i64, total: i64, now: i64) -> DbResult<bool> {
    let done = sqlx::query(
        "INSERT INTO post_reactions (group_chat, post_message, total, updated_at) \
         SELECT $1, $2, $3, $4 WHERE EXISTS (SELECT 1 FROM outbox WHERE chat_id = $1 AND message_id = $2 AND status = 'sent') \
         ON CONFLICT (group_chat, post_message) DO UPDATE SET total = excluded.total, updated_at = excluded.updated_at",
    )
    .bind(chat)
    .bind(message_id)
    .bind(total)
    .bind(now)
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Reactions on every message of `source` (e.g. one run of an announcement).
pub async fn total_for_source(db: &Db, source: &str) -> DbResult<i64> {
    let row = sqlx::query(
        "SELECT CAST(COALESCE(SUM(r.total), 0) AS BIGINT) AS n FROM post_reactions r \
         JOIN outbox o ON o.chat_id = r.group_chat AND o.message_id = r.post_message WHERE o.source = $1",
    )
    .bind(source)
    .fetch_one(&db.pool)
    .await?;
    Ok(row.try_get("n")?)
}
