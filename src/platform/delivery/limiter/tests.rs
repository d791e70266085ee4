//! The limiter under tokio's paused clock: every wait is exact virtual time.

use std::sync::Mutex as StdMutex;

use super::*;

fn limits(global: usize, group_per_minute: usize) -> Limits {
    Limits {
        global: Rate::new(global, Duration::from_secs(1)),
        reply_reserve: 0,
        group: Rate::new(group_per_minute, Duration::from_secs(60)),
        private: Rate::new(5, Duration::from_secs(5)),
    }
}

async fn worker_slot_for(l: &Arc<RateLimiter>, chat: i64) -> Result<Slot, NotYet> {
    let mut slot = l.worker_slot().await;
    match l.take_chat(&mut slot, chat) {
        Ok(()) => Ok(slot),
        Err(e) => {
            slot.cancel();
            Err(e)
        }
    }
}

#[tokio::test(start_paused = true)]
async fn no_second_ever_sees_more_than_the_global_budget() {
    let l = RateLimiter::new(limits(30, 20));
    let start = Instant::now();
    let mut granted = Vec::new();
    for _ in 0..90 {
        drop(l.worker_slot().await);
        granted.push(start.elapsed());
    }
    assert!(granted[29] < Duration::from_secs(1));
    assert_eq!(granted[30], Duration::from_secs(1));
    assert_eq!(granted[60], Duration::from_secs(2));
    for i in 30..granted.len() {
        assert!(granted[i] - granted[i - 30] >= Duration::from_secs(1), "send {i} too early");
    }
}

#[tokio::test(start_paused = true)]
async fn the_workers_slots_are_spread_over_the_second() {
    let l = RateLimiter::new(limits(10, 20));
    let start = Instant::now();
    for i in 0..10u32 {
        drop(l.worker_slot().await);
        assert_eq!(start.elapsed(), Duration::from_millis(100) * i);
    }
}

#[tokio::test(start_paused = true)]
async fn a_send_in_flight_holds_its_slot_until_answered() {
    let l = RateLimiter::new(limits(2, 20));
    let first = l.worker_slot().await;
    let _second = l.worker_slot().await;
    let start = Instant::now();
    let waiter = tokio::spawn({
        let l = l.clone();
        async move {
            drop(l.worker_slot().await);
            Instant::now()
        }
    });

    tokio::time::sleep(Duration::from_secs(5)).await;
    assert!(!waiter.is_finished(), "both slots are still in flight");
    drop(first);

    let granted = waiter.await.unwrap();
    assert_eq!(granted - start, Duration::from_secs(6), "answered at 5 s, counted for one second");
}

#[tokio::test(start_paused = true)]
async fn a_cancelled_slot_does_not_count_as_a_send() {
    let l = RateLimiter::new(limits(3, 20));
    for _ in 0..10 {
        l.worker_slot().await.cancel();
    }
    let start = Instant::now();
    drop(l.worker_slot().await);
    assert_eq!(start.elapsed(), Duration::ZERO);
}

#[tokio::test(start_paused = true)]
async fn a_waiting_reply_goes_before_the_worker() {
    let l = RateLimiter::new(limits(2, 20));
    let order = Arc::new(StdMutex::new(Vec::new()));
    let held = (l.worker_slot().await, l.worker_slot().await);
    let worker = tokio::spawn({
        let (l, order) = (l.clone(), order.clone());
        async move {
            let _s = l.worker_slot().await;
            order.lock().unwrap().push("worker");
        }
    });
    tokio::time::sleep(Duration::from_millis(10)).await;
    let reply = tokio::spawn({
        let (l, order) = (l.clone(), order.clone());
        async move {
            let _s = l.reply_slot(Some(42)).await;
            order.lock().unwrap().push("reply");
        }
    });
    tokio::time::sleep(Duration::from_millis(10)).await;

    drop(held);
    reply.await.unwrap();
    worker.await.unwrap();

    assert_eq!(*order.lock().unwrap(), ["reply", "worker"]);
}

#[tokio::test(start_paused = true)]
async fn a_reply_waiting_for_its_own_full_group_does_not_hold_back_the_worker() {
    let l = RateLimiter::new(limits(30, 1));
    drop(l.reply_slot(Some(-5)).await);
    let blocked = tokio::spawn({
        let l = l.clone();
        async move { drop(l.reply_slot(Some(-5)).await) }
    });
    tokio::time::sleep(Duration::from_millis(10)).await;

    let start = Instant::now();
    drop(l.worker_slot().await);

    assert_eq!(start.elapsed(), Duration::ZERO);
    assert!(!blocked.is_finished());
}

#[tokio::test(start_paused = true)]
async fn a_group_takes_its_per_minute_budget_then_waits_out_the_window() {
    let l = RateLimiter::new(limits(1000, 20));
    let start = Instant::now();
    for _ in 0..20 {
        drop(worker_slot_for(&l, -100).await.unwrap());
    }

    let refused = worker_slot_for(&l, -100).await.unwrap_err();

    assert_eq!(refused, NotYet::Until(start + Duration::from_secs(60)));
    assert!(worker_slot_for(&l, -200).await.is_ok(), "other groups are not affected");
}

#[tokio::test(start_paused = true)]
async fn a_chat_with_a_message_in_flight_waits_for_it() {
    let l = RateLimiter::new(limits(1000, 20));
    let first = worker_slot_for(&l, -100).await.unwrap();

    assert_eq!(worker_slot_for(&l, -100).await.unwrap_err(), NotYet::Busy);
    drop(first);
    assert!(worker_slot_for(&l, -100).await.is_ok());
}

#[tokio::test(start_paused = true)]
async fn a_429_in_a_group_pauses_that_group_only() {
    let l = RateLimiter::new(limits(30, 20));
    let start = Instant::now();

    let global = l.too_many_requests(-1, Duration::from_secs(5));

    assert!(!global);
    assert_eq!(worker_slot_for(&l, -1).await.unwrap_err(), NotYet::Until(start + Duration::from_secs(5)));
    assert!(worker_slot_for(&l, -2).await.is_ok());
    assert_eq!(start.elapsed(), Duration::ZERO);
}

#[tokio::test(start_paused = true)]
async fn a_429_in_a_private_chat_pauses_every_send() {
    let l = RateLimiter::new(limits(30, 20));
    let start = Instant::now();

    assert!(l.too_many_requests(7, Duration::from_secs(3)));

    drop(l.worker_slot().await);
    assert_eq!(start.elapsed(), Duration::from_secs(3));
    drop(l.reply_slot(Some(8)).await);
    assert_eq!(start.elapsed(), Duration::from_secs(3));
}

#[tokio::test(start_paused = true)]
async fn a_burst_of_429s_from_several_groups_pauses_every_send() {
    let l = RateLimiter::new(limits(30, 20));
    let start = Instant::now();

    assert!(!l.too_many_requests(-1, Duration::from_secs(2)));
    assert!(!l.too_many_requests(-1, Duration::from_secs(2)), "same group again is not a burst");
    assert!(!l.too_many_requests(-2, Duration::from_secs(2)));
    assert!(l.too_many_requests(-3, Duration::from_secs(2)));

    drop(l.worker_slot().await);
    assert_eq!(start.elapsed(), Duration::from_secs(2));
}

#[tokio::test(start_paused = true)]
async fn sends_remembered_from_before_a_restart_count_in_the_window() {
    let l = RateLimiter::new(limits(30, 20));
    tokio::time::advance(Duration::from_secs(100)).await;
    let now = Instant::now();
    for _ in 0..20 {
        l.remember_send(-9, now - Duration::from_secs(30));
    }

    let refused = worker_slot_for(&l, -9).await.unwrap_err();

    assert_eq!(refused, NotYet::Until(now + Duration::from_secs(30)));
}

#[tokio::test(start_paused = true)]
async fn idle_chats_are_forgotten() {
    let l = RateLimiter::new(limits(100_000, 20));
    for chat in 1..=(PRUNE_EVERY as i64) {
        drop(worker_slot_for(&l, -chat).await.unwrap());
    }
    tokio::time::advance(Duration::from_secs(61)).await;
    for _ in 0..PRUNE_EVERY {
        drop(l.worker_slot().await);
    }
    assert_eq!(l.tracked_chats(), 0);
}

#[tokio::test(start_paused = true)]
async fn the_worker_leaves_the_reply_reserve_free() {
    let l = RateLimiter::new(Limits { reply_reserve: 1, ..limits(3, 20) });
    let _a = l.worker_slot().await;
    let _b = l.worker_slot().await;
    let start = Instant::now();
    let worker = tokio::spawn({
        let l = l.clone();
        async move { drop(l.worker_slot().await) }
    });
    tokio::time::sleep(Duration::from_millis(10)).await;

    drop(l.reply_slot(Some(7)).await);

    assert_eq!(start.elapsed(), Duration::from_millis(10), "the answer found a free slot");
    assert!(!worker.is_finished(), "the worker may not take the reserved slot");
}

#[tokio::test(start_paused = true)]
async fn an_answered_send_frees_its_global_part_but_keeps_its_chat_busy() {
    let l = RateLimiter::new(limits(1, 20));
    let mut slot = worker_slot_for(&l, -3).await.unwrap();
    let start = Instant::now();

    slot.answered();

    let mut next = l.worker_slot().await;
    assert_eq!(start.elapsed(), Duration::from_secs(1), "the answered send counts for a second");
    assert_eq!(l.take_chat(&mut next, -3), Err(NotYet::Busy), "its chat waits for the outcome");
    drop(slot);
    assert_eq!(l.take_chat(&mut next, -3), Ok(()));
}

#[tokio::test(start_paused = true)]
async fn the_paid_lane_has_its_own_window_and_leaves_the_free_one_untouched() {
    let l = RateLimiter::with_paid_lane(limits(2, 20), Some(Rate::new(100, Duration::from_secs(1))));
    let start = Instant::now();
    for _ in 0..150 {
        let mut slot = l.paid_slot().await;
        slot.answered();
    }
    let paid_took = start.elapsed();
    let free = Instant::now();
    drop(l.worker_slot().await);
    drop(l.worker_slot().await);

    assert_eq!(paid_took, Duration::from_secs(1), "100 in the first second, the rest in the next");
    assert_eq!(free.elapsed(), Duration::from_millis(500), "the free window saw none of them");
}

#[tokio::test(start_paused = true)]
async fn without_a_paid_lane_paid_slots_come_from_the_free_window() {
    let l = RateLimiter::new(limits(2, 20));
    let start = Instant::now();
    for _ in 0..3 {
        drop(l.paid_slot().await);
    }
    assert_eq!(start.elapsed(), Duration::from_secs(1));
}
