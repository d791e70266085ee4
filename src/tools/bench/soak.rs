//! `kimbot bench soak`: a city's day compressed into `--minutes`, to see whether
//! memory stays flat. `kimbot run` is a child process (its reading is the bot's
//! own; the fake Telegram, which remembers every message, lives in this process).
//!
//! Traffic every second: residents writing (`/start`, `/bantuan`, free text, in
//! turn from a pool of 2,000), the operator's monitoring (`/healthz`, `/readyz`,
//! `/metrics`) and a console page; every minute a broadcast to 200 groups and a
//! poll to 20. The child's `VmRSS` is printed every minute; the last line compares
//! the last minute with the fifth (the goal: within 10 %).

use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use clap::Args;
use fake_telegram::FakeTelegram;

use super::env::{BenchDb, fail, parse_status};
use crate::platform::db::{Db, SystemClock};
use crate::platform::delivery::{Body, Outbox, Outgoing, Priority};
use crate::tools::cli::CliError;

const METRICS_TOKEN: &str = "bench_soak_metrics_token";
const GROUPS: i64 = 200;
const POLL_GROUPS: i64 = 20;
const RESIDENTS: i64 = 2000;
const FIRST_GROUP: i64 = -3_000_000;
const FIRST_RESIDENT: i64 = 30_000_000;

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
    let http = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").map_err(fail)?;
        listener.local_addr().map_err(fail)?.to_string()
    };
    let mut bot = spawn_bot(&fake.api_url(), &bench_db.url, &http)?;
    println!(
        "kimbot bench soak — {} min, {} resident messages/s, broadcast to {GROUPS} groups and a poll to {POLL_GROUPS} every minute, monitoring and a console page every second; {}",
        args.minutes,
        args.per_second,
        bench_db.label()
    );
    let outcome = traffic(&fake, &db, &http, &args, bot.id()).await;
    let _ = bot.kill();
    let _ = bot.wait();
    fake.shutdown();
    db.close().await;
    bench_db.remove().await;
    let readings = outcome?;
    print_result(&readings);
    Ok(())
}

fn spawn_bot(api_url: &str, database_url: &str, http: &str) -> Result<Child, CliError> {
    Command::new(std::env::current_exe().map_err(fail)?)
        .arg("run")
        .env("TELOXIDE_TOKEN", fake_telegram::TOKEN)
        .env("TELOXIDE_API_URL", api_url)
        .env("DATABASE_URL", database_url)
        .env("KIMBOT_HTTP_ADDR", http)
        .env("KIMBOT_PUBLIC_URL", format!("http://{http}"))
        .env("KIMBOT_METRICS_TOKEN", METRICS_TOKEN)
        .env("KIMBOT_SEND_PER_SECOND", "200")
        .env("KIMBOT_SEND_PRIVATE_PER_SECOND", "50")
        .env("RUST_LOG", "error")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .spawn()
        .map_err(fail)
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
        println!("  minute {minute:>3}: RSS {rss:.1} MiB, {n} resident messages so far, {} sends", fake.stats().sends_ok);
        readings.push(rss);
    }
    Ok(readings)
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
