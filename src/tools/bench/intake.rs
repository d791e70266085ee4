//! `kimbot bench intake`: how many residents' messages the bot takes in a second,
//! and how long each waits for its answer, by the way updates arrive:
//!
//! - webhook, 1 and 2 processes behind a round-robin balancer, the fake
//!   Telegram POSTing over 40 connections at once as Telegram does;
//! - long polling, 1 process (Telegram gives `getUpdates` to one client only, so
//!   there is no "2 processes" for polling).
//!
//! Every resident sends `/start` at once (a first contact: the claim, the dialogue
//! row and the privacy notice), the flood limits lifted so the figures are the
//! bot's and not Telegram's. Each instance is a real `kimbot run` child process of
//! this binary (as a city runs them), on one database: `--database-url` for
//! PostgreSQL, else SQLite (one process); the fake Telegram and the round-robin
//! balancer (the fault suite's, [`fake_telegram::Balancer`]) live in this process.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use clap::Args;
use fake_telegram::{Balancer, BotEvent, FakeTelegram};

use super::env::{self, BenchDb, Child, fail, ms, percentile};
use crate::platform::db::Db;
use crate::tools::cli::CliError;

const HOOK_PATH: &str = "/telegram/bench_intake";

#[derive(Debug, Args)]
pub struct IntakeArgs {
    /// Residents writing at once in each run.
    #[arg(long, default_value_t = 1000)]
    pub residents: i64,
    /// A PostgreSQL server (postgres://…/postgres): a throwaway database per run.
    /// Default: a temporary SQLite file (then only one process makes sense).
    #[arg(long)]
    pub database_url: Option<String>,
}

/// One run's figures.
struct Figures {
    label: String,
    per_second: f64,
    p50: Duration,
    p99: Duration,
}

pub async fn run(args: IntakeArgs) -> Result<(), CliError> {
    let db_label = if args.database_url.is_some() { "PostgreSQL" } else { "SQLite" };
    println!("kimbot bench intake — {} residents write /start at once, {db_label}, limits lifted", args.residents);
    let mut all = Vec::new();
    let mut runs = vec![(Mode::Webhook, 1), (Mode::Polling, 1)];
    if args.database_url.is_some() {
        runs.insert(1, (Mode::Webhook, 2));
    }
    for (i, (mode, instances)) in runs.into_iter().enumerate() {
        let figures = one_run(&args, mode, instances, 10_000_000 * (i as i64 + 1)).await?;
        println!("  {:<28} {:>7.0} updates/s   answer p50 {}   p99 {}", figures.label, figures.per_second, ms(figures.p50), ms(figures.p99));
        all.push(figures);
    }
    let rate = |label: &str| all.iter().find(|f| f.label == label).map(|f| f.per_second);
    let mut line = String::from("intake:");
    if let (Some(w1), Some(p1)) = (rate("webhook, 1 process"), rate("long polling, 1 process")) {
        line.push_str(&format!(" webhook/polling {:.2}x", w1 / p1));
    }
    if let (Some(w1), Some(w2)) = (rate("webhook, 1 process"), rate("webhook, 2 processes")) {
        line.push_str(&format!(", 2/1 processes {:.2}x", w2 / w1));
    }
    println!("{line}");
    Ok(())
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Webhook,
    Polling,
}

async fn one_run(args: &IntakeArgs, mode: Mode, instances: usize, first_user: i64) -> Result<Figures, CliError> {
    let fake = FakeTelegram::start().await;
    let bench_db = BenchDb::create(args.database_url.as_deref()).await?;
    migrate(&fake, &bench_db.url).await?;
    let balancer = Balancer::start(HOOK_PATH).await.map_err(fail)?;
    let mut settings = vec![("KIMBOT_SEND_PER_SECOND", "100000"), ("KIMBOT_SEND_PRIVATE_PER_SECOND", "50"), ("KIMBOT_TELEGRAM_WEBHOOK_SECRET", "bench_intake_secret")];
    if mode == Mode::Webhook {
        settings.push(("KIMBOT_TELEGRAM_WEBHOOK_URL", balancer.public.as_str()));
    }
    let mut running = Vec::new();
    let mut targets = Vec::new();
    for _ in 0..instances {
        let http = env::free_addr()?;
        running.push(Child::spawn(&fake.api_url(), &bench_db.url, &http, &settings)?);
        targets.push(format!("http://{http}"));
    }
    balancer.set_targets(&targets);
    let ready = match mode {
        Mode::Webhook => fake.wait_until(|st| st.calls_to("setWebhook").len() >= instances, Duration::from_secs(60)).await,
        Mode::Polling => fake.wait_until(|st| !st.calls_to("getUpdates").is_empty(), Duration::from_secs(60)).await,
    };
    if !ready {
        return Err(fail("the bot never connected to the fake Telegram"));
    }

    let answered: Arc<Mutex<HashMap<i64, Instant>>> = Arc::default();
    let mut events = fake.subscribe();
    let watcher = tokio::spawn({
        let answered = answered.clone();
        async move {
            while let Ok(event) = events.recv().await {
                if let BotEvent::NewMessage(m) = event {
                    answered.lock().map(|mut a| a.entry(m.chat_id).or_insert_with(Instant::now).elapsed()).ok();
                }
            }
        }
    });
    let people: Vec<_> = (0..args.residents).map(|i| fake.user(first_user + i, "Warga")).collect();
    let started = Instant::now();
    let mut sent = HashMap::new();
    for p in &people {
        sent.insert(p.id(), Instant::now());
        p.send("/start").await;
    }
    let all_in = fake.wait_until(|_| answered.lock().map(|a| a.len() >= people.len()).unwrap_or(false), Duration::from_secs(600)).await;
    let took = started.elapsed();
    watcher.abort();
    if !all_in {
        return Err(fail("not every resident was answered within 10 minutes"));
    }
    let mut waits: Vec<Duration> = {
        let answered = answered.lock().map_err(fail)?;
        sent.iter().filter_map(|(chat, at)| answered.get(chat).map(|done| done.duration_since(*at))).collect()
    };
    waits.sort();
    drop(running);
    fake.shutdown();
    bench_db.remove().await;
    let label = match mode {
        Mode::Webhook if instances == 1 => "webhook, 1 process".to_string(),
        Mode::Webhook => format!("webhook, {instances} processes"),
        Mode::Polling => "long polling, 1 process".to_string(),
    };
    Ok(Figures { label, per_second: people.len() as f64 / took.as_secs_f64(), p50: percentile(&waits, 50.0), p99: percentile(&waits, 99.0) })
}

/// Migrates the fresh database once, before the processes start (two processes
/// starting at once would both try).
async fn migrate(fake: &FakeTelegram, url: &str) -> Result<(), CliError> {
    let backend = env::config(&fake.api_url(), url, &[])?.backend;
    let db = Db::connect(url, backend).await?;
    db.migrate().await?;
    db.close().await;
    Ok(())
}
