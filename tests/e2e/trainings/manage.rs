//! `/peserta`: participants, CSV, attendance, closing, cancelling, changing the
//! place; and who may do it.

use std::time::Duration;
use kimbot::kernel::members::UserId;

use kimbot::features::trainings::seats;
use sqlx::Row;

use super::{NOW, STALE, app_at_now, coordinator, kim_id, press_forged, seed, status, training, wib};
use crate::support::MessageExt;

async fn open_card(koor: &fake_telegram::Person, title: &str) {
    koor.send("/peserta").await;
    let list = koor.next_message().await;
    assert!(list.has_button(title), "{:?}", list.button_labels());
    koor.press(title).await;
    koor.next_message().await;
}

#[tokio::test]
async fn a_coordinator_sees_participants_exports_csv_and_marks_attendance_during_the_session() {
    let (app, clock) = app_at_now().await;
    let koor = coordinator(&app, 9101, "Sari", "IB1-BL").await;
    let id = seed(&app, training(kim_id(&app, "IB1-BL").await, "Pelatihan Menjahit", 2)).await;
    for (user, name) in [(9102, "Ani"), (9103, "Budi"), (9104, "Citra")] {
        app.member_of(user, name, "IB1-BL").await;
        seats::register(&app.db, id, UserId(user), NOW).await.unwrap();
    }

    koor.send("/peserta").await;
    assert!(koor.next_message().await.has_button("Pelatihan Menjahit · 2/2"));
    koor.press("Pelatihan Menjahit").await;
    assert!(koor.next_message().await.text.contains("Terdaftar 2/2 · daftar tunggu 1"));
    koor.press("Peserta").await;
    let list = koor.next_message().await.text;
    assert!(list.contains("1. Ani\n2. Budi") && list.contains("Daftar tunggu (1):\n1. Citra"), "{list}");
    koor.press("Unduh CSV").await;
    let csv = koor.next_message().await;
    assert_eq!(csv.kind, "document");
    assert_eq!(csv.file.as_deref(), Some(format!("peserta-pelatihan-{id}.csv").as_str()));
    assert!(csv.text.contains("3 orang"), "{}", csv.text);
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'training.export' AND actor = $1", 9101).await, 1);

    koor.press("Kembali").await;
    koor.next_message().await;
    koor.press("Kehadiran").await;
    assert!(koor.next_message().await.text.contains("mulai saat pelatihan dimulai"));
    clock.set(wib(12, 25, 9, 0));
    koor.press("Kehadiran").await;
    assert!(koor.next_message().await.text.contains("hadir 0, tidak hadir 0, dari 2"));
    koor.press("✅ Ani").await;
    assert!(koor.next_message().await.text.contains("Ani — ✅ hadir"));
    koor.press("✅ Ani").await;
    koor.expect_no_message(Duration::from_millis(500)).await; // a double tap is neither an edit nor an apology
    koor.press("❌ Budi").await;
    assert!(koor.next_message().await.text.contains("hadir 1, tidak hadir 1, dari 2"));

    let attended = |user: i64| {
        let db = app.db.clone();
        async move {
            sqlx::query("SELECT attended FROM training_registrations WHERE user_id = $1")
                .bind(user)
                .fetch_one(&db.pool)
                .await
                .unwrap()
                .try_get::<Option<i64>, _>("attended")
                .unwrap()
        }
    };
    assert_eq!((attended(9102).await, attended(9103).await), (Some(1), Some(0)));
    // The waitlist can be marked too (trainings::confirm); a registration of no
    // one in this training cannot.
    let citra: i64 = app.count("SELECT id FROM training_registrations WHERE user_id = $1", 9104).await;
    assert_eq!(press_forged(&koor, &format!("t:h:{id}:{}:1:0", citra + 1000)).await.text.as_deref(), Some(STALE), "forged");
    assert_eq!(attended(9104).await, None);
}

#[tokio::test]
async fn closing_registration_early_turns_newcomers_away_and_keeps_those_registered() {
    let (app, _clock) = app_at_now().await;
    let koor = coordinator(&app, 9201, "Sari", "IB1-BL").await;
    let id = seed(&app, training(kim_id(&app, "IB1-BL").await, "Pelatihan Kopi", 10)).await;
    app.member_of(9202, "Ani", "IB1-BL").await;
    seats::register(&app.db, id, UserId(9202), NOW).await.unwrap();
    let budi = app.member_of(9203, "Budi", "IB1-BL").await;
    budi.send("/pelatihan").await;
    budi.next_message().await;

    open_card(&koor, "Pelatihan Kopi").await;
    koor.press("Tutup pendaftaran").await;
    assert!(koor.next_message().await.text.contains("Tutup pendaftaran \"Pelatihan Kopi\" sekarang?"));
    koor.press("Ya, tutup").await;
    assert!(koor.next_message().await.text.contains("Pendaftaran ditutup"));
    budi.press("Daftar").await;

    assert!(budi.next_message().await.text.contains("sudah ditutup"));
    assert_eq!(status(&app, id, 9202).await.as_deref(), Some("registered"));
    assert_eq!(status(&app, id, 9203).await, None);
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'training.close' AND actor = $1", 9201).await, 1);
}

#[tokio::test]
async fn cancelling_a_training_tells_everyone_registered_or_waiting_once() {
    let (app, _clock) = app_at_now().await;
    let koor = coordinator(&app, 9301, "Sari", "IB1-BL").await;
    let id = seed(&app, training(kim_id(&app, "IB1-BL").await, "Pelatihan Batik", 1)).await;
    let ani = app.member_of(9302, "Ani", "IB1-BL").await;
    let budi = app.member_of(9303, "Budi", "IB1-BL").await;
    seats::register(&app.db, id, UserId(9302), NOW).await.unwrap();
    seats::register(&app.db, id, UserId(9303), NOW).await.unwrap();

    open_card(&koor, "Pelatihan Batik").await;
    koor.press("Batalkan pelatihan").await;
    assert!(koor.next_message().await.text.contains("2 orang"));
    koor.press("Ya, batalkan").await;
    assert!(koor.next_message().await.text.contains("Pelatihan dibatalkan. 2 orang"));

    for p in [&ani, &budi] {
        assert!(p.next_message().await.text.contains("\"Pelatihan Batik\" DIBATALKAN"));
    }
    press_forged(&koor, &format!("t:cxy:{id}")).await;
    ani.expect_no_message(Duration::from_millis(500)).await;
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'training.cancel' AND actor = $1", 9301).await, 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM trainings WHERE id = $1 AND status = 'cancelled'", id).await, 1);
}

#[tokio::test]
async fn changing_the_place_tells_participants_the_new_link_or_address() {
    let (app, _clock) = app_at_now().await;
    let koor = coordinator(&app, 9401, "Sari", "IB1-BL").await;
    let id = seed(&app, training(kim_id(&app, "IB1-BL").await, "Pelatihan Digital", 10)).await;
    let ani = app.member_of(9402, "Ani", "IB1-BL").await;
    seats::register(&app.db, id, UserId(9402), NOW).await.unwrap();

    open_card(&koor, "Pelatihan Digital").await;
    koor.press("Ubah tempat").await;
    koor.next_message().await;
    koor.send("Gedung Serbaguna RW 02").await;
    assert!(koor.next_message().await.text.contains("lokasi peta"));
    koor.send_location(-2.98, 104.75).await;
    assert!(koor.next_message().await.text.contains("Tempat diubah"));
    let moved = ani.next_message().await.text;
    assert!(moved.contains("Gedung Serbaguna RW 02") && moved.contains("maps?q=-2.980000,104.750000"), "{moved}");

    open_card(&koor, "Pelatihan Digital").await;
    koor.press("Ubah tempat").await;
    koor.next_message().await;
    koor.send("https://zoom.us/j/987").await;

    assert!(koor.next_message().await.text.contains("Tempat diubah"));
    let notice = ani.next_message().await.text;
    assert!(notice.contains("BERUBAH") && notice.contains("Daring: https://zoom.us/j/987"), "{notice}");
    let row = sqlx::query("SELECT place, online_url FROM trainings WHERE id = $1").bind(id).fetch_one(&app.db.pool).await.unwrap();
    assert_eq!(row.try_get::<Option<String>, _>("place").unwrap(), None);
    assert_eq!(row.try_get::<Option<String>, _>("online_url").unwrap().as_deref(), Some("https://zoom.us/j/987"));
}

#[tokio::test]
async fn a_coordinator_manages_only_their_kims_trainings_and_staff_only_their_area() {
    let (app, _clock) = app_at_now().await;
    let id = seed(&app, training(kim_id(&app, "IB1-BL").await, "Pelatihan Bukit", 10)).await;
    let other = coordinator(&app, 9501, "Lain", "IB1-DLD").await;
    app.grant_staff(9502, "Kemuning").await;
    let far = app.member_of(9502, "Jauh", "KMN-KM").await;
    app.grant_staff(9503, "Ilir Barat I").await;
    let near = app.member_of(9503, "Dekat", "IB1-LP").await;

    for p in [&other, &far] {
        p.send("/peserta").await;
        assert!(p.next_message().await.text.contains("Belum ada pelatihan yang Anda kelola"));
        for data in [format!("t:m:{id}"), format!("t:cxy:{id}"), format!("t:csv:{id}"), format!("t:et:{id}")] {
            assert_eq!(press_forged(p, &data).await.text.as_deref(), Some(STALE), "{data}");
        }
    }
    near.send("/peserta").await;

    assert!(near.next_message().await.has_button("Pelatihan Bukit"));
    assert_eq!(app.count("SELECT COUNT(*) FROM trainings WHERE id = $1 AND status = 'open'", id).await, 1);
    assert!(app.fake.calls_to("senddocument").is_empty());
}

#[tokio::test]
async fn a_name_that_looks_like_a_formula_is_defused_in_the_participants_csv() {
    let (app, _clock) = app_at_now().await;
    let koor = coordinator(&app, 9161, "Sari", "IB1-BL").await;
    let id = seed(&app, training(kim_id(&app, "IB1-BL").await, "Pelatihan Menjahit", 5)).await;
    app.member_of(9162, "=HYPERLINK(\"http://x.example\";\"klik\")", "IB1-BL").await;
    seats::register(&app.db, id, UserId(9162), NOW).await.unwrap();

    open_card(&koor, "Pelatihan Menjahit").await;
    koor.press("Peserta").await;
    koor.next_message().await;
    koor.press("Unduh CSV").await;
    let name = format!("peserta-pelatihan-{id}.csv");
    let call = app.wait_for_call("sendDocument", |p| p["document"]["file_name"] == name.as_str()).await;
    let text = call.params["document"]["text"].as_str().expect("a text upload").to_string();
    let row = text.lines().nth(1).expect("one participant row");
    assert!(row.starts_with("1;\"'=HYPERLINK("), "{row}");
}
