//! Aspirations end to end: the `/aspirasi` form, `/status`, the `/antrian` triage
//! queue, replies, staff notices, and ticket numbers under concurrency.

mod concurrency;
mod desk;
mod desk_notes;
mod edges;
pub mod opd;
mod reopen;
mod sla;
mod stages;
mod submit;
mod triage;
mod undo;
mod verdict;

use std::time::Duration;

use fake_telegram::{BotMessage, CallbackAnswer, Person};
use sqlx::Row;

use crate::support::{MessageExt, PersonExt, TestApp};

/// The resident's KIM in these tests, and the kecamatan its kelurahan lies in.
pub const KIM: &str = "IB1-BL";
pub const KECAMATAN: &str = "Ilir Barat I";
pub const STALE: &str = "Tombol ini sudah tidak berlaku.";

pub async fn staff_of(app: &TestApp, id: i64, name: &str, area: &str) -> Person {
    app.grant_staff(id, area).await;
    app.member_of(id, name, KIM).await
}

pub async fn coordinator_of(app: &TestApp, id: i64, name: &str) -> Person {
    app.grant_coordinator(id, KIM).await;
    app.member_of(id, name, KIM).await
}

/// Goes through `/aspirasi` without photos or location; returns the ticket number.
pub async fn submit(p: &Person, category: &str, text: &str, hide: bool) -> String {
    p.send("/aspirasi").await;
    assert!(p.next_message().await.has_button("Infrastruktur"));
    p.press(category).await;
    assert!(p.next_message().await.text.contains("Tuliskan aspirasi"));
    p.send(text).await;
    assert!(p.next_message().await.has_button("Lewati"));
    p.press("Lewati").await;
    assert!(p.next_message_skipping_edits().await.text.contains("Sembunyikan identitas"));
    p.press(if hide { "Sembunyikan" } else { "Tampilkan" }).await;
    assert!(p.next_message().await.has_button("Kirim"));
    p.press("Kirim").await;
    ticket_in(&p.next_message_skipping_edits().await.text)
}

/// The first `ASP-YYYY-NNNNNN` in a text.
pub fn ticket_in(text: &str) -> String {
    let at = text.find("ASP-").unwrap_or_else(|| panic!("no ticket number in {text:?}"));
    text[at..at + 15].to_string()
}

pub async fn ticket_id(app: &TestApp, number: &str) -> i64 {
    let row = sqlx::query("SELECT id FROM aspirations WHERE ticket = $1").bind(number).fetch_one(&app.db.pool).await;
    row.unwrap().try_get("id").unwrap()
}

pub async fn status_of(app: &TestApp, id: i64) -> String {
    let row = sqlx::query("SELECT status FROM aspirations WHERE id = $1").bind(id).fetch_one(&app.db.pool).await;
    row.unwrap().try_get("status").unwrap()
}

/// The next new message, passing over "new aspirations" notices (they come from the
/// outbox whenever the worker gets to them).
pub async fn next_skipping_notices(p: &Person) -> BotMessage {
    loop {
        let m = p.next_message_skipping_edits().await;
        if !(m.text.starts_with("🔔") && m.text.contains("aspirasi baru")) {
            return m;
        }
    }
}

/// Sends `/antrian` (or `/status …`) and returns the ticket card, after any photos.
pub async fn open_card(p: &Person, command: &str) -> BotMessage {
    p.send(command).await;
    loop {
        let m = next_skipping_notices(p).await;
        if m.text.contains("📋 Tiket") {
            return m;
        }
        assert!(m.text.is_empty(), "expected photos then a ticket card, got {:?}", m.text);
    }
}

/// "Teruskan" on the open card, then "Lewati" on the note question; returns the
/// confirmation.
pub async fn forward(staff: &Person) -> BotMessage {
    staff.press("Teruskan").await;
    let ask = next_skipping_notices(staff).await;
    assert!(ask.has_button("Lewati"), "{}", ask.text);
    staff.press("Lewati").await;
    next_skipping_notices(staff).await
}

pub fn button_data(m: &BotMessage, label: &str) -> String {
    let found = m.buttons.iter().flatten().find(|b| b.text.contains(label));
    found.and_then(|b| b.callback_data.clone()).unwrap_or_else(|| panic!("no {label:?} in {:?}", m.button_labels()))
}

/// Presses raw callback data and waits (bounded) for the bot's answer to it.
pub async fn press_forged(p: &Person, message_id: i32, data: &str) -> CallbackAnswer {
    let id = p.press_data(message_id, data).await;
    for _ in 0..100 {
        if let Some(a) = p.callback_answers().into_iter().find(|a| a.callback_query_id == id) {
            return a;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("no answer to the press of {data:?}");
}

/// Goes through `/aspirasi` with one photo and a location; returns the anonymity
/// question's text and the ticket number.
pub async fn submit_with_media(p: &Person, text: &str, hide: bool) -> (String, String) {
    p.send("/aspirasi").await;
    p.next_message().await;
    p.press("Infrastruktur").await;
    p.next_message().await;
    p.send(text).await;
    assert!(p.next_message().await.text.contains("Ada foto atau lokasi?"));
    p.send_photo().await;
    assert!(p.next_message().await.text.contains("Foto 1/3 diterima"));
    p.send_location(-2.976074, 104.775431).await;
    assert!(p.next_message().await.text.contains("Lokasi diterima"));
    p.press("Selesai").await;
    let question = p.next_message_skipping_edits().await.text;
    p.press(if hide { "Sembunyikan" } else { "Tampilkan" }).await;
    assert!(p.next_message().await.has_button("Kirim"));
    p.press("Kirim").await;
    (question, ticket_in(&p.next_message_skipping_edits().await.text))
}

/// Photos the bot sent to one chat.
pub fn photos_sent_to(app: &TestApp, chat: i64) -> usize {
    app.fake.calls_to("sendphoto").into_iter().filter(|c| c.params["chat_id"].to_string().trim_matches('"') == chat.to_string()).count()
}
