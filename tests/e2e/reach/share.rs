//! The "Bagikan ke WhatsApp" button: on group posts, decoding to the post, off when
//! the author turns it off, never on personal messages.

use fake_telegram::BotMessage;

use crate::announcements::steps::{compose_to_my_kim, coordinator_with_groups, wait_text};
use crate::support::{MessageExt, spawn_app};

/// The text a `wa.me` share button would put in WhatsApp.
fn shared_text(m: &BotMessage) -> Option<String> {
    let url = m.button("Bagikan ke WhatsApp")?.url.clone()?;
    let query = url.strip_prefix("https://wa.me/?")?;
    url::form_urlencoded::parse(query.as_bytes()).find(|(k, _)| k == "text").map(|(_, v)| v.into_owned())
}

#[tokio::test]
async fn the_whatsapp_button_carries_the_post_and_the_bots_link_unless_the_author_turns_it_off() {
    let app = spawn_app().await;
    let (koor, groups) = coordinator_with_groups(&app, 9321, "IB1-BL", &[(-9321, "RT 01")]).await;
    let group = &groups[0];

    compose_to_my_kim(&koor, "Vaksinasi gratis & cek kesehatan, Sabtu 08:00 di balai RW 03").await;
    koor.press("Kirim sekarang").await;
    wait_text(&koor, "Laporan pengumuman").await;
    let shared = group.next_message().await;

    let choices = compose_to_my_kim(&koor, "Rapat pengurus KIM malam ini").await;
    assert!(choices.has_button("Tombol WhatsApp: aktif"), "{:?}", choices.button_labels());
    koor.press("Tombol WhatsApp").await;
    let off = wait_text(&koor, "Kapan dikirim?").await;
    koor.press("Kirim sekarang").await;
    wait_text(&koor, "Laporan pengumuman").await;
    let private = group.next_message().await;

    assert_eq!(
        shared_text(&shared).as_deref(),
        Some("Vaksinasi gratis & cek kesehatan, Sabtu 08:00 di balai RW 03\n\nhttps://t.me/kimbot_test_bot"),
        "{:?}",
        shared.buttons
    );
    assert!(off.has_button("Tombol WhatsApp: mati"), "{:?}", off.button_labels());
    assert_eq!(private.text, "Rapat pengurus KIM malam ini");
    assert!(private.button("WhatsApp").is_none(), "{:?}", private.buttons);
    assert_eq!(app.count("SELECT COUNT(*) FROM announcements WHERE share_off = $1", 1).await, 1);
    for message in koor.messages() {
        assert!(message.button("Bagikan ke WhatsApp").is_none(), "never on personal messages: {message:?}");
    }
}

#[tokio::test]
async fn a_training_post_carries_daftar_and_the_whatsapp_button_unless_turned_off_on_the_announce_step() {
    let (app, _clock) = crate::trainings::app_at_now().await;
    let koor = crate::trainings::coordinator(&app, 9351, "Sari", "IB1-BL").await;
    let group = app.fake.group(-9351, "Warga RT 05");
    group.add_bot(&koor).await;
    group.next_message().await;
    group.set_member_status(&koor, "administrator");
    koor.in_group(&group).send("/hubungkan IB1-BL").await;
    group.next_message().await;

    koor.send("/pelatihanbaru").await;
    koor.next_message().await;
    koor.next_message().await;
    for answer in ["Pelatihan Menjahit Dasar", "", "Belajar menjahit.", "25/12 08:00", "12:00", "Balai Kelurahan"] {
        if answer.is_empty() {
            koor.press("Dinas Koperasi dan UMKM").await;
        } else {
            koor.send(answer).await;
        }
        koor.next_message().await;
    }
    koor.press("Lewati").await;
    wait_text(&koor, "kuota").await;
    koor.send("20").await;
    wait_text(&koor, "pendaftaran dibuka").await;
    koor.send("24/12 17:00").await;
    wait_text(&koor, "untuk siapa").await;
    koor.press("Selesai").await;
    wait_text(&koor, "poster").await;
    koor.press("Lewati").await;
    wait_text(&koor, "Periksa lagi").await;
    koor.press("Terbitkan").await;
    let ask = wait_text(&koor, "Umumkan pelatihan ini").await;
    assert!(ask.has_button("Tombol WhatsApp: aktif"), "{:?}", ask.button_labels());
    koor.press("Tombol WhatsApp").await;
    let off = wait_text(&koor, "Umumkan pelatihan ini").await;
    koor.press("Umumkan").await;
    let posted = group.next_message().await;

    assert!(off.has_button("Tombol WhatsApp: mati"), "{:?}", off.button_labels());
    assert!(posted.has_button("Daftar"), "{:?}", posted.button_labels());
    assert!(posted.button("WhatsApp").is_none(), "turned off: {:?}", posted.button_labels());
}
