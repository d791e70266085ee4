//! What every benchmark needs: a throwaway database, the real app running in the
//! background, memory readings and percentiles.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::app::{App, AppError};
use crate::tools::cli::CliError;
use crate::platform::config::Config;
use crate::platform::db::{Db, SystemClock};

pub fn fail(what: impl std::fmt::Display) -> CliError {
    CliError::Usage(format!("bench: {what}"))
}

/// A database that exists only for one benchmark run.
pub struct BenchDb {
    pub url: String,
    cleanup: Cleanup,
}

enum Cleanup {
    Dir(PathBuf),
    Postgres { server: String, name: String },
}

impl BenchDb {
    /// A temporary SQLite file, or a new database on the PostgreSQL `server`.
    pub async fn create(server: Option<&str>) -> Result<BenchDb, CliError> {
        let tag = format!("{}_{}", std::process::id(), chrono::Utc::now().timestamp_micros());
        match server {
            None => {
                let dir = std::env::temp_dir().join(format!("kimbot-bench-{tag}"));
                std::fs::create_dir_all(&dir).map_err(fail)?;
                let url = format!("sqlite://{}/bench.db?mode=rwc", dir.display());
                Ok(BenchDb { url, cleanup: Cleanup::Dir(dir) })
            }
            Some(server) => {
                let name = format!("kimbot_bench_{tag}");
                admin_sql(server, &format!("CREATE DATABASE {name}")).await?;
                let (base, _) = server.rsplit_once('/').ok_or_else(|| fail("--database-url must end in /<database>"))?;
                let url = format!("{base}/{name}");
                Ok(BenchDb { url, cleanup: Cleanup::Postgres { server: server.to_string(), name } })
            }
        }
    }

    pub fn label(&self) -> &'static str {
        match self.cleanup {
            Cleanup::Dir(_) => "SQLite (temporary file)",
            Cleanup::Postgres { .. } => "PostgreSQL (throwaway database)",
        }
    }

    pub async fn remove(self) {
        match self.cleanup {
            Cleanup::Dir(dir) => {
                let _ = std::fs::remove_dir_all(dir);
            }
            Cleanup::Postgres { server, name } => {
                if let Err(e) = admin_sql(&server, &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).await {
                    eprintln!("could not drop {name}: {e}");
                }
            }
        }
    }
}

async fn admin_sql(server: &str, sql: &str) -> Result<(), CliError> {
    use sqlx::{ConnectOptions, Connection};
    sqlx::any::install_default_drivers();
    let options: sqlx::any::AnyConnectOptions = server.parse().map_err(fail)?;
    let mut conn = sqlx::AnyConnection::connect_with(&options.disable_statement_logging()).await.map_err(fail)?;
    sqlx::raw_sql(sqlx::AssertSqlSafe(sql.to_string())).execute(&mut conn).await.map_err(fail)?;
    conn.close().await.map_err(fail)
}

/// The process environment (so `KIMBOT_SEND_*` apply) with the bench's Telegram,
/// database and any `overrides`.
pub fn config(api_url: &str, database_url: &str, overrides: &[(&str, &str)]) -> Result<Config, CliError> {
    let mut env: HashMap<String, String> = std::env::vars().collect();
    env.insert("TELOXIDE_TOKEN".into(), fake_telegram::TOKEN.into());
    env.insert("TELOXIDE_API_URL".into(), api_url.into());
    env.insert("DATABASE_URL".into(), database_url.into());
    // A benchmark serves no HTTP (and must not take the port of a running bot).
    env.insert("KIMBOT_HTTP_ADDR".into(), "off".into());
    for (k, v) in overrides {
        env.insert(k.to_string(), v.to_string());
    }
    Ok(Config::from_map(&env)?)
}

/// The real application, running until [`Running::stop`].
pub struct Running {
    stop: oneshot::Sender<()>,
    handle: JoinHandle<Result<(), AppError>>,
}

impl Running {
    pub async fn start(config: Config) -> Result<Running, CliError> {
        let app = App::build(config, Arc::new(SystemClock)).await?;
        let (stop, stopped) = oneshot::channel::<()>();
        let handle = tokio::spawn(app.run_until(async move {
            let _ = stopped.await;
        }));
        Ok(Running { stop, handle })
    }

    pub async fn stop(self) -> Result<(), CliError> {
        let _ = self.stop.send(());
        self.handle.await.map_err(fail)??;
        Ok(())
    }
}

/// `kimbot run` as a child process of this binary (a real process: its own
/// memory, its own pool, killed with the bench), on the bench's fake Telegram and
/// database, HTTP on `http` (`host:port`), with `extra` settings. Logs at `error`.
pub struct Child(std::process::Child);

impl Child {
    pub fn spawn(api_url: &str, database_url: &str, http: &str, extra: &[(&str, &str)]) -> Result<Child, CliError> {
        let mut command = std::process::Command::new(std::env::current_exe().map_err(fail)?);
        command
            .arg("run")
            .env("TELOXIDE_TOKEN", fake_telegram::TOKEN)
            .env("TELOXIDE_API_URL", api_url)
            .env("DATABASE_URL", database_url)
            .env("KIMBOT_HTTP_ADDR", http)
            .env("KIMBOT_PUBLIC_URL", format!("http://{http}"))
            .env("RUST_LOG", "error")
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null());
        for (k, v) in extra {
            command.env(k, v);
        }
        command.spawn().map(Child).map_err(fail)
    }

    pub fn id(&self) -> u32 {
        self.0.id()
    }
}

impl Drop for Child {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A loopback `host:port` nobody listens on right now.
pub fn free_addr() -> Result<String, CliError> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").map_err(fail)?;
    Ok(listener.local_addr().map_err(fail)?.to_string())
}

/// Rows not yet sent or failed.
pub async fn unfinished(db: &Db) -> Result<i64, CliError> {
    use sqlx::Row;
    let row = sqlx::query("SELECT COUNT(*) AS n FROM outbox WHERE status IN ('queued', 'sending')")
        .fetch_one(&db.pool)
        .await
        .map_err(fail)?;
    row.try_get("n").map_err(fail)
}

/// Peak resident memory of this process so far (`VmHWM`), in MiB.
pub fn peak_memory_mib() -> f64 {
    proc_status_kib("VmHWM:") as f64 / 1024.0
}

/// Starts the peak (`VmHWM`) over from the current size, so a phase is measured on
/// its own (Linux: writing 5 to `clear_refs`).
pub fn reset_peak_memory() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// Resident memory now (`VmRSS`), in MiB.
pub fn memory_mib() -> f64 {
    proc_status_kib("VmRSS:") as f64 / 1024.0
}

/// `key` (with its colon, `"VmRSS:"`) of this process's `/proc/self/status`; 0 if unreadable.
fn proc_status_kib(key: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    parse_status(&status).get(key.trim_end_matches(':')).copied().unwrap_or(0)
}

/// `Key: value kB` lines of a `/proc/PID/status` (plain counts such as `Threads` too).
pub fn parse_status(status: &str) -> std::collections::BTreeMap<String, u64> {
    status
        .lines()
        .filter_map(|line| {
            let (key, rest) = line.split_once(':')?;
            let value = rest.split_whitespace().next()?.parse().ok()?;
            Some((key.to_string(), value))
        })
        .collect()
}

/// Nearest-rank percentile of sorted samples.
pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

pub fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_use_the_nearest_rank() {
        let v: Vec<Duration> = (1..=100).map(Duration::from_millis).collect();
        assert_eq!(percentile(&v, 50.0), Duration::from_millis(50));
        assert_eq!(percentile(&v, 99.0), Duration::from_millis(99));
        assert_eq!(percentile(&v[..1], 99.0), Duration::from_millis(1));
        assert_eq!(percentile(&[], 50.0), Duration::ZERO);
    }
}
