//! Endpoints on private addresses are refused unless `KIMBOT_OUTBOUND_ALLOW_PRIVATE`
//! says otherwise: nothing is sent, nothing is retried for a day, and the failure
//! names the reason.

use std::time::Duration;

use kimbot::features::webhooks::store;

use super::receiver::Receiver;
use super::{ALL, ROAD, SECRET, endpoint};
use crate::aspirations::{KIM, submit};
use crate::support::{TestApp, spawn_app};

async fn strict_app() -> TestApp {
    let mut app = spawn_app().await;
    app.stop().await;
    app.env.push(("KIMBOT_OUTBOUND_ALLOW_PRIVATE".into(), "0".into()));
    app.start().await;
    app
}

#[tokio::test]
async fn a_webhook_to_a_loopback_address_fails_at_once_without_a_request() {
    let app = strict_app().await;
    let hook = Receiver::start().await;
    endpoint(&app, &hook, &ALL).await;
    let by_name = hook.url.replace("127.0.0.1", "localhost");
    store::add_endpoint(&app.db, &by_name, &[&kimbot::features::aspirations::webhook::CREATED], SECRET, 0).await.unwrap();
    let budi = app.member_of(5390, "Budi", KIM).await;

    submit(&budi, "Infrastruktur", ROAD, false).await;

    let mut failures = Vec::new();
    for _ in 0..300 {
        failures = store::failures(&app.db, kimbot::app::registry::webhook_events(), 10).await.unwrap();
        if failures.len() == 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(failures.len(), 2, "both endpoints failed: {failures:?}");
    for failure in &failures {
        let why = failure.error.as_deref().unwrap_or_default();
        assert!(why.contains("address not allowed"), "{failure:?}");
    }
    assert!(hook.hits().is_empty(), "the receiver was never called");
}
