//! The resident's verdict on a done ticket: "Apakah masalahnya sudah beres?" with a
//! score of 1–5 and a comment, or "Belum beres" (the one reopening); one reminder after
//! 3 days and an unrated close after 10, each once; stale, forged and other people's
//! presses change nothing; erasure removes the comment.

use std::sync::Arc;
use std::time::Duration;
use kimbot::kernel::members::UserId;

use chrono::TimeZone;
use fake_telegram::{BotMessage, Person};
use kimbot::features::aspirations::verdict;
use kimbot::features::webhooks::store as hooks;
use kimbot::platform::db::{Clock, ManualClock};
use sqlx::Row;

use super::*;
use crate::console::{get, link_for, log_in};
use crate::support::{spawn_app, spawn_app_with_clock};

const ROAD: &str = "Jalan di depan SD 12 berlubang besar sejak Januari, motor sering jatuh.";
const COMMENT: &str = "Lubang sudah ditambal rapi, terima kasih petugas.";
const RESPONSE: &str = "Lubangnya hanya ditimbun tanah, sudah berlubang lagi setelah hujan kemarin.";
const DAY: i64 = 86_400;

/// Monday 7 December 2026, 09:00 WIB.
fn monday() -> i64 {
    chrono_tz::Asia::Jakarta.with_ymd_and_hms(2026, 12, 7, 9, 0, 0).unwrap().timestamp()
}

/// Staff mark the ticket done with a note; returns the question the resident gets.
async fn mark_done(staff: &Person, resident: &Person, number: &str) -> BotMessage {
    open_card(staff, &format!("/status {number}")).await;
    staff.press("Selesai").await;
    assert!(next_skipping_notices(staff).await.text.contains("Tulis catatan"));
    staff.send("Lubang sudah ditambal oleh Dinas PUPR pagi ini.").await;
    assert!(next_skipping_notices(staff).await.text.contains("sekarang: Selesai"));
    resident.next_message().await
}

async fn latest_round(app: &TestApp, ticket: i64) -> i64 {
    let sql = "SELECT id FROM aspiration_verdicts WHERE aspiration_id = $1 ORDER BY id DESC LIMIT 1";
    sqlx::query(sql).bind(ticket).fetch_one(&app.db.pool).await.unwrap().get("id")
}

/// Waits (bounded, 5 s) until `sql` with `bind` counts `want`.
async fn wait_for_count(app: &TestApp, sql: &'static str, bind: i64, want: i64) {
    for _ in 0..100 {
        if app.count(sql, bind).await == want {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(app.count(sql, bind).await, want, "{sql}");
}

/// The `aspiration.rated` body of the newest such delivery, as it would be sent.
async fn rated_body(app: &TestApp) -> serde_json::Value {
    let row = sqlx::query("SELECT subject_id, message_id, occurred_at FROM webhook_deliveries WHERE event = 'aspiration.rated' ORDER BY id DESC")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    let claimed = kimbot::platform::webhook_events::Claimed {
        id: 1,
        delivery_id: "d1".into(),
        endpoint_id: 1,
        event: "aspiration.rated".into(),
        subject_id: row.get("subject_id"),
        status: None,
        previous_status: None,
        message_id: row.get("message_id"),
        occurred_at: row.get("occurred_at"),
        attempts: 0,
        first_attempt_at: 0,
    };
    let bytes = (verdict::webhook::RATED.body)(&app.db, &claimed).await.unwrap().expect("a body");
    serde_json::from_slice(&bytes).unwrap()
}

#[tokio::test]
async fn a_resident_rates_a_done_ticket_four_with_a_comment_and_staff_see_both_and_a_webhook_goes_out() {
    let app = spawn_app().await;
    hooks::add_endpoint(&app.db, "http://127.0.0.1:9/hook", &[&verdict::webhook::RATED], "rahasia", 0).await.unwrap();
    let staff = staff_of(&app, 5501, "Staf Rina", KECAMATAN).await;
    let budi = app.member_of(5502, "Budi", KIM).await;
    let number = submit(&budi, "Infrastruktur", ROAD, false).await;
    let id = ticket_id(&app, &number).await;

    let asked = mark_done(&staff, &budi, &number).await;
    budi.press("4").await;
    let thanks = budi.next_message_skipping_edits().await;
    budi.send(COMMENT).await;
    let noted = budi.next_message().await.text;
    let card = open_card(&staff, &format!("/status {number}")).await.text;
    let again = press_forged(&budi, asked.message_id, &button_data(&asked, "5")).await;
    let already = budi.next_message().await.text;
    let cookie = log_in(&app, &link_for(&staff).await).await;
    let (_, page) = get(&app, &cookie, &format!("/dasbor/aspirasi/{id}")).await;
    let body = rated_body(&app).await;

    assert!(asked.text.contains("berstatus: Selesai") && asked.text.contains("Apakah masalahnya sudah beres?"), "{}", asked.text);
    for label in ["1", "2", "3", "4", "5", "Belum beres"] {
        assert!(asked.has_button(label), "{label} in {:?}", asked.button_labels());
    }
    assert!(!asked.text.contains("Rina"), "the officer is never named to the resident: {}", asked.text);
    assert!(thanks.text.contains("4 dari 5") && thanks.has_button("Lewati"), "{}", thanks.text);
    assert!(noted.contains("Komentar Anda") && noted.contains(&number), "{noted}");
    assert!(card.contains("⭐ Penilaian warga: 4/5") && card.contains(&format!("💬 Komentar warga: {COMMENT}")), "{card}");
    assert_eq!(again.text, None, "a second score is answered with a message, not as stale");
    assert!(already.contains("sudah Anda nilai"), "{already}");
    assert!(page.contains("Penilaian warga: 4/5") && page.contains(COMMENT), "the console shows both");
    assert_eq!(app.count("SELECT COUNT(*) FROM aspiration_verdicts WHERE score = 4 AND aspiration_id = $1", id).await, 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM webhook_deliveries WHERE event = 'aspiration.rated' AND subject_id = $1", id).await, 1);
    assert_eq!((body["verdict"]["outcome"].as_str(), body["verdict"]["score"].as_i64()), (Some("rated"), Some(4)), "{body}");
    assert_eq!(body["ticket"]["number"].as_str(), Some(number.as_str()));
    let text = body.to_string();
    assert!(!text.contains("Budi") && !text.contains("5502") && !text.contains("Rina") && !text.contains("ditambal rapi"), "no identities: {text}");
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'aspiration.rate' AND actor = $1", 5502).await, 1);
}

#[tokio::test]
async fn belum_beres_reopens_once_after_a_confirmation_and_the_second_time_is_refused_politely() {
    let app = spawn_app().await;
    hooks::add_endpoint(&app.db, "http://127.0.0.1:9/hook", &[&verdict::webhook::RATED], "rahasia", 0).await.unwrap();
    let staff = staff_of(&app, 5511, "Staf Rina", KECAMATAN).await;
    let budi = app.member_of(5512, "Budi", KIM).await;
    let number = submit(&budi, "Infrastruktur", ROAD, false).await;
    let id = ticket_id(&app, &number).await;

    let first = mark_done(&staff, &budi, &number).await;
    budi.press("Belum beres").await;
    let ask = budi.next_message().await.text;
    assert_eq!(status_of(&app, id).await, "selesai", "nothing reopens on the press alone");
    let sent = super::reopen::respond(&budi, RESPONSE).await;
    while !next_skipping_notices(&staff).await.text.starts_with("🔁") {}
    let reopened_card = open_card(&staff, &format!("/status {number}")).await.text;
    let not_solved = rated_body(&app).await;
    let second = mark_done(&staff, &budi, &number).await;
    let again = press_forged(&budi, first.message_id, &button_data(&first, "Belum beres")).await;
    let refused = budi.next_message().await.text;
    budi.press("5").await;
    let thanks = budi.next_message_skipping_edits().await;
    budi.press("Lewati").await;
    let card = open_card(&staff, &format!("/status {number}")).await.text;

    assert!(ask.contains("apa yang masih bermasalah") && ask.contains("hanya bisa dilakukan sekali"), "{ask}");
    assert!(sent.contains("dibuka kembali"), "{sent}");
    assert!(reopened_card.contains("belum beres") && reopened_card.contains("Status: Ditindaklanjuti"), "{reopened_card}");
    assert_eq!((not_solved["verdict"]["outcome"].as_str(), not_solved["verdict"]["score"].as_i64()), (Some("not_solved"), None));
    assert!(second.has_button("5") && !second.has_button("Belum beres"), "{:?}", second.button_labels());
    assert_eq!(again.text, None, "answered with a message, not as stale");
    assert!(refused.contains("sudah pernah dibuka kembali sekali"), "{refused}");
    assert!(thanks.text.contains("5 dari 5"), "{}", thanks.text);
    assert!(card.contains("⭐ Penilaian warga: 5/5") && !card.contains("Komentar warga"), "{card}");
    assert_eq!(app.count("SELECT COUNT(*) FROM aspiration_messages WHERE kind = 'response' AND aspiration_id = $1", id).await, 1);
    let outcomes = "SELECT COUNT(*) FROM aspiration_verdicts WHERE aspiration_id = $1 AND outcome IN ('not_solved', 'rated')";
    assert_eq!(app.count(outcomes, id).await, 2, "one round per closing");
    assert_eq!(app.count("SELECT COUNT(*) FROM webhook_deliveries WHERE event = 'aspiration.rated' AND subject_id = $1", id).await, 2);
}

#[tokio::test]
async fn one_reminder_after_three_days_and_an_unrated_close_after_ten_on_the_test_clock() {
    let clock: Arc<ManualClock> = ManualClock::new(monday());
    let app = spawn_app_with_clock(clock.clone()).await;
    let staff = staff_of(&app, 5521, "Staf Rina", KECAMATAN).await;
    let budi = app.member_of(5522, "Budi", KIM).await;
    let number = submit(&budi, "Infrastruktur", ROAD, false).await;
    let id = ticket_id(&app, &number).await;
    mark_done(&staff, &budi, &number).await;
    let round = latest_round(&app, id).await;
    let ctx = app.ctx.clone().unwrap();

    let early = verdict::job::check(&ctx, monday() + 3 * DAY - 60).await.unwrap();
    clock.set(monday() + 3 * DAY + 60);
    let reminder = loop {
        let m = budi.next_message_skipping_edits().await;
        if m.text.starts_with("⏰") {
            break m;
        }
    };
    let runs = [verdict::job::check(&ctx, clock.now()).await.unwrap(), verdict::job::check(&ctx, clock.now() + DAY).await.unwrap()];
    clock.set(monday() + 10 * DAY + 60);
    wait_for_count(&app, "SELECT COUNT(*) FROM aspiration_verdicts WHERE outcome = 'unrated' AND id = $1", round, 1).await;
    let after = verdict::job::check(&ctx, clock.now() + DAY).await.unwrap();
    let late = press_forged(&budi, reminder.message_id, &button_data(&reminder, "4")).await;
    let passed = budi.next_message().await.text;
    let card = open_card(&staff, &format!("/status {number}")).await.text;

    assert_eq!(early, 0, "not before three days");
    assert!(reminder.text.contains(&number) && reminder.text.contains("Pengingat") && reminder.has_button("4"), "{}", reminder.text);
    assert!(reminder.has_button("Belum beres"), "{:?}", reminder.button_labels());
    assert_eq!(runs, [0, 0], "later runs remind nobody again");
    assert_eq!(after, 0, "nothing closes twice");
    let reminders = "SELECT COUNT(*) FROM outbox WHERE chat_id = $1 AND body LIKE '%Pengingat%'";
    assert_eq!(app.count(reminders, 5522).await, 1, "one reminder");
    assert_eq!(late.text, None, "answered with a message");
    assert!(passed.contains("sudah lewat"), "{passed}");
    assert!(card.contains("tidak dinilai"), "staff see it closed unrated: {card}");
    assert_eq!(app.count("SELECT COUNT(*) FROM aspiration_verdicts WHERE score IS NOT NULL AND id = $1", round).await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'aspiration.unrated' AND actor IS NULL AND id > $1", 0).await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_processes_remind_and_close_each_round_exactly_once() {
    use kimbot::features::aspirations::model::{Category, Status};
    use kimbot::features::aspirations::store;
    let app = crate::support::spawn_app_without_areas().await;
    app.load_areas().await;
    let kim = kimbot::kernel::members::areas::kim_by_code(&app.db, KIM).await.unwrap().unwrap();
    let t0 = monday();
    for user in 7510..7516 {
        let new = store::NewAspiration {
            user_id: user,
            kim_id: kim.id.get(),
            category: Category::Infrastruktur,
            body: format!("Lampu jalan padam di gang {user}, mohon diperbaiki."),
            photos: vec![],
            location: None,
            anonymous: false,
        };
        let ticket = store::submit(&app.db, &new, 2026, t0, &[]).await.unwrap();
        let mut tx = app.db.begin().await.unwrap();
        assert!(store::set_status(&mut tx, ticket.id, (Status::Diterima, Status::Selesai), Some("Sudah diganti."), UserId(9), t0).await.unwrap());
        verdict::store::open(&mut tx, ticket.id, t0).await.unwrap();
        tx.commit().await.unwrap();
    }
    let other = kimbot::platform::db::Db::connect(&app.database_url, app.db.backend).await.unwrap();
    let (a, b) = (super::sla::process(&app, app.db.clone()), super::sla::process(&app, other));

    let remind_at = t0 + 3 * DAY + 1;
    let (ra, rb) = tokio::join!(verdict::job::check(&a, remind_at), verdict::job::check(&b, remind_at));
    let reminded_again = verdict::job::check(&b, remind_at + 60).await.unwrap();
    let close_at = t0 + 10 * DAY + 1;
    let (ca, cb) = tokio::join!(verdict::job::check(&a, close_at), verdict::job::check(&b, close_at));
    let closed_again = verdict::job::check(&a, close_at + 60).await.unwrap();

    assert_eq!(ra.unwrap() + rb.unwrap(), 6, "every round reminded by one of them");
    assert_eq!(reminded_again, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM outbox WHERE body LIKE '%Pengingat%' AND id > $1", 0).await, 6, "one reminder each");
    assert_eq!(ca.unwrap() + cb.unwrap(), 6, "every round closed by one of them");
    assert_eq!(closed_again, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM aspiration_verdicts WHERE outcome = 'unrated' AND id > $1", 0).await, 6);
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'aspiration.unrated' AND id > $1", 0).await, 6);
}

#[tokio::test]
async fn stale_forged_and_other_residents_rating_presses_change_nothing() {
    let app = spawn_app().await;
    let staff = staff_of(&app, 5531, "Staf Rina", KECAMATAN).await;
    let budi = app.member_of(5532, "Budi", KIM).await;
    let siti = app.member_of(5533, "Siti", KIM).await;
    let number = submit(&budi, "Infrastruktur", ROAD, false).await;
    let id = ticket_id(&app, &number).await;
    let asked = mark_done(&staff, &budi, &number).await;
    let round = latest_round(&app, id).await;

    let last_of_siti = siti.last_message().unwrap().message_id;
    let copied = press_forged(&siti, last_of_siti, &button_data(&asked, "4")).await;
    let copied_not_solved = press_forged(&siti, last_of_siti, &button_data(&asked, "Belum beres")).await;
    let bad_score = press_forged(&budi, asked.message_id, &format!("a:vr:{round}:9")).await;
    let no_round = press_forged(&budi, asked.message_id, &format!("a:vr:{}:3", round + 1000)).await;
    let stray_skip = press_forged(&budi, asked.message_id, &format!("a:vs:{round}")).await;
    budi.send(&format!("/status {number}")).await;
    let view = budi.next_message().await;

    assert_eq!(copied.text.as_deref(), Some(STALE), "another resident's round looks missing");
    assert_eq!(copied_not_solved.text.as_deref(), Some(STALE));
    assert_eq!(bad_score.text.as_deref(), Some(STALE), "a forged score");
    assert_eq!(no_round.text.as_deref(), Some(STALE), "a round that does not exist");
    assert_eq!(stray_skip.text.as_deref(), Some(STALE), "Lewati outside the comment step");
    assert!(view.text.contains("Apakah masalahnya sudah beres?") && view.has_button("4") && view.has_button("Belum beres"), "/status asks too: {}", view.text);
    assert_eq!(app.count("SELECT COUNT(*) FROM aspiration_verdicts WHERE outcome IS NULL AND id = $1", round).await, 1, "still waiting");
    assert_eq!(app.count("SELECT COUNT(*) FROM dialogues WHERE chat_id = $1", 5533).await, 0, "no dialogue for Siti");
    assert_eq!(status_of(&app, id).await, "selesai");
}

#[tokio::test]
async fn datasaya_shows_the_rating_and_comment_and_erasure_removes_the_comment() {
    let app = spawn_app().await;
    let staff = staff_of(&app, 5541, "Staf Rina", KECAMATAN).await;
    let budi = app.member_of(5542, "Budi", KIM).await;
    let number = submit(&budi, "Infrastruktur", ROAD, false).await;
    let id = ticket_id(&app, &number).await;
    mark_done(&staff, &budi, &number).await;
    budi.press("4").await;
    budi.next_message_skipping_edits().await;
    budi.send(COMMENT).await;
    budi.next_message().await;

    budi.send("/datasaya").await;
    let mut shown = String::new();
    loop {
        let m = budi.next_message_skipping_edits().await;
        shown.push_str(&m.text);
        if m.file.is_some() {
            break;
        }
    }
    budi.send("/hapusdata").await;
    budi.next_message_skipping_edits().await;
    budi.press("Hapus").await;
    let done = budi.next_message().await.text;

    assert!(shown.contains("4 dari 5") && shown.contains(&format!("Komentar Anda: {COMMENT}")), "{shown}");
    assert!(done.contains("sudah dihapus"), "{done}");
    assert_eq!(app.count("SELECT COUNT(*) FROM aspiration_verdicts WHERE comment IS NOT NULL AND aspiration_id = $1", id).await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM aspiration_verdicts WHERE score = 4 AND aspiration_id = $1", id).await, 1, "the score stays for reports");
}
