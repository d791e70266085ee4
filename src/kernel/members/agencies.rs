//! Agencies (OPD: the dinas and badan of a kota) that act on aspirations, and the
//! routing rules that suggest one first at triage. Kernel-level like areas, because
//! the agency officer's role is scoped to one: grants, invites and the [`Actor`]
//! name an agency (see [`super::roles`]).
//!
//! [`Actor`]: super::Actor

use std::io::Read;

use sqlx::Row;
use sqlx::any::AnyRow;

use super::areas::{is_valid_code, normalize_code};
use super::preview::{self, RowPreview, RowProblem, RowWhat};
use crate::platform::db::{Db, DbError, DbResult};

/// An agency of a kota.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agency {
    pub id: i64,
    /// The kota's area name (the first part of its KIMs' area paths).
    pub kota: String,
    /// Upper case, unique within the kota (`PUPR`).
    pub code: String,
    /// The official name (`Dinas Pekerjaan Umum dan Penataan Ruang`).
    pub name: String,
    pub short_name: Option<String>,
}

impl Agency {
    /// What residents and staff read: the short name when there is one.
    pub fn label(&self) -> &str {
        self.short_name.as_deref().filter(|s| !s.is_empty()).unwrap_or(&self.name)
    }
}

/// The kota of an area path (`Kota Palembang/Ilir Barat I/Bukit Lama` → `Kota Palembang`).
pub fn kota_of(area_path: &str) -> &str {
    area_path.split('/').next().unwrap_or(area_path)
}

/// The kecamatan of an area path, if it lies inside one.
pub fn kecamatan_of(area_path: &str) -> Option<&str> {
    area_path.split('/').nth(1)
}

/// Why an agencies CSV was refused; nothing is written when any row is bad.
#[derive(Debug, thiserror::Error)]
pub enum AgencyImportError {
    #[error("line {line}: {reason}")]
    BadRow { line: u64, reason: String },
    #[error("CSV: {0}")]
    Csv(#[from] csv::Error),
    #[error(transparent)]
    Db(#[from] DbError),
}

/// One row of `kota,code,name[,short_name]`.
#[derive(Debug, serde::Deserialize)]
struct AgencyRow {
    kota: String,
    code: String,
    name: String,
    #[serde(default)]
    short_name: Option<String>,
}

/// Loads agencies in one transaction; a code seen again in the same kota updates
/// that agency's names, so importing the same file twice changes nothing. Returns
/// how many rows were read.
#[tracing::instrument(skip_all)]
pub async fn import_csv(db: &Db, input: impl Read, now: i64) -> Result<u64, AgencyImportError> {
    let rows = parse_rows(input)?;
    let mut tx = db.begin().await?;
    for row in &rows {
        sqlx::query(
            "INSERT INTO agencies (kota, code, name, short_name, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5) \
             ON CONFLICT (kota, code) DO UPDATE SET name = excluded.name, short_name = excluded.short_name, \
             updated_at = excluded.updated_at",
        )
        .bind(&row.kota)
        .bind(&row.code)
        .bind(&row.name)
        .bind(row.short_name.as_deref())
        .bind(now)
        .execute(&mut *tx)
        .await
        .map_err(DbError::from)?;
    }
    tx.commit().await.map_err(DbError::from)?;
    Ok(rows.len() as u64)
}

fn parse_rows(input: impl Read) -> Result<Vec<AgencyRow>, AgencyImportError> {
    let mut reader = csv::ReaderBuilder::new().trim(csv::Trim::All).flexible(true).from_reader(input);
    let mut rows = Vec::new();
    for (i, record) in reader.deserialize::<AgencyRow>().enumerate() {
        let line = i as u64 + 2;
        let row = record.map_err(|e| AgencyImportError::BadRow { line, reason: e.to_string() })?;
        rows.push(check_row(row).map_err(|(_, reason)| AgencyImportError::BadRow { line, reason })?);
    }
    Ok(rows)
}

/// One row normalised and checked as the import takes it, or why it cannot be.
fn check_row(mut row: AgencyRow) -> Result<AgencyRow, (RowProblem, String)> {
    row.code = normalize_code(&row.code);
    row.short_name = row.short_name.filter(|s| !s.is_empty());
    let too_long = |s: &str| s.is_empty() || s.chars().count() > 120;
    if too_long(&row.kota) || row.kota.contains('/') || too_long(&row.name) || row.short_name.as_deref().is_some_and(too_long) {
        return Err((RowProblem::Names, "kota and name must be 1-120 characters (kota without '/')".into()));
    }
    if !is_valid_code(&row.code) {
        return Err((RowProblem::Code, format!("code {:?} must be 2-20 letters, digits or '-'", row.code)));
    }
    Ok(row)
}

/// What [`import_csv`] would do with each row of `input`, writing nothing: an
/// agency code not yet known in its kota is new; a known one keeping its names is
/// unchanged, otherwise changed; a row the import would refuse says why.
pub async fn preview_csv(db: &Db, input: &[u8]) -> DbResult<Vec<RowPreview>> {
    preview::classify(input, check_row, |row: AgencyRow| async move {
        let known = sqlx::query("SELECT name, short_name FROM agencies WHERE kota = $1 AND code = $2")
            .bind(&row.kota)
            .bind(&row.code)
            .fetch_optional(&db.pool)
            .await?;
        let Some(k) = known else { return Ok(RowWhat::New) };
        let (name, short): (String, Option<String>) = (k.try_get("name")?, k.try_get("short_name")?);
        Ok(if name == row.name && short.filter(|s| !s.is_empty()) == row.short_name { RowWhat::Unchanged } else { RowWhat::Changed })
    })
    .await
}

const COLUMNS: &str = "SELECT id, kota, code, name, short_name FROM agencies";

fn from_row(r: &AnyRow) -> DbResult<Agency> {
    Ok(Agency {
        id: r.try_get("id")?,
        kota: r.try_get("kota")?,
        code: r.try_get("code")?,
        name: r.try_get("name")?,
        short_name: r.try_get("short_name")?,
    })
}

/// Every agency, by kota then code.
pub async fn all(db: &Db) -> DbResult<Vec<Agency>> {
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!("{COLUMNS} ORDER BY kota, code"))).fetch_all(&db.pool).await?;
    rows.iter().map(from_row).collect()
}

/// The agencies of one kota, by code.
pub async fn of_kota(db: &Db, kota: &str) -> DbResult<Vec<Agency>> {
    let sql = format!("{COLUMNS} WHERE kota = $1 ORDER BY code");
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(kota).fetch_all(&db.pool).await?;
    rows.iter().map(from_row).collect()
}

pub async fn by_id(db: &Db, id: i64) -> DbResult<Option<Agency>> {
    let sql = format!("{COLUMNS} WHERE id = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(&db.pool).await?;
    row.as_ref().map(from_row).transpose()
}

/// Agencies with this code (case forgiven), in every kota: more than one only when
/// several kota share a deployment.
pub async fn by_code(db: &Db, code: &str) -> DbResult<Vec<Agency>> {
    let sql = format!("{COLUMNS} WHERE code = $1 ORDER BY kota");
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(normalize_code(code)).fetch_all(&db.pool).await?;
    rows.iter().map(from_row).collect()
}

/// Sets the agency suggested first for `category` in its kota, or only in the
/// kecamatan named `kecamatan` (`None`: the whole kota). A rule set again replaces
/// the old one.
pub async fn set_route(db: &Db, agency: &Agency, category: &str, kecamatan: Option<&str>, now: i64) -> DbResult<()> {
    sqlx::query(
        "INSERT INTO agency_routes (kota, category, kecamatan, agency_id, updated_at) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (kota, category, kecamatan) DO UPDATE SET agency_id = excluded.agency_id, updated_at = excluded.updated_at",
    )
    .bind(&agency.kota)
    .bind(category)
    .bind(kecamatan.unwrap_or(""))
    .bind(agency.id)
    .bind(now)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// Deletes the rule for `category` in `kota` (`kecamatan` empty: the kota-wide
/// rule); `false` when there was none (deleted meanwhile, or a forged form).
pub async fn delete_route(db: &Db, kota: &str, category: &str, kecamatan: &str) -> DbResult<bool> {
    let done = sqlx::query("DELETE FROM agency_routes WHERE kota = $1 AND category = $2 AND kecamatan = $3")
        .bind(kota)
        .bind(category)
        .bind(kecamatan)
        .execute(&db.pool)
        .await?;
    Ok(done.rows_affected() > 0)
}

/// One routing rule: in `kota` (and only `kecamatan`, when not empty), tickets of
/// `category` are suggested to `agency_id` first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    pub kota: String,
    pub kecamatan: String,
    pub category: String,
    pub agency_id: i64,
}

/// Every routing rule, by kota, category and kecamatan (for the console's *OPD & rute*).
pub async fn routes(db: &Db) -> DbResult<Vec<Route>> {
    let rows = sqlx::query("SELECT kota, kecamatan, category, agency_id FROM agency_routes ORDER BY kota, category, kecamatan")
        .fetch_all(&db.pool)
        .await?;
    rows.iter()
        .map(|r| Ok(Route { kota: r.try_get("kota")?, kecamatan: r.try_get("kecamatan")?, category: r.try_get("category")?, agency_id: r.try_get("agency_id")? }))
        .collect()
}

/// The agency routed for `category` at `area_path` (a KIM's kelurahan): the
/// kecamatan's own rule first, else the kota's.
pub async fn routed(db: &Db, category: &str, area_path: &str) -> DbResult<Option<i64>> {
    let row = sqlx::query(
        "SELECT agency_id FROM agency_routes WHERE kota = $1 AND category = $2 AND (kecamatan = $3 OR kecamatan = '') \
         ORDER BY kecamatan DESC LIMIT 1",
    )
    .bind(kota_of(area_path))
    .bind(category)
    .bind(kecamatan_of(area_path).unwrap_or(""))
    .fetch_optional(&db.pool)
    .await?;
    row.map(|r| Ok(r.try_get("agency_id")?)).transpose()
}

/// The agencies of the ticket's kota, the routed one first.
pub async fn choices(db: &Db, category: &str, area_path: &str) -> DbResult<Vec<Agency>> {
    let mut list = of_kota(db, kota_of(area_path)).await?;
    if let Some(first) = routed(db, category, area_path).await? {
        list.sort_by_key(|a| a.id != first);
    }
    Ok(list)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_checked_and_short_names_are_optional() {
        let csv = "kota,code,name\nKota A,pupr,Dinas Pekerjaan Umum\n";
        let rows = parse_rows(csv.as_bytes()).unwrap();
        assert_eq!((rows[0].code.as_str(), rows[0].short_name.as_deref()), ("PUPR", None));
        let bad = [
            "kota,code,name\nKota A,P U,Dinas\n",
            "kota,code,name\nKota A,PUPR,\n",
            "kota,code,name\nKota/A,PUPR,Dinas\n",
        ];
        for csv in bad {
            assert!(matches!(parse_rows(csv.as_bytes()), Err(AgencyImportError::BadRow { line: 2, .. })), "{csv}");
        }
    }

    #[test]
    fn the_shipped_palembang_file_parses() {
        let file = std::fs::File::open(concat!(env!("CARGO_MANIFEST_DIR"), "/data/opd-palembang.csv")).unwrap();
        let rows = parse_rows(file).unwrap();
        assert!(rows.len() >= 12 && rows.iter().any(|r| r.code == "PUPR"));
        assert!(rows.iter().all(|r| r.kota == "Kota Palembang"));
    }

    #[test]
    fn kota_and_kecamatan_come_from_the_path() {
        assert_eq!(kota_of("Kota P/Ilir Barat I/Bukit Lama"), "Kota P");
        assert_eq!(kecamatan_of("Kota P/Ilir Barat I/Bukit Lama"), Some("Ilir Barat I"));
        assert_eq!(kecamatan_of("Kota P"), None);
    }
}
