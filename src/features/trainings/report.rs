//! The training attendance export: registered people in arrival order, then the
//! waitlist, with attendance as marked by the coordinator; one sheet, CSV + XLSX.

use std::path::Path;
use std::sync::Arc;

use chrono_tz::Tz;
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::platform::db::{Db, DbError};
use crate::platform::export::table::{self, TableExport};
use crate::platform::export::xlsx::Cell;
use crate::platform::export::{ExportError, Progress, local, names};
use crate::platform::i18n::{Lang, t};

/// How many rows [`export_attendance`] will write.
pub async fn count_attendance(db: &Db, training_id: i64) -> Result<u64, ExportError> {
    let row = sqlx::query("SELECT COUNT(*) AS n FROM training_registrations WHERE training_id = $1 AND status <> 'cancelled'")
        .bind(training_id)
        .fetch_one(&db.pool)
        .await?;
    Ok(row.try_get::<i64, _>("n")?.max(0) as u64)
}

const ATTENDANCE_SQL: &str = "SELECT r.seq, r.status, r.attended, r.created_at, r.user_id, u.first_name, u.username \
     FROM training_registrations r LEFT JOIN users u ON u.id = r.user_id \
     WHERE r.training_id = $1 AND r.status <> 'cancelled' \
     ORDER BY CASE r.status WHEN 'registered' THEN 0 ELSE 1 END, r.seq";

/// `kehadiran-<title>-<start date>.xlsx` and `…-titikkoma.csv`: registered people
/// in arrival order, then the waitlist; attendance as marked by the coordinator.
pub async fn export_attendance(db: &Db, training_id: i64, lang: Lang, tz: Tz, dir: &Path, progress: Arc<Progress>) -> Result<TableExport, ExportError> {
    let rows = sqlx::query(ATTENDANCE_SQL).bind(training_id).fetch(&db.pool);
    let header = ["no", "name", "username", "tgid", "status", "attended", "registered"]
        .iter()
        .map(|k| Cell::Text(t(lang, &format!("rep-att-{k}"))))
        .collect();
    let counter = std::sync::atomic::AtomicI64::new(0);
    let decode = move |r: &AnyRow| attendance_cells(r, &counter, lang, tz);
    let stem = attendance_stem(db, training_id, tz).await?;
    table::write(rows, decode, header, &t(lang, "rep-sheet-attendance"), dir, &stem, progress).await
}

/// `kehadiran-foto-produk-2026-12-14`: the training's title and its first day in
/// its own zone (or `tz`), so a coordinator's folder tells the sessions apart.
pub async fn attendance_stem(db: &Db, training_id: i64, tz: Tz) -> Result<String, ExportError> {
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
