use std::time::Duration;

use crate::support::{PersonExt, spawn_app};

#[tokio::test]
async fn an_update_delivered_twice_is_answered_once() {
    let app = spawn_app().await;
    let ani = app.member_of(3001, "Ani", "IB1-BL").await;
    ani.send("/bantuan").await;
    ani.next_message().await;
    let last = app.fake.update_log().last().cloned().unwrap();

    app.fake.push_raw_update(last);
    ani.send("/gantikim").await;

    let next = ani.next_message().await;
    assert!(next.text.contains("Pilih KIM"), "the duplicate /bantuan was not answered: {}", next.text);
    ani.expect_no_message(Duration::from_millis(300)).await;
}

#[tokio::test]
async fn forged_and_stale_buttons_are_refused_and_change_nothing() {
    let app = spawn_app().await;
    let budi = app.member_of(3002, "Budi", "IB1-BL").await;
    let kim_before = app.count("SELECT kim_id FROM users WHERE id = $1", 3002).await;
    let message = budi.last_message().unwrap().message_id;
    let forged = [
        "km:13",          // join another KIM while not choosing one
        "ob:y",           // agree again outside the notice
        "ar:1",           // browse areas outside the menu
        "staff:grant:1",  // not a payload at all
        "km:99999",       // a KIM that does not exist
        "lg:fr",          // an unknown language
    ];
    let mut ids = Vec::new();
    for data in forged {
        ids.push(budi.press_data(message, data).await);
    }

    let ours = || budi.callback_answers().into_iter().filter(|a| ids.contains(&a.callback_query_id)).collect::<Vec<_>>();
    for _ in 0..100 {
        if ours().len() == forged.len() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let answers = ours();
    assert_eq!(answers.len(), forged.len(), "{answers:?}");
    assert!(answers.iter().all(|a| a.text.as_deref() == Some("Tombol ini sudah tidak berlaku.")), "{answers:?}");
    assert_eq!(app.count("SELECT kim_id FROM users WHERE id = $1", 3002).await, kim_before);
    budi.expect_no_message(Duration::from_millis(300)).await;
}

#[tokio::test]
async fn unexpected_messages_get_a_helpful_answer() {
    let app = spawn_app().await;
    let stranger = app.user(3003, "Stranger");
    stranger.send("assalamualaikum").await;
    assert!(stranger.next_message().await.text.contains("/start"));

    let cici = app.member_of(3004, "Cici", "IB1-BL").await;
    cici.send("jalan rusak di depan rumah").await;
    assert!(cici.next_message().await.text.contains("/bantuan"));
    cici.send("/terbang").await;
    assert!(cici.next_message().await.text.contains("Perintah /terbang tidak saya kenal"));
    cici.send_photo().await;
    assert!(cici.next_message().await.text.contains("/bantuan"));
    cici.send(&"x".repeat(5000)).await;
    assert!(cici.next_message().await.text.contains("/bantuan"));
    cici.send("/hubungkan IB1-BL").await;
    assert!(cici.next_message().await.text.contains("di dalam grup"));
}

#[tokio::test]
async fn a_failing_telegram_send_ends_in_an_apology_and_the_next_message_works() {
    let app = spawn_app().await;
    let dedi = app.member_of(3005, "Dedi", "IB1-BL").await;
    app.fake.fail_next(fake_telegram::FailRule::method("sendMessage", fake_telegram::Failure::BadRequest("Bad Request: message is too long".into())).times(1));

    dedi.send("/bantuan").await;
    assert!(dedi.next_message().await.text.contains("Maaf, terjadi kendala"));
    dedi.send("/bantuan").await;

    assert!(dedi.next_message_skipping_edits().await.text.contains("Yang bisa Anda lakukan"));
}

#[tokio::test]
async fn forged_page_numbers_far_past_the_end_get_the_stale_answer_and_nothing_panics() {
    let app = spawn_app().await;
    let admin = app.admin();
    admin.send("/audit").await;
    let audit = admin.next_message().await;
    admin.send("/umkmkim").await;
    let umkm = admin.next_message().await;
    let forged = [
        (audit.message_id, format!("p:au:{}:", i64::MAX)),
        (audit.message_id, format!("p:au:{}:aumkm", i64::MAX / 10)),
        (audit.message_id, "p:au:5:".to_string()),
        (umkm.message_id, format!("u:p:all:{}", i64::MAX)),
        (umkm.message_id, format!("u:p:all:{}", i64::MAX / 10)),
    ];

    let mut answers = Vec::new();
    for (message, data) in &forged {
        answers.push((data.clone(), crate::aspirations::press_forged(&admin, *message, data).await));
    }

    for (data, answer) in &answers {
        assert_eq!(answer.text.as_deref(), Some("Tombol ini sudah tidak berlaku."), "{data}: {answer:?}");
    }
    admin.send("/audit").await;
    assert!(admin.next_message().await.text.contains("Log audit"), "the bot still answers");
}

/// Panic probes exist in debug builds only (`kimbot::platform::probe`).
#[cfg(debug_assertions)]
#[tokio::test]
async fn a_handler_that_panics_gets_an_apology_and_that_chat_and_others_are_still_answered() {
    let app = spawn_app().await;
    let eka = app.member_of(3006, "Eka", "IB1-BL").await;
    let fajar = app.member_of(3007, "Fajar", "IB1-BL").await;
    let probe = format!("panic_probe_bot_{}", std::process::id());
    kimbot::platform::probe::arm(&probe);

    for _ in 0..2 {
        eka.send(&probe).await;
        assert!(eka.next_message().await.text.contains("Maaf, terjadi kendala"), "an apology, not silence");
        eka.send("/bantuan").await;
        assert!(eka.next_message_skipping_edits().await.text.contains("Yang bisa Anda lakukan"), "the same chat goes on");
    }
    fajar.send("/bantuan").await;
    assert!(fajar.next_message_skipping_edits().await.text.contains("Yang bisa Anda lakukan"), "other chats too");
}
