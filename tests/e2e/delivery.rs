//! The outbox worker against the fake Bot API: Telegram's answers (429, 5xx, 403,
//! migration) and its limits (per group, overall, answers before broadcasts).

use std::time::{Duration, Instant};

use fake_telegram::{FailRule, Failure, Limits};
use kimbot::platform::delivery::{Outbox, Outgoing, Priority};

use crate::support::{TestApp, spawn_app, spawn_app_with};

pub fn outbox(app: &TestApp) -> Outbox {
    Outbox::new(app.db.clone(), app.clock.clone())
}

pub fn broadcast(chats: &[i64], text: &str) -> Vec<Outgoing> {
    chats.iter().map(|c| Outgoing::text(*c, text.into(), Priority::Broadcast, Some("test:1".into()))).collect()
}

/// Waits (bounded) until no row is queued or sending.
pub async fn wait_until_drained(app: &TestApp, within: Duration) {
    let deadline = Instant::now() + within;
    while unfinished(app).await > 0 {
        assert!(Instant::now() < deadline, "outbox not drained within {within:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

pub async fn unfinished(app: &TestApp) -> i64 {
    app.count("SELECT COUNT(*) FROM outbox WHERE status IN ('queued', 'sending') AND id > $1", 0).await
}

async fn status(app: &TestApp, id: i64) -> String {
    sqlx::query_scalar("SELECT status FROM outbox WHERE id = $1").bind(id).fetch_one(&app.db.pool).await.unwrap()
}

fn sends_to(app: &TestApp, chat: i64) -> Vec<fake_telegram::Call> {
    app.fake.calls_to("sendMessage").into_iter().filter(|c| c.params["chat_id"] == chat).collect()
}

#[tokio::test]
async fn a_queued_message_reaches_its_chat_once_with_its_message_id_recorded() {
    let app = spawn_app().await;
    let group = app.fake.group(-700, "RT 07");
    let ids = outbox(&app).enqueue(&[Outgoing::text(-700, "Info posyandu".into(), Priority::Broadcast, None)]).await.unwrap();

    assert_eq!(group.next_message().await.text, "Info posyandu");
    wait_until_drained(&app, Duration::from_secs(5)).await;
    assert_eq!(status(&app, ids[0]).await, "sent");
    assert!(app.count("SELECT message_id FROM outbox WHERE id = $1", ids[0]).await > 0);
    group.expect_no_message(Duration::from_millis(300)).await;
}

#[tokio::test]
async fn flood_wait_is_honoured_then_the_message_is_sent() {
    let app = spawn_app().await;
    let group = app.fake.group(-701, "RT 08");
    app.fake.fail_next(FailRule::method("sendMessage", Failure::TooManyRequests { retry_after: 1 }).for_chat(-701));

    let ids = outbox(&app).enqueue(&[Outgoing::text(-701, "Kerja bakti".into(), Priority::Broadcast, None)]).await.unwrap();

    assert_eq!(group.next_message_within(Duration::from_secs(5)).await.text, "Kerja bakti");
    let calls = sends_to(&app, -701);
    assert_eq!(calls.len(), 2, "one refused, one delivered");
    assert!(calls[1].at - calls[0].at >= Duration::from_secs(1), "retried after {:?}", calls[1].at - calls[0].at);
    wait_until_drained(&app, Duration::from_secs(5)).await;
    assert_eq!(app.count("SELECT attempts FROM outbox WHERE id = $1", ids[0]).await, 2);
}

#[tokio::test]
async fn a_server_error_is_retried_until_the_message_is_delivered() {
    let app = spawn_app_with(&[("KIMBOT_SEND_TIMEOUT_SECS", "1"), ("KIMBOT_SEND_LEASE_SECS", "5")]).await;
    let group = app.fake.group(-704, "RT 11");
    app.fake.fail_next(FailRule::method("sendMessage", Failure::ServerError).for_chat(-704));

    let ids = outbox(&app).enqueue(&[Outgoing::text(-704, "Jadwal ronda".into(), Priority::Broadcast, None)]).await.unwrap();

    assert_eq!(group.next_message_within(Duration::from_secs(8)).await.text, "Jadwal ronda");
    wait_until_drained(&app, Duration::from_secs(5)).await;
    assert_eq!(status(&app, ids[0]).await, "sent");
    assert_eq!(app.count("SELECT attempts FROM outbox WHERE id = $1", ids[0]).await, 2);
    assert_eq!(group.messages().len(), 1);
}

#[tokio::test]
async fn a_migrated_group_gets_its_queue_at_the_new_id_and_keeps_its_link() {
    let app = spawn_app().await;
    let koor = app.member_of(7001, "Koor", "IB1-BL").await;
    app.grant_coordinator(7001, "IB1-BL").await;
    let group = app.fake.group(-702, "RT 09");
    group.add_bot(&koor).await;
    group.next_message().await;
    group.set_member_status(&koor, "administrator");
    koor.in_group(&group).send("/hubungkan IB1-BL").await;
    group.next_message().await;
    let moved = app.fake.supergroup(-100_702, "RT 09");
    app.fake.fail_next(FailRule::method("sendMessage", Failure::Migrated { to: -100_702 }).for_chat(-702));

    outbox(&app).enqueue(&broadcast(&[-702, -702], "Bazar UMKM")).await.unwrap();

    wait_until_drained(&app, Duration::from_secs(5)).await;
    assert_eq!(app.count("SELECT COUNT(*) FROM outbox WHERE chat_id = $1 AND status = 'sent'", -100_702).await, 2);
    assert_eq!(moved.messages().iter().filter(|m| m.text == "Bazar UMKM").count(), 2);
    assert_eq!(app.count("SELECT COUNT(*) FROM tg_groups WHERE chat_id = $1 AND kim_id IS NOT NULL", -100_702).await, 1);
}

#[tokio::test]
async fn a_group_that_kicked_the_bot_fails_its_whole_queue_and_is_marked_left() {
    let app = spawn_app().await;
    let koor = app.member_of(7002, "Koor", "IB1-BL").await;
    let group = app.fake.group(-703, "RT 10");
    let other = app.fake.group(-705, "RT 12");
    group.add_bot(&koor).await;
    group.next_message().await;
    let kicked = Failure::Forbidden("Forbidden: bot was kicked from the group chat".into());
    app.fake.fail_next(FailRule::method("sendMessage", kicked).for_chat(-703));
    let greeted = sends_to(&app, -703).len();

    outbox(&app).enqueue(&broadcast(&[-703, -703, -703, -705], "Info")).await.unwrap();

    wait_until_drained(&app, Duration::from_secs(5)).await;
    assert_eq!(app.count("SELECT COUNT(*) FROM outbox WHERE chat_id = $1 AND status = 'failed'", -703).await, 3);
    let sent = sends_to(&app, -703);
    let texts: Vec<_> = sent.iter().map(|c| (c.params["text"].to_string(), c.response["ok"].to_string())).collect();
    assert_eq!(sent.len(), greeted + 1, "nothing tried after the 403 (greeted {greeted}): {texts:?}");
    assert_eq!(app.count("SELECT COUNT(*) FROM tg_groups WHERE chat_id = $1 AND status = 'left'", -703).await, 1);
    assert_eq!(other.messages().len(), 1, "other groups are not affected");
}

#[tokio::test]
async fn a_refused_message_fails_with_telegrams_reason_and_the_next_one_goes_out() {
    let app = spawn_app().await;
    let group = app.fake.group(-706, "RT 13");
    app.fake.fail_next(FailRule::method("sendMessage", Failure::BadRequest("message is too long".into())).for_chat(-706));

    let ids = outbox(&app).enqueue(&broadcast(&[-706, -706], "Info")).await.unwrap();

    wait_until_drained(&app, Duration::from_secs(5)).await;
    let error: Option<String> = sqlx::query_scalar("SELECT error FROM outbox WHERE id = $1").bind(ids[0]).fetch_one(&app.db.pool).await.unwrap();
    assert_eq!(status(&app, ids[0]).await, "failed");
    assert!(error.unwrap_or_default().contains("message is too long"));
    assert_eq!(status(&app, ids[1]).await, "sent");
    assert_eq!(group.messages().len(), 1);
}

#[tokio::test]
async fn messages_to_one_chat_arrive_in_the_order_they_were_queued() {
    let app = spawn_app().await;
    let ani = app.user(7003, "Ani");
    let notices: Vec<Outgoing> =
        (1..=6).map(|i| Outgoing::text(7003, format!("Kabar {i}"), Priority::Personal, None)).collect();

    outbox(&app).enqueue(&notices).await.unwrap();

    wait_until_drained(&app, Duration::from_secs(10)).await;
    let texts: Vec<String> = ani.messages().into_iter().map(|m| m.text).collect();
    assert_eq!(texts, (1..=6).map(|i| format!("Kabar {i}")).collect::<Vec<_>>());
}

#[tokio::test]
async fn a_group_never_gets_more_than_its_per_minute_budget() {
    let app = spawn_app_with(&[("KIMBOT_SEND_GROUP_PER_MINUTE", "3")]).await;
    app.fake.set_limits(Limits { group_max: 3, ..Limits::default() });
    app.fake.enforce_limits(true);
    let group = app.fake.group(-707, "RT 14");

    outbox(&app).enqueue(&broadcast(&[-707; 5], "Info")).await.unwrap();

    for _ in 0..3 {
        group.next_message().await;
    }
    group.expect_no_message(Duration::from_millis(1500)).await;
    assert_eq!(app.count("SELECT COUNT(*) FROM outbox WHERE status = 'queued' AND chat_id = $1", -707).await, 2);
    assert_eq!(app.fake.stats().too_many_requests, 0);
}

#[tokio::test]
async fn a_resident_is_answered_while_a_broadcast_is_still_queued() {
    let app = spawn_app_with(&[("KIMBOT_SEND_PER_SECOND", "2")]).await;
    let groups: Vec<i64> = (0..40).map(|i| -7100 - i).collect();
    for id in &groups {
        app.fake.group(*id, "RT");
    }
    outbox(&app).enqueue(&broadcast(&groups, "Pengumuman")).await.unwrap();
    let budi = app.user(7004, "Budi");

    budi.send("/bantuan").await;

    assert!(!budi.next_message_within(Duration::from_secs(5)).await.text.is_empty());
    assert!(unfinished(&app).await >= 30, "the answer did not wait for the broadcast");
}

#[tokio::test]
async fn a_personal_notice_overtakes_a_queued_broadcast() {
    let app = spawn_app_with(&[("KIMBOT_SEND_PER_SECOND", "2")]).await;
    let groups: Vec<i64> = (0..20).map(|i| -7200 - i).collect();
    for id in &groups {
        app.fake.group(*id, "RT");
    }
    let ani = app.user(7005, "Ani");
    outbox(&app).enqueue(&broadcast(&groups, "Pengumuman")).await.unwrap();

    outbox(&app).enqueue(&[Outgoing::text(7005, "Status aspirasi".into(), Priority::Personal, None)]).await.unwrap();

    assert_eq!(ani.next_message_within(Duration::from_secs(5)).await.text, "Status aspirasi");
    assert!(unfinished(&app).await >= 10, "the notice went before most of the broadcast");
}
