//! Emergency warnings (`/darurat`) end to end: an admin (or staff given the right)
//! warns every linked group and every news subscriber of an area; the warning
//! overtakes what is already queued, goes as a paid broadcast when that is on (and
//! is refused over budget), can be recalled, and reads as a sentence in the audit
//! log. Everyone else gets a friendly refusal.

mod claims;

use std::time::Duration;
use kimbot::kernel::members::UserId;

use fake_telegram::{BotMessage, Group, Person};
use kimbot::platform::delivery::{Outgoing, Priority};

use crate::announcements::steps::{coordinator_with_groups, wait_button, wait_text};
use crate::delivery::outbox as outbox_of;
use crate::support::{ADMIN_ID, MessageExt, TestApp, spawn_app_with};

const WARNING: &str = "Air Sungai Musi naik. Warga di bantaran segera mengungsi ke SD Negeri 1.";
const AREA: &str = "Ilir Barat I (kecamatan)";
/// Conversations answer one person many times within seconds (see `support`).
const PACE: (&str, &str) = ("KIMBOT_SEND_PRIVATE_PER_SECOND", "50");

/// A coordinator's two linked groups in Bukit Lama, a news subscriber there, and
/// the admin (a member of another KIM of the same kecamatan).
async fn area_with_readers(app: &TestApp) -> (Person, Vec<Group>, Person) {
    let (_koor, groups) = coordinator_with_groups(app, 9201, "IB1-BL", &[(-100_601, "RT 01 Bukit Lama"), (-100_602, "RT 02 Bukit Lama")]).await;
    let reader = app.member_of(9202, "Dewi", "IB1-BL").await;
    kimbot::features::privacy::news::grant(&app.db, UserId(9202), 0).await.unwrap();
    app.member_of(9203, "Fajar", "IB1-BL").await; // no news consent: no private copy
    let admin = app.member_of(ADMIN_ID, "Admin", "IB1-BB").await;
    (admin, groups, reader)
}

/// `/darurat` → the area → the warning: returns the answer (review or refusal).
async fn compose(admin: &Person, text: &str) -> BotMessage {
    admin.send("/darurat").await;
    wait_button(admin, AREA).await;
    admin.press(AREA).await;
    wait_text(admin, "Tulis isi peringatan").await;
    admin.send(text).await;
    loop {
        let m = admin.next_message().await;
        if m.text.contains("Periksa sebelum mengirim") || m.text.contains("Tidak bisa dikirim") {
            return m;
        }
    }
}

/// Composes and sends; waits until both groups have the warning.
async fn warn(app: &TestApp, admin: &Person, groups: &[Group]) -> BotMessage {
    let review = compose(admin, WARNING).await;
    assert!(review.text.contains("2 grup dan 1 warga (3 pesan)"), "{}", review.text);
    admin.press("Kirim sekarang").await;
    let sent = wait_text(admin, "antrean terdepan").await;
    let ids: Vec<i64> = groups.iter().map(Group::id).collect();
    let arrived = app
        .fake
        .wait_until(|st| ids.iter().all(|g| st.chat_messages(*g).iter().any(|m| m.text.contains(WARNING))), Duration::from_secs(30))
        .await;
    assert!(arrived, "the warning never reached both groups");
    sent
}

fn warned(m: &BotMessage) -> bool {
    m.text.contains("PERINGATAN DARURAT") && m.text.contains(WARNING)
}

#[tokio::test]
async fn a_warning_overtakes_an_ordinary_broadcast_already_queued() {
    let app = spawn_app_with(&[PACE, ("KIMBOT_SEND_PER_SECOND", "4")]).await;
    let (admin, groups, reader) = area_with_readers(&app).await;
    let others: Vec<i64> = (0..60).map(|i| -200_000 - i).collect();
    for id in &others {
        app.fake.group(*id, "Grup lain");
    }
    let posts: Vec<Outgoing> = others.iter().map(|c| Outgoing::text(*c, "Pengumuman biasa".into(), Priority::Broadcast, None)).collect();
    outbox_of(&app).enqueue(&posts).await.unwrap();

    warn(&app, &admin, &groups).await;
    let reader_got = app.fake.wait_until(|st| st.chat_messages(reader.id()).iter().any(warned), Duration::from_secs(30)).await;

    let still_queued = app.count("SELECT COUNT(*) FROM outbox WHERE priority = $1 AND status = 'queued'", Priority::Broadcast as i64).await;
    let calls = app.fake.calls_to("sendMessage");
    let is_post = |c: &&fake_telegram::Call| c.params["text"].as_str() == Some("Pengumuman biasa");
    let posts_sent = calls.iter().filter(is_post).count();

    assert!(reader_got, "the news subscriber never got the warning");
    assert!(posts_sent < others.len(), "every ordinary post went out before the warning ({posts_sent})");
    assert!(still_queued > 0, "ordinary posts queued before the warning are still waiting behind it");
    assert!(groups.iter().all(|g| g.messages().iter().any(warned)));
    let fajar = app.fake.messages(9203);
    assert!(!fajar.iter().any(|m| m.text.contains(WARNING)), "no copy without news consent");
}

#[tokio::test]
async fn with_paid_broadcast_the_copies_carry_allow_paid_broadcast_and_the_review_says_the_cost() {
    let app = spawn_app_with(&[PACE, ("KIMBOT_PAID_BROADCAST", "1"), ("KIMBOT_PAID_BROADCAST_MAX_STARS", "5")]).await;
    let (admin, groups, reader) = area_with_readers(&app).await;

    let review = compose(&admin, WARNING).await;
    admin.press("Kirim sekarang").await;
    wait_text(&admin, "antrean terdepan").await;
    let paid_to = |chat: i64| {
        let app = &app;
        async move { app.wait_for_call("sendMessage", |p| p["chat_id"].as_i64() == Some(chat) && p["allow_paid_broadcast"] == true).await }
    };
    for chat in [groups[0].id(), groups[1].id(), reader.id()] {
        paid_to(chat).await;
    }

    assert!(review.text.contains("siaran berbayar") && review.text.contains("3 pesan, biaya paling banyak 1 Stars"), "{}", review.text);
    let conversation = app.fake.calls_to("sendMessage").into_iter().filter(|c| c.params["chat_id"].as_i64() == Some(ADMIN_ID));
    assert!(conversation.into_iter().all(|c| c.params.get("allow_paid_broadcast").is_none()), "answers are never paid");
    assert_eq!(app.fake.stats().paid_sends_ok, 3);
}

#[tokio::test]
async fn a_warning_that_could_cost_more_than_the_budget_is_refused_with_the_numbers() {
    let app = spawn_app_with(&[PACE, ("KIMBOT_PAID_BROADCAST", "1"), ("KIMBOT_PAID_BROADCAST_MAX_STARS", "1")]).await;
    let (admin, _groups, _reader) = area_with_readers(&app).await;
    let kim = kimbot::kernel::members::areas::kim_by_code(&app.db, "IB1-BL").await.unwrap().unwrap();
    for chat in 0..8 {
        sqlx::query("INSERT INTO tg_groups (chat_id, title, kim_id, status, updated_at) VALUES ($1, 'RT', $2, 'active', 0)")
            .bind(-300_000 - chat)
            .bind(kim.id)
            .execute(&app.db.pool)
            .await
            .unwrap();
    }

    let refusal = compose(&admin, WARNING).await;

    let expected = "11 pesan bisa memakan biaya sampai 2 Stars, melebihi anggaran 1 Stars";
    assert!(refusal.text.contains(expected), "{}", refusal.text);
    assert!(!refusal.has_button("Kirim sekarang"), "{:?}", refusal.button_labels());
    assert_eq!(app.count("SELECT COUNT(*) FROM outbox WHERE priority = $1", Priority::Emergency as i64).await, 0);
}

#[tokio::test]
async fn coordinators_residents_and_staff_without_the_right_are_refused_kindly() {
    let app = spawn_app_with(&[PACE, ("KIMBOT_EMERGENCY_STAFF", "9302")]).await;
    let (koor, _groups) = coordinator_with_groups(&app, 9201, "IB1-BL", &[(-100_601, "RT 01")]).await;
    let resident = app.member_of(9202, "Dewi", "IB1-BL").await;
    let staff = app.member_of(9301, "Staf", "IB1-BB").await;
    app.grant_staff(9301, "Ilir Barat I").await;
    let trusted = app.member_of(9302, "Staf BPBD", "IB1-BB").await;
    app.grant_staff(9302, "Ilir Barat I").await;

    for person in [&koor, &resident, &staff] {
        person.send("/darurat").await;
        let answer = wait_text(person, "Maaf").await;
        assert!(answer.text.contains("hanya untuk admin dan staf Diskominfo yang diberi hak"), "{}", answer.text);
    }
    trusted.send("/darurat").await;
    let areas = wait_button(&trusted, AREA).await;

    assert!(!areas.has_button("Kota Palembang"), "staff see only their own areas: {:?}", areas.button_labels());
    assert_eq!(app.count("SELECT COUNT(*) FROM emergencies WHERE id > $1", 0).await, 0);
}

#[tokio::test]
async fn a_recalled_warning_is_deleted_everywhere_and_both_acts_read_as_sentences_in_the_audit_log() {
    let app = spawn_app_with(&[PACE]).await;
    let (admin, groups, reader) = area_with_readers(&app).await;
    warn(&app, &admin, &groups).await;
    let reached = app.fake.wait_until(|st| st.chat_messages(reader.id()).iter().any(warned), Duration::from_secs(30)).await;

    admin.press("Tarik peringatan").await;
    wait_text(&admin, "Tarik peringatan darurat #1?").await;
    admin.press("Ya, tarik").await;
    let recalled = wait_text(&admin, "ditarik").await;
    let ids = [groups[0].id(), groups[1].id(), reader.id()];
    let deleted = app
        .fake
        .wait_until(|st| ids.iter().all(|c| st.chat_messages(*c).iter().filter(|m| warned(m)).all(|m| m.deleted)), Duration::from_secs(30))
        .await;
    admin.send("/audit").await;
    let audit = wait_text(&admin, "peringatan darurat #1").await;

    assert!(reached && deleted, "reached {reached}, deleted {deleted}");
    assert!(recalled.text.contains("3 pesan sedang dihapus"), "{}", recalled.text);
    assert!(audit.text.contains("mengirim peringatan darurat #1 ke Ilir Barat I: 2 grup dan 1 warga"), "{}", audit.text);
    assert!(audit.text.contains("menarik peringatan darurat #1: 3 pesan dihapus"), "{}", audit.text);
    assert!(!audit.text.contains("emergency."), "{}", audit.text);
}
