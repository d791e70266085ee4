//! CSV files uploaded on a console page, kept server-side under a random token
//! between the preview and the import, so "Impor" applies exactly the file that was
//! previewed (never one typed or posted again), once; then the row report stays for
//! the page to show again on reload. Rows live a day.

use sqlx::Row;

use super::preview::RowPreview;
use crate::platform::db::{Db, DbError, DbResult};

/// How long an upload is kept.
const KEEP_SECS: i64 = 86_400;

/// One upload.
#[derive(Debug, Clone, PartialEq)]
pub struct Upload {
    pub token: String,
    /// `areas` or `agencies`.
    pub kind: String,
    pub body: String,
    /// The report of the import, once applied.
    pub report: Option<Vec<RowPreview>>,
}

/// Keeps a file; returns its token. Drops uploads older than a day.
pub async fn save(db: &Db, kind: &str, body: &str, now: i64) -> DbResult<String> {
    sqlx::query("DELETE FROM console_uploads WHERE created_at < $1").bind(now - KEEP_SECS).execute(&db.pool).await?;
    let token = hex::encode(rand::random::<[u8; 16]>());
    sqlx::query("INSERT INTO console_uploads (token, kind, created_at, body) VALUES ($1, $2, $3, $4)")
        .bind(&token)
        .bind(kind)
        .bind(now)
        .bind(body)
        .execute(&db.pool)
        .await?;
    Ok(token)
}

/// An upload younger than a day.
pub async fn get(db: &Db, token: &str, now: i64) -> DbResult<Option<Upload>> {
    let row = sqlx::query("SELECT token, kind, body, report FROM console_uploads WHERE token = $1 AND created_at >= $2")
        .bind(token)
        .bind(now - KEEP_SECS)
        .fetch_optional(&db.pool)
        .await?;
    let Some(row) = row else { return Ok(None) };
    let report: Option<String> = row.try_get("report")?;
    let report = report.map(|r| serde_json::from_str(&r)).transpose().map_err(|e| DbError::Corrupt(format!("upload report: {e}")))?;
    Ok(Some(Upload { token: row.try_get("token")?, kind: row.try_get("kind")?, body: row.try_get("body")?, report }))
}

/// Claims an upload for its import: `true` for exactly one caller, so a repeated
/// "Impor" imports nothing twice.
pub async fn claim(db: &Db, token: &str, now: i64) -> DbResult<bool> {
    let done = sqlx::query("UPDATE console_uploads SET applied_at = $1 WHERE token = $2 AND applied_at IS NULL")
        .bind(now)
        .bind(token)
        .execute(&db.pool)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Records the report of an import (or undoes the claim when it failed, so the
/// page offers it again).
pub async fn finish(db: &Db, token: &str, report: Option<&[RowPreview]>) -> DbResult<()> {
    match report {
        Some(rows) => {
            let json = serde_json::to_string(rows).map_err(|e| DbError::Corrupt(format!("upload report: {e}")))?;
            sqlx::query("UPDATE console_uploads SET report = $1 WHERE token = $2").bind(json).bind(token).execute(&db.pool).await?;
        }
        None => {
            sqlx::query("UPDATE console_uploads SET applied_at = NULL WHERE token = $1").bind(token).execute(&db.pool).await?;
        }
    }
    Ok(())
}
