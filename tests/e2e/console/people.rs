//! *Orang & peran* over HTTP: an admin's invite link works in Telegram, staff see
//! and act only inside their kecamatan (another's people look like nobody, and
//! their KIMs cannot be invited for), coordinators have no such page, and every
//! invite and revocation is audited.

use kimbot::kernel::members::{UserId, areas};
use reqwest::StatusCode;

use super::{client, csrf_in, get, link_for, log_in, post};
use crate::aspirations::{KECAMATAN, KIM, coordinator_of, next_skipping_notices, staff_of};
use crate::support::{ADMIN_ID, PersonExt, TestApp, spawn_app};

async fn kim(app: &TestApp, code: &str) -> i64 {
    (areas::kim_by_code(&app.db, code).await.unwrap().unwrap().id).get()
}

/// Posts an invite for `scope`; returns the status and the page, following the
/// redirect to the page that shows the invite (as a browser does).
async fn invite(app: &TestApp, cookie: &str, scope: &str) -> (StatusCode, String) {
    let (status, _, page) = invite_at(app, cookie, scope).await;
    (status, page)
}

/// [`invite`], also returning where the form redirected to.
async fn invite_at(app: &TestApp, cookie: &str, scope: &str) -> (StatusCode, String, String) {
    let (_, page) = get(app, cookie, "/dasbor/orang").await;
    let r = client().post(format!("{}/dasbor/orang/undang", app.console_url)).header("cookie", cookie)
        .form(&[("csrf", csrf_in(&page).as_str()), ("scope", scope)]).send().await.unwrap();
    if r.status() != StatusCode::SEE_OTHER {
        return (r.status(), String::new(), r.text().await.unwrap());
    }
    let to = r.headers()["location"].to_str().unwrap().to_string();
    let (status, page) = get(app, cookie, &to).await;
    (status, to, page)
}

fn invite_code_in(page: &str) -> String {
    let at = page.find("start=inv-").expect("an invite link") + "start=".len();
    page[at..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-').collect()
}

#[tokio::test]
async fn reloading_the_page_after_an_invite_shows_the_same_invite_and_makes_no_second_one() {
    let app = spawn_app().await;
    let admin = app.member_of(ADMIN_ID, "Admin Kota", KIM).await;
    let cookie = log_in(&app, &link_for(&admin).await).await;
    let dld = kim(&app, "IB1-DLD").await;
    let (status, to, first) = invite_at(&app, &cookie, &format!("kim:{dld}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(to.starts_with("/dasbor/orang?undangan="), "POST/redirect/GET: {to}");
    let code = invite_code_in(&first);
    assert!(!to.contains(code.trim_start_matches("inv-")), "the code stays out of the URL: {to}");

    let (status, reloaded) = get(&app, &cookie, &to).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(invite_code_in(&reloaded), code, "a reload shows the same invite");
    assert_eq!(app.count("SELECT COUNT(*) FROM invites WHERE created_by = $1", ADMIN_ID).await, 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_log WHERE actor = $1 AND action = 'invite.create'", ADMIN_ID).await, 1);

    let staff = staff_of(&app, 6621, "Staf Rina", KECAMATAN).await;
    let other = log_in(&app, &link_for(&staff).await).await;
    let (_, theirs) = get(&app, &other, &to).await;
    assert!(!theirs.contains("start=inv-"), "another person's reference shows nothing: {theirs}");
}

#[tokio::test]
async fn an_admin_invites_a_coordinator_from_the_page_and_the_link_works_in_telegram() {
    let app = spawn_app().await;
    let admin = app.member_of(ADMIN_ID, "Admin Kota", KIM).await;
    let cookie = log_in(&app, &link_for(&admin).await).await;
    let dld = kim(&app, "IB1-DLD").await;
    let (status, page) = invite(&app, &cookie, &format!("kim:{dld}")).await;
    assert_eq!(status, StatusCode::OK);
    let code = invite_code_in(&page);
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

const ACTIVE_GRANT: &str = "SELECT id FROM grants WHERE user_id = $1 AND revoked_at IS NULL";

/// Posts "move to" for one grant; returns the status.
async fn move_grant(app: &TestApp, cookie: &str, grant: i64, scope: &str) -> StatusCode {
    let (_, page) = get(app, cookie, "/dasbor/orang").await;
    let r = client().post(format!("{}/dasbor/orang/pindah", app.console_url)).header("cookie", cookie)
        .form(&[("csrf", csrf_in(&page).as_str()), ("grant", &grant.to_string()), ("scope", scope)]).send().await.unwrap();
    r.status()
}

#[tokio::test]
async fn an_admin_moves_a_coordinator_to_another_kim_and_they_are_told_in_their_language() {
    let app = spawn_app().await;
    let admin = app.member_of(ADMIN_ID, "Admin Kota", KIM).await;
    let koor = coordinator_of(&app, 6701, "Koor Sari").await;
    kimbot::kernel::members::users::set_language(&app.db, UserId(6701), "en", 0).await.unwrap();
    let cookie = log_in(&app, &link_for(&admin).await).await;
    let old = app.count(ACTIVE_GRANT, 6701).await;
    let (_, list) = get(&app, &cookie, "/dasbor/orang").await;
    assert!(list.contains("action=\"/dasbor/orang/pindah\""), "a move form per row: {list}");

    let dld = kim(&app, "IB1-DLD").await;
    assert_eq!(move_grant(&app, &cookie, old, &format!("kim:{dld}")).await, StatusCode::SEE_OTHER);
    let active = "SELECT COUNT(*) FROM grants WHERE user_id = $1 AND revoked_at IS NULL";
    assert_eq!(app.count(active, 6701).await, 1);
    let kim_now = "SELECT kim_id FROM grants WHERE user_id = $1 AND revoked_at IS NULL";
    assert_eq!(app.count(kim_now, 6701).await, dld);
    let told = next_skipping_notices(&koor).await;
    assert!(told.text.contains("now holds for KIM Demang Lebar Daun"), "{}", told.text);
    let audited = "SELECT COUNT(*) FROM audit_log WHERE actor = $1 AND action = 'role.move'";
    assert_eq!(app.count(audited, ADMIN_ID).await, 1);
    let (_, after) = get(&app, &cookie, "/dasbor/orang?done=moved").await;
    assert!(after.contains("Wilayah peran diubah"), "{after}");

    assert_eq!(move_grant(&app, &cookie, old, &format!("kim:{dld}")).await, StatusCode::NOT_FOUND, "the old grant is gone");
}

#[tokio::test]
async fn staff_move_people_only_within_their_kecamatan() {
    let app = spawn_app().await;
    let staff = staff_of(&app, 6711, "Staf Rina", KECAMATAN).await;
    let _mine = coordinator_of(&app, 6712, "Koor Budi").await;
    app.grant_coordinator(6713, "KMN-KM").await;
    let _theirs = app.member_of(6713, "Koor Jauh", "KMN-KM").await;
    let _colleague = staff_of(&app, 6714, "Staf Tono", KECAMATAN).await;
    let cookie = log_in(&app, &link_for(&staff).await).await;
    let (mine, theirs, colleague) = (app.count(ACTIVE_GRANT, 6712).await, app.count(ACTIVE_GRANT, 6713).await, app.count(ACTIVE_GRANT, 6714).await);
    let (here, elsewhere) = (kim(&app, "IB1-DLD").await, kim(&app, "KMN-KM").await);

    assert_eq!(move_grant(&app, &cookie, mine, &format!("kim:{elsewhere}")).await, StatusCode::NOT_FOUND, "not into another kecamatan");
    assert_eq!(move_grant(&app, &cookie, theirs, &format!("kim:{here}")).await, StatusCode::NOT_FOUND, "not out of another kecamatan");
    assert_eq!(move_grant(&app, &cookie, colleague, "area:1").await, StatusCode::NOT_FOUND, "staff do not move staff");
    assert_eq!(move_grant(&app, &cookie, mine, &format!("agency:{here}")).await, StatusCode::NOT_FOUND, "a coordinator stays a coordinator");
    let unchanged = "SELECT COUNT(*) FROM grants WHERE revoked_at IS NOT NULL AND user_id <> $1";
    assert_eq!(app.count(unchanged, 0).await, 0);

    assert_eq!(move_grant(&app, &cookie, mine, &format!("kim:{here}")).await, StatusCode::SEE_OTHER);
    assert_eq!(app.count("SELECT kim_id FROM grants WHERE user_id = $1 AND revoked_at IS NULL", 6712).await, here);
}
