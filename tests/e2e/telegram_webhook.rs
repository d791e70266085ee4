//! Webhook mode: Telegram (the fake) POSTs updates to the bot's HTTP listener with
//! the secret token; wrong secrets are refused; two processes behind a load
//! balancer share the updates, each handled once; back to polling deletes it.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use kimbot::app::App;
use reqwest::StatusCode as Status;
use serde_json::json;
use tokio::sync::oneshot;

use crate::support::{PersonExt, TestApp, spawn_app_with};

const PATH: &str = "/telegram/hook_path_7f3a";

async fn webhook_app(extra: &[(&str, &str)]) -> TestApp {
    let url = format!("{{http}}{PATH}");
    let mut env = vec![("KIMBOT_TELEGRAM_WEBHOOK_URL", url.as_str()), ("KIMBOT_SEND_PRIVATE_PER_SECOND", "50")];
    env.extend_from_slice(extra);
    spawn_app_with(&env).await
}

async fn wait_for_webhook(app: &TestApp) -> serde_json::Value {
    app.wait_for_call("setWebhook", |_| true).await.params
}

fn start_update(id: i64, user: i64) -> serde_json::Value {
    json!({
        "update_id": id,
        "message": {
            "message_id": 1, "date": 1_764_800_000,
            "chat": { "id": user, "type": "private", "first_name": "Tono" },
            "from": { "id": user, "is_bot": false, "first_name": "Tono" },
            "text": "/start", "entities": [{ "type": "bot_command", "offset": 0, "length": 6 }]
        }
    })
}

async fn post(app: &TestApp, secret: Option<&str>, body: &serde_json::Value) -> Status {
    let mut request = reqwest::Client::new().post(format!("{}{PATH}", app.console_url)).json(body);
    if let Some(secret) = secret {
        request = request.header("X-Telegram-Bot-Api-Secret-Token", secret);
    }
    request.send().await.unwrap().status()
}

#[tokio::test]
async fn webhook_mode_sets_the_webhook_and_a_conversation_goes_through_it() {
    let app = webhook_app(&[]).await;

    let params = wait_for_webhook(&app).await;
    assert_eq!(params["url"], format!("{}{PATH}", app.console_url));
    let secret = params["secret_token"].as_str().unwrap();
    assert_eq!(secret.len(), 64, "a generated secret: {params}");
    let allowed = params["allowed_updates"].to_string();
    for kind in ["message", "callback_query", "my_chat_member"] {
        assert!(allowed.contains(kind), "{allowed}");
    }

    let rina = app.member_of(7401, "Rina", "IB1-BL").await;
    rina.send("/bantuan").await;
    assert!(!rina.next_message_skipping_edits().await.text.is_empty());
    assert!(app.fake.calls_to("getUpdates").is_empty(), "no long polling in webhook mode");
    let stored: String = sqlx::query_scalar("SELECT value FROM settings WHERE key = 'telegram_webhook_secret'").fetch_one(&app.db.pool).await.unwrap();
    assert_eq!(stored, secret, "the generated secret is kept for every process");
}

#[tokio::test]
async fn a_webhook_request_without_the_right_secret_is_refused_and_not_processed() {
    let app = webhook_app(&[("KIMBOT_TELEGRAM_WEBHOOK_SECRET", "configured_secret_1")]).await;
    let params = wait_for_webhook(&app).await;
    assert_eq!(params["secret_token"], "configured_secret_1");
    let user = app.user(7402, "Tono");
    let processed = |id| app.count("SELECT COUNT(*) FROM processed_updates WHERE update_id = $1", id);

    assert_eq!(post(&app, None, &start_update(900_001, 7402)).await, Status::UNAUTHORIZED);
    assert_eq!(post(&app, Some("wrong_secret"), &start_update(900_002, 7402)).await, Status::UNAUTHORIZED);
    assert_eq!(processed(900_001).await + processed(900_002).await, 0);
    user.expect_no_message(Duration::from_millis(300)).await;

    assert_eq!(post(&app, Some("configured_secret_1"), &start_update(900_003, 7402)).await, Status::OK);
    let notice = user.next_message().await;
    assert!(notice.text.contains("privasi"), "{}", notice.text);
    assert_eq!(processed(900_003).await, 1);
}

#[tokio::test]
async fn back_to_long_polling_deletes_the_webhook() {
    let mut app = webhook_app(&[]).await;
    wait_for_webhook(&app).await;
    assert!(!app.fake.webhook_url().is_empty());

    app.stop().await;
    app.env.retain(|(k, _)| k != "KIMBOT_TELEGRAM_WEBHOOK_URL");
    app.start().await;

    app.wait_for_call("deleteWebhook", |_| true).await;
    assert!(app.fake.webhook_url().is_empty());
    app.member_of(7403, "Sari", "IB1-BL").await;
}

/// A load balancer in front of several processes: request n goes to target n mod k.
struct RoundRobin {
    targets: Mutex<Vec<String>>,
    next: Mutex<usize>,
    served: Mutex<Vec<usize>>,
}

async fn forward(State(lb): State<Arc<RoundRobin>>, request: Request) -> axum::response::Response {
    let path = request.uri().path().to_string();
    let secret = request.headers().get("x-telegram-bot-api-secret-token").cloned();
    let body: Bytes = axum::body::to_bytes(request.into_body(), 1 << 20).await.unwrap();
    let target = {
        let targets = lb.targets.lock().unwrap();
        if targets.len() < 2 {
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
        let mut next = lb.next.lock().unwrap();
        let i = *next % targets.len();
        *next += 1;
        lb.served.lock().unwrap()[i] += 1;
        targets[i].clone()
    };
    let mut upstream = reqwest::Client::new().post(format!("{target}{path}")).header("content-type", "application/json").body(body);
    if let Some(secret) = secret {
        upstream = upstream.header("x-telegram-bot-api-secret-token", secret.to_str().unwrap());
    }
    match upstream.send().await {
        Ok(answer) => StatusCode::from_u16(answer.status().as_u16()).unwrap().into_response(),
        Err(_) => StatusCode::BAD_GATEWAY.into_response(),
    }
}

#[tokio::test]
async fn two_processes_behind_a_load_balancer_share_the_updates_and_handle_each_once() {
    let lb = Arc::new(RoundRobin { targets: Mutex::new(Vec::new()), next: Mutex::new(0), served: Mutex::new(vec![0, 0]) });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let public = format!("http://{}{PATH}", listener.local_addr().unwrap());
    let router = axum::Router::new().fallback(forward).with_state(lb.clone());
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });

    let app = spawn_app_with(&[("KIMBOT_TELEGRAM_WEBHOOK_URL", &public), ("KIMBOT_SEND_PRIVATE_PER_SECOND", "50")]).await;
    lb.targets.lock().unwrap().push(app.console_url.clone());
    let second_listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    lb.targets.lock().unwrap().push(format!("http://{}", second_listener.local_addr().unwrap()));
    let env = [("KIMBOT_TELEGRAM_WEBHOOK_URL".to_string(), public.clone()), ("KIMBOT_SEND_PRIVATE_PER_SECOND".to_string(), "50".to_string())];
    let config = crate::support::config_with(&app.fake, &app.database_url, &env);
    let second = App::build(config, app.clock.clone()).await.unwrap().with_http_listener(second_listener);
    let (stop, stopped) = oneshot::channel::<()>();
    let running = tokio::spawn(second.run_until(async move {
        let _ = stopped.await;
    }));

    let people: Vec<_> = (0..6).map(|i| app.user(7410 + i, "Warga")).collect();
    for p in &people {
        p.send("/start").await;
        // Telegram delivering the same update again (a retry after a timeout).
        let again = app.fake.update_log().last().cloned().unwrap();
        app.fake.push_raw_update(again);
    }
    for p in &people {
        assert!(p.next_message().await.text.contains("privasi"));
    }
    for p in &people {
        p.expect_no_message(Duration::from_millis(200)).await;
    }
    let served = lb.served.lock().unwrap().clone();
    assert!(served[0] >= 1 && served[1] >= 1, "both processes received updates: {served:?}");
    assert_eq!(app.count("SELECT COUNT(*) FROM processed_updates WHERE update_id > $1", 0).await, 6);

    let _ = stop.send(());
    running.await.unwrap().unwrap();
}

/// Figures for the README, not a check: N residents write at once; how fast do all
/// answers come back with long polling and with the webhook, on the same fake?
/// `cargo test --test e2e updates_per_second -- --ignored --nocapture`
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore]
async fn updates_per_second_in_both_modes() {
    const N: i64 = 400;
    let fast = [("KIMBOT_SEND_PER_SECOND", "100000"), ("KIMBOT_SEND_PRIVATE_PER_SECOND", "50")];
    for webhook in [false, true] {
        let url = format!("{{http}}{PATH}");
        let mut env = fast.to_vec();
        if webhook {
            env.push(("KIMBOT_TELEGRAM_WEBHOOK_URL", url.as_str()));
        }
        let app = spawn_app_with(&env).await;
        if webhook {
            wait_for_webhook(&app).await;
        }
        let people: Vec<_> = (0..N).map(|i| app.user(760_000 + i, "Warga")).collect();
        let started = std::time::Instant::now();
        for p in &people {
            p.send("/start").await;
        }
        for p in &people {
            p.next_message().await;
        }
        let took = started.elapsed();
        println!(
            "{}: {N} updates answered in {:.2} s = {:.0} updates/s",
            if webhook { "webhook" } else { "long polling" },
            took.as_secs_f64(),
            N as f64 / took.as_secs_f64()
        );
    }
}
