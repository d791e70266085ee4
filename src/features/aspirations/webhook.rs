//! The webhook events of tickets (`aspiration.created`, `aspiration.status_changed`,
//! `aspiration.replied`; `aspiration.rated` is [`super::verdict::webhook`]'s) and their bodies, built at send time from the ticket's
//! current data: an erasure between the change and the send is honoured (the ticket
//! is anonymous by then and no name leaves).
//!
//! A non-anonymous ticket carries at most the reporter's display name; never a
//! Telegram id, username or phone, nor staff identities.

use serde::Serialize;
use sqlx::Row;

use crate::platform::personal::ERASED_USER;
use crate::features::webhooks::queue::Claimed;
use super::model::{AspirationId, Status};
use crate::features::webhooks::payload::{AreaView, Body, DeclaredEvent, Event, Number, envelope, number_by, rfc3339};
use crate::features::webhooks::store::Change;
use crate::platform::db::{Db, DbResult};

pub static CREATED: DeclaredEvent = DeclaredEvent { name: "aspiration.created", body, number };
pub static STATUS_CHANGED: DeclaredEvent = DeclaredEvent { name: "aspiration.status_changed", body, number };
pub static REPLIED: DeclaredEvent = DeclaredEvent { name: "aspiration.replied", body, number };
pub static DISPOSED: DeclaredEvent = DeclaredEvent { name: "aspiration.disposed", body, number };
pub static RETURNED: DeclaredEvent = DeclaredEvent { name: "aspiration.returned", body, number };

/// The events of a ticket, as declared in [`super::feature`].
pub static EVENTS: [Event; 6] = [&CREATED, &STATUS_CHANGED, &REPLIED, &super::verdict::webhook::RATED, &DISPOSED, &RETURNED];

/// Sent to an agency (disposition `disposition_id`, carried in the message column).
pub fn disposed(aspiration_id: AspirationId, disposition_id: i64) -> Change {
    Change { message_id: Some(disposition_id), ..Change::new(&DISPOSED, aspiration_id.get()) }
}

/// Returned by the agency of disposition `disposition_id`, with its reason.
pub fn returned(aspiration_id: AspirationId, disposition_id: i64) -> Change {
    Change { message_id: Some(disposition_id), ..Change::new(&RETURNED, aspiration_id.get()) }
}

/// A new ticket (queued as `diterima`).
pub fn created(aspiration_id: AspirationId) -> Change {
    Change { status: Some(Status::Diterima.as_str()), ..Change::new(&CREATED, aspiration_id.get()) }
}

pub fn status_changed(aspiration_id: AspirationId, from: Status, to: Status) -> Change {
    Change { status: Some(to.as_str()), previous: Some(from.as_str()), ..Change::new(&STATUS_CHANGED, aspiration_id.get()) }
}

/// A staff reply, message `message_id` of the ticket's thread.
pub fn replied(aspiration_id: AspirationId, message_id: i64) -> Change {
    Change { message_id: Some(message_id), ..Change::new(&REPLIED, aspiration_id.get()) }
}

#[derive(Debug, Serialize)]
struct TicketBody {
    ticket: TicketView,
    #[serde(skip_serializing_if = "Option::is_none")]
    reply: Option<ReplyView>,
    /// `aspiration.disposed` and `aspiration.returned` only.
    #[serde(skip_serializing_if = "Option::is_none")]
    disposition: Option<super::webhook_opd::DispositionView>,
}

#[derive(Debug, Serialize)]
pub struct TicketView {
    pub number: String,
    pub category: String,
    pub area: AreaView,
    pub text: String,
    /// As of the event (for `status_changed`, the new status).
    pub status: String,
    /// `status_changed` only; `null` otherwise.
    pub previous_status: Option<String>,
    pub anonymous: bool,
    /// `null` for anonymous tickets and erased reporters.
    pub reporter: Option<Reporter>,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Serialize)]
pub struct Reporter {
    pub name: String,
}

/// A staff reply (`aspiration.replied`); the staff member is not named.
#[derive(Debug, Serialize)]
pub struct ReplyView {
    pub text: String,
    pub at: String,
}

const TICKET_SQL: &str = "SELECT a.ticket, a.category, a.body, a.status, a.anonymous, a.user_id, a.created_at, \
     a.updated_at, k.code AS kim_code, k.name AS kim_name, ar.path, ar.code AS kode_wilayah, u.first_name \
     FROM aspirations a JOIN kims k ON k.id = a.kim_id JOIN areas ar ON ar.id = k.kelurahan_id \
     LEFT JOIN users u ON u.id = a.user_id WHERE a.id = $1";

fn body<'a>(db: &'a Db, row: &'a Claimed) -> Body<'a> {
    Box::pin(build(db, row))
}

fn number(db: &Db, aspiration_id: i64) -> Number<'_> {
    number_by(db, "SELECT ticket FROM aspirations WHERE id = $1", aspiration_id)
}

/// The body bytes for a claimed delivery; `None` when its ticket is gone.
async fn build(db: &Db, row: &Claimed) -> DbResult<Option<Vec<u8>>> {
    let Some(id) = row.subject_id else { return Ok(None) };
    let Some(mut ticket) = ticket(db, AspirationId(id)).await? else { return Ok(None) };
    if let Some(status) = &row.status {
        ticket.status = status.clone();
    }
    ticket.previous_status = row.previous_status.clone();
    let disposition = super::webhook_opd::for_event(db, row).await?;
    if disposition.is_some() {
        // What goes to agencies' systems names nobody, not even a reporter's display name.
        ticket.reporter = None;
    }
    let reply = match row.message_id {
        Some(id) if disposition.is_none() => reply(db, id).await?,
        _ => None,
    };
    envelope(row, TicketBody { ticket, reply, disposition })
}

async fn ticket(db: &Db, aspiration_id: AspirationId) -> DbResult<Option<TicketView>> {
    let Some(r) = sqlx::query(TICKET_SQL).bind(aspiration_id).fetch_optional(&db.pool).await? else { return Ok(None) };
    let anonymous = r.try_get::<i64, _>("anonymous")? != 0;
    let user_id: i64 = r.try_get("user_id")?;
    let name: Option<String> = r.try_get("first_name")?;
    let reporter = if anonymous || user_id == ERASED_USER { None } else { name.map(|name| Reporter { name }) };
    let path: String = r.try_get("path")?;
    Ok(Some(TicketView {
        number: r.try_get("ticket")?,
        category: r.try_get("category")?,
        area: AreaView::new(&path, r.try_get("kim_name")?, r.try_get("kim_code")?).with_code(r.try_get("kode_wilayah")?),
        text: r.try_get("body")?,
        status: r.try_get("status")?,
        previous_status: None,
        anonymous,
        reporter,
        created_at: rfc3339(r.try_get("created_at")?),
        updated_at: rfc3339(r.try_get("updated_at")?),
    }))
}

async fn reply(db: &Db, message_id: i64) -> DbResult<Option<ReplyView>> {
    let row = sqlx::query("SELECT body, created_at FROM aspiration_messages WHERE id = $1 AND kind = 'reply'")
        .bind(message_id)
        .fetch_optional(&db.pool)
        .await?;
    row.map(|r| Ok(ReplyView { text: r.try_get("body")?, at: rfc3339(r.try_get("created_at")?) })).transpose()
}
