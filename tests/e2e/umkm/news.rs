//! Programme news (the 'news' consent): asked with buttons after a UMKM sign-up,
//! shown and toggled in the `/umkm` view, listed by `/datasaya`.

use super::{fill_to_review, reply};
use crate::support::{MessageExt, TestApp, spawn_app};

const STANDING: &str = "SELECT COUNT(*) FROM consents WHERE user_id = $1 AND purpose = 'news' AND withdrawn_at IS NULL";
const ANY: &str = "SELECT COUNT(*) FROM consents WHERE user_id = $1 AND purpose = 'news'";

async fn saved_with_question(app: &TestApp, id: i64) -> fake_telegram::Person {
    let p = app.member_of(id, "Siti", "IB1-BL").await;
    fill_to_review(&p).await;
    p.press("Simpan").await;
    let saved = p.next_message().await;
    assert!(saved.text.contains("sudah terdaftar") && saved.text.contains("kabar program"), "{}", saved.text);
    assert!(saved.has_button("Ya, kabari saya") && saved.has_button("Tidak"), "{:?}", saved.button_labels());
    p
}

#[tokio::test]
async fn yes_after_sign_up_gives_the_news_consent_and_the_view_toggles_it_off() {
    let app = spawn_app().await;
    let siti = saved_with_question(&app, 5401).await;

    siti.press("Ya, kabari saya").await;
    let answered = siti.next_message().await;
    assert!(answered.text.contains("Anda akan menerima kabar program"), "{}", answered.text);
    assert!(answered.text.contains("Pempek Siti") && answered.has_button("Ubah"), "the summary stays: {answered:?}");
    assert_eq!(app.count(STANDING, 5401).await, 1);
    let receipt = "SELECT COUNT(*) FROM consents WHERE user_id = $1 AND purpose = 'news' AND notice_version = '2026-11'";
    assert_eq!(app.count(receipt, 5401).await, 1);

    let view = reply(&siti, "/umkm").await;
    assert!(view.text.contains("Kabar program di chat ini: aktif"), "{}", view.text);
    siti.press("Berhenti terima kabar program").await;
    let toggled = siti.next_message().await;
    assert!(toggled.edited && toggled.text.contains("tidak aktif") && toggled.has_button("Terima kabar program"), "{toggled:?}");
    assert_eq!(app.count(STANDING, 5401).await, 0);
    assert_eq!(app.count(ANY, 5401).await, 1, "the receipt stays, stamped withdrawn");

    siti.press("Terima kabar program").await;
    assert!(siti.next_message().await.text.contains("Kabar program di chat ini: aktif"));
    assert_eq!(app.count(STANDING, 5401).await, 1);
    siti.send("/datasaya").await;
    app.wait_for_call("sendMessage", |p| p["text"].as_str().is_some_and(|t| t.contains("Kabar program di chat pribadi"))).await;
}

#[tokio::test]
async fn no_after_sign_up_gives_no_news_consent() {
    let app = spawn_app().await;
    let budi = saved_with_question(&app, 5402).await;

    budi.press("Tidak").await;
    let answered = budi.next_message().await;
    assert!(answered.text.contains("tidak akan menerima kabar program") && answered.text.contains("Pempek Siti"), "{}", answered.text);
    assert_eq!(app.count(ANY, 5402).await, 0);
    let view = reply(&budi, "/umkm").await;
    assert!(view.text.contains("tidak aktif") && view.has_button("Terima kabar program"), "{view:?}");
}

#[tokio::test]
async fn news_buttons_without_a_registration_are_stale() {
    let app = spawn_app().await;
    let cici = app.member_of(5403, "Cici", "IB1-BL").await;
    reply(&cici, "/bantuan").await;
    let message = cici.last_message().unwrap().message_id;
    let id = cici.press_data(message, "u:nt:y").await;
    for _ in 0..100 {
        if let Some(a) = cici.callback_answers().into_iter().find(|a| a.callback_query_id == id) {
            assert_eq!(a.text.as_deref(), Some("Tombol ini sudah tidak berlaku."));
            assert_eq!(app.count(ANY, 5403).await, 0);
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("no answer to the forged press");
}
