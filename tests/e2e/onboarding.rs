use std::time::Duration;

use crate::support::{MessageExt, PersonExt, spawn_app};

#[tokio::test]
async fn a_deep_link_resident_agrees_and_joins_that_kim_with_a_consent_receipt() {
    let app = spawn_app().await;
    let ani = app.user(1001, "Ani");

    ani.send("/start IB1-BL").await;
    let notice = ani.next_message().await;
    assert!(notice.text.contains("Pemberitahuan privasi"), "{}", notice.text);
    assert!(notice.text.contains("UU No. 27 Tahun 2022"));
    ani.press("Setuju").await;

    let joined = ani.next_message_skipping_edits().await;
    assert!(joined.text.contains("KIM Bukit Lama"), "{}", joined.text);
    assert!(joined.text.contains("Bukit Lama, Ilir Barat I, Kota Palembang"), "{}", joined.text);
    let receipts = app.count("SELECT COUNT(*) FROM consents WHERE user_id = $1 AND purpose = 'membership' AND notice_version = '2026-11'", 1001).await;
    assert_eq!(receipts, 1);
    let kim = app.count("SELECT k.id FROM users u JOIN kims k ON k.id = u.kim_id WHERE u.id = $1", 1001).await;
    assert!(kim > 0);
}

#[tokio::test]
async fn a_resident_finds_the_kim_through_kecamatan_and_kelurahan_menus() {
    let app = spawn_app().await;
    let budi = app.user(1002, "Budi");

    budi.send("/start").await;
    budi.next_message().await;
    budi.press("Setuju").await;
    let menu = budi.next_message_skipping_edits().await;
    assert!(menu.text.contains("Pilih KIM") && menu.text.contains("misalnya IB1-BB"), "a real code: {}", menu.text);
    assert!(menu.has_button("Ilir Barat I") && menu.has_button("Kemuning"), "single city is skipped: {menu:?}");

    budi.press("Kemuning").await;
    let kelurahan = budi.next_message().await;
    assert!(kelurahan.edited && kelurahan.has_button("Sekip Jaya"));
    assert!(kelurahan.text.contains("Kemuning: pilih kelurahan Anda"), "{}", kelurahan.text);
    budi.press("Sekip Jaya").await;
    let kims = budi.next_message().await;
    assert!(kims.text.contains("Sekip Jaya: pilih KIM Anda"), "{}", kims.text);
    budi.press("KIM Sekip Jaya").await;

    let joined = budi.next_message().await;
    assert!(joined.text.contains("Selamat! Anda tergabung di KIM Sekip Jaya"), "{}", joined.text);
}

#[tokio::test]
async fn a_wrong_typed_code_is_explained_and_the_right_one_then_works() {
    let app = spawn_app().await;
    let cici = app.user(1003, "Cici");
    cici.send("/start").await;
    cici.next_message().await;
    cici.press("Setuju").await;
    cici.next_message_skipping_edits().await;

    cici.send("KIM99").await;
    let wrong = cici.next_message().await;
    assert!(wrong.text.contains("\"KIM99\" tidak ditemukan"), "{}", wrong.text);
    cici.next_message().await; // the menu again

    cici.send(" kmn-pr ").await;
    let joined = cici.next_message().await;
    assert!(joined.text.contains("KIM Pipa Reja"), "{}", joined.text);
}

#[tokio::test]
async fn declining_consent_stores_nothing_and_says_how_to_agree_later() {
    let app = spawn_app().await;
    let dedi = app.user(1004, "Dedi");

    dedi.send("/start IB1-BL").await;
    dedi.next_message().await;
    dedi.press("Tidak setuju").await;

    let declined = dedi.next_message().await;
    assert!(declined.text.contains("tidak ada data Anda yang kami simpan"), "{}", declined.text);
    assert!(declined.text.contains("/start"));
    assert_eq!(app.count("SELECT COUNT(*) FROM users WHERE id = $1", 1004).await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM consents WHERE user_id = $1", 1004).await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM dialogues WHERE chat_id = $1", 1004).await, 0);

    dedi.send("halo").await;
    assert!(dedi.next_message().await.text.contains("/start"));
    assert_eq!(app.count("SELECT COUNT(*) FROM dialogues WHERE chat_id = $1", 1004).await, 0);
}

#[tokio::test]
async fn a_resident_reads_the_notice_in_english_and_later_switches_back_to_indonesian() {
    let app = spawn_app().await;
    let eka = app.user(1005, "Eka");

    eka.send("/start").await;
    eka.next_message().await;
    eka.press("English").await;
    let english = eka.next_message().await;
    assert!(english.text.contains("Privacy notice") && english.has_button("I agree"), "{english:?}");
    eka.press("I agree").await;
    let menu = eka.next_message_skipping_edits().await;
    assert!(menu.text.contains("Choose your KIM"), "{}", menu.text);
    eka.send("IB1-SA").await;
    assert!(eka.next_message().await.text.contains("You are now a member of KIM Siring Agung"));

    eka.send("/bahasa").await;
    eka.next_message().await;
    eka.press("Bahasa Indonesia").await;
    assert_eq!(eka.next_message().await.text, "Bahasa diganti ke Bahasa Indonesia.");
    eka.send("/bantuan").await;
    assert!(eka.next_message().await.text.contains("Yang bisa Anda lakukan (warga)"));
}

#[tokio::test]
async fn a_restart_in_the_middle_of_onboarding_continues_where_it_stopped() {
    let mut app = spawn_app().await;
    let fitri = app.user(1006, "Fitri");
    fitri.send("/start KMN-TA").await;
    fitri.next_message().await;

    app.restart().await;
    fitri.press("Setuju").await;

    let joined = fitri.next_message_skipping_edits().await;
    assert!(joined.text.contains("KIM Talang Aman"), "{}", joined.text);
}

#[tokio::test]
async fn batal_leaves_the_kim_choice_and_gantikim_brings_it_back() {
    let app = spawn_app().await;
    let gita = app.user(1007, "Gita");
    gita.send("/start").await;
    gita.next_message().await;
    gita.press("Setuju").await;
    gita.next_message_skipping_edits().await;

    gita.send("/batal").await;
    assert!(gita.next_message().await.text.contains("/gantikim"));
    gita.send("/batal").await;
    assert!(gita.next_message().await.text.contains("Tidak ada proses"));

    gita.send("/gantikim").await;
    assert!(gita.next_message().await.has_button("Ilir Barat I"));
    gita.expect_no_message(Duration::from_millis(300)).await;
}

#[tokio::test]
async fn a_command_typed_while_the_consent_question_is_open_brings_the_question_back_with_its_buttons() {
    let app = spawn_app().await;
    let gita = app.user(1008, "Gita");
    gita.send("/start IB1-BL").await;
    gita.next_message().await;

    gita.send("/aspirasi").await;
    let after_command = gita.next_message().await;
    gita.send("halo").await;
    let after_text = gita.next_message().await;
    gita.press("Setuju").await;
    let joined = gita.next_message_skipping_edits().await;

    for again in [&after_command, &after_text] {
        assert!(again.text.contains("Pemberitahuan privasi") && again.text.contains("jawab dulu"), "{}", again.text);
        assert!(again.has_button("Setuju") && again.has_button("Tidak setuju"), "{:?}", again.button_labels());
    }
    assert!(joined.text.contains("KIM Bukit Lama"), "the deep link is kept: {}", joined.text);
}
