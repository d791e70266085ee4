//! The ends of a poll's copies (issue 15 follow-up): a copy still in a worker's hands
//! when the poll closes is stopped once Telegram has it; a group that became a
//! supergroup gets its stop at the new id; the author's result and chart go through
//! the outbox; an anonymous chat's final totals after stopPoll are counted.

use std::time::Duration;

use fake_telegram::{FailRule, Failure, MsgKind};

use super::{QUESTION, compose, results_until, seed_poll};
use crate::announcements::steps::{coordinator_with_groups, sunday_morning, wait_text};
use crate::support::{TestApp, spawn_app_with_clock};

/// Waits (bounded) until `sql` counts `n`.
async fn wait_count(app: &TestApp, sql: &'static str, bind: i64, n: i64) {
    for _ in 0..100 {
        if app.count(sql, bind).await == n {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(app.count(sql, bind).await, n, "{sql}");
}

#[tokio::test]
async fn a_copy_still_being_sent_when_the_poll_closes_is_stopped_once_telegram_has_it() {
    // Closed early: advancing the clock an hour would also end the in-flight row's lease.
    let app = spawn_app_with_clock(sunday_morning()).await;
    let groups = [(-9601, "Bukit Lama RT 1"), (-9602, "Bukit Lama RT 2")];
    let (koor, _) = coordinator_with_groups(&app, 9600, "IB1-BL", &groups).await;
    app.fake.fail_next(FailRule::method("sendPoll", Failure::Slow(Duration::from_secs(6))).for_chat(-9601));

    compose(&koor, false).await;
    koor.press("Kirim jajak").await;
    wait_text(&koor, "sedang dikirim ke 2 grup").await;
    assert!(app.fake.wait_until(|st| st.polls.len() == 1, Duration::from_secs(10)).await, "the quick group has its copy");
    let in_flight = "SELECT COUNT(*) FROM outbox WHERE source LIKE 'poll:%' AND status = 'sending' AND chat_id = $1";
    assert_eq!(app.count(in_flight, -9601).await, 1, "the slow copy is in the worker's hands");

    results_until(&koor, "0 orang menjawab").await;
    koor.press("Tutup sekarang").await;
    assert!(app.fake.wait_until(|st| st.polls.iter().any(|p| p.closed), Duration::from_secs(5)).await, "the quick copy is stopped");
    assert_eq!(app.count(in_flight, -9601).await, 1, "closed while the slow copy was still on its way");
    wait_text(&koor, "sudah ditutup. Hasil akhir").await;
    let all_stopped = |st: &fake_telegram::State| st.polls.len() == 2 && st.polls.iter().all(|p| p.closed);
    assert!(app.fake.wait_until(all_stopped, Duration::from_secs(10)).await, "{:?}", app.fake.polls());
    assert!(app.fake.polls().iter().all(|p| p.question == QUESTION));
    wait_count(&app, "SELECT COUNT(*) FROM polls WHERE settled = 1 AND author_id = $1", 9600, 1).await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(app.fake.calls_to("stopPoll").len(), 2, "each copy is stopped once, however often the job sweeps");
    let chart = koor.next_message().await;
    assert_eq!(chart.kind, MsgKind::Photo, "{chart:?}");
}

#[tokio::test]
async fn the_authors_final_result_and_chart_go_through_the_outbox_and_survive_a_flood_limit() {
    let clock = sunday_morning();
    let app = spawn_app_with_clock(clock.clone()).await;
    let (koor, _) = coordinator_with_groups(&app, 9700, "IB1-BL", &[(-9701, "Bukit Lama RT 1")]).await;
    compose(&koor, false).await;
    koor.press("Kirim jajak").await;
    wait_text(&koor, "sedang dikirim ke 1 grup").await;
    assert!(app.fake.wait_until(|st| st.polls.len() == 1, Duration::from_secs(10)).await);
    app.fake.fail_next(FailRule::method("sendPhoto", Failure::TooManyRequests { retry_after: 1 }).for_chat(9700));

    results_until(&koor, "0 orang menjawab").await;
    koor.press("Tutup sekarang").await;
    wait_text(&koor, "sudah ditutup. Hasil akhir").await;
    let waiting = "SELECT COUNT(*) FROM outbox WHERE source LIKE 'poll_result:%' AND status = 'queued' AND error LIKE '429%' AND chat_id = $1";
    wait_count(&app, waiting, 9700, 1).await;
    clock.advance(30); // past the row's retry time (the app's clock is frozen)
    let chart = koor.next_message().await;
    assert_eq!(chart.kind, MsgKind::Photo, "the chart comes after Telegram's 429: {chart:?}");
    assert!(chart.text.contains("Grafik hasil jajak"), "{}", chart.text);
    assert_eq!(app.fake.calls_to("sendPhoto").len(), 2, "refused once, then sent");
    let rows = "SELECT COUNT(*) FROM outbox WHERE source LIKE 'poll_result:%' AND status = 'sent' AND chat_id = $1";
    wait_count(&app, rows, 9700, 2).await; // the text and the chart are outbox rows
}

/// The copy in a group that became a supergroup lives in the old chat: Telegram's
/// developers say the bot keeps its old messages there (tdlib/telegram-bot-api#266), so
/// its stopPoll goes to the chat it was sent to. Where Telegram answers "upgraded"
/// instead (as the fake does), the delivery worker tries the new id once; a poll that
/// is not there fails that row, logged, and nothing is retried forever.
#[tokio::test]
async fn a_group_that_became_a_supergroup_after_the_poll_went_out_keeps_its_kim_and_its_stop_ends() {
    let app = spawn_app_with_clock(sunday_morning()).await;
    let groups = [(-9801, "Bukit Lama RT 1"), (-9802, "Bukit Lama RT 2")];
    let (koor, linked) = coordinator_with_groups(&app, 9800, "IB1-BL", &groups).await;
    compose(&koor, false).await;
    koor.press("Kirim jajak").await;
    wait_text(&koor, "sedang dikirim ke 2 grup").await;
    assert!(app.fake.wait_until(|st| st.polls.len() == 2, Duration::from_secs(10)).await);
    app.fake.user(9811, "Warga");
    assert!(app.fake.answer_poll(9811, -9801, &[0]));
    results_until(&koor, "1 orang menjawab").await;

    linked[0].migrate_to_supergroup(-1009801).await;
    wait_count(&app, "SELECT COUNT(*) FROM tg_groups WHERE chat_id = $1", -1009801, 1).await;
    app.fake.user(9812, "Warga");
    assert!(app.fake.answer_poll(9812, -9801, &[1]), "the copy in the old group still takes answers");
    results_until(&koor, "2 orang menjawab").await;
    koor.press("Tutup sekarang").await;
    let result = wait_text(&koor, "sudah ditutup. Hasil akhir").await.text;
    assert!(result.contains("• KIM Bukit Lama: 2 orang") && !result.contains("tanpa KIM"), "both answers keep the group's KIM: {result}");

    wait_count(&app, "SELECT COUNT(*) FROM polls WHERE settled = 1 AND author_id = $1", 9800, 1).await;
    let ended = "SELECT COUNT(*) FROM outbox WHERE source LIKE 'poll_stop:%' AND status = 'failed' AND error LIKE '%not found%' AND chat_id = $1";
    wait_count(&app, ended, -1009801, 1).await; // the old group's poll is not in the supergroup: failed once
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let to_it = |c: &&fake_telegram::Call| [-9801, -1009801].contains(&c.params["chat_id"].as_i64().unwrap_or_default());
    assert_eq!(app.fake.calls_to("stopPoll").iter().filter(to_it).count(), 2, "the old id, then the new one, and no more");
    let other = app.fake.polls().into_iter().find(|p| p.chat_id == -9802).unwrap();
    assert!(other.closed, "the other group's copy is stopped");
}

#[tokio::test]
async fn a_channels_totals_that_arrive_after_closing_but_before_its_stop_are_counted() {
    let app = spawn_app_with_clock(sunday_morning()).await;
    let (koor, _) = coordinator_with_groups(&app, 9900, "IB1-BL", &[(-9901, "Bukit Lama Kanal")]).await;
    app.fake.refuse_named_polls(-9901);
    compose(&koor, false).await;
    koor.press("Kirim jajak").await;
    wait_text(&koor, "sedang dikirim ke 1 grup").await;
    assert!(app.fake.wait_until(|st| st.polls.len() == 1, Duration::from_secs(10)).await);
    app.fake.user(9911, "Warga");
    assert!(app.fake.answer_poll(9911, -9901, &[0]));
    results_until(&koor, "1 orang menjawab").await;
    app.fake.fail_next(FailRule::method("stopPoll", Failure::Slow(Duration::from_secs(2))).for_chat(-9901));

    koor.press("Tutup sekarang").await;
    wait_text(&koor, "sudah ditutup. Hasil akhir").await;
    app.fake.user(9912, "Warga");
    assert!(app.fake.answer_poll(9912, -9901, &[1]), "the channel's copy is not stopped yet");
    assert!(app.fake.wait_until(|st| st.polls[0].closed, Duration::from_secs(10)).await);
    let late = results_until(&koor, "2 orang menjawab").await;
    assert!(late.contains("Status: sudah ditutup") && late.contains("1 (50%)"), "the channel's final totals count: {late}");
}

#[tokio::test]
async fn concurrent_sweeps_of_a_closed_poll_queue_one_stop_per_copy_and_cancel_what_is_queued() {
    // The app's own closing job may sweep it too, as another process would: still one stop per copy.
    let app = spawn_app_with_clock(sunday_morning()).await;
    seed_poll(&app, 78, "closed").await;
    for (chat, status) in [(-1, "sent"), (-2, "sent"), (-3, "sent"), (-4, "queued")] {
        // Far in the future: the app's worker leaves the queued one alone.
        sqlx::query(
            "INSERT INTO outbox (chat_id, priority, body, source, status, not_before, message_id, created_at, updated_at) \
             VALUES ($1, 2, '{}', 'poll:78', $2, 4000000000, CASE WHEN $2 = 'sent' THEN 5 ELSE NULL END, 0, 0)",
        )
        .bind(chat)
        .bind(status)
        .execute(&app.db.pool)
        .await
        .unwrap();
    }
    let ctx = app.ctx.as_ref().unwrap();
    let poll = kimbot::features::polls::store::get(&app.db, 78).await.unwrap().unwrap();
    let sweeps = (0..8).map(|_| kimbot::features::polls::ends::sweep(ctx, &poll));
    for swept in futures_util::future::join_all(sweeps).await {
        swept.unwrap();
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM outbox WHERE source = 'poll_stop:78' AND id > $1", 0).await, 3, "one stop per sent copy");
    assert_eq!(app.count("SELECT COUNT(*) FROM outbox WHERE source = 'poll:78' AND error = 'cancelled' AND chat_id = $1", -4).await, 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM polls WHERE settled = 1 AND id = $1", 78).await, 1);
}
