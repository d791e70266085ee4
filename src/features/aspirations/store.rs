//! SQL of aspirations: submitting (with the per-year ticket counter), reading tickets
//! and their history, the triage queue, and the conditional status update. The
//! thread of replies and answers is in [`super::thread`], the console's queue in
//! [`super::browse`].

use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};
use crate::kernel::members::UserId;

use super::model::{AspirationId, Category, GeoPoint, QueueView, Status, ticket_number};
use crate::platform::db::{Db, DbError, DbResult};

pub use super::browse::{Browse, QueueRow, browse, count as count_browsed, export_row, export_stream};
pub use super::history::{history, last_change};
pub use super::thread::{ThreadMessage, add_message, add_response, claim_reopen, claim_reply, message, thread};

/// A draft ready to be stored.
#[derive(Debug, Clone, PartialEq)]
pub struct NewAspiration {
    pub user_id: i64,
    pub kim_id: i64,
    pub category: Category,
    pub body: String,
    pub photos: Vec<String>,
    pub location: Option<GeoPoint>,
    pub anonymous: bool,
}

/// A stored ticket, with its KIM's own time zone name (if any) for display.
#[derive(Debug, Clone, PartialEq)]
pub struct Ticket {
    pub id: AspirationId,
    pub number: String,
    pub user_id: i64,
    pub kim_id: i64,
    pub category: Category,
    pub body: String,
    pub location: Option<GeoPoint>,
    pub anonymous: bool,
    pub status: Status,
    pub created_at: i64,
    pub kim_tz: Option<String>,
    /// When the service-level job flagged it (no first response in time).
    pub overdue_at: Option<i64>,
    /// When its resident reopened it after it was closed (allowed once).
    pub reopened_at: Option<i64>,
    /// The staff member working on it (the desk's "Ambil" or a colleague's assignment).
    pub assignee: Option<i64>,
}

/// One status change; the submission itself has no `from`.
#[derive(Debug, Clone, PartialEq)]
pub struct StatusChange {
    pub from: Option<Status>,
    pub to: Status,
    pub note: Option<String>,
    pub actor: i64,
    pub at: i64,
    /// This row takes back the one before it ("Urungkan").
    pub undo: bool,
}

const TICKET_COLUMNS: &str = "SELECT a.id, a.ticket, a.user_id, a.kim_id, a.category, a.body, a.lat_e6, a.lon_e6, \
     a.anonymous, a.status, a.created_at, a.overdue_at, a.reopened_at, a.assignee_id, k.tz AS kim_tz FROM aspirations a JOIN kims k ON k.id = a.kim_id";

/// Stores a ticket: takes the next number of `year` from the counter row (an upsert
/// that locks the row until commit, so concurrent submissions queue up on it), then
/// the ticket, its photos, its first history row, its webhook deliveries, and one pending "new aspiration"
/// notice for each of `notify_staff`, all in one transaction.
#[tracing::instrument(skip_all, fields(user = new.user_id, kim = new.kim_id))]
pub async fn submit(db: &Db, new: &NewAspiration, year: i32, now: i64, notify_staff: &[i64]) -> DbResult<Ticket> {
    let mut tx = db.begin().await?;
    let seq: i64 = sqlx::query(
        "INSERT INTO aspiration_counters (year, last_seq) VALUES ($1, 1) \
         ON CONFLICT (year) DO UPDATE SET last_seq = aspiration_counters.last_seq + 1 RETURNING last_seq",
    )
    .bind(i64::from(year))
    .fetch_one(&mut *tx)
    .await?
    .try_get("last_seq")?;
    let number = ticket_number(year, seq);
    let id: AspirationId = sqlx::query(
        "INSERT INTO aspirations (ticket, year, seq, user_id, kim_id, category, body, lat_e6, lon_e6, anonymous, \
         status, created_at, updated_at, search_text) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $13) RETURNING id",
    )
    .bind(&number)
    .bind(i64::from(year))
    .bind(seq)
    .bind(new.user_id)
    .bind(new.kim_id)
    .bind(new.category.code())
    .bind(&new.body)
    .bind(new.location.map(|p| p.lat_e6))
    .bind(new.location.map(|p| p.lon_e6))
    .bind(i64::from(new.anonymous))
    .bind(Status::Diterima.as_str())
    .bind(now)
    .bind(super::find::fold(&new.body))
    .fetch_one(&mut *tx)
    .await?
    .try_get("id")?;
    for (position, file_id) in new.photos.iter().enumerate() {
        sqlx::query("INSERT INTO aspiration_photos (aspiration_id, position, file_id) VALUES ($1, $2, $3)")
            .bind(id)
            .bind(position as i64)
            .bind(file_id)
            .execute(&mut *tx)
            .await?;
    }
    log_status(&mut tx, id, (None, Status::Diterima), (None, None), UserId(new.user_id), now).await?;
    crate::features::webhooks::store::enqueue(&mut tx, &super::webhook::created(id), now).await?;
    super::notices::add_pending(&mut tx, notify_staff).await?;
    tx.commit().await?;
    ticket(db, id).await?.ok_or_else(|| DbError::Corrupt(format!("ticket {id} vanished")))
}

/// Writes one history row; `undoes` names the row an undo takes back. Gives its id.
async fn log_status(
    tx: &mut Transaction<'_, Any>,
    id: AspirationId,
    (from, to): (Option<Status>, Status),
    (note, undoes): (Option<&str>, Option<i64>),
    actor: UserId,
    now: i64,
) -> DbResult<i64> {
    let row = sqlx::query(
        "INSERT INTO aspiration_status_log (aspiration_id, from_status, to_status, note, actor, at, undoes) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(id)
    .bind(from.map(Status::as_str))
    .bind(to.as_str())
    .bind(note)
    .bind(actor)
    .bind(now)
    .bind(undoes)
    .fetch_one(&mut **tx)
    .await?;
    Ok(row.try_get("id")?)
}

/// Moves a ticket from `from` to `to` only if it is still in `from` (so a stale
/// button or a second process changes nothing), logs who did it and queues the
/// `aspiration.status_changed` webhooks. `false` when
/// the ticket was no longer in `from`.
pub async fn set_status(
    tx: &mut Transaction<'_, Any>,
    id: AspirationId,
    (from, to): (Status, Status),
    note: Option<&str>,
    actor: UserId,
    now: i64,
) -> DbResult<bool> {
    Ok(set_status_logged(tx, id, (from, to), (note, None), actor, now).await?.is_some())
}

/// [`set_status`] that gives the id of the history row it wrote (`None`: the ticket
/// was no longer in `from`); `undoes` marks the change as the undo of that row.
pub async fn set_status_logged(
    tx: &mut Transaction<'_, Any>,
    id: AspirationId,
    (from, to): (Status, Status),
    (note, undoes): (Option<&str>, Option<i64>),
    actor: UserId,
    now: i64,
) -> DbResult<Option<i64>> {
    let done = sqlx::query("UPDATE aspirations SET status = $1, updated_at = $2 WHERE id = $3 AND status = $4")
        .bind(to.as_str())
        .bind(now)
        .bind(id)
        .bind(from.as_str())
        .execute(&mut **tx)
        .await?;
    if done.rows_affected() != 1 {
        return Ok(None);
    }
    let log_id = log_status(tx, id, (Some(from), to), (note, undoes), actor, now).await?;
    crate::features::webhooks::store::enqueue(tx, &super::webhook::status_changed(id, from, to), now).await?;
    Ok(Some(log_id))
}

fn ticket_from_row(row: &AnyRow) -> DbResult<Ticket> {
    let category: String = row.try_get("category")?;
    let status: String = row.try_get("status")?;
    let lat: Option<i64> = row.try_get("lat_e6")?;
    let lon: Option<i64> = row.try_get("lon_e6")?;
    Ok(Ticket {
        id: row.try_get("id")?,
        number: row.try_get("ticket")?,
        user_id: row.try_get("user_id")?,
        kim_id: row.try_get("kim_id")?,
        category: Category::parse(&category).ok_or_else(|| DbError::Corrupt(format!("category {category}")))?,
        body: row.try_get("body")?,
        location: lat.zip(lon).map(|(lat_e6, lon_e6)| GeoPoint { lat_e6, lon_e6 }),
        anonymous: row.try_get::<i64, _>("anonymous")? != 0,
        status: Status::parse(&status).ok_or_else(|| DbError::Corrupt(format!("status {status}")))?,
        created_at: row.try_get("created_at")?,
        kim_tz: row.try_get("kim_tz")?,
        overdue_at: row.try_get("overdue_at")?,
        reopened_at: row.try_get("reopened_at")?,
        assignee: row.try_get("assignee_id")?,
    })
}

pub async fn ticket(db: &Db, id: AspirationId) -> DbResult<Option<Ticket>> {
    let sql = format!("{TICKET_COLUMNS} WHERE a.id = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(&db.pool).await?;
    row.as_ref().map(ticket_from_row).transpose()
}

pub async fn ticket_by_number(db: &Db, number: &str) -> DbResult<Option<Ticket>> {
    let sql = format!("{TICKET_COLUMNS} WHERE a.ticket = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(number).fetch_optional(&db.pool).await?;
    row.as_ref().map(ticket_from_row).transpose()
}

/// A resident's tickets, newest first.
pub async fn tickets_of(db: &Db, user_id: UserId, limit: i64) -> DbResult<Vec<Ticket>> {
    let sql = format!("{TICKET_COLUMNS} WHERE a.user_id = $1 ORDER BY a.id DESC LIMIT $2");
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(user_id).bind(limit).fetch_all(&db.pool).await?;
    rows.iter().map(ticket_from_row).collect()
}

/// The next ticket of `view` in these KIMs after ticket `after`, in the view's order
/// (ascending ids; descending for closed ones). `after` 0 starts from the beginning.
/// `me`: the person asking, for [`QueueView::Mine`].
pub async fn next_in_queue(db: &Db, kim_ids: &[i64], after: AspirationId, view: QueueView, me: i64) -> DbResult<Option<Ticket>> {
    let after_id = after.get();
    if kim_ids.is_empty() {
        return Ok(None);
    }
    let placeholders: Vec<String> = (0..kim_ids.len()).map(|i| format!("${}", i + 2)).collect();
    let which = view_filter(view, me);
    let (after, order, after_id) = match view {
        QueueView::Closed if after_id == 0 => ("a.id < $1", "DESC", i64::MAX),
        QueueView::Closed => ("a.id < $1", "DESC", after_id),
        _ => ("a.id > $1", "ASC", after_id),
    };
    let sql = format!(
        "{TICKET_COLUMNS} WHERE {which} AND {after} AND a.kim_id IN ({}) ORDER BY a.id {order} LIMIT 1",
        placeholders.join(", ")
    );
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(after_id);
    for id in kim_ids {
        query = query.bind(*id);
    }
    query.fetch_optional(&db.pool).await?.as_ref().map(ticket_from_row).transpose()
}

/// How many tickets of `view` these KIMs hold (e.g. "2 in progress" under an empty
/// `/antrian`, so a ticket just forwarded is not mistaken for gone).
pub async fn count_in_queue(db: &Db, kim_ids: &[i64], view: QueueView, me: i64) -> DbResult<i64> {
    if kim_ids.is_empty() {
        return Ok(0);
    }
    let placeholders: Vec<String> = (0..kim_ids.len()).map(|i| format!("${}", i + 1)).collect();
    let sql = format!("SELECT COUNT(*) AS n FROM aspirations a WHERE {} AND a.kim_id IN ({})", view_filter(view, me), placeholders.join(", "));
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
    for id in kim_ids {
        query = query.bind(*id);
    }
    Ok(query.fetch_one(&db.pool).await?.try_get("n")?)
}

/// The SQL condition of a queue view (statuses are fixed codes and `me` a number,
/// not input text).
fn view_filter(view: QueueView, me: i64) -> String {
    let statuses: Vec<String> = view.statuses().iter().map(|s| format!("'{}'", s.as_str())).collect();
    let which = format!("a.status IN ({})", statuses.join(", "));
    match view {
        QueueView::New => format!("({which} OR (a.reopened_at IS NOT NULL AND a.status NOT IN ('selesai', 'ditolak')))"),
        QueueView::Mine => format!("({which} AND a.assignee_id = {me})"),
        _ => which,
    }
}

pub async fn photos(db: &Db, id: AspirationId) -> DbResult<Vec<String>> {
    let rows = sqlx::query("SELECT file_id FROM aspiration_photos WHERE aspiration_id = $1 ORDER BY position")
        .bind(id)
        .fetch_all(&db.pool)
        .await?;
    rows.iter().map(|r| Ok(r.try_get("file_id")?)).collect()
}

/// Name and @username of a person, as stored when they agreed to the notice.
pub async fn identity(db: &Db, user_id: UserId) -> DbResult<Option<(Option<String>, Option<String>)>> {
    let row = sqlx::query("SELECT first_name, username FROM users WHERE id = $1")
        .bind(user_id)
        .fetch_optional(&db.pool)
        .await?;
    row.map(|r| Ok((r.try_get("first_name")?, r.try_get("username")?))).transpose()
}

