//! Areas and KIMs: lookup for the onboarding menus, and the CSV import used by
//! `kimbot areas import FILE` (the official list is loaded by [`super::official`]).

use std::io::Read;

use sqlx::Row;

use super::model::{Area, Kim, KimId};
use super::preview::{self, RowPreview, RowProblem, RowWhat};
use super::official::place_coded;
use super::wilayah::Official;
use crate::platform::db::{Db, DbError, DbResult};

const KIM_COLUMNS: &str = "SELECT k.id, k.code, k.name, k.kelurahan_id, a.path AS area_path \
     FROM kims k JOIN areas a ON a.id = k.kelurahan_id";

/// Normalises a typed KIM code: trimmed, upper case.
pub fn normalize_code(code: &str) -> String {
    code.trim().to_uppercase()
}

/// Whether a code can also travel in a `t.me/<bot>?start=<code>` deep link.
pub fn is_valid_code(code: &str) -> bool {
    (2..=20).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-')
}

pub async fn kim_by_code(db: &Db, code: &str) -> DbResult<Option<Kim>> {
    let sql = format!("{KIM_COLUMNS} WHERE k.code = $1 AND k.retired_at IS NULL");
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(normalize_code(code)).fetch_optional(&db.pool).await?)
}

/// A KIM by id, retired or not (what already names it keeps working).
pub async fn kim_by_id(db: &Db, id: KimId) -> DbResult<Option<Kim>> {
    let sql = format!("{KIM_COLUMNS} WHERE k.id = $1");
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(&db.pool).await?)
}

/// A KIM by id that may still be chosen (not retired): for a KIM button pressed.
pub async fn open_kim_by_id(db: &Db, id: KimId) -> DbResult<Option<Kim>> {
    let sql = format!("{KIM_COLUMNS} WHERE k.id = $1 AND k.retired_at IS NULL");
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(&db.pool).await?)
}

/// The retired KIMs with when, for the console's *KIM & wilayah*.
pub async fn retired_kims(db: &Db) -> DbResult<Vec<(Kim, i64)>> {
    use sqlx::FromRow;
    let sql = format!("{KIM_COLUMNS} WHERE k.retired_at IS NOT NULL ORDER BY a.path, k.code");
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql.replace("a.path AS area_path", "a.path AS area_path, k.retired_at"))).fetch_all(&db.pool).await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        out.push((Kim::from_row(&row)?, row.try_get("retired_at")?));
    }
    Ok(out)
}

pub async fn kims_in_kelurahan(db: &Db, kelurahan_id: i64) -> DbResult<Vec<Kim>> {
    let sql = format!("{KIM_COLUMNS} WHERE k.kelurahan_id = $1 AND k.retired_at IS NULL ORDER BY k.name");
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(kelurahan_id).fetch_all(&db.pool).await?)
}

/// Every KIM that may still be chosen (retired ones are left out).
pub async fn all_kims(db: &Db) -> DbResult<Vec<Kim>> {
    let sql = format!("{KIM_COLUMNS} WHERE k.retired_at IS NULL ORDER BY a.path, k.code");
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).fetch_all(&db.pool).await?)
}

/// Every KIM with its kelurahan's official code (`None` for hand-made areas), for
/// `kimbot areas list`.
pub async fn all_kims_with_codes(db: &Db) -> DbResult<Vec<(Kim, Option<String>)>> {
    use sqlx::FromRow;
    let rows = sqlx::query(
        "SELECT k.id, k.code, k.name, k.kelurahan_id, a.path AS area_path, a.code AS area_code \
         FROM kims k JOIN areas a ON a.id = k.kelurahan_id ORDER BY a.path, k.code",
    )
    .fetch_all(&db.pool)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        out.push((Kim::from_row(&row)?, row.try_get("area_code")?));
    }
    Ok(out)
}

/// Every area as (official code, kind, path), in path order, for `kimbot areas list --areas`.
pub async fn all_areas_with_codes(db: &Db) -> DbResult<Vec<(Option<String>, String, String)>> {
    let rows = sqlx::query("SELECT code, kind, path FROM areas ORDER BY path").fetch_all(&db.pool).await?;
    rows.iter().map(|r| Ok((r.try_get("code")?, r.try_get("kind")?, r.try_get("path")?))).collect()
}

pub async fn kims_by_ids(db: &Db, ids: &[KimId]) -> DbResult<Vec<Kim>> {
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        out.extend(kim_by_id(db, *id).await?);
    }
    Ok(out)
}

/// A KIM's own time zone name, when it has one (`NULL`: the configured zone applies).
pub async fn kim_zone(db: &Db, kim_id: KimId) -> DbResult<Option<String>> {
    let row = sqlx::query("SELECT tz FROM kims WHERE id = $1").bind(kim_id).fetch_optional(&db.pool).await?;
    Ok(row.map(|r| r.try_get::<Option<String>, _>("tz")).transpose()?.flatten())
}

pub async fn area_by_id(db: &Db, id: i64) -> DbResult<Option<Area>> {
    Ok(sqlx::query_as("SELECT id, kind, name, parent_id, path FROM areas WHERE id = $1")
        .bind(id)
        .fetch_optional(&db.pool)
        .await?)
}

/// Every area, any level, by path.
pub async fn all(db: &Db) -> DbResult<Vec<Area>> {
    Ok(sqlx::query_as("SELECT id, kind, name, parent_id, path FROM areas ORDER BY path").fetch_all(&db.pool).await?)
}

/// Areas (any level) whose name or path matches, case-insensitively; for `--area`.
pub async fn areas_named(db: &Db, name: &str) -> DbResult<Vec<Area>> {
    let all = all(db).await?;
    let wanted = name.trim().to_lowercase();
    Ok(all.into_iter().filter(|a| a.name.to_lowercase() == wanted || a.path.to_lowercase() == wanted).collect())
}

/// The area with this exact path.
pub async fn area_by_path(db: &Db, path: &str) -> DbResult<Option<Area>> {
    Ok(sqlx::query_as("SELECT id, kind, name, parent_id, path FROM areas WHERE path = $1")
        .bind(path)
        .fetch_optional(&db.pool)
        .await?)
}

/// Children of an area, or the top-level areas when `parent` is `None`.
pub async fn children(db: &Db, parent: Option<i64>) -> DbResult<Vec<Area>> {
    let query = match parent {
        Some(id) => sqlx::query_as(
            "SELECT id, kind, name, parent_id, path FROM areas WHERE parent_id = $1 ORDER BY name",
        )
        .bind(id),
        None => sqlx::query_as(
            "SELECT id, kind, name, parent_id, path FROM areas WHERE parent_id IS NULL ORDER BY name",
        ),
    };
    Ok(query.fetch_all(&db.pool).await?)
}

/// Areas (kota or kecamatan) whose name or full path matches, case-insensitively.
pub async fn find_scope_areas(db: &Db, name: &str) -> DbResult<Vec<Area>> {
    let all: Vec<Area> = sqlx::query_as(
        "SELECT id, kind, name, parent_id, path FROM areas WHERE kind <> 'kelurahan' ORDER BY path",
    )
    .fetch_all(&db.pool)
    .await?;
    let wanted = name.trim().to_lowercase();
    Ok(all
        .into_iter()
        .filter(|a| a.name.to_lowercase() == wanted || a.path.to_lowercase() == wanted)
        .collect())
}

/// A KIM code that exists, for "for example …" in prompts (the first one loaded;
/// empty with no KIMs yet).
pub async fn example_code(db: &Db) -> DbResult<String> {
    let row = sqlx::query("SELECT code FROM kims WHERE retired_at IS NULL ORDER BY id LIMIT 1").fetch_optional(&db.pool).await?;
    Ok(row.map(|r| r.try_get("code")).transpose()?.unwrap_or_default())
}

pub async fn count_kims(db: &Db) -> DbResult<i64> {
    Ok(sqlx::query("SELECT COUNT(*) AS n FROM kims WHERE retired_at IS NULL").fetch_one(&db.pool).await?.try_get("n")?)
}

/// Why an areas CSV was refused; nothing is written when any row is bad.
/// What became of adding a KIM from the console.
#[derive(Debug, Clone, PartialEq)]
pub enum KimAdded {
    Added(Kim),
    /// Another KIM already has this code.
    CodeTaken,
    /// Not a code residents could type, or an unusable name.
    Invalid,
    /// No such kelurahan.
    NoKelurahan,
}

/// Adds a KIM to a kelurahan (the console's *KIM & wilayah*); `/start` offers it at once.
pub async fn add_kim(db: &Db, code: &str, name: &str, kelurahan_id: i64) -> DbResult<KimAdded> {
    let (code, name) = (normalize_code(code), name.trim());
    if !is_valid_code(&code) || name.is_empty() || name.chars().count() > 100 || name.contains('/') {
        return Ok(KimAdded::Invalid);
    }
    if area_by_id(db, kelurahan_id).await?.is_none_or(|a| a.kind != "kelurahan") {
        return Ok(KimAdded::NoKelurahan);
    }
    let inserted = sqlx::query("INSERT INTO kims (code, name, kelurahan_id) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING")
        .bind(&code)
        .bind(name)
        .bind(kelurahan_id)
        .execute(&db.pool)
        .await?;
    if inserted.rows_affected() == 0 {
        return Ok(KimAdded::CodeTaken);
    }
    Ok(kim_by_code(db, &code).await?.map_or(KimAdded::CodeTaken, KimAdded::Added))
}

/// Renames a KIM and/or moves it to another kelurahan; `false` when the KIM, the
/// kelurahan or the name is not usable.
pub async fn update_kim(db: &Db, id: KimId, name: &str, kelurahan_id: i64) -> DbResult<bool> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 100 || name.contains('/') {
        return Ok(false);
    }
    if area_by_id(db, kelurahan_id).await?.is_none_or(|a| a.kind != "kelurahan") {
        return Ok(false);
    }
    let done = sqlx::query("UPDATE kims SET name = $1, kelurahan_id = $2 WHERE id = $3")
        .bind(name)
        .bind(kelurahan_id)
        .bind(id)
        .execute(&db.pool)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Per KIM: residents, active groups and active coordinators (for the console's tree).
pub async fn kim_counts(db: &Db) -> DbResult<std::collections::HashMap<KimId, (i64, i64, i64)>> {
    use sqlx::Row;
    let mut out: std::collections::HashMap<KimId, (i64, i64, i64)> = std::collections::HashMap::new();
    let queries: [&'static str; 3] = [
        "SELECT kim_id, COUNT(*) AS n FROM users WHERE kim_id IS NOT NULL GROUP BY kim_id",
        "SELECT kim_id, COUNT(*) AS n FROM tg_groups WHERE kim_id IS NOT NULL AND status = 'active' GROUP BY kim_id",
        "SELECT kim_id, COUNT(DISTINCT user_id) AS n FROM grants WHERE kim_id IS NOT NULL AND revoked_at IS NULL AND role = 'coordinator' GROUP BY kim_id",
    ];
    for (i, sql) in queries.into_iter().enumerate() {
        for row in sqlx::query(sql).fetch_all(&db.pool).await? {
            let entry = out.entry(row.try_get("kim_id")?).or_default();
            let n: i64 = row.try_get("n")?;
            match i {
                0 => entry.0 = n,
                1 => entry.1 = n,
                _ => entry.2 = n,
            }
        }
    }
    Ok(out)
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("line {line}: {reason}")]
    BadRow { line: u64, reason: String },
    #[error("CSV: {0}")]
    Csv(#[from] csv::Error),
    #[error(transparent)]
    Wilayah(#[from] super::wilayah::WilayahError),
    #[error(transparent)]
    Db(#[from] DbError),
}

/// One row of `kota,kecamatan,kelurahan,kim_code,kim_name[,kode_wilayah]`.
#[derive(Debug, serde::Deserialize)]
struct AreaRow {
    kota: String,
    kecamatan: String,
    kelurahan: String,
    kim_code: String,
    kim_name: String,
    /// The kelurahan's official code (`16.71.04.1001`); its kecamatan's and kota's
    /// codes are its first parts. Optional column, and optional per row.
    #[serde(default)]
    kode_wilayah: Option<String>,
}

/// What an import changed.
#[derive(Debug, Default, PartialEq)]
pub struct ImportSummary {
    pub rows: u64,
    pub kims: u64,
}

/// Loads areas and KIMs from CSV in one transaction. Re-importing the same file is a
/// no-op; a KIM code seen again updates that KIM's name and kelurahan.
#[tracing::instrument(skip_all)]
pub async fn import_csv(db: &Db, input: impl Read) -> Result<ImportSummary, ImportError> {
    let rows = parse_rows(input)?;
    let mut tx = db.begin().await?;
    let mut summary = ImportSummary::default();
    for row in &rows {
        let kel = match &row.kode_wilayah {
            Some(code) => place_row_coded(&mut tx, row, code).await?,
            None => {
                let kota = upsert_area(&mut tx, "kota", &row.kota, None, row.kota.clone()).await?;
                let kec_path = format!("{}/{}", row.kota, row.kecamatan);
                let kec = upsert_area(&mut tx, "kecamatan", &row.kecamatan, Some(kota), kec_path.clone()).await?;
                let kel_path = format!("{kec_path}/{}", row.kelurahan);
                upsert_area(&mut tx, "kelurahan", &row.kelurahan, Some(kec), kel_path).await?
            }
        };
        sqlx::query(
            "INSERT INTO kims (code, name, kelurahan_id) VALUES ($1, $2, $3) \
             ON CONFLICT (code) DO UPDATE SET name = excluded.name, kelurahan_id = excluded.kelurahan_id",
        )
        .bind(&row.kim_code)
        .bind(&row.kim_name)
        .bind(kel)
        .execute(&mut *tx)
        .await
        .map_err(DbError::from)?;
        summary.rows += 1;
        summary.kims += 1;
    }
    tx.commit().await.map_err(DbError::from)?;
    Ok(summary)
}

fn parse_rows(input: impl Read) -> Result<Vec<AreaRow>, ImportError> {
    let mut reader = csv::ReaderBuilder::new().trim(csv::Trim::All).from_reader(input);
    let mut rows = Vec::new();
    for (i, record) in reader.deserialize::<AreaRow>().enumerate() {
        let line = i as u64 + 2;
        let row = record.map_err(|e| ImportError::BadRow { line, reason: e.to_string() })?;
        rows.push(check_row(row).map_err(|(_, reason)| ImportError::BadRow { line, reason })?);
    }
    Ok(rows)
}

/// One row normalised and checked as the import takes it, or why it cannot be.
fn check_row(mut row: AreaRow) -> Result<AreaRow, (RowProblem, String)> {
    row.kim_code = normalize_code(&row.kim_code);
    let fields = [&row.kota, &row.kecamatan, &row.kelurahan, &row.kim_name];
    if fields.iter().any(|f| f.is_empty() || f.contains('/') || f.len() > 100) {
        return Err((RowProblem::Names, "kota, kecamatan, kelurahan and kim_name must be 1-100 characters without '/'".into()));
    }
    row.kode_wilayah = row.kode_wilayah.map(|c| c.trim().to_string()).filter(|c| !c.is_empty());
    if let Some(code) = row.kode_wilayah.as_deref().filter(|c| !super::wilayah::is_code(c, 4)) {
        return Err((RowProblem::AreaCode, format!("kode_wilayah {code:?} must be a kelurahan code such as 16.71.04.1001")));
    }
    if !is_valid_code(&row.kim_code) {
        return Err((RowProblem::Code, format!("kim_code {:?} must be 2-20 letters, digits or '-'", row.kim_code)));
    }
    Ok(row)
}

/// What [`import_csv`] would do with each row of `input`, writing nothing: a KIM
/// code not yet known is new; a known one keeping its name and kelurahan is
/// unchanged, otherwise changed; a row the import would refuse says why.
pub async fn preview_csv(db: &Db, input: &[u8]) -> DbResult<Vec<RowPreview>> {
    preview::classify(input, check_row, |row: AreaRow| async move {
        let known = sqlx::query("SELECT k.name, a.name AS kelurahan, a.path FROM kims k JOIN areas a ON a.id = k.kelurahan_id WHERE k.code = $1")
            .bind(&row.kim_code)
            .fetch_optional(&db.pool)
            .await?;
        let Some(k) = known else { return Ok(RowWhat::New) };
        let (name, kelurahan, path): (String, String, String) = (k.try_get("name")?, k.try_get("kelurahan")?, k.try_get("path")?);
        let same_place = match row.kode_wilayah {
            Some(_) => kelurahan == row.kelurahan,
            None => path == format!("{}/{}/{}", row.kota, row.kecamatan, row.kelurahan),
        };
        Ok(if name == row.kim_name && same_place { RowWhat::Unchanged } else { RowWhat::Changed })
    })
    .await
}

/// A row's kota, kecamatan and kelurahan placed by their codes (found again by code
/// on a re-import, or after an official import of the same place).
async fn place_row_coded(tx: &mut sqlx::Transaction<'_, sqlx::Any>, row: &AreaRow, code: &str) -> Result<i64, DbError> {
    let official = |len: usize, name: &str| Official { code: code[..len].to_string(), name: name.to_string() };
    let (kota, _) = place_coded(tx, "kota", &official(5, &row.kota), None).await?;
    let (kec, _) = place_coded(tx, "kecamatan", &official(8, &row.kecamatan), Some(&kota)).await?;
    let (kel, _) = place_coded(tx, "kelurahan", &official(code.len(), &row.kelurahan), Some(&kec)).await?;
    Ok(kel.id)
}

async fn upsert_area(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    kind: &str,
    name: &str,
    parent: Option<i64>,
    path: String,
) -> Result<i64, DbError> {
    sqlx::query("INSERT INTO areas (kind, name, parent_id, path) VALUES ($1, $2, $3, $4) ON CONFLICT (path) DO NOTHING")
        .bind(kind)
        .bind(name)
        .bind(parent)
        .bind(&path)
        .execute(&mut **tx)
        .await?;
    let row = sqlx::query("SELECT id FROM areas WHERE path = $1").bind(&path).fetch_one(&mut **tx).await?;
    Ok(row.try_get("id")?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_normalised_and_checked() {
        assert_eq!(normalize_code("  ib1-bl "), "IB1-BL");
        for (code, ok) in [("IB1-BL", true), ("K", false), ("KIM 01", false), ("KIM_01", false)] {
            assert_eq!(is_valid_code(code), ok, "{code}");
        }
    }

    #[test]
    fn bad_rows_name_their_line() {
        let csv = "kota,kecamatan,kelurahan,kim_code,kim_name\nA,B,C,K1,KIM C\nA,B,,K2,KIM D\n";
        match parse_rows(csv.as_bytes()) {
            Err(ImportError::BadRow { line: 3, .. }) => {}
            other => panic!("{other:?}"),
        }
        let bad_code = "kota,kecamatan,kelurahan,kim_code,kim_name\nA,B,C,K 1,KIM C\n";
        assert!(matches!(parse_rows(bad_code.as_bytes()), Err(ImportError::BadRow { line: 2, .. })));
    }

    #[test]
    fn the_code_column_is_optional_per_file_and_per_row() {
        let csv = "kota,kecamatan,kelurahan,kim_code,kim_name,kode_wilayah\nA,B,C,K1,KIM C,16.71.04.1001\nA,B,D,K2,KIM D,\n";
        let rows = parse_rows(csv.as_bytes()).unwrap();
        assert_eq!(rows[0].kode_wilayah.as_deref(), Some("16.71.04.1001"));
        assert_eq!(rows[1].kode_wilayah, None);
        let bad = "kota,kecamatan,kelurahan,kim_code,kim_name,kode_wilayah\nA,B,C,K1,KIM C,16.71.04\n";
        assert!(matches!(parse_rows(bad.as_bytes()), Err(ImportError::BadRow { line: 2, .. })));
    }

    #[test]
    fn the_shipped_example_file_parses() {
        let file = std::fs::File::open(concat!(env!("CARGO_MANIFEST_DIR"), "/data/areas-palembang.csv")).unwrap();
        let rows = parse_rows(file).unwrap();
        assert_eq!(rows.len(), 13);
    }
}
