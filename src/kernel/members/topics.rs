//! Forum topics of a group: which topic of a forum supergroup takes which kind of
//! kimbot post. `/hubungkan` typed in a topic sets the topic for every kind
//! ([`ALL`]); `/topik` typed in a topic sets one kind. The outbox reads this table
//! when it queues a post (see `platform::delivery::Outbox::enqueue_posts_in`), and
//! forgets a topic Telegram says is gone ([`forget_thread`]).

use sqlx::Row;

use crate::platform::db::{Db, DbResult};

/// The kind that stands for every post without a topic of its own.
pub const ALL: &str = "all";
/// An announcement (`/umumkan`).
pub const ANNOUNCEMENT: &str = "announcement";
/// A training's group post.
pub const TRAINING: &str = "training";
/// A poll (`/jajak`).
pub const POLL: &str = "poll";
/// A cek fakta clarification (an announcement started from a verdict).
pub const FACTCHECK: &str = "factcheck";

/// The kinds `/topik` offers, with their button labels; codes are stored and carried
/// in buttons, so only ever append.
pub const KINDS: [(&str, &str); 5] = [
    (ANNOUNCEMENT, "topic-kind-announcement"),
    (TRAINING, "topic-kind-training"),
    (POLL, "topic-kind-poll"),
    (FACTCHECK, "topic-kind-factcheck"),
    (ALL, "topic-kind-all"),
];

/// The label key of a stored kind code, if it is one.
pub fn label_key(kind: &str) -> Option<&'static str> {
    KINDS.iter().find(|(code, _)| *code == kind).map(|(_, key)| *key)
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
    fn every_kind_has_a_label_and_codes_are_unique() {
        let mut codes: Vec<_> = KINDS.iter().map(|(c, _)| *c).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), KINDS.len());
        assert_eq!(label_key(ALL), Some("topic-kind-all"));
        assert_eq!(label_key("nope"), None);
    }
}
