//! Staff announce to registered UMKM in private chat: only owners in the chosen area,
//! sector and need who agreed to programme news get it; coordinators cannot aim at UMKM.

use std::time::Duration;

use fake_telegram::Person;

use super::steps::*;
use crate::support::{MessageExt, TestApp, spawn_app};

/// A resident with a saved UMKM registration; `news` says whether their consent to
/// programme news stands (`Some(false)`: given, then withdrawn).
async fn owner(app: &TestApp, id: i64, name: &str, kim: &str, sector: &str, news: Option<bool>) -> Person {
    let person = app.member_of(id, name, kim).await;
    let (kim_id, kelurahan) = kim_of(app, kim).await;
    sqlx::query(
        "INSERT INTO umkm_registrations (user_id, owner_name, business_name, sector, scale, kelurahan_id, kim_id, \
         phone, needs, created_at, updated_at) VALUES ($1, $2, $3, $4, 'mikro', $5, $6, '+6281234567890', 'modal,qris', 1, 1)",
    )
    .bind(id)
    .bind(name)
    .bind(format!("Usaha {name}"))
    .bind(sector)
    .bind(kelurahan)
    .bind(kim_id)
    .execute(&app.db.pool)
    .await
    .unwrap();
    consent(app, id, "umkm", None).await;
    if let Some(stands) = news {
        consent(app, id, "news", (!stands).then_some(2)).await;
    }
    person
}

async fn kim_of(app: &TestApp, code: &str) -> (i64, i64) {
    let kim = kimbot::kernel::members::areas::kim_by_code(&app.db, code).await.unwrap().unwrap();
    (kim.id.get(), kim.kelurahan_id)
}

async fn consent(app: &TestApp, id: i64, purpose: &str, withdrawn_at: Option<i64>) {
    sqlx::query(
        "INSERT INTO consents (user_id, purpose, notice_version, granted_at, withdrawn_at) VALUES ($1, $2, '1', 1, $3)",
    )
    .bind(id)
    .bind(purpose)
    .bind(withdrawn_at)
    .execute(&app.db.pool)
    .await
    .unwrap();
}

async fn compose(p: &Person, text: &str) {
    p.send("/umumkan").await;
    wait_text(p, "Tulis pengumuman").await;
    p.send(text).await;
    wait_text(p, "Tersimpan").await;
    p.press("Lanjut").await;
    wait_text(p, "Kirim ke mana?").await;
}

#[tokio::test]
async fn staff_reach_only_matching_umkm_that_agreed_to_programme_news() {
    let app = spawn_app().await;
    let ani = owner(&app, 8301, "Ani", "IB1-BL", "kuliner", Some(true)).await;
    let budi = owner(&app, 8302, "Budi", "IB1-LP", "kuliner", None).await;
    let cici = owner(&app, 8303, "Cici", "IB1-BL", "fashion", Some(true)).await;
    let dedi = owner(&app, 8304, "Dedi", "KMN-KM", "kuliner", Some(true)).await;
    let eka = owner(&app, 8305, "Eka", "IB1-BL", "kuliner", Some(false)).await;
    let staf = app.member_of(8306, "Staf", "IB1-BL").await;
    app.grant_staff(8306, "Ilir Barat I").await;

    compose(&staf, "Pelatihan pengemasan produk kuliner, gratis").await;
    staf.press("UMKM terdaftar (chat pribadi)").await;
    wait_text(&staf, "UMKM di wilayah mana?").await;
    staf.press("Kecamatan Ilir Barat I").await;
    wait_text(&staf, "Sektor usaha apa?").await;
    staf.press("Kuliner").await;
    wait_text(&staf, "Untuk kebutuhan apa?").await;
    staf.press("Semua").await;
    let choices = wait_text(&staf, "Kapan dikirim?").await;
    assert!(choices.text.contains("sektor: Kuliner; kebutuhan: semua"), "{}", choices.text);
    assert!(choices.text.contains("(1 UMKM yang setuju"), "{}", choices.text);
    staf.press("Kirim sekarang").await;

    assert_eq!(ani.next_message().await.text, "Pelatihan pengemasan produk kuliner, gratis");
    for other in [&budi, &cici, &dedi, &eka] {
        other.expect_no_message(Duration::from_millis(300)).await;
    }
    let report = refresh_until(&staf, "Terkirim 1").await;
    assert!(report.text.contains("Usaha Ani: terkirim"), "{}", report.text);
}

#[tokio::test]
async fn a_need_filter_narrows_the_umkm_and_none_matching_is_said_plainly() {
    let app = spawn_app().await;
    owner(&app, 8311, "Ani", "IB1-BL", "kuliner", Some(true)).await;
    let staf = app.member_of(8312, "Staf", "IB1-BL").await;
    app.grant_staff(8312, "Ilir Barat I").await;

    compose(&staf, "Bantuan alat pertanian").await;
    staf.press("UMKM terdaftar (chat pribadi)").await;
    wait_text(&staf, "UMKM di wilayah mana?").await;
    staf.press("Kecamatan Ilir Barat I").await;
    wait_text(&staf, "Sektor usaha apa?").await;
    staf.press("Semua").await;
    wait_text(&staf, "Untuk kebutuhan apa?").await;
    staf.press("Kemasan").await;
    assert!(wait_text(&staf, "Kapan dikirim?").await.text.contains("(0 UMKM"));
    staf.press("Kirim sekarang").await;

    assert!(wait_text(&staf, "Belum ada UMKM di tujuan ini").await.text.contains("Ubah tujuan"));
}

#[tokio::test]
async fn a_coordinator_gets_no_umkm_target_and_forged_umkm_buttons_are_refused() {
    let app = spawn_app().await;
    let (koor, _) = coordinator_with_groups(&app, 8321, "IB1-BL", &[(-9821, "RT 31")]).await;
    let ani = owner(&app, 8322, "Ani", "IB1-BL", "kuliner", Some(true)).await;
    let (_, kelurahan) = kim_of(&app, "IB1-BL").await;
    let kecamatan = app.count("SELECT parent_id FROM areas WHERE id = $1", kelurahan).await;

    koor.send("/umumkan").await;
    wait_text(&koor, "Tulis pengumuman").await;
    koor.send("Info UMKM").await;
    wait_text(&koor, "Tersimpan").await;
    koor.press("Lanjut").await;
    let menu = wait_text(&koor, "Kirim ke mana?").await;
    assert!(!menu.has_button("UMKM terdaftar (chat pribadi)"), "{:?}", menu.button_labels());

    for forged in ["n:u".to_string(), format!("n:ua:{kecamatan}"), format!("n:un:{kecamatan}:x:x")] {
        let cb = koor.press_data(menu.message_id, &forged).await;
        assert_eq!(answer_to(&koor, &cb).await.as_deref(), Some("Tombol ini sudah tidak berlaku."), "{forged}");
    }
    ani.expect_no_message(Duration::from_millis(300)).await;
}
