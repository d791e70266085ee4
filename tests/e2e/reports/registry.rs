//! The UMKM registry and training attendance exports (CLI path, library level).

use std::sync::Arc;

use kimbot::platform::export::Progress;
use kimbot::features::umkm::report::{self as registry, UmkmFilter};
use kimbot::features::umkm::model::{Need, Sector};

use super::{TestApp, cell, row, seat, sheet};
use crate::support::spawn_app;

pub(super) async fn business(app: &TestApp, user: i64, name: &str, kim: &str, sector: &str, needs: &str) {
    let kim = kimbot::kernel::members::areas::kim_by_code(&app.db, kim).await.unwrap().unwrap();
    sqlx::query("INSERT INTO users (id, first_name, language, created_at, updated_at) VALUES ($1, $2, 'id', 0, 0)")
        .bind(user)
        .bind(name)
        .execute(&app.db.pool)
        .await
        .unwrap();
    sqlx::query(
        "INSERT INTO umkm_registrations (user_id, owner_name, business_name, sector, scale, kelurahan_id, kim_id, phone, \
         nib, needs, description, created_at, updated_at) VALUES ($1, $2, $3, $4, 'mikro', $5, $6, '+6281234567890', NULL, $7, NULL, $8, $8)",
    )
    .bind(user)
    .bind(name)
    .bind(format!("Usaha {name}"))
    .bind(sector)
    .bind(kim.kelurahan_id)
    .bind(kim.id)
    .bind(needs)
    .bind(1_793_584_800i64)
    .execute(&app.db.pool)
    .await
    .unwrap();
}

#[tokio::test]
async fn the_umkm_export_filters_by_area_sector_and_need() {
    let app = spawn_app().await;
    business(&app, 7201, "Bu Ani", "IB1-BL", "kuliner", "modal,qris").await;
    business(&app, 7202, "Pak Edi", "IB1-BB", "kuliner", "pelatihan").await;
    business(&app, 7203, "Bu Rita", "KMN-KM", "kuliner", "modal").await;
    let dir = tempfile::tempdir().unwrap();
    let tz = "Asia/Jakarta".parse().unwrap();
    let filter = UmkmFilter {
        area_path: Some("Kota Palembang/Ilir Barat I".into()),
        sector: Some(Sector::Kuliner),
        need: Some(Need::Modal),
    };

    let out = registry::export_umkm(&app.db, &filter, kimbot::platform::i18n::Lang::Id, tz, dir.path(), Arc::new(Progress::default()))
        .await
        .unwrap();

    assert_eq!(out.rows, 1);
    let umkm = sheet(&out.xlsx, "UMKM");
    assert_eq!(
        row(&umkm, 1, 11),
        ["Usaha Bu Ani", "Bu Ani", "Kuliner", "Mikro", "Bukit Lama", "KIM Bukit Lama", "+6281234567890", "", "Modal, QRIS / pembayaran digital", "", "2026-11-02 09:00"]
    );
    assert_eq!(cell(&umkm, 2, 0), "");
    let csv = std::fs::read_to_string(&out.csv).unwrap();
    assert!(csv.contains(";+6281234567890;") && !csv.contains("Pak Edi") && !csv.contains("Bu Rita"), "{csv}");
}

#[tokio::test]
async fn the_attendance_export_lists_registered_people_then_the_waitlist() {
    let app = spawn_app().await;
    let kim = kimbot::kernel::members::areas::kim_by_code(&app.db, "IB1-BL").await.unwrap().unwrap();
    let training: i64 = {
        use sqlx::Row;
        sqlx::query(
            "INSERT INTO trainings (kim_id, title, organiser, description, starts_at, ends_at, quota, status, created_by, created_at, updated_at) \
             VALUES ($1, 'Foto produk', 'Diskominfo', 'Belajar foto produk', 100, 200, 1, 'open', 9000, 0, 0) RETURNING id",
        )
        .bind(kim.id)
        .fetch_one(&app.db.pool)
        .await
        .unwrap()
        .try_get("id")
        .unwrap()
    };
    for (user, name, status, seq, attended) in [(7301i64, "Ani", "waitlisted", 2i64, None), (7302, "Edi", "registered", 1, Some(1i64))] {
        seat(&app, training, user, name, status, seq, attended).await;
    }
    let dir = tempfile::tempdir().unwrap();

    let out = kimbot::features::trainings::report::export_attendance(&app.db, training, kimbot::platform::i18n::Lang::Id, "Asia/Jakarta".parse().unwrap(), dir.path(), Arc::new(Progress::default()))
        .await
        .unwrap();

    let att = sheet(&out.xlsx, "Kehadiran");
    assert_eq!(row(&att, 0, 7), ["No", "Nama", "Username", "ID Telegram", "Status", "Hadir", "Terdaftar"]);
    assert_eq!(row(&att, 1, 7), ["1", "Edi", "", "7302", "Terdaftar", "Hadir", "2026-11-02 09:00"]);
    assert_eq!(row(&att, 2, 7), ["2", "Ani", "", "7301", "Daftar tunggu", "", "2026-11-02 09:00"]);
    assert!(out.csv.ends_with("kehadiran-foto-produk-1970-01-01-titikkoma.csv"), "title and first day (WIB): {}", out.csv.display());
}
