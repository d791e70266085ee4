//! The JSON body of a POST, built when it is sent (not when queued) from the
//! ticket's current data. An erasure (`/hapusdata`) between the change and the send
//! is therefore honoured: the ticket is anonymous by then and no name leaves.
//!
//! What is never in a body: a reporter's Telegram id, username or phone, or the
//! name of an anonymous (or erased) reporter; staff identities. A non-anonymous
//! ticket carries at most the reporter's display name.

use chrono::SecondsFormat;
use serde::Serialize;
use sqlx::Row;

use super::queue::Claimed;
use crate::platform::db::{Db, DbError, DbResult};
use crate::features::privacy::ERASED_USER;

#[derive(Debug, Serialize)]
pub struct Payload {
    pub event: String,
    pub delivery_id: String,
    pub occurred_at: String,
    pub ticket: TicketView,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reply: Option<ReplyView>,
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
pub struct AreaView {
    pub kota: String,
    pub kecamatan: String,
    pub kelurahan: String,
    pub kim: String,
    pub kim_code: String,
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

/// Unix seconds as RFC 3339 in UTC, e.g. `2026-11-27T14:05:00Z`.
pub fn rfc3339(unix: i64) -> String {
    chrono::DateTime::from_timestamp(unix, 0).unwrap_or_default().to_rfc3339_opts(SecondsFormat::Secs, true)
}

const TICKET_SQL: &str = "SELECT a.ticket, a.category, a.body, a.status, a.anonymous, a.user_id, a.created_at, \
     a.updated_at, k.code AS kim_code, k.name AS kim_name, ar.path, u.first_name \
     FROM aspirations a JOIN kims k ON k.id = a.kim_id JOIN areas ar ON ar.id = k.kelurahan_id \
     LEFT JOIN users u ON u.id = a.user_id WHERE a.id = $1";

/// The body bytes for a claimed delivery; `None` when its ticket (or fact-check
/// request) is gone.
#[tracing::instrument(skip_all, fields(delivery = %row.delivery_id))]
pub async fn build(db: &Db, row: &Claimed) -> DbResult<Option<Vec<u8>>> {
    if let Some(id) = row.fact_check_id {
        return super::verdict::build(db, row, id).await;
    }
    let Some(id) = row.aspiration_id else { return Ok(None) };
    let Some(mut ticket) = ticket(db, id).await? else { return Ok(None) };
    if let Some(status) = &row.status {
        ticket.status = status.clone();
    }
    ticket.previous_status = row.previous_status.clone();
    let reply = match row.message_id {
        Some(id) => reply(db, id).await?,
        None => None,
    };
    let payload = Payload {
        event: row.event.clone(),
        delivery_id: row.delivery_id.clone(),
        occurred_at: rfc3339(row.occurred_at),
        ticket,
        reply,
    };
    serde_json::to_vec(&payload).map(Some).map_err(|e| DbError::Corrupt(format!("webhook payload: {e}")))
}

async fn ticket(db: &Db, aspiration_id: i64) -> DbResult<Option<TicketView>> {
    let Some(r) = sqlx::query(TICKET_SQL).bind(aspiration_id).fetch_optional(&db.pool).await? else { return Ok(None) };
    let anonymous = r.try_get::<i64, _>("anonymous")? != 0;
    let user_id: i64 = r.try_get("user_id")?;
    let name: Option<String> = r.try_get("first_name")?;
    let reporter = if anonymous || user_id == ERASED_USER { None } else { name.map(|name| Reporter { name }) };
    let path: String = r.try_get("path")?;
    Ok(Some(TicketView {
        number: r.try_get("ticket")?,
        category: r.try_get("category")?,
        area: AreaView::new(&path, r.try_get("kim_name")?, r.try_get("kim_code")?),
        text: r.try_get("body")?,
        status: r.try_get("status")?,
        previous_status: None,
        anonymous,
        reporter,
        created_at: rfc3339(r.try_get("created_at")?),
        updated_at: rfc3339(r.try_get("updated_at")?),
    }))
}

impl AreaView {
    /// From a kelurahan path (`kota/kecamatan/kelurahan`) and the KIM.
    pub fn new(path: &str, kim: String, kim_code: String) -> Self {
        let parts: Vec<&str> = path.split('/').collect();
        let part = |i: usize| parts.get(i).copied().unwrap_or_default().to_string();
        AreaView { kota: part(0), kecamatan: part(1), kelurahan: part(2), kim, kim_code }
    }
}

async fn reply(db: &Db, message_id: i64) -> DbResult<Option<ReplyView>> {
    let row = sqlx::query("SELECT body, created_at FROM aspiration_messages WHERE id = $1 AND kind = 'reply'")
        .bind(message_id)
        .fetch_optional(&db.pool)
        .await?;
    row.map(|r| Ok(ReplyView { text: r.try_get("body")?, at: rfc3339(r.try_get("created_at")?) })).transpose()
}

#[cfg(test)]
mod tests {
    #[test]
    fn times_are_rfc_3339_in_utc() {
        assert_eq!(super::rfc3339(1_795_788_300), "2026-11-27T14:05:00Z");
    }
}
