//! `kimbot bench`: figures for the README, measured with the real application
//! (dispatcher, handlers, outbox worker, rate limiter) against the fake Bot API on
//! loopback. Benchmarks, not tests: they print numbers and never fail on them.
//!
//! - `broadcast`: one announcement to many groups with Telegram's limits enforced
//!   by the fake, while residents write to the bot; throughput, violations, 429s,
//!   answer times with and without the broadcast, peak memory.
//!   With `--paid`: an emergency warning as a paid broadcast ([`paid`]).
//! - `export`: the aspirations report over many seeded rows (time, peak memory;
//!   see [`crate::features::aspirations::report::bench`]).
//! - `agencies`: the agency report ("Kinerja OPD") over many seeded dispositions
//!   (time, peak memory; see [`crate::features::aspirations::report::agencies_bench`]).
//! - `queue`: peak memory and throughput with a large queue (limits off); the fake
//!   runs in a child process so the memory figure is kimbot's own.
//! - `idle`: what a started `kimbot run` keeps resident with nothing to do
//!   ([`idle`]).
//! - `intake`: residents' messages per second and answer p99, webhook (40
//!   connections, 1 and 2 instances) against long polling ([`intake`]).
//! - `soak`: a compressed day of traffic, `kimbot run`'s memory every minute ([`soak`]).
//! - `programmes`: 10,000 applications to one programme: the selection page's
//!   queries p50/p95 and the programme report's time and peak memory.
//! - `web`: the staff console over a city's worth of rows: p50/p95/max per page and
//!   peak memory ([`web`]).

mod broadcast;
mod env;
mod idle;
mod intake;
mod paid;
mod queue;
mod soak;
mod web;

use clap::{Args, Subcommand};

use crate::tools::cli::CliError;

#[derive(Debug, Subcommand)]
pub enum BenchCommand {
    /// One message to each of many groups under Telegram's limits, residents writing meanwhile.
    Broadcast(BroadcastArgs),
    /// Memory and throughput with a large queue of deliveries (limits off).
    Queue(QueueArgs),
    /// Seeds aspirations sent to agencies in a temporary SQLite and times the agency report.
    Agencies {
        /// Aspirations to seed, each sent to an agency.
        #[arg(long, default_value_t = 100_000)]
        rows: u64,
        /// Keep the report's files in this directory (default: deleted).
        #[arg(long)]
        keep: Option<std::path::PathBuf>,
    },
    /// Seeds aspirations in a temporary SQLite and times the streamed report export.
    Export {
        /// Aspirations to seed before exporting.
        #[arg(long, default_value_t = 1_000_000)]
        rows: u64,
        /// Keep the exported files in this directory (default: deleted).
        #[arg(long)]
        keep: Option<std::path::PathBuf>,
    },
    /// Starts `kimbot run` (SQLite, fake Telegram) and reads its resident memory once idle.
    Idle {
        /// Seconds to wait after the start before reading.
        #[arg(long, default_value_t = 45)]
        seconds: u64,
        /// Seconds between monitoring probes of /healthz, /readyz and /metrics (0: none).
        #[arg(long, default_value_t = 10)]
        probe_every: u64,
    },
    /// Residents writing through the webhook (40 connections, 1 and 2 instances) and long polling.
    Intake(intake::IntakeArgs),
    /// A compressed day of a city's traffic; the bot's resident memory every minute.
    Soak(soak::SoakArgs),
    /// Applications to one programme: the console's applicant list p95 and the report's time and memory.
    Programmes {
        /// Applications to seed.
        #[arg(long, default_value_t = 10_000)]
        rows: u64,
    },
    /// Seeds a city (1,000,000 aspirations by default) and times every console page.
    Web(web::WebArgs),
    /// (internal) Serve a fake Bot API with N groups; prints its URL.
    #[command(hide = true)]
    FakeServer {
        #[arg(long)]
        groups: usize,
    },
}

#[derive(Debug, Args)]
pub struct BroadcastArgs {
    /// Groups in the broadcast (1,000 take at least 34 s at 30 messages/s).
    #[arg(long, default_value_t = 1000)]
    pub groups: usize,
    /// Messages per group; above 20 the per-group limit (20/min) shows.
    #[arg(long, default_value_t = 1)]
    pub per_group: usize,
    /// An emergency warning to `--groups` groups as a paid broadcast (1,000/s) while
    /// 1,000 ordinary posts are queued: the paid lane's rate and time to the last group.
    #[arg(long)]
    pub paid: bool,
    /// Resident messages timed with no broadcast running (during it: as many as fit).
    #[arg(long, default_value_t = 30)]
    pub samples: usize,
    /// A PostgreSQL server (postgres://…/postgres): a throwaway database is created
    /// there and dropped afterwards. Default: a temporary SQLite file.
    #[arg(long)]
    pub database_url: Option<String>,
}

#[derive(Debug, Args)]
pub struct QueueArgs {
    /// Deliveries queued before the worker starts.
    #[arg(long, default_value_t = 100_000)]
    pub rows: usize,
    /// Distinct chats (groups) they are spread over.
    #[arg(long, default_value_t = 1000)]
    pub chats: usize,
    /// As for `broadcast`.
    #[arg(long)]
    pub database_url: Option<String>,
}

pub async fn run(command: BenchCommand) -> Result<(), CliError> {
    match command {
        BenchCommand::Broadcast(args) => broadcast::run(args).await,
        BenchCommand::Queue(args) => queue::run(args).await,
        BenchCommand::Web(args) => web::run(args).await,
        BenchCommand::Intake(args) => intake::run(args).await,
        BenchCommand::Soak(args) => soak::run(args).await,
        BenchCommand::Idle { seconds, probe_every } => idle::run(seconds, probe_every).await,
        BenchCommand::Export { rows, keep } => Ok(crate::features::aspirations::report::bench::run(rows, keep.as_deref()).await?),
        BenchCommand::Agencies { rows, keep } => Ok(crate::features::aspirations::report::agencies_bench::run(rows, keep.as_deref()).await?),
        BenchCommand::Programmes { rows } => Ok(crate::features::programmes::bench::run(rows).await?),
        BenchCommand::FakeServer { groups } => queue::serve_fake(groups).await,
    }
}
