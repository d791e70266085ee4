//! Webhook delivery like Telegram's: many connections at once, one chat at a
//! time, retries until answered 200; and the outage mode for every method.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::State;
use axum::http::StatusCode;
use fake_telegram::{FakeTelegram, OutageMode};
use serde_json::Value;
use teloxide::prelude::*;

/// What the receiving end saw.
#[derive(Default)]
struct Seen {
    now: AtomicUsize,
    most: AtomicUsize,
    /// Update ids in the order their POSTs arrived.
    ids: Mutex<Vec<i64>>,
    /// Chats with a POST being answered right now, and whether two ever overlapped.
    chats: Mutex<Vec<i64>>,
    overlap: AtomicUsize,
    /// Answer 500 to the first N POSTs of every update.
    refuse_first: usize,
    hold: Duration,
}

async fn receive(State(seen): State<Arc<Seen>>, body: axum::Json<Value>) -> StatusCode {
    let id = body["update_id"].as_i64().unwrap();
    let chat = body["message"]["chat"]["id"].as_i64().unwrap();
    let tries = {
        let mut ids = seen.ids.lock().unwrap();
        ids.push(id);
        ids.iter().filter(|i| **i == id).count()
    };
    {
        let mut chats = seen.chats.lock().unwrap();
        if chats.contains(&chat) {
            seen.overlap.fetch_add(1, Ordering::SeqCst);
        }
        chats.push(chat);
    }
    let now = seen.now.fetch_add(1, Ordering::SeqCst) + 1;
    seen.most.fetch_max(now, Ordering::SeqCst);
    tokio::time::sleep(seen.hold).await;
    seen.now.fetch_sub(1, Ordering::SeqCst);
    let mut chats = seen.chats.lock().unwrap();
    let i = chats.iter().position(|c| *c == chat).unwrap();
    chats.remove(i);
    if tries <= seen.refuse_first { StatusCode::INTERNAL_SERVER_ERROR } else { StatusCode::OK }
}

async fn receiver(seen: Arc<Seen>) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    let app = axum::Router::new().route("/hook", axum::routing::post(receive)).with_state(seen);
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    url
}

async fn all_confirmed(fake: &FakeTelegram, n: usize) {
    let done = fake.wait_until(|st| st.webhook_confirmed.len() >= n, Duration::from_secs(20)).await;
    assert!(done, "confirmed {} of {n}", fake.with_state(|st| st.webhook_confirmed.len()));
}

#[tokio::test]
async fn updates_arrive_over_forty_connections_at_once_by_default() {
    let fake = FakeTelegram::start().await;
    let seen = Arc::new(Seen { hold: Duration::from_millis(300), ..Seen::default() });
    let url = receiver(seen.clone()).await;
    fake.bot().set_webhook(url.parse().unwrap()).await.unwrap();
    assert_eq!(fake.webhook_max_connections(), 40);

    for i in 0..100 {
        fake.user(5000 + i, "Warga").send("halo").await;
    }

    all_confirmed(&fake, 100).await;
    assert_eq!(seen.most.load(Ordering::SeqCst), 40);
    assert_eq!(fake.pending_updates(), 0);
}

#[tokio::test]
async fn max_connections_caps_the_posts_in_flight_and_one_chat_waits_for_its_previous_update() {
    let fake = FakeTelegram::start().await;
    let seen = Arc::new(Seen { hold: Duration::from_millis(50), ..Seen::default() });
    let url = receiver(seen.clone()).await;
    fake.bot().set_webhook(url.parse().unwrap()).max_connections(3).await.unwrap();

    let talkers: Vec<_> = (0..6).map(|i| fake.user(6000 + i, "Warga")).collect();
    for round in 0..4 {
        for t in &talkers {
            t.send(&format!("pesan {round}")).await;
        }
    }

    all_confirmed(&fake, 24).await;
    assert_eq!(seen.most.load(Ordering::SeqCst), 3);
    assert_eq!(seen.overlap.load(Ordering::SeqCst), 0, "one chat's updates never overlap");
    let info = fake.bot().get_webhook_info().await.unwrap();
    assert_eq!(info.max_connections, Some(3));
}

#[tokio::test]
async fn a_refused_update_is_posted_again_until_answered_200_and_confirmed_once() {
    let fake = FakeTelegram::start().await;
    let seen = Arc::new(Seen { refuse_first: 2, ..Seen::default() });
    let url = receiver(seen.clone()).await;
    fake.bot().set_webhook(url.parse().unwrap()).await.unwrap();

    for i in 0..10 {
        fake.user(7000 + i, "Warga").send("halo").await;
    }

    all_confirmed(&fake, 10).await;
    assert_eq!(seen.ids.lock().unwrap().len(), 30, "each update: two refusals, then 200");
    let mut confirmed = fake.with_state(|st| st.webhook_confirmed.clone());
    confirmed.sort();
    confirmed.dedup();
    assert_eq!(confirmed.len(), 10, "each confirmed once");
    let stats = fake.stats();
    assert_eq!((stats.webhook_deliveries, stats.webhook_failures), (10, 20));
    assert!(fake.bot().get_webhook_info().await.unwrap().last_error_message.unwrap().contains("500"));
}

#[tokio::test]
async fn during_an_outage_every_method_fails_nothing_is_posted_and_calls_are_counted() {
    let fake = FakeTelegram::start().await;
    let seen = Arc::new(Seen::default());
    let url = receiver(seen.clone()).await;
    let bot = fake.bot();
    bot.set_webhook(url.parse().unwrap()).await.unwrap();

    fake.begin_outage(OutageMode::BadGateway);
    fake.user(8001, "Warga").send("halo").await;
    // Raw calls: teloxide itself waits 10 s after any 5xx before it reports it.
    let call = |method: &str| reqwest::Client::new().post(format!("{}bot{}/{method}", fake.api_url(), fake_telegram::TOKEN)).json(&serde_json::json!({"chat_id": 8001, "text": "x"})).send();
    let answer = call("sendMessage").await.unwrap();
    assert_eq!(answer.status(), reqwest::StatusCode::BAD_GATEWAY);
    assert_eq!(answer.json::<Value>().await.unwrap()["description"], "Bad Gateway");
    assert_eq!(call("getMe").await.unwrap().status(), reqwest::StatusCode::BAD_GATEWAY);
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(seen.ids.lock().unwrap().is_empty(), "Telegram down: no webhook POST");
    let stats = fake.stats();
    assert_eq!(stats.outage_requests, 2);
    assert_eq!(stats.outage_requests_by_method.get("getme"), Some(&1));

    fake.end_outage();
    all_confirmed(&fake, 1).await;
    bot.send_message(ChatId(8001), "x").await.unwrap();
    assert_eq!(fake.stats().outage_requests, 2, "calls after the outage are not counted");
}

#[tokio::test]
async fn a_timeout_outage_leaves_calls_unanswered_until_the_client_gives_up() {
    let fake = FakeTelegram::start().await;
    fake.begin_outage(OutageMode::Timeout);
    let client = reqwest::Client::builder().timeout(Duration::from_millis(300)).build().unwrap();

    let err = client.post(format!("{}bot{}/getMe", fake.api_url(), fake_telegram::TOKEN)).send().await.unwrap_err();
    assert!(err.is_timeout(), "{err}");

    let late = tokio::spawn({
        let url = format!("{}bot{}/getMe", fake.api_url(), fake_telegram::TOKEN);
        async move { reqwest::Client::new().post(url).send().await.unwrap().status() }
    });
    tokio::time::sleep(Duration::from_millis(100)).await;
    fake.end_outage();
    assert_eq!(late.await.unwrap(), reqwest::StatusCode::GATEWAY_TIMEOUT, "a hung call ends with the outage");
    assert_eq!(fake.stats().outage_requests, 2);
    fake.bot().get_me().await.unwrap();
}
