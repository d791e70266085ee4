//! `kode_wilayah` travels with the area: the aspirations export gets a column for the
//! kelurahan it shows (empty for a hand-made area without a code), for KIMs loaded
//! from the official list as for the coded CSV.

use std::sync::Arc;

use kimbot::features::aspirations::model::Category;
use kimbot::features::aspirations::store::{self, NewAspiration};
use kimbot::platform::export::Progress;
use kimbot::features::aspirations::report::{self as report, AspSpec};
use kimbot::platform::export::period::Period;
use kimbot::features::aspirations::report::query::AspFilter;

use super::kimbot_areas;
use crate::support::{TestApp, spawn_app};

/// 2026-11-02 09:00 WIB.
const NOV_2_0900: i64 = 1_793_584_800;

async fn ticket(app: &TestApp, user: i64, kim: &str, body: &str) {
    sqlx::query("INSERT INTO users (id, first_name, language, created_at, updated_at) VALUES ($1, 'Warga', 'id', 0, 0)")
        .bind(user)
        .execute(&app.db.pool)
        .await
        .unwrap();
    let kim = kimbot::kernel::members::areas::kim_by_code(&app.db, kim).await.unwrap().unwrap();
    let new = NewAspiration { user_id: user, kim_id: kim.id.get(), category: Category::Infrastruktur, body: body.into(), photos: vec![], location: None, anonymous: false };
    store::submit(&app.db, &new, 2026, NOV_2_0900, &[]).await.unwrap();
}

#[tokio::test]
async fn the_aspirations_export_carries_the_kode_wilayah_of_each_ticket() {
    let app = spawn_app().await;
    kimbot_areas(&app, &["areas", "import", "--kecamatan", "16.71.17", "--kims"]).await;
    ticket(&app, 7101, "IB1-BL", "Jalan Bukit Lama berlubang.").await;
    ticket(&app, 7102, "KMN-KM", "Pasar Kemuning butuh parkir.").await;
    let official = kimbot::kernel::members::areas::all_kims_with_codes(&app.db).await.unwrap();
    let (jakabaring, code) = official.iter().find(|(_, code)| code.as_deref().is_some_and(|c| c.starts_with("16.71.17."))).unwrap();
    ticket(&app, 7103, &jakabaring.code, "Lampu jalan mati.").await;
    let dir = tempfile::tempdir().unwrap();
    let tz: chrono_tz::Tz = "Asia/Jakarta".parse().unwrap();
    let period = Period::parse("1/11/2026 - 30/11/2026").unwrap();
    let (from, to) = period.bounds(tz);
    let spec = AspSpec {
        filter: AspFilter { from, to, area_path: None, show_names: true },
        period,
        area_label: "Kota Palembang".into(),
        lang: kimbot::platform::i18n::Lang::Id,
        tz,
    };

    let out = report::export(&app.db, &spec, dir.path(), Arc::new(Progress::default())).await.unwrap();

    let csv = std::fs::read_to_string(&out.csv).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].ends_with(";Kode wilayah"), "the last column: {}", lines[0]);
    assert!(lines[1].contains("Bukit Lama") && lines[1].ends_with(";16.71.04.1001"), "{}", lines[1]);
    assert!(lines[2].contains("Kemuning") && lines[2].ends_with(';'), "no code, an empty cell: {}", lines[2]);
    assert!(lines[3].ends_with(&format!(";{}", code.as_deref().unwrap())), "an official KIM: {}", lines[3]);
}
