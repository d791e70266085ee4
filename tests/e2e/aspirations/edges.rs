//! Rough edges a resident and staff met trying every journey: the queue hiding a
//! forwarded ticket, staff told a reply reached someone who erased their data, and
//! notices to staff who never started the bot.

use super::*;
use crate::support::spawn_app;

const ROAD: &str = "Jalan di depan SD 12 berlubang besar sejak Januari, motor sering jatuh.";

#[tokio::test]
async fn an_empty_antrian_says_how_many_tickets_are_in_progress_and_how_to_see_them() {
    let app = spawn_app().await;
    let staff = staff_of(&app, 5701, "Staf Rina", KECAMATAN).await;
    let budi = app.member_of(5702, "Budi", KIM).await;
    submit(&budi, "Infrastruktur", ROAD, false).await;
    open_card(&staff, "/antrian").await;
    forward(&staff).await;

    staff.send("/antrian").await;
    let empty = next_skipping_notices(&staff).await.text;

    assert!(empty.contains("Tidak ada aspirasi baru"), "{empty}");
    assert!(empty.contains("1 aspirasi sedang diproses") && empty.contains("/antrian proses"), "{empty}");
}

#[tokio::test]
async fn staff_hear_that_a_resident_who_erased_their_data_can_no_longer_be_reached() {
    let app = spawn_app().await;
    let staff = staff_of(&app, 5711, "Staf Rina", KECAMATAN).await;
    let budi = app.member_of(5712, "Budi", KIM).await;
    let number = submit(&budi, "Infrastruktur", ROAD, false).await;
    budi.send("/hapusdata").await;
    budi.next_message_skipping_edits().await;
    budi.press("Hapus").await;
    assert!(budi.next_message().await.text.contains("sudah dihapus"));

    open_card(&staff, &format!("/antrian {number}")).await;
    staff.press("Balas").await;
    let reply = next_skipping_notices(&staff).await.text;
    let moved = forward(&staff).await.text;

    assert!(reply.contains("tidak dapat dihubungi lagi") && !reply.contains("Tulis balasan"), "{reply}");
    assert!(moved.contains("tidak dapat dihubungi lagi") && !moved.contains("sudah diberi kabar"), "{moved}");
    assert_eq!(app.count("SELECT COUNT(*) FROM dialogues WHERE chat_id = $1 AND state LIKE '%Reply%'", 5711).await, 0);
}

#[tokio::test]
async fn staff_who_never_started_the_bot_get_the_new_aspiration_notice_once_they_do() {
    let app = spawn_app().await;
    app.grant_staff(5721, KECAMATAN).await;
    let budi = app.member_of(5722, "Budi", KIM).await;
    submit(&budi, "Infrastruktur", ROAD, false).await;
    let queued_before_start = app.count("SELECT COUNT(*) FROM outbox WHERE chat_id = $1", 5721).await;
    let held = app.count("SELECT pending FROM staff_notices WHERE staff_id = $1", 5721).await;

    let staff = app.user(5721, "Staf Rina");
    staff.send(&format!("/start {KIM}")).await;
    staff.next_message().await;
    staff.press("Setuju").await;
    let notice = loop {
        let m = staff.next_message_skipping_edits().await;
        if m.text.contains("aspirasi baru") {
            break m.text;
        }
    };

    assert_eq!((queued_before_start, held), (0, 1), "held, not sent to a chat that never started");
    assert!(notice.contains("1 aspirasi baru"), "{notice}");
}

#[tokio::test]
async fn another_command_mid_form_asks_before_leaving_it_and_a_command_that_only_shows_asks_nothing() {
    let app = spawn_app().await;
    let budi = app.member_of(5731, "Budi", KIM).await;
    budi.send("/aspirasi").await;
    budi.next_message().await;
    budi.press("Infrastruktur").await;
    budi.next_message().await;

    budi.send("/umkm").await;
    let asked = budi.next_message().await;
    budi.press("Lanjutkan").await;
    let kept = budi.next_message().await.text;
    budi.send("/status").await;
    let status = budi.next_message().await.text;
    budi.send(ROAD).await;
    let media = budi.next_message().await;
    budi.send("/umkm").await;
    budi.next_message().await;
    budi.press("Tinggalkan").await;
    let left = budi.next_message().await.text;
    let umkm = budi.next_message_skipping_edits().await.text;

    assert!(asked.text.contains("Tinggalkan formulir aspirasi yang belum selesai?"), "{}", asked.text);
    assert!(asked.has_button("Lanjutkan") && asked.has_button("Tinggalkan"), "{:?}", asked.button_labels());
    assert!(kept.contains("dilanjutkan"), "{kept}");
    assert!(status.contains("belum pernah mengirim aspirasi"), "/status shows without asking: {status}");
    assert!(media.text.contains("Ada foto atau lokasi?"), "the form went on: {}", media.text);
    assert!(left.contains("formulir aspirasi ditinggalkan"), "{left}");
    assert!(umkm.contains("UU No. 27 Tahun 2022"), "then /umkm runs: {umkm}");
    assert_eq!(app.count("SELECT COUNT(*) FROM dialogues WHERE chat_id = $1 AND state LIKE '%Aspiration%'", 5731).await, 0);
}

#[tokio::test]
async fn free_text_outside_a_dialogue_is_offered_as_an_aspiration_and_becomes_its_text() {
    let app = spawn_app().await;
    let budi = app.member_of(5741, "Budi", KIM).await;

    budi.send(ROAD).await;
    let offer = budi.next_message().await;
    budi.press("Kirim aspirasi").await;
    let category = budi.next_message_skipping_edits().await;
    budi.press("Infrastruktur").await;
    let media = budi.next_message_skipping_edits().await;
    budi.press("Lewati").await;
    budi.next_message_skipping_edits().await;
    budi.press("Tampilkan").await;
    let summary = budi.next_message().await.text;

    assert!(offer.text.contains("Ingin melakukan apa"), "{}", offer.text);
    for label in ["Kirim aspirasi", "Cek fakta", "Bantuan"] {
        assert!(offer.has_button(label), "{label}: {:?}", offer.button_labels());
    }
    assert!(category.has_button("Infrastruktur"), "{}", category.text);
    assert!(media.text.contains("Ada foto atau lokasi?"), "the text was taken: {}", media.text);
    assert!(summary.contains(ROAD) && summary.contains("Infrastruktur"), "{summary}");
}

#[tokio::test]
async fn a_photo_sent_outside_a_dialogue_goes_with_the_aspiration_and_a_pasted_hoax_to_cek_fakta() {
    let app = spawn_app().await;
    let budi = app.member_of(5751, "Budi", KIM).await;

    budi.send_photo().await;
    budi.next_message().await;
    budi.press("Kirim aspirasi").await;
    budi.next_message_skipping_edits().await;
    budi.press("Lingkungan").await;
    let ask_text = budi.next_message().await.text;
    budi.send("Sampah menumpuk di pinggir Sungai Sekanak sudah dua minggu.").await;
    let with_photo = budi.next_message().await.text;
    budi.send("/batal").await;
    budi.next_message().await;
    budi.send("Pesan berantai: air PDAM Palembang tercemar, jangan diminum sampai Jumat.").await;
    let offer = budi.next_message().await;
    budi.press("Cek fakta").await;
    let received = budi.next_message_skipping_edits().await.text;

    assert!(ask_text.contains("Tuliskan aspirasi"), "{ask_text}");
    assert!(with_photo.contains("Foto tersimpan: 1/3"), "the photo came along: {with_photo}");
    assert!(offer.has_button("Cek fakta"), "{:?}", offer.button_labels());
    assert!(received.contains("CEK-"), "the pasted text is the request: {received}");
    assert_eq!(app.count("SELECT COUNT(*) FROM fact_checks WHERE user_id = $1", 5751).await, 1);
}

#[tokio::test]
async fn a_long_paste_split_by_telegram_outside_a_dialogue_is_offered_whole_not_its_tail() {
    let app = spawn_app().await;
    let budi = app.member_of(5761, "Budi", KIM).await;
    let head = format!("{}jalan", "Jalan rusak ".repeat(371)); // 4,086 characters
    let tail = "dan lampu jalan di Lorong Mawar padam sejak minggu lalu, mohon diperbaiki.";

    budi.send(&head).await;
    budi.send(tail).await;
    budi.next_message().await;
    budi.next_message().await;
    budi.press("Kirim aspirasi").await;
    budi.next_message_skipping_edits().await;
    budi.press("Infrastruktur").await;
    let after_category = budi.next_message().await;

    assert!(after_category.text.contains("Tuliskan aspirasi"), "the whole paste is too long: {}", after_category.text);
    assert!(!after_category.has_button("Lewati"), "the tail was not taken as the aspiration");
    assert_eq!(app.count("SELECT COUNT(*) FROM dialogues WHERE chat_id = $1 AND state LIKE '%Lorong Mawar%'", 5761).await, 0);
}
