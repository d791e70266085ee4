//! `kimbot bench idle`: what a started, idle `kimbot run` keeps resident.
//!
//! The bot runs as a child process exactly as an operator starts it (`kimbot run`,
//! long polling a fake Bot API in a second child, a temporary SQLite file, HTTP on a
//! loopback port), so the reading is the bot's own and not the benchmark's. After
//! `--seconds` the child's `/proc/PID/status` and `smaps` are read: the resident set
//! split into memory the process allocated (anonymous) and pages of files mapped in,
//! the executable's own pages by kind (code, read-only data, relocated data).
//!
//! "Idle" is what a deployed bot does with no users: background jobs polling the
//! database, long polling Telegram, and the operator's monitoring asking `/healthz`,
//! `/readyz` and `/metrics` (every `--probe-every` seconds; 0 for none).

use std::collections::BTreeMap;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use super::env::{BenchDb, fail, parse_status};
use super::queue::FakeServer;
use crate::tools::cli::CliError;

/// The bearer token the probes send for `/metrics`.
const METRICS_TOKEN: &str = "bench_idle_metrics_token";

/// Runs the measurement and prints it.
pub async fn run(seconds: u64, probe_every: u64) -> Result<(), CliError> {
    let fake = FakeServer::spawn(1)?;
    let bench_db = BenchDb::create(None).await?;
    let http_addr = free_loopback_addr()?;
    let mut bot = spawn_bot(&fake.url, &bench_db.url, &http_addr)?;
    let probes = monitor(&http_addr, Duration::from_secs(seconds), probe_every).await;
    let reading = match bot.try_wait().map_err(fail)? {
        Some(status) => Err(fail(format!("`kimbot run` ended early ({status})"))),
        None => Reading::of(bot.id()),
    };
    let _ = bot.kill();
    let _ = bot.wait();
    drop(fake);
    bench_db.remove().await;
    reading?.print(seconds);
    println!("  monitoring probes          {probes}");
    Ok(())
}

/// A loopback address with a port nobody listens on right now.
fn free_loopback_addr() -> Result<String, CliError> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").map_err(fail)?;
    Ok(listener.local_addr().map_err(fail)?.to_string())
}

/// Asks the health, readiness and metrics endpoints every `every` seconds (as an
/// operator's monitoring would) until `total` has passed; says how many answered 200.
async fn monitor(addr: &str, total: Duration, every: u64) -> String {
    if every == 0 {
        tokio::time::sleep(total).await;
        return "none".into();
    }
    // Straight to the loopback port, whatever HTTP(S)_PROXY the shell has.
    let client = reqwest::Client::builder().no_proxy().build().unwrap_or_default();
    let deadline = tokio::time::Instant::now() + total;
    let (mut asked, mut ok) = (0, 0);
    loop {
        let next = tokio::time::Instant::now() + Duration::from_secs(every);
        if next > deadline {
            tokio::time::sleep_until(deadline).await;
            return format!("{ok} of {asked} answered 200 (/healthz, /readyz, /metrics every {every} s)");
        }
        tokio::time::sleep_until(next).await;
        for path in ["healthz", "readyz", "metrics"] {
            let request = client.get(format!("http://{addr}/{path}")).bearer_auth(METRICS_TOKEN);
            asked += 1;
            ok += request.send().await.is_ok_and(|r| r.status() == reqwest::StatusCode::OK) as u32;
        }
    }
}

/// `kimbot run` from this very executable, logging only errors.
fn spawn_bot(api_url: &str, database_url: &str, http_addr: &str) -> Result<Child, CliError> {
    let exe = std::env::current_exe().map_err(fail)?;
    Command::new(exe)
        .arg("run")
        .env("TELOXIDE_TOKEN", fake_telegram::TOKEN)
        .env("TELOXIDE_API_URL", api_url)
        .env("DATABASE_URL", database_url)
        .env("KIMBOT_HTTP_ADDR", http_addr)
        .env("KIMBOT_METRICS_TOKEN", METRICS_TOKEN)
        .env("RUST_LOG", "error")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .spawn()
        .map_err(fail)
}

/// One look at a process's memory, in KiB.
struct Reading {
    status: BTreeMap<String, u64>,
    /// The executable's resident pages by mapping permissions (`r-xp`, `r--p`, `rw-p`).
    exe_by_perms: BTreeMap<String, u64>,
    /// Resident pages of other files (shared libraries).
    libraries: u64,
    executable_size: u64,
}

impl Reading {
    fn of(pid: u32) -> Result<Reading, CliError> {
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).map_err(fail)?;
        let smaps = std::fs::read_to_string(format!("/proc/{pid}/smaps")).map_err(fail)?;
        let exe = std::fs::read_link(format!("/proc/{pid}/exe")).map_err(fail)?;
        let executable_size = std::fs::metadata(&exe).map_err(fail)?.len() / 1024;
        let (exe_by_perms, libraries) = split_smaps(&smaps, &exe.to_string_lossy());
        Ok(Reading { status: parse_status(&status), exe_by_perms, libraries, executable_size })
    }

    fn print(&self, seconds: u64) {
        let mib = |kib: u64| kib as f64 / 1024.0;
        let get = |key: &str| self.status.get(key).copied().unwrap_or(0);
        println!("kimbot bench idle — `kimbot run`, SQLite, fake Telegram on loopback, read {seconds} s after start");
        println!("  VmRSS                      {:.1} MiB (peak VmHWM {:.1} MiB), {} threads", mib(get("VmRSS")), mib(get("VmHWM")), get("Threads"));
        println!("  anonymous (RssAnon)        {:.1} MiB: heap, stacks, relocated data", mib(get("RssAnon")));
        println!("  file pages (RssFile)       {:.1} MiB", mib(get("RssFile")));
        for (perms, kib) in &self.exe_by_perms {
            println!("    executable {perms:<14}  {:.1} MiB", mib(*kib));
        }
        println!("    shared libraries         {:.1} MiB", mib(self.libraries));
        println!("  executable on disk         {:.1} MiB", mib(self.executable_size));
    }
}

/// Resident KiB of `exe`'s mappings by permissions, and of every other file.
fn split_smaps(smaps: &str, exe: &str) -> (BTreeMap<String, u64>, u64) {
    let mut by_perms = BTreeMap::new();
    let mut libraries = 0;
    let mut current: Option<(String, String)> = None;
    for line in smaps.lines() {
        let mut fields = line.split_whitespace();
        let first = fields.next().unwrap_or("");
        if first.contains('-') && !first.ends_with(':') {
            let perms = fields.next().unwrap_or("").to_string();
            let path = fields.nth(3).unwrap_or("").to_string();
            current = Some((perms, path));
        } else if first == "Rss:" {
            let kib: u64 = fields.next().and_then(|v| v.parse().ok()).unwrap_or(0);
            match &current {
                Some((perms, path)) if path == exe => *by_perms.entry(perms.clone()).or_insert(0) += kib,
                Some((_, path)) if path.starts_with('/') => libraries += kib,
                _ => {}
            }
        }
    }
    (by_perms, libraries)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMAPS: &str = "\
55d0-55e0 r--p 00000000 fe:01 123 /usr/bin/kimbot
Size:                 64 kB
Rss:                  40 kB
55e0-56e0 r-xp 00010000 fe:01 123 /usr/bin/kimbot
Rss:                 900 kB
56e0-56f0 r--p 00110000 fe:01 123 /usr/bin/kimbot
Rss:                  24 kB
7f00-7f10 r-xp 00000000 fe:01 77 /usr/lib/x86_64-linux-gnu/libc.so.6
Rss:                 300 kB
7f20-7f30 rw-p 00000000 00:00 0
Rss:                 512 kB
7ffc-7ffd rw-p 00000000 00:00 0 [stack]
Rss:                  12 kB
";

    #[test]
    fn smaps_is_split_into_the_executables_kinds_and_libraries() {
        let (exe, libs) = split_smaps(SMAPS, "/usr/bin/kimbot");
        // The two kinds in permission order (read-only data, then code).
        let kinds: Vec<(&str, u64)> = exe.iter().map(|(perms, kib)| (&perms[1..3], *kib)).collect();
        assert_eq!(kinds, vec![("--", 64), ("-x", 900)]);
        assert_eq!(libs, 300);
    }

    #[test]
    fn status_lines_become_numbers() {
        let status = parse_status("Name:\tkimbot\nVmRSS:\t   26712 kB\nThreads:\t7\n");
        assert_eq!(status.get("VmRSS"), Some(&26712));
        assert_eq!(status.get("Threads"), Some(&7));
        assert!(!status.contains_key("Name"));
    }
}
