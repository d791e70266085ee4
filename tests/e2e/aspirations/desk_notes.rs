//! The staff desk in chat: "📝 Catatan" on the staff card (an internal note the
//! resident never receives; `/batal` leaves the question) and "📋 Balasan siap" on
//! the reply question (a canned reply filled in and sent).

use super::*;
use crate::support::{MessageExt, spawn_app};
use kimbot::kernel::members::UserId;

const ROAD: &str = "Jalan di depan SD 12 berlubang besar sejak Januari, motor sering jatuh.";

#[tokio::test]
async fn staff_write_an_internal_note_from_the_card_and_the_resident_never_receives_it() {
    let app = spawn_app().await;
    let staff = staff_of(&app, 6301, "Staf Rina", KECAMATAN).await;
    let koor = coordinator_of(&app, 6303, "Koor Lina").await;
    let budi = app.member_of(6302, "Budi", KIM).await;
    let number = submit(&budi, "Infrastruktur", ROAD, false).await;
    let id = ticket_id(&app, &number).await;
    let outbox = "SELECT COUNT(*) FROM outbox WHERE chat_id = $1";
    let before = app.count(outbox, 6302).await;

    let card = open_card(&staff, "/antrian").await;
    staff.press("Catatan").await;
    let asked = next_skipping_notices(&staff).await.text;
    staff.send("/batal").await;
    next_skipping_notices(&staff).await;
    staff.press_data(card.message_id, &button_data(&card, "Catatan")).await;
    next_skipping_notices(&staff).await;
    staff.send("Sudah telepon Pak RT, jalan milik provinsi.").await;
    let saved = next_skipping_notices(&staff).await.text;
    let again = open_card(&staff, &format!("/status {number}")).await;
    let koor_card = open_card(&koor, &format!("/status {number}")).await;
    let forged = press_forged(&koor, koor_card.message_id, &format!("a:nt:{id}")).await;

    assert!(card.has_button("Catatan"), "{:?}", card.button_labels());
    assert!(asked.contains("catatan internal") && asked.contains("/batal"), "{asked}");
    assert!(saved.contains("Catatan internal") && saved.contains(&number) && saved.contains("tidak menerimanya"), "{saved}");
    assert!(again.text.contains("Catatan internal") && again.text.contains("Staf Rina: Sudah telepon Pak RT"), "{}", again.text);
    assert!(!koor_card.text.contains("Pak RT") && !koor_card.has_button("Catatan"), "coordinators read no notes: {}", koor_card.text);
    assert_eq!(forged.text.as_deref(), Some(STALE));
    assert_eq!(app.count(outbox, 6302).await, before, "nothing queued to the resident");
    assert_eq!(app.count("SELECT COUNT(*) FROM aspiration_notes WHERE aspiration_id = $1", id).await, 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'aspiration.note' AND actor = $1", 6301).await, 1);
}

#[tokio::test]
async fn staff_send_a_canned_reply_from_chat_with_the_ticket_number_filled_in() {
    let app = spawn_app().await;
    let staff = staff_of(&app, 6311, "Staf Rina", KECAMATAN).await;
    let budi = app.member_of(6312, "Budi", KIM).await;
    let number = submit(&budi, "Infrastruktur", ROAD, false).await;
    let id = ticket_id(&app, &number).await;
    let body = "Halo {nama}, tiket {tiket} sudah kami terima. {tidakdikenal}";
    kimbot::features::aspirations::desk_store::insert_canned(&app.db, "Kota Palembang", "Sudah diterima", body, UserId(6311), 1).await.unwrap();

    open_card(&staff, "/antrian").await;
    staff.press("Balas").await;
    let ask = next_skipping_notices(&staff).await;
    staff.press("Balasan siap").await;
    let list = next_skipping_notices(&staff).await;
    staff.press("Sudah diterima").await;
    let preview = next_skipping_notices(&staff).await.text;
    staff.press("Kirim balasan ini").await;
    let sent = next_skipping_notices(&staff).await.text;
    let heard = budi.next_message().await;

    let filled = format!("Halo Budi, tiket {number} sudah kami terima. {{tidakdikenal}}");
    assert!(ask.text.contains("Tulis balasan") && ask.has_button("Balasan siap"), "{}", ask.text);
    assert!(list.has_button("Sudah diterima"), "{}", list.text);
    assert!(preview.contains(&filled), "{preview}");
    assert!(sent.contains("dikirim ke warga"), "{sent}");
    assert!(heard.text.contains(&filled) && heard.has_button("Jawab"), "{}", heard.text);
    assert_eq!(app.count("SELECT COUNT(*) FROM aspiration_messages WHERE aspiration_id = $1", id).await, 1);
    // The reply question is over: the next text is no second reply.
    staff.send("/antrian").await;
    assert!(next_skipping_notices(&staff).await.text.contains(&number));
}
