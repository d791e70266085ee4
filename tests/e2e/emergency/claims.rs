//! The outbox claim for emergency rows, without a running worker: emergency rows come
//! before every other queued row; paid rows belong to the paid lane alone; and two
//! workers draining the paid lane at once never take the same row.

use kimbot::platform::delivery::outbox::{self, Claimed};
use kimbot::platform::delivery::paid::Lane;
use kimbot::platform::delivery::{Outgoing, Priority};
use kimbot::platform::db::Db;
use kimbot::platform::queue::Claim;

use crate::delivery::outbox as outbox_of;
use crate::support::spawn_app_without_areas;

fn rows(chats: std::ops::Range<i64>, priority: Priority) -> Vec<Outgoing> {
    chats.map(|c| Outgoing::text(-c, "Pesan".into(), priority, None)).collect()
}

/// Claims (and marks sent) every row of `lane` it can get.
async fn drain(db: &Db, worker: &str, now: i64, lane: Lane) -> Vec<Claimed> {
    let mut got = Vec::new();
    while let Some(row) = outbox::claim_in_lane(db, worker, now, &[], lane).await.unwrap() {
        assert!(outbox::mark_sent(db, Claim { id: row.id, worker }, 1, now).await.unwrap());
        got.push(row);
    }
    got
}

#[tokio::test]
async fn emergency_rows_are_claimed_before_everything_queued_earlier() {
    let app = spawn_app_without_areas().await;
    // Rows queued in a later second than `now` must be due too.
    let now = app.clock.now() + 60;
    let outbox = outbox_of(&app);
    outbox.enqueue(&rows(100..110, Priority::Broadcast)).await.unwrap();
    outbox.enqueue(&rows(200..203, Priority::Reply)).await.unwrap();
    let urgent = outbox.enqueue(&rows(300..305, Priority::Emergency)).await.unwrap();

    let order = drain(&app.db, "only", now, Lane::All).await;

    let first: Vec<i64> = order.iter().take(5).map(|r| r.id).collect();
    assert_eq!(first, urgent, "the warning first, in its own order");
    assert_eq!(order.len(), 18);
}

#[tokio::test]
async fn two_workers_of_the_paid_lane_never_send_a_row_twice_and_the_free_lane_never_takes_one() {
    let app = spawn_app_without_areas().await;
    // Rows queued in a later second than `now` must be due too.
    let now = app.clock.now() + 60;
    let outbox = outbox_of(&app);
    outbox.enqueue(&rows(100..120, Priority::Broadcast)).await.unwrap();
    let mut tx = app.db.begin().await.unwrap();
    let paid = outbox.enqueue_paid_in(&mut tx, &rows(1_000..1_200, Priority::Emergency)).await.unwrap();
    tx.commit().await.unwrap();

    let (a, b, free) = tokio::join!(
        drain(&app.db, "paid-a", now, Lane::Paid),
        drain(&app.db, "paid-b", now, Lane::Paid),
        drain(&app.db, "free", now, Lane::Free),
    );

    let mut claimed: Vec<i64> = a.iter().chain(&b).map(|r| r.id).collect();
    claimed.sort();
    assert_eq!(claimed, paid, "every paid row once, by one of the two");
    assert!(a.iter().chain(&b).all(|r| r.paid));
    assert_eq!(free.len(), 20);
    assert!(free.iter().all(|r| !r.paid), "the free lane leaves paid rows alone");
}
