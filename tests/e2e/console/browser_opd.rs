//! An agency officer works their queue in a real browser (see [`super::browser`]):
//! lands on the agency's queue, opens the ticket, accepts it, writes progress and
//! finishes it; the resident hears each step in Telegram with the agency's name.

use super::browser::{Browser, LAPTOP};
use super::link_for;
use crate::aspirations::opd::{load_agencies, officer_of, send_to};
use crate::aspirations::{KECAMATAN, KIM, next_skipping_notices, open_card, staff_of, status_of, submit, ticket_id};
use crate::support::spawn_app;

#[tokio::test]
async fn an_agency_officer_accepts_reports_progress_and_finishes_a_ticket_in_a_browser() {
    let Some(browser) = Browser::start(LAPTOP).await else { return };
    let app = spawn_app().await;
    load_agencies(&app).await;
    let resident = app.member_of(6141, "Warga Sari", KIM).await;
    let number = submit(&resident, "Infrastruktur", "Jalan berlubang di depan SD 12, RT 03", false).await;
    let id = ticket_id(&app, &number).await;
    let staff = staff_of(&app, 6142, "Staf Rina", KECAMATAN).await;
    let officer = officer_of(&app, 6143, "Pak Joko", "PUPR").await;
    open_card(&staff, "/antrian").await;
    send_to(&staff, "Dinas PUPR", None).await;
    next_skipping_notices(&resident).await;

    // Officers land on their agency's queue, not the staff's (so not `Browser::log_in`).
    browser.c().goto(&link_for(&officer).await).await.unwrap();
    browser.wait_for_text("Masuk").await;
    browser.click("main form button[type=submit]").await;
    let queue = browser.wait_for_text(&number).await;
    browser.click(&format!("a[href='/dasbor/opd/{id}']")).await;
    browser.wait_for_text("Tindak lanjut OPD").await;
    browser.click("form[action$='/terima'] button[type=submit]").await;
    browser.wait_for_text("Tiket diterima").await;
    let accepted = next_skipping_notices(&resident).await.text;
    browser.type_into("form[action$='/progres'] textarea[name=text]", "Tim turun ke lokasi hari Kamis.").await;
    browser.click("form[action$='/progres'] button[type=submit]").await;
    let progressed = browser.wait_for_text("Kabar progres sudah dikirim").await;
    let progress = next_skipping_notices(&resident).await.text;
    browser.type_into("form[action$='/selesai'] textarea[name=text]", "Lubang sudah ditambal dan diaspal ulang.").await;
    browser.click("form[action$='/selesai'] button[type=submit]").await;
    let after = browser.wait_for_text("Belum ada aspirasi").await;
    let done = next_skipping_notices(&resident).await.text;

    assert!(queue.contains("Antrian OPD") && !queue.contains("Ringkasan"), "{queue}");
    assert!(accepted.contains("Dinas PUPR sudah menerima"), "{accepted}");
    assert!(progressed.contains("Tim turun ke lokasi") && progress.contains("Kabar dari Dinas PUPR"), "{progress}");
    assert!(!after.contains(&number), "a finished ticket leaves the agency's queue: {after}");
    assert!(done.contains("Dinas PUPR sudah menyelesaikan") && done.contains("diaspal ulang"), "{done}");
    assert_eq!(status_of(&app, id).await, "selesai");
    browser.close().await;
}
