//! `kimbot bench web --rows N`: the staff console at the size of a city. Seeds N
//! aspirations (and UMKM, trainings, announcements in proportion, see [`seed`]) into
//! a temporary SQLite file, starts the real app with its HTTP listener in this
//! process (fake Telegram in a child process, so it does not count), logs an admin
//! in through a login link as `/dasbor` makes it, and requests every page N times
//! in a row: p50/p95/max per page and the process's peak memory while serving.

mod seed;

use std::time::{Duration, Instant};

use clap::Args;

use super::env::{self, BenchDb, Running, fail, ms, percentile};
use super::queue::FakeServer;
use crate::platform::db::Db;
use crate::tools::cli::CliError;

/// The bench's admin (`KIMBOT_ADMINS`): sees the whole city, the largest scope.
const ADMIN: i64 = 900;

#[derive(Debug, Args)]
pub struct WebArgs {
    /// Aspirations to seed.
    #[arg(long, default_value_t = 1_000_000)]
    pub rows: i64,
    /// Requests per page (after one unmeasured warm-up request).
    #[arg(long, default_value_t = 20)]
    pub requests: usize,
}

/// The pages measured: a label and a path.
fn pages(rows: i64, kecamatan: i64) -> Vec<(&'static str, String)> {
    let deep = rows / 2;
    vec![
        ("queue, first page", "/dasbor/aspirasi".into()),
        ("queue, status + category", "/dasbor/aspirasi?status=diterima&category=infrastruktur".into()),
        ("queue, one month", "/dasbor/aspirasi?from=2026-06-01&to=2026-06-30".into()),
        ("queue, common word", "/dasbor/aspirasi?q=berlubang".into()),
        ("queue, rare word", "/dasbor/aspirasi?q=jembatan+gantung".into()),
        ("queue, deep page", format!("/dasbor/aspirasi?before={deep}")),
        ("queue, deep page + filter", format!("/dasbor/aspirasi?status=selesai&category=kesehatan&before={deep}")),
        ("ticket", format!("/dasbor/aspirasi/{deep}")),
        ("ringkasan, this month", "/dasbor/ringkasan".into()),
        ("ringkasan, this year", "/dasbor/ringkasan?period=year".into()),
        ("ringkasan, year, one kecamatan", format!("/dasbor/ringkasan?period=year&area={kecamatan}")),
        ("umkm, first page", "/dasbor/umkm".into()),
        ("umkm, sector + need + name", "/dasbor/umkm?sector=kuliner&need=modal&q=usaha+12".into()),
        ("umkm, one business", "/dasbor/umkm/1".into()),
        ("pelatihan", "/dasbor/pelatihan".into()),
        ("pelatihan, one training", format!("/dasbor/pelatihan/{}", rows / 500)),
        ("pengumuman", "/dasbor/pengumuman".into()),
        ("pengumuman, one", format!("/dasbor/pengumuman/{}", rows / 1000)),
        ("unduh", "/dasbor/unduh".into()),
        ("audit", "/dasbor/audit".into()),
        ("audit, filtered", "/dasbor/audit?action=console.view".into()),
    ]
}

pub async fn run(args: WebArgs) -> Result<(), CliError> {
    let fake = FakeServer::spawn(1)?;
    let bench_db = BenchDb::create(None).await?;
    let port = std::net::TcpListener::bind("127.0.0.1:0").map_err(fail)?.local_addr().map_err(fail)?.port();
    let base = format!("http://127.0.0.1:{port}");
    let addr = format!("127.0.0.1:{port}");
    let admins = ADMIN.to_string();
    let overrides = [("KIMBOT_HTTP_ADDR", addr.as_str()), ("KIMBOT_PUBLIC_URL", base.as_str()), ("KIMBOT_ADMINS", admins.as_str())];
    let config = env::config(&fake.url, &bench_db.url, &overrides)?;
    let db = Db::connect(&config.database_url, config.backend).await?;
    db.migrate().await?;
    let now = chrono::Utc::now().timestamp();
    let started = Instant::now();
    seed::city(&db, args.rows, now).await?;
    let seeded = started.elapsed();
    let file_mib = std::fs::metadata(bench_db.url.trim_start_matches("sqlite://").split('?').next().unwrap_or_default()).map_or(0, |m| m.len() >> 20);
    println!("kimbot bench web — {} aspirations, {} KIMs, {}; seeded in {:.1} s, database {file_mib} MiB", args.rows, seed::KIMS, bench_db.label(), seeded.as_secs_f64());

    env::reset_peak_memory();
    let before = env::memory_mib();
    let app = Running::start(config).await?;
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().map_err(fail)?;
    wait_until_up(&client, &base).await?;
    let cookie = log_in(&client, &db, &base, now).await?;
    println!("  {:<34} {:>9} {:>9} {:>9}  bytes", "page", "p50", "p95", "max");
    for (label, path) in pages(args.rows, 2) {
        let (sorted, bytes) = measure(&client, &cookie, &format!("{base}{path}"), args.requests).await?;
        let line = format!("  {label:<34} {:>9} {:>9} {:>9}  {bytes}", ms(percentile(&sorted, 50.0)), ms(percentile(&sorted, 95.0)), ms(percentile(&sorted, 100.0)));
        println!("{line}");
    }
    println!("  memory: {before:.1} MiB before the app started, peak {:.1} MiB while serving (VmHWM; fake Telegram in a child process, not counted)", env::peak_memory_mib());
    app.stop().await?;
    db.close().await;
    drop(fake);
    bench_db.remove().await;
    Ok(())
}

async fn wait_until_up(client: &reqwest::Client, base: &str) -> Result<(), CliError> {
    for _ in 0..200 {
        if client.get(format!("{base}/healthz")).send().await.is_ok_and(|r| r.status().is_success()) {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Err(fail("the HTTP listener did not come up"))
}

/// A login link as `/dasbor` makes it, opened with the "Masuk" POST; the cookie.
async fn log_in(client: &reqwest::Client, db: &Db, base: &str, now: i64) -> Result<String, CliError> {
    let token = crate::web::console::auth::create_link(db, ADMIN, now).await?;
    let response = client
        .post(format!("{base}/masuk"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("token={token}"))
        .send()
        .await
        .map_err(fail)?;
    let cookie = response.headers().get("set-cookie").and_then(|v| v.to_str().ok()).ok_or_else(|| fail("no session cookie"))?;
    Ok(cookie.split(';').next().unwrap_or_default().to_string())
}

/// `n` timed GETs (after one warm-up), sorted; and the page's size.
async fn measure(client: &reqwest::Client, cookie: &str, url: &str, n: usize) -> Result<(Vec<Duration>, usize), CliError> {
    let mut times = Vec::with_capacity(n);
    let mut bytes = 0;
    for i in 0..=n {
        let started = Instant::now();
        let response = client.get(url).header("cookie", cookie).send().await.map_err(fail)?;
        let status = response.status();
        let body = response.bytes().await.map_err(fail)?;
        if !status.is_success() {
            return Err(fail(format!("{url}: {status}")));
        }
        if i > 0 {
            times.push(started.elapsed());
        }
        bytes = body.len();
    }
    times.sort();
    Ok((times, bytes))
}
