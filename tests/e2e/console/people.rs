//! *Orang & peran* over HTTP: an admin's invite link works in Telegram, staff see
//! and act only inside their kecamatan (another's people look like nobody, and
//! their KIMs cannot be invited for), coordinators have no such page, and every
//! invite and revocation is audited.

use kimbot::kernel::members::areas;
use reqwest::StatusCode;

use super::{client, csrf_in, get, link_for, log_in, post};
use crate::aspirations::{KECAMATAN, KIM, coordinator_of, staff_of};
use crate::support::{ADMIN_ID, PersonExt, TestApp, spawn_app};

async fn kim(app: &TestApp, code: &str) -> i64 {
    areas::kim_by_code(&app.db, code).await.unwrap().unwrap().id
}

/// Posts an invite for `scope`; returns the status and the page.
async fn invite(app: &TestApp, cookie: &str, scope: &str) -> (StatusCode, String) {
    let (_, page) = get(app, cookie, "/dasbor/orang").await;
    post(app, cookie, "/dasbor/orang/undang", &[("csrf", &csrf_in(&page)), ("scope", scope)]).await
}

#[tokio::test]
async fn an_admin_invites_a_coordinator_from_the_page_and_the_link_works_in_telegram() {
    let app = spawn_app().await;
    let admin = app.member_of(ADMIN_ID, "Admin Kota", KIM).await;
    let cookie = log_in(&app, &link_for(&admin).await).await;
    let dld = kim(&app, "IB1-DLD").await;
    let (status, page) = invite(&app, &cookie, &format!("kim:{dld}")).await;
    assert_eq!(status, StatusCode::OK);
    let at = page.find("start=inv-").expect("an invite link") + "start=".len();
    let code: String = page[at..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
    assert!(page.contains("KIM Demang Lebar Daun"), "{page}");

    let koor = app.user(6601, "Koor Sari");
    koor.send(&format!("/start {code}")).await;
    koor.next_message().await;
    koor.press("Setuju").await;
    let claimed = koor.next_message_skipping_edits().await;
    assert!(claimed.text.contains("koordinator KIM untuk KIM Demang Lebar Daun"), "{}", claimed.text);

    let (_, list) = get(&app, &cookie, "/dasbor/orang?role=coordinator&q=sari").await;
    assert!(list.contains("Koor Sari (6601)") && list.contains("Admin Kota"), "who, and given by whom: {list}");
    let audited = "SELECT COUNT(*) FROM audit_log WHERE actor = $1 AND action = 'invite.create'";
    assert_eq!(app.count(audited, ADMIN_ID).await, 1);
}

#[tokio::test]
async fn staff_see_invite_and_revoke_only_inside_their_kecamatan() {
    let app = spawn_app().await;
    let staff = staff_of(&app, 6611, "Staf Rina", KECAMATAN).await;
    let _mine = coordinator_of(&app, 6612, "Koor Budi").await;
    app.grant_coordinator(6613, "KMN-KM").await;
    let _theirs = app.member_of(6613, "Koor Jauh", "KMN-KM").await;
    let _other_staff = staff_of(&app, 6614, "Staf Tono", "Kemuning").await;
    let cookie = log_in(&app, &link_for(&staff).await).await;

    let (status, list) = get(&app, &cookie, "/dasbor/orang").await;
    assert_eq!(status, StatusCode::OK);
    assert!(list.contains("Koor Budi") && !list.contains("Koor Jauh") && !list.contains("Staf Tono"), "{list}");
    assert!(!list.contains("optgroup label=\"staf Diskominfo\""), "only admins invite staff: {list}");

    let elsewhere = kim(&app, "KMN-KM").await;
    let (status, _) = invite(&app, &cookie, &format!("kim:{elsewhere}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "no invites for another kecamatan's KIM");
    let (status, _) = invite(&app, &cookie, "area:1").await;
    assert_eq!(status, StatusCode::NOT_FOUND, "staff may not grant staff");

    let csrf = csrf_in(&list);
    let (status, _) = post(&app, &cookie, "/dasbor/orang/cabut", &[("csrf", &csrf), ("user", "6613")]).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "another kecamatan's coordinator looks like nobody");
    assert_eq!(app.count("SELECT COUNT(*) FROM grants WHERE user_id = $1 AND revoked_at IS NULL", 6613).await, 1);
    let (status, _) = post(&app, &cookie, "/dasbor/orang/cabut", &[("user", "6612")]).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "no CSRF token");

    let pressed = client().post(format!("{}/dasbor/orang/cabut", app.console_url)).header("cookie", &cookie)
        .form(&[("csrf", csrf.as_str()), ("user", "6612")]).send().await.unwrap();
    assert_eq!(pressed.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.count("SELECT COUNT(*) FROM grants WHERE user_id = $1 AND revoked_at IS NULL", 6612).await, 0);
    let audited = "SELECT COUNT(*) FROM audit_log WHERE actor = $1 AND action = 'role.revoke'";
    assert_eq!(app.count(audited, 6611).await, 1);
    let (_, after) = get(&app, &cookie, "/dasbor/orang?done=revoked").await;
    assert!(after.contains("Peran dicabut") && !after.contains("Koor Budi (6612)"), "{after}");

    let coordinator = coordinator_of(&app, 6615, "Koor Dewi").await;
    let cookie = log_in(&app, &link_for(&coordinator).await).await;
    let (status, _) = get(&app, &cookie, "/dasbor/orang").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}
