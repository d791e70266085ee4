//! What happens to a ticket: submission, status changes, staff replies and the
//! resident's answer. Each checks who is acting against the ticket's KIM, changes the
//! database conditionally (a stale or second attempt changes nothing), and queues the
//! notice for the other side in the same transaction.

use chrono_tz::Tz;

use super::model::{self, Access, Status, TransitionError};
use super::store::{self, NewAspiration, Ticket};
use super::{notices, render};
use crate::platform::audit;
use crate::bot::feature::Payload;
use crate::platform::db::{DbError, DbResult};
use crate::platform::delivery::{Body, ButtonSpec, Outgoing, Priority};
use crate::platform::i18n::{Arg, t, ta};
use crate::features::members::{Actor, Kim, areas};
use crate::platform::ctx::AppCtx;

/// Why a ticket action did not happen.
#[derive(Debug, thiserror::Error)]
pub enum FlowError {
    /// No such ticket, or not one this person may see (the same answer on purpose).
    #[error("ticket not found")]
    NotFound,
    #[error("not allowed to change this ticket")]
    NotAllowed,
    #[error("the ticket is now {0:?}")]
    Stale(Status),
    #[error(transparent)]
    Transition(#[from] TransitionError),
    #[error("this reply was already answered")]
    AlreadyAnswered,
    #[error(transparent)]
    Reopen(#[from] model::ReopenError),
    #[error(transparent)]
    Db(#[from] DbError),
}

/// A ticket with its KIM and what the person asking may do with it.
#[derive(Debug, Clone)]
pub struct Scoped {
    pub ticket: Ticket,
    pub kim: Kim,
    pub access: Access,
    pub tz: Tz,
}

/// Loads a ticket for `actor`; `None` when it does not exist.
pub async fn load(ctx: &AppCtx, actor: &Actor, id: i64) -> DbResult<Option<Scoped>> {
    let Some(ticket) = store::ticket(&ctx.db, id).await? else { return Ok(None) };
    let kim = areas::kim_by_id(&ctx.db, ticket.kim_id).await?.ok_or_else(|| DbError::Corrupt(format!("ticket {id} has no KIM")))?;
    let access = model::access(actor, &kim);
    let tz = model::zone(ticket.kim_tz.as_deref(), ctx.config.tz);
    Ok(Some(Scoped { ticket, kim, access, tz }))
}

/// Who sent a ticket, as the reader may see it: coordinators never learn who sent an
/// anonymous ticket; staff always do. The chat card and the web console both ask here.
pub async fn sender(ctx: &AppCtx, scoped: &Scoped, lang: crate::platform::i18n::Lang) -> DbResult<render::Sender> {
    let ticket = &scoped.ticket;
    if ticket.anonymous && scoped.access != Access::Triage {
        return Ok(render::Sender::Hidden);
    }
    let (name, username) = store::identity(&ctx.db, ticket.user_id).await?.unwrap_or_default();
    let name = name.unwrap_or_else(|| t(lang, "asp-card-unknown-name"));
    Ok(render::Sender::Known { name, username, anonymous: ticket.anonymous })
}

/// Stores a new aspiration (numbered in the KIM's year) and tells staff, batched.
pub async fn submit(ctx: &AppCtx, new: &NewAspiration) -> DbResult<Ticket> {
    let kim = areas::kim_by_id(&ctx.db, new.kim_id).await?.ok_or_else(|| DbError::Corrupt("KIM vanished".into()))?;
    let tz = model::zone(store::kim_zone(&ctx.db, kim.id).await?.as_deref(), ctx.config.tz);
    let now = ctx.now();
    let staff = notices::staff_for(&ctx.db, &kim).await?;
    let ticket = store::submit(&ctx.db, new, model::year_in(now, tz), now, &staff).await?;
    crate::features::webhooks::wake();
    notices::flush(&ctx.db, &ctx.outbox, &staff, now).await?;
    Ok(ticket)
}

/// Changes a ticket's status if `actor` may triage it, it is still in `from`, and
/// the step is legal; the resident is told in their language.
#[tracing::instrument(skip(ctx, actor, note), fields(actor = actor.user_id))]
pub async fn change_status(
    ctx: &AppCtx,
    actor: &Actor,
    id: i64,
    (from, to): (Status, Status),
    note: Option<&str>,
) -> Result<Ticket, FlowError> {
    let scoped = load(ctx, actor, id).await?.ok_or(FlowError::NotFound)?;
    if scoped.access != Access::Triage {
        return Err(FlowError::NotAllowed);
    }
    let ticket = scoped.ticket;
    if ticket.status != from {
        return Err(FlowError::Stale(ticket.status));
    }
    let (to, note) = model::transition(from, to, note)?;
    let lang = store::language(&ctx.db, ticket.user_id).await?;
    let text = render::status_notice(lang, &ticket, to, note.as_deref());
    let now = ctx.now();
    let mut tx = ctx.db.begin().await?;
    if !store::set_status(&mut tx, id, (from, to), note.as_deref(), actor.user_id, now).await? {
        drop(tx);
        let current = store::ticket(&ctx.db, id).await?.map_or(from, |t| t.status);
        return Err(FlowError::Stale(current));
    }
    // An erased resident (/hapusdata) has no chat any more: the ticket just moves on.
    if ticket.user_id != crate::features::privacy::ERASED_USER {
        let notice = if super::reopen::offered(&ticket, to) {
            let body = super::reopen::with_offer(lang, id, &text);
            Outgoing { chat_id: ticket.user_id, body, priority: Priority::Personal, source: Some(source(id)) }
        } else {
            Outgoing::text(ticket.user_id, text, Priority::Personal, Some(source(id)))
        };
        ctx.outbox.enqueue_in(&mut tx, &[notice]).await?;
    }
    tx.commit().await.map_err(DbError::from)?;
    ctx.outbox.wake();
    crate::features::webhooks::wake();
    let detail = format!("{}: {} -> {}", ticket.number, from.as_str(), to.as_str());
    audit::record(&ctx.db, Some(actor.user_id), "aspiration.status", &detail, now).await?;
    Ok(Ticket { status: to, ..ticket })
}

/// Sends a staff reply to the resident, with a button to answer it once.
#[tracing::instrument(skip(ctx, actor, text), fields(actor = actor.user_id))]
pub async fn reply(ctx: &AppCtx, actor: &Actor, id: i64, text: &str) -> Result<Ticket, FlowError> {
    let scoped = load(ctx, actor, id).await?.ok_or(FlowError::NotFound)?;
    if scoped.access != Access::Triage {
        return Err(FlowError::NotAllowed);
    }
    let ticket = scoped.ticket;
    let lang = store::language(&ctx.db, ticket.user_id).await?;
    let now = ctx.now();
    let mut tx = ctx.db.begin().await?;
    let message_id = store::add_message(&mut tx, id, actor.user_id, None, text, now).await?;
    let args = [("ticket", Arg::from(&ticket.number)), ("text", Arg::from(text))];
    let button = ButtonSpec {
        label: t(lang, "asp-btn-answer"),
        data: super::buttons::Btn::Answer(message_id).callback_data(),
    };
    let body = Body::Text { text: ta(lang, "asp-notice-reply", &args), buttons: vec![vec![button]], entities: Vec::new() };
    if ticket.user_id != crate::features::privacy::ERASED_USER {
        let notice = Outgoing { chat_id: ticket.user_id, body, priority: Priority::Personal, source: Some(source(id)) };
        ctx.outbox.enqueue_in(&mut tx, &[notice]).await?;
    }
    tx.commit().await.map_err(DbError::from)?;
    ctx.outbox.wake();
    crate::features::webhooks::wake();
    audit::record(&ctx.db, Some(actor.user_id), "aspiration.reply", &ticket.number, now).await?;
    Ok(ticket)
}

/// A staff reply the resident `user_id` may still answer, with its ticket.
pub async fn answerable(ctx: &AppCtx, user_id: i64, reply_id: i64) -> Result<(store::ThreadMessage, Ticket), FlowError> {
    let reply = store::message(&ctx.db, reply_id).await?.filter(|m| m.is_reply).ok_or(FlowError::NotFound)?;
    let ticket = store::ticket(&ctx.db, reply.aspiration_id).await?.filter(|t| t.user_id == user_id);
    let ticket = ticket.ok_or(FlowError::NotFound)?;
    if reply.answered {
        return Err(FlowError::AlreadyAnswered);
    }
    Ok((reply, ticket))
}

/// Stores the resident's one answer to a staff reply and tells that staff member.
#[tracing::instrument(skip(ctx, text))]
pub async fn answer(ctx: &AppCtx, user_id: i64, reply_id: i64, text: &str) -> Result<Ticket, FlowError> {
    let (reply, ticket) = answerable(ctx, user_id, reply_id).await?;
    let lang = store::language(&ctx.db, reply.author).await?;
    let now = ctx.now();
    let mut tx = ctx.db.begin().await?;
    if !store::claim_reply(&mut tx, reply_id, now).await? {
        return Err(FlowError::AlreadyAnswered);
    }
    store::add_message(&mut tx, ticket.id, user_id, Some(reply_id), text, now).await?;
    let args = [("ticket", Arg::from(&ticket.number)), ("text", Arg::from(text))];
    let notice = Outgoing::text(reply.author, ta(lang, "asp-notice-answer", &args), Priority::Personal, Some(source(ticket.id)));
    ctx.outbox.enqueue_in(&mut tx, &[notice]).await?;
    tx.commit().await.map_err(DbError::from)?;
    ctx.outbox.wake();
    Ok(ticket)
}

fn source(id: i64) -> String {
    format!("aspiration:{id}")
}
