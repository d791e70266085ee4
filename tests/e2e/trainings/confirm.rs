//! Issue 16 rough edges of trainings: moving asks first (who is told, where the
//! deadline goes), the waitlist can be marked present, full trainings say "Daftar
//! tunggu", and long names are cut with an ellipsis.

use std::time::Duration;
use kimbot::kernel::members::UserId;

use kimbot::features::trainings::seats;

use super::{NOW, STALE, app_at_now, browse, coordinator, kim_id, press_forged, seed, training, wib};
use crate::support::MessageExt;

async fn open_card(koor: &fake_telegram::Person, title: &str) {
    koor.send("/peserta").await;
    koor.next_message().await;
    koor.press(title).await;
    koor.next_message().await;
}

#[tokio::test]
async fn moving_a_training_asks_first_saying_who_is_told_and_where_the_deadline_goes() {
    let (app, _clock) = app_at_now().await;
    let koor = coordinator(&app, 9601, "Sari", "IB1-BL").await;
    let mut new = training(kim_id(&app, "IB1-BL").await, "Pelatihan Anyaman", 1);
    new.deadline_at = Some(wib(12, 24, 17, 0));
    let id = seed(&app, new).await;
    let ani = app.member_of(9602, "Ani", "IB1-BL").await;
    let budi = app.member_of(9603, "Budi", "IB1-BL").await;
    seats::register(&app.db, id, UserId(9602), NOW).await.unwrap();
    seats::register(&app.db, id, UserId(9603), NOW).await.unwrap();

    open_card(&koor, "Pelatihan Anyaman").await;
    koor.press("Ubah waktu").await;
    koor.next_message().await;
    koor.send("20/12 08:00").await;
    koor.next_message().await;
    koor.send("12:00").await;
    let ask = koor.next_message().await;

    for expected in ["Pindahkan \"Pelatihan Anyaman\"", "Minggu, 20 Desember 2026", "1 peserta terdaftar dan 1 orang di daftar tunggu", "Batas pendaftaran ikut berubah", "Kamis, 24 Desember 2026, pukul 17:00 WIB →"] {
        assert!(ask.text.contains(expected), "{expected:?} in {}", ask.text);
    }
    assert!(ask.has_button("Ya, pindahkan") && ask.has_button("Ketik ulang"), "{:?}", ask.button_labels());
    ani.expect_no_message(Duration::from_millis(500)).await;
    koor.send("21/12 08:00").await;
    assert!(koor.next_message().await.text.contains("tombol"), "typing while the question is open asks for a button");
    koor.press("Ya, pindahkan").await;
    let done = koor.next_message().await;
    assert!(done.text.contains("Jadwal diubah") && done.buttons.is_empty(), "{done:?}");
    for p in [&ani, &budi] {
        assert!(p.next_message().await.text.contains("BERUBAH"));
    }
    assert_eq!(press_forged(&koor, &format!("t:mvy:{id}")).await.text.as_deref(), Some(STALE));

    ani.expect_no_message(Duration::from_millis(500)).await;
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'training.edit' AND actor = $1", 9601).await, 1);
    assert_eq!(app.count("SELECT starts_at FROM trainings WHERE id = $1", id).await, wib(12, 20, 8, 0));
    assert_eq!(app.count("SELECT COUNT(*) FROM trainings WHERE id = $1 AND deadline_at IS NULL", id).await, 1);
}

#[tokio::test]
async fn a_move_that_keeps_the_deadline_says_so_and_retyping_starts_over_without_telling_anyone() {
    let (app, _clock) = app_at_now().await;
    let koor = coordinator(&app, 9611, "Sari", "IB1-BL").await;
    let mut new = training(kim_id(&app, "IB1-BL").await, "Pelatihan Kopi", 5);
    new.deadline_at = Some(wib(12, 20, 17, 0));
    let id = seed(&app, new).await;

    open_card(&koor, "Pelatihan Kopi").await;
    koor.press("Ubah waktu").await;
    koor.next_message().await;
    koor.send("27/12 08:00").await;
    koor.next_message().await;
    koor.send("12:00").await;
    let ask = koor.next_message().await.text;
    assert!(ask.contains("Batas pendaftaran tetap: Minggu, 20 Desember 2026") && ask.contains("Belum ada peserta"), "{ask}");
    koor.press("Ketik ulang").await;

    assert!(koor.next_message().await.text.contains("Jadwal sekarang"), "asked for the start again");
    assert_eq!(app.count("SELECT starts_at FROM trainings WHERE id = $1", id).await, wib(12, 25, 8, 0));
}

#[tokio::test]
async fn people_on_the_waitlist_can_be_marked_present() {
    let (app, clock) = app_at_now().await;
    let koor = coordinator(&app, 9621, "Sari", "IB1-BL").await;
    let id = seed(&app, training(kim_id(&app, "IB1-BL").await, "Pelatihan Sulam", 1)).await;
    for (user, name) in [(9622, "Ani"), (9623, "Citra")] {
        app.member_of(user, name, "IB1-BL").await;
        seats::register(&app.db, id, UserId(user), NOW).await.unwrap();
    }
    clock.set(wib(12, 25, 9, 0));
    open_card(&koor, "Pelatihan Sulam").await;

    koor.press("Kehadiran").await;
    let list = koor.next_message().await;
    assert!(list.text.contains("dari 1 peserta + 1 dari daftar tunggu") && list.text.contains("2. ⏳ Citra (daftar tunggu) — belum dicatat"), "{}", list.text);
    koor.press("✅ Citra").await;

    assert!(koor.next_message().await.text.contains("⏳ Citra (daftar tunggu) — ✅ hadir"));
    assert_eq!(app.count("SELECT attended FROM training_registrations WHERE user_id = $1", 9623).await, 1);
}

#[tokio::test]
async fn a_full_training_offers_the_waiting_list_by_name() {
    let (app, _clock) = app_at_now().await;
    let id = seed(&app, training(kim_id(&app, "IB1-BL").await, "Pelatihan Sabun", 1)).await;
    let ani = app.member_of(9631, "Ani", "IB1-BL").await;
    assert!(browse(&ani).await.has_button("✅ Daftar"));
    seats::register(&app.db, id, UserId(9631), NOW).await.unwrap();
    let budi = app.member_of(9632, "Budi", "IB1-BL").await;

    let card = browse(&budi).await;

    assert!(card.has_button("⏳ Daftar tunggu") && !card.has_button("✅ Daftar"), "{:?}", card.button_labels());
}

#[tokio::test]
async fn long_training_names_are_cut_with_an_ellipsis_in_lists() {
    let (app, _clock) = app_at_now().await;
    let koor = coordinator(&app, 9641, "Sari", "IB1-BL").await;
    let long = format!("Pelatihan Kuliner {} Lanjut", "🍜".repeat(25));
    let id = seed(&app, training(kim_id(&app, "IB1-BL").await, &long, 5)).await;
    let ani = app.member_of(9642, "Ani", "IB1-BL").await;
    seats::register(&app.db, id, UserId(9642), NOW).await.unwrap();

    koor.send("/peserta").await;
    let list = koor.next_message().await;
    let label = list.button_labels().into_iter().find(|l| l.contains("Pelatihan Kuliner")).expect("listed");
    assert!(label.contains(&format!("Kuliner {}…", "🍜".repeat(21))) && !label.contains("Lanjut"), "{label}");
    ani.send("/pelatihansaya").await;
    let mine = ani.next_message().await;
    assert!(mine.button_labels().iter().any(|l| l.ends_with('…')), "{:?}", mine.button_labels());
}
