//! What happens to a ticket: submission, status changes, staff replies and the
//! resident's answer. Each checks who is acting against the ticket's KIM, changes the
//! database conditionally (a stale or second attempt changes nothing), and queues the
//! notice for the other side in the same transaction.

use chrono_tz::Tz;

use super::model::{self, Access, AspirationId, Status, TransitionError};
use super::store::{self, NewAspiration, Ticket};
use super::{notices, render};
use crate::platform::audit;
use crate::platform::buttons::Payload;
use crate::platform::db::{DbError, DbResult};
use crate::platform::delivery::{Body, ButtonSpec, Outgoing, Priority};
use crate::platform::i18n::{Arg, t, ta};
use crate::kernel::members::{Actor, Kim, KimId, UserId, areas};
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
    Undo(#[from] model::UndoError),
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
pub async fn load(ctx: &AppCtx, actor: &Actor, id: AspirationId) -> DbResult<Option<Scoped>> {
    let Some(ticket) = store::ticket(&ctx.db, id).await? else { return Ok(None) };
    let kim = areas::kim_by_id(&ctx.db, KimId(ticket.kim_id)).await?.ok_or_else(|| DbError::Corrupt(format!("ticket {id} has no KIM")))?;
    let access = model::access(actor, &kim);
    let tz = model::zone(ticket.kim_tz.as_deref(), ctx.config.tz);
    Ok(Some(Scoped { ticket, kim, access, tz }))
}

/// Whether the reader must not learn who sent the ticket: coordinators reading an
/// anonymous ticket. They see neither the name nor the location and photos (a pin
/// shared from home, or a photo of one's street, identifies a neighbour in a small
/// KIM); staff always see all three. The chat card and the web console both ask here.
pub fn hides_sender(scoped: &Scoped) -> bool {
    scoped.ticket.anonymous && scoped.access != Access::Triage
}

/// Who sent a ticket, as the reader may see it (see [`hides_sender`]).
pub async fn sender(ctx: &AppCtx, scoped: &Scoped, lang: crate::platform::i18n::Lang) -> DbResult<render::Sender> {
    let ticket = &scoped.ticket;
    if hides_sender(scoped) {
        return Ok(render::Sender::Hidden);
    }
    let (name, username) = store::identity(&ctx.db, UserId(ticket.user_id)).await?.unwrap_or_default();
    let name = name.unwrap_or_else(|| t(lang, "asp-card-unknown-name"));
    Ok(render::Sender::Known { name, username, anonymous: ticket.anonymous })
}

/// Stores a new aspiration (numbered in the KIM's year) and tells staff, batched.
pub async fn submit(ctx: &AppCtx, new: &NewAspiration) -> DbResult<Ticket> {
    let kim = areas::kim_by_id(&ctx.db, KimId(new.kim_id)).await?.ok_or_else(|| DbError::Corrupt("KIM vanished".into()))?;
    let tz = model::zone(crate::kernel::members::areas::kim_zone(&ctx.db, kim.id).await?.as_deref(), ctx.config.tz);
    let now = ctx.now();
    let staff = notices::staff_for(&ctx.db, &kim).await?;
    let ticket = store::submit(&ctx.db, new, model::year_in(now, tz), now, &staff).await?;
    ctx.webhook_wake.wake();
    notices::NOTICE.flush(&ctx.db, &ctx.outbox, &staff, now).await?;
    Ok(ticket)
}

/// Changes the status of the ticket `actor`'s caller loaded and scoped (once, see
/// [`load`]) if their access lets them triage it, it is still in `from`, and the step
/// is legal; the resident is told in their language.
pub async fn change_status(
    ctx: &AppCtx,
    actor: &Actor,
    scoped: &Scoped,
    (from, to): (Status, Status),
    note: Option<&str>,
) -> Result<Ticket, FlowError> {
    change_status_logged(ctx, actor, scoped, (from, to), note).await.map(|(ticket, _)| ticket)
}

/// [`change_status`] that also gives the history row it wrote, which the chat's
/// "Urungkan" button names (see [`super::undo`]).
#[tracing::instrument(skip(ctx, actor, note), fields(actor = actor.user_id.get()))]
pub async fn change_status_logged(
    ctx: &AppCtx,
    actor: &Actor,
    scoped: &Scoped,
    (from, to): (Status, Status),
    note: Option<&str>,
) -> Result<(Ticket, i64), FlowError> {
    let ticket = triage_check(scoped, from)?.clone();
    let id = ticket.id;
    let (to, note) = model::transition(from, to, note)?;
    let lang = crate::kernel::members::users::language(&ctx.db, UserId(ticket.user_id)).await?;
    let text = render::status_notice(lang, &ticket, to, note.as_deref());
    // A done ticket asks for the resident's verdict (its "Belum beres" is the reopening).
    let ask = super::verdict::asks(&ticket, to).then_some(lang);
    let body = if super::reopen::offered(&ticket, to) && ask.is_none() {
        super::reopen::with_offer(lang, id, &text)
    } else {
        Body::Text { text, buttons: Vec::new(), entities: Vec::new() }
    };
    let log_id = commit_move_asking(ctx, &ticket, (from, to), (note.as_deref(), None), actor.user_id, body, ask).await?;
    let detail = format!("{}: {} -> {}", ticket.number, from.as_str(), to.as_str());
    audit::record(&ctx.db, Some(actor.user_id), "aspiration.status", &detail, ctx.now()).await?;
    Ok((Ticket { status: to, ..ticket }, log_id))
}

/// [`load`] for an action: a ticket `actor` may not see is [`FlowError::NotFound`],
/// exactly like a missing one.
pub async fn found(ctx: &AppCtx, actor: &Actor, id: AspirationId) -> Result<Scoped, FlowError> {
    load(ctx, actor, id).await?.ok_or(FlowError::NotFound)
}

/// Loads ticket `id` once for `actor` ([`found`]) and hands it to `action`: for chat
/// steps whose button or dialogue carries only the id.
pub async fn with_found<T, E: From<FlowError>>(
    ctx: &AppCtx,
    actor: &Actor,
    id: AspirationId,
    action: impl AsyncFnOnce(&Scoped) -> Result<T, E>,
) -> Result<T, E> {
    let scoped = found(ctx, actor, id).await?;
    action(&scoped).await
}

/// The scoped ticket, if its access lets its loader triage it and it is still in `from`.
pub fn triage_check(scoped: &Scoped, from: Status) -> Result<&Ticket, FlowError> {
    if scoped.access != Access::Triage {
        return Err(FlowError::NotAllowed);
    }
    if scoped.ticket.status != from {
        return Err(FlowError::Stale(scoped.ticket.status));
    }
    Ok(&scoped.ticket)
}

/// The ticket, if `actor` may triage it and it is still in `from` (for actions that
/// start from an id alone, such as the undo of a history row).
pub(super) async fn triageable(ctx: &AppCtx, actor: &Actor, id: AspirationId, from: Status) -> Result<Ticket, FlowError> {
    let scoped = found(ctx, actor, id).await?;
    triage_check(&scoped, from).cloned()
}

/// Moves the ticket (conditionally: still in `from`), writes its history row and
/// webhooks, and queues `body` to the resident, in one transaction. Gives the row id.
pub(super) async fn commit_move(
    ctx: &AppCtx,
    ticket: &Ticket,
    moves: (Status, Status),
    notes: (Option<&str>, Option<i64>),
    actor_id: UserId,
    body: Body,
) -> Result<i64, FlowError> {
    commit_move_asking(ctx, ticket, moves, notes, actor_id, body, None).await
}

/// [`commit_move`] that, with `ask` (the resident's language), also opens a verdict
/// round in the same transaction and turns `body` into its question.
async fn commit_move_asking(
    ctx: &AppCtx,
    ticket: &Ticket,
    (from, to): (Status, Status),
    (note, undoes): (Option<&str>, Option<i64>),
    actor_id: UserId,
    mut body: Body,
    ask: Option<crate::platform::i18n::Lang>,
) -> Result<i64, FlowError> {
    let mut tx = ctx.db.begin().await?;
    let Some(log_id) = store::set_status_logged(&mut tx, ticket.id, (from, to), (note, undoes), actor_id, ctx.now()).await? else {
        drop(tx);
        let current = store::ticket(&ctx.db, ticket.id).await?.map_or(from, |t| t.status);
        return Err(FlowError::Stale(current));
    };
    if let (Some(lang), Body::Text { text, .. }) = (ask, &body) {
        let round = super::verdict::store::open(&mut tx, ticket.id, ctx.now()).await?;
        body = super::verdict::question(lang, ticket.id, round, text, super::reopen::offered(ticket, to));
    }
    // An erased resident (/hapusdata) has no chat any more: the ticket just moves on.
    if ticket.user_id != crate::platform::personal::ERASED_USER {
        let notice = Outgoing { chat_id: ticket.user_id, body, priority: Priority::Personal, source: Some(source(ticket.id)) };
        ctx.outbox.enqueue_in(&mut tx, &[notice]).await?;
    }
    tx.commit().await.map_err(DbError::from)?;
    ctx.outbox.wake();
    ctx.webhook_wake.wake();
    Ok(log_id)
}

/// Sends a staff reply to the resident, with a button to answer it once.
#[tracing::instrument(skip(ctx, actor, text), fields(actor = actor.user_id.get()))]
pub async fn reply(ctx: &AppCtx, actor: &Actor, scoped: &Scoped, text: &str) -> Result<Ticket, FlowError> {
    if scoped.access != Access::Triage {
        return Err(FlowError::NotAllowed);
    }
    let ticket = scoped.ticket.clone();
    let id = ticket.id;
    let lang = crate::kernel::members::users::language(&ctx.db, UserId(ticket.user_id)).await?;
    let now = ctx.now();
    let mut tx = ctx.db.begin().await?;
    let message_id = store::add_message(&mut tx, id, actor.user_id, None, text, now).await?;
    let args = [("ticket", Arg::from(&ticket.number)), ("text", Arg::from(text))];
    let button = ButtonSpec {
        label: t(lang, "asp-btn-answer"),
        data: super::buttons::Btn::Answer(message_id).callback_data(),
    };
    let body = Body::Text { text: ta(lang, "asp-notice-reply", &args), buttons: vec![vec![button]], entities: Vec::new() };
    if ticket.user_id != crate::platform::personal::ERASED_USER {
        let notice = Outgoing { chat_id: ticket.user_id, body, priority: Priority::Personal, source: Some(source(id)) };
        ctx.outbox.enqueue_in(&mut tx, &[notice]).await?;
    }
    tx.commit().await.map_err(DbError::from)?;
    ctx.outbox.wake();
    ctx.webhook_wake.wake();
    audit::record(&ctx.db, Some(actor.user_id), "aspiration.reply", &ticket.number, now).await?;
    Ok(ticket)
}

/// A staff reply the resident `user_id` may still answer, with its ticket.
pub async fn answerable(ctx: &AppCtx, user_id: UserId, reply_id: i64) -> Result<(store::ThreadMessage, Ticket), FlowError> {
    let reply = store::message(&ctx.db, reply_id).await?.filter(|m| m.is_reply).ok_or(FlowError::NotFound)?;
    let ticket = store::ticket(&ctx.db, reply.aspiration_id).await?.filter(|t| t.user_id == user_id.get());
    let ticket = ticket.ok_or(FlowError::NotFound)?;
    if reply.answered {
        return Err(FlowError::AlreadyAnswered);
    }
    Ok((reply, ticket))
}

/// Stores the resident's one answer to a staff reply and tells that staff member.
#[tracing::instrument(skip(ctx, text))]
pub async fn answer(ctx: &AppCtx, user_id: UserId, reply_id: i64, text: &str) -> Result<Ticket, FlowError> {
    let (reply, ticket) = answerable(ctx, user_id, reply_id).await?;
    let lang = crate::kernel::members::users::language(&ctx.db, UserId(reply.author)).await?;
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

fn source(id: AspirationId) -> String {
    super::model::SOURCE.of(id.get()).to_string()
}
