//! Forum topics of a group: which topic of a forum supergroup takes which kind of
//! kimbot post. `/hubungkan` typed in a topic sets the topic for every kind
//! ([`ALL`]); `/topik` typed in a topic sets one kind. The outbox reads this table
//! when it queues a post (see `platform::delivery::Outbox::enqueue_posts_in`), and
//! forgets a topic Telegram says is gone ([`forget_thread`]).

use sqlx::Row;

use crate::platform::db::{Db, DbResult};

/// A kind of group post a forum topic can take, declared by the feature that posts
/// it (`Feature::with_topic_kind`); `/topik` offers the declared kinds in `order`.
/// Codes are stored and carried in buttons: never rename one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TopicKind {
    pub code: &'static str,
    pub order: u16,
}

impl TopicKind {
    /// The message key of its button label and of its name in sentences.
    pub fn label_key(&self) -> String {
        label_key(self.code)
    }
}

/// The kind that stands for every post without a topic of its own.
pub const ALL: &str = "all";

/// `/topik`'s last choice: every kind without a topic of its own.
pub const EVERY: TopicKind = TopicKind { code: ALL, order: u16::MAX };

/// The label key of a kind code: `topic-kind-<code>` (a convention, so the kernel
/// need not know the features' kinds).
pub fn label_key(code: &str) -> String {
    format!("topic-kind-{code}")
}

/// Sends posts of `kind` in group `chat` to topic `thread`.
pub async fn set(db: &Db, chat: i64, kind: &str, thread: i64, now: i64) -> DbResult<()> {
    sqlx::query(
        "INSERT INTO group_topics (group_chat, kind, thread, set_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (group_chat, kind) DO UPDATE SET thread = excluded.thread, set_at = excluded.set_at",
    )
    .bind(chat)
    .bind(kind)
    .bind(thread)
    .bind(now)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// Every topic choice of a group, as (kind, thread).
pub async fn of_group(db: &Db, chat: i64) -> DbResult<Vec<(String, i64)>> {
    let rows = sqlx::query("SELECT kind, thread FROM group_topics WHERE group_chat = $1 ORDER BY kind")
        .bind(chat)
        .fetch_all(&db.pool)
        .await?;
    rows.iter().map(|r| Ok((r.try_get("kind")?, r.try_get("thread")?))).collect()
}

/// Forgets every topic choice of a group (it was linked again from General, or unlinked).
pub async fn clear(db: &Db, chat: i64) -> DbResult<()> {
    sqlx::query("DELETE FROM group_topics WHERE group_chat = $1").bind(chat).execute(&db.pool).await?;
    Ok(())
}

/// Forgets topic `thread` of `chat` (Telegram says it was deleted or closed) and
/// returns the kinds that pointed at it: empty when another worker already did, so
/// the coordinator is told once.
pub async fn forget_thread(tx: &mut sqlx::Transaction<'_, sqlx::Any>, chat: i64, thread: i64) -> DbResult<Vec<String>> {
    let rows = sqlx::query("DELETE FROM group_topics WHERE group_chat = $1 AND thread = $2 RETURNING kind")
        .bind(chat)
        .bind(thread)
        .fetch_all(&mut **tx)
        .await?;
    rows.iter().map(|r| Ok(r.try_get("kind")?)).collect()
}

/// The group's title and who linked it (the coordinator told about its topics).
pub async fn linker(tx: &mut sqlx::Transaction<'_, sqlx::Any>, chat: i64) -> DbResult<Option<(String, i64)>> {
    let row = sqlx::query("SELECT title, linked_by FROM tg_groups WHERE chat_id = $1")
        .bind(chat)
        .fetch_optional(&mut **tx)
        .await?;
    let Some(row) = row else { return Ok(None) };
    let by: Option<i64> = row.try_get("linked_by")?;
    Ok(by.map(|by| (row.try_get("title").unwrap_or_default(), by)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kinds_label_follows_its_code() {
        assert_eq!(EVERY.label_key(), "topic-kind-all");
        assert_eq!(label_key("poll"), "topic-kind-poll");
    }
}
