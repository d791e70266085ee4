//! Erasure on request (`/hapusdata`, UU 27/2022 art. 8/43): done at once, in one
//! transaction after the person's training seats are given back.
//!
//! What goes: the profile row, the UMKM registration, training registrations,
//! reminders, invitations and feedback, roles, queued and sent private messages, the dialogue.
//! What stays, without the person: consent receipts (purpose, notice version, when
//! given and withdrawn) and aspiration tickets (category, text, status, thread) so
//! reports still count them; their location and photos are removed. The audit log
//! keeps `privacy.erase` with the id: the legal trace of the request itself.

use sqlx::Row;

use super::ERASED_USER;
use crate::platform::audit;
use crate::platform::db::DbResult;
use crate::platform::ctx::AppCtx;
use crate::features::trainings::actions;
use crate::features::trainings::seats::SeatError;

/// What an erasure did, for the confirmation message and the audit entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Erased {
    pub tickets_kept: u64,
    pub seats_freed: usize,
}

/// Statements run with `$1` = the user id, in this order (children before parents).
const DELETE_AND_ANONYMISE: &[&str] = &[
    "DELETE FROM training_reminders WHERE registration_id IN (SELECT id FROM training_registrations WHERE user_id = $1)",
    "DELETE FROM training_registrations WHERE user_id = $1",
    "DELETE FROM training_feedback WHERE user_id = $1",
    "DELETE FROM training_invitations WHERE user_id = $1",
    "DELETE FROM umkm_registrations WHERE user_id = $1",
    "DELETE FROM aspiration_photos WHERE aspiration_id IN (SELECT id FROM aspirations WHERE user_id = $1)",
    "UPDATE aspiration_messages SET author = 0 WHERE author = $1",
    "UPDATE aspiration_status_log SET actor = 0 WHERE actor = $1",
    "DELETE FROM staff_notices WHERE staff_id = $1",
    "DELETE FROM grants WHERE user_id = $1",
    "UPDATE invites SET used_by = 0 WHERE used_by = $1",
    "DELETE FROM outbox WHERE chat_id = $1",
    "DELETE FROM dialogues WHERE chat_id = $1",
    "DELETE FROM users WHERE id = $1",
];

/// Erases `user_id`'s personal data; see the module docs for what stays.
#[tracing::instrument(skip(ctx))]
pub async fn erase(ctx: &AppCtx, user_id: i64) -> DbResult<Erased> {
    let seats_freed = give_back_seats(ctx, user_id).await?;
    let now = ctx.now();
    let mut tx = ctx.db.begin().await?;
    for &sql in DELETE_AND_ANONYMISE {
        sqlx::query(sql).bind(user_id).execute(&mut *tx).await?;
    }
    let tickets_kept = sqlx::query(
        "UPDATE aspirations SET user_id = $1, lat_e6 = NULL, lon_e6 = NULL, anonymous = 1, updated_at = $2 \
         WHERE user_id = $3",
    )
    .bind(ERASED_USER)
    .bind(now)
    .bind(user_id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    sqlx::query("UPDATE consents SET withdrawn_at = $1 WHERE user_id = $2 AND withdrawn_at IS NULL")
        .bind(now)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("UPDATE consents SET user_id = $1 WHERE user_id = $2")
        .bind(ERASED_USER)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    let detail = format!("user={user_id} tickets_anonymised={tickets_kept} seats_freed={seats_freed}");
    audit::record(&ctx.db, Some(user_id), "privacy.erase", &detail, now).await?;
    Ok(Erased { tickets_kept, seats_freed })
}

/// Withdraws every seat and waitlist place through the trainings' own path, so the
/// waitlist moves up and the promoted person is told. Trainings already started
/// keep nothing of the person either: their rows are deleted afterwards.
async fn give_back_seats(ctx: &AppCtx, user_id: i64) -> DbResult<usize> {
    let rows = sqlx::query(
        "SELECT training_id FROM training_registrations WHERE user_id = $1 AND status IN ('registered', 'waitlisted')",
    )
    .bind(user_id)
    .fetch_all(&ctx.db.pool)
    .await?;
    let mut freed = 0;
    for row in rows {
        let training_id: i64 = row.try_get("training_id")?;
        match actions::withdraw(ctx, training_id, user_id).await {
            Ok(_) => freed += 1,
            Err(SeatError::Db(e)) => return Err(e),
            Err(SeatError::Refused(_) | SeatError::NotRegistered | SeatError::NotFound) => {}
        }
    }
    Ok(freed)
}

/// Stops programme news at once: stamps every standing 'news' consent withdrawn.
/// `false` when none stood (nothing was being sent).
pub async fn stop_news(ctx: &AppCtx, user_id: i64) -> DbResult<bool> {
    super::news::withdraw(&ctx.db, user_id, ctx.now()).await
}
