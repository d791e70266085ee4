//! Answers coming in: `poll_answer` updates (non-anonymous copies: one person, their
//! chosen options, or none when they took their answer back) and `poll` updates
//! (an anonymous copy's totals). Both come from every chat a poll went to and land
//! in the one tally of that poll; a Telegram poll id we did not send is ignored.
//!
//! Such updates carry no chat, so teloxide hands them to handlers concurrently, in
//! no order: each is stored with its update id and only a newer one replaces it.

use std::sync::Arc;
use crate::kernel::members::UserId;

use teloxide::types::{MaybeAnonymousUser, Poll as TgPoll, PollAnswer, Update};

use super::super::model::{ChatTotals, PollId, Vote};
use super::super::store;
use crate::bot::HandlerResult;
use crate::platform::ctx::AppCtx;
use crate::platform::fingerprint::{self, Scope};

/// A person answered (or retracted) in one chat's copy.
pub async fn on_answer(update: Update, answer: PollAnswer, ctx: Arc<AppCtx>) -> HandlerResult {
    let MaybeAnonymousUser::User(user) = &answer.voter else { return Ok(()) };
    let db = &ctx.db;
    let Some((poll_id, chat_id)) = copy_of(db, &answer.poll_id.0).await? else { return Ok(()) };
    if !counts(db, poll_id).await? {
        return Ok(());
    }
    let user_id = user.id.0 as i64;
    // Counted by a fingerprint within this poll, not by the id (see `fingerprint`).
    let voter = fingerprint::of(&fingerprint::secret(db, ctx.now()).await?, Scope::Poll, poll_id.get(), UserId(user_id));
    let seq = i64::from(update.id.0);
    let kim_id = store::chat_kim(db, chat_id).await?;
    let choices = answer.option_ids.iter().map(|o| usize::from(*o)).collect();
    store::record_vote(db, poll_id, chat_id, UserId(user_id), &Vote { voter, kim_id, choices, seq }).await?;
    Ok(())
}

/// New counts of a copy; only anonymous copies are counted from these (the others
/// are counted person by person from their answers).
pub async fn on_poll(update: Update, poll: TgPoll, ctx: Arc<AppCtx>) -> HandlerResult {
    if !poll.is_anonymous {
        return Ok(());
    }
    let db = &ctx.db;
    let Some((poll_id, chat_id)) = copy_of(db, &poll.id.0).await? else { return Ok(()) };
    if !counts(db, poll_id).await? {
        return Ok(());
    }
    let counts = poll.options.iter().map(|o| u64::from(o.voter_count)).collect();
    let totals = ChatTotals { kim_id: store::chat_kim(db, chat_id).await?, counts, voters: u64::from(poll.total_voter_count) };
    store::record_totals(db, poll_id, chat_id, &totals, i64::from(update.id.0), ctx.now()).await?;
    Ok(())
}

/// Whether updates about `poll_id` still count: while it is open, and after it is
/// closed too. Closing claims the poll at once, but each copy stops only when its
/// `stopPoll` goes out, and Telegram delivers only what a copy accepted before that:
/// answers given in between, and (for an anonymous copy) the `poll` update with its
/// final totals that follows the stop. Counting them makes the tally match what the
/// chats show. A recalled poll counts nothing more.
async fn counts(db: &crate::platform::db::Db, poll_id: PollId) -> crate::platform::db::DbResult<bool> {
    Ok(store::get(db, poll_id.get()).await?.is_some_and(|p| p.status != "recalled"))
}

/// The poll and chat of a Telegram poll id. The id is recorded when the delivery
/// worker hears back from `sendPoll`; an answer can overtake that by milliseconds,
/// so an unknown id is looked up a few more times before it is ignored.
async fn copy_of(db: &crate::platform::db::Db, telegram_poll_id: &str) -> crate::platform::db::DbResult<Option<(PollId, i64)>> {
    for wait_ms in [0, 100, 300, 600] {
        tokio::time::sleep(std::time::Duration::from_millis(wait_ms)).await;
        if let Some(found) = store::copy_of(db, telegram_poll_id).await? {
            return Ok(Some(found));
        }
    }
    Ok(None)
}
