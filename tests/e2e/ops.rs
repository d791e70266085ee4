//! Running it as a service: the HTTP listener (`/healthz`, `/readyz`, `/metrics`
//! beside the console), readiness through a database outage, and metrics that move
//! when the bot works.

use std::time::Duration;

use fake_telegram::{FailRule, Failure};
use kimbot::platform::delivery::{Outgoing, Priority};
use reqwest::StatusCode;
use serde_json::Value;

use crate::delivery::wait_until_drained;
use crate::support::{TestApp, spawn_app, spawn_app_with};

mod listener;

const METRICS_TOKEN: &str = "metrics_test_token";

async fn get(app: &TestApp, path: &str) -> reqwest::Response {
    reqwest::get(format!("{}{path}", app.console_url)).await.expect("the HTTP listener answers")
}

async fn readyz(app: &TestApp) -> (StatusCode, Value) {
    let r = get(app, "/readyz").await;
    let status = r.status();
    (status, r.json().await.expect("readyz answers JSON"))
}

/// Polls `/readyz` (bounded, 20 s) until it answers `wanted`.
async fn wait_for_readyz(app: &TestApp, wanted: StatusCode) -> Value {
    let mut last = Value::Null;
    for _ in 0..200 {
        let (status, body) = readyz(app).await;
        if status == wanted {
            return body;
        }
        last = body;
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("/readyz never answered {wanted}; last: {last}");
}

async fn scrape(app: &TestApp) -> String {
    let r = reqwest::Client::new()
        .get(format!("{}/metrics", app.console_url))
        .bearer_auth(METRICS_TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    r.text().await.unwrap()
}

/// Scrapes until `ready` holds for the metrics (at most 10 s), then returns them.
async fn scrape_until(app: &TestApp, ready: impl Fn(&str) -> bool) -> String {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    loop {
        let metrics = scrape(app).await;
        if ready(&metrics) || tokio::time::Instant::now() >= deadline {
            return metrics;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The value of one sample line (`name{labels} value`), 0 when absent.
fn sample(text: &str, series: &str) -> f64 {
    text.lines()
        .find_map(|l| l.strip_prefix(series).and_then(|rest| rest.strip_prefix(' ')))
        .map_or(0.0, |v| v.trim().parse().unwrap())
}

#[tokio::test]
async fn the_listener_serves_health_beside_the_console_and_stops_with_the_app() {
    let mut app = spawn_app().await;

    let health = get(&app, "/healthz").await;
    assert_eq!(health.status(), StatusCode::OK);
    assert_eq!(health.json::<Value>().await.unwrap()["status"], "ok");
    assert_eq!(get(&app, "/dasbor/gaya.css").await.status(), StatusCode::OK, "console routes are merged in");

    app.stop().await;
    let after = reqwest::get(format!("{}/healthz", app.console_url)).await;
    assert!(after.is_err(), "nothing listens after the app stopped: {after:?}");
}

#[tokio::test]
async fn readyz_names_every_check_and_is_green_when_all_pass() {
    let app = spawn_app().await;

    let body = wait_for_readyz(&app, StatusCode::OK).await;

    assert_eq!(body["ready"], true);
    let names: Vec<&str> = body["checks"].as_array().unwrap().iter().map(|c| c["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["database", "migrations", "telegram", "delivery_worker"]);
    assert_eq!(body["failed"], serde_json::json!([]));
}

#[tokio::test]
async fn readyz_turns_red_when_the_database_goes_away_and_green_when_it_is_back() {
    let app = spawn_app().await;
    wait_for_readyz(&app, StatusCode::OK).await;

    let outage = outage::begin(&app).await;
    let body = wait_for_readyz(&app, StatusCode::SERVICE_UNAVAILABLE).await;
    let failed: Vec<&str> = body["failed"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert!(failed.contains(&"database"), "{body}");
    assert_eq!(get(&app, "/healthz").await.status(), StatusCode::OK, "alive, only not ready");

    outage.end().await;
    let body = wait_for_readyz(&app, StatusCode::OK).await;
    assert_eq!(body["failed"], serde_json::json!([]));
}

#[tokio::test]
async fn readyz_names_a_database_error_without_its_text() {
    let app = spawn_app().await;
    wait_for_readyz(&app, StatusCode::OK).await;
    let pool = app.ctx.as_ref().unwrap().db.pool.clone();

    pool.close().await;
    let body = wait_for_readyz(&app, StatusCode::SERVICE_UNAVAILABLE).await;

    let raw = sqlx::query("SELECT 1").execute(&pool).await.unwrap_err().to_string();
    assert!(!body.to_string().contains(&raw), "the driver's error stays in the log: {body}");
    let database = &body["checks"][0];
    assert_eq!((database["name"].as_str(), database["ok"].as_bool()), (Some("database"), Some(false)), "{body}");
    assert_eq!(database["error"], "error (details in the log)", "{body}");
}

/// The database stops answering. On PostgreSQL for real: the test database refuses
/// connections and every open one is terminated. On SQLite (a file cannot be taken
/// from a process that has it open, and WAL readers ignore other connections'
/// locks) every connection of the app's pool is held elsewhere, so no query of the
/// app gets one: the same "no answer" the app sees from an overloaded database.
mod outage {
    use sqlx::{Connection, Executor};

    use crate::support::TestApp;

    pub enum Outage {
        Postgres { server: String, name: String },
        Sqlite(Vec<sqlx::pool::PoolConnection<sqlx::Any>>),
    }

    pub async fn begin(app: &TestApp) -> Outage {
        if app.database_url.starts_with("postgres") {
            let server = std::env::var("TEST_DATABASE_URL").unwrap();
            let name = app.database_url.rsplit('/').next().unwrap().to_string();
            let mut admin = sqlx::AnyConnection::connect(&server).await.unwrap();
            admin.execute(sqlx::AssertSqlSafe(format!("ALTER DATABASE {name} ALLOW_CONNECTIONS false"))).await.unwrap();
            let kill = format!("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '{name}'");
            admin.execute(sqlx::AssertSqlSafe(kill)).await.unwrap();
            admin.close().await.unwrap();
            Outage::Postgres { server, name }
        } else {
            let pool = app.ctx.as_ref().unwrap().db.pool.clone();
            let mut held = Vec::new();
            for _ in 0..pool.options().get_max_connections() {
                held.push(pool.acquire().await.unwrap());
            }
            Outage::Sqlite(held)
        }
    }

    impl Outage {
        pub async fn end(self) {
            match self {
                Outage::Postgres { server, name } => {
                    let mut admin = sqlx::AnyConnection::connect(&server).await.unwrap();
                    admin.execute(sqlx::AssertSqlSafe(format!("ALTER DATABASE {name} ALLOW_CONNECTIONS true"))).await.unwrap();
                    admin.close().await.unwrap();
                }
                Outage::Sqlite(held) => drop(held),
            }
        }
    }
}

#[tokio::test]
async fn metrics_need_the_token() {
    let without = spawn_app().await;
    assert_eq!(get(&without, "/metrics").await.status(), StatusCode::NOT_FOUND, "off without KIMBOT_METRICS_TOKEN");

    let app = spawn_app_with(&[("KIMBOT_METRICS_TOKEN", METRICS_TOKEN)]).await;
    assert_eq!(get(&app, "/metrics").await.status(), StatusCode::UNAUTHORIZED);
    let wrong = reqwest::Client::new().get(format!("{}/metrics", app.console_url)).bearer_auth("nope").send().await.unwrap();
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    assert!(scrape(&app).await.ends_with("# EOF\n"));
}

#[tokio::test]
async fn counters_move_after_a_broadcast_and_an_update() {
    let app = spawn_app_with(&[("KIMBOT_METRICS_TOKEN", METRICS_TOKEN)]).await;
    let groups: Vec<i64> = (0..5).map(|i| -880_000 - i).collect();
    for (i, id) in groups.iter().enumerate() {
        app.fake.group(*id, &format!("RT {i}"));
    }
    app.fake.fail_next(FailRule::method("sendMessage", Failure::Forbidden("Forbidden: bot was kicked from the group chat".into())).for_chat(groups[4]));
    let before = scrape(&app).await;

    let ctx = app.ctx.clone().unwrap();
    let rows: Vec<Outgoing> = groups.iter().map(|c| Outgoing::text(*c, "Kerja bakti Minggu".into(), Priority::Broadcast, Some("test:1".into()))).collect();
    ctx.outbox.enqueue(&rows).await.unwrap();
    wait_until_drained(&app, Duration::from_secs(10)).await;
    let resident = app.user(8801, "Sari");
    resident.send("/start").await;
    resident.next_message().await;

    // The update is counted when its handler returns, which may be a moment after the
    // reply reached the chat (the handler still confirms the update afterwards).
    let after = scrape_until(&app, |m| sample(m, r#"kimbot_handler_seconds_count{kind="message"}"#) >= 1.0).await;
    let ok = r#"kimbot_outbox_sends_total{outcome="ok"}"#;
    let forbidden = r#"kimbot_outbox_sends_total{outcome="403"}"#;
    assert_eq!(sample(&after, ok) - sample(&before, ok), 4.0, "{after}");
    assert_eq!(sample(&after, forbidden) - sample(&before, forbidden), 1.0, "{after}");
    assert!(sample(&after, r#"kimbot_updates_total{kind="message"}"#) >= 1.0, "{after}");
    assert!(sample(&after, r#"kimbot_handler_seconds_count{kind="message"}"#) >= 1.0, "{after}");
    assert_eq!(sample(&after, r#"kimbot_outbox_rows{status="queued"}"#), 0.0, "{after}");
    assert_eq!(sample(&after, r#"kimbot_outbox_rows{status="failed"}"#), 1.0, "{after}");
    assert!(after.contains("kimbot_db_pool_connections{state=\"in_use\"}"), "{after}");
    assert!(after.contains("kimbot_scheduler_lag_seconds 0"), "{after}");
    for personal in ["880000", "8801", "Sari", "Kerja bakti"] {
        assert!(!after.contains(personal), "no chat, user or text in metrics: {personal}");
    }
}
