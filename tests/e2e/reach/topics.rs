//! Forum topics: `/hubungkan` typed in a topic sends posts there, `/topik` routes one
//! kind elsewhere, and a deleted topic falls back to General with one notice.

use fake_telegram::{BotMessage, Group, Person};
use kimbot::kernel::members::UserId;

use crate::announcements::steps::{answer_to, compose_to_my_kim, wait_text};
use crate::support::{MessageExt, TestApp, spawn_app};

/// A forum supergroup whose bot is added by `koor`, an administrator there.
async fn forum(app: &TestApp, koor: &Person, chat: i64) -> Group {
    let group = app.fake.supergroup(chat, "Forum RW 03");
    app.fake.make_forum(chat);
    group.add_bot(koor).await;
    group.next_message().await;
    group.set_member_status(koor, "administrator");
    group
}

/// The next bot message in the group that is not an answer to a command.
async fn next_post(group: &Group, needle: &str) -> BotMessage {
    loop {
        let m = group.next_message().await;
        if m.text.contains(needle) {
            return m;
        }
    }
}

async fn announce_now(koor: &Person, text: &str) {
    compose_to_my_kim(koor, text).await;
    koor.press("Kirim sekarang").await;
    wait_text(koor, "Laporan pengumuman").await;
}

async fn count_outbox(app: &TestApp, source: &str) -> i64 {
    use sqlx::Row;
    sqlx::query("SELECT COUNT(*) AS n FROM outbox WHERE source = $1").bind(source).fetch_one(&app.db.pool).await.unwrap().try_get("n").unwrap()
}

#[tokio::test]
async fn a_post_to_a_forum_group_goes_to_the_linked_topic_and_falls_back_to_general_once_it_is_gone() {
    let app = spawn_app().await;
    let koor = app.member_of(9301, "Koordinator Rina", "IB1-BL").await;
    app.grant_coordinator(9301, "IB1-BL").await;
    let group = forum(&app, &koor, -100_9301).await;
    let news = app.fake.create_topic(-100_9301, "Pengumuman");

    koor.in_group(&group).send_in_topic(news, "/hubungkan IB1-BL").await;
    let linked = group.next_message().await;
    assert!(linked.text.contains("terhubung") && linked.text.contains("topik ini"), "{}", linked.text);
    assert_eq!(app.fake.thread_of(-100_9301, linked.message_id), Some(news), "the answer stays in the topic");

    announce_now(&koor, "Kerja bakti Minggu pagi").await;
    let first = next_post(&group, "Kerja bakti").await;
    assert_eq!(app.fake.thread_of(-100_9301, first.message_id), Some(news));

    app.fake.delete_topic(-100_9301, news);
    announce_now(&koor, "Posyandu Sabtu").await;
    let second = next_post(&group, "Posyandu").await;
    announce_now(&koor, "Bazar UMKM Jumat").await;
    let third = next_post(&group, "Bazar UMKM").await;

    assert_eq!(app.fake.thread_of(-100_9301, second.message_id), None, "General");
    assert_eq!(app.fake.thread_of(-100_9301, third.message_id), None, "the gone topic is forgotten");
    // Queued with the fallback itself, so already there; delivered when the coordinator's chat has room.
    assert_eq!(count_outbox(&app, "topic:-1009301").await, 1, "the coordinator is told once");
    let told = |st: &fake_telegram::State| st.chat_messages(9301).iter().filter(|m| m.text.contains("sudah dihapus atau ditutup")).count() == 1;
    assert!(app.fake.wait_until(told, std::time::Duration::from_secs(30)).await, "the coordinator is told");
    assert_eq!(app.count("SELECT COUNT(*) FROM group_topics WHERE group_chat = $1", -100_9301).await, 0);
}

#[tokio::test]
async fn topik_sends_trainings_to_another_topic_than_announcements_and_only_for_the_kims_coordinator() {
    let app = spawn_app().await;
    let koor = app.member_of(9311, "Koordinator Rina", "IB1-BL").await;
    app.grant_coordinator(9311, "IB1-BL").await;
    let warga = app.member_of(9312, "Warga Dodi", "IB1-BL").await;
    let group = forum(&app, &koor, -100_9311).await;
    let news = app.fake.create_topic(-100_9311, "Pengumuman");
    let classes = app.fake.create_topic(-100_9311, "Pelatihan");
    koor.in_group(&group).send_in_topic(news, "/hubungkan IB1-BL").await;
    group.next_message().await;

    warga.in_group(&group).send_in_topic(classes, "/topik").await;
    let refused = group.next_message().await;
    koor.in_group(&group).send("/topik").await;
    let outside = group.next_message().await;
    koor.in_group(&group).send_in_topic(classes, "/topik").await;
    let menu = group.next_message().await;
    let forged = warga.in_group(&group).press_data(menu.message_id, &format!("tp:training:{classes}")).await;
    let forged = answer_to(&warga.in_group(&group), &forged).await;
    koor.in_group(&group).press("Pelatihan").await;
    let chosen = group.next_message().await;

    assert!(refused.text.contains("Hanya koordinator"), "{}", refused.text);
    assert!(outside.text.contains("di dalam topik"), "{}", outside.text);
    assert_eq!(app.fake.thread_of(-100_9311, menu.message_id), Some(classes));
    assert!(menu.has_button("Pengumuman") && menu.has_button("Jajak pendapat"), "{:?}", menu.button_labels());
    assert!(forged.as_deref().is_some_and(|t| t.contains("Hanya koordinator")), "{forged:?}");
    assert!(chosen.has_button("✅ Pelatihan"), "{:?}", chosen.button_labels());
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'group.topic' AND actor = $1", 9311).await, 1);

    let ctx = app.ctx.clone().expect("running");
    let kim = kimbot::kernel::members::areas::kim_by_code(&app.db, "IB1-BL").await.unwrap().unwrap();
    let new = crate::trainings::training(kim.id.get(), "Pelatihan Menjahit", 10);
    let id = kimbot::features::trainings::store::insert(&app.db, &new, UserId(9311), ctx.now()).await.unwrap();
    let tr = kimbot::features::trainings::store::get(&app.db, id).await.unwrap().unwrap();
    kimbot::features::trainings::actions::announce(&ctx, UserId(9311), &tr, &[-100_9311]).await.unwrap();
    let training = next_post(&group, "Pelatihan Menjahit").await;
    announce_now(&koor, "Kerja bakti Minggu pagi").await;
    let announcement = next_post(&group, "Kerja bakti").await;

    assert_eq!(app.fake.thread_of(-100_9311, training.message_id), Some(classes));
    assert!(training.has_button("Daftar") && training.has_button("Bagikan ke WhatsApp"), "{:?}", training.button_labels());
    assert_eq!(app.fake.thread_of(-100_9311, announcement.message_id), Some(news));
}
