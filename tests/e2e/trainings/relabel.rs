//! Issue 16: the "Daftar" button under a training's group posts follows the seats —
//! "Daftar tunggu" once the training is full, "Daftar" again when a seat frees up —
//! edited once per crossing (not per registration), also under concurrent presses;
//! a group that left or a deleted post fails its edit once and is not retried.

use std::time::Duration;
use kimbot::kernel::members::UserId;

use fake_telegram::{BotMessage, Group};
use kimbot::features::trainings::{actions, posts, seats, store};

use super::{NOW, app_at_now, browse, coordinator, kim_id, seed, training};
use crate::support::TestApp;

/// Groups of KIM Bukit Lama with the bot in them (welcome read).
async fn groups(app: &TestApp, koor: &fake_telegram::Person, chats: &[(i64, &str)]) -> Vec<Group> {
    let mut out = Vec::new();
    for (id, title) in chats {
        let group = app.fake.group(*id, title);
        group.add_bot(koor).await;
        group.next_message().await;
        out.push(group);
    }
    out
}

/// The label and link of the only button under a post.
fn button(post: &BotMessage) -> (String, Option<String>) {
    let b = post.buttons.iter().flatten().next().unwrap_or_else(|| panic!("no button: {post:?}"));
    (b.text.clone(), b.url.clone())
}

fn edits_in(app: &TestApp, chat: i64) -> usize {
    let calls = app.fake.calls_to("editMessageReplyMarkup");
    calls.iter().filter(|c| c.params["chat_id"].as_i64() == Some(chat)).count()
}

/// Outbox rows of the training's label edits by status, once none is waiting (bounded).
async fn settled_edits(app: &TestApp, id: i64) -> Vec<(i64, String, i64, String)> {
    for _ in 0..200 {
        let rows: Vec<(i64, String, i64, String)> = sqlx::query_as(
            "SELECT chat_id, status, attempts, COALESCE(error, '') FROM outbox WHERE source = $1 ORDER BY chat_id",
        )
        .bind(posts::edit_source(id))
        .fetch_all(&app.db.pool)
        .await
        .unwrap();
        if !rows.is_empty() && rows.iter().all(|r| r.1 == "sent" || r.1 == "failed") {
            return rows;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the label edits of training {id} never settled");
}

#[tokio::test]
async fn a_training_that_fills_up_relabels_every_group_post_and_a_freed_seat_relabels_them_back() {
    let (app, _clock) = app_at_now().await;
    let koor = coordinator(&app, 9801, "Sari", "IB1-BL").await;
    let groups = groups(&app, &koor, &[(-9811, "RT 81"), (-9812, "RT 82")]).await;
    let id = seed(&app, training(kim_id(&app, "IB1-BL").await, "Pelatihan Sablon", 2)).await;
    let ctx = app.ctx.clone().unwrap();
    let tr = store::get(&app.db, id).await.unwrap().unwrap();
    actions::announce(&ctx, UserId(9801), &tr, &[-9811, -9812]).await.unwrap();
    let mut links = Vec::new();
    for group in &groups {
        let (label, link) = button(&group.next_message().await);
        assert_eq!(label, "✅ Daftar");
        links.push(link);
    }
    seats::register(&app.db, id, UserId(9821), NOW).await.unwrap();

    let wati = app.member_of(9822, "Wati", "IB1-BL").await;
    browse(&wati).await;
    wati.press("Daftar").await;
    assert!(wati.next_message().await.text.contains("Anda terdaftar"));
    for (group, link) in groups.iter().zip(&links) {
        let post = group.next_message().await;
        assert!(post.edited, "{post:?}");
        assert_eq!(button(&post), ("⏳ Daftar tunggu".to_string(), link.clone()));
    }
    seats::register(&app.db, id, UserId(9823), NOW).await.unwrap();
    actions::withdraw(&ctx, id, UserId(9821)).await.unwrap();
    groups[0].expect_no_message(Duration::from_millis(500)).await;
    actions::withdraw(&ctx, id, UserId(9823)).await.unwrap();

    for (group, link) in groups.iter().zip(&links) {
        assert_eq!(button(&group.next_message().await), ("✅ Daftar".to_string(), link.clone()));
    }
    groups[1].expect_no_message(Duration::from_millis(300)).await;
    assert_eq!((edits_in(&app, -9811), edits_in(&app, -9812)), (2, 2), "one edit per post and crossing");
}

#[tokio::test]
async fn many_residents_taking_the_last_seats_at_once_relabel_each_post_exactly_once() {
    let (app, _clock) = app_at_now().await;
    let koor = coordinator(&app, 9851, "Sari", "IB1-BL").await;
    let groups = groups(&app, &koor, &[(-9861, "RT 86")]).await;
    let id = seed(&app, training(kim_id(&app, "IB1-BL").await, "Pelatihan Hidroponik", 3)).await;
    let ctx = app.ctx.clone().unwrap();
    let tr = store::get(&app.db, id).await.unwrap().unwrap();
    actions::announce(&ctx, UserId(9851), &tr, &[-9861]).await.unwrap();
    groups[0].next_message().await;

    let presses = (0..12).map(|i| seats::register(&app.db, id, UserId(9870 + i), NOW));
    for result in futures_util::future::join_all(presses).await {
        result.unwrap();
    }
    ctx.outbox.wake();

    assert_eq!(button(&groups[0].next_message().await).0, "⏳ Daftar tunggu");
    let edits = settled_edits(&app, id).await;
    groups[0].expect_no_message(Duration::from_millis(300)).await;
    assert_eq!(edits.len(), 1, "{edits:?}");
    assert_eq!(edits_in(&app, -9861), 1);
}

#[tokio::test]
async fn a_relabel_for_a_group_that_left_or_a_deleted_post_fails_once_and_is_not_retried() {
    let (app, _clock) = app_at_now().await;
    let koor = coordinator(&app, 9831, "Sari", "IB1-BL").await;
    let groups = groups(&app, &koor, &[(-9841, "RT 84"), (-9842, "RT 85"), (-9843, "RT 86")]).await;
    let id = seed(&app, training(kim_id(&app, "IB1-BL").await, "Pelatihan Kemasan", 1)).await;
    let ctx = app.ctx.clone().unwrap();
    let tr = store::get(&app.db, id).await.unwrap().unwrap();
    actions::announce(&ctx, UserId(9831), &tr, &[-9841, -9842, -9843]).await.unwrap();
    let mut posts = Vec::new();
    for group in &groups {
        posts.push(group.next_message().await);
    }
    groups[0].remove_bot(&koor).await;
    groups[1].delete_bot_message(posts[1].message_id);

    seats::register(&app.db, id, UserId(9849), NOW).await.unwrap();
    ctx.outbox.wake();

    assert_eq!(button(&groups[2].next_message().await).0, "⏳ Daftar tunggu");
    let edits = settled_edits(&app, id).await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let by_chat = |chat: i64| edits.iter().find(|e| e.0 == chat).cloned().unwrap();
    let (_, left, left_tries, left_error) = by_chat(-9841);
    let (_, gone, gone_tries, gone_error) = by_chat(-9842);
    assert_eq!((left.as_str(), left_tries), ("failed", 1), "{left_error}");
    assert!(left_error.starts_with("Forbidden"), "{left_error}");
    assert_eq!((gone.as_str(), gone_tries), ("failed", 1), "{gone_error}");
    assert!(gone_error.contains("message to edit not found"), "{gone_error}");
    assert_eq!(by_chat(-9843).1, "sent");
    assert_eq!((edits_in(&app, -9841), edits_in(&app, -9842)), (1, 1), "each tried once, never again");
}
