//! Telegram groups the bot is in, and which KIM each one serves.
//!
//! The table is kept true by the group handlers: removal and restriction change the
//! status, a migration to a supergroup moves the row to the new chat id, so no
//! announcement is ever addressed to a dead chat.

use super::model::{GroupStatus, KimId, UserId};
use crate::platform::db::{Db, DbResult};

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct Group {
    pub chat_id: i64,
    pub title: String,
    pub kim_id: Option<KimId>,
    pub status: String,
}

impl Group {
    pub fn status(&self) -> GroupStatus {
        GroupStatus::parse(&self.status)
    }
}

pub async fn get(db: &Db, chat_id: i64) -> DbResult<Option<Group>> {
    Ok(sqlx::query_as("SELECT chat_id, title, kim_id, status FROM tg_groups WHERE chat_id = $1")
        .bind(chat_id)
        .fetch_optional(&db.pool)
        .await?)
}

/// Records the bot's standing in a group (added, removed, restricted), keeping any link.
pub async fn set_status(db: &Db, chat_id: i64, title: &str, status: GroupStatus, now: i64) -> DbResult<()> {
    sqlx::query(
        "INSERT INTO tg_groups (chat_id, title, status, updated_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (chat_id) DO UPDATE SET title = excluded.title, status = excluded.status, updated_at = excluded.updated_at",
    )
    .bind(chat_id)
    .bind(title)
    .bind(status.as_str())
    .bind(now)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// Links a group to a KIM (the group row is created if the bot missed the join event),
/// only if the group is still linked to `expected` (`None`: to no KIM), which the caller
/// checked the person may act for. Returns false when someone relinked it meanwhile.
pub async fn link(db: &Db, chat_id: i64, title: &str, kim_id: KimId, expected: Option<KimId>, by: UserId, now: i64) -> DbResult<bool> {
    let done = sqlx::query(
        "INSERT INTO tg_groups (chat_id, title, kim_id, status, linked_by, linked_at, updated_at) \
         VALUES ($1, $2, $3, 'active', $4, $5, $5) \
         ON CONFLICT (chat_id) DO UPDATE SET title = excluded.title, kim_id = excluded.kim_id, status = 'active', \
         linked_by = excluded.linked_by, linked_at = excluded.linked_at, updated_at = excluded.updated_at \
         WHERE COALESCE(tg_groups.kim_id, 0) = $6",
    )
    .bind(chat_id)
    .bind(title)
    .bind(kim_id)
    .bind(by)
    .bind(now)
    .bind(expected.map_or(0, KimId::get))
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn unlink(db: &Db, chat_id: i64, now: i64) -> DbResult<()> {
    sqlx::query("UPDATE tg_groups SET kim_id = NULL, linked_by = NULL, linked_at = NULL, updated_at = $1 WHERE chat_id = $2")
        .bind(now)
        .bind(chat_id)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// Moves a group to its new supergroup id. Telegram announces a migration twice (in the
/// old chat and in the new one) and may also report the bot joining the new chat first,
/// so this is idempotent and merges into a row that already exists for the new id.
#[tracing::instrument(skip(db))]
pub async fn migrate(db: &Db, old_id: i64, new_id: i64, now: i64) -> DbResult<bool> {
    let mut tx = db.begin().await?;
    // Kept for what still names the old id (a poll copy's answers: see polls::store::chat_kim).
    sqlx::query("INSERT INTO chat_migrations (old_chat, new_chat, migrated_at) VALUES ($1, $2, $3) ON CONFLICT (old_chat) DO NOTHING")
        .bind(old_id)
        .bind(new_id)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    let old: Option<Group> = sqlx::query_as("SELECT chat_id, title, kim_id, status FROM tg_groups WHERE chat_id = $1")
        .bind(old_id)
        .fetch_optional(&mut *tx)
        .await?;
    let Some(old) = old else {
        tx.commit().await?;
        return Ok(false);
    };
    let new_exists = sqlx::query("SELECT 1 AS one FROM tg_groups WHERE chat_id = $1")
        .bind(new_id)
        .fetch_optional(&mut *tx)
        .await?
        .is_some();
    if new_exists {
        sqlx::query(
            "UPDATE tg_groups SET kim_id = COALESCE(kim_id, $1), status = 'active', updated_at = $2 WHERE chat_id = $3",
        )
        .bind(old.kim_id)
        .bind(now)
        .bind(new_id)
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM tg_groups WHERE chat_id = $1").bind(old_id).execute(&mut *tx).await?;
    } else {
        sqlx::query("UPDATE tg_groups SET chat_id = $1, status = 'active', updated_at = $2 WHERE chat_id = $3")
            .bind(new_id)
            .bind(now)
            .bind(old_id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(true)
}

/// Groups of the given KIMs, for `/grupsaya` and, later, announcement targets.
pub async fn of_kims(db: &Db, kim_ids: &[KimId]) -> DbResult<Vec<Group>> {
    let mut out = Vec::new();
    for kim in kim_ids {
        let rows: Vec<Group> = sqlx::query_as(
            "SELECT chat_id, title, kim_id, status FROM tg_groups WHERE kim_id = $1 ORDER BY title",
        )
        .bind(kim)
        .fetch_all(&db.pool)
        .await?;
        out.extend(rows);
    }
    Ok(out)
}
