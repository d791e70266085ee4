//! `kimbot sandbox`: try the real bot on a fresh machine, without a Telegram token.
//!
//! The application runs through exactly the code path of `kimbot run`
//! ([`App::build`] then [`App::run_until`]) on a SQLite file, against the
//! in-process fake Bot API from the `fake-telegram` crate on loopback. The
//! terminal plays four people (resident, coordinator, staff, admin): lines typed on
//! stdin become their updates ([`session`]), and every message the bot sends
//! is printed as it arrives ([`render`]). Plain line-based stdin/stdout, so it
//! works in any terminal and when stdin is piped (that is how it is tested).
//! Log lines go to a file next to the database ([`log_path`]), never into the chat;
//! `KIMBOT_*` settings of the environment apply (e.g. `KIMBOT_OUTBOUND_ALLOW_PRIVATE`
//! for a feed on this machine), except the ones the sandbox must own.

mod files;
mod input;
mod render;
mod session;

use std::collections::HashMap;
use std::io::IsTerminal;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use fake_telegram::FakeTelegram;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::sync::{broadcast, oneshot};
use tokio::task::JoinHandle;

use crate::app::{App, AppError};
use crate::tools::cli::CliError;
use crate::platform::config::Config;
use crate::platform::db::{Db, SharedClock, SystemClock};
use crate::kernel::members::{UserId, areas};
use crate::kernel::members::roles::{self, Scope};
use input::{HELP, PERSONAS, Persona};
use session::Session;

/// The shipped example areas, embedded so the sandbox works from any directory.
const AREAS_CSV: &str = include_str!("../../../data/areas-palembang.csv");
/// The KIM the coordinator persona runs (and the one to try `/start` with).
const SANDBOX_KIM: &str = "IB1-BL";
/// How long quitting waits for the bot to fetch the last updates.
const FETCH_GRACE: Duration = Duration::from_secs(5);

/// Where the sandbox's log lines go: the database's path with `.log` (the chat
/// owns the terminal).
pub fn log_path(db_path: &Path) -> PathBuf {
    db_path.with_extension("log")
}

/// Where `:file` saves documents: `<database name>-files` next to it.
fn files_dir(db_path: &Path) -> PathBuf {
    let stem = db_path.file_stem().and_then(|s| s.to_str()).unwrap_or("sandbox");
    db_path.with_file_name(format!("{stem}-files"))
}

/// Runs the sandbox until `:q` or end of input; the database file is kept, so a
/// second run continues where the first stopped.
pub async fn run(db_path: PathBuf) -> Result<(), CliError> {
    let database_url = sqlite_url(&db_path)?;
    let clock: SharedClock = Arc::new(SystemClock);
    let fake = start_fake().await?;
    let http = bind_http().await?;
    let console = format!("http://{}", http.local_addr().map_err(|e| CliError::Sandbox(e.to_string()))?);
    let config = sandbox_config(&fake, &database_url, &console)?;
    prepare_database(&config, clock.now()).await?;

    let printer = spawn_printer(fake.subscribe());
    let app = App::build(config, clock).await?.with_http_listener(http);
    let (stop, stopped) = oneshot::channel::<()>();
    let running = tokio::spawn(app.run_until(async move {
        let _ = stopped.await;
    }));

    let mut session = Session::new(fake.clone(), !std::io::stdin().is_terminal(), files_dir(&db_path));
    println!("{}\n· database: {} | {}", help(), db_path.display(), session.whoami());
    println!("· log: {} (bot log lines go there, not here | catatan log ada di berkas itu)", log_path(&db_path).display());
    println!("· console: {console}/dasbor (log in with /dasbor as koordinator, staf or admin)");
    let chatted = chat(&mut session).await;

    let stopped = stop_app(&fake, stop, running).await;
    printer.finish().await;
    fake.shutdown();
    chatted.and(stopped)
}

/// [`HELP`] with one line per persona and its role's commands, as the bot's
/// registry lists them (commands with a help line, each once).
pub fn help() -> String {
    let mut out = HELP.to_string();
    let Ok(registry) = crate::app::registry::registry() else { return out };
    for (persona, role, what) in PERSONAS {
        let mut names: Vec<&str> = registry.commands().filter(|c| c.role == role && c.help.is_some()).map(|c| c.name).collect();
        names.dedup();
        let commands = names.iter().map(|n| format!("/{n}")).collect::<Vec<_>>().join(", ");
        out.push_str(&format!("\n  {persona} {what}: {commands}"));
    }
    out.push_str("\n  /bantuan shows what the current person may do | /bantuan menampilkan perintah orang ini");
    out
}

/// `sqlite://<path>?mode=rwc` (created if missing). Paths that would not survive
/// inside a URL are refused with a clear line instead of opening some other file.
fn sqlite_url(path: &Path) -> Result<String, CliError> {
    let text = path.to_str().filter(|p| !p.is_empty() && !p.contains(['?', '#']));
    match text {
        Some(p) => Ok(format!("sqlite://{p}?mode=rwc")),
        None => Err(CliError::Usage(format!("--db {}: use a plain file path (no ? or #)", path.display()))),
    }
}

/// The fake Bot API on a free loopback port, so nothing leaves the machine.
async fn start_fake() -> Result<FakeTelegram, CliError> {
    let addr = SocketAddr::from(([127, 0, 0, 1], 0));
    FakeTelegram::start_on(addr)
        .await
        .map_err(|e| CliError::Sandbox(format!("cannot listen on {addr} for the fake Telegram: {e}")))
}

/// The HTTP listener (console, health, metrics) on `KIMBOT_HTTP_ADDR` (default
/// 127.0.0.1:8080); when that port is taken, on a free loopback port instead, so
/// trying the bot never fails on a busy port.
async fn bind_http() -> Result<tokio::net::TcpListener, CliError> {
    let wanted = std::env::var("KIMBOT_HTTP_ADDR").unwrap_or_else(|_| crate::platform::config::DEFAULT_HTTP_ADDR.to_string());
    let addr: SocketAddr = wanted
        .trim()
        .parse()
        .map_err(|_| CliError::Sandbox(format!("KIMBOT_HTTP_ADDR must be host:port (got {wanted:?})")))?;
    match tokio::net::TcpListener::bind(addr).await {
        Ok(listener) => Ok(listener),
        Err(_) => tokio::net::TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], 0)))
            .await
            .map_err(|e| CliError::Sandbox(format!("cannot listen for the console: {e}"))),
    }
}

/// The same settings `kimbot run` reads from the environment (`KIMBOT_*`: time
/// zone, outbound guard, send limits …), pointed at the fake. The sandbox owns the
/// token, API URL, database, admins and console address; HTTP is served on the
/// listener bound by [`bind_http`], so the setting is off here.
fn sandbox_config(fake: &FakeTelegram, database_url: &str, console: &str) -> Result<Config, CliError> {
    let mut env: HashMap<String, String> = std::env::vars().filter(|(k, _)| k.starts_with("KIMBOT_")).collect();
    env.extend([
        ("TELOXIDE_TOKEN", fake_telegram::TOKEN.to_string()),
        ("TELOXIDE_API_URL", fake.api_url()),
        ("DATABASE_URL", database_url.to_string()),
        ("KIMBOT_ADMINS", Persona::Admin.id().to_string()),
        ("KIMBOT_PUBLIC_URL", console.to_string()),
        ("KIMBOT_HTTP_ADDR", "off".to_string()),
    ]
    .map(|(k, v)| (k.to_string(), v)));
    Ok(Config::from_map(&env)?)
}

/// Migrates, loads the example areas into an empty database, and makes the
/// coordinator persona coordinator of [`SANDBOX_KIM`] and the staff persona staff
/// of its kecamatan (idempotent), so every role can be tried on the first run. Update ids of an earlier run are
/// forgotten: the new fake Telegram numbers its updates from 1 again.
async fn prepare_database(config: &Config, now: i64) -> Result<(), CliError> {
    let db = Db::connect(&config.database_url, config.backend).await?;
    let result = seed(&db, now).await;
    db.close().await;
    result
}

async fn seed(db: &Db, now: i64) -> Result<(), CliError> {
    db.migrate().await?;
    crate::bot::forget_processed_updates(db).await.map_err(crate::platform::db::DbError::from)?;
    if areas::count_kims(db).await? == 0 {
        areas::import_csv(db, AREAS_CSV.as_bytes()).await?;
    }
    let kim = areas::kim_by_code(db, SANDBOX_KIM).await?.ok_or_else(|| {
        CliError::Sandbox(format!("the database has no KIM {SANDBOX_KIM}; delete it to start afresh"))
    })?;
    let kecamatan = kim.area_path.rsplit_once('/').map(|(parent, _)| parent.to_string()).unwrap_or_default();
    roles::grant(db, UserId(Persona::Koordinator.id()), &Scope::Kim(kim), None, now).await?;
    if let Some(area) = areas::find_scope_areas(db, &kecamatan).await?.into_iter().next() {
        roles::grant(db, UserId(Persona::Staf.id()), &Scope::Area(area), None, now).await?;
    }
    Ok(())
}

/// Reads lines until `:q` or end of input. Stdin is read only between lines, so
/// no blocking read is left behind to hold up the exit.
async fn chat(session: &mut Session) -> Result<(), CliError> {
    let mut lines = BufReader::new(tokio::io::stdin()).lines();
    loop {
        let line = lines.next_line().await.map_err(|source| CliError::Io { path: "stdin".into(), source })?;
        let Some(line) = line else { return Ok(()) };
        if !session.handle(&line).await {
            return Ok(());
        }
    }
}

/// Lets the bot fetch what was typed last (piped input often ends right after
/// it), then sends the shutdown signal and waits for the updates in hand.
async fn stop_app(
    fake: &FakeTelegram,
    stop: oneshot::Sender<()>,
    running: JoinHandle<Result<(), AppError>>,
) -> Result<(), CliError> {
    let deadline = tokio::time::Instant::now() + FETCH_GRACE;
    while fake.pending_updates() > 0 && tokio::time::Instant::now() < deadline && !running.is_finished() {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let _ = stop.send(());
    match running.await {
        Ok(result) => Ok(result?),
        Err(e) => Err(CliError::Sandbox(format!("the bot stopped abnormally: {e}"))),
    }
}

/// Prints bot events as they arrive, in their own task so output never waits
/// for the user to type.
struct Printer {
    done: oneshot::Sender<()>,
    task: JoinHandle<()>,
}

fn spawn_printer(mut events: broadcast::Receiver<fake_telegram::BotEvent>) -> Printer {
    let mut transcript = render::Transcript::new(Session::chat_names());
    let (done, mut finish) = oneshot::channel::<()>();
    let mut show = move |e: &fake_telegram::BotEvent| {
        let text = transcript.show(e);
        if !text.is_empty() {
            println!("{text}");
        }
    };
    let task = tokio::spawn(async move {
        loop {
            tokio::select! {
                biased;
                e = events.recv() => match e {
                    Ok(e) => show(&e),
                    Err(broadcast::error::RecvError::Lagged(n)) => println!("· ({n} bot events not shown)"),
                    Err(broadcast::error::RecvError::Closed) => return,
                },
                _ = &mut finish => break,
            }
        }
        while let Ok(e) = events.try_recv() {
            show(&e);
        }
    });
    Printer { done, task }
}

impl Printer {
    /// Prints what is still queued (the replies to the last updates), then stops.
    async fn finish(self) {
        let _ = self.done.send(());
        let _ = self.task.await;
    }
}
