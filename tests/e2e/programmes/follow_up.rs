//! The follow-up survey: after the window and the follow-up delay, the programme's
//! recipients — only they: not the waitlisted, the rejected or an erased recipient —
//! are invited privately through the surveys feature; they answer with buttons; the
//! programme report shows how many answered, helped yes/no and the revenue bands
//! before and now; a second tick (or process) sends nothing again.

use std::sync::Arc;
use kimbot::kernel::members::UserId;

use calamine::{Reader, Xlsx};
use chrono::NaiveDate;
use kimbot::features::programmes::apps::{self, Applied};
use kimbot::features::programmes::decide::{self, Decision};
use kimbot::features::programmes::model::Selection;
use kimbot::features::programmes::{follow_up, report, store};
use kimbot::platform::export::Progress;
use kimbot::platform::export::kinds::PeriodRequest;
use kimbot::platform::export::period::Period;
use kimbot::platform::i18n::Lang;
use sqlx::Row;

use super::{owner, programme};
use crate::announcements::steps::wait_text;
use crate::support::TestApp;
use crate::trainings::{NOW, app_at_now};

const STAFF: i64 = 8950;

/// Invitations of survey `id` queued to `chat`.
async fn invitations(app: &TestApp, survey: i64, chat: i64) -> i64 {
    sqlx::query("SELECT COUNT(*) AS n FROM outbox WHERE source = $1 AND chat_id = $2")
        .bind(format!("survey:{survey}"))
        .bind(chat)
        .fetch_one(&app.db.pool)
        .await
        .unwrap()
        .try_get("n")
        .unwrap()
}

#[tokio::test]
async fn the_follow_up_survey_reaches_only_recipients_once_and_the_report_shows_the_answers() {
    let (app, clock) = app_at_now().await;
    let ctx = app.ctx.clone().expect("running");
    app.member_of(STAFF, "Sari", "IB1-BL").await;
    let mut new = programme(6, 0, Selection::Review, NOW);
    new.follow_up_days = 30;
    let id = store::insert(&app.db, &new, UserId(STAFF), NOW).await.unwrap();
    let p = store::get(&app.db, id).await.unwrap().unwrap();

    // Six accepted (one erases their data later), one waitlisted, one rejected.
    let mut people = Vec::new();
    for (n, user) in (8951..=8958).enumerate() {
        let person = owner(&app, user, &format!("Pemilik {user}"), "IB1-BL", "kuliner").await;
        let business = store::business_of(&app.db, UserId(user)).await.unwrap().unwrap();
        let Applied::New(a) = apps::apply(&app.db, chrono_tz::Asia::Jakarta, &p, UserId(user), &business, &[], NOW).await.unwrap() else {
            panic!("a new application")
        };
        let decision = match n {
            0..=5 => Decision::Accept,
            6 => Decision::Waitlist,
            _ => Decision::Reject("Usaha belum berjalan".into()),
        };
        decide::decide(&ctx, &p, a.id, &decision, UserId(STAFF)).await.unwrap();
        people.push(person);
    }
    let (answering, rest) = people.split_at(5);
    let (erased, others) = rest.split_first().unwrap();
    kimbot::features::privacy::erase::erase(&ctx, UserId(erased.id())).await.unwrap();
    assert_eq!(follow_up::send_due(&ctx, NOW + 40 * 86_400).await.unwrap(), 0, "not due before window + 30 days");

    // Due: the job (or this tick, whichever claims first) sends it once.
    let due = p.closes_at + 30 * 86_400 + 60;
    clock.set(due);
    follow_up::send_due(&ctx, due).await.unwrap();
    assert_eq!(follow_up::send_due(&ctx, due).await.unwrap(), 0, "a second tick sends nothing");
    let survey = app.count("SELECT follow_up_survey FROM programmes WHERE id = $1", id.get()).await;
    assert!(survey > 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM surveys WHERE id >= $1", survey).await, 1, "one survey only");

    for person in answering {
        let invite = wait_text(person, "Tindak lanjut: Modal Kuliner").await;
        assert!(invite.text.contains("3 pertanyaan"), "{}", invite.text);
        assert_eq!(invitations(&app, survey, person.id()).await, 1);
    }
    for person in others.iter().chain([erased]) {
        assert_eq!(invitations(&app, survey, person.id()).await, 0, "{} is no recipient", person.id());
    }
    for person in others {
        let chat = app.fake.dump_chat(person.id());
        assert!(!chat.contains("Tindak lanjut"), "{chat}");
    }

    // Five recipients answer with buttons: four were helped.
    for (n, person) in answering.iter().enumerate() {
        person.press("Mulai").await;
        wait_text(person, "pertanyaan 1 dari 3").await;
        person.press(if n < 4 { "Ya, membantu" } else { "Tidak membantu" }).await;
        wait_text(person, "pertanyaan 2 dari 3").await;
        person.press("Rp1–5 juta").await;
        wait_text(person, "pertanyaan 3 dari 3").await;
        person.press(if n < 3 { "Rp5–15 juta" } else { "Rp1–5 juta" }).await;
        wait_text(person, "Terima kasih!").await;
    }

    // The report of the period shows the follow-up, read through the surveys.
    let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    let req = PeriodRequest {
        period: Period::new(day(1), day(30)).unwrap(),
        area_path: Some("Kota Palembang".into()),
        area_label: "Kota Palembang".into(),
        lang: Lang::Id,
        tz: chrono_tz::Asia::Jakarta,
        now: due,
        sla: Default::default(),
    };
    let dir = tempfile::tempdir().unwrap();
    let files = (report::PERIOD.run)(&app.db, &req, dir.path(), Arc::new(Progress::default())).await.unwrap();
    assert!(files.summary.contains("Tindak lanjut «Modal Kuliner»: 5 dari 5 penerima menjawab"), "{}", files.summary);
    assert!(files.summary.contains("Terbantu: 4 · tidak terbantu: 1"), "{}", files.summary);
    let xlsx = files.file("xlsx").unwrap();
    let mut book: Xlsx<_> = calamine::open_workbook(xlsx).unwrap();
    let sheet = book.worksheet_range("Ringkasan").unwrap();
    let rows: Vec<Vec<String>> = sheet.rows().map(|r| r.iter().map(|c| c.to_string()).collect()).collect();
    let find = |first: &str| rows.iter().find(|r| r[0] == first).cloned().unwrap_or_else(|| panic!("{first}: {rows:?}"));
    assert_eq!(find("Ya, membantu")[1], "4");
    assert_eq!(find("Rp1–5 juta")[1..3], ["5".to_string(), "2".to_string()]);
    assert_eq!(find("Rp5–15 juta")[1..3], ["0".to_string(), "3".to_string()]);
}
