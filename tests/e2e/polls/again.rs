//! Issue 23 items 5 and 10: a person who erased their data and answers the same poll
//! again counts once (their new answer), and group members who never started the bot
//! leave a count, not their Telegram id. Answers stored before fingerprints are
//! rekeyed at start-up.

use std::time::Duration;
use kimbot::kernel::members::UserId;

use kimbot::platform::fingerprint::{self, Scope};

use super::{compose, results_until, seed_poll};
use crate::announcements::steps::{coordinator_with_groups, sunday_morning, wait_text};
use crate::support::spawn_app_with_clock;

/// What `/datasaya` lists as the person's poll answers (the options chosen).
async fn poll_answers(app: &crate::support::TestApp, user: i64) -> Vec<serde_json::Value> {
    let data = kimbot::features::privacy::export::gather(&app.db, kimbot::app::registry::personal_data(), UserId(user)).await.unwrap();
    let shown = serde_json::to_value(data).unwrap();
    shown["poll_answers"].as_array().cloned().unwrap_or_default().into_iter().map(|a| a["chosen"].clone()).collect()
}

#[tokio::test]
async fn an_erased_voter_answering_again_counts_once_and_non_members_leave_no_id() {
    let app = spawn_app_with_clock(sunday_morning()).await;
    let groups = [(-9501, "Bukit Lama RT 1"), (-9502, "Bukit Lama RT 2")];
    let (koor, _) = coordinator_with_groups(&app, 9500, "IB1-BL", &groups).await;
    let dewi = app.member_of(9511, "Dewi", "IB1-BL").await;
    compose(&koor, false).await;
    koor.press("Kirim jajak").await;
    wait_text(&koor, "sedang dikirim ke 2 grup").await;
    assert!(app.fake.wait_until(|st| st.polls.len() == 2, Duration::from_secs(10)).await);

    app.fake.user(9520, "Tamu");
    assert!(app.fake.answer_poll(dewi.id(), -9501, &[0]));
    assert!(app.fake.answer_poll(9520, -9501, &[1]));
    results_until(&koor, "2 orang menjawab").await;
    let named = "SELECT COUNT(*) FROM poll_votes WHERE voter = $1 OR user_id = $1 OR chat_id = $1";
    assert_eq!(app.count(named, 9520).await, 0, "a group member who never started the bot is a count, not an id");
    assert_eq!(poll_answers(&app, dewi.id()).await, [serde_json::json!(["Sabtu pagi"])], "a member's answer is hers (/datasaya)");

    kimbot::features::privacy::erase::erase(app.ctx.as_ref().unwrap(), UserId(dewi.id())).await.unwrap();
    assert_eq!(app.count(named, dewi.id()).await, 0);
    assert!(poll_answers(&app, dewi.id()).await.is_empty(), "nothing of hers left to show");
    // She comes back, and answers again: changed in the first group, and in the second.
    app.member_of(9511, "Dewi", "IB1-BL").await;
    assert!(app.fake.answer_poll(dewi.id(), -9501, &[1]));
    let live = results_until(&koor, "2 (100%)").await;
    assert!(live.contains("2 orang menjawab"), "her old answer does not count twice: {live}");
    assert!(app.fake.answer_poll(dewi.id(), -9502, &[0]));
    let live = results_until(&koor, "1 (50%)").await;
    assert!(live.contains("2 orang menjawab"), "nor in another group: {live}");
}

#[tokio::test]
async fn answers_stored_with_telegram_ids_are_rekeyed_to_fingerprints_at_start_up() {
    let mut app = spawn_app_with_clock(sunday_morning()).await;
    seed_poll(&app, 78, "open").await;
    sqlx::query("INSERT INTO poll_votes (poll_id, voter, chat_id, kim_id, choices, seq) VALUES (78, 4242, -1, NULL, '0', 1)")
        .execute(&app.db.pool)
        .await
        .unwrap();
    app.restart().await;
    assert_eq!(app.count("SELECT COUNT(*) FROM poll_votes WHERE voter > $1", 0).await, 0, "no Telegram id left");
    let secret = fingerprint::secret(&app.db, 0).await.unwrap();
    let key = fingerprint::of(&secret, Scope::Poll, 78, UserId(4242));
    assert_eq!(app.count("SELECT COUNT(*) FROM poll_votes WHERE voter = $1", key).await, 1, "the same person's key as a new answer's");
}
