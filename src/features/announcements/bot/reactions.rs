//! `message_reaction_count` updates: the reactions on a group post, kept per post
//! (see `platform::delivery::reactions`) and shown in the announcement report and
//! the console. They belong to no dialogue: a branch of the update tree.

use std::sync::Arc;

use teloxide::types::{MessageReactionCountUpdated, ReactionType};

use crate::bot::HandlerResult;
use crate::platform::ctx::AppCtx;
use crate::platform::delivery::reactions;

/// Records the new total of a post's reactions (every kind, paid stars included).
pub async fn on_count(update: MessageReactionCountUpdated, ctx: Arc<AppCtx>) -> HandlerResult {
    let total: u64 = update.reactions.iter().map(|r| r.total_count).sum();
    let emoji = update.reactions.iter().filter(|r| matches!(r.r#type, ReactionType::Emoji { .. })).count();
    let total = i64::try_from(total).unwrap_or(i64::MAX);
    let ours = reactions::record(&ctx.db, update.chat.id.0, i64::from(update.message_id.0), total, ctx.now()).await?;
    tracing::debug!(chat = update.chat.id.0, message = update.message_id.0, total, emoji, ours, "reactions counted");
    Ok(())
}
