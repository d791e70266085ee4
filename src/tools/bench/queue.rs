//! `kimbot bench queue`: a large queue costs database rows, not memory. The rows
//! are queued first, then the real app drains them with the limits lifted, against
//! a fake Telegram in a child process (its record of every message would otherwise
//! dominate the memory figure).

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use fake_telegram::FakeTelegram;
use sqlx::Row;

use super::QueueArgs;
use super::env::{self, BenchDb, Running, fail};
use crate::tools::cli::CliError;
use crate::platform::db::{Db, SystemClock};
use crate::platform::delivery::{Outbox, Outgoing, Priority};

const FIRST_GROUP: i64 = -1_000_000;
const BATCH: usize = 1000;

/// The internal `bench fake-server`: a fake Bot API with `groups` groups, serving
/// until its parent closes stdin.
pub async fn serve_fake(groups: usize) -> Result<(), CliError> {
    let fake = FakeTelegram::start().await;
    for i in 0..groups as i64 {
        fake.group(FIRST_GROUP - i, "KIM");
    }
    println!("{}", fake.api_url());
    tokio::task::spawn_blocking(|| {
        let mut line = String::new();
        let _ = std::io::stdin().read_line(&mut line);
    })
    .await
    .map_err(fail)?;
    fake.shutdown();
    Ok(())
}

pub(super) struct FakeServer {
    child: Child,
    pub(super) url: String,
}

impl FakeServer {
    pub(super) fn spawn(groups: usize) -> Result<FakeServer, CliError> {
        let exe = std::env::current_exe().map_err(fail)?;
        let mut child = Command::new(exe)
            .args(["bench", "fake-server", "--groups", &groups.to_string()])
            .env("RUST_LOG", "error")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .map_err(fail)?;
        let stdout = child.stdout.take().ok_or_else(|| fail("fake server has no stdout"))?;
        let mut url = String::new();
        BufReader::new(stdout).read_line(&mut url).map_err(fail)?;
        Ok(FakeServer { child, url: url.trim().to_string() })
    }
}

impl Drop for FakeServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub async fn run(args: QueueArgs) -> Result<(), CliError> {
    let fake = FakeServer::spawn(args.chats)?;
    let bench_db = BenchDb::create(args.database_url.as_deref()).await?;
    let unlimited = [
        ("KIMBOT_SEND_PER_SECOND", "1000000"),
        ("KIMBOT_SEND_GROUP_PER_MINUTE", "1000000"),
        ("KIMBOT_SEND_PRIVATE_PER_SECOND", "1000000"),
    ];
    let config = env::config(&fake.url, &bench_db.url, &unlimited)?;
    let concurrency = config.delivery.concurrency;
    let db = Db::connect(&config.database_url, config.backend).await?;
    db.migrate().await?;
    let start_mib = env::memory_mib();

    let started = Instant::now();
    enqueue(&db, args.rows, args.chats).await?;
    let enqueue_time = started.elapsed();
    let after_enqueue_mib = env::peak_memory_mib();

    let app = Running::start(config).await?;
    let started = Instant::now();
    let mut while_queued = None;
    loop {
        let left = env::unfinished(&db).await?;
        if left == 0 {
            break;
        }
        if while_queued.is_none() && (left as usize) < args.rows * 95 / 100 {
            while_queued = Some((env::peak_memory_mib(), left));
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let drain_time = started.elapsed();
    let sent: i64 = sqlx::query("SELECT COUNT(*) AS n FROM outbox WHERE status = 'sent'")
        .fetch_one(&db.pool)
        .await
        .map_err(fail)?
        .try_get("n")
        .map_err(fail)?;
    app.stop().await?;
    db.close().await;
    drop(fake);

    let rate = |n: f64, d: Duration| n / d.as_secs_f64().max(f64::EPSILON);
    println!("kimbot bench queue — {} deliveries over {} groups, {}, limits lifted, concurrency {concurrency}", args.rows, args.chats, bench_db.label());
    println!("  enqueue                    {:.1} s ({:.0} rows/s, {BATCH} rows per transaction)", enqueue_time.as_secs_f64(), rate(args.rows as f64, enqueue_time));
    println!("  drain                      {:.1} s ({:.0} sends/s), {sent} sent", drain_time.as_secs_f64(), rate(sent as f64, drain_time));
    println!("  memory at start (VmRSS)    {start_mib:.1} MiB");
    println!("  peak after enqueue         {after_enqueue_mib:.1} MiB (VmHWM)");
    if let Some((mib, left)) = while_queued {
        println!("  peak while draining        {mib:.1} MiB (VmHWM, {left} rows still queued)");
    }
    println!("  peak at the end            {:.1} MiB (VmHWM; fake Telegram in a child process, not counted)", env::peak_memory_mib());
    bench_db.remove().await;
    Ok(())
}

async fn enqueue(db: &Db, rows: usize, chats: usize) -> Result<(), CliError> {
    let outbox = Outbox::new(db.clone(), Arc::new(SystemClock));
    let chats = chats.max(1);
    for start in (0..rows).step_by(BATCH) {
        let items: Vec<Outgoing> = (start..(start + BATCH).min(rows))
            .map(|i| {
                let chat = FIRST_GROUP - (i % chats) as i64;
                Outgoing::text(chat, format!("Pengumuman {i}"), Priority::Broadcast, Some("bench".into()))
            })
            .collect();
        outbox.enqueue(&items).await?;
    }
    Ok(())
}
