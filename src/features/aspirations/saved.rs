//! Each person's own saved queue filters ("Simpan filter ini"): a name and the
//! queue's query string. The query is read back through the queue's own filter
//! parsing on every use, so a saved filter can never see more than its owner's scope
//! of the moment. Personal data of the staff member: `/datasaya` lists them and
//! erasure removes them ([`super::personal`]).

use sqlx::Row;
use crate::kernel::members::UserId;

use crate::platform::db::{Db, DbResult};

/// Saved filters per person.
pub const MAX_PER_PERSON: i64 = 20;
/// Characters of a saved filter's name.
pub const NAME_MAX: usize = 60;
/// Characters of the stored query string.
pub const QUERY_MAX: usize = 600;

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SavedView {
    pub id: i64,
    pub name: String,
    pub query: String,
    pub created_at: i64,
}

pub async fn list(db: &Db, user_id: UserId) -> DbResult<Vec<SavedView>> {
    let rows = sqlx::query("SELECT id, name, query, created_at FROM aspiration_saved_views WHERE user_id = $1 ORDER BY id")
        .bind(user_id)
        .fetch_all(&db.pool)
        .await?;
    rows.iter()
        .map(|r| Ok(SavedView { id: r.try_get("id")?, name: r.try_get("name")?, query: r.try_get("query")?, created_at: r.try_get("created_at")? }))
        .collect()
}

/// Saves one; `false` when the person already has [`MAX_PER_PERSON`].
pub async fn add(db: &Db, user_id: UserId, name: &str, query: &str, now: i64) -> DbResult<bool> {
    let mut tx = db.begin().await?;
    let n: i64 = sqlx::query("SELECT COUNT(*) AS n FROM aspiration_saved_views WHERE user_id = $1").bind(user_id).fetch_one(&mut *tx).await?.try_get("n")?;
    if n >= MAX_PER_PERSON {
        return Ok(false);
    }
    sqlx::query("INSERT INTO aspiration_saved_views (user_id, name, query, created_at) VALUES ($1, $2, $3, $4)")
        .bind(user_id)
        .bind(name)
        .bind(query)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(true)
}

/// Removes one of the person's own; `false` when they have no such filter.
pub async fn remove(db: &Db, user_id: UserId, id: i64) -> DbResult<bool> {
    let done = sqlx::query("DELETE FROM aspiration_saved_views WHERE id = $1 AND user_id = $2").bind(id).bind(user_id).execute(&db.pool).await?;
    Ok(done.rows_affected() == 1)
}
