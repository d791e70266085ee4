//! The claim on the delivery queue, without a running worker: many claimers on
//! separate connections (as several kimbot processes on one database would be)
//! never hold the same delivery, and a claim left by a stopped process is taken
//! over after the lease without the late process overwriting the new outcome.

use std::collections::HashSet;

use kimbot::features::aspirations::model::Category;
use kimbot::features::aspirations::store::{NewAspiration, submit};
use kimbot::features::webhooks::queue::{self, Answer};
use kimbot::features::webhooks::store;

use crate::support::{TestApp, spawn_app_without_areas};

const NOW: i64 = 1_795_788_300;

/// An app that is not running, with one endpoint and `n` tickets queued for it.
async fn queued(n: usize) -> TestApp {
    let app = spawn_app_without_areas().await;
    app.load_areas().await;
    store::add_endpoint(&app.db, "http://127.0.0.1:9/hook", &[&kimbot::features::aspirations::webhook::CREATED], super::SECRET, NOW).await.unwrap();
    let kim = kimbot::kernel::members::areas::kim_by_code(&app.db, crate::aspirations::KIM).await.unwrap().unwrap();
    for i in 0..n {
        let new = NewAspiration {
            user_id: 6000 + i as i64,
            kim_id: kim.id.get(),
            category: Category::Lingkungan,
            body: format!("Sampah menumpuk di lorong nomor {i}."),
            photos: Vec::new(),
            location: None,
            anonymous: false,
        };
        submit(&app.db, &new, 2026, NOW, &[]).await.unwrap();
    }
    app
}

#[tokio::test]
async fn eight_claimers_at_once_never_hold_the_same_delivery() {
    let app = queued(40).await;

    let mut claimers = tokio::task::JoinSet::new();
    for c in 0..8 {
        let db = app.db.clone();
        claimers.spawn(async move {
            let mut mine = Vec::new();
            while let Some(row) = queue::claim_next(&db, &format!("process-{c}"), NOW, &[]).await.unwrap() {
                mine.push(row.id);
            }
            mine
        });
    }
    let claimed: Vec<i64> = claimers.join_all().await.into_iter().flatten().collect();

    let distinct: HashSet<i64> = claimed.iter().copied().collect();
    assert_eq!(claimed.len(), 40, "every delivery claimed");
    assert_eq!(distinct.len(), 40, "none twice: {claimed:?}");
}

#[tokio::test]
async fn a_claim_left_by_a_stopped_process_is_taken_over_after_the_lease_and_the_late_outcome_is_dropped() {
    let app = queued(1).await;
    let dead = queue::claim_next(&app.db, "stopped", NOW, &[]).await.unwrap().expect("one due");

    let too_early = queue::reclaim_stale(&app.db, 120, NOW + 60).await.unwrap();
    let nothing_free = queue::claim_next(&app.db, "alive", NOW + 60, &[]).await.unwrap();
    let reclaimed = queue::reclaim_stale(&app.db, 120, NOW + 121).await.unwrap();
    let alive = queue::claim_next(&app.db, "alive", NOW + 121, &[]).await.unwrap().expect("free again");
    let ok = Answer { status: Some(200), body: Some("ok".into()), error: None };
    let late = queue::finish(&app.db, &dead, "stopped", "failed", None, &Answer::default(), NOW + 122).await.unwrap();
    let recorded = queue::finish(&app.db, &alive, "alive", "delivered", None, &ok, NOW + 123).await.unwrap();

    assert_eq!((too_early, nothing_free.map(|r| r.id)), (0, None), "still leased");
    assert_eq!(reclaimed, 1);
    assert_eq!(alive.delivery_id, dead.delivery_id, "the same delivery, same id");
    assert_eq!(alive.first_attempt_at, NOW, "the day of retries counts from the first try");
    assert!(!late && recorded, "only the current claimer records");
    let sql = "SELECT COUNT(*) FROM webhook_deliveries WHERE state = 'delivered' AND id = $1";
    assert_eq!(app.count(sql, alive.id).await, 1);
}
