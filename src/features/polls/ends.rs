//! The end of every copy of a closed or recalled poll: copies not yet sent are
//! cancelled, each copy Telegram accepted gets one `stopPoll` (and, for a recall,
//! one delete), whenever it was accepted.
//!
//! Closing happens while the delivery worker (of any process) may still hold copies
//! in flight: they are neither queued (so not cancelled) nor sent (so not stopped)
//! at that moment. So a poll is swept again by the closing job until it is
//! `settled`: nothing of it queued or sending and every sent copy given its ends.
//! A copy that a 429 puts back in the queue after closing is cancelled by the next
//! sweep; one that went out is stopped by it.
//!
//! Each end is claimed per copy with `INSERT … ON CONFLICT DO NOTHING RETURNING` in
//! the transaction that queues it, so repeated sweeps and several processes queue
//! it once.

use sqlx::Row;

use super::model::PollId;
use super::store::{Poll, STOP_SOURCE};
use crate::platform::ctx::AppCtx;
use crate::platform::db::{Db, DbResult};
use crate::platform::delivery::{Body, Outgoing, Priority};

/// A copy Telegram accepted: its outbox row, chat and message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Copy {
    pub row: i64,
    pub chat_id: i64,
    pub message_id: i64,
}

/// What one sweep did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Swept {
    /// Copies Telegram accepted so far.
    pub sent: usize,
    /// Ends queued by this sweep.
    pub queued: usize,
    /// Nothing more will ever need doing for this poll.
    pub settled: bool,
}

/// The ends a copy of a poll in this state needs, in the order they go out.
fn actions(poll: &Poll) -> &'static [&'static str] {
    match poll.status.as_str() {
        "recalled" => &["stop", "delete"],
        "closed" => &["stop"],
        _ => &[],
    }
}

/// Cancels what of `poll` is still queued and queues the missing ends of its sent
/// copies; marks the poll settled when nothing is left in flight.
pub async fn sweep(ctx: &AppCtx, poll: &Poll) -> DbResult<Swept> {
    let actions = actions(poll);
    let Some(last) = actions.last() else { return Ok(Swept::default()) };
    ctx.outbox.cancel(&poll.source()).await?;
    let copies = sent_copies(&ctx.db, poll.id).await?;
    let mut tx = ctx.db.begin().await?;
    let mut items = Vec::new();
    for copy in &copies {
        for action in actions {
            if claim(&mut tx, PollId(poll.id), copy.row, action, ctx.now()).await? {
                items.push(end_item(poll.id, copy, action));
            }
        }
    }
    ctx.outbox.enqueue_in(&mut tx, &items).await?;
    tx.commit().await?;
    if !items.is_empty() {
        ctx.outbox.wake();
    }
    let settled = settle(&ctx.db, poll.id, &poll.source(), last).await?;
    Ok(Swept { sent: copies.len(), queued: items.len(), settled })
}

fn end_item(poll_id: i64, copy: &Copy, action: &str) -> Outgoing {
    let body = match action {
        "delete" => Body::Delete { message_id: copy.message_id },
        _ => Body::StopPoll { message_id: copy.message_id },
    };
    Outgoing { chat_id: copy.chat_id, body, priority: Priority::Broadcast, source: STOP_SOURCE.of(poll_id).into() }
}

/// Every copy Telegram accepted, oldest first.
pub async fn sent_copies(db: &Db, poll_id: i64) -> DbResult<Vec<Copy>> {
    let rows = sqlx::query("SELECT id, chat_id, message_id FROM outbox WHERE source = $1 AND status = 'sent' AND message_id IS NOT NULL ORDER BY id")
        .bind(super::store::source(poll_id))
        .fetch_all(&db.pool)
        .await?;
    rows.iter().map(|r| Ok(Copy { row: r.try_get("id")?, chat_id: r.try_get("chat_id")?, message_id: r.try_get("message_id")? })).collect()
}

/// True for the one sweep that may queue `action` for the copy in outbox row `row`.
async fn claim(tx: &mut sqlx::Transaction<'_, sqlx::Any>, poll_id: PollId, row: i64, action: &str, now: i64) -> DbResult<bool> {
    let claimed = sqlx::query(
        "INSERT INTO poll_copy_ends (copy_ref, action, poll_ref, created_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (copy_ref, action) DO NOTHING RETURNING copy_ref",
    )
    .bind(row)
    .bind(action)
    .bind(poll_id)
    .bind(now)
    .fetch_optional(&mut **tx)
    .await?;
    Ok(claimed.is_some())
}

/// Marks the poll settled when no copy is queued or sending and every sent copy has
/// its `last` end. One statement, so a copy turning `sent` meanwhile is seen either
/// as sending or as sent without its end: either way the poll stays unsettled.
async fn settle(db: &Db, poll_id: i64, source: &str, last: &str) -> DbResult<bool> {
    let done = sqlx::query(
        "UPDATE polls SET settled = 1 WHERE id = $1 AND settled = 0 AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.source = $2 \
         AND (o.status IN ('queued', 'sending') OR (o.status = 'sent' AND NOT EXISTS \
         (SELECT 1 FROM poll_copy_ends e WHERE e.copy_ref = o.id AND e.action = $3))))",
    )
    .bind(poll_id)
    .bind(source)
    .bind(last)
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Closed or recalled polls with copies possibly still in flight.
pub async fn unsettled(db: &Db, limit: i64) -> DbResult<Vec<i64>> {
    let rows = sqlx::query("SELECT id FROM polls WHERE settled = 0 AND status IN ('closed', 'recalled') ORDER BY id LIMIT $1")
        .bind(limit)
        .fetch_all(&db.pool)
        .await?;
    rows.iter().map(|r| r.try_get("id").map_err(Into::into)).collect()
}
