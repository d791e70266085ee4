//! SQL of the staff's queue (the console's *Aspirasi*): tickets of a set of KIMs
//! filtered by status, category, period, text and the overdue flag, paged by id
//! (keyset), newest or oldest first. Reached through [`super::store`].

use sqlx::Row;

use super::model::{Category, Status};
use crate::platform::db::{Db, DbResult, like_contains};

/// Up to this many KIMs, a text search walks their own tickets (see [`browse`]).
const FEW_KIMS: usize = 16;

/// What a page of the queue asks for.
#[derive(Debug, Clone, Default)]
pub struct Browse<'a> {
    pub status: Option<Status>,
    pub category: Option<Category>,
    /// `[from, to)` in Unix seconds; `i64::MIN`/`i64::MAX` for no bound.
    pub from: i64,
    pub to: i64,
    /// Text the body must contain (trimmed; empty for any).
    pub text: &'a str,
    pub oldest_first: bool,
    /// The last id shown: rows after it (oldest first) or before it (newest first).
    pub cursor: i64,
    /// Only tickets past the service level without a first response.
    pub overdue_only: bool,
}

/// One queue row.
#[derive(Debug, Clone)]
pub struct QueueRow {
    pub id: i64,
    pub number: String,
    pub kim: String,
    pub category: Option<Category>,
    pub status: Option<Status>,
    pub created_at: i64,
    pub body: String,
    pub overdue: bool,
}

/// Up to `limit` tickets of `kims` that match `b`, in id order from its cursor.
pub async fn browse(db: &Db, kims: &[i64], b: &Browse<'_>, limit: i64) -> DbResult<Vec<QueueRow>> {
    if kims.is_empty() {
        return Ok(Vec::new());
    }
    let list: Vec<String> = (0..kims.len()).map(|i| format!("${}", i + 9)).collect();
    let (from, to) = (b.from, b.to);
    // Without a period, `+` keeps SQLite off the created_at index (it would read and
    // sort every ticket instead of walking ids down to the page); the KIM list gets
    // one always, so an admin's 104 KIMs are not 104 walks of the (kim_id, id) index.
    let created = if (from, to) == (i64::MIN, i64::MAX) { "+a.created_at" } else { "a.created_at" };
    // A text search over a few KIMs reads only their tickets through the
    // (kim_id, id) index: a rare word would otherwise make SQLite read every ticket
    // of the city (bench web: 518 ms p95 for one kecamatan's staff at 1M tickets).
    let kim_column = if !b.text.is_empty() && kims.len() <= FEW_KIMS { "a.kim_id" } else { "+a.kim_id" };
    let (keyset, order) = if b.oldest_first { ("a.id > $7", "ASC") } else { ("a.id < $7", "DESC") };
    let sql = format!(
        "SELECT a.id, a.ticket, a.category, a.status, a.created_at, a.body, a.overdue_at, k.name AS kim_name \
         FROM aspirations a JOIN kims k ON k.id = a.kim_id \
         WHERE ($1 = '' OR a.status = $1) AND ($2 = '' OR a.category = $2) AND {created} >= $3 \
         AND {created} < $4 AND ($5 = 0 OR LOWER(a.body) LIKE $6 ESCAPE '\\') AND {keyset} \
         AND ($8 = 0 OR (a.overdue_at IS NOT NULL AND a.status = 'diterima')) \
         AND {kim_column} IN ({}) ORDER BY a.id {order} LIMIT {}",
        list.join(", "),
        limit
    );
    let q = b.text;
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(b.status.map_or("", Status::as_str))
        .bind(b.category.map_or("", Category::code))
        .bind(from)
        .bind(to)
        .bind(i64::from(!q.is_empty()))
        .bind(like_contains(q))
        .bind(b.cursor)
        .bind(i64::from(b.overdue_only));
    for id in kims {
        query = query.bind(*id);
    }
    let found = query.fetch_all(&db.pool).await?;
    found
        .iter()
        .map(|r| {
            Ok(QueueRow {
                id: r.try_get("id")?,
                number: r.try_get("ticket")?,
                kim: r.try_get("kim_name")?,
                category: Category::parse(&r.try_get::<String, _>("category")?),
                status: Status::parse(&r.try_get::<String, _>("status")?),
                created_at: r.try_get("created_at")?,
                body: r.try_get("body")?,
                overdue: r.try_get::<Option<i64>, _>("overdue_at")?.is_some(),
            })
        })
        .collect()
}

