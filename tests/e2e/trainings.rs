//! Trainings end to end: composing and publishing, registering under load, the
//! waitlist, reminders on a hand-moved clock, and coordinators' tools.
//! Every test starts at [`NOW`] (Monday 30 November 2026, 10:00 WIB).

mod compose;
mod confirm;
mod double_tap;
mod invite;
mod link;
mod manage;
mod relabel;
mod reminders;
mod seats;

use std::sync::Arc;
use std::time::Duration;
use kimbot::kernel::members::{KimId, UserId};

use chrono::TimeZone;
use fake_telegram::{CallbackAnswer, Person};
use kimbot::platform::db::ManualClock;
use kimbot::features::trainings::form::NewTraining;
use kimbot::features::trainings::model::Venue;
use sqlx::Row;

use crate::support::{TestApp, spawn_app_with_clock};

/// 2026-11-30 10:00 WIB.
pub const NOW: i64 = 1_796_007_600;

pub fn wib(month: u32, day: u32, hour: u32, minute: u32) -> i64 {
    chrono_tz::Asia::Jakarta.with_ymd_and_hms(2026, month, day, hour, minute, 0).unwrap().timestamp()
}

pub async fn app_at_now() -> (TestApp, Arc<ManualClock>) {
    let clock = ManualClock::new(NOW);
    let app = spawn_app_with_clock(clock.clone()).await;
    (app, clock)
}

/// A member of `kim` who coordinates it.
pub async fn coordinator(app: &TestApp, id: i64, name: &str, kim: &str) -> Person {
    let p = app.member_of(id, name, kim).await;
    app.grant_coordinator(id, kim).await;
    p
}

/// A training of `kim` on 25 December 2026, 08:00–12:00 WIB, open until the start.
pub fn training(kim_id: i64, title: &str, quota: i64) -> NewTraining {
    NewTraining {
        kim_id: KimId(kim_id),
        title: title.into(),
        organiser: "Dinas Koperasi dan UMKM".into(),
        description: "Bawa kain sendiri.".into(),
        starts_at: wib(12, 25, 8, 0),
        ends_at: wib(12, 25, 12, 0),
        venue: Venue::Place { text: "Balai Kelurahan Bukit Lama".into(), pin: None },
        quota,
        deadline_at: None,
        targets: vec![],
        poster: None,
    }
}

pub async fn kim_id(app: &TestApp, code: &str) -> i64 {
    (kimbot::kernel::members::areas::kim_by_code(&app.db, code).await.unwrap().unwrap().id).get()
}

/// Publishes a training straight through the store (as the dialogue would).
pub async fn seed(app: &TestApp, new: NewTraining) -> i64 {
    kimbot::features::trainings::store::insert(&app.db, &new, UserId(1), NOW).await.unwrap()
}

/// The registration status of a person in a training, if any.
pub async fn status(app: &TestApp, training: i64, user: i64) -> Option<String> {
    sqlx::query("SELECT status FROM training_registrations WHERE training_id = $1 AND user_id = $2")
        .bind(training)
        .bind(user)
        .fetch_optional(&app.db.pool)
        .await
        .unwrap()
        .map(|r| r.try_get("status").unwrap())
}

pub async fn count_in(app: &TestApp, training: i64, status: &str) -> i64 {
    sqlx::query("SELECT COUNT(*) AS n FROM training_registrations WHERE training_id = $1 AND status = $2")
        .bind(training)
        .bind(status)
        .fetch_one(&app.db.pool)
        .await
        .unwrap()
        .try_get("n")
        .unwrap()
}

/// Presses forged `data` on the person's last message and returns the bot's answer.
pub async fn press_forged(p: &Person, data: &str) -> CallbackAnswer {
    let message = p.last_message().map_or(1, |m| m.message_id);
    let id = p.press_data(message, data).await;
    for _ in 0..200 {
        if let Some(a) = p.callback_answers().into_iter().find(|a| a.callback_query_id == id) {
            return a;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("no answer to the press of {data}");
}

pub const STALE: &str = "Tombol ini sudah tidak berlaku.";

/// Opens `/pelatihan` and returns the card.
pub async fn browse(p: &Person) -> fake_telegram::BotMessage {
    p.send("/pelatihan").await;
    p.next_message().await
}
