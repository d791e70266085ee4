//! `kimbot bench programmes --rows N`: N applications to one programme in a temporary
//! SQLite database; times the console selection page's queries (one page of 50 and
//! the counts per status, at offsets across the list: p50/p95/max) and the programme
//! report's export (time, peak memory: VmHWM from /proc). A benchmark, not a test.

use std::sync::Arc;
use std::time::Instant;

use chrono::NaiveDate;

use super::model::Selection;
use crate::kernel::members::UserId;
use super::store::NewProgramme;
use super::{apps, report, store};
use crate::features::aspirations::report::bench::{peak_kb, rss_kb};
use crate::platform::config::Backend;
use crate::platform::db::Db;
use crate::platform::export::kinds::PeriodRequest;
use crate::platform::export::period::Period;
use crate::platform::export::{ExportError, Progress};
use crate::platform::i18n::Lang;

const BATCH: u64 = 500;
/// 2026-06-01 00:00 WIB.
const START: i64 = 1_780_246_800;
const SECTORS: [&str; 4] = ["kuliner", "fashion", "kriya", "jasa"];
const KECAMATAN: [&str; 2] = ["Ilir Barat I", "Kemuning"];
const STATUSES: [&str; 4] = ["submitted", "waitlisted", "rejected", "accepted"];

pub async fn run(rows: u64) -> Result<(), ExportError> {
    let dir = tempfile::tempdir()?;
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("bench.db").display());
    let db = Db::connect(&url, Backend::Sqlite).await?;
    db.migrate().await?;
    let new = NewProgramme {
        area_path: "Kota Palembang".into(),
        agency_id: None,
        organiser: "Dinas Koperasi dan UMKM".into(),
        name: "Bench".into(),
        kind: super::model::Kind::Modal,
        description: String::new(),
        who: super::model::Eligibility::default(),
        quota: (rows / 4) as i64,
        opens_at: START,
        closes_at: START + 30 * 86_400,
        selection: Selection::Review,
        questions: Vec::new(),
        follow_up_days: 0,
    };
    let id = store::insert(&db, &new, UserId(1), START).await?;
    let started = Instant::now();
    seed(&db, id.get(), rows).await?;
    println!("seeded {rows} applications in {:.1} s", started.elapsed().as_secs_f64());

    let mut times = Vec::new();
    let pages = (rows / apps_per_page()).max(1) as i64;
    for i in 0..200_i64 {
        let offset = (i * 37 % pages) * apps_per_page() as i64;
        let t = Instant::now();
        apps::list(&db, id, None, apps_per_page() as i64, offset).await?;
        apps::counts(&db, id).await?;
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() as f64 - 1.0) * q) as usize];
    println!("console applicant list (page of 50 + counts), 200 loads: p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms", at(0.5), at(0.95), at(1.0));

    crate::platform::memory::release_free();
    println!("before the report: RSS {} kB", rss_kb());
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap_or_default();
    let req = PeriodRequest {
        period: Period { from: day(6, 1), to: day(6, 30) },
        area_path: None,
        area_label: "bench".into(),
        lang: Lang::Id,
        tz: chrono_tz::Asia::Jakarta,
        now: START + 40 * 86_400,
        sla: crate::platform::config::SlaConfig::default(),
    };
    let started = Instant::now();
    let (_, _, _, n) = report::export(&db, &req, dir.path(), &[], Arc::new(Progress::default())).await?;
    println!("programme report: {n} rows in {:.2} s; peak RSS during the report {} kB", started.elapsed().as_secs_f64(), peak_kb());
    db.close().await;
    Ok(())
}

fn apps_per_page() -> u64 {
    super::web::PER_PAGE as u64
}

async fn seed(db: &Db, programme: i64, rows: u64) -> Result<(), ExportError> {
    let mut done = 0;
    while done < rows {
        let to = (done + BATCH).min(rows);
        let values: Vec<String> = (done..to)
            .map(|i| {
                let (sector, kec, status) = (SECTORS[(i % 4) as usize], KECAMATAN[(i % 2) as usize], STATUSES[(i % 4) as usize]);
                format!(
                    "({programme}, 'PRG-2026-{:06}', {}, 0, 1, '{status}', {}, '{sector}', 'mikro', '{kec}', 'Kelurahan {}', 0, \
                     'Usaha {i}', 'Pemilik {i}', '[]', {}, {})",
                    i + 1,
                    10_000_000 + i,
                    i + 1,
                    i % 50,
                    START + (i as i64 % 86_400) * 25,
                    START + (i as i64 % 86_400) * 25
                )
            })
            .collect();
        let sql = format!(
            "INSERT INTO programme_applications (programme_id, number, user_id, is_group, members, status, seq, sector, scale, \
             kecamatan, kelurahan, has_nib, business_name, owner_name, answers, created_at, updated_at) VALUES {}",
            values.join(",")
        );
        sqlx::query(sqlx::AssertSqlSafe(sql)).execute(&db.pool).await.map_err(crate::platform::db::DbError::from)?;
        done = to;
    }
    Ok(())
}
