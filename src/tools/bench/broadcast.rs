//! `kimbot bench broadcast`: the whole bot against a fake Telegram that enforces
//! the flood limits (and answers 429 when they are broken).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use fake_telegram::FakeTelegram;

use super::BroadcastArgs;
use super::env::{self, BenchDb, Running, fail, ms, percentile};
use crate::tools::cli::CliError;
use crate::platform::db::{Db, SystemClock};
use crate::platform::delivery::{Outbox, Outgoing, Priority};

/// Pause between two timed resident messages (a realistic rate, and one that
/// leaves the broadcast most of the budget).
const RESIDENT_GAP: Duration = Duration::from_millis(500);
const FIRST_GROUP: i64 = -1_000_000;

pub async fn run(args: BroadcastArgs) -> Result<(), CliError> {
    if args.paid {
        return super::paid::run(args).await;
    }
    let fake = FakeTelegram::start().await;
    fake.enforce_limits(true);
    let bench_db = BenchDb::create(args.database_url.as_deref()).await?;
    let config = env::config(&fake.api_url(), &bench_db.url, &[])?;
    let ceiling = config.delivery.limits().global.max;
    let db = Db::connect(&config.database_url, config.backend).await?;
    let app = Running::start(config).await?;
    wait_for_polling(&fake).await?;

    let idle = answer_times(&fake, 1_000_000, Some(args.samples), None).await;
    let groups: Vec<i64> = (0..args.groups as i64).map(|i| FIRST_GROUP - i).collect();
    for id in &groups {
        fake.group(*id, "KIM");
    }
    let started = Instant::now();
    enqueue(&db, &groups, args.per_group).await?;
    let done = Arc::new(AtomicBool::new(false));
    let busy = tokio::spawn({
        let (fake, done) = (fake.clone(), done.clone());
        async move { answer_times(&fake, 2_000_000, None, Some(done)).await }
    });
    while env::unfinished(&db).await? > 0 {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    done.store(true, Ordering::SeqCst);
    let busy = busy.await.map_err(fail)?;

    let report = Report::collect(&fake, &groups, args.per_group, started, ceiling, idle, busy);
    app.stop().await?;
    db.close().await;
    fake.shutdown();
    report.print(&args, bench_db.label());
    bench_db.remove().await;
    Ok(())
}

async fn wait_for_polling(fake: &FakeTelegram) -> Result<(), CliError> {
    let polling = fake.wait_until(|st| !st.calls_to("getUpdates").is_empty(), Duration::from_secs(30)).await;
    if polling { Ok(()) } else { Err(fail("the bot never polled the fake Telegram")) }
}

async fn enqueue(db: &Db, groups: &[i64], per_group: usize) -> Result<(), CliError> {
    let outbox = Outbox::new(db.clone(), Arc::new(SystemClock));
    for round in 0..per_group {
        for chunk in groups.chunks(500) {
            let items: Vec<Outgoing> = chunk
                .iter()
                .map(|g| Outgoing::text(*g, format!("Pengumuman {}", round + 1), Priority::Broadcast, Some("bench".into())))
                .collect();
            outbox.enqueue(&items).await?;
        }
    }
    Ok(())
}

/// Residents each send `/bantuan` once; the time from sending to the bot's answer.
/// Runs `count` times, or until `done` turns true.
async fn answer_times(fake: &FakeTelegram, first_user: i64, count: Option<usize>, done: Option<Arc<AtomicBool>>) -> Vec<Duration> {
    let mut times = Vec::new();
    for user in first_user.. {
        if count.is_some_and(|n| times.len() >= n) || done.as_ref().is_some_and(|d| d.load(Ordering::SeqCst)) {
            break;
        }
        let resident = fake.user(user, "Warga");
        let sent = Instant::now();
        resident.send("/bantuan").await;
        if fake.wait_until(|st| !st.chat_messages(user).is_empty(), Duration::from_secs(60)).await {
            times.push(sent.elapsed());
        }
        tokio::time::sleep(RESIDENT_GAP).await;
    }
    times.sort();
    times
}

struct Report {
    delivered: usize,
    missing: usize,
    duplicates: usize,
    wall: Duration,
    ceiling: usize,
    group_violations: u64,
    private_violations: u64,
    global_violations: u32,
    too_many: u64,
    idle: Vec<Duration>,
    busy: Vec<Duration>,
    peak_mib: f64,
}

impl Report {
    fn collect(
        fake: &FakeTelegram,
        groups: &[i64],
        per_group: usize,
        started: Instant,
        ceiling: usize,
        idle: Vec<Duration>,
        busy: Vec<Duration>,
    ) -> Report {
        let copies: Vec<usize> = groups.iter().map(|g| fake.messages(*g).len()).collect();
        let last_send = fake.with_state(|st| {
            st.calls_to("sendMessage").iter().filter(|c| c.params["chat_id"].as_i64().is_some_and(|id| id < 0)).map(|c| c.at).max()
        });
        let stats = fake.stats();
        let violations = |private: bool| -> u64 {
            stats.violations_per_chat.iter().filter(|(c, _)| (**c > 0) == private).map(|(_, n)| u64::from(*n)).sum()
        };
        Report {
            delivered: copies.iter().map(|n| (*n).min(per_group)).sum(),
            missing: copies.iter().map(|n| per_group.saturating_sub(*n)).sum(),
            duplicates: copies.iter().map(|n| n.saturating_sub(per_group)).sum(),
            wall: last_send.map_or(Duration::ZERO, |t| t.saturating_duration_since(started)),
            ceiling,
            group_violations: violations(false),
            private_violations: violations(true),
            global_violations: stats.global_violations,
            too_many: stats.too_many_requests,
            idle,
            busy,
            peak_mib: env::peak_memory_mib(),
        }
    }

    fn print(&self, args: &BroadcastArgs, backend: &str) {
        let total = args.groups * args.per_group;
        let rate = total as f64 / self.wall.as_secs_f64().max(f64::EPSILON);
        println!("kimbot bench broadcast — {} groups × {} message(s), {backend}, fake Telegram enforcing limits", args.groups, args.per_group);
        println!("  delivered                  {} / {total} ({} missing, {} duplicates)", self.delivered, self.missing, self.duplicates);
        println!("  wall time                  {:.1} s (first enqueue → last group message)", self.wall.as_secs_f64());
        let answers = self.busy.len() as f64 / self.wall.as_secs_f64().max(f64::EPSILON);
        println!("  throughput                 {rate:.1} broadcast messages/s + {answers:.1} answers/s (ceiling {}/s)", self.ceiling);
        println!("  per-group limit violations {}", self.group_violations);
        println!("  global limit violations    {}", self.global_violations);
        println!("  private-chat violations    {}", self.private_violations);
        println!("  429 answers received       {}", self.too_many);
        println!("  answer to a resident       no broadcast: p50 {} p99 {} (n={})", ms(percentile(&self.idle, 50.0)), ms(percentile(&self.idle, 99.0)), self.idle.len());
        println!("                             during it:    p50 {} p99 {} (n={})", ms(percentile(&self.busy, 50.0)), ms(percentile(&self.busy, 99.0)), self.busy.len());
        println!("  peak memory (VmHWM)        {:.1} MiB (whole process, in-process fake Telegram included)", self.peak_mib);
    }
}
