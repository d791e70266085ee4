//! SQL of the staff's queue (the console's *Aspirasi*): tickets of a set of KIMs
//! filtered by status, category, period, words or a ticket number, the overdue flag,
//! the assignee and the saved views; counted, paged by page number (or by id for
//! older links), newest or oldest first; and the same list streamed for an export.
//! Reached through [`super::store`].

use sqlx::Row;
use sqlx::any::AnyRow;

use super::find::NumberQuery;
use super::model::{AspirationId, Category, Status};
use crate::platform::db::{Db, DbResult, like_contains};

/// Up to this many KIMs, a text search walks their own tickets (see [`browse`]).
const FEW_KIMS: usize = 16;

/// What a page of the queue asks for.
#[derive(Debug, Clone, Default)]
pub struct Browse {
    pub status: Option<Status>,
    pub category: Option<Category>,
    /// `[from, to)` in Unix seconds; `i64::MIN`/`i64::MAX` for no bound.
    pub from: i64,
    pub to: i64,
    /// Folded words that must all occur in the text (see [`super::find::words`]).
    pub words: Vec<String>,
    /// A ticket number instead of words.
    pub number: Option<NumberQuery>,
    pub oldest_first: bool,
    /// The last id shown by an older "next page" link: rows after it (oldest first)
    /// or before it (newest first); `None` with page numbers.
    pub cursor: Option<i64>,
    /// Only tickets past the service level without a first response.
    pub overdue_only: bool,
    /// Only open tickets of this assignee ("Milik saya").
    pub assignee: Option<i64>,
    /// Only new tickets nobody has taken ("Belum ditangani").
    pub unassigned_new: bool,
    /// Only tickets an agency (OPD) holds now ("Menunggu OPD").
    pub at_agency: bool,
}

/// One queue row.
#[derive(Debug, Clone)]
pub struct QueueRow {
    pub id: AspirationId,
    pub number: String,
    pub kim: String,
    pub kim_tz: Option<String>,
    pub category: Option<Category>,
    pub status: Option<Status>,
    pub created_at: i64,
    pub body: String,
    pub overdue: bool,
    pub first_response_at: Option<i64>,
    pub assignee: Option<i64>,
    pub assignee_name: Option<String>,
    /// The resident wrote after the last staff reply.
    pub new_reply: bool,
    /// The agency it was last sent to gave it back.
    pub returned: bool,
}

/// Values bound to a built statement, numbered as they are added.
#[derive(Default)]
struct Binds(Vec<Bind>);

enum Bind {
    Int(i64),
    Text(String),
}

impl Binds {
    fn int(&mut self, v: i64) -> String {
        self.0.push(Bind::Int(v));
        format!("${}", self.0.len())
    }
    fn text(&mut self, v: String) -> String {
        self.0.push(Bind::Text(v));
        format!("${}", self.0.len())
    }
    fn query(self, sql: String) -> sqlx::query::Query<'static, sqlx::Any, sqlx::any::AnyArguments> {
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for b in self.0 {
            q = match b {
                Bind::Int(v) => q.bind(v),
                Bind::Text(v) => q.bind(v),
            };
        }
        q
    }
}

/// The WHERE conditions of `b` over `kims` (never empty), keyset aside.
fn conditions(b: &Browse, kims: &[i64], binds: &mut Binds) -> Vec<String> {
    conditions_with(b, kims, binds, None)
}

/// [`conditions`], and with `ids` the id range of the period's tickets (see
/// [`period_ids`]): then the period is checked on each row (`+`) while SQLite walks
/// that id range to the page instead of sorting the whole period.
fn conditions_with(b: &Browse, kims: &[i64], binds: &mut Binds, ids: Option<(i64, i64)>) -> Vec<String> {
    let mut c = Vec::new();
    if let Some(s) = b.status {
        c.push(format!("a.status = {}", binds.text(s.as_str().into())));
    }
    if let Some(cat) = b.category {
        c.push(format!("a.category = {}", binds.text(cat.code().into())));
    }
    // Without a period, `+` keeps SQLite off the created_at index (it would read and
    // sort every ticket instead of walking ids down to the page).
    let created = if (b.from, b.to) == (i64::MIN, i64::MAX) || ids.is_some() { "+a.created_at" } else { "a.created_at" };
    if let Some((lo, hi)) = ids {
        c.push(format!("a.id BETWEEN {} AND {}", binds.int(lo), binds.int(hi)));
    }
    if b.from != i64::MIN {
        c.push(format!("{created} >= {}", binds.int(b.from)));
    }
    if b.to != i64::MAX {
        c.push(format!("{created} < {}", binds.int(b.to)));
    }
    if let Some(n) = b.number {
        c.push(format!("a.seq = {}", binds.int(n.seq)));
        if let Some(year) = n.year {
            c.push(format!("a.year = {}", binds.int(year)));
        }
    }
    for w in &b.words {
        // Rows stored before the folded column are read as LOWER(body) until the
        // data upgrade has filled them.
        c.push(format!("COALESCE(a.search_text, LOWER(a.body)) LIKE {} ESCAPE '\\'", binds.text(like_contains(w))));
    }
    if b.overdue_only {
        c.push("a.overdue_at IS NOT NULL AND a.status = 'diterima'".into());
    }
    if let Some(me) = b.assignee {
        c.push(format!("a.assignee_id = {} AND a.status NOT IN ('selesai', 'ditolak')", binds.int(me)));
    }
    if b.unassigned_new {
        // `+`: nearly every old ticket has no assignee, so the assignee index would
        // read the whole past before reaching today's new tickets.
        c.push("+a.assignee_id IS NULL AND a.status = 'diterima'".into());
    }
    if b.at_agency {
        // Read from the few open dispositions (their partial index), not by probing
        // every ticket of the city for one.
        c.push("a.id IN (SELECT d.aspiration_id FROM aspiration_dispositions d WHERE d.state IN ('sent', 'accepted'))".into());
    }
    // A text search over a few KIMs reads only their tickets through the (kim_id, id)
    // index: a rare word would otherwise make SQLite read every ticket of the city;
    // otherwise the KIM list gets `+`, so an admin's 104 KIMs are not 104 index walks.
    let kim_column = if (!b.words.is_empty() || b.assignee.is_some()) && kims.len() <= FEW_KIMS && b.number.is_none() { "a.kim_id" } else { "+a.kim_id" };
    let list: Vec<String> = kims.iter().map(|k| binds.int(*k)).collect();
    c.push(format!("{kim_column} IN ({})", list.join(", ")));
    c
}

const COLUMNS: &str = "SELECT a.id, a.ticket, a.category, a.status, a.created_at, a.body, a.overdue_at, a.first_response_at, \
     a.assignee_id, k.name AS kim_name, k.tz AS kim_tz, u.first_name AS assignee_name";

/// The per-row markers, read only for the rows of one page.
const MARKERS: &str = ", CAST(CASE WHEN EXISTS (SELECT 1 FROM aspiration_messages m WHERE m.aspiration_id = a.id AND m.kind <> 'reply' \
     AND m.id > COALESCE((SELECT MAX(r.id) FROM aspiration_messages r WHERE r.aspiration_id = a.id AND r.kind = 'reply'), 0)) \
     THEN 1 ELSE 0 END AS BIGINT) AS new_reply, \
     CAST(CASE WHEN EXISTS (SELECT 1 FROM aspiration_dispositions d WHERE d.aspiration_id = a.id AND d.state = 'returned' \
     AND d.id = (SELECT MAX(d2.id) FROM aspiration_dispositions d2 WHERE d2.aspiration_id = a.id)) \
     THEN 1 ELSE 0 END AS BIGINT) AS returned";

const FROM: &str = " FROM aspirations a JOIN kims k ON k.id = a.kim_id LEFT JOIN users u ON u.id = a.assignee_id";

/// Up to `limit` tickets of `kims` that match `b`, skipping `offset` (page numbers)
/// or from its cursor, in id order.
pub async fn browse(db: &Db, kims: &[i64], b: &Browse, limit: i64, offset: i64) -> DbResult<Vec<QueueRow>> {
    if kims.is_empty() {
        return Ok(Vec::new());
    }
    let bounded = (b.from, b.to) != (i64::MIN, i64::MAX);
    let ids = if bounded && b.number.is_none() {
        match period_ids(db, b.from, b.to).await? {
            Some(ids) => Some(ids),
            None => return Ok(Vec::new()),
        }
    } else {
        None
    };
    let mut binds = Binds::default();
    let mut c = conditions_with(b, kims, &mut binds, ids);
    let order = if b.oldest_first { "ASC" } else { "DESC" };
    if let Some(cursor) = b.cursor {
        c.push(format!("a.id {} {}", if b.oldest_first { ">" } else { "<" }, binds.int(cursor)));
    }
    let sql = format!(
        "{COLUMNS}{MARKERS}{FROM} WHERE {} ORDER BY a.id {order} LIMIT {} OFFSET {}",
        c.join(" AND "),
        limit.max(0),
        offset.max(0)
    );
    let found = binds.query(sql).fetch_all(&db.pool).await?;
    found.iter().map(row).collect()
}

/// The lowest and highest id of the tickets sent in `[from, to)` (of the whole
/// city), read from the created_at index alone; `None` when there are none. A page
/// of a month's tickets otherwise made SQLite read and sort that whole month (1.3 s
/// at a million tickets in a debug build); only the range is relied on, never that
/// ids follow time, since the period is still checked on every row.
pub async fn period_ids(db: &Db, from: i64, to: i64) -> DbResult<Option<(i64, i64)>> {
    let r = sqlx::query("SELECT MIN(id) AS lo, MAX(id) AS hi FROM aspirations WHERE created_at >= $1 AND created_at < $2")
        .bind(from)
        .bind(to)
        .fetch_one(&db.pool)
        .await?;
    let (lo, hi): (Option<i64>, Option<i64>) = (r.try_get("lo")?, r.try_get("hi")?);
    Ok(lo.zip(hi))
}

fn row(r: &AnyRow) -> DbResult<QueueRow> {
    Ok(QueueRow {
        new_reply: r.try_get::<i64, _>("new_reply")? != 0,
        returned: r.try_get::<i64, _>("returned")? != 0,
        ..export_row(r)?
    })
}

/// How many tickets of `kims` match `b`, counting no further than `at_most` (the
/// queue's total; the cursor is ignored). The bound keeps the total cheap on a
/// city's million tickets: an exact count of a broad filter reads every matching
/// row on each page view, and past a few thousand nobody pages by number anyway.
pub async fn count(db: &Db, kims: &[i64], b: &Browse, at_most: i64) -> DbResult<i64> {
    if kims.is_empty() {
        return Ok(0);
    }
    let mut binds = Binds::default();
    let c = conditions(b, kims, &mut binds);
    let sql = format!("SELECT COUNT(*) AS n FROM (SELECT 1 AS one FROM aspirations a WHERE {} LIMIT {}) counted", c.join(" AND "), at_most.max(0));
    Ok(binds.query(sql).fetch_one(&db.pool).await?.try_get("n")?)
}

/// Every ticket of `kims` matching `b`, oldest first, as a row stream for an export
/// (columns as [`export_row`] reads them).
pub fn export_stream<'a>(
    db: &'a Db,
    kims: &[i64],
    b: &Browse,
) -> impl futures_util::Stream<Item = Result<AnyRow, sqlx::Error>> + Send + 'a {
    let mut binds = Binds::default();
    let c = if kims.is_empty() { vec!["1 = 0".to_string()] } else { conditions(b, kims, &mut binds) };
    let sql = format!("{COLUMNS}{FROM} WHERE {} ORDER BY a.id ASC", c.join(" AND "));
    binds.query(sql).fetch(&db.pool)
}

/// A row of [`export_stream`] (no markers).
pub fn export_row(r: &AnyRow) -> DbResult<QueueRow> {
    Ok(QueueRow {
        id: r.try_get("id")?,
        number: r.try_get("ticket")?,
        kim: r.try_get("kim_name")?,
        kim_tz: r.try_get("kim_tz")?,
        category: Category::parse(&r.try_get::<String, _>("category")?),
        status: Status::parse(&r.try_get::<String, _>("status")?),
        created_at: r.try_get("created_at")?,
        body: r.try_get("body")?,
        overdue: r.try_get::<Option<i64>, _>("overdue_at")?.is_some(),
        first_response_at: r.try_get("first_response_at")?,
        assignee: r.try_get("assignee_id")?,
        assignee_name: r.try_get("assignee_name")?,
        new_reply: false,
        returned: false,
    })
}
