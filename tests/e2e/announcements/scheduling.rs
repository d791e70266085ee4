//! Sending at a time and on a cron schedule, on a manual clock: firing, missed runs
//! after a restart, pause, cancel, bad expressions, and two processes racing.

use std::time::Duration;

use kimbot::app::App;
use kimbot::features::announcements::scheduler::Scheduler;

use super::steps::{schedule_first_on, compose_to_my_kim, coordinator_with_groups, sunday_morning, wait_text, wib};
use crate::support::{MessageExt, config_for, spawn_app_with_clock};

#[tokio::test]
async fn a_send_scheduled_at_a_typed_time_goes_out_when_the_clock_reaches_it() {
    let clock = sunday_morning();
    let app = spawn_app_with_clock(clock.clone()).await;
    let (koor, groups) = coordinator_with_groups(&app, 8003, "IB1-BL", &[(-8301, "RT 04")]).await;
    compose_to_my_kim(&koor, "Kerja bakti Jumat pagi").await;

    koor.press("Pada tanggal").await;
    wait_text(&koor, "WIB").await;
    for (typed, answer) in
        [("besok pagi", "belum dikenali"), ("31/02 08:00", "tidak ada di kalender"), ("20/12 09:00", "sudah lewat")]
    {
        koor.send(typed).await;
        assert!(koor.next_message().await.text.contains(answer), "{typed}");
    }
    koor.send("25/12 08:00").await;
    let confirm = wait_text(&koor, "Simpan jadwal ini?").await;
    assert!(confirm.text.contains("Jumat, 25/12/2026 08:00 WIB"), "{}", confirm.text);
    koor.press("Simpan jadwal").await;
    assert!(wait_text(&koor, "pengumuman #1").await.text.contains("/jadwal"));

    clock.set(wib(2026, 12, 25, 7, 59));
    groups[0].expect_no_message(Duration::from_millis(1500)).await;
    clock.set(wib(2026, 12, 25, 8, 0));
    assert_eq!(groups[0].next_message().await.text, "Kerja bakti Jumat pagi");
    let notice = wait_text(&koor, "Pengumuman terjadwal #1").await;
    assert!(!notice.text.contains("Terlambat"), "{}", notice.text);
    koor.press("Lihat laporan").await;
    wait_text(&koor, "Laporan pengumuman #1").await;
    groups[0].expect_no_message(Duration::from_millis(1500)).await;
    assert_eq!(app.count("SELECT COUNT(*) FROM announcements WHERE status = 'done' AND id = $1", 1).await, 1);
}

#[tokio::test]
async fn a_repeating_send_fires_once_per_day_as_the_clock_advances() {
    let clock = sunday_morning();
    let app = spawn_app_with_clock(clock.clone()).await;
    let (koor, groups) = coordinator_with_groups(&app, 8004, "IB1-BL", &[(-8401, "RT 05")]).await;
    compose_to_my_kim(&koor, "Jangan lupa buang sampah pada tempatnya").await;

    koor.press("Berulang").await;
    wait_text(&koor, "Seberapa sering").await;
    koor.press("Setiap hari 07:00").await;
    let confirm = wait_text(&koor, "Tiga pengiriman berikutnya").await;
    assert!(confirm.text.contains("setiap hari pukul 07:00") && !confirm.text.contains("* *"), "{}", confirm.text);
    for day in ["Senin, 21/12/2026 07:00 WIB", "Selasa, 22/12/2026 07:00 WIB", "Rabu, 23/12/2026 07:00 WIB"] {
        assert!(confirm.text.contains(day), "{day} in {}", confirm.text);
    }
    koor.press("Simpan jadwal").await;
    wait_text(&koor, "pengumuman #1").await;

    clock.set(wib(2026, 12, 21, 7, 0));
    assert_eq!(groups[0].next_message().await.text, "Jangan lupa buang sampah pada tempatnya");
    clock.set(wib(2026, 12, 22, 7, 0));
    assert_eq!(groups[0].next_message().await.text, "Jangan lupa buang sampah pada tempatnya");
    groups[0].expect_no_message(Duration::from_millis(1500)).await;

    assert_eq!(app.count("SELECT runs FROM announcements WHERE id = $1", 1).await, 2);
    assert_eq!(app.count("SELECT next_run_at FROM announcements WHERE id = $1", 1).await, wib(2026, 12, 23, 7, 0));
}

#[tokio::test]
async fn a_run_missed_while_the_bot_was_down_is_sent_once_and_marked_late() {
    let clock = sunday_morning();
    let mut app = spawn_app_with_clock(clock.clone()).await;
    let (koor, groups) = coordinator_with_groups(&app, 8005, "IB1-BL", &[(-8501, "RT 06")]).await;
    compose_to_my_kim(&koor, "Ronda malam").await;
    koor.press("Berulang").await;
    wait_text(&koor, "Seberapa sering").await;
    koor.press("Setiap hari 07:00").await;
    wait_text(&koor, "Tiga pengiriman berikutnya").await;
    koor.press("Simpan jadwal").await;
    wait_text(&koor, "pengumuman #1").await;

    app.stop().await;
    clock.set(wib(2026, 12, 24, 9, 0)); // three daily runs missed
    app.start().await;

    assert_eq!(groups[0].next_message().await.text, "Ronda malam");
    assert!(wait_text(&koor, "Pengumuman terjadwal #1").await.text.contains("Terlambat"));
    groups[0].expect_no_message(Duration::from_millis(1500)).await;
    assert_eq!(app.count("SELECT runs FROM announcements WHERE id = $1", 1).await, 1);
    assert_eq!(app.count("SELECT last_late FROM announcements WHERE id = $1", 1).await, 1);
    assert_eq!(app.count("SELECT next_run_at FROM announcements WHERE id = $1", 1).await, wib(2026, 12, 25, 7, 0));
    koor.send("/jadwal").await;
    let list = wait_text(&koor, "#1").await;
    assert!(list.text.contains("terlambat") && list.text.contains("Jumat, 25/12/2026 07:00 WIB"), "{}", list.text);
}

#[tokio::test]
async fn a_scheduled_send_cancelled_in_jadwal_never_goes_out() {
    let clock = sunday_morning();
    let app = spawn_app_with_clock(clock.clone()).await;
    let (koor, groups) = coordinator_with_groups(&app, 8006, "IB1-BL", &[(-8601, "RT 07")]).await;
    compose_to_my_kim(&koor, "Lomba 17an").await;
    schedule_first_on(&koor, "2026-12-26 08:00").await;

    koor.send("/jadwal").await;
    let list = wait_text(&koor, "#1").await;
    assert!(
        list.text.contains("Lomba 17an") && list.has_button("Batalkan #1") && list.has_button("Jeda #1"),
        "{}",
        list.text
    );
    koor.press("Batalkan #1").await;
    wait_text(&koor, "Batalkan pengumuman #1").await;
    koor.press("Ya, batalkan #1").await;
    let after = wait_text(&koor, "dibatalkan").await;
    assert!(after.text.contains("Tidak ada pengumuman terjadwal"), "{}", after.text);

    clock.set(wib(2026, 12, 26, 8, 1));
    groups[0].expect_no_message(Duration::from_millis(2000)).await;
    assert_eq!(app.count("SELECT COUNT(*) FROM announcements WHERE status = 'cancelled' AND id = $1", 1).await, 1);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'announcement.cancel' AND actor = $1", 8006).await,
        1
    );
}

#[tokio::test]
async fn a_paused_repeating_send_skips_its_runs_and_resumes_at_its_next_time() {
    let clock = sunday_morning();
    let app = spawn_app_with_clock(clock.clone()).await;
    let (koor, groups) = coordinator_with_groups(&app, 8007, "IB1-BL", &[(-8701, "RT 08")]).await;
    compose_to_my_kim(&koor, "Senam pagi").await;
    koor.press("Berulang").await;
    wait_text(&koor, "Seberapa sering").await;
    koor.press("Setiap Senin 08:00").await;
    wait_text(&koor, "Tiga pengiriman berikutnya").await;
    koor.press("Simpan jadwal").await;
    wait_text(&koor, "pengumuman #1").await;

    koor.send("/jadwal").await;
    wait_text(&koor, "#1").await;
    koor.press("Jeda #1").await;
    assert!(wait_text(&koor, "dijeda").await.has_button("Lanjutkan #1"));
    clock.set(wib(2026, 12, 21, 8, 0));
    groups[0].expect_no_message(Duration::from_millis(1500)).await;
    koor.press("Lanjutkan #1").await;
    let resumed = wait_text(&koor, "dilanjutkan").await;

    assert!(resumed.text.contains("Senin, 28/12/2026 08:00 WIB"), "{}", resumed.text);
    groups[0].expect_no_message(Duration::from_millis(1500)).await;
    clock.set(wib(2026, 12, 28, 8, 0));
    assert_eq!(groups[0].next_message().await.text, "Senam pagi");
}

#[tokio::test]
async fn a_cron_line_with_chosen_months_is_shown_in_words_in_jadwal() {
    let clock = sunday_morning();
    let app = spawn_app_with_clock(clock.clone()).await;
    let (koor, _) = coordinator_with_groups(&app, 8009, "IB1-BL", &[(-8901, "RT 10")]).await;
    compose_to_my_kim(&koor, "Laporan triwulan").await;
    koor.press("Berulang").await;
    wait_text(&koor, "Seberapa sering").await;
    koor.press("Ketik ekspresi cron").await;
    wait_text(&koor, "menit jam tanggal bulan hari").await;
    koor.send("0 7 1 1,4,7,10 *").await;
    let confirm = wait_text(&koor, "Tiga pengiriman berikutnya").await;
    koor.press("Simpan jadwal").await;
    wait_text(&koor, "pengumuman #1").await;

    koor.send("/jadwal").await;
    let listed = wait_text(&koor, "#1").await;

    let words = "setiap tanggal 1 Januari, April, Juli dan Oktober pukul 07:00";
    assert!(confirm.text.contains(words) && confirm.text.contains("Kamis, 01/04/2027 07:00 WIB"), "{}", confirm.text);
    assert!(listed.text.contains(words), "{}", listed.text);
    assert!(!listed.text.contains("jadwal cron"), "no raw line: {}", listed.text);
}

#[tokio::test]
async fn invalid_cron_expressions_are_refused_with_a_reason_and_a_valid_one_shows_its_next_runs() {
    let clock = sunday_morning();
    let app = spawn_app_with_clock(clock.clone()).await;
    let (koor, _) = coordinator_with_groups(&app, 8008, "IB1-BL", &[(-8801, "RT 09")]).await;
    compose_to_my_kim(&koor, "Rapat pengurus").await;
    koor.press("Berulang").await;
    wait_text(&koor, "Seberapa sering").await;
    koor.press("Ketik ekspresi cron").await;
    wait_text(&koor, "menit jam tanggal bulan hari").await;

    let refused = [
        ("0 8 * *", "lima kolom"),
        ("0 0 8 * * MON", "lima kolom"),
        ("0 8 * * 9", "Kolom hari"),
        ("0 8 1 * MON", "tanggal dan hari sekaligus"),
        ("*/5 * * * *", "terlalu sering"),
        ("61 8 * * *", "bukan jadwal cron yang sah"),
        ("0 8 30 2 *", "tidak pernah"),
    ];
    for (typed, reason) in refused {
        koor.send(typed).await;
        let answer = koor.next_message().await;
        assert!(answer.text.contains(reason), "{typed}: {}", answer.text);
    }
    koor.send("0 8 * * 1-5").await;
    let confirm = wait_text(&koor, "Tiga pengiriman berikutnya").await;

    assert!(confirm.text.contains("setiap Senin–Jumat pukul 08:00"), "{}", confirm.text);
    for day in ["Senin, 21/12/2026 08:00 WIB", "Selasa, 22/12/2026 08:00 WIB", "Rabu, 23/12/2026 08:00 WIB"] {
        assert!(confirm.text.contains(day), "{day} in {}", confirm.text);
    }
    assert_eq!(
        app.count("SELECT COUNT(*) FROM announcements WHERE author_id = $1", 8008).await,
        0,
        "nothing saved yet"
    );
}

#[tokio::test]
async fn two_processes_racing_for_the_same_due_run_fire_it_once() {
    let clock = sunday_morning();
    let mut app = spawn_app_with_clock(clock.clone()).await;
    let (koor, _) = coordinator_with_groups(&app, 8023, "IB1-BL", &[(-9701, "RT 17"), (-9702, "RT 18")]).await;
    compose_to_my_kim(&koor, "Pembagian sembako").await;
    koor.press("Berulang").await;
    wait_text(&koor, "Seberapa sering").await;
    koor.press("Setiap hari 07:00").await;
    wait_text(&koor, "Tiga pengiriman berikutnya").await;
    koor.press("Simpan jadwal").await;
    wait_text(&koor, "pengumuman #1").await;
    app.stop().await;
    let one = App::build(config_for(&app.fake, &app.database_url), clock.clone()).await.unwrap();
    let two = App::build(config_for(&app.fake, &app.database_url), clock.clone()).await.unwrap();
    let (one, two) = (Scheduler::new(one.ctx()), Scheduler::new(two.ctx()));

    clock.set(wib(2026, 12, 21, 7, 0));
    let (a, b) = tokio::join!(one.tick(), two.tick());

    assert_eq!(a.unwrap() + b.unwrap(), 1, "exactly one process fired it");
    assert_eq!(app.count("SELECT COUNT(*) FROM announcement_runs WHERE announcement_id = $1", 1).await, 1);
    let rows = "SELECT COUNT(*) FROM announcement_deliveries d JOIN announcement_runs r ON r.id = d.run_id \
                WHERE r.announcement_id = $1";
    assert_eq!(app.count(rows, 1).await, 2, "one message per group");
}
