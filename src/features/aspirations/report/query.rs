//! SQL of the reports: the aspiration detail rows (one query with correlated
//! subqueries for the last note and the response/closure times), their count, and
//! area lookups. Rows stream; nothing here collects a whole result set.

use futures_util::Stream;
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::platform::db::{Db, DbError, DbResult};
use crate::kernel::members::covers;

/// What an aspirations export covers.
#[derive(Clone, Debug, PartialEq)]
pub struct AspFilter {
    /// Unix seconds `[from, to)`.
    pub from: i64,
    pub to: i64,
    /// Only KIMs inside this area (path); `None` = everywhere (admins, the office CLI).
    pub area_path: Option<String>,
    /// Whether the reader triages these tickets (staff and admins, the office CLI):
    /// then reporters are named, anonymous tickets too, as the staff's ticket card
    /// names them (`aspirations::flow::hides_sender`; anonymity hides the sender
    /// from coordinators, who get no reports). `false`: no names at all.
    pub show_names: bool,
}

/// One aspiration as the detail sheet shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct AspRow {
    pub ticket: String,
    pub created_at: i64,
    pub category: String,
    pub kecamatan: String,
    pub kelurahan: String,
    pub area_path: String,
    pub kim: String,
    pub body: String,
    pub status: String,
    pub last_note: Option<String>,
    /// `None` when names are not shown or the reporter erased their data.
    pub reporter: Option<String>,
    /// Hidden from coordinators (the reporter asked for it).
    pub anonymous: bool,
    /// The last change to the ticket (status, reply, reopening).
    pub updated_at: i64,
    /// Flagged by the service-level job: no first response in time.
    pub overdue: bool,
    /// The shared location in micro-degrees (latitude, longitude).
    pub pin: Option<(i64, i64)>,
    /// First status change after `diterima`, or the first staff reply, if earlier.
    pub first_response_at: Option<i64>,
    /// First move to `selesai` or `ditolak`.
    pub closed_at: Option<i64>,
}

const ASP_FROM_WHERE: &str = " FROM aspirations a JOIN kims k ON k.id = a.kim_id \
     JOIN areas kel ON kel.id = k.kelurahan_id LEFT JOIN areas kec ON kec.id = kel.parent_id \
     LEFT JOIN users u ON u.id = a.user_id \
     WHERE a.created_at >= $1 AND a.created_at < $2 AND (kel.path = $3 OR kel.path LIKE $4)";

const ASP_SELECT: &str = "SELECT a.ticket, a.created_at, a.updated_at, a.category, a.body, a.status, \
     a.anonymous, a.overdue_at, a.lat_e6, a.lon_e6, kec.name AS kecamatan, \
     kel.name AS kelurahan, kel.path AS area_path, k.name AS kim_name, u.first_name AS reporter, \
     (SELECT l.note FROM aspiration_status_log l WHERE l.aspiration_id = a.id AND l.note IS NOT NULL \
        ORDER BY l.id DESC LIMIT 1) AS last_note, \
     (SELECT MIN(l.at) FROM aspiration_status_log l WHERE l.aspiration_id = a.id AND l.from_status IS NOT NULL) AS first_change, \
     (SELECT MIN(m.created_at) FROM aspiration_messages m WHERE m.aspiration_id = a.id AND m.kind = 'reply') AS first_reply, \
     (SELECT MIN(l.at) FROM aspiration_status_log l WHERE l.aspiration_id = a.id \
        AND l.to_status IN ('selesai', 'ditolak')) AS closed_at";

/// `(exact, prefix pattern)` binds for the area condition; everything when `None`.
fn area_binds(path: Option<&str>) -> (String, String) {
    match path {
        // `%` or `_` in a name would widen the match; decode_aspiration re-checks.
        Some(p) => (p.to_string(), format!("{p}/%")),
        None => (String::new(), "%".into()),
    }
}

/// How many rows [`aspiration_rows`] will yield (for progress).
pub async fn count_aspirations(db: &Db, f: &AspFilter) -> DbResult<u64> {
    let (exact, prefix) = area_binds(f.area_path.as_deref());
    let sql = format!("SELECT COUNT(*) AS n{ASP_FROM_WHERE}");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(f.from)
        .bind(f.to)
        .bind(exact)
        .bind(prefix)
        .fetch_one(&db.pool)
        .await?;
    Ok(row.try_get::<i64, _>("n")?.max(0) as u64)
}

/// The detail rows in ticket order, as a stream.
pub fn aspiration_rows<'a>(db: &'a Db, f: &AspFilter) -> impl Stream<Item = Result<AnyRow, sqlx::Error>> + use<'a> {
    let (exact, prefix) = area_binds(f.area_path.as_deref());
    let sql = format!("{ASP_SELECT}{ASP_FROM_WHERE} ORDER BY a.id");
    sqlx::query(sqlx::AssertSqlSafe(sql)).bind(f.from).bind(f.to).bind(exact).bind(prefix).fetch(&db.pool)
}

/// Decodes one detail row. Rows outside the filter's area are refused here as well
/// as in SQL (`LIKE` treats `_` as a wildcard), so scope never rests on one check.
pub fn decode_aspiration(row: &AnyRow, f: &AspFilter) -> Result<Option<AspRow>, DbError> {
    let area_path: String = row.try_get("area_path")?;
    if f.area_path.as_deref().is_some_and(|scope| !covers(scope, &area_path)) {
        return Ok(None);
    }
    let first_change: Option<i64> = row.try_get("first_change")?;
    let first_reply: Option<i64> = row.try_get("first_reply")?;
    let first_response_at = match (first_change, first_reply) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    let reporter: Option<String> = row.try_get("reporter")?;
    let kecamatan: Option<String> = row.try_get("kecamatan")?;
    let overdue_at: Option<i64> = row.try_get("overdue_at")?;
    let (lat, lon): (Option<i64>, Option<i64>) = (row.try_get("lat_e6")?, row.try_get("lon_e6")?);
    Ok(Some(AspRow {
        ticket: row.try_get("ticket")?,
        created_at: row.try_get("created_at")?,
        category: row.try_get("category")?,
        kecamatan: kecamatan.unwrap_or_default(),
        kelurahan: row.try_get("kelurahan")?,
        area_path,
        kim: row.try_get("kim_name")?,
        body: row.try_get("body")?,
        status: row.try_get("status")?,
        last_note: row.try_get("last_note")?,
        reporter: reporter.filter(|_| f.show_names),
        anonymous: row.try_get::<i64, _>("anonymous")? != 0,
        updated_at: row.try_get("updated_at")?,
        overdue: overdue_at.is_some(),
        pin: lat.zip(lon),
        first_response_at,
        closed_at: row.try_get("closed_at")?,
    }))
}

