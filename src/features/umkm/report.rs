//! The UMKM registry export: one sheet, CSV + XLSX, streamed like every export
//! ([`crate::platform::export::table`]), filtered by area, sector and need.

use std::path::Path;
use std::sync::Arc;

use chrono_tz::Tz;
use sqlx::Row;
use sqlx::any::AnyRow;

use super::model::{Need, Scale, Sector};
use crate::kernel::members::covers;
use crate::platform::db::{Db, DbError};
use crate::platform::export::table::{self, TableExport};
use crate::platform::export::xlsx::Cell;
use crate::platform::export::{ExportError, Progress, local, names};
use crate::platform::i18n::{Lang, t};

/// Which registrations the UMKM export includes.
#[derive(Clone, Debug, Default)]
pub struct UmkmFilter {
    pub area_path: Option<String>,
    pub sector: Option<Sector>,
    pub need: Option<Need>,
}

const UMKM_SQL: &str = "SELECT r.business_name, r.owner_name, r.sector, r.scale, r.phone, r.nib, r.needs, \
     r.description, r.created_at, kel.name AS kelurahan, kel.path AS area_path, k.name AS kim_name \
     FROM umkm_registrations r JOIN areas kel ON kel.id = r.kelurahan_id JOIN kims k ON k.id = r.kim_id \
     WHERE (kel.path = $1 OR kel.path LIKE $2) AND r.sector LIKE $3 AND (',' || r.needs || ',') LIKE $4 \
     ORDER BY r.id";

const UMKM_COLUMNS: [&str; 11] =
    ["business", "owner", "sector", "scale", "kelurahan", "kim", "phone", "nib", "needs", "description", "registered"];

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
pub async fn count_umkm(db: &Db, f: &UmkmFilter) -> Result<u64, ExportError> {
    let [exact, prefix, sector, need] = umkm_binds(f);
    let from_where = UMKM_SQL.split_once(" FROM ").map_or("", |(_, rest)| rest).trim_end_matches(" ORDER BY r.id");
    let sql = format!("SELECT COUNT(*) AS n FROM {from_where}");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(exact).bind(prefix).bind(sector).bind(need).fetch_one(&db.pool).await?;
    Ok(row.try_get::<i64, _>("n")?.max(0) as u64)
}

/// `umkm-<area>[-<sector>][-<need>].xlsx` and `…-titikkoma.csv` in `dir`.
pub async fn export_umkm(db: &Db, f: &UmkmFilter, lang: Lang, tz: Tz, dir: &Path, progress: Arc<Progress>) -> Result<TableExport, ExportError> {
    let [exact, prefix, sector, need] = umkm_binds(f);
    let rows = sqlx::query(UMKM_SQL).bind(exact).bind(prefix).bind(sector).bind(need).fetch(&db.pool);
    let scope = f.area_path.clone();
    let header = UMKM_COLUMNS.iter().map(|k| Cell::Text(t(lang, &format!("rep-umkm-{k}")))).collect();
    let decode = move |r: &AnyRow| umkm_cells(r, scope.as_deref(), lang, tz);
    table::write(rows, decode, header, &t(lang, "rep-sheet-umkm"), dir, &umkm_stem(f), progress).await
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
    ]))
}
