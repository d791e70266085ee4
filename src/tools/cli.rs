//! Command-line interface (clap). `main` parses, this module runs the subcommand.

use std::path::PathBuf;
use std::sync::Arc;

use clap::{Parser, Subcommand};

use crate::app::{self, App, AppError};
use crate::platform::audit;
use crate::platform::config::Config;
use crate::platform::db::{Clock, Db, SystemClock};
use crate::kernel::members::roles::{self, Scope};
use crate::kernel::members::{UserId, areas};

#[derive(Debug, Parser)]
#[command(name = "kimbot", version, about = "Telegram bot for Kelompok Informasi Masyarakat (KIM)")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Migrate the database, then serve Telegram updates (long polling).
    Run,
    /// Apply database migrations and exit.
    Migrate,
    /// Try the bot without a token: a fake Telegram in-process and a terminal chat.
    Sandbox {
        /// SQLite file for the sandbox (kept between runs).
        #[arg(long, default_value = "kimbot-sandbox.db")]
        db: PathBuf,
    },
    /// Grant a role from the office (no invite code needed).
    Grant {
        #[command(subcommand)]
        role: GrantRole,
    },
    /// Revoke every role of a person.
    Revoke {
        /// Telegram user id.
        #[arg(long)]
        user: i64,
    },
    /// Agencies (OPD) that act on aspirations: import, list, routing rules.
    Opd {
        #[command(subcommand)]
        action: crate::tools::opd::OpdAction,
    },
    /// Areas and KIMs.
    Areas {
        #[command(subcommand)]
        action: crate::tools::areas_cli::AreasAction,
    },
    /// Reports as XLSX + CSV (`;`-separated, UTF-8 with BOM) for office use.
    Export {
        #[command(subcommand)]
        what: ExportWhat,
    },
    /// Show the latest audit log entries, newest first.
    Audit {
        #[arg(long, default_value_t = 50)]
        limit: i64,
        /// Only acts by this Telegram user id.
        #[arg(long)]
        actor: Option<i64>,
        /// Only actions starting with this, e.g. `group.link` or `aspiration`.
        #[arg(long)]
        action: Option<String>,
    },
    /// Benchmarks for the README: the delivery engine against a fake Telegram, the report export.
    Bench {
        #[command(subcommand)]
        what: crate::tools::bench::BenchCommand,
    },
    /// Webhooks to other systems when aspirations change: add, list, remove, failures, retry.
    Webhooks {
        #[command(subcommand)]
        action: crate::features::webhooks::cli::WebhooksAction,
    },
    /// Programme news feeds (RSS 2.0 / Atom) polled into drafts for coordinators.
    Feeds {
        #[command(subcommand)]
        action: crate::features::feeds::cli::FeedsAction,
    },
    /// Surveys: list them, export one survey's results (XLSX, CSV, chart PNG).
    Surveys {
        #[command(subcommand)]
        action: crate::features::surveys::cli::SurveysAction,
    },
    /// Check this server's setup (token, database, migrations, zone, admins, areas,
    /// feeds and webhooks reachable, Telegram's webhook info); exit code 1 if any fails.
    Doctor,
    /// A consistent copy of the SQLite database while the bot runs (VACUUM INTO);
    /// on PostgreSQL, prints the pg_dump line to use.
    Backup {
        /// The copy to write (must not exist yet).
        file: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum GrantRole {
    /// Diskominfo staff for a kota or kecamatan.
    Staff {
        #[arg(long)]
        user: i64,
        /// Area name (e.g. "Ilir Barat I") or full path ("Kota Palembang/Ilir Barat I").
        #[arg(long)]
        area: String,
    },
    /// Coordinator of one KIM.
    Coordinator {
        #[arg(long)]
        user: i64,
        /// KIM code, e.g. IB1-BL.
        #[arg(long)]
        kim: String,
    },
    /// Officer of one agency (OPD): works the tickets sent to it.
    Opd {
        #[arg(long)]
        user: i64,
        /// Agency code, e.g. PUPR (see `kimbot opd list`).
        #[arg(long)]
        opd: String,
        /// The agency's kota, when several kota have an agency with this code.
        #[arg(long)]
        kota: Option<String>,
    },
}

/// A period, an optional area and the output folder: what every period export takes.
#[derive(Debug, clap::Args)]
pub struct PeriodArgs {
    /// First day, e.g. 2026-11-01 or 1/11/2026.
    #[arg(long)]
    from: String,
    /// Last day (included).
    #[arg(long)]
    to: String,
    /// Kota, kecamatan or kelurahan name (or full path); everything when absent.
    #[arg(long)]
    area: Option<String>,
    #[arg(long, default_value = ".")]
    out: PathBuf,
}

#[derive(Debug, Subcommand)]
pub enum ExportWhat {
    /// Aspirations of a period: summary + detail XLSX, detail CSV, weekly chart PNG.
    Aspirations(PeriodArgs),
    /// The UMKM registry, optionally by area, sector code and need code.
    Umkm {
        #[arg(long)]
        area: Option<String>,
        /// Sector code: kuliner, fashion, kriya, jasa, pertanian, perdagangan, lainnya.
        #[arg(long)]
        sector: Option<String>,
        /// Need code: modal, pelatihan, pemasaran, perizinan, qris, kemasan, lainnya.
        #[arg(long)]
        need: Option<String>,
        #[arg(long, default_value = ".")]
        out: PathBuf,
    },
    /// Agency performance ("Kinerja OPD"): tickets sent to agencies (OPD) in a period,
    /// one row per agency, XLSX + CSV.
    Opd(PeriodArgs),
    /// Registrations and attendance of one training.
    Attendance {
        #[arg(long)]
        training: i64,
        #[arg(long, default_value = ".")]
        out: PathBuf,
    },
    /// UMKM programme applications of a period: applicants and recipients (XLSX + CSV).
    Programmes(PeriodArgs),
}

/// Errors of the CLI layer, each printed as one line.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    App(#[from] AppError),
    #[error(transparent)]
    Import(#[from] areas::ImportError),
    #[error(transparent)]
    Areas(#[from] crate::tools::areas_cli::AreasCliError),
    #[error("{0}")]
    Usage(String),
    #[error("cannot read {path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error(transparent)]
    Report(#[from] crate::platform::export::ExportError),
    /// The sandbox could not set itself up or its bot stopped abnormally.
    #[error("sandbox: {0}")]
    Sandbox(String),
    #[error(transparent)]
    Webhooks(#[from] crate::features::webhooks::WebhookError),
    #[error(transparent)]
    Feeds(#[from] crate::features::feeds::cli::FeedsCliError),
    #[error(transparent)]
    Surveys(#[from] crate::features::surveys::cli::SurveysCliError),
    /// `kimbot doctor` found problems (each printed on its own line).
    #[error("{0} check(s) failed")]
    ChecksFailed(usize),
}

impl CliError {
    /// The process's exit code: 1 when `doctor` found problems, 2 for every error.
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::ChecksFailed(_) => 1,
            _ => 2,
        }
    }
}

impl From<crate::platform::db::DbError> for CliError {
    fn from(e: crate::platform::db::DbError) -> Self {
        CliError::App(e.into())
    }
}
impl From<crate::platform::config::ConfigError> for CliError {
    fn from(e: crate::platform::config::ConfigError) -> Self {
        CliError::App(e.into())
    }
}

pub async fn run(cli: Cli) -> Result<(), CliError> {
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    match cli.command {
        Command::Sandbox { db } => crate::tools::sandbox::run(db).await,
        Command::Export { what } => {
            let config = Config::from_env()?;
            let db = Db::connect(&config.database_url, config.backend).await?;
            db.migrate().await?;
            let result = export(&db, &config, what, clock.now()).await;
            db.close().await;
            result
        }
        Command::Bench { what } => crate::tools::bench::run(what).await,
        Command::Doctor => {
            let env = std::env::vars().collect();
            let lines = crate::tools::doctor::run(&env, &mut std::io::stdout()).await;
            match lines.iter().filter(|l| !l.ok).count() {
                0 => Ok(()),
                failed => Err(CliError::ChecksFailed(failed)),
            }
        }
        Command::Backup { file } => crate::tools::backup::run(&Config::from_env()?, &file, &mut std::io::stdout()).await,
        Command::Feeds { action } => {
            let config = Config::from_env()?;
            let db = Db::connect(&config.database_url, config.backend).await?;
            db.migrate().await?;
            let result = crate::features::feeds::cli::run(&db, config.tz, config.outbound, action, clock.now()).await;
            db.close().await;
            Ok(result?)
        }
        Command::Surveys { action } => {
            let config = Config::from_env()?;
            let db = Db::connect(&config.database_url, config.backend).await?;
            db.migrate().await?;
            let result = crate::features::surveys::cli::run(&db, config.tz, action, clock.now(), &mut std::io::stdout()).await;
            db.close().await;
            Ok(result?)
        }
        Command::Run => {
            let app = App::build(Config::from_env()?, clock).await?;
            // Migrations and set-up are done: give back what they freed.
            crate::platform::memory::release_free();
            tracing::info!("kimbot is running; Ctrl-C to stop");
            Ok(app.run_until(app::shutdown_signal()).await?)
        }
        other => {
            let config = Config::from_env()?;
            let db = Db::connect(&config.database_url, config.backend).await?;
            db.migrate().await?;
            let admins: Vec<i64> = config.admins.iter().map(|a| a.0 as i64).collect();
            let result = office(&db, other, &admins, clock.now()).await;
            db.close().await;
            result
        }
    }
}

/// The subcommands that only touch the database.
async fn office(db: &Db, command: Command, admins: &[i64], now: i64) -> Result<(), CliError> {
    match command {
        Command::Migrate => println!("migrations applied"),
        Command::Areas { action } => crate::tools::areas_cli::run(db, action, now, &mut std::io::stdout().lock()).await?,
        Command::Grant { role } => grant(db, role, now).await?,
        Command::Opd { action } => crate::tools::opd::run(db, action, now, &mut std::io::stdout().lock()).await?,
        Command::Revoke { user } => {
            let (n, paused) = crate::kernel::members::roles::revoke_and_hand_over(db, crate::app::registry::role_lost_hooks(), UserId(user), admins, now).await?;
            let detail = format!("user={user} grants={n} schedules_paused={paused} via=cli");
            audit::record(db, None, "role.revoke", &detail, now).await?;
            println!("revoked {n} grant(s) of {user}; {paused} scheduled announcement(s) paused, staff told");
        }
        Command::Audit { limit, actor, action } => {
            let filter = audit::Filter { actor, action_prefix: action };
            for e in audit::page(db, &filter, 0, limit).await?.0 {
                let when = chrono::DateTime::from_timestamp(e.at, 0).map(|t| t.to_rfc3339()).unwrap_or_default();
                let who = e.actor.map(|a| a.to_string()).unwrap_or_else(|| "cli/system".into());
                println!("{when}\t{who}\t{}\t{}", e.action, e.detail);
            }
        }
        Command::Webhooks { action } => crate::features::webhooks::cli::run(db, crate::app::registry::webhook_events(), action, now, &mut std::io::stdout().lock()).await?,
        Command::Run
        | Command::Sandbox { .. }
        | Command::Bench { .. }
        | Command::Export { .. }
        | Command::Feeds { .. }
        | Command::Surveys { .. }
        | Command::Doctor
        | Command::Backup { .. } => {
            unreachable!("handled in run")
        }
    }
    Ok(())
}

async fn export(db: &Db, config: &Config, what: ExportWhat, now: i64) -> Result<(), CliError> {
    use crate::features::reports::office;
    use crate::platform::export::period::Period;
    let tz = config.tz;
    let result = match what {
        ExportWhat::Aspirations(PeriodArgs { from, to, area, out }) => {
            let period = Period::parse(&format!("{from} - {to}")).map_err(|e| CliError::Usage(period_usage(e, &from, &to)))?;
            let area = match area {
                Some(name) => Some(office::resolve_area(db, &name).await.map_err(office_usage)?),
                None => None,
            };
            office::aspirations(db, tz, period, area, &out, now).await
        }
        ExportWhat::Umkm { area, sector, need, out } => {
            let filter = crate::features::umkm::report::UmkmFilter {
                area_path: match area {
                    Some(name) => Some(office::resolve_area(db, &name).await.map_err(office_usage)?.path),
                    None => None,
                },
                sector: code(sector, crate::features::umkm::model::Sector::from_code, "sector")?,
                need: code(need, crate::features::umkm::model::Need::from_code, "need")?,
            };
            office::umkm(db, tz, filter, &out, now).await
        }
        ExportWhat::Opd(args) => declared(db, config, &crate::features::aspirations::report::agencies_export::PERIOD, args, now).await,
        ExportWhat::Attendance { training, out } => office::attendance(db, tz, training, &out, now).await,
        ExportWhat::Programmes(args) => declared(db, config, &crate::features::programmes::report::PERIOD, args, now).await,
    };
    result.map_err(office_usage)
}

/// A declared period report over `--from`/`--to` and an optional area, written into
/// `out` and audited like the other exports of the CLI.
async fn declared(
    db: &Db,
    config: &Config,
    report: &crate::platform::export::kinds::PeriodReport,
    PeriodArgs { from, to, area, out }: PeriodArgs,
    now: i64,
) -> Result<(), crate::features::reports::office::OfficeError> {
    use crate::features::reports::office;
    let period = crate::platform::export::period::Period::parse(&format!("{from} - {to}")).map_err(|e| office::OfficeError::Usage(period_usage(e, &from, &to)))?;
    let area = match area {
        Some(name) => Some(office::resolve_area(db, &name).await?),
        None => None,
    };
    office::period(db, (config.tz, &config.sla), report, (period, area), &out, now).await
}

/// Why `--from`/`--to` were refused, as a sentence that says what to type.
fn period_usage(e: crate::platform::export::period::PeriodError, from: &str, to: &str) -> String {
    use crate::platform::export::period::{MAX_DAYS, PeriodError};
    match e {
        PeriodError::Format => {
            format!("cannot read the dates --from {from:?} --to {to:?}; write each day as 2026-11-01 or 1/11/2026")
        }
        PeriodError::Order => format!("the period ends before it starts: --from {from} is after --to {to}; swap them"),
        PeriodError::TooLong => format!("the period {from} to {to} is longer than {MAX_DAYS} days; export it in parts"),
        PeriodError::OutOfRange => format!("--from {from} --to {to}: dates must lie in the years 2000 to 2100"),
    }
}

fn office_usage(e: crate::features::reports::office::OfficeError) -> CliError {
    match e {
        crate::features::reports::office::OfficeError::Usage(m) => CliError::Usage(m),
        crate::features::reports::office::OfficeError::Report(r) => CliError::Report(r),
    }
}

fn code<T>(given: Option<String>, parse: fn(&str) -> Option<T>, what: &str) -> Result<Option<T>, CliError> {
    given.map(|c| parse(&c).ok_or_else(|| CliError::Usage(format!("unknown {what} code {c:?}")))).transpose()
}

async fn grant(db: &Db, role: GrantRole, now: i64) -> Result<(), CliError> {
    let (user, scope) = match role {
        GrantRole::Staff { user, area } => {
            let mut found = areas::find_scope_areas(db, &area).await?;
            match found.len() {
                1 => (user, Scope::Area(found.remove(0))),
                0 => return Err(CliError::Usage(format!("no kota or kecamatan named {area:?} (see `kimbot areas list`)"))),
                _ => {
                    let paths: Vec<_> = found.iter().map(|a| a.path.as_str()).collect();
                    return Err(CliError::Usage(format!("{area:?} is ambiguous; use one of: {}", paths.join("; "))));
                }
            }
        }
        GrantRole::Coordinator { user, kim } => match areas::kim_by_code(db, &kim).await? {
            Some(k) => (user, Scope::Kim(k)),
            None => return Err(CliError::Usage(format!("no KIM with code {kim:?} (see `kimbot areas list`)"))),
        },
        GrantRole::Opd { user, opd, kota } => (user, Scope::Agency(crate::tools::opd::resolve(db, &opd, kota.as_deref()).await?)),
    };
    roles::grant(db, UserId(user), &scope, None, now).await?;
    let detail = format!("user={user} role={} scope={} via=cli", scope.role().as_str(), scope.label());
    audit::record(db, None, "role.grant", &detail, now).await?;
    println!("granted {} for {} to {user}", scope.role().as_str(), scope.label());
    Ok(())
}
