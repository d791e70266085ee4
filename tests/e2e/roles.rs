use std::time::Duration;
use kimbot::kernel::members::UserId;

use crate::support::{ADMIN_ID, PersonExt, spawn_app};

fn invite_code(text: &str) -> String {
    let start = text.find("start=inv-").expect("deep link in invite") + "start=".len();
    text[start..].split_whitespace().next().unwrap().to_string()
}

#[tokio::test]
async fn admin_invites_staff_who_invites_a_coordinator_and_menus_follow_roles() {
    let app = spawn_app().await;
    let admin = app.admin();
    admin.send("/start").await;
    admin.next_message().await;
    admin.press("Setuju").await;
    admin.next_message_skipping_edits().await;
    admin.send("/undang staf Ilir Barat I").await;
    let invite = admin.next_message().await;
    assert!(invite.text.contains("https://t.me/kimbot_test_bot?start=inv-"), "{}", invite.text);

    let staff = app.user(4001, "Staf Rina");
    staff.send(&format!("/start {}", invite_code(&invite.text))).await;
    staff.next_message().await;
    staff.press("Setuju").await;
    let claimed = staff.next_message_skipping_edits().await;
    assert!(claimed.text.contains("staf Diskominfo untuk Ilir Barat I"), "{}", claimed.text);
    let menu = app.wait_for_call("setmycommands", |p| p["scope"]["chat_id"] == 4001).await.params.to_string();
    assert!(menu.contains("undang") && menu.contains("grupsaya"), "{menu}");

    staff.send("/undang koordinator IB1-DLD").await;
    let coord_invite = staff.next_message().await;
    let koor = app.user(4002, "Koor Sari");
    koor.send(&format!("/start {}", invite_code(&coord_invite.text))).await;
    koor.next_message().await;
    koor.press("Setuju").await;
    assert!(koor.next_message_skipping_edits().await.text.contains("koordinator KIM untuk KIM Demang Lebar Daun"));
    assert_eq!(app.count("SELECT COUNT(*) FROM users WHERE id = $1 AND kim_id IS NOT NULL", 4002).await, 1);
    let audit = app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'role.grant' AND actor = $1", 4002).await;
    assert_eq!(audit, 1);
}

#[tokio::test]
async fn an_invite_works_once_and_residents_cannot_invite() {
    let app = spawn_app().await;
    app.grant_staff(4010, "Kemuning").await;
    let staff = app.member_of(4010, "Staf Tono", "KMN-KM").await;
    staff.send("/undang koordinator KMN-PH").await;
    let code = invite_code(&staff.next_message().await.text);

    let first = app.member_of(4011, "Umi", "KMN-PH").await;
    first.send(&format!("/start {code}")).await;
    assert!(first.next_message().await.text.contains("koordinator KIM"));
    let second = app.member_of(4012, "Vina", "KMN-PH").await;
    second.send(&format!("/start {code}")).await;
    assert!(second.next_message().await.text.contains("tidak berlaku"));

    second.send("/undang koordinator KMN-PH").await;
    assert!(second.next_message().await.text.contains("hanya untuk staf"));
    staff.send("/undang koordinator IB1-BL").await;
    assert!(staff.next_message().await.text.contains("hanya untuk staf"), "other kecamatan");
    staff.send("/undang staf Kemuning").await;
    assert!(staff.next_message().await.text.contains("hanya untuk admin"));
    assert_eq!(app.count("SELECT COUNT(*) FROM grants WHERE user_id = $1", 4012).await, 0);
}

#[tokio::test]
async fn residents_see_only_resident_commands_in_help_and_menu() {
    let app = spawn_app().await;
    let warga = app.member_of(4020, "Wati", "IB1-BL").await;
    warga.send("/bantuan").await;
    let help = warga.next_message().await.text;
    assert!(help.contains("/gantikim") && !help.contains("/undang") && !help.contains("/hubungkan"), "{help}");
    let chat_menus = app.fake.calls_to("setmycommands").into_iter().filter(|c| c.params["scope"]["chat_id"] == 4020).count();
    assert_eq!(chat_menus, 0, "residents keep the default menu");
    let default_menu = app
        .fake
        .calls_to("setmycommands")
        .into_iter()
        .find(|c| c.params["scope"]["type"] == "all_private_chats")
        .expect("default menu set at start-up")
        .params
        .to_string();
    assert!(!default_menu.contains("undang"), "{default_menu}");

    let admin = app.member_of(ADMIN_ID, "Admin", "IB1-BL").await;
    admin.send("/bantuan").await;
    assert!(admin.next_message().await.text.contains("/undang staf"));
    admin.expect_no_message(Duration::from_millis(200)).await;
}

#[tokio::test]
async fn an_invite_is_void_once_its_creator_lost_the_right_to_give_the_role() {
    let mut app = spawn_app().await;
    app.grant_staff(4030, "Kemuning").await;
    let staff = app.member_of(4030, "Staf Yuni", "KMN-KM").await;
    staff.send("/undang koordinator KMN-PH").await;
    let coordinator_code = invite_code(&staff.next_message().await.text);
    let admin = app.member_of(crate::support::ADMIN_ID, "Admin", "KMN-KM").await;
    admin.send("/undang staf Kemuning").await;
    let staff_code = invite_code(&admin.next_message().await.text);

    kimbot::kernel::members::roles::revoke_all(&app.db, UserId(4030), 1).await.unwrap();
    let umi = app.member_of(4031, "Umi", "KMN-PH").await;
    umi.send(&format!("/start {coordinator_code}")).await;
    let coordinator_claim = umi.next_message().await.text;
    app.env.push(("KIMBOT_ADMINS".into(), "1".into())); // 9000 is no longer an admin
    app.restart().await;
    let vina = app.member_of(4032, "Vina", "KMN-PH").await;
    vina.send(&format!("/start {staff_code}")).await;
    let staff_claim = vina.next_message().await.text;

    assert!(coordinator_claim.contains("tidak berlaku"), "{coordinator_claim}");
    assert!(staff_claim.contains("tidak berlaku"), "{staff_claim}");
    let grants = "SELECT COUNT(*) FROM grants WHERE user_id IN (4031, 4032) AND revoked_at IS NULL AND $1 = 1";
    assert_eq!(app.count(grants, 1).await, 0);
}
