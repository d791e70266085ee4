//! Values every process of one bot must share that are generated rather than
//! configured (the webhook secret). The first process to store one wins; the
//! others read it.

use sqlx::Row;

use crate::platform::db::{Db, DbResult};

/// The stored value of `key`; when there is none, `make()` is stored and returned
/// (or, if another process stored one meanwhile, that one). Read first: some values
/// are asked for on every answer, and the write is needed only once.
pub async fn get_or_init(db: &Db, key: &'static str, make: impl FnOnce() -> String, now: i64) -> DbResult<String> {
    let found = sqlx::query("SELECT value FROM settings WHERE key = $1").bind(key).fetch_optional(&db.pool).await?;
    if let Some(row) = found {
        return Ok(row.try_get(0)?);
    }
    sqlx::query("INSERT INTO settings (key, value, updated_at) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING")
        .bind(key)
        .bind(make())
        .bind(now)
        .execute(&db.pool)
        .await?;
    let row = sqlx::query("SELECT value FROM settings WHERE key = $1").bind(key).fetch_one(&db.pool).await?;
    Ok(row.try_get(0)?)
}
