//! Retries on the app's clock: 5xx is tried again after the backoff with the same
//! delivery id, 4xx fails at once and shows up for staff, and a retry built after
//! an erasure no longer names the reporter.

use std::sync::Arc;

use kimbot::platform::db::ManualClock;
use kimbot::features::webhooks::cli::WebhooksAction;
use sqlx::Row;

use super::receiver::{Receiver, Reply};
use super::{ALL, ROAD, endpoint, settles, signed_with_secret};
use crate::aspirations::{KIM, submit};
use crate::support::{PersonExt, TestApp, spawn_app_with_clock};

async fn app_on_manual_clock() -> (TestApp, Arc<ManualClock>) {
    let clock = ManualClock::new(chrono::Utc::now().timestamp());
    (spawn_app_with_clock(clock.clone()).await, clock)
}

/// (first_attempt_at, next_attempt_at) of a delivery.
async fn schedule(app: &TestApp, delivery_id: &str) -> (i64, i64) {
    let row = sqlx::query("SELECT first_attempt_at, next_attempt_at FROM webhook_deliveries WHERE delivery_id = $1")
        .bind(delivery_id)
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    (row.try_get("first_attempt_at").unwrap(), row.try_get("next_attempt_at").unwrap())
}

#[tokio::test]
async fn a_500_is_tried_again_after_30_seconds_with_the_same_delivery_id_and_then_delivered() {
    let (app, clock) = app_on_manual_clock().await;
    let hook = Receiver::start().await;
    hook.then(Reply::Status(500, "database down"));
    endpoint(&app, &hook, &ALL).await;
    let budi = app.member_of(5350, "Budi", KIM).await;
    submit(&budi, "Infrastruktur", ROAD, false).await;
    let first = hook.wait_for(1).await.remove(0);
    let id = first.header("X-Kimbot-Delivery").to_string();
    let attempts = settles(&app, &id, "queued").await;
    let (tried, next) = schedule(&app, &id).await;

    clock.advance(31);
    let second = hook.wait_for(2).await.remove(1);

    assert_eq!(attempts, 1);
    assert_eq!(next - tried, 30, "first backoff");
    assert_eq!(second.header("X-Kimbot-Delivery"), id, "same delivery id on the retry");
    assert_eq!(second.json()["delivery_id"], id.as_str());
    assert!(signed_with_secret(&second));
    assert_eq!(settles(&app, &id, "delivered").await, 2);
}

#[tokio::test]
async fn a_4xx_fails_at_once_is_listed_with_its_answer_and_can_be_queued_again() {
    let (app, _clock) = app_on_manual_clock().await;
    let hook = Receiver::start().await;
    hook.then(Reply::Status(410, "gone: this hook was retired"));
    endpoint(&app, &hook, &ALL).await;
    let budi = app.member_of(5360, "Budi", KIM).await;
    let number = submit(&budi, "Infrastruktur", ROAD, false).await;
    let id = hook.wait_for(1).await[0].header("X-Kimbot-Delivery").to_string();

    let attempts = settles(&app, &id, "failed").await;
    let listed = run(&app, WebhooksAction::Failures { limit: 10 }).await;
    let row: i64 = listed.split('\t').next().unwrap().parse().expect("the row id comes first");
    let retried = run(&app, WebhooksAction::Retry { id: row }).await;
    let again = hook.wait_for(2).await.remove(1);

    assert_eq!(attempts, 1, "no retry after a 4xx");
    assert!(listed.contains("status 410") && listed.contains("gone: this hook was retired"), "{listed}");
    assert!(listed.contains(&number) && listed.contains(&id) && listed.contains("aspiration.created"), "{listed}");
    assert!(retried.contains("queued again"), "{retried}");
    assert_eq!(again.header("X-Kimbot-Delivery"), id);
    settles(&app, &id, "delivered").await;
    assert!(run(&app, WebhooksAction::Failures { limit: 10 }).await.contains("no failed deliveries"));
}

#[tokio::test]
async fn a_retry_after_the_reporter_erased_their_data_no_longer_names_them() {
    let (app, clock) = app_on_manual_clock().await;
    let hook = Receiver::start().await;
    hook.then(Reply::Status(503, "maintenance"));
    endpoint(&app, &hook, &ALL).await;
    let budi = app.member_of(5370, "Budi Santoso", KIM).await;
    submit(&budi, "Infrastruktur", ROAD, false).await;
    let first = hook.wait_for(1).await.remove(0);
    let id = first.header("X-Kimbot-Delivery").to_string();
    settles(&app, &id, "queued").await;

    budi.send("/hapusdata").await;
    budi.next_message_skipping_edits().await;
    budi.press("Hapus").await;
    assert!(budi.next_message().await.text.contains("sudah dihapus"));
    clock.advance(31);
    let retry = hook.wait_for(2).await.remove(1);

    assert_eq!(first.json()["ticket"]["reporter"]["name"], "Budi Santoso", "named while not erased");
    assert_eq!(retry.header("X-Kimbot-Delivery"), id);
    assert!(!retry.text().contains("Budi") && !retry.text().contains("Santoso"), "{}", retry.text());
    assert_eq!(retry.json()["ticket"]["reporter"], serde_json::Value::Null);
    assert_eq!(retry.json()["ticket"]["anonymous"], true);
    assert_eq!(settles(&app, &id, "delivered").await, 2);
}

async fn run(app: &TestApp, action: WebhooksAction) -> String {
    let mut out = Vec::new();
    kimbot::features::webhooks::cli::run(&app.db, kimbot::app::registry::webhook_events(), action, app.clock.now(), &mut out).await.expect("command succeeds");
    String::from_utf8(out).unwrap()
}
