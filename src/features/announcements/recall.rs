//! Recall: deleting one run's messages from every group it reached, within
//! Telegram's 48 hours. One domain action for the chat's report buttons and the web
//! console, so the rule (what can be deleted, what is marked and audited) lives once.

use teloxide::prelude::*;
use teloxide::types::MessageId;
use teloxide::{ApiError, RequestError};
use crate::kernel::members::UserId;

use super::model::RECALL_WINDOW_SECS;
use super::runs::{self, Run};
use crate::platform::audit;
use crate::platform::ctx::AppCtx;
use crate::platform::db::DbResult;

/// What became of a group on recall; the worst part of it counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Recalled {
    Deleted,
    Waiting,
    TooOld,
    Failed,
}

/// Groups per outcome of one recall.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Outcome {
    pub deleted: i64,
    pub waiting: i64,
    pub too_old: i64,
    pub failed: i64,
}

/// Deletes every sent message of `run` (of announcement `id`), marks the run
/// recalled and audits it as `actor`'s act. The caller has checked that `actor` may
/// manage the announcement.
pub async fn recall_run(ctx: &AppCtx, bot: &Bot, actor: UserId, id: i64, run: &Run) -> DbResult<Outcome> {
    let now = ctx.now();
    let per_chat = delete_all(ctx, bot, run, now).await?;
    let count = |r: Recalled| per_chat.iter().filter(|(_, x)| *x == r).count() as i64;
    let outcome = Outcome {
        deleted: count(Recalled::Deleted),
        waiting: count(Recalled::Waiting),
        too_old: count(Recalled::TooOld),
        failed: count(Recalled::Failed),
    };
    runs::mark_recalled(&ctx.db, run.id, now).await?;
    let detail = format!("id={id} run={} deleted={} waiting={}", run.n, outcome.deleted, outcome.waiting);
    audit::record(&ctx.db, Some(actor), "announcement.recall", &detail, now).await?;
    Ok(outcome)
}

/// Deletes what can be deleted; per group the worst outcome of its message(s).
/// Groups whose send failed had nothing to delete and are left out.
async fn delete_all(ctx: &AppCtx, bot: &Bot, run: &Run, now: i64) -> DbResult<Vec<(i64, Recalled)>> {
    let mut per_chat: Vec<(i64, Recalled)> = Vec::new();
    for row in runs::deliveries(&ctx.db, run.id).await? {
        let result = match (row.status.as_str(), row.message_id) {
            ("sent", Some(_)) if now - row.updated_at > RECALL_WINDOW_SECS => Recalled::TooOld,
            ("sent", Some(message_id)) => delete(bot, row.sent_chat_id, message_id).await,
            ("queued" | "sending", _) => Recalled::Waiting,
            _ => continue,
        };
        match per_chat.iter_mut().find(|(chat, _)| *chat == row.chat_id) {
            Some((_, worst)) => *worst = (*worst).max(result),
            None => per_chat.push((row.chat_id, result)),
        }
    }
    Ok(per_chat)
}

async fn delete(bot: &Bot, chat: i64, message_id: i64) -> Recalled {
    let Ok(message_id) = i32::try_from(message_id) else { return Recalled::Failed };
    match bot.delete_message(ChatId(chat), MessageId(message_id)).await {
        Ok(_) | Err(RequestError::Api(ApiError::MessageToDeleteNotFound)) => Recalled::Deleted,
        Err(error) => {
            tracing::warn!(chat, message_id, %error, "could not delete an announcement");
            Recalled::Failed
        }
    }
}
