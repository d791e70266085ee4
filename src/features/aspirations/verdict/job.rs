//! The verdict job: reminds a resident once, `KIMBOT_VERDICT_REMINDER_DAYS` after the
//! question, and closes a round still unanswered after `KIMBOT_VERDICT_CLOSE_DAYS` as
//! `unrated`, posting `aspiration.rated` (outcome `unrated`, no score) in the closing
//! transaction so receivers learn that the ticket's verdict is final.
//!
//! Each step is claimed on the round's own row (`reminded_at IS NULL AND outcome IS
//! NULL`, or `outcome IS NULL`) in the transaction that queues the reminder: with two
//! processes on one PostgreSQL the second waits for the first's row lock, re-checks the
//! condition on the new row version and changes nothing, so no reminder goes out twice
//! and no round closes twice. Times come from the app clock (a test clock in tests).

use std::sync::Arc;
use std::time::Duration;
use crate::kernel::members::UserId;

use tokio::sync::watch;

use super::store::{self, Waiting};
use crate::platform::audit;
use crate::platform::ctx::AppCtx;
use crate::platform::db::DbResult;
use crate::platform::delivery::{Body, Outgoing, Priority};
use crate::platform::i18n::{Arg, ta};

/// How often the job looks (two indexed queries).
const POLL: Duration = Duration::from_secs(1);
/// Rounds taken per look and step; a backlog drains over several looks.
const BATCH: i64 = 200;

/// One look: closes expired rounds first (so a long-stopped bot does not remind about
/// a round it closes at once), then reminds. Gives how many rounds it changed.
#[tracing::instrument(skip(ctx))]
pub async fn check(ctx: &AppCtx, now: i64) -> DbResult<usize> {
    Ok(expire(ctx, now).await? + remind(ctx, now).await?)
}

async fn expire(ctx: &AppCtx, now: i64) -> DbResult<usize> {
    let due = store::waiting(&ctx.db, now - ctx.config.verdict.close_after(), false, BATCH).await?;
    let mut closed = Vec::new();
    for round in &due {
        let mut tx = ctx.db.begin().await?;
        if store::claim_unrated(&mut tx, round.id, now).await? {
            crate::features::webhooks::store::enqueue(&mut tx, &super::webhook::rated(round.aspiration_id, round.id), now).await?;
            closed.push(round.ticket.clone());
        }
        tx.commit().await?;
    }
    if !closed.is_empty() {
        ctx.webhook_wake.wake();
    }
    for number in &closed {
        audit::record(&ctx.db, None, "aspiration.unrated", number, now).await?;
    }
    Ok(closed.len())
}

async fn remind(ctx: &AppCtx, now: i64) -> DbResult<usize> {
    let due = store::waiting(&ctx.db, now - ctx.config.verdict.remind_after(), true, BATCH).await?;
    let mut reminded = 0;
    for round in due.iter().filter(|r| r.user_id != crate::platform::personal::ERASED_USER) {
        let notice = reminder(ctx, round).await?;
        let mut tx = ctx.db.begin().await?;
        if store::claim_reminder(&mut tx, round.id, now).await? {
            ctx.outbox.enqueue_in(&mut tx, &[notice]).await?;
            reminded += 1;
        }
        tx.commit().await?;
    }
    if reminded > 0 {
        ctx.outbox.wake();
    }
    Ok(reminded)
}

/// "⏰ Tiket … sudah selesai. Apakah masalahnya sudah beres?" with the same buttons.
async fn reminder(ctx: &AppCtx, round: &Waiting) -> DbResult<Outgoing> {
    let lang = crate::kernel::members::users::language(&ctx.db, UserId(round.user_id)).await?;
    let text = ta(lang, "verdict-reminder", &[("ticket", Arg::from(&round.ticket))]);
    let body: Body = super::question(lang, round.aspiration_id, round.id, &text, !round.reopened);
    Ok(Outgoing { chat_id: round.user_id, body, priority: Priority::Personal, source: crate::features::aspirations::model::SOURCE.of(round.aspiration_id.get()).into() })
}

/// Background loop: looks every second until `stop`.
pub async fn run(ctx: Arc<AppCtx>, stop: watch::Receiver<bool>) {
    crate::platform::scheduler::every("aspiration verdicts", POLL, stop, || check(&ctx, ctx.now())).await;
}
