//! The UMKM registry and training attendance exports: one sheet each, CSV + XLSX,
//! streamed like the aspirations report.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono_tz::Tz;
use sqlx::Row;
use sqlx::any::AnyRow;

use super::detail::local;
use super::xlsx::{Book, Cell};
use super::{Progress, ReportError, csv::CsvOut, names, pipeline};
use crate::platform::db::{Db, DbError};
use crate::platform::i18n::{Lang, t};
use crate::kernel::members::covers;
use crate::features::umkm::model::{Need, Scale, Sector};

/// Files written by a one-sheet export.
#[derive(Clone, Debug)]
pub struct TableExport {
    pub xlsx: PathBuf,
    pub csv: PathBuf,
    pub rows: u64,
}

/// Which registrations the UMKM export includes.
#[derive(Clone, Debug, Default)]
pub struct UmkmFilter {
    pub area_path: Option<String>,
    pub sector: Option<Sector>,
    pub need: Option<Need>,
}

const UMKM_SQL: &str = "SELECT r.business_name, r.owner_name, r.sector, r.scale, r.phone, r.nib, r.needs, \
     r.description, r.created_at, kel.name AS kelurahan, kel.code AS kode_wilayah, kel.path AS area_path, k.name AS kim_name \
     FROM umkm_registrations r JOIN areas kel ON kel.id = r.kelurahan_id JOIN kims k ON k.id = r.kim_id \
     WHERE (kel.path = $1 OR kel.path LIKE $2) AND r.sector LIKE $3 AND (',' || r.needs || ',') LIKE $4 \
     ORDER BY r.id";

/// Keys after `rep-umkm-`; the kelurahan's official code last (columns read by position keep theirs).
const UMKM_COLUMNS: [&str; 12] =
    ["business", "owner", "sector", "scale", "kelurahan", "kim", "phone", "nib", "needs", "description", "registered", "wilayah"];

/// The four binds of [`UMKM_SQL`]'s conditions: exact area, area prefix, sector, need.
fn umkm_binds(f: &UmkmFilter) -> [String; 4] {
    let (exact, prefix) = match &f.area_path {
        Some(p) => (p.clone(), format!("{p}/%")),
        None => (String::new(), "%".to_string()),
    };
    let sector = f.sector.map(|s| s.code().to_string()).unwrap_or_else(|| "%".into());
    let need = f.need.map(|n| format!("%,{},%", n.code())).unwrap_or_else(|| "%".into());
    [exact, prefix, sector, need]
}

/// How many rows [`export_umkm`] will write, for progress (`LIKE` may count a few
/// more than the exact scope check keeps; progress is capped at 100%).
pub async fn count_umkm(db: &Db, f: &UmkmFilter) -> Result<u64, ReportError> {
    let [exact, prefix, sector, need] = umkm_binds(f);
    let from_where = UMKM_SQL.split_once(" FROM ").map_or("", |(_, rest)| rest).trim_end_matches(" ORDER BY r.id");
    let sql = format!("SELECT COUNT(*) AS n FROM {from_where}");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(exact).bind(prefix).bind(sector).bind(need).fetch_one(&db.pool).await?;
    Ok(row.try_get::<i64, _>("n")?.max(0) as u64)
}

/// How many rows [`export_attendance`] will write.
pub async fn count_attendance(db: &Db, training_id: i64) -> Result<u64, ReportError> {
    let row = sqlx::query("SELECT COUNT(*) AS n FROM training_registrations WHERE training_id = $1 AND status <> 'cancelled'")
        .bind(training_id)
        .fetch_one(&db.pool)
        .await?;
    Ok(row.try_get::<i64, _>("n")?.max(0) as u64)
}

/// `umkm-<area>[-<sector>][-<need>].xlsx` and `…-titikkoma.csv` in `dir`.
pub async fn export_umkm(db: &Db, f: &UmkmFilter, lang: Lang, tz: Tz, dir: &Path, progress: Arc<Progress>) -> Result<TableExport, ReportError> {
    let [exact, prefix, sector, need] = umkm_binds(f);
    let rows = sqlx::query(UMKM_SQL).bind(exact).bind(prefix).bind(sector).bind(need).fetch(&db.pool);
    let scope = f.area_path.clone();
    let header = UMKM_COLUMNS.iter().map(|k| Cell::Text(t(lang, &format!("rep-umkm-{k}")))).collect();
    let decode = move |r: &AnyRow| umkm_cells(r, scope.as_deref(), lang, tz);
    table(rows, decode, header, &t(lang, "rep-sheet-umkm"), dir, &umkm_stem(f), progress).await
}

/// `umkm-ilir-barat-i-kuliner-modal`: area, then the sector and need when chosen.
pub fn umkm_stem(f: &UmkmFilter) -> String {
    let mut stem = format!("umkm-{}", names::area_slug(f.area_path.as_deref()));
    for code in [f.sector.map(|s| s.code()), f.need.map(|n| n.code())].into_iter().flatten() {
        stem.push('-');
        stem.push_str(&names::slug(code, "x"));
    }
    stem
}

fn umkm_cells(r: &AnyRow, scope: Option<&str>, lang: Lang, tz: Tz) -> Result<Option<Vec<Cell>>, DbError> {
    let path: String = r.try_get("area_path")?;
    if scope.is_some_and(|s| !covers(s, &path)) {
        return Ok(None);
    }
    let sector: String = r.try_get("sector")?;
    let scale: String = r.try_get("scale")?;
    let needs: String = r.try_get("needs")?;
    let needs = Need::split(&needs).unwrap_or_default().iter().map(|n| t(lang, n.key())).collect::<Vec<_>>().join(", ");
    Ok(Some(vec![
        Cell::Text(r.try_get("business_name")?),
        Cell::Text(r.try_get("owner_name")?),
        Cell::Text(Sector::from_code(&sector).map(|s| t(lang, s.key())).unwrap_or(sector)),
        Cell::Text(Scale::from_code(&scale).map(|s| t(lang, s.key())).unwrap_or(scale)),
        Cell::Text(r.try_get("kelurahan")?),
        Cell::Text(r.try_get("kim_name")?),
        Cell::Phone(r.try_get("phone")?),
        Cell::opt(r.try_get("nib")?),
        Cell::Text(needs),
        Cell::opt(r.try_get("description")?),
        Cell::When(local(r.try_get("created_at")?, tz)),
        Cell::opt(r.try_get("kode_wilayah")?),
    ]))
}

const ATTENDANCE_SQL: &str = "SELECT r.seq, r.status, r.attended, r.created_at, r.user_id, u.first_name, u.username \
     FROM training_registrations r LEFT JOIN users u ON u.id = r.user_id \
     WHERE r.training_id = $1 AND r.status <> 'cancelled' \
     ORDER BY CASE r.status WHEN 'registered' THEN 0 ELSE 1 END, r.seq";

/// `kehadiran-<title>-<start date>.xlsx` and `…-titikkoma.csv`: registered people
/// in arrival order, then the waitlist; attendance as marked by the coordinator.
pub async fn export_attendance(db: &Db, training_id: i64, lang: Lang, tz: Tz, dir: &Path, progress: Arc<Progress>) -> Result<TableExport, ReportError> {
    let rows = sqlx::query(ATTENDANCE_SQL).bind(training_id).fetch(&db.pool);
    let header = ["no", "name", "username", "tgid", "status", "attended", "registered"]
        .iter()
        .map(|k| Cell::Text(t(lang, &format!("rep-att-{k}"))))
        .collect();
    let counter = std::sync::atomic::AtomicI64::new(0);
    let decode = move |r: &AnyRow| attendance_cells(r, &counter, lang, tz);
    let stem = attendance_stem(db, training_id, tz).await?;
    table(rows, decode, header, &t(lang, "rep-sheet-attendance"), dir, &stem, progress).await
}

/// `kehadiran-foto-produk-2026-12-14`: the training's title and its first day in
/// its own zone (or `tz`), so a coordinator's folder tells the sessions apart.
pub async fn attendance_stem(db: &Db, training_id: i64, tz: Tz) -> Result<String, ReportError> {
    let row = sqlx::query("SELECT t.title, t.starts_at, k.tz FROM trainings t JOIN kims k ON k.id = t.kim_id WHERE t.id = $1")
        .bind(training_id)
        .fetch_optional(&db.pool)
        .await?;
    let Some(row) = row else { return Ok(format!("kehadiran-pelatihan-{training_id}")) };
    let title: String = row.try_get("title")?;
    let zone: Option<String> = row.try_get("tz")?;
    let tz = zone.and_then(|z| z.parse::<Tz>().ok()).unwrap_or(tz);
    let day = local(row.try_get("starts_at")?, tz).date();
    Ok(format!("kehadiran-{}-{day}", names::slug(&title, "pelatihan")))
}

fn attendance_cells(r: &AnyRow, counter: &std::sync::atomic::AtomicI64, lang: Lang, tz: Tz) -> Result<Option<Vec<Cell>>, DbError> {
    let n = counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
    let status: String = r.try_get("status")?;
    let attended: Option<i64> = r.try_get("attended")?;
    let username: Option<String> = r.try_get("username")?;
    let status_key = if status == "registered" { "rep-att-registered" } else { "rep-att-waitlisted" };
    let attended_key = match attended {
        Some(1) => Some("rep-att-present"),
        Some(_) => Some("rep-att-absent"),
        None => None,
    };
    Ok(Some(vec![
        Cell::Int(n),
        Cell::opt(r.try_get("first_name")?),
        Cell::opt(username.map(|u| format!("@{u}"))),
        Cell::Int(r.try_get("user_id")?),
        Cell::Text(t(lang, status_key)),
        Cell::opt(attended_key.map(|k| t(lang, k))),
        Cell::When(local(r.try_get("created_at")?, tz)),
    ]))
}

/// Streams rows of cells into `<stem>.xlsx` (one sheet) and `<stem>-titikkoma.csv`.
async fn table(
    rows: impl futures_util::Stream<Item = Result<AnyRow, sqlx::Error>>,
    decode: impl Fn(&AnyRow) -> Result<Option<Vec<Cell>>, DbError>,
    header: Vec<Cell>,
    sheet_name: &str,
    dir: &Path,
    stem: &str,
    progress: Arc<Progress>,
) -> Result<TableExport, ReportError> {
    let xlsx = dir.join(format!("{stem}.xlsx"));
    let csv_path = dir.join(format!("{stem}{}", super::csv::SUFFIX));
    let (x, c, name) = (xlsx.clone(), csv_path.clone(), sheet_name.to_string());
    let rows = pipeline::run(rows, decode, move |mut rx| {
        let mut book = Book::new();
        let mut sheet = book.add_table(&name, &vec![24.0; header.len()], &header)?;
        let mut csv = CsvOut::create(&c)?;
        csv.row(&header)?;
        let mut n = 0;
        while let Some(cells) = rx.blocking_recv() {
            book.row(&mut sheet, &cells, false)?;
            csv.row(&cells)?;
            progress.add(1);
            n += 1;
        }
        book.close_table(&sheet, header.len())?;
        csv.finish()?;
        book.save(&x)?;
        Ok(n)
    })
    .await?;
    Ok(TableExport { xlsx, csv: csv_path, rows })
}
