//! The 'news' consent (programme news in private chat): given with buttons after a
//! UMKM sign-up or in the `/umkm` view, withdrawn there, with `/berhenti` or by
//! erasure. A receipt row per grant (notice version, when); withdrawal stamps it.

use sqlx::Row;
use crate::kernel::members::UserId;

use super::PURPOSE_NEWS;
use crate::platform::db::{Db, DbResult};

/// Whether the person's consent to programme news stands right now.
pub async fn stands(db: &Db, user_id: UserId) -> DbResult<bool> {
    let row = sqlx::query("SELECT COUNT(*) AS n FROM consents WHERE user_id = $1 AND purpose = $2 AND withdrawn_at IS NULL")
        .bind(user_id)
        .bind(PURPOSE_NEWS)
        .fetch_one(&db.pool)
        .await?;
    Ok(row.try_get::<i64, _>("n")? > 0)
}

/// Writes a receipt unless one stands already; `true` when one was written.
pub async fn grant(db: &Db, user_id: UserId, now: i64) -> DbResult<bool> {
    crate::kernel::members::users::grant_consent(&db.pool, user_id, PURPOSE_NEWS, now).await
}

/// Stamps every standing receipt withdrawn; `true` when one stood.
pub async fn withdraw(db: &Db, user_id: UserId, now: i64) -> DbResult<bool> {
    let done = sqlx::query("UPDATE consents SET withdrawn_at = $1 WHERE user_id = $2 AND purpose = $3 AND withdrawn_at IS NULL")
        .bind(now)
        .bind(user_id)
        .bind(PURPOSE_NEWS)
        .execute(&db.pool)
        .await?;
    Ok(done.rows_affected() > 0)
}

/// Gives (`yes`) or withdraws the consent; `true` when something changed.
pub async fn set(db: &Db, user_id: UserId, yes: bool, now: i64) -> DbResult<bool> {
    if yes { grant(db, user_id, now).await } else { withdraw(db, user_id, now).await }
}
