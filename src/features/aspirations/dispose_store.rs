//! SQL of dispositions: a ticket sent to an agency (OPD), its stage times and what
//! happened at the agency. Every state change is conditional on the state read
//! before (a stale button or a second process changes nothing), and one open
//! disposition per ticket is held by a unique partial index.

use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};
use crate::kernel::members::UserId;

use super::model::AspirationId;
use crate::kernel::members::agencies::Agency;
use crate::platform::db::{Db, DbError, DbResult};

/// Where a disposition stands; `Sent` and `Accepted` are open (the agency holds the
/// ticket), the others ended it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    Sent,
    Accepted,
    Done,
    Returned,
    Recalled,
}

impl Stage {
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Sent => "sent",
            Stage::Accepted => "accepted",
            Stage::Done => "done",
            Stage::Returned => "returned",
            Stage::Recalled => "recalled",
        }
    }

    pub fn parse(s: &str) -> Option<Stage> {
        [Stage::Sent, Stage::Accepted, Stage::Done, Stage::Returned, Stage::Recalled].into_iter().find(|st| st.as_str() == s)
    }

    pub fn is_open(self) -> bool {
        matches!(self, Stage::Sent | Stage::Accepted)
    }

    /// Message key of its label (`asp-opd-stage-sent` …).
    pub fn message_key(self) -> String {
        format!("asp-opd-stage-{}", self.as_str())
    }
}

/// A ticket at an agency.
#[derive(Debug, Clone, PartialEq)]
pub struct Disposition {
    pub id: i64,
    pub aspiration_id: AspirationId,
    pub agency: Agency,
    pub stage: Stage,
    /// Staff's note to the agency.
    pub note: Option<String>,
    pub disposed_at: i64,
    pub accepted_at: Option<i64>,
    pub first_response_at: Option<i64>,
    pub done_at: Option<i64>,
    pub returned_at: Option<i64>,
    pub return_reason: Option<String>,
}

/// One thing that happened at the agency (accepted, progress, done, returned, recalled).
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub kind: String,
    pub body: Option<String>,
    pub photo: Option<String>,
    pub agency: String,
    pub at: i64,
}

const COLUMNS: &str = "SELECT d.id, d.aspiration_id, d.state, d.note, d.disposed_at, d.accepted_at, d.first_response_at, \
     d.done_at, d.returned_at, d.return_reason, o.id AS agency_id, o.kota, o.code, o.name, o.short_name \
     FROM aspiration_dispositions d JOIN agencies o ON o.id = d.agency_id";

fn from_row(r: &AnyRow) -> DbResult<Disposition> {
    let state: String = r.try_get("state")?;
    Ok(Disposition {
        id: r.try_get("id")?,
        aspiration_id: r.try_get("aspiration_id")?,
        agency: Agency {
            id: r.try_get("agency_id")?,
            kota: r.try_get("kota")?,
            code: r.try_get("code")?,
            name: r.try_get("name")?,
            short_name: r.try_get("short_name")?,
        },
        stage: Stage::parse(&state).ok_or_else(|| DbError::Corrupt(format!("disposition state {state}")))?,
        note: r.try_get("note")?,
        disposed_at: r.try_get("disposed_at")?,
        accepted_at: r.try_get("accepted_at")?,
        first_response_at: r.try_get("first_response_at")?,
        done_at: r.try_get("done_at")?,
        returned_at: r.try_get("returned_at")?,
        return_reason: r.try_get("return_reason")?,
    })
}

/// The ticket's latest disposition, open or not.
pub async fn latest(db: &Db, aspiration_id: AspirationId) -> DbResult<Option<Disposition>> {
    let sql = format!("{COLUMNS} WHERE d.aspiration_id = $1 ORDER BY d.id DESC LIMIT 1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(aspiration_id).fetch_optional(&db.pool).await?;
    row.as_ref().map(from_row).transpose()
}

/// The agency holding the ticket now, if any.
pub async fn open(db: &Db, aspiration_id: AspirationId) -> DbResult<Option<Disposition>> {
    Ok(latest(db, aspiration_id).await?.filter(|d| d.stage.is_open()))
}

pub async fn by_id(db: &Db, id: i64) -> DbResult<Option<Disposition>> {
    let sql = format!("{COLUMNS} WHERE d.id = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(&db.pool).await?;
    row.as_ref().map(from_row).transpose()
}

/// Sends the ticket to `agency_id`; gives the new row's id. Fails on the unique
/// index when another disposition is still open.
pub async fn insert(tx: &mut Transaction<'_, Any>, aspiration_id: AspirationId, agency_id: i64, note: Option<&str>, by: UserId, now: i64) -> DbResult<i64> {
    let row = sqlx::query(
        "INSERT INTO aspiration_dispositions (aspiration_id, agency_id, state, note, disposed_by, disposed_at) \
         VALUES ($1, $2, 'sent', $3, $4, $5) RETURNING id",
    )
    .bind(aspiration_id)
    .bind(agency_id)
    .bind(note)
    .bind(by)
    .bind(now)
    .fetch_one(&mut **tx)
    .await?;
    Ok(row.try_get("id")?)
}

/// Moves disposition `id` from `from` to `to`, stamping the stage's time (and the
/// first response, and the end when `to` ends it); `false` when it was no longer in `from`.
pub async fn advance(tx: &mut Transaction<'_, Any>, id: i64, (from, to): (Stage, Stage), reason: Option<&str>, now: i64) -> DbResult<bool> {
    let stamp = match to {
        Stage::Accepted => "accepted_at = COALESCE(accepted_at, $1), first_response_at = COALESCE(first_response_at, $1)",
        Stage::Done => "done_at = $1, first_response_at = COALESCE(first_response_at, $1), ended_at = $1",
        Stage::Returned => "returned_at = $1, first_response_at = COALESCE(first_response_at, $1), ended_at = $1",
        Stage::Recalled | Stage::Sent => "ended_at = $1",
    };
    let sql = format!(
        "UPDATE aspiration_dispositions SET state = $2, {stamp}, return_reason = COALESCE($3, return_reason) \
         WHERE id = $4 AND state = $5"
    );
    let done = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(now)
        .bind(to.as_str())
        .bind(reason)
        .bind(id)
        .bind(from.as_str())
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Marks the first response of an accepted disposition (a progress note).
pub async fn responded(tx: &mut Transaction<'_, Any>, id: i64, now: i64) -> DbResult<()> {
    sqlx::query("UPDATE aspiration_dispositions SET first_response_at = COALESCE(first_response_at, $1) WHERE id = $2")
        .bind(now)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Records what happened at the agency.
pub async fn add_event(
    tx: &mut Transaction<'_, Any>,
    d: &Disposition,
    kind: &str,
    (body, photo): (Option<&str>, Option<&str>),
    actor: UserId,
    now: i64,
) -> DbResult<()> {
    sqlx::query(
        "INSERT INTO aspiration_disposition_events (disposition_id, aspiration_id, kind, body, photo, actor, at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(d.id)
    .bind(d.aspiration_id)
    .bind(kind)
    .bind(body)
    .bind(photo)
    .bind(actor)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// What happened at agencies on this ticket, oldest first; `agency` limits it to one
/// agency's own (an officer does not read what another agency wrote).
pub async fn events(db: &Db, aspiration_id: AspirationId, agency: Option<i64>) -> DbResult<Vec<Event>> {
    let rows = sqlx::query(
        "SELECT e.kind, e.body, e.photo, e.at, COALESCE(o.short_name, o.name) AS agency \
         FROM aspiration_disposition_events e JOIN aspiration_dispositions d ON d.id = e.disposition_id \
         JOIN agencies o ON o.id = d.agency_id WHERE e.aspiration_id = $1 AND ($2 = 0 OR d.agency_id = $2) ORDER BY e.id",
    )
    .bind(aspiration_id)
    .bind(agency.unwrap_or(0))
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Event {
                kind: r.try_get("kind")?,
                body: r.try_get("body")?,
                photo: r.try_get("photo")?,
                agency: r.try_get("agency")?,
                at: r.try_get("at")?,
            })
        })
        .collect()
}

/// The next ticket (by id, after `after`) held by one of `agencies`, with its disposition.
pub async fn next_held(db: &Db, agencies: &[i64], after: AspirationId) -> DbResult<Option<AspirationId>> {
    Ok(held(db, agencies, after, 1).await?.into_iter().next())
}

/// Up to `limit` ticket ids held by one of `agencies` (open dispositions), by id after `after`.
pub async fn held(db: &Db, agencies: &[i64], after: AspirationId, limit: i64) -> DbResult<Vec<AspirationId>> {
    if agencies.is_empty() {
        return Ok(Vec::new());
    }
    let list: Vec<String> = (0..agencies.len()).map(|i| format!("${}", i + 3)).collect();
    let sql = format!(
        "SELECT d.aspiration_id FROM aspiration_dispositions d WHERE d.state IN ('sent', 'accepted') \
         AND d.aspiration_id > $1 AND d.agency_id IN ({}) ORDER BY d.aspiration_id LIMIT $2",
        list.join(", ")
    );
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(after).bind(limit);
    for id in agencies {
        query = query.bind(*id);
    }
    let rows = query.fetch_all(&db.pool).await?;
    rows.iter().map(|r| Ok(r.try_get("aspiration_id")?)).collect()
}
