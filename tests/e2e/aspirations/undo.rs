//! Triage notes and "↩️ Urungkan": forwarding and follow-up ask for a note (forwarding
//! may skip it), and staff can take back a wrong change for one minute.


use kimbot::platform::db::ManualClock;

use super::*;
use crate::support::{spawn_app, spawn_app_with_clock};

const ROAD: &str = "Jalan di depan SD 12 berlubang besar sejak Januari, motor sering jatuh.";
const DRAIN: &str = "Saluran air di Lorong Damai tersumbat sampah plastik sejak minggu lalu.";
/// Tuesday 1 December 2026, 09:00 WIB.
const NOW: i64 = 1_796_090_400;

#[tokio::test]
async fn forwarding_asks_for_a_note_that_reaches_the_resident_or_can_be_skipped() {
    let app = spawn_app().await;
    let staff = staff_of(&app, 5401, "Staf Rina", KECAMATAN).await;
    let budi = app.member_of(5402, "Budi", KIM).await;
    let number = submit(&budi, "Infrastruktur", ROAD, false).await;
    let id = ticket_id(&app, &number).await;

    open_card(&staff, "/antrian").await;
    staff.press("Teruskan").await;
    let ask = next_skipping_notices(&staff).await;
    let status_while_asked = status_of(&app, id).await;
    staff.send("Diteruskan ke Dinas PUPR bagian jalan.").await;
    let moved = next_skipping_notices(&staff).await;
    let heard = budi.next_message().await.text;

    assert!(ask.text.contains(&number) && ask.has_button("Lewati"), "{:?}", ask);
    assert_eq!(status_while_asked, "diterima", "nothing changes before the note");
    assert!(moved.text.contains("sekarang: Diteruskan") && moved.has_button("Urungkan"), "{moved:?}");
    assert!(heard.contains("berstatus: Diteruskan") && heard.contains("Dinas PUPR bagian jalan"), "{heard}");
    let note = app.count("SELECT COUNT(*) FROM aspiration_status_log WHERE aspiration_id = $1 AND note IS NOT NULL", id).await;
    assert_eq!(note, 1);
}

#[tokio::test]
async fn staff_undo_a_wrong_closing_within_a_minute_and_the_resident_hears_the_correction() {
    let clock = ManualClock::new(NOW);
    let app = spawn_app_with_clock(clock.clone()).await;
    let staff = staff_of(&app, 5411, "Staf Rina", KECAMATAN).await;
    let budi = app.member_of(5412, "Budi", KIM).await;
    let number = submit(&budi, "Infrastruktur", ROAD, false).await;
    let id = ticket_id(&app, &number).await;
    open_card(&staff, "/antrian").await;
    staff.press("Tolak").await;
    next_skipping_notices(&staff).await;
    staff.send("Jalan ini milik provinsi, laporan diteruskan lewat LAPOR.").await;
    let moved = next_skipping_notices(&staff).await;
    let closed_notice = budi.next_message().await;

    clock.advance(50);
    staff.press("Urungkan").await;
    let undone = next_skipping_notices(&staff).await.text;
    let card = open_card_after(&staff).await;
    let correction = budi.next_message().await.text;
    let respond = press_forged(&budi, closed_notice.message_id, &button_data(&closed_notice, "Tanggapi")).await;

    assert!(moved.text.contains("sekarang: Ditolak") && moved.text.contains("1 menit"), "{}", moved.text);
    assert!(undone.contains("diurungkan") && undone.contains("Diterima"), "{undone}");
    assert!(card.text.contains("Status: Diterima") && card.has_button("Teruskan"), "the card again: {}", card.text);
    assert!(card.text.contains("kembali ke Diterima (koreksi petugas)"), "{}", card.text);
    assert!(correction.contains(&number) && correction.contains("Koreksi") && correction.contains("Diterima"), "{correction}");
    assert_eq!(respond.text.as_deref(), Some(STALE), "the closing's Tanggapi no longer applies");
    assert_eq!(status_of(&app, id).await, "diterima");
    let undo_rows = "SELECT COUNT(*) FROM aspiration_status_log WHERE aspiration_id = $1 AND undoes IS NOT NULL \
                     AND from_status = 'ditolak' AND to_status = 'diterima'";
    assert_eq!(app.count(undo_rows, id).await, 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'aspiration.undo' AND actor = $1", 5411).await, 1);
}

#[tokio::test]
async fn an_undo_after_a_minute_after_another_change_by_someone_else_or_twice_is_refused_as_stale() {
    let clock = ManualClock::new(NOW);
    let app = spawn_app_with_clock(clock.clone()).await;
    let staff = staff_of(&app, 5421, "Staf Rina", KECAMATAN).await;
    let other = staff_of(&app, 5422, "Staf Dodi", KECAMATAN).await;
    let budi = app.member_of(5423, "Budi", KIM).await;
    let late = submit(&budi, "Infrastruktur", ROAD, false).await;
    let busy = submit(&budi, "Lingkungan", DRAIN, false).await;
    open_card(&staff, &format!("/status {late}")).await;
    let late_moved = forward(&staff).await;
    open_card(&staff, &format!("/status {busy}")).await;
    let busy_moved = forward(&staff).await;
    open_card(&staff, &format!("/status {busy}")).await;
    staff.press("Tindak lanjut").await;
    next_skipping_notices(&staff).await;
    staff.send("Petugas kebersihan dijadwalkan besok pagi.").await;
    let follow_up = next_skipping_notices(&staff).await;

    clock.advance(61);
    let expired = press_forged(&staff, late_moved.message_id, &button_data(&late_moved, "Urungkan")).await;
    clock.set(NOW + 30);
    let superseded = press_forged(&staff, busy_moved.message_id, &button_data(&busy_moved, "Urungkan")).await;
    let by_other = press_forged(&other, follow_up.message_id, &button_data(&follow_up, "Urungkan")).await;
    let own = press_forged(&staff, follow_up.message_id, &button_data(&follow_up, "Urungkan")).await;
    let twice = press_forged(&staff, follow_up.message_id, &button_data(&follow_up, "Urungkan")).await;

    assert_eq!(expired.text.as_deref(), Some(STALE), "after a minute");
    assert_eq!(superseded.text.as_deref(), Some(STALE), "after another change");
    assert_eq!(by_other.text.as_deref(), Some(STALE), "only the one who made the change");
    assert_eq!(own.text, None, "the author within the minute");
    assert_eq!(twice.text.as_deref(), Some(STALE), "an undo is not undone twice");
    assert_eq!(status_of(&app, ticket_id(&app, &late).await).await, "diteruskan");
    assert_eq!(status_of(&app, ticket_id(&app, &busy).await).await, "diteruskan");
}

#[tokio::test]
async fn lewati_is_refused_where_a_note_is_required() {
    let app = spawn_app().await;
    let staff = staff_of(&app, 5431, "Staf Rina", KECAMATAN).await;
    let budi = app.member_of(5432, "Budi", KIM).await;
    let number = submit(&budi, "Infrastruktur", ROAD, false).await;
    let id = ticket_id(&app, &number).await;
    open_card(&staff, "/antrian").await;
    staff.press("Tindak lanjut").await;
    let ask = next_skipping_notices(&staff).await;

    let skipped = press_forged(&staff, ask.message_id, &format!("a:x:{id}")).await;
    staff.send("Petugas meninjau lokasi hari Kamis.").await;
    let moved = next_skipping_notices(&staff).await;

    assert!(!ask.has_button("Lewati"), "{:?}", ask.button_labels());
    assert_eq!(skipped.text.as_deref(), Some(STALE));
    assert!(moved.text.contains("sekarang: Ditindaklanjuti"), "the question stays open: {}", moved.text);
}

/// The ticket card that follows an undo.
async fn open_card_after(p: &fake_telegram::Person) -> fake_telegram::BotMessage {
    loop {
        let m = next_skipping_notices(p).await;
        if m.text.contains("📋 Tiket") {
            return m;
        }
    }
}
