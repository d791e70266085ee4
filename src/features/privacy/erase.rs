//! Erasure on request (`/hapusdata`, UU 27/2022 art. 8/43): done at once, in one
//! transaction that asks every owner of personal data
//! ([`AppCtx::personal_data`]) to erase its part, children
//! before parents. Training seats are given back inside it (the waitlist moves up and
//! is told), schedules are paused and handed to staff inside it.
//!
//! What goes and what stays is listed per owner in its `personal` module and in the
//! README ("What erasure keeps"). The audit log keeps one `privacy.erase` entry with
//! [`ERASED_USER`] as actor and counts only: a trace that an erasure happened, with
//! no id that could tie it (or the person) to the tickets that stay.

use crate::platform::ctx::AppCtx;
use crate::platform::audit;
use crate::platform::db::DbResult;
use crate::platform::personal::{ERASED_USER, Erasure};
use crate::kernel::members::UserId;

/// What an erasure did, for the confirmation message and the audit entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Erased {
    pub tickets_kept: u64,
    pub seats_freed: usize,
    pub schedules_paused: usize,
}

/// Erases `user_id`'s personal data; see the module docs for what stays.
#[tracing::instrument(skip(ctx))]
pub async fn erase(ctx: &AppCtx, user_id: UserId) -> DbResult<Erased> {
    let now = ctx.now();
    let mut e = Erasure { ctx, user_id: user_id, now, tickets_kept: 0, seats_freed: 0, schedules_paused: 0 };
    let mut tx = ctx.db.begin().await?;
    for owner in ctx.personal_data.iter().rev() {
        (owner.erase)(&mut tx, &mut e).await?;
    }
    let done = Erased { tickets_kept: e.tickets_kept, seats_freed: e.seats_freed, schedules_paused: e.schedules_paused };
    let detail = format!(
        "tickets_anonymised={} seats_freed={} schedules_paused={}",
        done.tickets_kept, done.seats_freed, done.schedules_paused
    );
    audit::record_in(&mut tx, Some(UserId(ERASED_USER)), "privacy.erase", &detail, now).await?;
    tx.commit().await?;
    ctx.outbox.wake();
    Ok(done)
}

/// Stops programme news at once: stamps every standing 'news' consent withdrawn.
/// `false` when none stood (nothing was being sent).
pub async fn stop_news(ctx: &AppCtx, user_id: UserId) -> DbResult<bool> {
    super::news::withdraw(&ctx.db, user_id, ctx.now()).await
}
