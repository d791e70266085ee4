//! Disposition: staff send a ticket to the agency (OPD) that acts on it; the
//! agency's officers accept it, write progress the resident reads, mark it done
//! (with an optional photo of the result), or return it ("bukan kewenangan kami") to
//! the staff queue; staff can take it back or send it on. One agency at a time.
//!
//! Called by chat and console alike. Each action checks who acts (staff who triage
//! the ticket; officers of the agency holding it — anyone else is told "not found",
//! like for a missing ticket), changes the disposition and the ticket's status
//! conditionally, and queues notices, webhooks and history in one transaction.
//!
//! Statuses: disposed (or sent on) → `diteruskan`; accepted or first progress → `ditindaklanjuti`;
//! done → `selesai`; returned or taken back → `diterima` again, so the ticket is in
//! the staff's new queue to be routed anew.

use super::dispose_store::{self as ds, Disposition, Stage};
use super::flow::{self, FlowError, Scoped};
use super::model::{self, Access, AspirationId, Status};
use super::store::{self, Ticket};
use crate::kernel::members::agencies::{self, Agency, kota_of};
use crate::kernel::members::permissions::works_for;
use crate::kernel::members::{Actor, UserId, roles, users};
use crate::platform::audit;
use crate::platform::ctx::AppCtx;
use crate::platform::db::DbError;
use crate::platform::delivery::{Body, Outgoing, Priority};
use crate::platform::i18n::{Arg, t, ta};

/// A ticket as an officer of the agency holding it sees it (`access` is
/// [`Access::Agency`]: no sender of an anonymous ticket, no pin, no photos).
#[derive(Debug, Clone)]
pub struct Held {
    pub scoped: Scoped,
    pub disposition: Disposition,
}

/// The ticket if `actor` is an officer of the agency holding it; `NotFound` otherwise
/// (another agency's ticket looks like a missing one).
pub async fn held(ctx: &AppCtx, actor: &Actor, id: AspirationId) -> Result<Held, FlowError> {
    let disposition = ds::open(&ctx.db, id).await?.filter(|d| works_for(actor, d.agency.id)).ok_or(FlowError::NotFound)?;
    let mut scoped = flow::load(ctx, actor, id).await?.ok_or(FlowError::NotFound)?;
    scoped.access = Access::Agency;
    Ok(Held { scoped, disposition })
}

/// The agencies staff may send this ticket to: its kota's, the routed one first.
pub async fn choices(ctx: &AppCtx, scoped: &Scoped) -> Result<Vec<Agency>, DbError> {
    agencies::choices(&ctx.db, scoped.ticket.category.code(), &scoped.kim.area_path).await
}

/// The scoped ticket, if its loader may triage it and it is still open.
fn open_for_triage(scoped: &Scoped) -> Result<&Scoped, FlowError> {
    if scoped.access != Access::Triage {
        return Err(FlowError::NotAllowed);
    }
    if scoped.ticket.status.is_closed() {
        return Err(FlowError::Stale(scoped.ticket.status));
    }
    Ok(scoped)
}

/// Staff send the ticket to `agency_id` (or on to it from the agency holding it),
/// with an optional note; the resident is told which agency has it, its officers
/// that a ticket arrived.
#[tracing::instrument(skip(ctx, actor, note), fields(actor = actor.user_id.get()))]
pub async fn dispose(ctx: &AppCtx, actor: &Actor, scoped: &Scoped, agency_id: i64, note: Option<&str>) -> Result<(Ticket, Agency), FlowError> {
    let ticket = &open_for_triage(scoped)?.ticket;
    let id = ticket.id;
    let agency = agencies::by_id(&ctx.db, agency_id).await?.filter(|a| a.kota == kota_of(&scoped.kim.area_path));
    let agency = agency.ok_or(FlowError::NotFound)?;
    let note = note.map(str::trim).filter(|n| !n.is_empty());
    if note.is_some_and(|n| n.chars().count() > model::NOTE_MAX) {
        return Err(model::TransitionError::NoteTooLong.into());
    }
    let current = ds::open(&ctx.db, id).await?;
    if current.as_ref().is_some_and(|d| d.agency.id == agency.id) {
        return Err(FlowError::Stale(ticket.status));
    }
    let now = ctx.now();
    let mut tx = ctx.db.begin().await?;
    if let Some(d) = &current {
        if !ds::advance(&mut tx, d.id, (d.stage, Stage::Recalled), None, now).await? {
            return Err(FlowError::Stale(ticket.status));
        }
        ds::add_event(&mut tx, d, "recalled", (None, None), actor.user_id, now).await?;
    }
    let disposition_id = ds::insert(&mut tx, id, agency.id, note, actor.user_id, now).await?;
    // Sent (on) to an agency that has not accepted it yet: `diteruskan`, also when the
    // previous agency had it in hand (or the resident had reopened it).
    let status = if ticket.status == Status::Diteruskan { ticket.status } else { Status::Diteruskan };
    if status != ticket.status
        && store::set_status_logged(&mut tx, id, (ticket.status, status), (note, None), actor.user_id, now).await?.is_none()
    {
        return Err(FlowError::Stale(ticket.status));
    }
    crate::features::webhooks::store::enqueue(&mut tx, &super::webhook::disposed(id, disposition_id), now).await?;
    let mut notices = Vec::new();
    if let Some(n) = resident_notice(ctx, ticket, "asp-opd-notice-disposed", &agency, note).await? {
        notices.push(n);
    }
    for officer in roles::officers_of(&ctx.db, agency.id).await? {
        let lang = users::language(&ctx.db, UserId(officer)).await?;
        let args = [("ticket", Arg::from(&ticket.number)), ("agency", Arg::from(agency.label()))];
        notices.push(Outgoing::text(officer, ta(lang, "asp-opd-notice-arrived", &args), Priority::Personal, Some(source(id))));
    }
    finish_tx(ctx, tx, &notices).await?;
    let detail = format!("{} opd={}", ticket.number, agency.code);
    audit::record(&ctx.db, Some(actor.user_id), "aspiration.dispose", &detail, now).await?;
    Ok((Ticket { status, ..ticket.clone() }, agency))
}

/// Staff take the ticket back from the agency holding it: it is theirs to route
/// again (`diterima`).
#[tracing::instrument(skip(ctx, actor), fields(actor = actor.user_id.get()))]
pub async fn recall(ctx: &AppCtx, actor: &Actor, scoped: &Scoped) -> Result<(Ticket, Agency), FlowError> {
    let id = open_for_triage(scoped)?.ticket.id;
    let d = ds::open(&ctx.db, id).await?.ok_or(FlowError::Stale(scoped.ticket.status))?;
    let now = ctx.now();
    let mut tx = ctx.db.begin().await?;
    if !ds::advance(&mut tx, d.id, (d.stage, Stage::Recalled), None, now).await? {
        return Err(FlowError::Stale(scoped.ticket.status));
    }
    ds::add_event(&mut tx, &d, "recalled", (None, None), actor.user_id, now).await?;
    back_to_staff(&mut tx, &scoped.ticket, None, actor.user_id, now).await?;
    finish_tx(ctx, tx, &[]).await?;
    let detail = format!("{} opd={}", scoped.ticket.number, d.agency.code);
    audit::record(&ctx.db, Some(actor.user_id), "aspiration.recall", &detail, now).await?;
    Ok((Ticket { status: Status::Diterima, ..scoped.ticket.clone() }, d.agency))
}

/// The ticket's status back to `diterima` (from wherever the agency had it).
async fn back_to_staff(tx: &mut sqlx::Transaction<'_, sqlx::Any>, ticket: &Ticket, note: Option<&str>, actor: UserId, now: i64) -> Result<(), FlowError> {
    if ticket.status != Status::Diterima
        && store::set_status_logged(tx, ticket.id, (ticket.status, Status::Diterima), (note, None), actor, now).await?.is_none()
    {
        return Err(FlowError::Stale(ticket.status));
    }
    Ok(())
}

/// The officer accepts the ticket: `ditindaklanjuti`, the resident told by whom.
#[tracing::instrument(skip(ctx, actor), fields(actor = actor.user_id.get()))]
pub async fn accept(ctx: &AppCtx, actor: &Actor, id: AspirationId) -> Result<Held, FlowError> {
    let held = held(ctx, actor, id).await?;
    if held.disposition.stage != Stage::Sent {
        return Err(FlowError::Stale(held.scoped.ticket.status));
    }
    let now = ctx.now();
    let mut tx = ctx.db.begin().await?;
    start_work(&mut tx, &held, actor.user_id, now).await?;
    let notice = resident_notice(ctx, &held.scoped.ticket, "asp-opd-notice-accepted", &held.disposition.agency, None).await?;
    finish_tx(ctx, tx, notice.as_slice()).await?;
    officer_audit(ctx, actor, "aspiration.accept", &held, now).await?;
    Ok(held)
}

/// Accepts a sent disposition and moves the ticket to `ditindaklanjuti` (both only
/// when not done yet).
async fn start_work(tx: &mut sqlx::Transaction<'_, sqlx::Any>, held: &Held, actor: UserId, now: i64) -> Result<(), FlowError> {
    let (d, ticket) = (&held.disposition, &held.scoped.ticket);
    if d.stage == Stage::Sent {
        if !ds::advance(tx, d.id, (Stage::Sent, Stage::Accepted), None, now).await? {
            return Err(FlowError::Stale(ticket.status));
        }
        ds::add_event(tx, d, "accepted", (None, None), actor, now).await?;
    }
    if matches!(ticket.status, Status::Diterima | Status::Diteruskan)
        && store::set_status_logged(tx, ticket.id, (ticket.status, Status::Ditindaklanjuti), (None, None), actor, now).await?.is_none()
    {
        return Err(FlowError::Stale(ticket.status));
    }
    Ok(())
}

/// A progress note from the agency, sent to the resident (accepting the ticket
/// first if that was not done).
#[tracing::instrument(skip(ctx, actor, text), fields(actor = actor.user_id.get()))]
pub async fn progress(ctx: &AppCtx, actor: &Actor, id: AspirationId, text: &str) -> Result<Held, FlowError> {
    let held = held(ctx, actor, id).await?;
    let text = model::check_free_text(text, model::NOTE_MAX).map_err(|_| model::TransitionError::NoteRequired)?;
    let now = ctx.now();
    let mut tx = ctx.db.begin().await?;
    start_work(&mut tx, &held, actor.user_id, now).await?;
    ds::responded(&mut tx, held.disposition.id, now).await?;
    ds::add_event(&mut tx, &held.disposition, "progress", (Some(&text), None), actor.user_id, now).await?;
    let notice = resident_notice(ctx, &held.scoped.ticket, "asp-opd-notice-progress", &held.disposition.agency, Some(&text)).await?;
    finish_tx(ctx, tx, notice.as_slice()).await?;
    officer_audit(ctx, actor, "aspiration.progress", &held, now).await?;
    Ok(held)
}

/// The agency is done: `selesai` with its note (a closing note's rules) and an
/// optional photo of the result, both sent to the resident, who may respond once.
#[tracing::instrument(skip(ctx, actor, note, photo), fields(actor = actor.user_id.get()))]
pub async fn done(ctx: &AppCtx, actor: &Actor, id: AspirationId, note: &str, photo: Option<&str>) -> Result<Held, FlowError> {
    let held = held(ctx, actor, id).await?;
    let (ticket, d) = (&held.scoped.ticket, &held.disposition);
    let (_, note) = model::transition(ticket.status, Status::Selesai, Some(note))?;
    let note = note.unwrap_or_default();
    let now = ctx.now();
    let mut tx = ctx.db.begin().await?;
    if !ds::advance(&mut tx, d.id, (d.stage, Stage::Done), None, now).await? {
        return Err(FlowError::Stale(ticket.status));
    }
    ds::add_event(&mut tx, d, "done", (Some(&note), photo), actor.user_id, now).await?;
    if store::set_status_logged(&mut tx, id, (ticket.status, Status::Selesai), (Some(&note), None), actor.user_id, now).await?.is_none() {
        return Err(FlowError::Stale(ticket.status));
    }
    let mut notices = Vec::new();
    if ticket.user_id != crate::platform::personal::ERASED_USER {
        let lang = users::language(&ctx.db, UserId(ticket.user_id)).await?;
        if let Some(file_id) = photo {
            let caption = ta(lang, "asp-opd-photo-caption", &[("ticket", Arg::from(&ticket.number)), ("agency", Arg::from(d.agency.label()))]);
            let body = Body::Photo { file_id: file_id.to_string(), caption: Some(caption), entities: Vec::new(), buttons: Vec::new() };
            notices.push(Outgoing { chat_id: ticket.user_id, body, priority: Priority::Personal, source: Some(source(id)) });
        }
        let text = agency_text(lang, ticket, "asp-opd-notice-done", &d.agency, Some(&note));
        // As for staff closing it: a done ticket asks for the resident's verdict, whose
        // "Belum beres" is the one reopening.
        let body = if super::verdict::asks(ticket, Status::Selesai) {
            let round = super::verdict::store::open(&mut tx, id, now).await?;
            super::verdict::question(lang, id, round, &text, super::reopen::offered(ticket, Status::Selesai))
        } else if super::reopen::offered(ticket, Status::Selesai) {
            super::reopen::with_offer(lang, id, &text)
        } else {
            Body::Text { text, buttons: Vec::new(), entities: Vec::new() }
        };
        notices.push(Outgoing { chat_id: ticket.user_id, body, priority: Priority::Personal, source: Some(source(id)) });
    }
    finish_tx(ctx, tx, &notices).await?;
    officer_audit(ctx, actor, "aspiration.done", &held, now).await?;
    Ok(held)
}

/// The agency returns the ticket ("bukan kewenangan kami"): back in the staff's
/// new queue with the reason, the staff of the area told.
#[tracing::instrument(skip(ctx, actor, reason), fields(actor = actor.user_id.get()))]
pub async fn give_back(ctx: &AppCtx, actor: &Actor, id: AspirationId, reason: &str) -> Result<Held, FlowError> {
    let held = held(ctx, actor, id).await?;
    let reason = model::check_free_text(reason, model::NOTE_MAX).map_err(|_| model::TransitionError::NoteRequired)?;
    let (ticket, d) = (&held.scoped.ticket, &held.disposition);
    let now = ctx.now();
    let mut tx = ctx.db.begin().await?;
    if !ds::advance(&mut tx, d.id, (d.stage, Stage::Returned), Some(&reason), now).await? {
        return Err(FlowError::Stale(ticket.status));
    }
    ds::add_event(&mut tx, d, "returned", (Some(&reason), None), actor.user_id, now).await?;
    back_to_staff(&mut tx, ticket, None, actor.user_id, now).await?;
    crate::features::webhooks::store::enqueue(&mut tx, &super::webhook::returned(id, d.id), now).await?;
    let mut notices = Vec::new();
    for staff in super::notices::staff_for(&ctx.db, &held.scoped.kim).await? {
        let lang = users::language(&ctx.db, UserId(staff)).await?;
        let args = [("ticket", Arg::from(&ticket.number)), ("agency", Arg::from(d.agency.label())), ("reason", Arg::from(&reason))];
        notices.push(Outgoing::text(staff, ta(lang, "asp-opd-notice-returned", &args), Priority::Personal, Some(source(id))));
    }
    finish_tx(ctx, tx, &notices).await?;
    officer_audit(ctx, actor, "aspiration.return", &held, now).await?;
    Ok(held)
}

/// "Dinas PUPR: …" to the resident of `ticket`, unless they erased their data.
async fn resident_notice(ctx: &AppCtx, ticket: &Ticket, key: &str, agency: &Agency, note: Option<&str>) -> Result<Option<Outgoing>, DbError> {
    if ticket.user_id == crate::platform::personal::ERASED_USER {
        return Ok(None);
    }
    let lang = users::language(&ctx.db, UserId(ticket.user_id)).await?;
    let text = agency_text(lang, ticket, key, agency, note);
    Ok(Some(Outgoing::text(ticket.user_id, text, Priority::Personal, Some(source(ticket.id)))))
}

fn agency_text(lang: crate::platform::i18n::Lang, ticket: &Ticket, key: &str, agency: &Agency, note: Option<&str>) -> String {
    let args = [("ticket", Arg::from(&ticket.number)), ("agency", Arg::from(agency.label()))];
    super::render::notice_tail(lang, ta(lang, key, &args), ticket, note)
}

/// Queues `notices` in the transaction, commits, wakes the outbox and the webhooks.
async fn finish_tx(ctx: &AppCtx, mut tx: sqlx::Transaction<'_, sqlx::Any>, notices: &[Outgoing]) -> Result<(), FlowError> {
    if !notices.is_empty() {
        ctx.outbox.enqueue_in(&mut tx, notices).await?;
    }
    tx.commit().await.map_err(DbError::from)?;
    ctx.outbox.wake();
    ctx.webhook_wake.wake();
    Ok(())
}

async fn officer_audit(ctx: &AppCtx, actor: &Actor, action: &str, held: &Held, now: i64) -> Result<(), FlowError> {
    let detail = format!("{} opd={}", held.scoped.ticket.number, held.disposition.agency.code);
    audit::record(&ctx.db, Some(actor.user_id), action, &detail, now).await?;
    Ok(())
}

fn source(id: AspirationId) -> String {
    super::model::SOURCE.of(id.get()).to_string()
}

/// The label of an agency stage in `lang` (for cards and pages).
pub fn stage_label(lang: crate::platform::i18n::Lang, stage: Stage) -> String {
    t(lang, &stage.message_key())
}
