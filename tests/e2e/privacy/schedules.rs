//! Schedules do not outlive their author (issue 16 item 2): when a coordinator
//! erases their data or loses their role, their repeating announcement is paused,
//! the staff covering the area are told and can take it over from `/jadwal`.

use std::time::Duration;

use fake_telegram::{Group, Person};
use kimbot::kernel::members::{UserId, roles};

use crate::announcements::steps::{compose_to_my_kim, coordinator_with_groups, sunday_morning, wait_button, wait_text, wib};
use crate::support::{MessageExt, TestApp, spawn_app_with_clock};

const STAFF: i64 = 8120;
const KOOR: i64 = 8121;

/// Staff of the kecamatan, and a coordinator with one group and a daily 07:00 send
/// ("Ronda malam") saved as announcement #1.
async fn daily_send(app: &TestApp) -> (Person, Person, Group) {
    let staff = app.member_of(STAFF, "Staf Kecamatan", "IB1-BL").await;
    app.grant_staff(STAFF, "Ilir Barat I").await;
    let (koor, groups) = coordinator_with_groups(app, KOOR, "IB1-BL", &[(-8311, "RT 01")]).await;
    compose_to_my_kim(&koor, "Ronda malam").await;
    koor.press("Berulang").await;
    wait_text(&koor, "Seberapa sering").await;
    koor.press("Setiap hari 07:00").await;
    wait_text(&koor, "Tiga pengiriman berikutnya").await;
    koor.press("Simpan jadwal").await;
    wait_text(&koor, "pengumuman #1").await;
    let group = groups.into_iter().next().unwrap();
    (staff, koor, group)
}

async fn nothing_fires(app: &TestApp, koor: &Person, group: &Group) {
    group.expect_no_message(Duration::from_millis(1500)).await;
    koor.expect_no_message(Duration::from_millis(500)).await;
    assert_eq!(app.count("SELECT runs FROM announcements WHERE id = $1", 1).await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM announcements WHERE status = 'paused' AND id = $1", 1).await, 1);
}

#[tokio::test]
async fn a_repeating_send_stops_when_its_author_erases_their_data_and_staff_can_take_it_over() {
    let clock = sunday_morning();
    let app = spawn_app_with_clock(clock.clone()).await;
    let (staff, koor, group) = daily_send(&app).await;

    koor.send("/hapusdata").await;
    wait_button(&koor, "Hapus").await;
    koor.press("Hapus").await;
    let done = wait_text(&koor, "sudah dihapus").await;
    assert!(done.text.contains("1 pengumuman terjadwal Anda dijeda"), "{}", done.text);
    let told = wait_text(&staff, "dijeda").await;
    clock.set(wib(2026, 12, 21, 7, 0));

    assert!(told.text.contains("#1") && told.text.contains("Ronda malam") && told.text.contains("menghapus datanya"), "{}", told.text);
    nothing_fires(&app, &koor, &group).await;
    assert_eq!(app.count("SELECT author_id FROM announcements WHERE id = $1", 1).await, 0);
    staff.send("/jadwal").await;
    assert!(wait_text(&staff, "#1").await.has_button("Lanjutkan #1"));
    staff.press("Lanjutkan #1").await;
    wait_text(&staff, "dilanjutkan").await;
    clock.set(wib(2026, 12, 22, 7, 0));
    assert_eq!(group.next_message().await.text, "Ronda malam");
    assert!(wait_text(&staff, "Pengumuman terjadwal #1").await.text.contains("1 grup"));
    assert_eq!(app.count("SELECT author_id FROM announcements WHERE id = $1", 1).await, STAFF);
}

#[tokio::test]
async fn revoking_a_coordinators_roles_on_the_command_line_pauses_their_schedules_and_tells_staff() {
    let clock = sunday_morning();
    let app = spawn_app_with_clock(clock.clone()).await;
    let (staff, koor, group) = daily_send(&app).await;

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kimbot"))
        .args(["revoke", "--user", &KOOR.to_string()])
        .env("DATABASE_URL", &app.database_url)
        .env("TELOXIDE_TOKEN", fake_telegram::TOKEN)
        .env_remove("KIMBOT_ADMINS")
        .env_remove("KIMBOT_TZ")
        .output()
        .expect("kimbot runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let told = wait_text(&staff, "dijeda").await;
    clock.set(wib(2026, 12, 21, 7, 0));

    assert!(String::from_utf8_lossy(&out.stdout).contains("1 scheduled announcement(s) paused"));
    assert!(told.text.contains("#1") && told.text.contains("tidak lagi memegang peran"), "{}", told.text);
    nothing_fires(&app, &koor, &group).await;
}

#[tokio::test]
async fn a_due_schedule_whose_author_has_no_role_left_is_paused_instead_of_fired() {
    let clock = sunday_morning();
    let app = spawn_app_with_clock(clock.clone()).await;
    let (staff, koor, group) = daily_send(&app).await;

    // A role taken away without going through the hand-over (e.g. straight in the database).
    roles::revoke_all(&app.db, UserId(KOOR), 1).await.unwrap();
    clock.set(wib(2026, 12, 21, 7, 0));

    let told = wait_text(&staff, "dijeda").await;
    assert!(told.text.contains("#1"), "{}", told.text);
    nothing_fires(&app, &koor, &group).await;
}
