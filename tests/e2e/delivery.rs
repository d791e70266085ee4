use std::time::Duration;

use fake_telegram::{FailRule, Failure};
use kimbot::delivery::{Outbox, Outgoing, Priority};

use crate::support::{TestApp, spawn_app};

fn outbox(app: &TestApp) -> Outbox {
    Outbox::new(app.db.clone(), app.clock.clone())
}

async fn outbox_status(app: &TestApp, id: i64) -> String {
    use sqlx::Row;
    for _ in 0..100 {
        let row = sqlx::query("SELECT status FROM outbox WHERE id = $1").bind(id).fetch_one(&app.db.pool).await.unwrap();
        let status: String = row.try_get("status").unwrap();
        if status == "sent" || status == "failed" {
            return status;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    "stuck".into()
}

#[tokio::test]
async fn a_queued_message_reaches_its_chat_once_with_its_message_id_recorded() {
    let app = spawn_app().await;
    let group = app.fake.group(-700, "RT 07");
    let ids = outbox(&app).enqueue(&[Outgoing::text(-700, "Info posyandu".into(), Priority::Broadcast, None)]).await.unwrap();

    assert_eq!(group.next_message().await.text, "Info posyandu");
    assert_eq!(outbox_status(&app, ids[0]).await, "sent");
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
    assert_eq!(outbox_status(&app, ids[0]).await, "sent");
    assert_eq!(app.count("SELECT attempts FROM outbox WHERE id = $1", ids[0]).await, 1);
}

#[tokio::test]
async fn a_migrated_group_gets_the_message_at_its_new_id_and_keeps_its_link() {
    let app = spawn_app().await;
    let koor = app.member_of(7001, "Koor", "IB1-BL").await;
    app.grant_coordinator(7001, "IB1-BL").await;
    let group = app.fake.group(-702, "RT 09");
    group.add_bot(&koor).await;
    group.next_message().await;
    koor.in_group(&group).send("/hubungkan IB1-BL").await;
    group.next_message().await;
    app.fake.supergroup(-100_702, "RT 09");
    app.fake.fail_next(FailRule::method("sendMessage", Failure::Migrated { to: -100_702 }).for_chat(-702));

    let ids = outbox(&app).enqueue(&[Outgoing::text(-702, "Bazar UMKM".into(), Priority::Broadcast, None)]).await.unwrap();

    let status = outbox_status(&app, ids[0]).await;
    let error: Option<String> = sqlx::query_scalar("SELECT error FROM outbox WHERE id = $1").bind(ids[0]).fetch_one(&app.db.pool).await.unwrap();
    assert_eq!(status, "sent", "{error:?}");
    assert_eq!(app.count("SELECT chat_id FROM outbox WHERE id = $1", ids[0]).await, -100_702);
    assert!(app.fake.messages(-100_702).iter().any(|m| m.text == "Bazar UMKM"));
    assert_eq!(app.count("SELECT COUNT(*) FROM tg_groups WHERE chat_id = $1 AND kim_id IS NOT NULL", -100_702).await, 1);
}

#[tokio::test]
async fn a_group_that_kicked_the_bot_fails_the_row_and_is_marked_left() {
    let app = spawn_app().await;
    let koor = app.member_of(7002, "Koor", "IB1-BL").await;
    let group = app.fake.group(-703, "RT 10");
    group.add_bot(&koor).await;
    group.next_message().await;
    let kicked = Failure::Forbidden("Forbidden: bot was kicked from the group chat".into());
    app.fake.fail_next(FailRule::method("sendMessage", kicked).for_chat(-703));

    let ids = outbox(&app).enqueue(&[Outgoing::text(-703, "Info".into(), Priority::Broadcast, None)]).await.unwrap();

    assert_eq!(outbox_status(&app, ids[0]).await, "failed");
    assert_eq!(app.count("SELECT COUNT(*) FROM tg_groups WHERE chat_id = $1 AND status = 'left'", -703).await, 1);
}
