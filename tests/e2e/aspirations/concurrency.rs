//! Many submitters at once, and the once-a-minute staff notice with two processes.

use std::collections::BTreeSet;

use kimbot::features::aspirations::model::Category;
use kimbot::features::aspirations::notices;
use kimbot::features::aspirations::store::{self, NewAspiration};
use kimbot::platform::db::{Db, ManualClock};
use kimbot::platform::delivery::Outbox;
use kimbot::kernel::members::{UserId, areas};

use super::*;
use crate::support::{spawn_app_with_clock, spawn_app_without_areas};

async fn new_aspiration(db: &Db, user_id: i64) -> NewAspiration {
    let kim = areas::kim_by_code(db, KIM).await.unwrap().unwrap();
    NewAspiration {
        user_id,
        kim_id: kim.id.get(),
        category: Category::Infrastruktur,
        body: format!("Lampu jalan padam di gang {user_id}, mohon diperbaiki."),
        photos: vec![],
        location: None,
        anonymous: false,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn ticket_numbers_stay_unique_when_fifty_residents_submit_at_once() {
    let app = spawn_app_without_areas().await;
    app.load_areas().await;
    let staff = [7001_i64];
    let mut tasks = tokio::task::JoinSet::new();
    for user in 0..50 {
        let (db, new) = (app.db.clone(), new_aspiration(&app.db, 6000 + user).await);
        tasks.spawn(async move { store::submit(&db, &new, 2026, 1_780_000_000, &staff).await.unwrap().number });
    }

    let numbers: BTreeSet<String> = tasks.join_all().await.into_iter().collect();

    let expected: BTreeSet<String> = (1..=50).map(|n| format!("ASP-2026-{n:06}")).collect();
    assert_eq!(numbers, expected, "50 distinct numbers without gaps");
    assert_eq!(app.count("SELECT pending FROM staff_notices WHERE staff_id = $1", 7001).await, 50);
    let next_year = store::submit(&app.db, &new_aspiration(&app.db, 6100).await, 2027, 1_800_000_000, &[]).await.unwrap();
    assert_eq!(next_year.number, "ASP-2027-000001", "each year counts from 1");
}

#[tokio::test]
async fn two_processes_sending_the_same_staff_notice_send_it_once() {
    let app = spawn_app_without_areas().await;
    app.load_areas().await;
    // Notices go only to staff who agreed to the bot's notice (who can be reached).
    let staff = kimbot::kernel::members::users::Profile { user_id: UserId(7002), first_name: "Staf", username: None, language: "id" };
    kimbot::kernel::members::users::agree(&app.db, &staff, 1_780_000_000).await.unwrap();
    for user in [6201, 6202] {
        store::submit(&app.db, &new_aspiration(&app.db, user).await, 2026, 1_780_000_000, &[7002]).await.unwrap();
    }
    let other_process = Db::connect(&app.database_url, app.db.backend).await.unwrap();
    let (a, b) = (Outbox::new(app.db.clone(), app.clock.clone()), Outbox::new(other_process.clone(), app.clock.clone()));

    let (sent_a, sent_b) =
        tokio::join!(notices::NOTICE.flush(&app.db, &a, &[7002], 1_780_000_010), notices::NOTICE.flush(&other_process, &b, &[7002], 1_780_000_010));

    assert_eq!(sent_a.unwrap() + sent_b.unwrap(), 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM outbox WHERE chat_id = $1", 7002).await, 1);
    let text: String = sqlx::query("SELECT body FROM outbox WHERE chat_id = $1").bind(7002_i64).fetch_one(&app.db.pool).await.unwrap().try_get("body").unwrap();
    assert!(text.contains("2 aspirasi baru"), "{text}");
    assert_eq!(app.count("SELECT pending FROM staff_notices WHERE staff_id = $1", 7002).await, 0);
}

#[tokio::test]
async fn staff_get_at_most_one_new_aspiration_notice_a_minute() {
    let clock = ManualClock::new(chrono::Utc::now().timestamp());
    let app = spawn_app_with_clock(clock.clone()).await;
    let staff = staff_of(&app, 5201, "Staf Rina", KECAMATAN).await;
    let elsewhere = staff_of(&app, 5202, "Staf Tono", "Kemuning").await;
    let budi = app.member_of(5203, "Budi", KIM).await;

    submit(&budi, "Infrastruktur", "Lampu jalan di Lorong Mawar padam sejak seminggu.", false).await;
    let first = staff.next_message().await.text;
    submit(&budi, "Lingkungan", "Saluran air di Lorong Damai tersumbat sampah plastik.", false).await;
    submit(&budi, "Kesehatan", "Posyandu RW 04 kekurangan timbangan bayi yang layak.", false).await;
    let queued_within_the_minute = app.count("SELECT COUNT(*) FROM outbox WHERE chat_id = $1", 5201).await;
    let pending = app.count("SELECT pending FROM staff_notices WHERE staff_id = $1", 5201).await;
    clock.advance(61);
    let second = staff.next_message().await.text;

    assert!(first.contains("1 aspirasi baru"), "{first}");
    assert_eq!((queued_within_the_minute, pending), (1, 2), "later ones wait for the minute");
    assert!(second.contains("2 aspirasi baru"), "{second}");
    assert_eq!(app.count("SELECT pending FROM staff_notices WHERE staff_id = $1", 5201).await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM outbox WHERE chat_id = $1", 5202).await, 0, "other kecamatan");
    drop(elsewhere);
}
