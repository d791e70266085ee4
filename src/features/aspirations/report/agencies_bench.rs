//! `kimbot bench agencies --rows N`: seeds N aspirations as `bench export` does,
//! sends every one of them to one of the Palembang agencies (open, accepted, done
//! with a rating, returned, in turn), then writes the agency report ("Kinerja OPD")
//! over the whole city and year as the office would, printing the time and the peak
//! memory of the report alone (VmHWM reset before it).

use std::sync::Arc;
use std::time::Instant;

use chrono::NaiveDate;
use sqlx::Row;

use super::bench::{Scratch, peak_kb, seed};
use crate::platform::config::SlaConfig;
use crate::platform::db::Db;
use crate::platform::export::kinds::PeriodRequest;
use crate::platform::export::period::Period;
use crate::platform::export::{ExportError, Progress};
use crate::platform::i18n::Lang;

static AGENCIES: &[u8] = include_bytes!("../../../../data/opd-palembang.csv");
/// Rows per multi-row INSERT.
const BATCH: u64 = 500;
const DAY: i64 = 86_400;

pub async fn run(rows: u64, keep: Option<&std::path::Path>) -> Result<(), ExportError> {
    let (scratch, db) = Scratch::open(keep).await?;
    let out_dir = scratch.out_dir();
    crate::kernel::members::agencies::import_csv(&db, AGENCIES, 0).await.map_err(|e| ExportError::Writer(e.to_string()))?;
    let started = Instant::now();
    seed(&db, rows).await?;
    dispose_all(&db).await?;
    println!("seeded {rows} aspirations, each sent to an agency, in {:.1} s", started.elapsed().as_secs_f64());
    let db = scratch.reopen(db, "the report").await?;
    let tz = chrono_tz::Asia::Jakarta;
    let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap_or_default();
    let request = PeriodRequest {
        period: Period { from: day(1, 1), to: day(12, 31) },
        area_path: None,
        area_label: "bench".into(),
        lang: Lang::Id,
        tz,
        now: 1_798_736_400, // 2027-01-01 WIB
        sla: SlaConfig::default(),
    };
    let started = Instant::now();
    let out = super::agencies_export::export(&db, &request, out_dir, Arc::new(Progress::default())).await?;
    let secs = started.elapsed().as_secs_f64();
    println!(
        "agency report over {} dispositions in {secs:.2} s ({:.0} dispositions/s); peak RSS during the report {} kB",
        out.rows,
        out.rows as f64 / secs,
        peak_kb()
    );
    db.close().await;
    Ok(())
}

/// One disposition per ticket, agencies in turn; by `i % 5`: still sent, accepted,
/// done (rated `i % 5 + 1`), done and reopened, returned.
async fn dispose_all(db: &Db) -> Result<(), ExportError> {
    let agencies: Vec<i64> = sqlx::query("SELECT id FROM agencies ORDER BY id")
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(|r| r.try_get("id"))
        .collect::<Result<_, _>>()?;
    let created: Vec<(i64, i64)> = sqlx::query("SELECT id, created_at FROM aspirations ORDER BY id")
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(|r| Ok((r.try_get("id")?, r.try_get("created_at")?)))
        .collect::<Result<_, sqlx::Error>>()?;
    let mut tx = db.begin().await?;
    for chunk in created.chunks(BATCH as usize) {
        let (mut dispositions, mut verdicts) = (Vec::new(), Vec::new());
        for &(id, at) in chunk {
            let agency = agencies[id as usize % agencies.len().max(1)];
            let sent = at + DAY;
            let answer = sent + (id % 7) * DAY / 2;
            let done = sent + (id % 15) * DAY;
            let row = match id % 5 {
                0 => format!("({id}, {agency}, 'sent', 1, {sent}, NULL, NULL, NULL)"),
                1 => format!("({id}, {agency}, 'accepted', 1, {sent}, {answer}, NULL, NULL)"),
                2 | 3 => {
                    let (outcome, score) = if id % 5 == 2 { ("'rated'", (id % 5 + 1).to_string()) } else { ("'not_solved'", "NULL".into()) };
                    verdicts.push(format!("({id}, {done}, {outcome}, {score}, {})", done + DAY));
                    format!("({id}, {agency}, 'done', 1, {sent}, {answer}, {done}, {done})")
                }
                _ => format!("({id}, {agency}, 'returned', 1, {sent}, {answer}, NULL, {answer})"),
            };
            dispositions.push(row);
        }
        let sql = format!(
            "INSERT INTO aspiration_dispositions (aspiration_id, agency_id, state, disposed_by, disposed_at, first_response_at, done_at, ended_at) VALUES {}",
            dispositions.join(",")
        );
        sqlx::query(sqlx::AssertSqlSafe(sql)).persistent(false).execute(&mut *tx).await?;
        if !verdicts.is_empty() {
            let sql = format!("INSERT INTO aspiration_verdicts (aspiration_id, asked_at, outcome, score, answered_at) VALUES {}", verdicts.join(","));
            sqlx::query(sqlx::AssertSqlSafe(sql)).persistent(false).execute(&mut *tx).await?;
        }
    }
    tx.commit().await?;
    Ok(())
}
