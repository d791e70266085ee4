//! A resident's one response to a closed ticket ("Tanggapi", as on LAPOR!): it goes
//! back to [`model::REOPENED`] for staff to review, through the same conditional
//! [`store::set_status`] as staff changes, so the history row and the
//! `aspiration.status_changed` webhooks come with it. `reopened_at` is claimed with a
//! conditional UPDATE in the same transaction, so a double press or a second process
//! reopens nothing twice.

use super::flow::FlowError;
use super::model::{self, AspirationId, Status};
use super::store::{self, Ticket};
use super::notices;
use crate::platform::audit;
use crate::platform::buttons::Payload;
use crate::platform::db::DbError;
use crate::platform::delivery::{Body, ButtonSpec, Outgoing, Priority};
use crate::platform::i18n::{Arg, Lang, t, ta};
use crate::kernel::members::{KimId, UserId, areas};
use crate::platform::ctx::AppCtx;

use super::buttons::Btn;

/// Whether the resident may still be offered "Tanggapi" on `ticket`.
pub fn offered(ticket: &Ticket, to: Status) -> bool {
    to.is_closed() && ticket.reopened_at.is_none() && ticket.user_id != crate::platform::personal::ERASED_USER
}

/// `text` (a closing notice or the resident's view) with the hint and the button.
pub fn with_offer(lang: Lang, ticket_id: AspirationId, text: &str) -> Body {
    let text = format!("{text}\n\n{}", t(lang, "asp-notice-respond-hint"));
    let button = ButtonSpec { label: t(lang, "asp-btn-respond"), data: Btn::Respond(ticket_id.get()).callback_data() };
    Body::Text { text, buttons: vec![vec![button]], entities: Vec::new() }
}

/// A ticket of `user_id` that is closed and was never reopened. Someone else's
/// ticket reads as not found.
pub async fn respondable(ctx: &AppCtx, user_id: UserId, id: AspirationId) -> Result<Ticket, FlowError> {
    let ticket = store::ticket(&ctx.db, id).await?.filter(|t| t.user_id == user_id.get()).ok_or(FlowError::NotFound)?;
    model::check_reopen(ticket.status, ticket.reopened_at.is_some())?;
    Ok(ticket)
}

/// Reopens the resident's closed ticket with their `text`: claims the one reopening,
/// moves the status back for review, adds the text to the thread, and tells the staff
/// covering the KIM, all in one transaction.
#[tracing::instrument(skip(ctx, text))]
pub async fn respond(ctx: &AppCtx, user_id: UserId, id: AspirationId, text: &str) -> Result<Ticket, FlowError> {
    let ticket = respondable(ctx, user_id, id).await?;
    let to = model::check_reopen(ticket.status, false)?;
    let kim = areas::kim_by_id(&ctx.db, KimId(ticket.kim_id)).await?.ok_or_else(|| DbError::Corrupt(format!("ticket {id} has no KIM")))?;
    let staff = notices::staff_for(&ctx.db, &kim).await?;
    let mut staff_notices = Vec::new();
    for staff_id in staff {
        let lang = crate::kernel::members::users::language(&ctx.db, UserId(staff_id)).await?;
        staff_notices.push(staff_notice(lang, staff_id, &ticket, text));
    }
    let now = ctx.now();
    let mut tx = ctx.db.begin().await?;
    if !store::claim_reopen(&mut tx, id, user_id, now).await? {
        return Err(FlowError::Reopen(model::ReopenError::AlreadyReopened));
    }
    if !store::set_status(&mut tx, id, (ticket.status, to), None, user_id, now).await? {
        return Err(FlowError::Stale(ticket.status));
    }
    store::add_response(&mut tx, id, user_id, text, now).await?;
    super::verdict::on_reopen(&mut tx, id, now).await?;
    // The notice quotes the resident: protected like the ticket card.
    ctx.outbox.enqueue_protected_in(&mut tx, &staff_notices).await?;
    tx.commit().await.map_err(DbError::from)?;
    ctx.outbox.wake();
    ctx.webhook_wake.wake();
    let detail = format!("{}: {} -> {}", ticket.number, ticket.status.as_str(), to.as_str());
    audit::record(&ctx.db, Some(user_id), "aspiration.reopen", &detail, now).await?;
    Ok(Ticket { status: to, reopened_at: Some(now), ..ticket })
}

/// "The resident reopened ticket …", with a button that opens the ticket card. It
/// names no one, so it is safe for an anonymous ticket too.
fn staff_notice(lang: Lang, staff_id: i64, ticket: &Ticket, text: &str) -> Outgoing {
    let args = [("ticket", Arg::from(&ticket.number)), ("text", Arg::from(text))];
    let button = ButtonSpec { label: format!("📋 {}", ticket.number), data: Btn::View(ticket.id.get()).callback_data() };
    let body = Body::Text { text: ta(lang, "asp-notice-reopened", &args), buttons: vec![vec![button]], entities: Vec::new() };
    Outgoing { chat_id: staff_id, body, priority: Priority::Personal, source: super::model::SOURCE.of(ticket.id.get()).into() }
}
