//! Areas and KIMs: lookup for the onboarding menus, and the CSV import used by
//! `kimbot areas import`.

use std::io::Read;

use sqlx::Row;

use super::model::{Area, Kim};
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
    let sql = format!("{KIM_COLUMNS} WHERE k.code = $1");
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(normalize_code(code)).fetch_optional(&db.pool).await?)
}

pub async fn kim_by_id(db: &Db, id: i64) -> DbResult<Option<Kim>> {
    let sql = format!("{KIM_COLUMNS} WHERE k.id = $1");
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(&db.pool).await?)
}

pub async fn kims_in_kelurahan(db: &Db, kelurahan_id: i64) -> DbResult<Vec<Kim>> {
    let sql = format!("{KIM_COLUMNS} WHERE k.kelurahan_id = $1 ORDER BY k.name");
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(kelurahan_id).fetch_all(&db.pool).await?)
}

pub async fn all_kims(db: &Db) -> DbResult<Vec<Kim>> {
    let sql = format!("{KIM_COLUMNS} ORDER BY a.path, k.code");
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).fetch_all(&db.pool).await?)
}

pub async fn kims_by_ids(db: &Db, ids: &[i64]) -> DbResult<Vec<Kim>> {
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        out.extend(kim_by_id(db, *id).await?);
    }
    Ok(out)
}

/// A KIM's own time zone name, when it has one (`NULL`: the configured zone applies).
pub async fn kim_zone(db: &Db, kim_id: i64) -> DbResult<Option<String>> {
    let row = sqlx::query("SELECT tz FROM kims WHERE id = $1").bind(kim_id).fetch_optional(&db.pool).await?;
    Ok(row.map(|r| r.try_get::<Option<String>, _>("tz")).transpose()?.flatten())
}

pub async fn area_by_id(db: &Db, id: i64) -> DbResult<Option<Area>> {
    Ok(sqlx::query_as("SELECT id, kind, name, parent_id, path FROM areas WHERE id = $1")
        .bind(id)
        .fetch_optional(&db.pool)
        .await?)
}

/// Areas (any level) whose name or path matches, case-insensitively; for `--area`.
pub async fn areas_named(db: &Db, name: &str) -> DbResult<Vec<Area>> {
    let all: Vec<Area> = sqlx::query_as("SELECT id, kind, name, parent_id, path FROM areas ORDER BY path")
        .fetch_all(&db.pool)
        .await?;
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
    let row = sqlx::query("SELECT code FROM kims ORDER BY id LIMIT 1").fetch_optional(&db.pool).await?;
    Ok(row.map(|r| r.try_get("code")).transpose()?.unwrap_or_default())
}

pub async fn count_kims(db: &Db) -> DbResult<i64> {
    Ok(sqlx::query("SELECT COUNT(*) AS n FROM kims").fetch_one(&db.pool).await?.try_get("n")?)
}

/// Why an areas CSV was refused; nothing is written when any row is bad.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("line {line}: {reason}")]
    BadRow { line: u64, reason: String },
    #[error("CSV: {0}")]
    Csv(#[from] csv::Error),
    #[error(transparent)]
    Db(#[from] DbError),
}

/// One row of `kota,kecamatan,kelurahan,kim_code,kim_name`.
#[derive(Debug, serde::Deserialize)]
struct AreaRow {
    kota: String,
    kecamatan: String,
    kelurahan: String,
    kim_code: String,
    kim_name: String,
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
        let kota = upsert_area(&mut tx, "kota", &row.kota, None, row.kota.clone()).await?;
        let kec_path = format!("{}/{}", row.kota, row.kecamatan);
        let kec = upsert_area(&mut tx, "kecamatan", &row.kecamatan, Some(kota), kec_path.clone()).await?;
        let kel_path = format!("{kec_path}/{}", row.kelurahan);
        let kel = upsert_area(&mut tx, "kelurahan", &row.kelurahan, Some(kec), kel_path).await?;
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
        let mut row = record.map_err(|e| ImportError::BadRow { line, reason: e.to_string() })?;
        row.kim_code = normalize_code(&row.kim_code);
        let fields = [&row.kota, &row.kecamatan, &row.kelurahan, &row.kim_name];
        if fields.iter().any(|f| f.is_empty() || f.contains('/') || f.len() > 100) {
            let reason = "kota, kecamatan, kelurahan and kim_name must be 1-100 characters without '/'".into();
            return Err(ImportError::BadRow { line, reason });
        }
        if !is_valid_code(&row.kim_code) {
            let reason = format!("kim_code {:?} must be 2-20 letters, digits or '-'", row.kim_code);
            return Err(ImportError::BadRow { line, reason });
        }
        rows.push(row);
    }
    Ok(rows)
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
    fn the_shipped_example_file_parses() {
        let file = std::fs::File::open(concat!(env!("CARGO_MANIFEST_DIR"), "/data/areas-palembang.csv")).unwrap();
        let rows = parse_rows(file).unwrap();
        assert_eq!(rows.len(), 13);
    }
}
