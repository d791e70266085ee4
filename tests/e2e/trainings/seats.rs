//! Registering: the quota under concurrent presses, the waitlist, deadlines, and
//! buttons that must not work.

use std::collections::HashMap;
use std::time::Duration;
use kimbot::kernel::members::UserId;

use kimbot::features::trainings::seats;
use sqlx::Row;

use super::{NOW, STALE, app_at_now, browse, count_in, kim_id, press_forged, seed, status, training, wib};
use crate::support::{MessageExt, PersonExt};

#[tokio::test]
async fn twenty_residents_pressing_daftar_at_once_get_five_seats_and_waitlist_places_one_to_fifteen_in_arrival_order() {
    let (app, _clock) = app_at_now().await;
    let id = seed(&app, training(kim_id(&app, "IB1-BL").await, "Pelatihan Membatik", 5)).await;
    let mut people = Vec::new();
    for i in 0..20 {
        let p = app.member_of(8100 + i, &format!("Warga {i}"), "IB1-BL").await;
        assert!(browse(&p).await.has_button("Daftar"));
        people.push(p);
    }

    for p in &people {
        p.press("Daftar").await; // queues the press; all twenty are in flight together
    }

    let mut told = HashMap::new();
    for p in &people {
        told.insert(p.id(), p.next_message().await.text);
    }
    assert_eq!(count_in(&app, id, "registered").await, 5);
    assert_eq!(count_in(&app, id, "waitlisted").await, 15);
    let rows = sqlx::query("SELECT user_id, status FROM training_registrations WHERE training_id = $1 ORDER BY seq")
        .bind(id)
        .fetch_all(&app.db.pool)
        .await
        .unwrap();
    let order: Vec<(i64, String)> = rows.iter().map(|r| (r.try_get("user_id").unwrap(), r.try_get("status").unwrap())).collect();
    for (i, (user, status)) in order.iter().enumerate() {
        if i < 5 {
            assert_eq!(status, "registered", "the first five arrivals hold the seats");
            assert!(told[user].contains("Anda terdaftar"), "{}", told[user]);
        } else {
            let position = i - 4;
            assert_eq!(status, "waitlisted");
            assert!(told[user].contains(&format!("nomor {position};")), "arrival {i} told: {}", told[user]);
        }
    }
}

#[tokio::test]
async fn a_freed_seat_goes_to_the_first_on_the_waitlist_who_is_told_and_the_queue_moves_up() {
    let (app, _clock) = app_at_now().await;
    let id = seed(&app, training(kim_id(&app, "IB1-BL").await, "Pelatihan Hidroponik", 1)).await;
    let ani = app.member_of(8201, "Ani", "IB1-BL").await;
    let budi = app.member_of(8202, "Budi", "IB1-BL").await;
    let citra = app.member_of(8203, "Citra", "IB1-BL").await;
    for (p, expected) in [(&ani, "Anda terdaftar"), (&budi, "nomor 1;"), (&citra, "nomor 2;")] {
        browse(p).await;
        p.press("Daftar").await;
        let card = p.next_message().await.text;
        assert!(card.contains(expected), "{card}");
    }

    ani.press("Batal ikut").await;
    assert!(ani.next_message().await.text.contains("Yakin batal ikut"));
    ani.press("Ya, batalkan").await;

    assert!(ani.next_message().await.text.contains("dibatalkan"));
    let notice = budi.next_message_skipping_edits().await.text;
    assert!(notice.contains("Kabar baik") && notice.contains("Pelatihan Hidroponik"), "{notice}");
    assert_eq!(status(&app, id, 8202).await.as_deref(), Some("registered"));
    assert_eq!(status(&app, id, 8203).await.as_deref(), Some("waitlisted"));
    citra.send("/pelatihansaya").await;
    let mine = citra.next_message().await.text;
    assert!(mine.contains("nomor 1."), "{mine}");
    citra.expect_no_message(Duration::from_millis(300)).await;
}

#[tokio::test]
async fn registration_closes_at_the_deadline_and_a_started_training_cannot_be_registered_for() {
    let (app, clock) = app_at_now().await;
    let mut new = training(kim_id(&app, "IB1-BL").await, "Pelatihan Pengemasan", 10);
    new.deadline_at = Some(wib(12, 20, 17, 0));
    let id = seed(&app, new).await;
    let warga = app.member_of(8301, "Dewi", "IB1-BL").await;
    let card = browse(&warga).await.text;
    assert!(card.contains("Pendaftaran dibuka sampai Minggu, 20 Desember 2026, pukul 17:00 WIB"), "{card}");

    clock.set(wib(12, 20, 17, 0));
    warga.press("Daftar").await;
    let refused = warga.next_message().await;
    assert!(refused.text.contains("batas waktu pendaftaran sudah lewat"), "{}", refused.text);
    assert!(!refused.has_button("Daftar"));

    clock.set(wib(12, 25, 8, 30));
    press_forged(&warga, &format!("t:r:{id}")).await;
    assert!(warga.next_message().await.text.contains("sudah dimulai"));
    assert_eq!(status(&app, id, 8301).await, None);
    assert!(browse(&warga).await.text.contains("Belum ada pelatihan"));
}

#[tokio::test]
async fn forged_presses_for_another_kims_or_a_cancelled_training_register_nobody() {
    let (app, _clock) = app_at_now().await;
    let elsewhere = seed(&app, training(kim_id(&app, "KMN-KM").await, "Pelatihan Kemuning", 10)).await;
    let cancelled = seed(&app, training(kim_id(&app, "IB1-BL").await, "Pelatihan Batal", 10)).await;
    sqlx::query("UPDATE trainings SET status = 'cancelled' WHERE id = $1").bind(cancelled).execute(&app.db.pool).await.unwrap();
    let warga = app.member_of(8401, "Eka", "IB1-BL").await;

    for data in [format!("t:r:{elsewhere}"), "t:r:999999".to_string(), "t:r:-1".to_string(), "t:r:1;DROP".to_string()] {
        assert_eq!(press_forged(&warga, &data).await.text.as_deref(), Some(STALE), "{data}");
    }
    press_forged(&warga, &format!("t:r:{cancelled}")).await;

    assert!(warga.next_message().await.text.contains("sudah dibatalkan"));
    assert_eq!(status(&app, elsewhere, 8401).await, None);
    assert_eq!(status(&app, cancelled, 8401).await, None);
}

#[tokio::test]
async fn my_trainings_show_seats_and_waitlist_places_and_cancel_from_the_list() {
    let (app, _clock) = app_at_now().await;
    let kim = kim_id(&app, "IB1-BL").await;
    let full = seed(&app, training(kim, "Pelatihan Penuh", 1)).await;
    let mut later = training(kim, "Pelatihan Roti", 5);
    later.starts_at = wib(12, 26, 8, 0);
    later.ends_at = wib(12, 26, 12, 0);
    let roti = seed(&app, later).await;
    let warga = app.member_of(8501, "Fitri", "IB1-BL").await;
    seats::register(&app.db, full, UserId(8599), NOW).await.unwrap();
    seats::register(&app.db, full, UserId(8501), NOW).await.unwrap();
    seats::register(&app.db, roti, UserId(8501), NOW).await.unwrap();

    warga.send("/pelatihansaya").await;
    let mine = warga.next_message().await;
    assert!(mine.text.contains("1. Pelatihan Penuh") && mine.text.contains("nomor 1."), "{}", mine.text);
    assert!(mine.text.contains("2. Pelatihan Roti") && mine.text.contains("Anda terdaftar"), "{}", mine.text);
    warga.press("Batal: 2.").await;
    assert!(warga.next_message().await.text.contains("Yakin batal ikut \"Pelatihan Roti\""));
    warga.press("Ya, batalkan").await;

    let after = warga.next_message().await.text;
    assert!(after.contains("dibatalkan") && !after.contains("2. Pelatihan Roti"), "{after}");
    assert_eq!(status(&app, roti, 8501).await.as_deref(), Some("cancelled"));
    assert_eq!(status(&app, full, 8501).await.as_deref(), Some("waitlisted"));
}

#[tokio::test]
async fn residents_page_through_the_upcoming_trainings_of_their_own_kim_only() {
    let (app, _clock) = app_at_now().await;
    let kim = kim_id(&app, "IB1-BL").await;
    seed(&app, training(kim, "Pelatihan Pertama", 10)).await;
    let mut second = training(kim, "Pelatihan Kedua", 10);
    second.starts_at = wib(12, 28, 8, 0);
    second.ends_at = wib(12, 28, 12, 0);
    seed(&app, second).await;
    seed(&app, training(kim_id(&app, "KMN-KM").await, "Pelatihan Kemuning", 10)).await;
    let warga = app.member_of(8601, "Indah", "IB1-BL").await;

    let first = browse(&warga).await;
    assert!(first.text.contains("Pelatihan 1 dari 2") && first.text.contains("Pelatihan Pertama"), "{}", first.text);
    assert!(first.text.contains("Sisa kursi: 10 dari 10"), "{}", first.text);
    warga.press("›").await;

    let next = warga.next_message().await;
    assert!(next.text.contains("Pelatihan 2 dari 2") && next.text.contains("Senin, 28 Desember 2026"), "{}", next.text);
    assert!(next.has_button("‹") && !next.has_button("›"));
    assert!(!warga.messages().iter().any(|m| m.text.contains("Kemuning")));
}
