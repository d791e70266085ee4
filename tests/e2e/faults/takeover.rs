//! The piece of item 1 that decides "every update answered once": an update whose
//! first handling died unfinished (the answer had gone out, the claim was not yet
//! marked finished) is taken over by a later delivery, and its handler's answers
//! are given from the journal the first handling recorded, not sent again; an
//! answer the journal shows as still being sent (`"pending"`) is sent again and
//! counted in `resent_answers`. The kill is simulated on one process by leaving the
//! claim as a killed process leaves it.

use serde_json::json;

use crate::support::{TestApp, spawn_app_with};

const PATH: &str = "/telegram/takeover_hook_5e1b";
const SECRET: &str = "takeover_secret_1";

fn bantuan_update(id: i64, user: i64) -> serde_json::Value {
    json!({
        "update_id": id,
        "message": {
            "message_id": 1, "date": 1_764_800_000,
            "chat": { "id": user, "type": "private", "first_name": "Ani" },
            "from": { "id": user, "is_bot": false, "first_name": "Ani" },
            "text": "/bantuan", "entities": [{ "type": "bot_command", "offset": 0, "length": 8 }]
        }
    })
}

/// Telegram's webhook POST of `update`; the bot answers once it is handled.
async fn deliver(app: &TestApp, update: &serde_json::Value) {
    let status = reqwest::Client::new()
        .post(format!("{}{PATH}", app.console_url))
        .header("X-Telegram-Bot-Api-Secret-Token", SECRET)
        .json(update)
        .send()
        .await
        .unwrap()
        .status();
    assert_eq!(status, reqwest::StatusCode::OK);
}

/// Leaves update `id`'s claim as a process killed after answering leaves it:
/// unfinished, older than the grace, with `answers` recorded (or none).
async fn unfinish(app: &TestApp, id: i64, answers: Option<String>) {
    sqlx::query("UPDATE processed_updates SET done = 0, processed_at = 0, answers = $1 WHERE update_id = $2")
        .bind(answers)
        .bind(id)
        .execute(&app.db.pool)
        .await
        .unwrap();
}

async fn webhook_app() -> TestApp {
    let url = format!("{{http}}{PATH}");
    let app = spawn_app_with(&[("KIMBOT_TELEGRAM_WEBHOOK_URL", url.as_str()), ("KIMBOT_TELEGRAM_WEBHOOK_SECRET", SECRET), ("KIMBOT_SEND_PRIVATE_PER_SECOND", "50")]).await;
    app.wait_for_call("setWebhook", |_| true).await;
    app
}

#[tokio::test]
async fn an_update_taken_over_after_a_lost_process_is_not_answered_again() {
    let app = webhook_app().await;
    let ani = app.member_of(7_800_001, "Ani", "IB1-BL").await;
    let before = app.fake.messages(ani.id()).len();
    deliver(&app, &bantuan_update(980_001, ani.id())).await;
    let first: Vec<_> = app.fake.messages(ani.id()).into_iter().skip(before).collect();
    assert!(!first.is_empty(), "answered the first time");
    let recorded: Option<String> = sqlx::query_scalar("SELECT answers FROM processed_updates WHERE update_id = $1").bind(980_001_i64).fetch_one(&app.db.pool).await.unwrap();
    assert_eq!(recorded, None, "a finished update keeps no answers");

    // Killed after answering: the journal holds Telegram's messages.
    let journal = format!("[{}]", first.iter().map(|m| m.raw.to_string()).collect::<Vec<_>>().join(","));
    unfinish(&app, 980_001, Some(journal)).await;
    deliver(&app, &bantuan_update(980_001, ani.id())).await;

    assert_eq!(app.fake.messages(ani.id()).len(), before + first.len(), "not answered again");
    assert_eq!(app.count("SELECT COUNT(*) FROM processed_updates WHERE done = 1 AND update_id = $1", 980_001).await, 1);
}

#[tokio::test]
async fn an_update_taken_over_before_its_answer_went_out_is_answered_then() {
    let app = webhook_app().await;
    let ani = app.member_of(7_800_002, "Ani", "IB1-BL").await;
    let before = app.fake.messages(ani.id()).len();
    deliver(&app, &bantuan_update(980_002, ani.id())).await;
    let answers = app.fake.messages(ani.id()).len() - before;

    // Killed before the answer was recorded (as if before it went out).
    unfinish(&app, 980_002, None).await;
    deliver(&app, &bantuan_update(980_002, ani.id())).await;

    assert_eq!(app.fake.messages(ani.id()).len(), before + 2 * answers, "answered by the takeover");
    assert_eq!(resent_answers(&app, 980_002).await, 0, "nothing had begun to go out: not counted");
}

#[tokio::test]
async fn an_update_taken_over_while_its_answer_was_being_sent_is_answered_again_and_counted() {
    let app = webhook_app().await;
    let ani = app.member_of(7_800_003, "Ani", "IB1-BL").await;
    let before = app.fake.messages(ani.id()).len();
    deliver(&app, &bantuan_update(980_003, ani.id())).await;
    let first: Vec<_> = app.fake.messages(ani.id()).into_iter().skip(before).collect();
    assert!(!first.is_empty(), "answered the first time");

    // Killed while the last answer was in Telegram's hands: the journal says pending.
    let mut journal: Vec<String> = first.iter().map(|m| m.raw.to_string()).collect();
    if let Some(last) = journal.last_mut() {
        *last = serde_json::Value::from("pending").to_string();
    }
    unfinish(&app, 980_003, Some(format!("[{}]", journal.join(",")))).await;
    deliver(&app, &bantuan_update(980_003, ani.id())).await;

    let now: Vec<_> = app.fake.messages(ani.id()).into_iter().skip(before).collect();
    assert_eq!(now.len(), first.len() + 1, "only the pending answer sent again");
    assert_eq!(now.last().map(|m| &m.text), first.last().map(|m| &m.text), "the same answer");
    assert_eq!(resent_answers(&app, 980_003).await, 1, "counted as possibly twice, kept after the update finished");
    assert_eq!(app.count("SELECT COUNT(*) FROM processed_updates WHERE done = 1 AND update_id = $1", 980_003).await, 1);
}

async fn resent_answers(app: &TestApp, id: i64) -> i64 {
    app.count("SELECT resent_answers FROM processed_updates WHERE update_id = $1", id).await
}
