//! A resident's one response to a closed ticket ("Belum beres" under the verdict
//! question of a done ticket, "Tanggapi" under a refusal): it reopens the ticket for
//! staff review; a second try is refused kindly, a forged press as stale.

use fake_telegram::{BotMessage, Person};
use kimbot::features::webhooks::store as hooks;

use super::*;
use crate::support::spawn_app;

const ROAD: &str = "Jalan di depan SD 12 berlubang besar sejak Januari, motor sering jatuh.";
const RESPONSE: &str = "Lubangnya hanya ditimbun tanah, sudah berlubang lagi setelah hujan kemarin.";

/// Staff close the ticket shown on their card with `button` and a note; returns the
/// notice the resident gets.
async fn close(staff: &Person, resident: &Person, number: &str, button: &str) -> BotMessage {
    open_card(staff, &format!("/status {number}")).await;
    staff.press(button).await;
    assert!(next_skipping_notices(staff).await.text.contains("Tulis catatan"));
    staff.send("Sudah ditangani Dinas PUPR minggu ini.").await;
    assert!(next_skipping_notices(staff).await.text.contains("sekarang:"));
    resident.next_message().await
}

/// Sends the response, checks it is shown back for confirmation, and sends it;
/// returns what the resident is told then.
pub async fn respond(resident: &Person, text: &str) -> String {
    resident.send(text).await;
    let confirm = resident.next_message().await;
    assert!(confirm.text.contains(text) && confirm.has_button("Kirim tanggapan"), "{}", confirm.text);
    resident.press("Kirim tanggapan").await;
    resident.next_message_skipping_edits().await.text
}

/// The next message starting with 🔁 (the reopened-ticket notice).
async fn next_reopened(p: &Person) -> BotMessage {
    loop {
        let m = p.next_message_skipping_edits().await;
        if m.text.starts_with("🔁") {
            return m;
        }
    }
}

#[tokio::test]
async fn a_resident_responds_once_to_a_closed_ticket_which_goes_back_to_staff_for_review() {
    let app = spawn_app().await;
    hooks::add_endpoint(&app.db, "http://127.0.0.1:9/hook", &[&kimbot::features::aspirations::webhook::STATUS_CHANGED], "rahasia", 0).await.unwrap();
    let staff = staff_of(&app, 5401, "Staf Rina", KECAMATAN).await;
    let budi = app.member_of(5402, "Budi", KIM).await;
    let number = submit(&budi, "Infrastruktur", ROAD, false).await;
    let id = ticket_id(&app, &number).await;

    let closed = close(&staff, &budi, &number, "Selesai").await;
    budi.press("Belum beres").await;
    let ask = budi.next_message().await.text;
    budi.send(&"panjang ".repeat(300)).await;
    let too_long = budi.next_message().await.text;
    let sent = respond(&budi, RESPONSE).await;
    let staff_heard = next_reopened(&staff).await;
    let card = open_card(&staff, "/antrian").await;
    let again = press_forged(&budi, closed.message_id, &button_data(&closed, "Belum beres")).await;
    let refused = budi.next_message().await.text;

    assert!(closed.text.contains("berstatus: Selesai") && closed.has_button("Belum beres"), "{:?}", closed.button_labels());
    assert!(ask.contains("apa yang masih bermasalah") && ask.contains(&number), "{ask}");
    assert!(too_long.contains("batasnya 2000"), "{too_long}");
    assert!(sent.contains("dibuka kembali"), "{sent}");
    assert!(staff_heard.text.contains(&number) && staff_heard.text.contains("hanya ditimbun tanah"), "{}", staff_heard.text);
    assert!(card.text.contains(&number) && card.text.contains("🔁 Dibuka kembali"), "{}", card.text);
    assert!(card.text.contains("Status: Ditindaklanjuti") && card.has_button("Selesai"), "{}", card.text);
    assert_eq!(again.text, None, "the second press is answered with a message, not as stale");
    assert!(refused.contains("sudah pernah dibuka kembali sekali"), "{refused}");
    assert_eq!(status_of(&app, id).await, "ditindaklanjuti");
    assert_eq!(app.count("SELECT COUNT(*) FROM aspiration_status_log WHERE aspiration_id = $1", id).await, 3);
    assert_eq!(app.count("SELECT COUNT(*) FROM aspiration_messages WHERE kind = 'response' AND aspiration_id = $1", id).await, 1);
    let hooks_sql = "SELECT COUNT(*) FROM webhook_deliveries WHERE event = 'aspiration.status_changed' \
                     AND previous_status = 'selesai' AND status = 'ditindaklanjuti' AND subject_id = $1";
    assert_eq!(app.count(hooks_sql, id).await, 1, "the reopening fires aspiration.status_changed");

    budi.send(&format!("/status {number}")).await;
    let view = budi.next_message().await;
    let closed_again = close(&staff, &budi, &number, "Selesai").await;

    assert!(view.text.contains("dibuka kembali atas tanggapan Anda") && view.text.contains("Anda: Lubangnya"), "{}", view.text);
    assert!(!view.has_button("Tanggapi"), "{:?}", view.button_labels());
    assert!(closed_again.text.contains("berstatus: Selesai") && !closed_again.has_button("Belum beres"), "only once per ticket");
    assert!(closed_again.has_button("4"), "the second closing still asks for a score: {:?}", closed_again.button_labels());
}

#[tokio::test]
async fn a_forged_or_stale_respond_press_is_refused_and_coordinators_learn_nothing() {
    let app = spawn_app().await;
    let staff = staff_of(&app, 5411, "Staf Rina", KECAMATAN).await;
    let koor = coordinator_of(&app, 5412, "Koor Lina").await;
    app.user(5413, "Budi").with_username("budi_bl");
    let budi = app.member_of(5413, "Budi", KIM).await;
    let siti = app.member_of(5414, "Siti", KIM).await;
    let closed = submit(&budi, "Keamanan", "Sering ada balap liar di Jalan Inspektur Marzuki tiap malam.", true).await;
    let open = submit(&budi, "Infrastruktur", ROAD, true).await;
    let (closed_id, open_id) = (ticket_id(&app, &closed).await, ticket_id(&app, &open).await);
    let notice = close(&staff, &budi, &closed, "Tolak").await;

    let last_of_siti = siti.last_message().unwrap().message_id;
    let other_persons = press_forged(&siti, last_of_siti, &format!("a:k:{closed_id}")).await;
    let not_closed = press_forged(&budi, notice.message_id, &format!("a:k:{open_id}")).await;
    budi.press("Tanggapi").await;
    budi.next_message().await;
    assert!(respond(&budi, RESPONSE).await.contains("dibuka kembali"));
    next_reopened(&staff).await;
    let koor_card = open_card(&koor, &format!("/status {closed}")).await.text;

    assert!(notice.text.contains("berstatus: Ditolak") && notice.has_button("Tanggapi"));
    assert_eq!(other_persons.text.as_deref(), Some(STALE), "another resident's ticket");
    assert_eq!(not_closed.text.as_deref(), Some(STALE), "a ticket that is not closed");
    assert_eq!(status_of(&app, open_id).await, "diterima");
    assert_eq!(app.count("SELECT COUNT(*) FROM dialogues WHERE chat_id = $1", 5414).await, 0, "no dialogue for Siti");
    assert!(koor_card.contains("Pengirim: Anonim") && !koor_card.contains("Budi"), "{koor_card}");
    assert_eq!(app.count("SELECT COUNT(*) FROM outbox WHERE source LIKE 'aspiration:%' AND chat_id = $1", 5412).await, 0);
}

#[tokio::test]
async fn staff_read_the_residents_response_and_the_closing_note_on_the_reopened_ticket_card() {
    let app = spawn_app().await;
    let staff = staff_of(&app, 5441, "Staf Rina", KECAMATAN).await;
    let budi = app.member_of(5442, "Budi", KIM).await;
    let number = submit(&budi, "Infrastruktur", ROAD, false).await;
    close(&staff, &budi, &number, "Selesai").await;
    budi.press("Belum beres").await;
    budi.next_message().await;
    respond(&budi, RESPONSE).await;
    let pushed = next_reopened(&staff).await;

    let card = open_card(&staff, "/antrian").await;
    let by_number = open_card(&staff, &format!("/status {number}")).await;

    assert!(pushed.text.contains("hanya ditimbun tanah"), "the response is pushed: {}", pushed.text);
    for card in [&card.text, &by_number.text] {
        assert!(card.contains("Warga: Lubangnya hanya ditimbun tanah"), "{card}");
        assert!(card.contains("Selesai - Sudah ditangani Dinas PUPR minggu ini."), "{card}");
        assert!(card.contains("dibuka kembali atas tanggapan warga"), "{card}");
    }
}

#[tokio::test]
async fn a_few_angry_emoji_do_not_spend_the_one_response_and_sending_asks_first() {
    let app = spawn_app().await;
    let staff = staff_of(&app, 5451, "Staf Rina", KECAMATAN).await;
    let budi = app.member_of(5452, "Budi", KIM).await;
    let number = submit(&budi, "Infrastruktur", ROAD, false).await;
    let id = ticket_id(&app, &number).await;
    close(&staff, &budi, &number, "Selesai").await;

    budi.press("Belum beres").await;
    budi.next_message().await;
    budi.send("😡😡😡").await;
    let too_thin = budi.next_message().await.text;
    let status_after_emoji = status_of(&app, id).await;
    budi.send(RESPONSE).await;
    let confirm = budi.next_message().await;
    let status_while_asked = status_of(&app, id).await;
    budi.press("Batal").await;
    let not_sent = budi.next_message().await.text;
    budi.press("Belum beres").await;
    let asked_again = budi.next_message().await.text;

    assert!(too_thin.contains("paling sedikit 3 kata"), "{too_thin}");
    assert_eq!(status_after_emoji, "selesai", "emoji alone reopen nothing");
    assert!(confirm.text.contains(RESPONSE) && confirm.has_button("Kirim tanggapan"), "{}", confirm.text);
    assert_eq!(status_while_asked, "selesai", "nothing reopens before it is confirmed");
    assert!(not_sent.contains("tidak dikirim") && not_sent.contains(&number), "{not_sent}");
    assert!(asked_again.contains("apa yang masih bermasalah"), "the one response is still there: {asked_again}");
    assert_eq!(app.count("SELECT COUNT(*) FROM aspiration_messages WHERE kind = 'response' AND aspiration_id = $1", id).await, 0);
}
