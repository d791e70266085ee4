//! "Urungkan" in a real browser (see [`super::browser`]): a wrong closing picked on
//! the ticket page is taken back with one click, and the resident hears the
//! correction in Telegram.

use super::browser::{Browser, LAPTOP};
use super::link_for;
use crate::aspirations::{KECAMATAN, KIM, next_skipping_notices, staff_of, status_of, submit, ticket_id};
use crate::support::spawn_app;

#[tokio::test]
async fn staff_click_urungkan_after_a_wrong_closing_in_a_browser_and_the_resident_hears_the_correction() {
    let Some(browser) = Browser::start(LAPTOP).await else { return };
    let app = spawn_app().await;
    let resident = app.member_of(6131, "Warga Sari", KIM).await;
    let number = submit(&resident, "Infrastruktur", "Jalan berlubang di depan SD 12, RT 03", false).await;
    let id = ticket_id(&app, &number).await;
    let staff = staff_of(&app, 6132, "Staf Rina", KECAMATAN).await;

    browser.log_in(&link_for(&staff).await).await;
    browser.c().goto(&format!("{}/dasbor/aspirasi/{id}", app.console_url)).await.unwrap();
    browser.wait_for_text("Riwayat status").await;
    browser.select("form select[name=to]", "ditolak").await;
    browser.type_into("form textarea[name=note]", "Jalan ini milik provinsi, kami teruskan lewat LAPOR").await;
    browser.click("form[action$='/status'] button[type=submit]").await;
    let moved = browser.wait_for_text("Status disimpan").await;
    let rejected = next_skipping_notices(&resident).await.text;
    browser.click("form[action$='/urungkan'] button[type=submit]").await;
    let undone = browser.wait_for_text("Perubahan diurungkan").await;
    let correction = next_skipping_notices(&resident).await.text;
    let forms = browser.c().find_all(fantoccini::Locator::Css("form[action$='/urungkan']")).await.unwrap();

    assert!(moved.contains("Urungkan") && moved.contains("Ditolak"), "{moved}");
    assert!(rejected.contains(&number) && rejected.contains("Ditolak"), "{rejected}");
    assert!(undone.contains("(koreksi petugas)") && undone.contains("Status: Diterima"), "{undone}");
    assert!(forms.is_empty(), "no second Urungkan");
    assert!(correction.contains("Koreksi") && correction.contains("Diterima"), "{correction}");
    assert_eq!(status_of(&app, id).await, "diterima");
    browser.close().await;
}
