//! Each Telegram update is handled once, even when it is delivered twice (a restart
//! before the offset was confirmed, or a webhook retry reaching another process).

use std::sync::Arc;

use teloxide::types::Update;

use crate::platform::ctx::AppCtx;
use crate::platform::delivery::answers;
use crate::platform::intake::{self, Report, Verdict};

/// How long a claim may stay unfinished before a later delivery of the same update
/// takes it over. A webhook delivery comes again only when the first one was not
/// answered 200, i.e. its process died or did not answer in time; handling one
/// update takes well under a second, so a claim this old is a dead process's.
pub const CLAIM_GRACE_SECS: i64 = 15;

/// Claims the update id; `false` means it is not handled here: another delivery
/// claimed it (finished, or unfinished and still young), or it could not be
/// recorded. The reason goes to [`intake::report`] for the webhook's answer.
pub async fn first_delivery(update: Update, ctx: Arc<AppCtx>) -> bool {
    let id = i64::from(update.id.0);
    let claimed = claim(&ctx, id).await;
    let (verdict, claimed) = match claimed {
        Ok(Claim::Ours) => {
            answers::claimed(None);
            (Verdict::Handled, true)
        }
        Ok(Claim::TakenOver(given)) => {
            tracing::warn!(update_id = update.id.0, "update claimed by a delivery that never finished; handling it here");
            answers::claimed(given.as_deref());
            (Verdict::Handled, true)
        }
        Ok(Claim::Finished) => {
            tracing::info!(update_id = update.id.0, "duplicate update skipped");
            (Verdict::Handled, false)
        }
        Ok(Claim::Unfinished) => {
            tracing::info!(update_id = update.id.0, "update being handled by another delivery; asking for it again later");
            (Verdict::Busy, false)
        }
        Err(error) => {
            tracing::error!(update_id = update.id.0, %error, "could not record update; not handling it");
            (Verdict::Unrecorded, false)
        }
    };
    intake::report(Report { verdict, claimed });
    claimed
}

enum Claim {
    Ours,
    /// With the answers the unfinished delivery recorded (see [`answers`]).
    TakenOver(Option<String>),
    Finished,
    Unfinished,
}

async fn claim(ctx: &AppCtx, id: i64) -> Result<Claim, sqlx::Error> {
    let now = ctx.now();
    let fresh = sqlx::query("INSERT INTO processed_updates (update_id, processed_at, done) VALUES ($1, $2, 0) ON CONFLICT (update_id) DO NOTHING")
        .bind(id)
        .bind(now)
        .execute(&ctx.db.pool)
        .await?;
    if fresh.rows_affected() == 1 {
        return Ok(Claim::Ours);
    }
    let taken = sqlx::query("UPDATE processed_updates SET processed_at = $1 WHERE update_id = $2 AND done = 0 AND processed_at < $3 RETURNING answers")
        .bind(now)
        .bind(id)
        .bind(now - CLAIM_GRACE_SECS)
        .fetch_optional(&ctx.db.pool)
        .await?;
    if let Some(row) = taken {
        return Ok(Claim::TakenOver(sqlx::Row::try_get(&row, "answers")?));
    }
    let done: Option<i64> = sqlx::query_scalar("SELECT done FROM processed_updates WHERE update_id = $1").bind(id).fetch_optional(&ctx.db.pool).await?;
    Ok(if done == Some(0) { Claim::Unfinished } else { Claim::Finished })
}

/// Marks a claimed update handled, so later deliveries of it are plain duplicates
/// (its answers, kept for a takeover, are no longer needed; `resent_answers` stays).
pub async fn finish(ctx: &AppCtx, update_id: u32) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE processed_updates SET done = 1, answers = NULL WHERE update_id = $1").bind(i64::from(update_id)).execute(&ctx.db.pool).await?;
    Ok(())
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
