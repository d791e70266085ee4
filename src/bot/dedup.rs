//! Each Telegram update is handled once, even when it is delivered twice (a restart
//! before the offset was confirmed, or a webhook retry reaching another process).

use std::sync::Arc;

use teloxide::types::Update;

use crate::platform::ctx::AppCtx;

/// Claims the update id; `false` means another delivery already claimed it.
pub async fn first_delivery(update: Update, ctx: Arc<AppCtx>) -> bool {
    let claimed = sqlx::query(
        "INSERT INTO processed_updates (update_id, processed_at) VALUES ($1, $2) ON CONFLICT (update_id) DO NOTHING",
    )
    .bind(i64::from(update.id.0))
    .bind(ctx.now())
    .execute(&ctx.db.pool)
    .await;
    match claimed {
        Ok(done) if done.rows_affected() == 1 => true,
        Ok(_) => {
            tracing::info!(update_id = update.id.0, "duplicate update skipped");
            false
        }
        Err(error) => {
            tracing::error!(update_id = update.id.0, %error, "could not record update; skipping it");
            false
        }
    }
}

/// Forgets ids older than a week: Telegram never redelivers anything that old.
pub async fn prune(ctx: &AppCtx) -> Result<u64, sqlx::Error> {
    let done = sqlx::query("DELETE FROM processed_updates WHERE processed_at < $1")
        .bind(ctx.now() - 7 * 86_400)
        .execute(&ctx.db.pool)
        .await?;
    Ok(done.rows_affected())
}

/// Forgets every claimed id. Only for the sandbox: each run starts a new fake
/// Telegram whose update ids restart at 1, which real Telegram never does, and
/// the kept ids of the last run would silently swallow the new run's updates.
pub async fn forget_all(db: &crate::platform::db::Db) -> Result<u64, sqlx::Error> {
    let done = sqlx::query("DELETE FROM processed_updates").execute(&db.pool).await?;
    Ok(done.rows_affected())
}
