//! Test harness: the real application against the fake Bot API and a fresh database.
//!
//! `spawn_app()` gives each test its own fake Telegram on a random loopback port and
//! its own database: a temporary SQLite file, or a new PostgreSQL database when
//! `TEST_DATABASE_URL` points at a server (the same suite runs on both).

#![allow(dead_code)]

use std::collections::HashMap;
use std::sync::{Arc, Once};
use kimbot::kernel::members::UserId;

use fake_telegram::{FakeTelegram, Person};
use kimbot::app::{App, AppError};
use kimbot::platform::config::Config;
use kimbot::platform::db::{Db, ManualClock, SharedClock, SystemClock};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// Telegram user id listed in `KIMBOT_ADMINS` for every test app.
pub const ADMIN_ID: i64 = 9000;

pub struct TestApp {
    pub fake: FakeTelegram,
    pub database_url: String,
    /// A pool of the test's own, for arranging data and checking results.
    pub db: Db,
    pub clock: SharedClock,
    /// Extra environment for the app's config (e.g. `KIMBOT_SEND_*`), kept across restarts.
    pub env: Vec<(String, String)>,
    running: Option<(oneshot::Sender<()>, JoinHandle<Result<(), AppError>>)>,
    /// Base URL of the app's HTTP listener (console, `/healthz`, `/readyz`, `/metrics`),
    /// a fresh loopback port per start.
    pub console_url: String,
    /// The running app's context (for tests that look inside it).
    pub ctx: Option<Arc<kimbot::app::AppCtx>>,
    _dir: tempfile::TempDir,
}

/// Starts the app on a fresh database loaded with the shipped Palembang areas.
pub async fn spawn_app() -> TestApp {
    spawn_app_on(Arc::new(SystemClock)).await
}

/// Like [`spawn_app`], on a clock the test moves by hand (schedules, deadlines): the
/// app, its scheduler and its delivery worker all read this clock.
pub async fn spawn_app_with_clock(clock: Arc<ManualClock>) -> TestApp {
    spawn_app_on(clock).await
}

/// Conversation tests answer one person many times within seconds; Telegram's
/// ~1/s per private chat would only make them slow. The delivery tests, which check
/// the pacing itself, start through [`spawn_app_with`] and keep the real limits.
const CONVERSATION_PACE: (&str, &str) = ("KIMBOT_SEND_PRIVATE_PER_SECOND", "50");

async fn spawn_app_on(clock: SharedClock) -> TestApp {
    let mut app = spawn_app_without_areas().await;
    app.clock = clock;
    app.env = vec![(CONVERSATION_PACE.0.to_string(), CONVERSATION_PACE.1.to_string())];
    app.load_areas().await;
    app.start().await;
    app
}

/// Like [`spawn_app`], with extra settings such as `("KIMBOT_SEND_PER_SECOND", "2")`.
pub async fn spawn_app_with(env: &[(&str, &str)]) -> TestApp {
    let mut app = spawn_app_without_areas().await;
    app.env = env.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    let csv = std::fs::File::open(concat!(env!("CARGO_MANIFEST_DIR"), "/data/areas-palembang.csv")).unwrap();
    kimbot::kernel::members::areas::import_csv(&app.db, csv).await.expect("areas import");
    app.start().await;
    app
}

/// A fresh database and fake Telegram, app not started yet.
pub async fn spawn_app_without_areas() -> TestApp {
    init_logging();
    let fake = FakeTelegram::start().await;
    let dir = tempfile::tempdir().unwrap();
    let database_url = fresh_database(&dir).await;
    let config = config_for(&fake, &database_url);
    let db = Db::connect(&database_url, config.backend).await.expect("test database");
    db.migrate().await.expect("migrations");
    TestApp { fake, database_url, db, clock: Arc::new(SystemClock), env: Vec::new(), running: None, console_url: String::new(), ctx: None, _dir: dir }
}

pub fn config_for(fake: &FakeTelegram, database_url: &str) -> Config {
    config_with(fake, database_url, &[])
}

pub fn config_with(fake: &FakeTelegram, database_url: &str, extra: &[(String, String)]) -> Config {
    let mut env: HashMap<String, String> = [
        ("TELOXIDE_TOKEN", fake_telegram::TOKEN.to_string()),
        ("TELOXIDE_API_URL", fake.api_url()),
        ("DATABASE_URL", database_url.to_string()),
        ("KIMBOT_ADMINS", ADMIN_ID.to_string()),
        // Test servers (feeds, webhook receivers) listen on 127.0.0.1.
        ("KIMBOT_OUTBOUND_ALLOW_PRIVATE", "1".to_string()),
        // Many apps run at once: none takes the default port; `start` hands each
        // its own listener on port 0.
        ("KIMBOT_HTTP_ADDR", "off".to_string()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    env.extend(extra.iter().cloned());
    Config::from_map(&env).expect("test config")
}

async fn fresh_database(dir: &tempfile::TempDir) -> String {
    match std::env::var("TEST_DATABASE_URL") {
        Ok(server) if !server.is_empty() => {
            use sqlx::Connection;
            sqlx::any::install_default_drivers();
            let name = format!("t_{}", rand_suffix());
            let mut conn = sqlx::AnyConnection::connect(&server).await.expect("TEST_DATABASE_URL reachable");
            sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}"))).execute(&mut conn).await.unwrap();
            conn.close().await.unwrap();
            let (base, _) = server.rsplit_once('/').expect("TEST_DATABASE_URL ends in /<database>");
            format!("{base}/{name}")
        }
        _ => format!("sqlite://{}/kimbot.db?mode=rwc", dir.path().display()),
    }
}

fn rand_suffix() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().subsec_nanos();
    format!("{}_{}_{}", std::process::id(), N.fetch_add(1, Ordering::SeqCst), nanos)
}

fn init_logging() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| kimbot::platform::telemetry::init("warn"));
}

impl TestApp {
    pub async fn load_areas(&self) {
        let csv = std::fs::File::open(concat!(env!("CARGO_MANIFEST_DIR"), "/data/areas-palembang.csv")).unwrap();
        kimbot::kernel::members::areas::import_csv(&self.db, csv).await.expect("areas import");
    }

    /// Starts the application exactly as `kimbot run` does, its HTTP listener on a
    /// free loopback port.
    pub async fn start(&mut self) {
        assert!(self.running.is_none(), "already running");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        self.console_url = format!("http://{}", listener.local_addr().unwrap());
        // `{http}` in a setting stands for this start's listener (e.g. the webhook URL).
        let mut env: Vec<(String, String)> = self.env.iter().map(|(k, v)| (k.clone(), v.replace("{http}", &self.console_url))).collect();
        // A test may give its own public URL (e.g. https, for the console's cookie).
        if !env.iter().any(|(k, _)| k == "KIMBOT_PUBLIC_URL") {
            env.push(("KIMBOT_PUBLIC_URL".into(), self.console_url.clone()));
        }
        let config = config_with(&self.fake, &self.database_url, &env);
        let app = App::build(config, self.clock.clone()).await.expect("app builds").with_http_listener(listener);
        self.ctx = Some(app.ctx());
        let (stop, stopped) = oneshot::channel::<()>();
        let handle = tokio::spawn(app.run_until(async move {
            let _ = stopped.await;
        }));
        self.running = Some((stop, handle));
    }

    /// Stops as on SIGTERM: updates in hand are finished, the pool is closed.
    pub async fn stop(&mut self) {
        self.ctx = None;
        if let Some((stop, handle)) = self.running.take() {
            let _ = stop.send(());
            handle.await.expect("app task").expect("app stopped cleanly");
        }
    }

    pub async fn restart(&mut self) {
        self.stop().await;
        self.start().await;
    }

    pub fn user(&self, id: i64, first_name: &str) -> Person {
        self.fake.user(id, first_name)
    }

    pub fn admin(&self) -> Person {
        self.fake.user(ADMIN_ID, "Admin")
    }

    /// A resident who went through `/start <code>` and agreed.
    pub async fn member_of(&self, id: i64, name: &str, kim_code: &str) -> Person {
        let p = self.user(id, name);
        p.send(&format!("/start {kim_code}")).await;
        p.next_message().await;
        p.press("Setuju").await;
        let joined = p.next_message_skipping_edits().await;
        assert!(joined.text.contains("tergabung"), "{}", joined.text);
        p
    }

    /// Grants a role through the same store the CLI uses.
    pub async fn grant_coordinator(&self, user_id: i64, kim_code: &str) {
        let kim = kimbot::kernel::members::areas::kim_by_code(&self.db, kim_code).await.unwrap().unwrap();
        kimbot::kernel::members::roles::grant(&self.db, UserId(user_id), &kimbot::kernel::members::roles::Scope::Kim(kim), None, 0)
            .await
            .unwrap();
    }

    pub async fn grant_staff(&self, user_id: i64, area: &str) {
        let mut found = kimbot::kernel::members::areas::find_scope_areas(&self.db, area).await.unwrap();
        assert_eq!(found.len(), 1, "{area}");
        kimbot::kernel::members::roles::grant(&self.db, UserId(user_id), &kimbot::kernel::members::roles::Scope::Area(found.remove(0)), None, 0)
            .await
            .unwrap();
    }

    /// One integer from a query, for assertions.
    pub async fn count(&self, sql: &'static str, bind: i64) -> i64 {
        use sqlx::Row;
        sqlx::query(sql).bind(bind).fetch_one(&self.db.pool).await.unwrap().try_get(0).unwrap()
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some((stop, handle)) = self.running.take() {
            let _ = stop.send(());
            handle.abort();
        }
        self.fake.shutdown();
    }
}

/// Reading helpers on top of the fake's people API.
#[allow(async_fn_in_trait)]
pub trait PersonExt {
    /// The next message the bot *sent* to this chat, skipping edits of earlier ones
    /// (e.g. buttons removed from a message that was answered).
    async fn next_message_skipping_edits(&self) -> fake_telegram::BotMessage;
}

impl PersonExt for Person {
    async fn next_message_skipping_edits(&self) -> fake_telegram::BotMessage {
        loop {
            let m = self.next_message().await;
            if !m.edited {
                return m;
            }
        }
    }
}

pub trait MessageExt {
    fn has_button(&self, label: &str) -> bool;
    fn button_labels(&self) -> Vec<String>;
}

impl MessageExt for fake_telegram::BotMessage {
    fn has_button(&self, label: &str) -> bool {
        self.buttons.iter().flatten().any(|b| b.text.contains(label))
    }
    fn button_labels(&self) -> Vec<String> {
        self.buttons.iter().flatten().map(|b| b.text.clone()).collect()
    }
}

impl TestApp {
    /// Waits (bounded, 5 s) for a call to `method` whose params satisfy `pred`.
    pub async fn wait_for_call(
        &self,
        method: &str,
        pred: impl Fn(&serde_json::Value) -> bool,
    ) -> fake_telegram::Call {
        for _ in 0..100 {
            if let Some(call) = self.fake.calls_to(method).into_iter().rev().find(|c| pred(&c.params)) {
                return call;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        panic!("no {method} call matching the condition; calls: {:#?}", self.fake.calls_to(method));
    }
}
