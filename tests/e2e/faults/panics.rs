//! Item 6: a handler that panics does not stop the bot. The probe exists in debug
//! builds only (`kimbot::platform::probe`, armed from Rust by the test; no message
//! or setting can arm it, release builds have none). Here in webhook mode, with
//! Telegram's 40 connections: the panicking update gets the apology and is
//! confirmed once (not delivered again and again), everyone else is answered.

use std::time::Duration;

use super::HOOK_PATH;
use crate::support::{PersonExt, spawn_app_with};

#[cfg(debug_assertions)]
#[tokio::test]
async fn a_panicking_handler_in_webhook_mode_is_confirmed_once_and_the_bot_goes_on() {
    let url = format!("{{http}}{HOOK_PATH}");
    let app = spawn_app_with(&[("KIMBOT_TELEGRAM_WEBHOOK_URL", url.as_str()), ("KIMBOT_SEND_PRIVATE_PER_SECOND", "50")]).await;
    app.wait_for_call("setWebhook", |_| true).await;
    let probe = format!("panic_probe_fault_{}", std::process::id());
    kimbot::platform::probe::arm(&probe);
    let victim = app.user(7_600_001, "Eka");
    let others: Vec<_> = (0..30).map(|i| app.user(7_600_100 + i, "Warga")).collect();

    victim.send(&probe).await;
    for p in &others {
        p.send("/start").await;
    }

    assert!(victim.next_message().await.text.contains("Maaf, terjadi kendala"), "an apology, not silence");
    for p in &others {
        assert!(p.next_message().await.text.contains("privasi"));
    }
    super::eventually("every update confirmed", Duration::from_secs(10), async || app.fake.pending_updates() == 0).await;
    let panicked = app.fake.update_log().iter().find(|u| u["message"]["text"] == probe.as_str()).unwrap()["update_id"].as_i64().unwrap();
    let times = app.fake.with_state(|st| st.webhook_confirmed.iter().filter(|id| **id == panicked).count());
    assert_eq!(times, 1, "confirmed once");
    victim.send("/start").await;
    assert!(victim.next_message_skipping_edits().await.text.contains("privasi"), "the same chat goes on");
    victim.expect_no_message(Duration::from_millis(300)).await;
}
