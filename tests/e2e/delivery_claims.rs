//! The outbox claim without a running worker: a row left `sending` by a stopped
//! process is taken over after the lease, and the late process can no longer
//! record an outcome over the one the new claimer records.

use kimbot::platform::delivery::outbox;
use kimbot::platform::delivery::{Outgoing, Priority};
use kimbot::platform::queue::Claim;

use crate::delivery::outbox as outbox_of;
use crate::support::spawn_app_without_areas;

#[tokio::test]
async fn a_row_reclaimed_after_a_stall_is_finished_only_by_its_current_claimer() {
    let app = spawn_app_without_areas().await;
    let now = app.clock.now();
    let ids = outbox_of(&app).enqueue(&[Outgoing::text(-900, "Info".into(), Priority::Broadcast, None)]).await.unwrap();
    let stalled = outbox::claim_next(&app.db, "stalled", now, &[]).await.unwrap().expect("one due");

    let reclaimed = outbox::reclaim_stale(&app.db, 120, now + 121).await.unwrap();
    let alive = outbox::claim_next(&app.db, "alive", now + 121, &[]).await.unwrap().expect("free again");
    let late = Claim { id: stalled.id, worker: "stalled" };
    let late_failed = outbox::mark_failed(&app.db, late, "late answer", now + 122).await.unwrap();
    let retry = outbox::Retry { chat_id: -900, not_before: now, reason: "late", maybe_delivered: false };
    let late_retried = outbox::retry_later(&app.db, late, &retry, now + 122).await.unwrap();
    let late_sent = outbox::mark_sent(&app.db, late, 76, now + 122).await.unwrap();
    let sql = "SELECT COUNT(*) FROM outbox WHERE status = 'sending' AND claimed_by = 'alive' AND id = $1";
    let still_alives = app.count(sql, alive.id).await;
    let sent = outbox::mark_sent(&app.db, Claim { id: alive.id, worker: "alive" }, 77, now + 123).await.unwrap();

    assert_eq!((reclaimed, alive.id), (1, ids[0]));
    assert_eq!((late_failed, late_retried, late_sent, sent), (false, false, false, true));
    assert_eq!(still_alives, 1, "the stalled worker's outcomes were dropped");
    let sql = "SELECT COUNT(*) FROM outbox WHERE status = 'sent' AND message_id = 77 AND id = $1";
    assert_eq!(app.count(sql, alive.id).await, 1, "the current claimer records");
}
