//! Service level: a ticket with no first response after 3 working days is flagged to
//! the staff covering its area, once, on the app clock.

use std::sync::Arc;

use chrono::TimeZone;
use fake_telegram::{BotMessage, Person};
use kimbot::db::ManualClock;

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
    staff.press("Teruskan").await;
    assert!(next_skipping_notices(&staff).await.text.contains("sekarang: Diteruskan"));
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

