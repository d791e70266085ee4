//! *KIM & wilayah* over HTTP: admins only; a KIM added from the page is offered in
//! `/start` at once; a taken code is refused; a rename shows in the tree; audited.

use kimbot::kernel::members::areas;
use reqwest::StatusCode;

use super::{csrf_in, get, link_for, log_in, post};
use crate::aspirations::{KECAMATAN, KIM, staff_of};
use crate::support::{ADMIN_ID, MessageExt, PersonExt, TestApp, spawn_app};

pub(super) async fn kelurahan(app: &TestApp, name: &str) -> i64 {
    areas::areas_named(&app.db, name).await.unwrap().into_iter().find(|a| a.kind == "kelurahan").unwrap().id
}

/// Walks a new resident through `/start` to the KIM list of Kemuning › Sekip Jaya.
pub(super) async fn kims_offered_in_sekip_jaya(app: &TestApp, user: i64) -> fake_telegram::BotMessage {
    let resident = app.user(user, "Warga Baru");
    resident.send("/start").await;
    resident.next_message().await;
    resident.press("Setuju").await;
    resident.next_message_skipping_edits().await;
    resident.press("Kemuning").await;
    resident.next_message().await;
    resident.press("Sekip Jaya").await;
    resident.next_message().await
}

#[tokio::test]
async fn an_admin_adds_and_renames_a_kim_that_start_offers_at_once() {
    let app = spawn_app().await;
    let staff = staff_of(&app, 6701, "Staf Rina", KECAMATAN).await;
    let cookie = log_in(&app, &link_for(&staff).await).await;
    let (status, _) = get(&app, &cookie, "/dasbor/kim").await;
    assert_eq!(status, StatusCode::FORBIDDEN, "admins only");

    let admin = app.member_of(ADMIN_ID, "Admin Kota", KIM).await;
    let cookie = log_in(&app, &link_for(&admin).await).await;
    let (status, page) = get(&app, &cookie, "/dasbor/kim").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("KIM Bukit Lama") && page.contains("<th class=\"num\">Warga</th>"), "{page}");
    let csrf = csrf_in(&page);
    let kel = kelurahan(&app, "Sekip Jaya").await.to_string();
    let (status, _) = post(&app, &cookie, "/dasbor/kim/tambah", &[("csrf", &csrf), ("kelurahan", &kel), ("code", "kmn-sj2"), ("name", "KIM Sekip Maju")]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, taken) = post(&app, &cookie, "/dasbor/kim/tambah", &[("csrf", &csrf), ("kelurahan", &kel), ("code", "KMN-SJ2"), ("name", "Lagi")]).await;
    assert!(taken.is_empty(), "a redirect");
    let (_, flash) = get(&app, &cookie, "/dasbor/kim?done=taken").await;
    assert!(flash.contains("sudah dipakai"), "{flash}");

    let offered = kims_offered_in_sekip_jaya(&app, 6702).await;
    assert!(offered.has_button("KIM Sekip Maju"), "{offered:?}");
    let added = areas::kim_by_code(&app.db, "KMN-SJ2").await.unwrap().unwrap();
    let (status, _) = post(&app, &cookie, "/dasbor/kim/ubah", &[("csrf", &csrf), ("kim", &added.id.to_string()), ("name", "KIM Sekip Jaya Maju"), ("kelurahan", &kel)]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, tree) = get(&app, &cookie, "/dasbor/kim?done=changed").await;
    assert!(tree.contains("KIM Sekip Jaya Maju") && tree.contains("KIM diubah"), "{tree}");
    for action in ["area.kim_add", "area.kim_change"] {
        let sql = sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM audit_log WHERE actor = $1 AND action = '{action}'"));
        let n: i64 = sqlx::query_scalar(sql).bind(ADMIN_ID).fetch_one(&app.db.pool).await.unwrap();
        assert_eq!(n, 1, "{action}");
    }
}

#[tokio::test]
async fn a_retired_kim_asks_its_residents_to_choose_again_and_start_no_longer_offers_it() {
    let app = spawn_app().await;
    let admin = app.member_of(ADMIN_ID, "Admin Kota", KIM).await;
    let resident = app.member_of(6811, "Warga Sekip", "KMN-SJ").await;
    app.grant_coordinator(6812, "KMN-SJ").await;
    let coordinator = app.member_of(6812, "Koor Sekip", "KMN-SJ").await;
    let cookie = log_in(&app, &link_for(&admin).await).await;
    let (_, page) = get(&app, &cookie, "/dasbor/kim").await;
    let csrf = csrf_in(&page);
    let kel = kelurahan(&app, "Sekip Jaya").await.to_string();
    let (status, _) = post(&app, &cookie, "/dasbor/kim/tambah", &[("csrf", &csrf), ("kelurahan", &kel), ("code", "KMN-SJ2"), ("name", "KIM Sekip Maju")]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let old = areas::kim_by_code(&app.db, "KMN-SJ").await.unwrap().unwrap();
    let new = areas::kim_by_code(&app.db, "KMN-SJ2").await.unwrap().unwrap();

    let (status, _) = post(&app, &cookie, "/dasbor/kim/pensiun", &[("csrf", &csrf), ("kim", &old.id.to_string())]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, flash) = get(&app, &cookie, "/dasbor/kim?done=retired").await;
    assert!(flash.contains("KIM dipensiunkan") && flash.contains("KIM yang sudah dipensiunkan"), "{flash}");
    let (status, _) = post(&app, &cookie, "/dasbor/kim/pensiun", &[("csrf", &csrf), ("kim", &old.id.to_string())]).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "retired once");

    let told = coordinator.next_message_skipping_edits().await;
    assert!(told.text.contains("peran koordinator Anda"), "{}", told.text);
    assert_eq!(app.count("SELECT COUNT(*) FROM grants WHERE user_id = $1 AND revoked_at IS NULL", 6812).await, 0);

    let asked = resident.next_message_skipping_edits().await;
    assert!(asked.text.contains("KIM Sekip Jaya tidak aktif lagi"), "{}", asked.text);
    assert!(asked.has_button("KIM Sekip Maju (KMN-SJ2)") && !asked.has_button("(KMN-SJ)"), "{asked:?}");
    resident.press("KIM Sekip Maju").await;
    let joined = resident.next_message().await;
    assert!(joined.text.contains("KIM Sekip Maju"), "{}", joined.text);
    assert_eq!(app.count("SELECT kim_id FROM users WHERE id = $1", 6811).await, new.id.get());

    let offered = kims_offered_in_sekip_jaya(&app, 6813).await;
    assert!(offered.has_button("KIM Sekip Maju") && !offered.has_button("(KMN-SJ)"), "{offered:?}");
    let audited = "SELECT COUNT(*) FROM audit_log WHERE actor = $1 AND action = 'area.kim_retire'";
    assert_eq!(app.count(audited, ADMIN_ID).await, 1);
}
