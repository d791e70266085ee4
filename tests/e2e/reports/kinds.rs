//! `/laporan`'s UMKM registry and training attendance: chosen with buttons, scoped
//! to the staff member's area on every press, sent as the CLI's XLSX and CSV, audited.

use std::time::Duration;
use kimbot::kernel::members::UserId;

use calamine::{Data, Range, Reader, Xlsx};
use fake_telegram::{BotMessage, Person};
use sqlx::Row;

use super::registry::business;
use super::{STALE, TestApp, cell, row, seat, staff, wait_answer};
use crate::support::{MessageExt, spawn_app};

/// The sheet `name` of the XLSX sent as `file_name` (the fake keeps binary uploads as hex).
pub(super) async fn sent_sheet(app: &TestApp, file_name: &str, name: &str) -> Range<Data> {
    let call = app.wait_for_call("sendDocument", |p| p["document"]["file_name"] == file_name).await;
    let hex = call.params["document"]["hex"].as_str().expect("binary upload");
    let bytes: Vec<u8> = (0..hex.len()).step_by(2).map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap()).collect();
    let mut book = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    book.worksheet_range(name).unwrap()
}

/// Presses `label` and waits for the progress message to turn into the outcome.
pub(super) async fn finish(p: &Person, label: &str, done: &str) -> BotMessage {
    p.press(label).await;
    loop {
        let m = p.next_message().await;
        if m.text.contains(done) {
            return m;
        }
    }
}

pub(super) async fn last_export(app: &TestApp, actor: i64) -> String {
    sqlx::query("SELECT detail FROM audit_log WHERE action = 'report.export' AND actor = $1 ORDER BY id DESC")
        .bind(actor)
        .fetch_one(&app.db.pool)
        .await
        .unwrap()
        .try_get("detail")
        .unwrap()
}

#[tokio::test]
async fn kecamatan_staff_get_their_umkm_registry_as_xlsx_with_the_right_cells() {
    let app = spawn_app().await;
    business(&app, 7401, "Bu Ani", "IB1-BL", "kuliner", "modal,qris").await;
    business(&app, 7402, "Pak Edi", "IB1-BB", "kuliner", "pelatihan").await;
    business(&app, 7403, "Bu Rita", "KMN-KM", "kuliner", "modal").await;
    business(&app, 7404, "Pak Joko", "IB1-BL", "jasa", "modal").await;
    let rina = staff(&app, 7410, "Ilir Barat I").await;

    rina.send("/laporan").await;
    rina.next_message().await;
    rina.press("Daftar UMKM").await;
    let areas = rina.next_message().await;
    assert!(areas.has_button("Seluruh Ilir Barat I") && areas.has_button("Bukit Lama") && !areas.has_button("Kemuning"), "{:?}", areas.button_labels());
    rina.press("Seluruh Ilir Barat I").await;
    assert!(rina.next_message().await.text.contains("Sektor usaha apa?"));
    rina.press("Kuliner").await;
    assert!(rina.next_message().await.text.contains("kebutuhan apa?"));
    let done = finish(&rina, "Semua", "Daftar UMKM").await;

    assert!(done.text.contains("2 usaha") && done.text.contains("sektor: Kuliner; kebutuhan: semua"), "{}", done.text);
    let umkm = sent_sheet(&app, "umkm-ilir-barat-i-kuliner.xlsx", "UMKM").await;
    assert_eq!(row(&umkm, 0, 3), ["Nama usaha", "Pemilik", "Sektor"]);
    assert_eq!(
        row(&umkm, 1, 11),
        ["Usaha Bu Ani", "Bu Ani", "Kuliner", "Mikro", "Bukit Lama", "KIM Bukit Lama", "+6281234567890", "", "Modal, QRIS / pembayaran digital", "", "2026-11-02 09:00"]
    );
    assert_eq!(row(&umkm, 2, 6), ["Usaha Pak Edi", "Pak Edi", "Kuliner", "Mikro", "Bukit Baru", "KIM Bukit Baru"]);
    assert_eq!(cell(&umkm, 3, 0), "", "Kemuning and other sectors stay out");
    app.wait_for_call("sendDocument", |p| p["document"]["file_name"] == "umkm-ilir-barat-i-kuliner-titikkoma.csv").await;
    assert_eq!(last_export(&app, 7410).await, "kind=umkm scope=Kota Palembang/Ilir Barat I sector=kuliner need=all rows=2");
}

#[tokio::test]
async fn umkm_presses_outside_the_scope_or_after_losing_the_role_are_refused() {
    let app = spawn_app().await;
    let rina = staff(&app, 7420, "Ilir Barat I").await;
    let kemuning = kimbot::kernel::members::areas::find_scope_areas(&app.db, "Kemuning").await.unwrap().remove(0);
    rina.send("/laporan").await;
    rina.next_message().await;
    rina.press("Daftar UMKM").await;
    let areas = rina.next_message().await;

    for forged in [format!("r:ua:{}", kemuning.id), format!("r:un:{}:-:-", kemuning.id)] {
        let id = rina.press_data(areas.message_id, &forged).await;
        assert_eq!(wait_answer(&rina, &id).await.as_deref(), Some(STALE), "{forged}");
    }
    rina.press("Seluruh Ilir Barat I").await;
    let sectors = rina.next_message().await;
    kimbot::kernel::members::roles::revoke_all(&app.db, UserId(7420), 1).await.unwrap();
    let id = rina.press_data(sectors.message_id, &sectors.buttons[0][0].callback_data.clone().unwrap()).await;
    assert_eq!(wait_answer(&rina, &id).await.as_deref(), Some(STALE));
    rina.expect_no_message(Duration::from_millis(300)).await;
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'report.export' AND actor = $1", 7420).await, 0);
}

async fn training(app: &TestApp, kim: &str, title: &str) -> i64 {
    let kim = kimbot::kernel::members::areas::kim_by_code(&app.db, kim).await.unwrap().unwrap();
    let start = chrono::Utc::now().timestamp() + 7 * 86_400;
    sqlx::query(
        "INSERT INTO trainings (kim_id, title, organiser, description, starts_at, ends_at, quota, status, created_by, created_at, updated_at) \
         VALUES ($1, $2, 'Diskominfo', 'Belajar', $3, $4, 2, 'open', 9000, 0, 0) RETURNING id",
    )
    .bind(kim.id)
    .bind(title)
    .bind(start)
    .bind(start + 3600)
    .fetch_one(&app.db.pool)
    .await
    .unwrap()
    .try_get("id")
    .unwrap()
}

#[tokio::test]
async fn staff_export_attendance_of_a_training_in_their_kecamatan_only() {
    let app = spawn_app().await;
    let photo = training(&app, "IB1-BL", "Foto produk").await;
    let batik = training(&app, "KMN-KM", "Membatik Kemuning").await;
    seat(&app, photo, 7431, "Edi", "registered", 1, Some(1)).await;
    seat(&app, photo, 7432, "Budi", "registered", 2, Some(0)).await;
    seat(&app, photo, 7433, "Ani", "waitlisted", 3, None).await;
    let rina = staff(&app, 7430, "Ilir Barat I").await;

    rina.send("/laporan").await;
    rina.next_message().await;
    rina.press("Kehadiran pelatihan").await;
    let list = rina.next_message().await;
    assert!(list.has_button("Foto produk · KIM Bukit Lama") && !list.has_button("Membatik"), "{:?}", list.button_labels());
    let forged = rina.press_data(list.message_id, &format!("r:tr:{batik}")).await;
    assert_eq!(wait_answer(&rina, &forged).await.as_deref(), Some(STALE));
    let done = finish(&rina, "Foto produk", "Kehadiran pelatihan").await;

    assert!(done.text.contains("\"Foto produk\": 3 orang"), "{}", done.text);
    let starts = app.count("SELECT starts_at FROM trainings WHERE id = $1", photo).await;
    let day = chrono::DateTime::from_timestamp(starts + 7 * 3600, 0).unwrap().format("%Y-%m-%d");
    let att = sent_sheet(&app, &format!("kehadiran-foto-produk-{day}.xlsx"), "Kehadiran").await;
    assert_eq!(row(&att, 1, 7), ["1", "Edi", "", "7431", "Terdaftar", "Hadir", "2026-11-02 09:00"]);
    assert_eq!(row(&att, 2, 6), ["2", "Budi", "", "7432", "Terdaftar", "Tidak hadir"]);
    assert_eq!(row(&att, 3, 6), ["3", "Ani", "", "7433", "Daftar tunggu", ""]);
    assert_eq!(last_export(&app, 7430).await, format!("kind=attendance training={photo} scope=Kota Palembang/Ilir Barat I/Bukit Lama rows=3"));
}

#[tokio::test]
async fn a_coordinator_cannot_press_the_report_kinds() {
    let app = spawn_app().await;
    app.grant_coordinator(7440, "IB1-BL").await;
    let koor = app.member_of(7440, "Koor", "IB1-BL").await;
    let photo = training(&app, "IB1-BL", "Foto produk").await;
    koor.send("/laporan").await;
    assert!(koor.next_message().await.text.contains("Laporan apa"), "coordinators get the survey kind only");

    for data in ["r:k:u".to_string(), "r:k:t".to_string(), "r:k:f".to_string(), format!("r:tr:{photo}")] {
        let id = koor.press_data(1, &data).await;
        assert_eq!(wait_answer(&koor, &id).await.as_deref(), Some(STALE), "{data}");
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'report.export' AND actor = $1", 7440).await, 0);
}
