//! Issue 16: a day already past this year is asked about, never silently moved a
//! year on; repeating schedules read in words (both languages) and come as presets.

use std::time::Duration;

use super::steps::{compose_to_my_kim, coordinator_with_groups, sunday_morning, wait_text, wib};
use crate::support::{MessageExt, spawn_app_with_clock};

#[tokio::test]
async fn a_day_already_past_this_year_is_asked_about_instead_of_moving_a_year_on() {
    let clock = sunday_morning();
    let app = spawn_app_with_clock(clock.clone()).await;
    let (koor, _) = coordinator_with_groups(&app, 7901, "IB1-BL", &[(-7911, "RT 41")]).await;
    compose_to_my_kim(&koor, "Arisan RT").await;
    koor.press("Pada tanggal").await;
    wait_text(&koor, "WIB").await;

    koor.send("19/12 08:00").await;
    let ask = koor.next_message().await;
    assert!(ask.text.contains("sudah lewat tahun ini") && ask.text.contains("Minggu, 19/12/2027 08:00 WIB"), "{}", ask.text);
    assert!(ask.has_button("Ya, tahun 2027") && ask.has_button("Ketik tanggal lain"), "{:?}", ask.button_labels());
    assert_eq!(app.count("SELECT COUNT(*) FROM announcements WHERE author_id = $1", 7901).await, 0);
    koor.press("Ketik tanggal lain").await;
    wait_text(&koor, "Ketik tanggal dan jam").await;
    koor.send("19/12 08:00").await;
    wait_text(&koor, "sudah lewat tahun ini").await;
    koor.press("Ya, tahun 2027").await;
    let confirm = wait_text(&koor, "Simpan jadwal ini?").await;

    assert!(confirm.text.contains("Minggu, 19/12/2027 08:00 WIB"), "{}", confirm.text);
    koor.press("Kembali").await;
    wait_text(&koor, "Kapan dikirim?").await;
    koor.press("Pada tanggal").await;
    wait_text(&koor, "Ketik tanggal dan jam").await;
    koor.send("05/01 07:30").await;
    let soon = wait_text(&koor, "Simpan jadwal ini?").await;
    assert!(soon.text.contains("Selasa, 05/01/2027 07:30 WIB"), "a day a few weeks ahead needs no question: {}", soon.text);
}

#[tokio::test]
async fn repeating_schedules_read_in_words_and_a_preset_is_one_press() {
    let clock = sunday_morning();
    let app = spawn_app_with_clock(clock.clone()).await;
    let (koor, groups) = coordinator_with_groups(&app, 7902, "IB1-BL", &[(-7921, "RT 42")]).await;
    compose_to_my_kim(&koor, "Kerja bakti Minggu pagi").await;
    koor.press("Berulang").await;
    let presets = wait_text(&koor, "Seberapa sering").await;
    for preset in ["Setiap hari 07:00", "Setiap Senin 08:00", "Senin–Jumat 07:00", "Setiap Minggu 06:00", "Tanggal 1 tiap bulan"] {
        assert!(presets.has_button(preset), "{preset}: {:?}", presets.button_labels());
    }
    koor.press("Setiap Minggu 06:00").await;
    let confirm = wait_text(&koor, "Tiga pengiriman berikutnya").await;
    assert!(confirm.text.contains("setiap Minggu pukul 06:00") && !confirm.text.contains("SUN"), "{}", confirm.text);
    koor.press("Simpan jadwal").await;
    wait_text(&koor, "pengumuman #1").await;

    koor.send("/jadwal").await;
    let list = wait_text(&koor, "#1").await;
    assert!(list.text.contains("berulang: setiap Minggu pukul 06:00"), "{}", list.text);
    sqlx::query("UPDATE users SET language = 'en' WHERE id = $1").bind(7902_i64).execute(&app.db.pool).await.unwrap();
    koor.send("/jadwal").await;
    let english = wait_text(&koor, "#1").await;
    assert!(english.text.contains("repeats: every Sunday at 06:00") && !english.text.contains("setiap"), "{}", english.text);

    clock.set(wib(2026, 12, 27, 6, 0));
    assert_eq!(groups[0].next_message().await.text, "Kerja bakti Minggu pagi");
    groups[0].expect_no_message(Duration::from_millis(500)).await;
}
