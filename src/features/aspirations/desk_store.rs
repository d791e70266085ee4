//! SQL of the staff desk: internal notes on tickets (`aspiration_notes`) and the
//! canned replies of each kota (`aspiration_canned_replies`). Domain rules are in
//! [`super::notes`] and [`super::canned`].

use sqlx::Row;
use sqlx::any::AnyRow;
use crate::kernel::members::UserId;

use super::model::AspirationId;
use crate::platform::db::{Db, DbResult};

/// An internal note with its author's name (for the timeline).
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    pub id: i64,
    pub aspiration_id: AspirationId,
    pub author: i64,
    pub author_name: Option<String>,
    pub body: String,
    pub at: i64,
}

fn note_from_row(r: &AnyRow) -> DbResult<Note> {
    Ok(Note {
        id: r.try_get("id")?,
        aspiration_id: r.try_get("aspiration_id")?,
        author: r.try_get("author")?,
        author_name: r.try_get("first_name")?,
        body: r.try_get("body")?,
        at: r.try_get("created_at")?,
    })
}

pub async fn add_note(db: &Db, aspiration_id: AspirationId, author: UserId, body: &str, now: i64) -> DbResult<i64> {
    let row = sqlx::query("INSERT INTO aspiration_notes (aspiration_id, author, body, created_at) VALUES ($1, $2, $3, $4) RETURNING id")
        .bind(aspiration_id)
        .bind(author)
        .bind(body)
        .bind(now)
        .fetch_one(&db.pool)
        .await?;
    Ok(row.try_get("id")?)
}

/// A ticket's notes, oldest first.
pub async fn notes(db: &Db, aspiration_id: AspirationId) -> DbResult<Vec<Note>> {
    let rows = sqlx::query(
        "SELECT n.id, n.aspiration_id, n.author, u.first_name, n.body, n.created_at FROM aspiration_notes n \
         LEFT JOIN users u ON u.id = n.author WHERE n.aspiration_id = $1 ORDER BY n.id",
    )
    .bind(aspiration_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(note_from_row).collect()
}

/// Notes a staff member wrote (for their `/datasaya`), with the ticket's number.
pub async fn notes_by(db: &Db, author: UserId) -> DbResult<Vec<(String, String, i64)>> {
    let rows = sqlx::query(
        "SELECT a.ticket, n.body, n.created_at FROM aspiration_notes n JOIN aspirations a ON a.id = n.aspiration_id \
         WHERE n.author = $1 ORDER BY n.id",
    )
    .bind(author)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(|r| Ok((r.try_get("ticket")?, r.try_get("body")?, r.try_get("created_at")?))).collect()
}

/// A canned reply of a kota.
#[derive(Debug, Clone, PartialEq)]
pub struct Canned {
    pub id: i64,
    pub kota: String,
    pub title: String,
    pub body: String,
}

fn canned_from_row(r: &AnyRow) -> DbResult<Canned> {
    Ok(Canned { id: r.try_get("id")?, kota: r.try_get("kota")?, title: r.try_get("title")?, body: r.try_get("body")? })
}

/// The canned replies of `kotas` (all of them for `None`), by kota then title.
pub async fn canned_of(db: &Db, kotas: Option<&[String]>) -> DbResult<Vec<Canned>> {
    let rows = sqlx::query("SELECT id, kota, title, body FROM aspiration_canned_replies ORDER BY kota, title, id").fetch_all(&db.pool).await?;
    let all = rows.iter().map(canned_from_row).collect::<DbResult<Vec<_>>>()?;
    Ok(match kotas {
        None => all,
        Some(kotas) => all.into_iter().filter(|c| kotas.contains(&c.kota)).collect(),
    })
}

pub async fn canned(db: &Db, id: i64) -> DbResult<Option<Canned>> {
    let row = sqlx::query("SELECT id, kota, title, body FROM aspiration_canned_replies WHERE id = $1").bind(id).fetch_optional(&db.pool).await?;
    row.as_ref().map(canned_from_row).transpose()
}

pub async fn insert_canned(db: &Db, kota: &str, title: &str, body: &str, by: UserId, now: i64) -> DbResult<i64> {
    let row = sqlx::query(
        "INSERT INTO aspiration_canned_replies (kota, title, body, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(kota)
    .bind(title)
    .bind(body)
    .bind(by)
    .bind(now)
    .fetch_one(&db.pool)
    .await?;
    Ok(row.try_get("id")?)
}

pub async fn update_canned(db: &Db, id: i64, title: &str, body: &str, by: UserId, now: i64) -> DbResult<bool> {
    let done = sqlx::query("UPDATE aspiration_canned_replies SET title = $1, body = $2, updated_by = $3, updated_at = $4 WHERE id = $5")
        .bind(title)
        .bind(body)
        .bind(by)
        .bind(now)
        .bind(id)
        .execute(&db.pool)
        .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn delete_canned(db: &Db, id: i64) -> DbResult<bool> {
    let done = sqlx::query("DELETE FROM aspiration_canned_replies WHERE id = $1").bind(id).execute(&db.pool).await?;
    Ok(done.rows_affected() == 1)
}

/// A ticket with a location, for the console's map.
#[derive(Debug, Clone, PartialEq)]
pub struct Pin {
    pub id: AspirationId,
    pub number: String,
    pub kim_id: i64,
    pub kim: String,
    pub category: String,
    pub status: String,
    pub anonymous: bool,
    pub lat_e6: i64,
    pub lon_e6: i64,
    pub created_at: i64,
}

/// Up to `limit` newest located tickets of `kims` (`status` empty: any), created in
/// `[from, to)`; `hidden_anonymous`: KIMs whose anonymous tickets the reader may
/// not place on a map (they are left out here, not after the limit).
pub async fn pins(db: &Db, kims: &[i64], hidden_anonymous: &[i64], status: &str, (from, to): (i64, i64), limit: i64) -> DbResult<Vec<Pin>> {
    if kims.is_empty() {
        return Ok(Vec::new());
    }
    let list = |start: usize, n: usize| (0..n).map(|i| format!("${}", start + i)).collect::<Vec<_>>().join(", ");
    let hidden = if hidden_anonymous.is_empty() {
        String::new()
    } else {
        format!("AND NOT (a.anonymous = 1 AND a.kim_id IN ({}))", list(4 + kims.len(), hidden_anonymous.len()))
    };
    // `+` keeps SQLite off the created_at index (it would read and sort every ticket
    // of the period instead of walking ids down to the newest pins); the KIMs
    // likewise, as in the queue.
    let mut ids = String::new();
    if (from, to) != (i64::MIN, i64::MAX) {
        // A period: walk its id range newest first (see `browse::period_ids`).
        let Some((lo, hi)) = super::browse::period_ids(db, from, to).await? else { return Ok(Vec::new()) };
        ids = format!("AND a.id BETWEEN {lo} AND {hi}");
    }
    let created = "+a.created_at";
    let sql = format!(
        "SELECT a.id, a.ticket, a.kim_id, k.name AS kim_name, a.category, a.status, a.anonymous, a.lat_e6, a.lon_e6, a.created_at \
         FROM aspirations a JOIN kims k ON k.id = a.kim_id \
         WHERE a.lat_e6 IS NOT NULL AND a.lon_e6 IS NOT NULL AND ($1 = '' OR a.status = $1) \
         AND {created} >= $2 AND {created} < $3 {ids} AND +a.kim_id IN ({}) {hidden} ORDER BY a.id DESC LIMIT {limit}",
        list(4, kims.len())
    );
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(status).bind(from).bind(to);
    for id in kims.iter().chain(hidden_anonymous) {
        query = query.bind(*id);
    }
    let rows = query.fetch_all(&db.pool).await?;
    rows.iter()
        .map(|r| {
            Ok(Pin {
                id: r.try_get("id")?,
                number: r.try_get("ticket")?,
                kim_id: r.try_get("kim_id")?,
                kim: r.try_get("kim_name")?,
                category: r.try_get("category")?,
                status: r.try_get("status")?,
                anonymous: r.try_get::<i64, _>("anonymous")? != 0,
                lat_e6: r.try_get("lat_e6")?,
                lon_e6: r.try_get("lon_e6")?,
                created_at: r.try_get("created_at")?,
            })
        })
        .collect()
}

/// Tickets of `kims` waiting in *Diterima* — new ones, and those an agency returned
/// or an undo or a reopening brought back — for the navigation's badge. One status
/// keeps it on the `(status, kim_id, id)` index: counted for every page a person opens.
pub async fn count_new(db: &Db, kims: &[i64]) -> DbResult<i64> {
    if kims.is_empty() {
        return Ok(0);
    }
    let list: Vec<String> = (0..kims.len()).map(|i| format!("${}", i + 1)).collect();
    let sql = format!("SELECT COUNT(*) AS n FROM aspirations WHERE status = 'diterima' AND kim_id IN ({})", list.join(", "));
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
    for id in kims {
        query = query.bind(*id);
    }
    Ok(query.fetch_one(&db.pool).await?.try_get("n")?)
}
