//! `/umkm` sign-up, view, edit and withdraw; `/umkmkim` lists for coordinators and staff.

mod news;

use std::time::Duration;
use kimbot::kernel::members::UserId;

use fake_telegram::{BotMessage, Person};

use crate::support::{MessageExt, PersonExt, TestApp, spawn_app};

/// Sends text and returns the bot's next new message.
async fn reply(p: &Person, text: &str) -> BotMessage {
    p.send(text).await;
    p.next_message_skipping_edits().await
}

/// Presses a button and returns the bot's next new message (edits skipped).
async fn tap(p: &Person, label: &str) -> BotMessage {
    p.press(label).await;
    p.next_message_skipping_edits().await
}

/// From `/umkm` to the review screen with valid answers; returns the review.
async fn fill_to_review(p: &Person) -> BotMessage {
    reply(p, "/umkm").await;
    tap(p, "Setuju").await;
    reply(p, "Siti Aminah").await;
    reply(p, "Pempek Siti").await;
    tap(p, "Kuliner").await;
    tap(p, "Mikro").await;
    tap(p, "Bukit Lama").await;
    reply(p, "081234567890").await; // "Nomor dicatat"
    p.next_message_skipping_edits().await; // NIB question
    tap(p, "Lewati").await;
    p.press("Modal").await;
    p.next_message().await;
    tap(p, "Selesai").await;
    tap(p, "Lewati").await
}

async fn signed_up(app: &TestApp, id: i64, kim: &str) -> Person {
    let p = app.member_of(id, "Siti", kim).await;
    fill_to_review(&p).await;
    p.press("Simpan").await;
    assert!(p.next_message().await.text.contains("sudah terdaftar"));
    p
}

async fn kim_id(app: &TestApp, code: &str) -> i64 {
    (kimbot::kernel::members::areas::kim_by_code(&app.db, code).await.unwrap().unwrap().id).get()
}

/// Presses forged data and returns the bot's answers to those presses.
async fn press_forged(p: &Person, data: &[String]) -> Vec<fake_telegram::CallbackAnswer> {
    let message = p.last_message().unwrap().message_id;
    let mut ids = Vec::new();
    for d in data {
        ids.push(p.press_data(message, d).await);
    }
    let ours = || p.callback_answers().into_iter().filter(|a| ids.contains(&a.callback_query_id)).collect::<Vec<_>>();
    for _ in 0..100 {
        if ours().len() == data.len() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    ours()
}

#[tokio::test]
async fn a_resident_signs_up_and_wrong_nib_and_phone_are_explained_without_losing_answers() {
    let app = spawn_app().await;
    let siti = app.member_of(5001, "Siti", "IB1-BL").await;

    let consent = reply(&siti, "/umkm").await;
    assert!(consent.text.contains("UU No. 27 Tahun 2022") && consent.text.contains("2026-11"), "{}", consent.text);
    assert!(tap(&siti, "Setuju").await.text.contains("nama pemilik"));
    let too_long = reply(&siti, &"a".repeat(101)).await;
    assert!(too_long.text.contains("terlalu panjang: 101 karakter, paling banyak 100"), "{}", too_long.text);
    assert!(reply(&siti, "Siti Aminah").await.text.contains("nama usaha"));
    assert!(reply(&siti, "Pempek Siti").await.has_button("Kuliner"));
    let scale = tap(&siti, "Kuliner").await;
    assert!(scale.text.contains("Mikro: omzet sampai Rp2 miliar"), "{}", scale.text);
    let kelurahan = tap(&siti, "Mikro").await;
    assert!(kelurahan.has_button("📍 Bukit Lama") && kelurahan.has_button("Siring Agung"), "{kelurahan:?}");
    assert!(!kelurahan.has_button("Sekip Jaya"), "another kecamatan: {kelurahan:?}");
    let phone = tap(&siti, "Siring Agung").await;
    assert!(phone.reply_keyboard.as_ref().is_some_and(|k| k.concat().iter().any(|b| b.contains("Kirim nomor saya"))));

    let wrong_phone = reply(&siti, "021 1234 567").await;
    assert!(wrong_phone.text.contains("Nomor HP tidak dikenali"), "{}", wrong_phone.text);
    assert!(wrong_phone.reply_keyboard.is_some(), "the contact button stays");
    let noted = reply(&siti, "0812-3456-7890").await;
    assert!(noted.text.contains("+6281234567890") && noted.remove_keyboard, "{noted:?}");
    assert!(siti.next_message_skipping_edits().await.text.contains("NIB"));
    let wrong_nib = reply(&siti, "12345").await;
    assert!(wrong_nib.text.contains("NIB terdiri dari 13 angka") && wrong_nib.has_button("Lewati"), "{}", wrong_nib.text);
    assert!(reply(&siti, "1234 5678 90123").await.text.contains("Bantuan apa"));

    assert!(tap(&siti, "Selesai").await.text.contains("Pilih paling sedikit satu"));
    siti.press("Modal").await;
    assert!(siti.next_message().await.has_button("✅ Modal"));
    siti.press("QRIS").await;
    siti.next_message().await;
    assert!(tap(&siti, "Selesai").await.text.contains("Ceritakan singkat"));
    let too_long = reply(&siti, &"x".repeat(501)).await;
    assert!(too_long.text.contains("501 karakter, paling banyak 500"), "{}", too_long.text);
    let review = reply(&siti, "Pempek kapal selam, pesan antar.").await;

    for expected in ["Siti Aminah", "Pempek Siti", "Kuliner", "Mikro", "Siring Agung", "+6281234567890", "1234567890123", "Modal, QRIS / pembayaran digital", "Pempek kapal selam"] {
        assert!(review.text.contains(expected), "{expected} missing from review: {}", review.text);
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM umkm_registrations WHERE user_id = $1", 5001).await, 0, "nothing before Simpan");
    siti.press("Simpan").await;
    assert!(siti.next_message().await.text.contains("sudah terdaftar"));
    let stored = app
        .count(
            "SELECT COUNT(*) FROM umkm_registrations WHERE user_id = $1 AND owner_name = 'Siti Aminah' AND sector = 'kuliner' \
             AND scale = 'mikro' AND phone = '+6281234567890' AND nib = '1234567890123' AND needs = 'modal,qris'",
            5001,
        )
        .await;
    assert_eq!(stored, 1);
    let receipts = app.count("SELECT COUNT(*) FROM consents WHERE user_id = $1 AND purpose = 'umkm' AND notice_version = '2026-11'", 5001).await;
    assert_eq!(receipts, 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM dialogues WHERE chat_id = $1", 5001).await, 0);
}

#[tokio::test]
async fn declining_the_umkm_consent_ends_the_form_and_stores_nothing() {
    let app = spawn_app().await;
    let budi = app.member_of(5002, "Budi", "IB1-BL").await;

    reply(&budi, "/umkm").await;
    budi.press("Tidak setuju").await;

    assert!(budi.next_message().await.text.contains("tidak ada data usaha yang disimpan"));
    assert_eq!(app.count("SELECT COUNT(*) FROM consents WHERE user_id = $1 AND purpose = 'umkm'", 5002).await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM dialogues WHERE chat_id = $1", 5002).await, 0);
}

#[tokio::test]
async fn back_goes_one_step_and_shows_the_earlier_answer_to_keep() {
    let app = spawn_app().await;
    let ani = app.member_of(5003, "Ani", "IB1-BL").await;
    reply(&ani, "/umkm").await;
    let owner = tap(&ani, "Setuju").await;
    assert!(!owner.has_button("Kembali"), "nothing before the first question");
    assert!(reply(&ani, "   ").await.text.contains("tidak boleh kosong"));
    assert!(reply(&ani, "12345").await.text.contains("Nama harus memuat huruf"));
    reply(&ani, "Ani").await;
    reply(&ani, "Warung Ani").await;

    let business = tap(&ani, "Kembali").await;
    assert!(business.text.contains("Jawaban sebelumnya: Warung Ani") && business.has_button("Tetap: Warung Ani"), "{business:?}");
    assert!(tap(&ani, "Tetap").await.has_button("Kuliner"));
    tap(&ani, "Jasa").await;
    tap(&ani, "Kecil").await;
    tap(&ani, "Lorok Pakjo").await;

    ani.send("⬅️ Kembali").await;
    let left = ani.next_message_skipping_edits().await;
    assert!(left.text.contains("Kembali ke pertanyaan sebelumnya") && left.remove_keyboard, "{left:?}");
    let kelurahan = ani.next_message_skipping_edits().await;
    assert!(kelurahan.has_button("✅ Lorok Pakjo"), "{kelurahan:?}");
    tap(&ani, "Kembali").await;
    let sector = tap(&ani, "Kembali").await;
    assert!(sector.has_button("✅ Jasa"), "{sector:?}");
}

#[tokio::test]
async fn a_field_edited_from_the_review_returns_to_the_review() {
    let app = spawn_app().await;
    let cici = app.member_of(5004, "Cici", "IB1-BL").await;
    fill_to_review(&cici).await;

    assert!(tap(&cici, "Ubah nama usaha").await.has_button("Tetap: Pempek Siti"));
    let review = reply(&cici, "Pempek Cici").await;
    assert!(review.text.contains("Periksa kembali") && review.text.contains("Pempek Cici"), "{}", review.text);
    tap(&cici, "Ubah kebutuhan").await;
    cici.press("Pelatihan").await;
    cici.next_message().await;
    let review = tap(&cici, "Selesai").await;
    assert!(review.text.contains("Modal, Pelatihan"), "{}", review.text);
    let back_to_review = tap(&cici, "Ubah skala").await;
    assert!(back_to_review.has_button("✅ Mikro"));
    assert!(tap(&cici, "Kembali").await.text.contains("Periksa kembali"), "back from an edit returns to the review");

    cici.press("Simpan").await;
    cici.next_message().await;
    let stored = app.count("SELECT COUNT(*) FROM umkm_registrations WHERE user_id = $1 AND business_name = 'Pempek Cici' AND needs = 'modal,pelatihan'", 5004).await;
    assert_eq!(stored, 1);
}

#[tokio::test]
async fn a_restart_in_the_middle_of_the_form_continues_with_every_answer() {
    let mut app = spawn_app().await;
    let dedi = app.member_of(5005, "Dedi", "IB1-BL").await;
    reply(&dedi, "/umkm").await;
    tap(&dedi, "Setuju").await;
    reply(&dedi, "Dedi Kurniawan").await;
    reply(&dedi, "Kriya Dedi").await;
    tap(&dedi, "Kriya").await;

    app.restart().await;
    let again = reply(&dedi, "/umkm").await;
    assert!(again.text.contains("sedang mengisi") && again.has_button("Mikro"), "{again:?}");
    tap(&dedi, "Menengah").await;
    tap(&dedi, "Bukit Lama").await;
    reply(&dedi, "+62 812 9999 0000").await;
    dedi.next_message_skipping_edits().await;
    tap(&dedi, "Lewati").await;
    dedi.press("Kemasan").await;
    dedi.next_message().await;
    tap(&dedi, "Selesai").await;
    let review = tap(&dedi, "Lewati").await;

    assert!(review.text.contains("Dedi Kurniawan") && review.text.contains("Kriya Dedi") && review.text.contains("Menengah"), "{}", review.text);
    assert!(review.text.contains("NIB: (tidak ada)"), "{}", review.text);
}

#[tokio::test]
async fn the_contact_share_button_gives_the_number_and_only_ones_own_contact_counts() {
    let app = spawn_app().await;
    let eka = app.member_of(5006, "Eka", "IB1-BL").await;
    reply(&eka, "/umkm").await;
    tap(&eka, "Setuju").await;
    reply(&eka, "Eka").await;
    reply(&eka, "Batik Eka").await;
    tap(&eka, "Fesyen").await;
    tap(&eka, "Mikro").await;
    tap(&eka, "Bukit Lama").await;
    let sent = app.wait_for_call("sendmessage", |p| p.to_string().contains("request_contact")).await;
    assert_eq!(sent.params["chat_id"], 5006);

    eka.share_contact_of("+6281111111111", "Tetangga", Some(5999)).await;
    assert!(eka.next_message().await.text.contains("bukan milik Anda"));
    eka.share_contact_of("+6281111111111", "Tetangga", None).await;
    assert!(eka.next_message().await.text.contains("bukan milik Anda"));
    eka.share_contact("6285712345678").await;

    let noted = eka.next_message().await;
    assert!(noted.text.contains("+6285712345678") && noted.remove_keyboard, "{noted:?}");
    assert!(eka.next_message().await.text.contains("NIB"));
}

#[tokio::test]
async fn ubah_on_a_saved_registration_opens_the_review_to_change_one_field() {
    let app = spawn_app().await;
    let fitri = signed_up(&app, 5007, "IB1-BL").await;

    let shown = reply(&fitri, "/umkm").await;
    assert!(shown.text.contains("sudah terdaftar") && shown.text.contains("Pempek Siti") && shown.has_button("Tarik pendaftaran"), "{shown:?}");
    let review = tap(&fitri, "Ubah").await;
    let asked = tap(&fitri, "Ubah nama usaha").await;
    let back_to_review = reply(&fitri, "Pempek Fitri").await;
    fitri.press("Simpan").await;
    let saved = fitri.next_message().await;

    assert!(review.text.contains("Periksa kembali") && review.text.contains("Pempek Siti"), "straight to the review: {}", review.text);
    assert!(review.has_button("Ubah nomor HP") && review.has_button("Simpan"), "{:?}", review.button_labels());
    assert!(asked.text.contains("Pempek Siti") && asked.has_button("Tetap"), "{}", asked.text);
    assert!(back_to_review.text.contains("Periksa kembali") && back_to_review.text.contains("Pempek Fitri"), "{}", back_to_review.text);
    assert!(saved.text.contains("Perubahan data usaha Anda sudah disimpan"), "{}", saved.text);
    assert_eq!(app.count("SELECT COUNT(*) FROM umkm_registrations WHERE user_id = $1 AND business_name = 'Pempek Fitri' AND owner_name = 'Siti Aminah'", 5007).await, 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM consents WHERE user_id = $1 AND purpose = 'umkm'", 5007).await, 1, "one receipt");
}

#[tokio::test]
async fn consent_given_once_is_not_asked_again_after_batal() {
    let app = spawn_app().await;
    let joko = app.member_of(5009, "Joko", "IB1-BL").await;
    reply(&joko, "/umkm").await;
    tap(&joko, "Setuju").await;
    reply(&joko, "/batal").await;

    let again = reply(&joko, "/umkm").await;

    assert!(again.text.contains("1/9"), "the first question, no consent: {}", again.text);
    assert!(!again.has_button("Setuju"), "{:?}", again.button_labels());
    assert_eq!(app.count("SELECT COUNT(*) FROM consents WHERE user_id = $1 AND purpose = 'umkm' AND withdrawn_at IS NULL", 5009).await, 1);
}

#[tokio::test]
async fn typed_answers_that_name_a_button_count_as_the_press() {
    let app = spawn_app().await;
    let lia = app.member_of(5010, "Lia", "IB1-BL").await;
    reply(&lia, "/umkm").await;
    let agreed = reply(&lia, "setuju").await;
    let owner = lia.next_message().await;
    reply(&lia, "Lia Kartika").await;
    reply(&lia, "Kue Lia").await;

    let scale = reply(&lia, "kuliner").await;
    let refused = reply(&lia, "besar sekali").await;
    let kelurahan = reply(&lia, "Mikro").await;
    let phone = reply(&lia, "bukit lama").await;

    assert!(agreed.text.contains("Anda setuju") && owner.text.contains("1/9"), "{} / {}", agreed.text, owner.text);
    assert!(scale.text.contains("4/9") && scale.has_button("Menengah"), "the scale question: {}", scale.text);
    assert!(refused.text.contains("pilih dengan tombol") && refused.text.contains("4/9"), "asked again: {}", refused.text);
    assert!(kelurahan.text.contains("5/9") && kelurahan.has_button("Bukit Lama"), "the kelurahan question: {}", kelurahan.text);
    assert!(phone.text.contains("6/9"), "the phone question: {}", phone.text);
    let row = "SELECT COUNT(*) FROM dialogues WHERE chat_id = $1 AND LOWER(state) LIKE '%kuliner%' AND LOWER(state) LIKE '%mikro%' AND state LIKE '%Bukit Lama%'";
    assert_eq!(app.count(row, 5010).await, 1, "all three stored in the dialogue");
}

#[tokio::test]
async fn withdrawing_asks_first_then_deletes_the_record_and_withdraws_the_consent() {
    let app = spawn_app().await;
    let gita = signed_up(&app, 5008, "IB1-BL").await;

    reply(&gita, "/umkm").await;
    gita.press("Tarik pendaftaran").await;
    assert!(gita.next_message().await.text.contains("Yakin"));
    gita.press("Tidak, biarkan").await;
    assert!(gita.next_message().await.text.contains("tetap tersimpan"));
    assert_eq!(app.count("SELECT COUNT(*) FROM umkm_registrations WHERE user_id = $1", 5008).await, 1);

    reply(&gita, "/umkm").await;
    gita.press("Tarik pendaftaran").await;
    gita.next_message().await;
    gita.press("Ya, tarik").await;

    assert!(gita.next_message().await.text.contains("sudah ditarik"));
    assert_eq!(app.count("SELECT COUNT(*) FROM umkm_registrations WHERE user_id = $1", 5008).await, 0);
    let open = app.count("SELECT COUNT(*) FROM consents WHERE user_id = $1 AND purpose = 'umkm' AND withdrawn_at IS NULL", 5008).await;
    assert_eq!(open, 0);
    assert!(reply(&gita, "/umkm").await.text.contains("Sebelum mulai"), "consent is asked again");
}

#[tokio::test]
async fn coordinators_and_staff_see_only_their_areas_registrations_and_residents_are_refused() {
    let app = spawn_app().await;
    signed_up(&app, 5010, "IB1-BL").await;
    app.grant_coordinator(5011, "IB1-BL").await;
    let own = app.member_of(5011, "Koor Bukit", "IB1-BL").await;
    app.grant_coordinator(5012, "IB1-SA").await;
    let other = app.member_of(5012, "Koor Siring", "IB1-SA").await;
    app.grant_staff(5013, "Ilir Barat I").await;
    let staff = app.member_of(5013, "Staf", "IB1-SA").await;
    app.grant_staff(5014, "Kemuning").await;
    let staff_elsewhere = app.member_of(5014, "Staf Kemuning", "KMN-KM").await;
    let resident = app.member_of(5015, "Warga", "IB1-BL").await;

    let list = reply(&own, "/umkmkim").await;
    assert!(list.text.contains("KIM Bukit Lama (1)"), "{}", list.text);
    for field in ["Pempek Siti", "Siti Aminah", "Kuliner", "Mikro", "Modal", "+6281234567890"] {
        assert!(list.text.contains(field), "{field}: {}", list.text);
    }
    assert!(reply(&other, "/umkmkim").await.text.contains("Belum ada UMKM yang terdaftar di KIM Siring Agung"));
    assert!(reply(&staff, "/umkmkim").await.text.contains("Pempek Siti"));
    assert!(reply(&staff_elsewhere, "/umkmkim").await.text.contains("Belum ada UMKM"));
    assert!(reply(&resident, "/umkmkim").await.text.contains("hanya untuk koordinator"));
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'umkm.list' AND actor = $1", 5011).await, 1);
}

#[tokio::test]
async fn a_long_list_pages_ten_at_a_time() {
    let app = spawn_app().await;
    let kim = kimbot::kernel::members::areas::kim_by_code(&app.db, "IB1-BL").await.unwrap().unwrap();
    for i in 0..12 {
        let user_id = 5100 + i;
        let profile = kimbot::kernel::members::users::Profile { user_id: UserId(user_id), first_name: "Warga", username: None, language: "id" };
        kimbot::kernel::members::users::agree(&app.db, &profile, 1_000).await.unwrap();
        let reg = kimbot::features::umkm::model::Registration {
            owner: format!("Pemilik {i}"),
            business: format!("Usaha {i:02}"),
            sector: kimbot::features::umkm::model::Sector::Jasa,
            scale: kimbot::features::umkm::model::Scale::Mikro,
            kelurahan: kimbot::features::umkm::model::Place { id: kim.kelurahan_id, name: "Bukit Lama".into() },
            phone: "+6281234567890".into(),
            nib: None,
            needs: vec![kimbot::features::umkm::model::Need::Pelatihan],
            description: None,
        };
        kimbot::features::umkm::store::save(&app.db, UserId(user_id), kim.id, &reg, Some(1_000), 1_000 + i).await.unwrap();
    }
    app.grant_coordinator(5099, "IB1-BL").await;
    let koor = app.member_of(5099, "Koor", "IB1-BL").await;

    let first = reply(&koor, "/umkmkim").await;
    assert!(first.text.contains("halaman 1 dari 2") && first.text.contains("Usaha 11") && first.text.contains("10. Usaha 02"), "{}", first.text);
    assert!(!first.text.contains("Usaha 01") && first.has_button("Berikutnya") && !first.has_button("Sebelumnya"));
    koor.press("Berikutnya").await;
    let second = koor.next_message().await;
    assert!(second.edited && second.text.contains("halaman 2 dari 2") && second.text.contains("12. Usaha 00"), "{}", second.text);
    assert!(second.has_button("Sebelumnya") && !second.has_button("Berikutnya"));
}

#[tokio::test]
async fn forged_list_and_form_buttons_are_refused_and_change_nothing() {
    let app = spawn_app().await;
    signed_up(&app, 5020, "IB1-BL").await;
    let bukit_lama = kim_id(&app, "IB1-BL").await;
    app.grant_coordinator(5021, "IB1-SA").await;
    let other = app.member_of(5021, "Koor Siring", "IB1-SA").await;
    let resident = app.member_of(5022, "Warga", "IB1-BL").await;
    let sekip_jaya = kimbot::kernel::members::areas::kim_by_code(&app.db, "KMN-SJ").await.unwrap().unwrap().kelurahan_id;

    let list_page = format!("u:p:k{bukit_lama}:0");
    let answers = press_forged(&other, &[list_page.clone(), "u:p:all:0".into(), "u:p:a1:0".into()]).await;
    assert_eq!(answers.len(), 3);
    assert!(answers.iter().all(|a| a.text.as_deref() == Some("Tombol ini sudah tidak berlaku.")), "{answers:?}");
    let idle = ["u:t:modal", "u:sv", "u:d", "u:wy", "u:c:y", "u:e:ow", "u:ed", "u:wd"].map(String::from);
    let mut forged = idle.to_vec();
    forged.push(list_page);
    let answers = press_forged(&resident, &forged).await;
    assert_eq!(answers.len(), forged.len());
    assert!(answers.iter().all(|a| a.text.as_deref() == Some("Tombol ini sudah tidak berlaku.")), "{answers:?}");
    resident.expect_no_message(Duration::from_millis(300)).await;
    other.expect_no_message(Duration::from_millis(100)).await;

    reply(&resident, "/umkm").await;
    tap(&resident, "Setuju").await;
    reply(&resident, "Warga").await;
    reply(&resident, "Toko Warga").await;
    tap(&resident, "Perdagangan").await;
    tap(&resident, "Kecil").await;
    let answers = press_forged(&resident, &[format!("u:w:{sekip_jaya}"), "u:t:modal".into(), "u:sv".into()]).await;
    assert!(answers.iter().all(|a| a.text.as_deref() == Some("Tombol ini sudah tidak berlaku.")), "{answers:?}");
    let state = app.count("SELECT COUNT(*) FROM dialogues WHERE chat_id = $1 AND state LIKE '%\"Kelurahan\"%' AND state NOT LIKE '%modal%'", 5022).await;
    assert_eq!(state, 1, "still at the kelurahan question, no need toggled");
    assert_eq!(app.count("SELECT COUNT(*) FROM umkm_registrations WHERE user_id = $1", 5022).await, 0);
}

#[tokio::test]
async fn batal_leaves_the_form_and_takes_the_contact_keyboard_away() {
    let app = spawn_app().await;
    let hana = app.member_of(5030, "Hana", "IB1-BL").await;
    reply(&hana, "/umkm").await;
    tap(&hana, "Setuju").await;
    reply(&hana, "Hana").await;
    reply(&hana, "Jamu Hana").await;
    tap(&hana, "Lainnya").await;
    tap(&hana, "Mikro").await;
    tap(&hana, "Bukit Lama").await;

    let cancelled = reply(&hana, "/batal").await;

    assert!(cancelled.text.contains("Dibatalkan") && cancelled.remove_keyboard, "{cancelled:?}");
    assert_eq!(app.count("SELECT COUNT(*) FROM dialogues WHERE chat_id = $1", 5030).await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM consents WHERE user_id = $1 AND purpose = 'umkm'", 5030).await, 1, "consent given stays given");
}

#[tokio::test]
async fn an_english_speaking_resident_gets_the_form_and_its_errors_in_english() {
    let app = spawn_app().await;
    let ivan = app.member_of(5040, "Ivan", "IB1-BL").await;
    reply(&ivan, "/bahasa").await;
    ivan.press("English").await;
    ivan.next_message().await;

    let consent = reply(&ivan, "/umkm").await;
    assert!(consent.text.contains("Law No. 27 of 2022") && consent.has_button("I agree"), "{consent:?}");
    assert!(tap(&ivan, "I agree").await.text.contains("owner's name"));
    let refused = reply(&ivan, "---").await;

    assert!(refused.text.contains("A name needs letters") && refused.text.contains("owner's name"), "{}", refused.text);
}
