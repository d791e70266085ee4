//! `kimbot bench broadcast --paid`: an emergency warning to many groups as a paid
//! broadcast, queued while ordinary posts are waiting, against a fake Telegram that
//! enforces 1,000 paid messages/s (and the free limits for the rest). Measures the
//! paid lane's rate, the time until the last group has the warning, violations.

use std::sync::Arc;
use std::time::{Duration, Instant};

use fake_telegram::FakeTelegram;

use super::BroadcastArgs;
use super::env::{self, BenchDb, Running, fail};
use crate::platform::db::{Db, SystemClock};
use crate::platform::delivery::{Outbox, Outgoing, Priority};
use crate::tools::cli::CliError;

const FIRST_GROUP: i64 = -1_000_000;
/// Ordinary posts waiting when the warning is queued (to other groups).
const ORDINARY: i64 = 1000;
const FIRST_OTHER: i64 = -5_000_000;

pub async fn run(args: BroadcastArgs) -> Result<(), CliError> {
    let fake = FakeTelegram::start().await;
    fake.enforce_limits(true);
    let bench_db = BenchDb::create(args.database_url.as_deref()).await?;
    let paid = [("KIMBOT_PAID_BROADCAST", "1"), ("KIMBOT_PAID_BROADCAST_MAX_STARS", "10000000")];
    let config = env::config(&fake.api_url(), &bench_db.url, &paid)?;
    let lane = config.emergency.paid.ok_or_else(|| fail("paid broadcast is not on"))?;
    let db = Db::connect(&config.database_url, config.backend).await?;
    let app = Running::start(config).await?;

    let groups: Vec<i64> = (0..args.groups as i64).map(|i| FIRST_GROUP - i).collect();
    let others: Vec<i64> = (0..ORDINARY).map(|i| FIRST_OTHER - i).collect();
    for id in groups.iter().chain(&others) {
        fake.group(*id, "KIM");
    }
    let outbox = Outbox::new(db.clone(), Arc::new(SystemClock));
    let posts: Vec<Outgoing> = others.iter().map(|g| Outgoing::text(*g, "Pengumuman biasa".into(), Priority::Broadcast, Some("bench".into()))).collect();
    outbox.enqueue(&posts).await?;

    let started = Instant::now();
    let warnings: Vec<Outgoing> = groups
        .iter()
        .map(|g| Outgoing::text(*g, "PERINGATAN DARURAT: banjir".into(), Priority::Emergency, Some("emergency:bench".into())))
        .collect();
    // As `/darurat` queues them: one transaction, bulk inserts.
    let mut tx = db.begin().await?;
    outbox.enqueue_bulk_in(&mut tx, &warnings, true).await?;
    tx.commit().await.map_err(fail)?;
    outbox.wake();
    let queued = started.elapsed();
    let all_there = fake.wait_until(|st| st.stats.paid_sends_ok >= groups.len() as u64, Duration::from_secs(600)).await;
    let last = started.elapsed();
    if !all_there {
        return Err(fail("the warning did not reach every group within 10 minutes"));
    }
    let report = Report::collect(&fake, &groups, &others, queued, last, lane.concurrency);
    app.stop().await?;
    db.close().await;
    fake.shutdown();
    report.print(&args, bench_db.label());
    bench_db.remove().await;
    Ok(())
}

struct Report {
    delivered: usize,
    duplicates: usize,
    queued: Duration,
    last: Duration,
    rate: f64,
    paid_violations: u32,
    global_violations: u32,
    group_violations: u64,
    ordinary_sent: usize,
    concurrency: usize,
}

impl Report {
    fn collect(fake: &FakeTelegram, groups: &[i64], others: &[i64], queued: Duration, last: Duration, concurrency: usize) -> Report {
        let copies: Vec<usize> = groups.iter().map(|g| fake.messages(*g).len()).collect();
        let (first, final_send) = fake.with_state(|st| {
            let paid: Vec<Instant> = st.calls_to("sendMessage").iter().filter(|c| c.params["allow_paid_broadcast"] == true).map(|c| c.at).collect();
            (paid.iter().min().copied(), paid.iter().max().copied())
        });
        let span = match (first, final_send) {
            (Some(a), Some(b)) => b.saturating_duration_since(a),
            _ => Duration::ZERO,
        };
        let stats = fake.stats();
        Report {
            delivered: copies.iter().filter(|n| **n > 0).count(),
            duplicates: copies.iter().map(|n| n.saturating_sub(1)).sum(),
            queued,
            last,
            rate: groups.len().saturating_sub(1) as f64 / span.as_secs_f64().max(f64::EPSILON),
            paid_violations: stats.paid_violations,
            global_violations: stats.global_violations,
            group_violations: stats.violations_per_chat.iter().filter(|(c, _)| groups.contains(c)).map(|(_, n)| u64::from(*n)).sum(),
            ordinary_sent: others.iter().filter(|g| !fake.messages(**g).is_empty()).count(),
            concurrency,
        }
    }

    fn print(&self, args: &BroadcastArgs, backend: &str) {
        println!(
            "kimbot bench broadcast --paid — an emergency warning to {} groups, {ORDINARY} ordinary posts queued first, {backend}, fake enforcing 1,000 paid/s",
            args.groups
        );
        println!("  delivered                  {} / {} groups ({} duplicates)", self.delivered, args.groups, self.duplicates);
        println!("  paid send rate             {:.0} messages/s (first → last paid send; limit 1,000/s, {} in flight)", self.rate, self.concurrency);
        println!("  queued in                  {:.2} s", self.queued.as_secs_f64());
        println!("  last group has it after    {:.2} s (from the first row queued)", self.last.as_secs_f64());
        println!("  ordinary posts sent meanwhile {} / {ORDINARY}", self.ordinary_sent);
        println!("  paid limit violations      {}", self.paid_violations);
        println!("  free global violations     {}", self.global_violations);
        println!("  per-group violations       {}", self.group_violations);
    }
}
