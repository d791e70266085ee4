//! Service level: a ticket with no first response after 3 working days is flagged to
//! the staff covering its area, once, on the app clock.

use std::sync::Arc;

use chrono::TimeZone;
use fake_telegram::{BotMessage, Person};
use kimbot::platform::db::ManualClock;

use super::*;
use crate::support::spawn_app_with_clock;

const ROAD: &str = "Jalan di depan SD 12 berlubang besar sejak Januari, motor sering jatuh.";
const DRAIN: &str = "Saluran air di Lorong Damai tersumbat sampah plastik sejak minggu lalu.";
const LAMP: &str = "Lampu jalan di Lorong Sepakat mati sudah dua minggu, rawan kejahatan.";

/// Unix time of a wall-clock time in Jakarta (WIB), late 2026.
fn wib(m: u32, d: u32, h: u32, mi: u32) -> i64 {
    chrono_tz::Asia::Jakarta.with_ymd_and_hms(2026, m, d, h, mi, 0).unwrap().timestamp()
}

/// The next "⏰ … belum mendapat tanggapan" message, passing over everything else.
async fn next_overdue(p: &Person) -> BotMessage {
    loop {
        let m = p.next_message_skipping_edits().await;
        if m.text.starts_with("⏰") {
            return m;
        }
    }
}

async fn overdue_messages_to(app: &TestApp, chat: i64) -> i64 {
    app.count("SELECT COUNT(*) FROM outbox WHERE chat_id = $1 AND source = 'aspirations:overdue'", chat).await
}

#[tokio::test]
async fn a_ticket_without_response_for_three_working_days_is_flagged_once_to_staff_of_its_area() {
    // Friday 27 November 2026, 10:00 WIB: the deadline falls after the weekend,
    // on Wednesday 2 December at 10:00.
    let clock: Arc<ManualClock> = ManualClock::new(wib(11, 27, 10, 0));
    let mut app = spawn_app_with_clock(clock.clone()).await;
    let staff = staff_of(&app, 5301, "Staf Rina", KECAMATAN).await;
    let elsewhere = staff_of(&app, 5302, "Staf Tono", "Kemuning").await;
    let budi = app.member_of(5303, "Budi", KIM).await;
    let late = submit(&budi, "Infrastruktur", ROAD, false).await;
    let answered = submit(&budi, "Lingkungan", DRAIN, false).await;
    open_card(&staff, &format!("/status {answered}")).await;
    assert!(forward(&staff).await.text.contains("sekarang: Diteruskan"));
    assert!(budi.next_message().await.text.contains("berstatus: Diteruskan"));

    clock.set(wib(12, 1, 12, 0)); // Tuesday noon: five calendar days, two working days
    let in_time = open_card(&staff, "/antrian").await.text;
    clock.set(wib(12, 2, 10, 30));
    let flagged = next_overdue(&staff).await.text;
    let marked = open_card(&staff, "/antrian").await.text;

    assert!(in_time.contains(&late) && !in_time.contains("⏰"), "{in_time}");
    assert!(flagged.contains(&late) && flagged.contains("3 hari kerja") && flagged.contains("1 aspirasi"), "{flagged}");
    assert!(!flagged.contains(&answered), "a ticket answered in time is never flagged: {flagged}");
    assert!(marked.contains(&late) && marked.contains("⏰ Lewat batas 3 hari kerja"), "{marked}");
    assert_eq!(overdue_messages_to(&app, 5302).await, 0, "staff of another kecamatan are not told");

    // After a restart the flagged ticket stays quiet; a later one is flagged alone.
    app.restart().await;
    let lamp = submit(&budi, "Keamanan", LAMP, false).await;
    clock.set(wib(12, 7, 11, 0)); // Monday: Wednesday 10:30 + 3 working days is past
    let second = next_overdue(&staff).await.text;

    assert!(second.contains(&lamp) && !second.contains(&late), "{second}");
    assert_eq!(overdue_messages_to(&app, 5301).await, 2, "one message per check that found something");
    assert_eq!(overdue_messages_to(&app, 5302).await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM aspirations WHERE overdue_at IS NOT NULL AND user_id = $1", 5303).await, 2);
    elsewhere.expect_no_message(std::time::Duration::from_millis(100)).await;
}

#[tokio::test]
async fn no_ticket_is_flagged_when_the_service_level_is_turned_off() {
    let clock: Arc<ManualClock> = ManualClock::new(wib(11, 27, 10, 0));
    let mut app = spawn_app_with_clock(clock.clone()).await;
    app.stop().await;
    app.env.push(("KIMBOT_SLA_WORKING_DAYS".into(), "0".into()));
    app.start().await;
    let staff = staff_of(&app, 5311, "Staf Rina", KECAMATAN).await;
    let budi = app.member_of(5312, "Budi", KIM).await;
    let number = submit(&budi, "Infrastruktur", ROAD, false).await;

    clock.set(wib(12, 28, 10, 0));
    let card = open_card(&staff, "/antrian").await.text;

    assert!(card.contains(&number) && !card.contains("⏰"), "{card}");
    assert_eq!(app.count("SELECT COUNT(*) FROM aspirations WHERE overdue_at IS NOT NULL AND user_id = $1", 5312).await, 0);
}


/// A second "process": its own pool, outbox and context on the same database.
pub(crate) fn process(app: &TestApp, db: kimbot::platform::db::Db) -> kimbot::platform::ctx::AppCtx {
    let config = crate::support::config_for(&app.fake, &app.database_url);
    let outbox = kimbot::platform::delivery::Outbox::new(db.clone(), app.clock.clone());
    kimbot::platform::ctx::AppCtx { db, config: Arc::new(config), clock: app.clock.clone(), bot_username: "kimbot".into(), outbox, webhook_wake: Default::default(), ops: Default::default(), personal_data: kimbot::app::registry::personal_data(), consent_purposes: kimbot::app::registry::consent_purposes(), role_lost: kimbot::app::registry::role_lost_hooks(), audit_words: kimbot::app::registry::audit_words(), webhook_events: kimbot::app::registry::webhook_events(), period_reports: kimbot::app::registry::period_reports(), backlogs: kimbot::app::registry::backlogs(), console_exports: Arc::new(tokio::sync::Semaphore::new(1)) }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_processes_checking_at_once_flag_each_late_ticket_exactly_once() {
    use kimbot::features::aspirations::{overdue, store};
    let app = crate::support::spawn_app_without_areas().await;
    app.load_areas().await;
    app.grant_staff(7301, KECAMATAN).await;
    let kim = kimbot::kernel::members::areas::kim_by_code(&app.db, KIM).await.unwrap().unwrap();
    for user in 7310..7316 {
        let new = store::NewAspiration {
            user_id: user,
            kim_id: kim.id.get(),
            category: kimbot::features::aspirations::model::Category::Infrastruktur,
            body: format!("Lampu jalan padam di gang {user}, mohon diperbaiki."),
            photos: vec![],
            location: None,
            anonymous: false,
        };
        store::submit(&app.db, &new, 2026, wib(11, 27, 10, 0), &[]).await.unwrap();
    }
    let other = kimbot::platform::db::Db::connect(&app.database_url, app.db.backend).await.unwrap();
    let (a, b) = (process(&app, app.db.clone()), process(&app, other));

    let now = wib(12, 3, 0, 0);
    let (flagged_a, flagged_b) = tokio::join!(overdue::check(&a, now), overdue::check(&b, now));
    let again = overdue::check(&a, now + 60).await.unwrap();

    assert_eq!(flagged_a.unwrap() + flagged_b.unwrap(), 6, "every late ticket flagged by one of them");
    assert_eq!(again, 0, "a later check repeats nothing");
    let rows = sqlx::query("SELECT body FROM outbox WHERE chat_id = $1 AND source = 'aspirations:overdue'")
        .bind(7301_i64)
        .fetch_all(&app.db.pool)
        .await
        .unwrap();
    let listed: usize = rows.iter().map(|r| sqlx::Row::get::<String, _>(r, "body").matches("• ASP-").count()).sum();
    assert_eq!(listed, 6, "each ticket listed to staff once");
    assert!((1..=2).contains(&rows.len()), "one message per process that won something");
}
