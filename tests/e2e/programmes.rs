//! Programmes for UMKM end to end (issue 29): staff compose and announce a programme
//! to the matching opted-in UMKM, residents apply in chat, staff select within the
//! quota, a withdrawal moves the waitlist up, groups complete at N members, and
//! forged presses and another area's staff are refused.

mod flow;
mod follow_up;
mod groups;
mod personal;
mod questions;
mod quota;
mod report;

use fake_telegram::Person;
use kimbot::features::programmes::model::{Eligibility, Kind, Selection};
use kimbot::features::programmes::store::NewProgramme;
use kimbot::features::umkm::model::{Scale, Sector};

use crate::support::{PersonExt, TestApp};

/// A member of `kim` with a saved UMKM registration, the 'umkm' consent and the
/// programme-news consent.
pub async fn owner(app: &TestApp, id: i64, name: &str, kim: &str, sector: &str) -> Person {
    let person = app.member_of(id, name, kim).await;
    let kim = kimbot::kernel::members::areas::kim_by_code(&app.db, kim).await.unwrap().unwrap();
    sqlx::query(
        "INSERT INTO umkm_registrations (user_id, owner_name, business_name, sector, scale, kelurahan_id, kim_id, \
         phone, needs, created_at, updated_at) VALUES ($1, $2, $3, $4, 'mikro', $5, $6, '+6281234567890', 'modal', 1, 1)",
    )
    .bind(id)
    .bind(name)
    .bind(format!("Usaha {name}"))
    .bind(sector)
    .bind(kim.kelurahan_id)
    .bind(kim.id)
    .execute(&app.db.pool)
    .await
    .unwrap();
    for purpose in ["umkm", "news"] {
        sqlx::query("INSERT INTO consents (user_id, purpose, notice_version, granted_at) VALUES ($1, $2, '2026-11', 1)")
            .bind(id)
            .bind(purpose)
            .execute(&app.db.pool)
            .await
            .unwrap();
    }
    person
}

/// Sends `text` and checks the next (not edited) message contains `expect`.
pub async fn answer(p: &Person, text: &str, expect: &str) -> fake_telegram::BotMessage {
    p.send(text).await;
    let got = p.next_message_skipping_edits().await;
    assert!(got.text.contains(expect), "after {text:?} expected {expect:?}: {}", got.text);
    got
}

/// Presses `label` and checks the next (not edited) message contains `expect`.
pub async fn tap(p: &Person, label: &str, expect: &str) -> fake_telegram::BotMessage {
    p.press(label).await;
    let got = p.next_message_skipping_edits().await;
    assert!(got.text.contains(expect), "after {label:?} expected {expect:?}: {}", got.text);
    got
}

/// A programme for Kota Palembang stored directly (as the dialogue would).
pub fn programme(quota: i64, group_min: i64, selection: Selection, now: i64) -> NewProgramme {
    NewProgramme {
        area_path: "Kota Palembang".into(),
        agency_id: None,
        organiser: "Dinas Koperasi dan UMKM".into(),
        name: "Modal Kuliner".into(),
        kind: Kind::Modal,
        description: "Bantuan modal Rp5 juta.".into(),
        who: Eligibility { sectors: vec![Sector::Kuliner], scales: vec![Scale::Mikro], group_min, ..Eligibility::default() },
        quota,
        opens_at: now - 60,
        closes_at: now + 14 * 86_400,
        selection,
        questions: Vec::new(),
        follow_up_days: 0,
    }
}

pub async fn status_of(app: &TestApp, user_id: i64) -> String {
    use sqlx::Row;
    sqlx::query("SELECT status FROM programme_applications WHERE user_id = $1")
        .bind(user_id)
        .fetch_one(&app.db.pool)
        .await
        .unwrap()
        .try_get("status")
        .unwrap()
}
