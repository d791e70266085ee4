//! `/pelatihanbaru`: the form, its checks, the review screen, publishing and the
//! announcement to groups; who may use it.

use std::time::Duration;

use sqlx::Row;

use super::{STALE, app_at_now, coordinator, kim_id, press_forged, seed, training, wib};
use crate::support::{MessageExt, PersonExt};

#[tokio::test]
async fn a_coordinator_composes_reviews_publishes_and_announces_a_training_to_the_kims_group() {
    let (app, _clock) = app_at_now().await;
    let koor = coordinator(&app, 8001, "Sari", "IB1-BL").await;
    let group = app.fake.group(-800, "Warga RT 05");
    group.add_bot(&koor).await;
    group.next_message().await;
    group.set_member_status(&koor, "administrator");
    koor.in_group(&group).send("/hubungkan IB1-BL").await;
    group.next_message().await;

    koor.send("/pelatihanbaru").await;
    assert!(koor.next_message().await.text.contains("KIM Bukit Lama"));
    let answers: [(&str, &str); 6] = [
        ("Pelatihan Menjahit Dasar", "penyelenggara"),
        ("", "keterangan singkat"),
        ("Belajar menjahit baju kurung.", "Kapan mulainya"),
        ("25/12 08:00", "Kapan selesainya"),
        ("12:00", "Di mana tempatnya"),
        ("Balai Kelurahan Bukit Lama", "lokasi peta"),
    ];
    assert!(koor.next_message().await.text.contains("judul"));
    for (answer, next_question) in answers {
        if answer.is_empty() {
            koor.press("Dinas Koperasi dan UMKM").await;
        } else {
            koor.send(answer).await;
        }
        let question = koor.next_message().await.text;
        assert!(question.contains(next_question), "after {answer:?}: {question}");
    }
    koor.send_location(-2.976, 104.742).await;
    assert!(koor.next_message().await.text.contains("kuota"));
    koor.send("20").await;
    assert!(koor.next_message().await.text.contains("pendaftaran dibuka"));
    koor.send("24/12 17:00").await;
    assert!(koor.next_message().await.text.contains("untuk siapa"));
    koor.press("Kuliner").await;
    assert!(koor.next_message().await.has_button("✅ Kuliner"), "the toggle shows");
    koor.press("Selesai").await;
    assert!(koor.next_message().await.text.contains("poster"));
    koor.send_photo().await;

    let review = koor.next_message().await.text;
    for expected in [
        "Judul: Pelatihan Menjahit Dasar",
        "Penyelenggara: Dinas Koperasi dan UMKM",
        "Jumat, 25 Desember 2026, pukul 08:00–12:00 WIB",
        "Tempat: Balai Kelurahan Bukit Lama",
        "google.com/maps?q=-2.976000,104.742000",
        "Kuota: 20",
        "Batas pendaftaran: Kamis, 24 Desember 2026, pukul 17:00 WIB",
        "Sasaran: Kuliner",
        "Poster: ada",
    ] {
        assert!(review.contains(expected), "{expected:?} missing in review:\n{review}");
    }
    koor.press("Terbitkan").await;
    assert!(koor.next_message().await.text.contains("sudah terbit"));
    let ask = koor.next_message().await;
    assert!(ask.has_button("✅ Warga RT 05"), "{:?}", ask.button_labels());
    koor.press("Warga RT 05").await;
    assert!(koor.next_message().await.has_button("▫️ Warga RT 05"));
    for _ in 0..2 {
        koor.press("Umumkan").await;
        let none = koor.next_message().await;
        assert!(!none.edited && none.text.contains("Belum ada grup yang dicentang"), "{none:?}");
    }
    koor.press("Warga RT 05").await;
    koor.next_message().await;
    koor.press("Umumkan").await;
    assert!(koor.next_message().await.text.contains("1 grup"));

    let posted = group.next_message().await;
    assert_eq!(posted.kind, "photo");
    assert!(posted.has_button("✅ Daftar"), "the poster carries the Daftar link: {posted:?}");
    assert!(posted.text.contains("PELATIHAN BARU") && posted.text.contains("Pelatihan Menjahit Dasar"), "{}", posted.text);
    assert!(posted.text.contains("https://t.me/kimbot_test_bot"), "{}", posted.text);
    let row = sqlx::query("SELECT id, starts_at, ends_at, deadline_at, quota, lat_e6, targets, poster FROM trainings")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    let id: i64 = row.try_get("id").unwrap();
    assert_eq!(row.try_get::<i64, _>("starts_at").unwrap(), wib(12, 25, 8, 0));
    assert_eq!(row.try_get::<i64, _>("ends_at").unwrap(), wib(12, 25, 12, 0));
    assert_eq!(row.try_get::<Option<i64>, _>("deadline_at").unwrap(), Some(wib(12, 24, 17, 0)));
    assert_eq!(row.try_get::<i64, _>("quota").unwrap(), 20);
    assert_eq!(row.try_get::<Option<i64>, _>("lat_e6").unwrap(), Some(-2_976_000));
    assert_eq!(row.try_get::<String, _>("targets").unwrap(), "kuliner");
    assert!(row.try_get::<Option<String>, _>("poster").unwrap().is_some());
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'training.publish' AND actor = $1", 8001).await, 1);
    let source = format!("training:{id}");
    let queued: i64 = sqlx::query("SELECT COUNT(*) AS n FROM outbox WHERE source = $1 AND priority = 2 AND chat_id = -800")
        .bind(source)
        .fetch_one(&app.db.pool)
        .await
        .unwrap()
        .try_get("n")
        .unwrap();
    assert_eq!(queued, 1);
}

#[tokio::test]
async fn wrong_answers_are_explained_and_asked_again_without_losing_earlier_ones() {
    let (app, _clock) = app_at_now().await;
    let koor = coordinator(&app, 8002, "Sari", "IB1-BL").await;
    koor.send("/pelatihanbaru").await;
    koor.next_message().await;
    koor.next_message().await;
    let long = "x".repeat(101);
    let steps: &[(&str, &str)] = &[
        ("ab", "Terlalu pendek"),
        (&long, "Terlalu panjang"),
        ("Pelatihan Kue Kering", "penyelenggara"),
        ("Dinas Perindustrian", "keterangan singkat"),
        ("Membuat kue kering untuk lebaran.", "Kapan mulainya"),
        ("besok pagi", "belum bisa membaca"),
        ("31/02 08:00", "tidak ada di kalender"),
        ("2026-11-29 08:00", "sudah lewat"),
        ("30/11 09:00", "sudah lewat"),
        ("25/12 08:00", "Kapan selesainya"),
        ("07:00", "sesudah waktu mulai"),
        ("siang", "belum bisa membaca"),
        ("12:00", "Di mana tempatnya"),
        ("https://", "Tautan itu tidak bisa dipakai"),
        ("https://meet.google.com/abc-defg-hij", "kuota"),
        ("0", "antara 1 dan 1000"),
        ("lima", "angka saja"),
        ("1001", "antara 1 dan 1000"),
        ("30", "pendaftaran dibuka"),
        ("26/12 08:00", "tidak boleh sesudah"),
    ];
    for (answer, reply) in steps {
        koor.send(answer).await;
        let got = koor.next_message().await.text;
        assert!(got.contains(reply), "answer {answer:?}: expected {reply:?} in {got:?}");
    }
    koor.press("Sampai mulai").await;
    koor.next_message().await;
    koor.send("kuliner").await;
    assert!(koor.next_message().await.text.contains("pilih dengan tombol"));
    koor.press("Selesai").await;
    koor.next_message().await;
    koor.send("bukan foto").await;
    assert!(koor.next_message().await.text.contains("poster"), "asked again");
    koor.press("Lewati").await;

    let review = koor.next_message().await.text;
    for expected in ["Pelatihan Kue Kering", "Dinas Perindustrian", "Daring: https://meet.google.com/abc-defg-hij", "Kuota: 30", "sampai pelatihan dimulai", "semua warga", "Poster: tidak ada"] {
        assert!(review.contains(expected), "{expected:?} in {review}");
    }
    koor.press("Ubah kuota").await;
    koor.next_message().await;
    koor.send("25").await;
    assert!(koor.next_message().await.text.contains("Kuota: 25"));
    koor.press("Ubah waktu").await;
    koor.next_message().await;
    koor.send("26/12 09:00").await;
    koor.next_message().await;
    koor.send("11:00").await;
    assert!(koor.next_message().await.text.contains("Sabtu, 26 Desember 2026, pukul 09:00–11:00 WIB"));
    koor.press("❌ Batal").await;
    assert!(koor.next_message().await.text.contains("dibuang"));
    assert_eq!(app.count("SELECT COUNT(*) FROM trainings WHERE id > $1", 0).await, 0);
}

#[tokio::test]
async fn a_half_composed_training_continues_after_a_restart() {
    let (mut app, _clock) = app_at_now().await;
    let koor = coordinator(&app, 8003, "Sari", "IB1-BL").await;
    koor.send("/pelatihanbaru").await;
    koor.next_message().await;
    koor.next_message().await;
    koor.send("Pelatihan Sablon Kaos").await;
    assert!(koor.next_message().await.text.contains("penyelenggara"));

    app.restart().await;
    koor.send("Dinas Koperasi").await;

    assert!(koor.next_message().await.text.contains("keterangan singkat"));
    koor.send("/batal").await;
    assert!(koor.next_message().await.text.contains("Dibatalkan"));
}

#[tokio::test]
async fn staff_choose_one_of_their_areas_kims_and_cannot_pick_another_one() {
    let (app, _clock) = app_at_now().await;
    app.grant_staff(8004, "Kemuning").await;
    let staff = app.member_of(8004, "Tono", "KMN-KM").await;
    staff.send("/pelatihanbaru").await;
    let menu = staff.next_message().await;
    assert!(menu.has_button("KIM Pahlawan") && !menu.has_button("KIM Bukit Lama"), "{:?}", menu.button_labels());

    let elsewhere = kim_id(&app, "IB1-BL").await;
    assert_eq!(press_forged(&staff, &format!("t:k:{elsewhere}")).await.text.as_deref(), Some(STALE));
    staff.press("KIM Pahlawan").await;

    assert!(staff.next_message().await.text.contains("KIM Pahlawan"));
    assert!(staff.next_message_skipping_edits().await.text.contains("judul"));
}

#[tokio::test]
async fn residents_cannot_create_trainings_see_participants_or_press_coordinator_buttons() {
    let (app, _clock) = app_at_now().await;
    let warga = app.member_of(8005, "Wati", "IB1-BL").await;
    let id = seed(&app, training(kim_id(&app, "IB1-BL").await, "Pelatihan Menjahit", 5)).await;

    warga.send("/pelatihanbaru").await;
    assert!(warga.next_message().await.text.contains("hanya untuk koordinator"));
    warga.send("/peserta").await;
    assert!(warga.next_message().await.text.contains("hanya untuk koordinator"));
    let forged = ["m", "p", "csv", "cxy", "cly", "et", "ep"].map(|b| format!("t:{b}:{id}"));
    let more = [format!("t:at:{id}:0"), format!("t:h:{id}:1:1:0"), "t:mp:0".to_string()];
    for data in forged.iter().chain(&more) {
        assert_eq!(press_forged(&warga, data).await.text.as_deref(), Some(STALE), "{data}");
    }

    warga.expect_no_message(Duration::from_millis(300)).await;
    assert!(app.fake.calls_to("senddocument").is_empty());
    assert_eq!(app.count("SELECT COUNT(*) FROM trainings WHERE id = $1 AND status = 'open'", id).await, 1);
}
