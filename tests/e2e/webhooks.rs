//! Webhooks out: ticket changes reach a receiver as signed POSTs with the documented
//! body, retries keep the delivery id, refusals are listed for staff, anonymous and
//! erased reporters are never named, a hanging receiver delays nothing else, and
//! cek fakta verdicts are posted as `factcheck.verdict`.

mod claims;
mod cli;
mod opd;
mod guard;
mod receiver;
mod retries;
mod unrated;
mod verdict;

use std::collections::BTreeSet;
use std::time::Duration;
use kimbot::kernel::members::UserId;

use hmac::{Hmac, KeyInit, Mac};
use kimbot::features::webhooks::payload::Event;
use kimbot::features::webhooks::store;
use sha2::Sha256;
use sqlx::Row;

use crate::aspirations::{KECAMATAN, KIM, forward, next_skipping_notices, open_card, staff_of, submit, ticket_id};
use crate::support::{PersonExt, TestApp, spawn_app};
use receiver::{Hit, Receiver, Reply};

pub const SECRET: &str = "rahasia-diskominfo-plg-2026";
const ROAD: &str = "Jalan di depan SD 12 berlubang besar sejak Januari, motor sering jatuh.";
const ALL: [Event; 3] = [&kimbot::features::aspirations::webhook::CREATED, &kimbot::features::aspirations::webhook::STATUS_CHANGED, &kimbot::features::aspirations::webhook::REPLIED];

async fn endpoint(app: &TestApp, r: &Receiver, events: &[Event]) -> i64 {
    store::add_endpoint(&app.db, &r.url, events, SECRET, 0).await.unwrap()
}

/// Checks the signature with hmac directly, not with kimbot's own code.
fn signed_with_secret(hit: &Hit) -> bool {
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(SECRET.as_bytes()).unwrap();
    mac.update(&hit.body);
    hit.header("X-Kimbot-Signature") == format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

fn keys(v: &serde_json::Value) -> BTreeSet<String> {
    v.as_object().expect("an object").keys().cloned().collect()
}

fn set(names: &[&str]) -> BTreeSet<String> {
    names.iter().map(|s| s.to_string()).collect()
}

fn is_rfc3339(v: &serde_json::Value) -> bool {
    v.as_str().is_some_and(|s| s.ends_with('Z') && chrono::DateTime::parse_from_rfc3339(s).is_ok())
}

/// (state, attempts) of a delivery, by the id receivers see.
async fn delivery(app: &TestApp, delivery_id: &str) -> (String, i64) {
    let row = sqlx::query("SELECT state, attempts FROM webhook_deliveries WHERE delivery_id = $1")
        .bind(delivery_id)
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    (row.try_get("state").unwrap(), row.try_get("attempts").unwrap())
}

/// Waits (bounded, 15 s) until a delivery is in `state`; returns its attempts.
async fn settles(app: &TestApp, delivery_id: &str, state: &str) -> i64 {
    for _ in 0..300 {
        let (now, attempts) = delivery(app, delivery_id).await;
        if now == state {
            return attempts;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("delivery {delivery_id} never became {state}: {:?}", delivery(app, delivery_id).await);
}

#[tokio::test]
async fn a_new_aspiration_reaches_the_receiver_signed_with_the_documented_body() {
    let app = spawn_app().await;
    let hook = Receiver::start().await;
    endpoint(&app, &hook, &[&kimbot::features::aspirations::webhook::CREATED, &kimbot::features::aspirations::webhook::STATUS_CHANGED]).await;
    app.user(5301, "Budi").with_username("budi_bl");
    let budi = app.member_of(5301, "Budi", KIM).await;

    let number = submit(&budi, "Infrastruktur", ROAD, false).await;
    let hit = hook.wait_for(1).await.remove(0);
    let body = hit.json();
    let ticket = &body["ticket"];

    assert!(signed_with_secret(&hit), "signature {:?} over {}", hit.header("X-Kimbot-Signature"), hit.text());
    assert_eq!(hit.header("X-Kimbot-Event"), "aspiration.created");
    assert_eq!(hit.header("X-Kimbot-Delivery"), body["delivery_id"].as_str().unwrap());
    assert_eq!(hit.header("Content-Type"), "application/json");
    assert_eq!(keys(&body), set(&["event", "delivery_id", "occurred_at", "ticket"]));
    assert_eq!(body["event"], "aspiration.created");
    assert_eq!(body["delivery_id"].as_str().unwrap().len(), 36);
    assert!(is_rfc3339(&body["occurred_at"]), "{}", body["occurred_at"]);
    let documented = ["number", "category", "area", "text", "status", "previous_status", "anonymous", "reporter",
        "created_at", "updated_at"];
    assert_eq!(keys(ticket), set(&documented));
    assert_eq!(ticket["number"], number.as_str());
    assert_eq!(ticket["category"], "infrastruktur");
    assert_eq!(ticket["text"], ROAD);
    assert_eq!(ticket["status"], "diterima");
    assert_eq!(ticket["previous_status"], serde_json::Value::Null);
    assert_eq!(ticket["anonymous"], false);
    assert_eq!(ticket["reporter"], serde_json::json!({ "name": "Budi" }));
    assert!(is_rfc3339(&ticket["created_at"]) && is_rfc3339(&ticket["updated_at"]), "{ticket}");
    let area = serde_json::json!({ "kota": "Kota Palembang", "kecamatan": "Ilir Barat I", "kelurahan": "Bukit Lama",
        "kim": "KIM Bukit Lama", "kim_code": "IB1-BL", "kode_wilayah": "16.71.04.1001" });
    assert_eq!(ticket["area"], area);
    assert!(!hit.text().contains("5301") && !hit.text().contains("budi_bl"), "no id or username: {}", hit.text());
    settles(&app, hit.header("X-Kimbot-Delivery"), "delivered").await;
}

#[tokio::test]
async fn a_status_change_by_staff_is_posted_with_the_previous_status_to_endpoints_that_want_it() {
    let app = spawn_app().await;
    let (all, created_only) = (Receiver::start().await, Receiver::start().await);
    endpoint(&app, &all, &ALL).await;
    endpoint(&app, &created_only, &[&kimbot::features::aspirations::webhook::CREATED]).await;
    let staff = staff_of(&app, 5310, "Staf Rina", KECAMATAN).await;
    let budi = app.member_of(5311, "Budi", KIM).await;
    let number = submit(&budi, "Infrastruktur", ROAD, false).await;
    all.wait_for(1).await;

    open_card(&staff, "/antrian").await;
    forward(&staff).await;
    let hits = all.wait_for(2).await;
    let (created, changed) = (hits[0].json(), hits[1].json());

    assert!(signed_with_secret(&hits[1]));
    assert_eq!(hits[1].header("X-Kimbot-Event"), "aspiration.status_changed");
    assert_eq!(changed["event"], "aspiration.status_changed");
    assert_eq!(changed["ticket"]["number"], number.as_str());
    assert_eq!(changed["ticket"]["status"], "diteruskan");
    assert_eq!(changed["ticket"]["previous_status"], "diterima");
    assert_ne!(changed["delivery_id"], created["delivery_id"]);
    let id = ticket_id(&app, &number).await;
    let sql = "SELECT COUNT(*) FROM webhook_deliveries WHERE subject_id = $1";
    assert_eq!(app.count(sql, id).await, 3, "created twice (both endpoints), status_changed once");
    assert_eq!(created_only.wait_for(1).await[0].json()["event"], "aspiration.created");
}

#[tokio::test]
async fn an_undone_status_change_is_posted_as_a_change_back() {
    let app = spawn_app().await;
    let hook = Receiver::start().await;
    endpoint(&app, &hook, &ALL).await;
    let staff = staff_of(&app, 5320, "Staf Rina", KECAMATAN).await;
    let budi = app.member_of(5321, "Budi", KIM).await;
    submit(&budi, "Infrastruktur", ROAD, false).await;
    open_card(&staff, "/antrian").await;
    forward(&staff).await;

    staff.press("Urungkan").await;
    let hits = hook.wait_for(3).await;

    let undone = hits[2].json();
    assert_eq!(undone["event"], "aspiration.status_changed");
    assert_eq!(undone["ticket"]["status"], "diterima");
    assert_eq!(undone["ticket"]["previous_status"], "diteruskan");
}

#[tokio::test]
async fn an_anonymous_ticket_never_carries_its_reporters_identity() {
    const SITI: i64 = 8_412_395_017;
    const STAFF: i64 = 7_305_918_264;
    let app = spawn_app().await;
    let hook = Receiver::start().await;
    endpoint(&app, &hook, &ALL).await;
    let staff = staff_of(&app, STAFF, "Staf Rina", KECAMATAN).await;
    app.user(SITI, "Siti Rahayu").with_username("siti_bl");
    let siti = app.member_of(SITI, "Siti Rahayu", KIM).await;

    submit(&siti, "Keamanan", "Sering ada balap liar di Jalan Inspektur Marzuki tiap malam.", true).await;
    open_card(&staff, "/antrian").await;
    staff.press("Balas").await;
    next_skipping_notices(&staff).await;
    staff.send("Terima kasih, sudah kami teruskan ke Polsek.").await;
    next_skipping_notices(&staff).await;
    siti.next_message_skipping_edits().await;
    let hits = hook.wait_for(2).await;

    assert_eq!(hits[1].json()["event"], "aspiration.replied");
    assert_eq!(hits[1].json()["reply"]["text"], "Terima kasih, sudah kami teruskan ke Polsek.");
    for hit in &hits {
        let raw = hit.text();
        for identity in ["Siti", "Rahayu", "siti_bl", &SITI.to_string(), "Rina", &STAFF.to_string()] {
            assert!(!raw.contains(identity), "{identity} in {raw}");
        }
        assert_eq!(hit.json()["ticket"]["anonymous"], true);
        assert_eq!(hit.json()["ticket"]["reporter"], serde_json::Value::Null);
    }
}

#[tokio::test]
async fn a_change_that_is_rolled_back_queues_no_delivery() {
    use kimbot::features::aspirations::model::Status;
    let app = spawn_app().await;
    let hook = Receiver::start().await;
    endpoint(&app, &hook, &ALL).await;
    let budi = app.member_of(5330, "Budi", KIM).await;
    let id = ticket_id(&app, &submit(&budi, "Infrastruktur", ROAD, false).await).await;
    let sql = "SELECT COUNT(*) FROM webhook_deliveries WHERE subject_id = $1";

    let mut tx = app.db.begin().await.unwrap();
    let moved = kimbot::features::aspirations::store::set_status(&mut tx, id.into(), (Status::Diterima, Status::Diteruskan), None, UserId(1), 0);
    assert!(moved.await.unwrap());
    let inside: i64 = sqlx::query(sql).bind(id).fetch_one(&mut *tx).await.unwrap().try_get(0).unwrap();
    tx.rollback().await.unwrap();

    assert_eq!(inside, 2, "queued inside the change's transaction");
    assert_eq!(app.count(sql, id).await, 1, "only the creation is left");
    let hits = hook.wait_for(1).await;
    assert_eq!(hits[0].json()["event"], "aspiration.created");
}

#[tokio::test]
async fn a_hanging_endpoint_delays_neither_the_bots_replies_nor_other_endpoints() {
    let mut app = spawn_app().await;
    // Far longer than the test: the hang must not end by a timeout.
    app.env.push(("KIMBOT_WEBHOOK_TIMEOUT_SECS".into(), "60".into()));
    app.restart().await;
    let (stuck, fine) = (Receiver::start().await, Receiver::start().await);
    let (release, held) = tokio::sync::oneshot::channel();
    stuck.then(Reply::Hang(held));
    endpoint(&app, &stuck, &ALL).await;
    endpoint(&app, &fine, &ALL).await;
    let budi = app.member_of(5340, "Budi", KIM).await;
    let first = submit(&budi, "Infrastruktur", ROAD, false).await;
    stuck.wait_for(1).await;

    let second = submit(&budi, "Lingkungan", "Saluran air di Lorong Damai tersumbat sampah plastik.", false).await;
    budi.send("/status").await;
    let list = budi.next_message().await.text;
    let fine_hits = fine.wait_for(2).await;

    assert!(list.contains(&first) && list.contains(&second), "{list}");
    let numbers: Vec<_> = fine_hits.iter().map(|h| h.json()["ticket"]["number"].as_str().unwrap().to_string()).collect();
    assert_eq!(numbers, vec![first.clone(), second.clone()]);
    release.send(()).unwrap();
    let stuck_hits = stuck.wait_for(2).await;
    for hit in &stuck_hits {
        settles(&app, hit.header("X-Kimbot-Delivery"), "delivered").await;
    }
}
