//! Issue 16: `/jadwal` keeps a history of what went out (sent at once or by a
//! schedule), paged, each run with its delivery report; only one's own area's.

use super::steps::{schedule_first_on, compose_to_my_kim, coordinator_with_groups, sunday_morning, wait_button, wait_text, wib};
use crate::support::spawn_app_with_clock;

#[tokio::test]
async fn jadwal_keeps_a_paged_history_of_runs_with_their_reports_after_they_fire() {
    let clock = sunday_morning();
    let app = spawn_app_with_clock(clock.clone()).await;
    let (koor, groups) = coordinator_with_groups(&app, 7701, "IB1-BL", &[(-7711, "RT 51")]).await;
    let (other, _) = coordinator_with_groups(&app, 7702, "KMN-KM", &[(-7712, "RT 52")]).await;
    compose_to_my_kim(&koor, "Sekali saja: rapat Sabtu").await;
    schedule_first_on(&koor, "2026-12-21 08:00").await;
    for i in 2..=6 {
        compose_to_my_kim(&koor, &format!("Kabar nomor {i}")).await;
        koor.press("Kirim sekarang").await;
        wait_text(&koor, &format!("Laporan pengumuman #{i}")).await;
    }
    clock.set(wib(2026, 12, 21, 8, 0));
    wait_text(&koor, "Pengumuman terjadwal #1").await;
    assert_eq!(groups[0].next_message().await.text, "Kabar nomor 2");

    koor.send("/jadwal").await;
    let list = wait_button(&koor, "Riwayat pengiriman").await;
    assert!(list.text.contains("Tidak ada pengumuman terjadwal"), "the fired one left the schedule: {}", list.text);
    koor.press("Riwayat pengiriman").await;
    let first = wait_text(&koor, "halaman 1 dari 2").await;
    let newest = first.text.find("#1 · pengiriman ke-1").expect("the scheduled run, fired last, comes first");
    assert!(newest < first.text.find("#6").unwrap() && !first.text.contains("#2 "), "{}", first.text);
    assert!(first.text.contains("Sekali saja: rapat Sabtu") && first.text.contains("Senin, 21/12/2026 08:00 WIB"), "{}", first.text);
    koor.press("›").await;
    let second = wait_text(&koor, "halaman 2 dari 2").await;
    assert!(second.text.contains("#2 · pengiriman ke-1") && second.text.contains("✅ 1 · ❌ 0 · ⏳ 0"), "{}", second.text);
    koor.press("Laporan #2 ke-1").await;
    let report = wait_text(&koor, "Laporan pengumuman #2").await;
    assert!(!report.edited && report.text.contains("RT 51: terkirim"), "{report:?}");

    let staf = app.member_of(7703, "Staf", "IB1-LP").await;
    app.grant_staff(7703, "Ilir Barat I").await;
    staf.send("/jadwal").await;
    wait_button(&staf, "Riwayat pengiriman").await;
    staf.press("Riwayat pengiriman").await;
    assert!(wait_text(&staf, "halaman 1 dari 2").await.text.contains("#6 · pengiriman ke-1"), "staff see their area's history");

    other.send("/jadwal").await;
    wait_button(&other, "Riwayat pengiriman").await;
    other.press("Riwayat pengiriman").await;
    assert!(wait_text(&other, "halaman 1 dari 1").await.text.contains("Belum ada pengumuman yang terkirim"));
    let forged = other.press_data(other.last_message().unwrap().message_id, "n:ro:2:1").await;
    assert_eq!(super::steps::answer_to(&other, &forged).await.as_deref(), Some("Tombol ini sudah tidak berlaku."));
}
