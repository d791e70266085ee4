//! `kimbot bench web --rows N`: the staff console at the size of a city. Seeds N
//! aspirations (and UMKM, trainings, announcements in proportion, see [`seed`]) into
//! a temporary SQLite file, starts the real app with its HTTP listener in this
//! process (fake Telegram in a child process, so it does not count), logs an admin
//! in through a login link as `/dasbor` makes it, and requests every page N times
//! in a row, then the same as staff of one kecamatan: p50/p95/max per page and the
//! process's peak memory while serving.

mod seed;

use std::time::{Duration, Instant};
use crate::kernel::members::UserId;

use clap::Args;

use super::env::{self, BenchDb, Running, fail, ms, percentile};
use super::queue::FakeServer;
use crate::platform::db::Db;
use crate::tools::cli::CliError;

/// The bench's admin (`KIMBOT_ADMINS`): sees the whole city, the largest scope.
const ADMIN: i64 = 900;
/// Staff of the first kecamatan (8 of the 104 KIMs).
const STAFF: i64 = 901;
/// Background jobs' first round after start (overdue flags, notices) is let finish
/// before anything is timed.
const SETTLE: Duration = Duration::from_secs(5);

#[derive(Debug, Args)]
pub struct WebArgs {
    /// Aspirations to seed.
    #[arg(long, default_value_t = 1_000_000)]
    pub rows: i64,
    /// Requests per page (after one unmeasured warm-up request).
    #[arg(long, default_value_t = 20)]
    pub requests: usize,
    /// Only the pages whose label contains one of these comma-separated words
    /// (e.g. `desk,queue`); empty: every page.
    #[arg(long, default_value = "")]
    pub only: String,
    /// (internal) Only seed this migrated SQLite database, then exit: the bench seeds
    /// in a child process, so the memory figure is the serving process's own.
    #[arg(long, hide = true)]
    pub seed_into: Option<String>,
    /// (internal) The bench's clock for `--seed-into`.
    #[arg(long, hide = true, default_value_t = 0)]
    pub now: i64,
}

/// Seeds in a child process (`--seed-into`), so its memory never counts.
fn seed_in_child(url: &str, rows: i64, now: i64) -> Result<(), CliError> {
    let exe = std::env::current_exe().map_err(fail)?;
    let status = std::process::Command::new(exe)
        .args(["bench", "web", "--rows", &rows.to_string(), "--now", &now.to_string(), "--seed-into", url])
        .env("RUST_LOG", "error")
        .status()
        .map_err(fail)?;
    if status.success() { Ok(()) } else { Err(fail(format!("seeding failed: {status}"))) }
}

/// The pages measured: a label and a path. With `scoped`, the ids of one ticket,
/// business, training and announcement are picked inside the first kecamatan.
fn pages(rows: i64, kecamatan: i64, scoped: bool) -> Vec<(&'static str, String)> {
    let pick = |from: i64| if scoped { (1..=from).rev().find(|i| seed::kim_of(*i).0 <= 8).unwrap_or(from) } else { from };
    let deep = rows / 2;
    let (ticket, business, training, announcement) = (pick(deep), pick(rows / 40), pick(rows / 500 - 20), pick(rows / 1000 - 10));
    let mut list = vec![
        ("queue, first page", "/dasbor/aspirasi".into()),
        ("queue, status + category", "/dasbor/aspirasi?status=diterima&category=infrastruktur".into()),
        ("queue, one month", "/dasbor/aspirasi?from=2026-06-01&to=2026-06-30".into()),
        ("queue, common word", "/dasbor/aspirasi?q=berlubang".into()),
        ("queue, rare word", "/dasbor/aspirasi?q=jembatan+gantung".into()),
        ("queue, deep page", format!("/dasbor/aspirasi?before={deep}")),
        ("queue, deep page + filter", format!("/dasbor/aspirasi?status=selesai&category=kesehatan&before={deep}")),
        ("ticket", format!("/dasbor/aspirasi/{ticket}")),
        ("desk: find ASP number", format!("/dasbor/aspirasi?q=asp-2026-{ticket:06}")),
        ("desk: find bare number", format!("/dasbor/aspirasi?q={ticket}")),
        ("desk: ticket by number", format!("/dasbor/aspirasi/ASP-2026-{ticket:06}")),
        ("desk: two words", "/dasbor/aspirasi?q=rusak+jembatan".into()),
        ("desk: view mine", "/dasbor/aspirasi?view=mine".into()),
        ("desk: view unhandled", "/dasbor/aspirasi?view=unhandled".into()),
        ("desk: view late", "/dasbor/aspirasi?view=late".into()),
        ("desk: view agency", "/dasbor/aspirasi?view=agency".into()),
        ("desk: page 40", "/dasbor/aspirasi?page=40".into()),
        ("desk: map page", "/dasbor/peta".into()),
        ("desk: map data", "/dasbor/peta/data".into()),
        ("desk: map data, one month", "/dasbor/peta/data?from=2026-06-01&to=2026-06-30".into()),
        ("ringkasan, this month", "/dasbor/ringkasan".into()),
        ("ringkasan, this year", "/dasbor/ringkasan?period=year".into()),
        ("ringkasan, year, one kecamatan", format!("/dasbor/ringkasan?period=year&area={kecamatan}")),
        ("umkm, first page", "/dasbor/umkm".into()),
        ("umkm, sector + need + name", "/dasbor/umkm?sector=kuliner&need=modal&q=usaha+12".into()),
        ("umkm, one business", format!("/dasbor/umkm/{business}")),
        ("pelatihan", "/dasbor/pelatihan".into()),
        ("pelatihan, one training", format!("/dasbor/pelatihan/{training}")),
        ("pengumuman", "/dasbor/pengumuman".into()),
        ("pengumuman, one", format!("/dasbor/pengumuman/{announcement}")),
        ("unduh", "/dasbor/unduh".into()),
    ];
    if !scoped {
        list.push(("audit", "/dasbor/audit".into()));
        list.push(("audit, filtered", "/dasbor/audit?action=console".into()));
    }
    list
}

pub async fn run(args: WebArgs) -> Result<(), CliError> {
    if let Some(url) = &args.seed_into {
        let db = Db::connect(url, crate::platform::config::Backend::Sqlite).await?;
        seed::city(&db, args.rows, args.now).await?;
        db.close().await;
        return Ok(());
    }
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
    seed_in_child(&config.database_url, args.rows, now)?;
    let seeded = started.elapsed();
    let file_mib = std::fs::metadata(bench_db.url.trim_start_matches("sqlite://").split('?').next().unwrap_or_default()).map_or(0, |m| m.len() >> 20);
    println!("kimbot bench web — {} aspirations, {} KIMs, {}; seeded in {:.1} s, database {file_mib} MiB", args.rows, seed::KIMS, bench_db.label(), seeded.as_secs_f64());

    env::reset_peak_memory();
    let before = env::memory_mib();
    let app = Running::start(config).await?;
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().map_err(fail)?;
    wait_until_up(&client, &base).await?;
    tokio::time::sleep(SETTLE).await;
    let kecamatan = crate::kernel::members::areas::area_by_id(&db, 2).await?.ok_or_else(|| fail("no kecamatan"))?;
    crate::kernel::members::roles::grant(&db, UserId(STAFF), &crate::kernel::members::roles::Scope::Area(kecamatan), None, now).await.map_err(fail)?;
    for (who, user, scoped) in [("admin, whole city", ADMIN, false), ("staff, one kecamatan", STAFF, true)] {
        // Now, not the seeding's clock: a million rows take longer than a link lives.
        let cookie = log_in(&client, &db, &base, UserId(user), chrono::Utc::now().timestamp()).await?;
        println!("  {:<34} {:>9} {:>9} {:>9}  bytes", format!("{who}: page"), "p50", "p95", "max");
        let wanted = |label: &str| args.only.is_empty() || args.only.split(',').any(|w| !w.trim().is_empty() && label.contains(w.trim()));
        for (label, path) in pages(args.rows, 2, scoped).into_iter().filter(|(label, _)| wanted(label)) {
            let (sorted, bytes) = measure(&client, &cookie, &format!("{base}{path}"), args.requests).await?;
            let line = format!("  {label:<34} {:>9} {:>9} {:>9}  {bytes}", ms(percentile(&sorted, 50.0)), ms(percentile(&sorted, 95.0)), ms(percentile(&sorted, 100.0)));
            println!("{line}");
        }
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
pub(super) async fn log_in(client: &reqwest::Client, db: &Db, base: &str, user: UserId, now: i64) -> Result<String, CliError> {
    let token = crate::web::console::auth::create_link(db, user, now).await?;
    let response = client
        .post(format!("{base}/masuk"))
        .header(reqwest::header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(format!("token={token}"))
        .send()
        .await
        .map_err(fail)?;
    let cookie = response.headers().get(reqwest::header::SET_COOKIE).and_then(|v| v.to_str().ok()).ok_or_else(|| fail("no session cookie"))?;
    Ok(cookie.split(';').next().unwrap_or_default().to_string())
}

/// `n` timed GETs (after one warm-up), sorted; and the page's size.
async fn measure(client: &reqwest::Client, cookie: &str, url: &str, n: usize) -> Result<(Vec<Duration>, usize), CliError> {
    let mut times = Vec::with_capacity(n);
    let mut bytes = 0;
    for i in 0..=n {
        let started = Instant::now();
        let response = client.get(url).header(reqwest::header::COOKIE, cookie).send().await.map_err(fail)?;
        let status = response.status();
        let body = response.bytes().await.map_err(fail)?;
        // A ticket number that names one ticket answers with a redirect to it.
        if !status.is_success() && !status.is_redirection() {
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
