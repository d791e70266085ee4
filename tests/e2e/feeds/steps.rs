//! Steps shared by the feed tests: the clock, people with roles, a feed registered
//! as the CLI does, and bounded waits on the database.

use std::sync::Arc;
use std::time::Duration;

use chrono::TimeZone;
use fake_telegram::{BotMessage, Person};
use kimbot::platform::db::ManualClock;
use kimbot::features::feeds::{schedule, store};

use crate::support::TestApp;

/// Unix time of a wall-clock time in Jakarta (WIB).
pub fn wib(h: u32, mi: u32) -> i64 {
    chrono_tz::Asia::Jakarta.with_ymd_and_hms(2026, 12, 20, h, mi, 0).unwrap().timestamp()
}

/// Sunday 20 December 2026, 10:00 WIB: the first poll of a default feed is 10:30.
pub fn ten_oclock() -> Arc<ManualClock> {
    ManualClock::new(wib(10, 0))
}

/// Reads the person's chat until a message (new or edited) contains `needle`.
pub async fn wait_text(p: &Person, needle: &str) -> BotMessage {
    loop {
        let m = p.next_message().await;
        if m.text.contains(needle) {
            return m;
        }
    }
}

/// Registers a feed as `kimbot feeds add URL --area AREA` does (default schedule).
pub async fn add_feed(app: &TestApp, url: &str, area: &str) -> i64 {
    let mut found = kimbot::kernel::members::areas::find_scope_areas(&app.db, area).await.unwrap();
    assert_eq!(found.len(), 1, "{area}");
    let tz = chrono_tz::Asia::Jakarta;
    let now = app.clock.now();
    let expr = schedule::parse(schedule::DEFAULT_EVERY, now, tz).unwrap();
    let new = store::NewFeed {
        url,
        area_id: found.remove(0).id,
        cron: expr.quartz(),
        next_poll_at: schedule::next_after(expr.quartz(), now, tz),
        created_by: None,
    };
    store::add(&app.db, &new, now).await.unwrap()
}

/// Waits (bounded, 10 s) until `sql` with `id` bound yields `want`.
pub async fn wait_value(app: &TestApp, sql: &'static str, id: i64, want: i64) {
    let mut got = i64::MIN;
    for _ in 0..200 {
        got = app.count(sql, id).await;
        if got == want {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{sql} [{id}] stayed {got}, expected {want}");
}

/// Moves the clock to `at` and waits until feed `id` recorded a good poll then.
pub async fn poll_ok_at(app: &TestApp, clock: &ManualClock, id: i64, at: i64) {
    clock.set(at);
    wait_value(app, "SELECT COALESCE(last_ok_at, 0) FROM feeds WHERE id = $1", id, at).await;
}

/// The draft messages in a person's chat so far, oldest first.
pub fn drafts_in(p: &Person) -> Vec<BotMessage> {
    p.messages().into_iter().filter(|m| m.text.contains("Berita program baru")).collect()
}

/// Presses `label` on one given message (not just the latest one carrying it).
pub async fn press_on(p: &Person, m: &BotMessage, label: &str) -> String {
    let button = m.buttons.iter().flatten().find(|b| b.text.contains(label)).expect("button on message");
    p.press_data(m.message_id, button.callback_data.as_deref().unwrap()).await
}

/// The bot's answer to one button press (bounded wait).
pub async fn answer_to(p: &Person, callback_id: &str) -> Option<String> {
    for _ in 0..100 {
        if let Some(a) = p.callback_answers().into_iter().find(|a| a.callback_query_id == callback_id) {
            return a.text;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("callback {callback_id} never answered");
}
