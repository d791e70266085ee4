//! Recall: every copy Telegram accepted is deleted (through the outbox, ahead of the
//! queue like the warning itself; Telegram allows it for 48 hours) and every copy
//! still queued is cancelled. One action, claimed on the warning's row first, so a
//! double press or a second process recalls once.

use super::model::RECALL_WINDOW_SECS;
use super::store::{self, Warning};
use crate::platform::audit;
use crate::platform::ctx::AppCtx;
use crate::platform::db::DbResult;
use crate::platform::delivery::{Body, Outgoing, Priority};
use crate::kernel::members::UserId;

/// What one recall did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Recalled {
    /// Sent copies whose deletion is queued.
    pub deleted: i64,
    /// Copies that had not gone out yet and never will.
    pub cancelled: i64,
    /// Sent copies older than Telegram allows to delete.
    pub too_old: i64,
}

/// Recalls `warning` as `by`'s act; `None` when it was recalled already. The caller
/// has checked that `by` may see the warning.
pub async fn recall(ctx: &AppCtx, warning: &Warning, by: UserId) -> DbResult<Option<Recalled>> {
    let now = ctx.now();
    if !store::claim_recall(&ctx.db, warning.id, now).await? {
        return Ok(None);
    }
    let source = store::source(warning.id);
    let cancelled = ctx.outbox.cancel(&source).await? as i64;
    let mut done = Recalled { cancelled, ..Recalled::default() };
    let mut deletes = Vec::new();
    for row in ctx.outbox.deliveries(&source).await? {
        let (Some(message_id), "sent") = (row.message_id, row.status.as_str()) else { continue };
        if now - warning.created_at > RECALL_WINDOW_SECS {
            done.too_old += 1;
            continue;
        }
        let body = Body::Delete { message_id };
        deletes.push(Outgoing { chat_id: row.chat_id, body, priority: Priority::Emergency, source: super::store::RECALL_SOURCE.of(warning.id).into() });
    }
    done.deleted = deletes.len() as i64;
    ctx.outbox.enqueue(&deletes).await?;
    let detail = format!("id={} deleted={} cancelled={}", warning.id, done.deleted, done.cancelled);
    audit::record(&ctx.db, Some(by), "emergency.recall", &detail, now).await?;
    Ok(Some(done))
}
