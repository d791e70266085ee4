//! `kimbot bench soak`: a city's day compressed into `--minutes`, to see whether
//! memory stays flat. `kimbot run` is a child process (its reading is the bot's
//! own; the fake Telegram, which remembers every message, lives in this process).
//!
//! Traffic every second: residents writing (`/start`, `/bantuan`, free text, in
//! turn from a pool of 2,000), the operator's monitoring (`/healthz`, `/readyz`,
//! `/metrics`) and a console page; every minute a broadcast to 200 groups, a
//! poll to 20 and two reports: an admin's `/laporan` in chat (residents'
//! aspirations this month, the whole city: XLSX and CSV sent as documents) and a
//! console *Unduh* download of the UMKM registry (XLSX). The child's `VmRSS` is
//! printed every minute; the last line compares the last minute with the fifth
//! (the goal: within 10 %).

use std::sync::Arc;
use std::time::{Duration, Instant};
use crate::kernel::members::UserId;

use clap::Args;
use fake_telegram::FakeTelegram;

use super::env::{BenchDb, Child, fail, parse_status};
use crate::platform::db::{Db, SystemClock};
use crate::platform::delivery::{Body, Outbox, Outgoing, Priority};
use crate::tools::cli::CliError;

const METRICS_TOKEN: &str = "bench_soak_metrics_token";
const GROUPS: i64 = 200;
const POLL_GROUPS: i64 = 20;
const RESIDENTS: i64 = 2000;
const FIRST_GROUP: i64 = -3_000_000;
const FIRST_RESIDENT: i64 = 30_000_000;
/// The admin (`KIMBOT_ADMINS`) who asks for the reports.
const ADMIN: i64 = 29_999_999;
/// How long one step of `/laporan` may take before the minute counts it as failed.
const REPORT_STEP: Duration = Duration::from_secs(30);

#[derive(Debug, Args)]
pub struct SoakArgs {
    /// Minutes of traffic (the memory comparison needs at least 6).
    #[arg(long, default_value_t = 30)]
    pub minutes: u64,
    /// Residents' messages per second.
    #[arg(long, default_value_t = 5)]
    pub per_second: u64,
    /// As for `broadcast`: a PostgreSQL server, else a temporary SQLite file.
    #[arg(long)]
    pub database_url: Option<String>,
}

pub async fn run(args: SoakArgs) -> Result<(), CliError> {
    let fake = FakeTelegram::start().await;
    for i in 0..GROUPS {
        fake.group(FIRST_GROUP - i, "KIM");
    }
    let bench_db = BenchDb::create(args.database_url.as_deref()).await?;
    sqlx::any::install_default_drivers();
    let backend = super::env::config(&fake.api_url(), &bench_db.url, &[])?.backend;
    let db = Db::connect(&bench_db.url, backend).await?;
    db.migrate().await?;
    let csv = std::fs::File::open(concat!(env!("CARGO_MANIFEST_DIR"), "/data/areas-palembang.csv")).map_err(fail)?;
    crate::kernel::members::areas::import_csv(&db, csv).await.map_err(fail)?;
    let http = super::env::free_addr()?;
    let bot = spawn_bot(&fake.api_url(), &bench_db.url, &http)?;
    println!(
        "kimbot bench soak — {} min, {} resident messages/s, broadcast to {GROUPS} groups and a poll to {POLL_GROUPS} every minute, monitoring and a console page every second; {}",
        args.minutes,
        args.per_second,
        bench_db.label()
    );
    let outcome = traffic(&fake, &db, &http, &args, bot.id()).await;
    drop(bot);
    fake.shutdown();
    db.close().await;
    bench_db.remove().await;
    let readings = outcome?;
    print_result(&readings);
    Ok(())
}

fn spawn_bot(api_url: &str, database_url: &str, http: &str) -> Result<Child, CliError> {
    let admin = ADMIN.to_string();
    let extra = [("KIMBOT_METRICS_TOKEN", METRICS_TOKEN), ("KIMBOT_ADMINS", admin.as_str()), ("KIMBOT_SEND_PER_SECOND", "200"), ("KIMBOT_SEND_PRIVATE_PER_SECOND", "50")];
    Child::spawn(api_url, database_url, http, &extra)
}

/// Runs the day; returns the child's RSS (MiB) after each minute.
async fn traffic(fake: &FakeTelegram, db: &Db, http: &str, args: &SoakArgs, pid: u32) -> Result<Vec<f64>, CliError> {
    let up = fake.wait_until(|st| !st.calls_to("getUpdates").is_empty(), Duration::from_secs(60)).await;
    if !up {
        return Err(fail("`kimbot run` never polled the fake Telegram"));
    }
    let outbox = Outbox::new(db.clone(), Arc::new(SystemClock));
    let client = reqwest::Client::builder().no_proxy().timeout(Duration::from_secs(10)).build().map_err(fail)?;
    let texts = ["/start", "/bantuan", "jalan berlubang di depan rumah", "/start IB1-BL"];
    let console = reqwest::Client::builder().no_proxy().redirect(reqwest::redirect::Policy::none()).timeout(Duration::from_secs(120)).build().map_err(fail)?;
    let cookie = super::web::log_in(&console, db, &format!("http://{http}"), UserId(ADMIN), chrono::Utc::now().timestamp()).await?;
    // The admin's first contact (the privacy notice) before the first `/laporan`.
    let admin = fake.user(ADMIN, "Admin");
    admin.send("/start").await;
    if fake.wait_until(|st| st.chat_messages(ADMIN).iter().any(|m| m.button("Setuju").is_some()), REPORT_STEP).await {
        admin.press("Setuju").await;
    }
    let mut reports: Option<tokio::task::JoinHandle<Reports>> = None;
    let mut readings = Vec::new();
    let mut n: i64 = 0;
    let started = Instant::now();
    for minute in 1..=args.minutes {
        let groups: Vec<Outgoing> = (0..GROUPS).map(|i| Outgoing::text(FIRST_GROUP - i, format!("Pengumuman menit {minute}"), Priority::Broadcast, None)).collect();
        outbox.enqueue(&groups).await?;
        let polls: Vec<Outgoing> = (0..POLL_GROUPS)
            .map(|i| Outgoing { chat_id: FIRST_GROUP - i, body: Body::Poll { question: format!("Jadwal ronda {minute}?"), options: vec!["Sabtu".into(), "Minggu".into()], multiple: false }, priority: Priority::Broadcast, source: None })
            .collect();
        outbox.enqueue(&polls).await?;
        let last = match reports.take() {
            Some(running) => running.await.map_err(fail)?,
            None => Reports::default(),
        };
        reports = Some(tokio::spawn(ask_reports(fake.clone(), console.clone(), cookie.clone(), http.to_string())));
        for second in 0..60 {
            let tick = started + Duration::from_secs((minute - 1) * 60 + second + 1);
            for _ in 0..args.per_second {
                let who = fake.user(FIRST_RESIDENT + n % RESIDENTS, "Warga");
                who.send(texts[(n / RESIDENTS) as usize % texts.len()]).await;
                n += 1;
            }
            for path in ["healthz", "readyz", "metrics", "dasbor"] {
                let _ = client.get(format!("http://{http}/{path}")).bearer_auth(METRICS_TOKEN).send().await;
            }
            tokio::time::sleep_until(tick.into()).await;
        }
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).map_err(|e| fail(format!("`kimbot run` is gone: {e}")))?;
        let rss = parse_status(&status).get("VmRSS").copied().unwrap_or(0) as f64 / 1024.0;
        println!("  minute {minute:>3}: RSS {rss:.1} MiB, {n} resident messages so far, {} sends; last minute's reports: {last}", fake.stats().sends_ok);
        readings.push(rss);
    }
    Ok(readings)
}

/// How one minute's two reports went.
#[derive(Debug, Default)]
struct Reports {
    chat: Option<Result<Duration, String>>,
    console: Option<Result<(Duration, usize), String>>,
}

impl std::fmt::Display for Reports {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.chat {
            Some(Ok(took)) => write!(f, "/laporan {:.1} s", took.as_secs_f64())?,
            Some(Err(why)) => write!(f, "/laporan FAILED ({why})")?,
            None => write!(f, "none yet")?,
        }
        match &self.console {
            Some(Ok((took, bytes))) => write!(f, ", Unduh {:.1} s ({} KiB)", took.as_secs_f64(), bytes / 1024),
            Some(Err(why)) => write!(f, ", Unduh FAILED ({why})"),
            None => Ok(()),
        }
    }
}

/// The admin asks for both reports at once: `/laporan` in chat (through its buttons,
/// until the export's documents arrive) and the console download.
async fn ask_reports(fake: FakeTelegram, client: reqwest::Client, cookie: String, http: String) -> Reports {
    let chat = async {
        let started = Instant::now();
        chat_report(&fake).await.map(|()| started.elapsed())
    };
    let console = async {
        let started = Instant::now();
        let url = format!("http://{http}/dasbor/unduh/umkm?area=&sector=&need=&format=xlsx");
        let response = client.get(url).header(reqwest::header::COOKIE, cookie).send().await.map_err(|e| e.to_string())?;
        let status = response.status();
        let body = response.bytes().await.map_err(|e| e.to_string())?;
        if !status.is_success() {
            return Err(format!("HTTP {status}"));
        }
        Ok((started.elapsed(), body.len()))
    };
    let (chat, console) = tokio::join!(chat, console);
    Reports { chat: Some(chat), console: Some(console) }
}

/// `/laporan` → residents' aspirations → this month → the whole city, then waits
/// for the export's two documents (XLSX and CSV).
async fn chat_report(fake: &FakeTelegram) -> Result<(), String> {
    let admin = fake.user(ADMIN, "Admin");
    let documents = || fake.messages(ADMIN).iter().filter(|m| m.file.is_some()).count();
    let before = documents();
    admin.send("/laporan").await;
    for label in ["Aspirasi warga", "Bulan ini", "Seluruh wilayah"] {
        let shown = fake.wait_until(|st| st.chat_messages(ADMIN).iter().rev().take(3).any(|m| m.button(label).is_some()), REPORT_STEP).await;
        if !shown {
            let last = fake.messages(ADMIN).last().map(|m| m.text.chars().take(80).collect::<String>()).unwrap_or_default();
            return Err(format!("no button {label:?} after {last:?}"));
        }
        admin.press(label).await;
    }
    let sent = fake.wait_until(|st| st.chat_messages(ADMIN).iter().filter(|m| m.file.is_some()).count() >= before + 2, REPORT_STEP).await;
    if sent { Ok(()) } else { Err("no documents".into()) }
}

fn print_result(readings: &[f64]) {
    match (readings.get(4), readings.last()) {
        (Some(fifth), Some(last)) if readings.len() > 5 => {
            let change = (last - fifth) / fifth * 100.0;
            println!("soak: RSS {last:.1} MiB after minute {} vs {fifth:.1} MiB after minute 5: {change:+.1} % (goal within 10 %)", readings.len());
        }
        _ => println!("soak: fewer than 6 minutes, no comparison with minute 5"),
    }
}
