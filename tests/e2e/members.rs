//! The membership commands (`/bahasa`, `/gantikim`, `/grupsaya`, `/undang`, and the
//! private-chat answer to `/hubungkan`/`/putuskan`), routed like any feature's.

use std::time::Duration;

use crate::support::{MessageExt, spawn_app};

#[tokio::test]
async fn residents_and_coordinators_asking_for_staff_or_coordinator_commands_get_the_refusal_for_that_role() {
    let app = spawn_app().await;
    let warga = app.member_of(5001, "Wati", "IB1-BL").await;
    let koor = app.member_of(5002, "Koor Sari", "IB1-BL").await;
    app.grant_coordinator(5002, "IB1-BL").await;

    warga.send("/undang koordinator IB1-BL").await;
    let resident_invites = warga.next_message().await.text;
    warga.send("/grupsaya").await;
    let resident_groups = warga.next_message().await.text;
    koor.send("/undang koordinator IB1-BL").await;
    let coordinator_invites = koor.next_message().await.text;

    assert_eq!(resident_invites, "Maaf, perintah ini hanya untuk staf Diskominfo.");
    assert_eq!(resident_groups, "Maaf, perintah ini hanya untuk koordinator KIM dan staf Diskominfo.");
    assert_eq!(coordinator_invites, "Maaf, perintah ini hanya untuk staf Diskominfo.");
    assert_eq!(app.count("SELECT COUNT(*) FROM invites WHERE created_by = $1", 5002).await, 0);
    warga.expect_no_message(Duration::from_millis(200)).await;
}

#[tokio::test]
async fn someone_who_never_started_is_sent_to_start_by_membership_commands_but_told_where_group_commands_work() {
    let app = spawn_app().await;
    let tamu = app.user(5010, "Tamu");

    tamu.send("/bahasa").await;
    let language = tamu.next_message().await.text;
    tamu.send("/undang staf Kemuning").await;
    let invite = tamu.next_message().await.text;
    tamu.send("/hubungkan KMN-KM").await;
    let link = tamu.next_message().await.text;
    tamu.send("/putuskan").await;
    let unlink = tamu.next_message().await.text;

    assert_eq!(language, "Halo! Ketik /start untuk mulai memakai kimbot.");
    assert_eq!(invite, language);
    assert_eq!(link, "Perintah ini dipakai di dalam grup KIM, bukan di chat pribadi.");
    assert_eq!(unlink, link);
    assert_eq!(app.count("SELECT COUNT(*) FROM users WHERE id = $1", 5010).await, 0, "nothing stored without consent");
}

#[tokio::test]
async fn hubungkan_in_private_chat_tells_a_resident_it_works_in_groups_rather_than_refusing_the_role() {
    let app = spawn_app().await;
    let warga = app.member_of(5020, "Wati", "IB1-BL").await;

    warga.send("/hubungkan IB1-BL").await;

    assert_eq!(warga.next_message().await.text, "Perintah ini dipakai di dalam grup KIM, bukan di chat pribadi.");
}

#[tokio::test]
async fn bahasa_switches_a_residents_language_and_their_command_menu_follows() {
    let app = spawn_app().await;
    let warga = app.member_of(5030, "Wati", "IB1-BL").await;

    warga.send("/language").await;
    let choice = warga.next_message().await;
    assert!(choice.has_button("English") && choice.has_button("Bahasa Indonesia"), "{choice:?}");
    warga.press("English").await;
    let changed = warga.next_message().await;

    assert_eq!(changed.text, "Language changed to English.");
    let menu = app.wait_for_call("setmycommands", |p| p["scope"]["chat_id"] == 5030).await.params.to_string();
    assert!(menu.contains("Change language") && menu.contains("\"gantikim\""), "{menu}");
    assert!(!menu.contains("undang") && !menu.contains("Ganti bahasa"), "{menu}");
    warga.send("/bantuan").await;
    assert!(warga.next_message().await.text.contains("What you can do (resident)"));
}

#[tokio::test]
async fn bahasa_shows_staff_their_own_menu_again_in_the_new_language() {
    let app = spawn_app().await;
    app.grant_staff(5040, "Kemuning").await;
    let staf = app.member_of(5040, "Staf Tono", "KMN-KM").await;
    staf.send("/bahasa").await;
    staf.next_message().await;

    staf.press("English").await;
    staf.next_message().await;

    let english = |p: &serde_json::Value| p["scope"]["chat_id"] == 5040 && p.to_string().contains("Change language");
    let menu = app.wait_for_call("setmycommands", english).await.params.to_string();
    assert!(menu.contains("undang") && menu.contains("grupsaya"), "{menu}");
}

#[tokio::test]
async fn a_language_button_sent_before_the_upgrade_still_works_and_a_non_member_pressing_one_changes_nothing() {
    let app = spawn_app().await;
    let warga = app.member_of(5050, "Wati", "IB1-BL").await;
    let tamu = app.user(5051, "Tamu");
    tamu.send("/halo").await;
    let tamu_message = tamu.next_message().await.message_id;
    let message = warga.last_message().unwrap().message_id;

    warga.press_data(message, "lg:en").await;
    let changed = warga.next_message().await;
    let forged = tamu.press_data(tamu_message, "lg:en").await;

    assert_eq!(changed.text, "Language changed to English.");
    for _ in 0..100 {
        if tamu.callback_answers().iter().any(|a| a.callback_query_id == forged) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let answer = tamu.callback_answers().into_iter().find(|a| a.callback_query_id == forged).expect("press answered");
    assert_eq!(answer.text.as_deref(), Some("Tombol ini sudah tidak berlaku."));
    assert_eq!(app.count("SELECT COUNT(*) FROM users WHERE id = $1", 5051).await, 0);
}

#[tokio::test]
async fn the_kim_choice_gantikim_opens_is_stored_as_before_and_survives_a_restart() {
    let mut app = spawn_app().await;
    let warga = app.member_of(5060, "Wati", "IB1-BL").await;
    warga.send("/gantikim").await;
    assert!(warga.next_message().await.has_button("Ilir Barat I"));
    let stored = "SELECT COUNT(*) FROM dialogues WHERE chat_id = $1 AND state = '{\"kind\":\"ChooseKim\"}'";
    assert_eq!(app.count(stored, 5060).await, 1);

    app.restart().await;
    warga.send("KMN-TA").await;

    assert!(warga.next_message().await.text.contains("KIM Talang Aman"));
    assert_eq!(app.count(stored, 5060).await, 0);
}

#[tokio::test]
async fn the_menu_a_resident_got_from_bahasa_is_taken_away_when_they_erase_their_data() {
    let app = spawn_app().await;
    let warga = app.member_of(5070, "Wati", "IB1-BL").await;
    warga.send("/bahasa").await;
    warga.next_message().await;
    warga.press("English").await;
    warga.next_message().await;

    warga.send("/hapusdata").await;
    warga.next_message().await;
    warga.press("Erase").await;
    assert!(warga.next_message().await.text.contains("has been erased"));

    app.wait_for_call("deletemycommands", |p| p["scope"]["chat_id"] == 5070).await;
}
