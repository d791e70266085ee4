//! Issue 16 rough edges of announcements: every press gets a visible answer
//! ("Perbarui", "Selesai" with nothing ticked), a group that left is named rather
//! than "stale button", and cancelling in `/jadwal` asks first.

use std::time::Duration;

use super::steps::{schedule_first_on, answer_to, compose_to_my_kim, coordinator_with_groups, refresh_until, sunday_morning, wait_button, wait_text, wib};
use crate::support::{MessageExt, PersonExt, TestApp, spawn_app, spawn_app_with_clock};

/// Waits (bounded) until the group's row says the bot left.
async fn wait_left(app: &TestApp, chat: i64) {
    for _ in 0..100 {
        if app.count("SELECT COUNT(*) FROM tg_groups WHERE chat_id = $1 AND status <> 'active'", chat).await == 1 {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("group {chat} never left");
}

#[tokio::test]
async fn refreshing_the_report_shows_the_time_of_reading_even_when_no_group_changed() {
    let clock = sunday_morning();
    let app = spawn_app_with_clock(clock.clone()).await;
    let (koor, groups) = coordinator_with_groups(&app, 7801, "IB1-BL", &[(-7811, "RT 31")]).await;
    compose_to_my_kim(&koor, "Posyandu").await;
    koor.press("Kirim sekarang").await;
    assert!(wait_text(&koor, "Laporan pengumuman #1").await.text.contains("Keadaan pukul 10:00:00 WIB"));
    groups[0].next_message().await;
    refresh_until(&koor, "Terkirim 1").await;

    clock.advance(65);
    let cb = koor.press("Perbarui").await;
    answer_to(&koor, &cb).await;

    let report = wait_text(&koor, "Keadaan pukul 10:01:05 WIB").await;
    assert!(report.edited && report.text.contains("Terkirim 1"), "{report:?}");
}

#[tokio::test]
async fn refreshing_twice_within_one_second_answers_with_a_toast_naming_the_time_of_the_report() {
    let clock = sunday_morning();
    let app = spawn_app_with_clock(clock.clone()).await;
    let (koor, groups) = coordinator_with_groups(&app, 7804, "IB1-BL", &[(-7841, "RT 35")]).await;
    compose_to_my_kim(&koor, "Posyandu").await;
    koor.press("Kirim sekarang").await;
    wait_text(&koor, "Laporan pengumuman #1").await;
    groups[0].next_message().await;
    refresh_until(&koor, "Terkirim 1").await;

    let same_second = koor.press("Perbarui").await;
    let toast = answer_to(&koor, &same_second).await;
    clock.advance(1);
    let next_second = koor.press("Perbarui").await;
    let quiet = answer_to(&koor, &next_second).await;

    assert_eq!(toast.as_deref(), Some("Belum ada perubahan sejak 10:00:00 WIB."));
    assert_eq!(quiet, None, "a refresh that shows something new needs no pop-up");
    assert!(wait_text(&koor, "Keadaan pukul 10:00:01 WIB").await.edited);
}

#[tokio::test]
async fn pressing_done_with_no_group_ticked_answers_visibly_every_time() {
    let app = spawn_app().await;
    let (koor, _) = coordinator_with_groups(&app, 7802, "IB1-BL", &[(-7821, "RT 32")]).await;
    koor.send("/umumkan").await;
    wait_text(&koor, "Tulis pengumuman").await;
    koor.send("Rapat RT").await;
    wait_text(&koor, "Tersimpan").await;
    koor.press("Lanjut").await;
    wait_text(&koor, "Kirim ke mana?").await;
    koor.press("Pilih grup tertentu").await;
    let first = wait_text(&koor, "Centang grup").await;

    for _ in 0..2 {
        koor.press("Selesai (0 dipilih)").await;
        let again = koor.next_message_skipping_edits().await;
        assert!(again.text.contains("Belum ada grup yang dicentang") && again.has_button("RT 32"), "{again:?}");
    }

    let old = koor.messages().into_iter().find(|m| m.message_id == first.message_id).unwrap();
    assert!(old.buttons.is_empty(), "the old checklist lost its buttons: {old:?}");
}

#[tokio::test]
async fn a_group_that_left_is_named_instead_of_a_stale_button() {
    let app = spawn_app().await;
    let (koor, groups) = coordinator_with_groups(&app, 7803, "IB1-BL", &[(-7831, "RT 33"), (-7832, "RT 34")]).await;
    koor.send("/umumkan").await;
    wait_text(&koor, "Tulis pengumuman").await;
    koor.send("Kerja bakti").await;
    wait_text(&koor, "Tersimpan").await;
    koor.press("Lanjut").await;
    wait_text(&koor, "Kirim ke mana?").await;
    koor.press("Pilih grup tertentu").await;
    let checklist = wait_text(&koor, "Centang grup").await;
    koor.press("RT 33").await;
    wait_button(&koor, "1 dipilih").await;
    koor.press("RT 34").await;
    wait_button(&koor, "2 dipilih").await;
    koor.press("Selesai").await;
    wait_text(&koor, "Kapan dikirim?").await;

    groups[1].remove_bot(&koor).await;
    wait_left(&app, -7832).await;
    let cb = koor.press("Kirim sekarang").await;

    assert_eq!(answer_to(&koor, &cb).await, None, "not answered as a stale button");
    let why = wait_text(&koor, "sudah tidak terhubung").await;
    assert!(why.text.contains("RT 34") && !why.text.contains("RT 33"), "{}", why.text);
    wait_text(&koor, "Kirim ke mana?").await;
    let cb = koor.press_data(checklist.message_id, "n:t:-7832").await;
    assert_eq!(answer_to(&koor, &cb).await, None);
    assert!(wait_text(&koor, "sudah tidak terhubung").await.text.contains("RT 34"));
    for group in &groups {
        group.expect_no_message(Duration::from_millis(300)).await;
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM announcements WHERE author_id = $1", 7803).await, 0);
}

#[tokio::test]
async fn cancelling_in_jadwal_asks_first_and_a_second_press_changes_nothing() {
    let clock = sunday_morning();
    let app = spawn_app_with_clock(clock.clone()).await;
    let (koor, groups) = coordinator_with_groups(&app, 7804, "IB1-BL", &[(-7841, "RT 35")]).await;
    compose_to_my_kim(&koor, "Lomba masak").await;
    schedule_first_on(&koor, "2026-12-26 08:00").await;
    koor.send("/jadwal").await;
    wait_text(&koor, "#1").await;

    koor.press("Batalkan #1").await;
    let ask = wait_text(&koor, "Batalkan pengumuman #1").await;
    assert!(ask.text.contains("Lomba masak") && ask.has_button("Ya, batalkan #1") && ask.has_button("Kembali"), "{ask:?}");
    assert_eq!(app.count("SELECT COUNT(*) FROM announcements WHERE status = 'scheduled' AND id = $1", 1).await, 1);
    koor.press("Kembali").await;
    assert!(wait_text(&koor, "Pengumuman terjadwal").await.has_button("Batalkan #1"));
    koor.press("Batalkan #1").await;
    wait_text(&koor, "Batalkan pengumuman #1").await;
    koor.press("Ya, batalkan #1").await;
    let done = wait_text(&koor, "dibatalkan").await;
    let cb = koor.press_data(done.message_id, "n:jy:1").await;

    assert_eq!(answer_to(&koor, &cb).await, None);
    assert!(wait_text(&koor, "sudah berubah sebelumnya").await.text.contains("Tidak ada pengumuman terjadwal"));
    clock.set(wib(2026, 12, 26, 8, 1));
    groups[0].expect_no_message(Duration::from_millis(1500)).await;
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'announcement.cancel' AND actor = $1", 7804).await, 1);
}
