//! Service levels per stage: a ticket at an agency reminds the agency's officers at
//! 80 % of the response stage, counted in working days (a weekend and a holiday
//! skipped), and escalates to officers and the area's staff at 100 %, each once; the
//! office stage reminds staff at 80 %; two processes send each exactly once; cards
//! and console pages show the stage and the time left.

use std::sync::Arc;
use kimbot::kernel::members::UserId;

use chrono::TimeZone;
use fake_telegram::{BotMessage, Person};
use kimbot::features::aspirations::stages;
use kimbot::platform::db::{Clock, ManualClock};

use super::opd::{agency, load_agencies, officer_of, send_to};
use super::*;
use crate::console::{get, link_for, log_in};
use crate::support::spawn_app_with_clock;

const ROAD: &str = "Jalan di depan SD 12 berlubang besar sejak Januari, motor sering jatuh.";

/// Unix time of a wall-clock time in Jakarta (WIB), December 2026.
fn wib(d: u32, h: u32, mi: u32) -> i64 {
    chrono_tz::Asia::Jakarta.with_ymd_and_hms(2026, 12, d, h, mi, 0).unwrap().timestamp()
}

/// The next message starting with `prefix`, passing over others (bounded).
async fn next_starting(p: &Person, prefix: &str) -> BotMessage {
    let mut passed = Vec::new();
    for _ in 0..8 {
        let m = p.next_message_skipping_edits().await;
        if m.text.starts_with(prefix) {
            return m;
        }
        passed.push(m.text);
    }
    panic!("no message starting with {prefix:?}, passed {passed:?}")
}

/// Outbox rows of one level (`reminder` / `escalation`) to one chat.
async fn alerts_to(app: &TestApp, level: &str, chat: i64) -> i64 {
    let sql = match level {
        "reminder" => "SELECT COUNT(*) FROM outbox WHERE chat_id = $1 AND source = 'aspirations:sla_reminder'",
        _ => "SELECT COUNT(*) FROM outbox WHERE chat_id = $1 AND source = 'aspirations:sla_escalation'",
    };
    app.count(sql, chat).await
}

#[tokio::test]
async fn a_ticket_disposed_to_pupr_on_a_thursday_reminds_its_officer_after_the_weekend_and_a_holiday_and_escalates_once() {
    // Thursday 3 December 2026; Tuesday 8 December is a listed holiday. Five working
    // days for the first response: 80 % is Thursday 10 December 10:00 (Wednesday 9th
    // with weekends only), 100 % Friday 11 December 10:00.
    let clock: Arc<ManualClock> = ManualClock::new(wib(3, 9, 0));
    let mut app = spawn_app_with_clock(clock.clone()).await;
    app.stop().await;
    app.env.push(("KIMBOT_HOLIDAYS".into(), "2026-12-08".into()));
    app.start().await;
    load_agencies(&app).await;
    let staff = staff_of(&app, 5701, "Staf Rina", KECAMATAN).await;
    let elsewhere = staff_of(&app, 5702, "Staf Tono", "Kemuning").await;
    let officer = officer_of(&app, 5703, "Pak Joko", "PUPR").await;
    let dishub = officer_of(&app, 5704, "Bu Sari", "DISHUB").await;
    let budi = app.member_of(5705, "Budi", KIM).await;
    let number = submit(&budi, "Infrastruktur", ROAD, false).await;
    let id = ticket_id(&app, &number).await;
    clock.set(wib(3, 10, 0));
    open_card(&staff, "/antrian").await;
    send_to(&staff, "Dinas PUPR", None).await;
    budi.next_message().await;
    assert!(officer.next_message().await.text.contains("Tiket baru untuk Dinas PUPR"));
    let ctx = app.ctx.clone().unwrap();

    clock.set(wib(9, 10, 30));
    let early = stages::job::check(&ctx, clock.now()).await.unwrap();
    let officer_card = open_card(&officer, "/antrian").await.text;
    let staff_card = open_card(&staff, &format!("/status {number}")).await.text;
    clock.set(wib(10, 10, 30));
    let reminder = next_starting(&officer, "⏳").await.text;
    clock.set(wib(11, 10, 30));
    let to_officer = next_starting(&officer, "🚨").await.text;
    let to_staff = next_starting(&staff, "🚨").await.text;
    let later = [stages::job::check(&ctx, clock.now()).await.unwrap(), stages::job::check(&ctx, clock.now() + 3600).await.unwrap()];
    let late_card = open_card(&staff, &format!("/status {number}")).await.text;
    let cookie = log_in(&app, &link_for(&officer).await).await;
    let (_, queue) = get(&app, &cookie, "/dasbor/opd").await;
    let (_, page) = get(&app, &cookie, &format!("/dasbor/opd/{id}")).await;
    let staff_cookie = log_in(&app, &link_for(&staff).await).await;
    let (_, staff_page) = get(&app, &staff_cookie, &format!("/dasbor/aspirasi/{id}")).await;

    assert_eq!(early, 0, "nothing on Wednesday: the weekend and the holiday do not count");
    assert_eq!(alerts_to(&app, "reminder", 5703).await, 1, "one reminder: {reminder}");
    assert!(officer_card.contains("⏱ Tanggapan pertama OPD: sisa 1 hari 23 jam kerja"), "{officer_card}");
    assert!(staff_card.contains("⏱ Tanggapan pertama OPD: sisa 1 hari 23 jam kerja"), "{staff_card}");
    assert!(reminder.contains("Pengingat untuk Dinas PUPR") && reminder.contains(&number) && reminder.contains("11/12/2026 10:00"), "{reminder}");
    assert_eq!(alerts_to(&app, "reminder", 5701).await, 0, "the reminder is the agency's");
    for text in [&to_officer, &to_staff] {
        assert!(text.contains(&number) && text.contains("Dinas PUPR") && text.contains("5 hari kerja"), "{text}");
    }
    assert_eq!(later, [0, 0], "later looks repeat nothing");
    for chat in [5701, 5703] {
        assert_eq!(alerts_to(&app, "escalation", chat).await, 1, "one escalation to {chat}");
    }
    for chat in [5702, 5704] {
        assert_eq!(alerts_to(&app, "reminder", chat).await + alerts_to(&app, "escalation", chat).await, 0, "{chat} is not told");
    }
    assert!(late_card.contains("⏰ Tanggapan pertama OPD: lewat batas 5 hari kerja"), "{late_card}");
    assert!(queue.contains(&number) && queue.contains("lewat batas"), "the officer's queue shows it late");
    assert!(page.contains("lewat batas 5 hari kerja"), "the officer's ticket page too");
    assert!(staff_page.contains("Tanggapan pertama OPD: lewat batas 5 hari kerja"), "and the staff's ticket page");
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'aspiration.sla_reminder' AND actor IS NULL AND id > $1", 0).await, 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'aspiration.sla_escalation' AND detail LIKE '%opd=PUPR%' AND id > $1", 0).await, 1);
    elsewhere.expect_no_message(std::time::Duration::from_millis(100)).await;
    dishub.expect_no_message(std::time::Duration::from_millis(100)).await;
}

#[tokio::test]
async fn sending_the_ticket_on_to_another_agency_starts_new_clocks() {
    // Monday 7 December 09:00: the PUPR's response reminder falls on Friday 11th 09:00.
    let clock: Arc<ManualClock> = ManualClock::new(wib(7, 9, 0));
    let app = spawn_app_with_clock(clock.clone()).await;
    load_agencies(&app).await;
    let staff = staff_of(&app, 5711, "Staf Rina", KECAMATAN).await;
    let pupr = officer_of(&app, 5712, "Pak Joko", "PUPR").await;
    let dishub = officer_of(&app, 5713, "Bu Sari", "DISHUB").await;
    let budi = app.member_of(5714, "Budi", KIM).await;
    let number = submit(&budi, "Infrastruktur", ROAD, false).await;
    open_card(&staff, "/antrian").await;
    send_to(&staff, "Dinas PUPR", None).await;
    clock.set(wib(11, 9, 30));
    assert!(next_starting(&pupr, "⏳").await.text.contains(&number));

    // Sent on to Dinas Perhubungan on Friday: its own five days start now.
    open_card(&staff, &format!("/status {number}")).await;
    staff.press("Kirim ke OPD lain").await;
    next_skipping_notices(&staff).await;
    let label = agency(&app, "DISHUB").await.label().to_string();
    staff.press(&label).await;
    next_skipping_notices(&staff).await;
    staff.press("Lewati").await;
    next_skipping_notices(&staff).await;
    let ctx = app.ctx.clone().unwrap();
    let quiet = stages::job::check(&ctx, wib(14, 9, 0)).await.unwrap();
    clock.set(wib(17, 10, 0)); // Thursday: 80 % of five working days from Friday 09:30
    let second = next_starting(&dishub, "⏳").await.text;

    assert_eq!(quiet, 0, "PUPR's escalation never comes: it no longer holds the ticket");
    assert!(second.contains(&label) && second.contains(&number), "{second}");
    assert_eq!(alerts_to(&app, "reminder", 5712).await, 1);
    assert_eq!(alerts_to(&app, "escalation", 5712).await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM aspiration_sla_alerts WHERE level = 'reminder' AND sent = $1", 1).await, 2, "one per disposition");
}

#[tokio::test]
async fn the_office_stage_reminds_the_staff_of_the_area_at_eighty_percent() {
    // Monday 7 December 09:00 + 3 working days: 80 % on Wednesday 18:36, due Thursday 09:00.
    let clock: Arc<ManualClock> = ManualClock::new(wib(7, 9, 0));
    let app = spawn_app_with_clock(clock.clone()).await;
    let staff = staff_of(&app, 5721, "Staf Rina", KECAMATAN).await;
    let elsewhere = staff_of(&app, 5722, "Staf Tono", "Kemuning").await;
    let budi = app.member_of(5723, "Budi", KIM).await;
    let number = submit(&budi, "Infrastruktur", ROAD, false).await;
    let ctx = app.ctx.clone().unwrap();

    clock.set(wib(9, 18, 0));
    let early = stages::job::check(&ctx, clock.now()).await.unwrap();
    let card = open_card(&staff, &format!("/status {number}")).await.text;
    clock.set(wib(9, 18, 40));
    let reminder = next_starting(&staff, "⏳").await.text;
    clock.set(wib(10, 9, 30));
    let flagged = next_starting(&staff, "⏰").await.text;

    assert_eq!(early, 0);
    assert!(card.contains("⏱ Tanggapan Diskominfo: sisa 15 jam kerja"), "{card}");
    assert!(reminder.contains(&number) && reminder.contains("belum mendapat tanggapan") && reminder.contains("3 hari kerja"), "{reminder}");
    assert!(flagged.contains(&number), "the 100 % stays the overdue flag: {flagged}");
    assert_eq!(alerts_to(&app, "reminder", 5721).await, 1);
    assert_eq!(alerts_to(&app, "reminder", 5722).await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'aspiration.sla_escalation' AND detail LIKE '%stage=office%' AND id > $1", 0).await, 1);
    elsewhere.expect_no_message(std::time::Duration::from_millis(100)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_processes_send_each_reminder_and_escalation_exactly_once() {
    use kimbot::features::aspirations::dispose_store as ds;
    use kimbot::features::aspirations::model::{Category, Status};
    use kimbot::features::aspirations::store;
    let app = crate::support::spawn_app_without_areas().await;
    app.load_areas().await;
    load_agencies(&app).await;
    app.grant_staff(7701, KECAMATAN).await;
    let pupr = agency(&app, "PUPR").await;
    kimbot::kernel::members::roles::grant(&app.db, UserId(7702), &kimbot::kernel::members::roles::Scope::Agency(pupr.clone()), None, 0).await.unwrap();
    let kim = kimbot::kernel::members::areas::kim_by_code(&app.db, KIM).await.unwrap().unwrap();
    let t0 = wib(7, 9, 0); // Monday: no holiday that week or the next
    for user in 7710..7716 {
        let new = store::NewAspiration {
            user_id: user,
            kim_id: kim.id.get(),
            category: Category::Infrastruktur,
            body: format!("Jalan berlubang di gang {user}, mohon diperbaiki."),
            photos: vec![],
            location: None,
            anonymous: false,
        };
        let ticket = store::submit(&app.db, &new, 2026, t0, &[]).await.unwrap();
        let mut tx = app.db.begin().await.unwrap();
        assert!(store::set_status(&mut tx, ticket.id, (Status::Diterima, Status::Diteruskan), None, UserId(7701), t0).await.unwrap());
        ds::insert(&mut tx, ticket.id, pupr.id, None, UserId(7701), t0).await.unwrap();
        tx.commit().await.unwrap();
    }
    let other = kimbot::platform::db::Db::connect(&app.database_url, app.db.backend).await.unwrap();
    let (a, b) = (super::sla::process(&app, app.db.clone()), super::sla::process(&app, other));

    let remind_at = wib(11, 9, 1); // 80 % of five working days
    let (ra, rb) = tokio::join!(stages::job::check(&a, remind_at), stages::job::check(&b, remind_at));
    let reminded_again = stages::job::check(&b, remind_at + 60).await.unwrap();
    let escalate_at = wib(14, 9, 1); // 100 %
    let (ea, eb) = tokio::join!(stages::job::check(&a, escalate_at), stages::job::check(&b, escalate_at));
    let escalated_again = stages::job::check(&a, escalate_at + 60).await.unwrap();

    assert_eq!(ra.unwrap() + rb.unwrap(), 6, "every reminder sent by one of them");
    assert_eq!(reminded_again, 0);
    assert_eq!(alerts_to(&app, "reminder", 7702).await, 6, "one reminder per ticket to the officer");
    assert_eq!(alerts_to(&app, "reminder", 7701).await, 0);
    assert_eq!(ea.unwrap() + eb.unwrap(), 6, "every escalation sent by one of them");
    assert_eq!(escalated_again, 0);
    for chat in [7701, 7702] {
        assert_eq!(alerts_to(&app, "escalation", chat).await, 6, "one escalation per ticket to {chat}");
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'aspiration.sla_%' AND id > $1", 0).await, 12);
}
