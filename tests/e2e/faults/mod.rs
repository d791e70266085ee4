//! Rehearsed faults (issue 28): what a city meets — a process lost, a rolling
//! restart, the database restarted, Telegram down, a full disk, a panicking
//! handler — each bounded in time, each checking that nothing is lost and nothing
//! done twice beyond what its doc comment states.
//!
//! Multi-process faults run the real binary (`kimbot run`) behind a round-robin
//! balancer; the PostgreSQL-only ones run only when `TEST_DATABASE_URL` is set
//! (`.ci/run`'s PostgreSQL pass) and return early otherwise.

use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

pub use fake_telegram::Balancer;

mod cluster;
mod full_disk;
mod panics;
mod postgres_restart;
mod takeover;
mod telegram_down;

/// The webhook path every process serves.
pub const HOOK_PATH: &str = "/telegram/fault_hook_3c9d";
/// One secret for every process (else each would read the generated one).
pub const HOOK_SECRET: &str = "fault_suite_secret_1";

/// Whether the PostgreSQL-only faults run here; prints why not.
pub fn on_postgres(test: &str) -> bool {
    let on = std::env::var("TEST_DATABASE_URL").is_ok_and(|v| !v.is_empty());
    if !on {
        println!("{test}: skipped, needs PostgreSQL (TEST_DATABASE_URL)");
    }
    on
}

/// A loopback address nobody listens on right now.
pub fn free_addr() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().to_string()
}

/// `kimbot run` as a child process, HTTP on its own loopback port.
pub struct Kimbot {
    child: Option<Child>,
    pub http: String,
}

impl Kimbot {
    /// Starts the binary with the test's settings on top of the common ones.
    pub fn start(api_url: &str, database_url: &str, env: &[(&str, String)]) -> Kimbot {
        let addr = free_addr();
        let mut command = Command::new(env!("CARGO_BIN_EXE_kimbot"));
        command
            .arg("run")
            .env("TELOXIDE_TOKEN", fake_telegram::TOKEN)
            .env("TELOXIDE_API_URL", api_url)
            .env("DATABASE_URL", database_url)
            .env("KIMBOT_HTTP_ADDR", &addr)
            .env("KIMBOT_PUBLIC_URL", format!("http://{addr}"))
            .env("KIMBOT_ADMINS", crate::support::ADMIN_ID.to_string())
            .env("RUST_LOG", std::env::var("FAULTS_LOG").unwrap_or_else(|_| "error".into()))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit());
        for (k, v) in env {
            command.env(k, v);
        }
        let child = command.spawn().expect("kimbot binary runs");
        Kimbot { child: Some(child), http: format!("http://{addr}") }
    }

    /// SIGKILL: the machine is gone.
    pub fn kill_9(&mut self) {
        if let Some(mut child) = self.child.take() {
            child.kill().expect("SIGKILL");
            child.wait().expect("reaped");
        }
    }

    /// SIGTERM, as a deploy does, and waits (bounded) for the process to end.
    pub fn terminate(&mut self, within: Duration) {
        let Some(mut child) = self.child.take() else { return };
        let sent = Command::new("kill").arg("-TERM").arg(child.id().to_string()).status().expect("kill runs");
        assert!(sent.success());
        let deadline = Instant::now() + within;
        loop {
            if let Some(status) = child.try_wait().unwrap() {
                assert!(status.success(), "kimbot ended with {status} after SIGTERM");
                return;
            }
            if Instant::now() > deadline {
                let _ = child.kill();
                panic!("kimbot did not stop within {within:?} of SIGTERM");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits (bounded) until `/readyz` answers `wanted`; the time it took.
    pub async fn wait_readyz(&self, wanted: u16, within: Duration) -> Duration {
        let started = Instant::now();
        let client = reqwest::Client::builder().no_proxy().timeout(Duration::from_secs(3)).build().unwrap();
        loop {
            let status = client.get(format!("{}/readyz", self.http)).send().await.map(|r| r.status().as_u16());
            if status.as_ref().is_ok_and(|s| *s == wanted) {
                return started.elapsed();
            }
            assert!(started.elapsed() < within, "/readyz never answered {wanted} within {within:?}; last {status:?}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

impl Drop for Kimbot {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// The round-robin balancer in front of the processes (shared with `kimbot bench
/// intake`); returns the public webhook URL and the balancer.
pub async fn balancer() -> (String, Arc<Balancer>) {
    let lb = Balancer::start(HOOK_PATH).await.expect("balancer listens");
    (lb.public.clone(), lb)
}

/// Points the balancer at these processes.
pub fn route_to(lb: &Balancer, bots: &[&Kimbot]) {
    lb.set_targets(&bots.iter().map(|k| k.http.as_str()).collect::<Vec<_>>());
}

/// The settings every process of a webhook cluster gets.
pub fn webhook_env(public: &str) -> Vec<(&'static str, String)> {
    vec![
        ("KIMBOT_TELEGRAM_WEBHOOK_URL", public.to_string()),
        ("KIMBOT_TELEGRAM_WEBHOOK_SECRET", HOOK_SECRET.to_string()),
    ]
}

/// Waits (bounded) until `cond` holds, polling; panics with `what` otherwise.
pub async fn eventually(what: &str, within: Duration, mut cond: impl AsyncFnMut() -> bool) -> Duration {
    let started = Instant::now();
    while !cond().await {
        assert!(started.elapsed() < within, "{what}: not within {within:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    started.elapsed()
}
