//! `kimbot bench export --rows N`: seeds N aspirations (with status history) into a
//! temporary SQLite database in batched transactions, then exports them as the
//! office would (XLSX + CSV + chart, whole city, one year), printing the seeding
//! and export times and the peak memory of each phase (VmHWM from /proc).

use std::sync::Arc;
use std::time::Instant;

use chrono::NaiveDate;
use sqlx::Row;

use super::{self as aspirations, AspSpec};
use crate::platform::export::period::Period;
use super::query::AspFilter;
use crate::platform::export::{ExportError, Progress};
use crate::platform::config::Backend;
use crate::platform::db::Db;
use crate::platform::i18n::Lang;

/// Rows per multi-row INSERT, and per transaction.
const BATCH: u64 = 500;
const PER_TX: u64 = 20_000;
const YEAR_START: i64 = 1_767_200_400; // 2026-01-01 00:00 WIB
const YEAR_SECONDS: i64 = 365 * 86_400;
static AREAS: &[u8] = include_bytes!("../../../../data/areas-palembang.csv");

pub async fn run(rows: u64, keep: Option<&std::path::Path>) -> Result<(), ExportError> {
    let (scratch, db) = Scratch::open(keep).await?;
    let out_dir = scratch.out_dir();
    let started = Instant::now();
    seed(&db, rows).await?;
    println!("seeded {rows} aspirations in {:.1} s (peak RSS so far {} kB)", started.elapsed().as_secs_f64(), peak_kb());
    let db = scratch.reopen(db, "the export").await?;
    let tz: chrono_tz::Tz = "Asia/Jakarta".parse().unwrap_or(chrono_tz::Asia::Jakarta);
    let period = Period { from: date(2026, 1, 1), to: date(2026, 12, 31) };
    let (from, to) = period.bounds(tz);
    let spec = AspSpec {
        filter: AspFilter { from, to, area_path: None, show_names: true },
        period,
        area_label: "bench".into(),
        lang: Lang::Id,
        tz,
    };
    let started = Instant::now();
    let out = aspirations::export(&db, &spec, out_dir, Arc::new(Progress::default())).await?;
    let secs = started.elapsed().as_secs_f64();
    let size = |p: &std::path::Path| std::fs::metadata(p).map(|m| m.len() / 1024).unwrap_or(0);
    println!(
        "exported {} rows in {secs:.1} s ({:.0} rows/s): xlsx {} kB, csv {} kB, chart {} kB; peak RSS during export {} kB",
        out.rows,
        out.rows as f64 / secs,
        size(&out.xlsx),
        size(&out.csv),
        size(&out.chart),
        peak_kb()
    );
    db.close().await;
    Ok(())
}

/// The benches' temporary SQLite database (migrated, Palembang's areas imported) and
/// the folder their files go to (`--keep` or the temporary one).
pub(super) struct Scratch {
    dir: tempfile::TempDir,
    keep: Option<std::path::PathBuf>,
    url: String,
}

impl Scratch {
    pub(super) async fn open(keep: Option<&std::path::Path>) -> Result<(Scratch, Db), ExportError> {
        let dir = tempfile::tempdir()?;
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("bench.db").display());
        let scratch = Scratch { dir, keep: keep.map(std::path::Path::to_path_buf), url };
        std::fs::create_dir_all(scratch.out_dir())?;
        let db = Db::connect(&scratch.url, Backend::Sqlite).await?;
        db.migrate().await?;
        crate::kernel::members::areas::import_csv(&db, AREAS).await.map_err(|e| ExportError::Writer(e.to_string()))?;
        Ok((scratch, db))
    }

    pub(super) fn out_dir(&self) -> &std::path::Path {
        self.keep.as_deref().unwrap_or(self.dir.path())
    }

    /// Measures on a fresh pool, as a running bot would: the seeding's connections
    /// and the memory they held are not `what`'s. Resets the peak after.
    pub(super) async fn reopen(&self, seeded: Db, what: &str) -> Result<Db, ExportError> {
        seeded.close().await;
        let db = Db::connect(&self.url, Backend::Sqlite).await?;
        crate::platform::memory::release_free();
        println!("before {what}: RSS {} kB", rss_kb());
        reset_peak();
        Ok(db)
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// Inserts `rows` aspirations spread over 2026 and all KIMs, each with its
/// submission log row; every second one was forwarded a day later, every fourth
/// closed three days later.
pub(super) async fn seed(db: &Db, rows: u64) -> Result<(), ExportError> {
    let kims: Vec<i64> = sqlx::query("SELECT id FROM kims ORDER BY id")
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(|r| r.try_get("id"))
        .collect::<Result<_, _>>()?;
    sqlx::query("INSERT INTO users (id, first_name, language, created_at, updated_at) VALUES (1, 'Warga Uji', 'id', 0, 0)")
        .execute(&db.pool)
        .await?;
    let mut next = 1;
    while next <= rows {
        let mut tx = db.begin().await?;
        let end = (next + PER_TX).min(rows + 1);
        while next < end {
            let upto = (next + BATCH).min(end);
            // Each batch is a different statement: not kept in the connection's cache.
            sqlx::query(sqlx::AssertSqlSafe(aspirations_sql(next, upto, &kims))).persistent(false).execute(&mut *tx).await?;
            sqlx::query(sqlx::AssertSqlSafe(log_sql(next, upto))).persistent(false).execute(&mut *tx).await?;
            next = upto;
        }
        tx.commit().await?;
    }
    Ok(())
}

fn created(i: u64) -> i64 {
    YEAR_START + (i as i64 * 7919) % (YEAR_SECONDS - 5 * 86_400)
}

const CATEGORIES: [&str; 9] =
    ["infrastruktur", "ekonomi", "pelatihan", "kesehatan", "pendidikan", "lingkungan", "keamanan", "layanan", "lainnya"];

fn status(i: u64) -> &'static str {
    if i.is_multiple_of(4) { "selesai" } else if i.is_multiple_of(2) { "diteruskan" } else { "diterima" }
}

fn aspirations_sql(from: u64, to: u64, kims: &[i64]) -> String {
    let mut sql = String::from(
        "INSERT INTO aspirations (id, ticket, year, seq, user_id, kim_id, category, body, anonymous, status, created_at, updated_at) VALUES ",
    );
    for i in from..to {
        let kim = kims[i as usize % kims.len()];
        let cat = CATEGORIES[(i % 9) as usize];
        let at = created(i);
        let sep = if i + 1 < to { "," } else { "" };
        sql.push_str(&format!(
            "({i}, 'ASP-2026-{i:07}', 2026, {i}, 1, {kim}, '{cat}', 'Jalan di depan rumah nomor {i} berlubang dan tergenang air saat hujan.', {}, '{}', {at}, {at}){sep}",
            (i % 3 == 0) as u8,
            status(i),
        ));
    }
    sql
}

fn log_sql(from: u64, to: u64) -> String {
    let mut values = Vec::new();
    for i in from..to {
        let at = created(i);
        values.push(format!("({i}, NULL, 'diterima', NULL, 1, {at})"));
        if i % 2 == 0 {
            values.push(format!("({i}, 'diterima', 'diteruskan', 'Diteruskan ke dinas', 2, {})", at + 86_400));
        }
        if i % 4 == 0 {
            values.push(format!("({i}, 'diteruskan', 'selesai', 'Sudah diperbaiki', 2, {})", at + 3 * 86_400));
        }
    }
    format!("INSERT INTO aspiration_status_log (aspiration_id, from_status, to_status, note, actor, at) VALUES {}", values.join(","))
}

/// Peak resident set size of this process so far, in kB (0 where /proc is missing).
pub fn peak_kb() -> u64 {
    status_kb("VmHWM:")
}

/// Resident set size now, in kB.
pub fn rss_kb() -> u64 {
    status_kb("VmRSS:")
}

fn status_kb(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// Resets VmHWM (Linux: writing 5 to clear_refs) so the export's peak is its own.
pub(super) fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}
