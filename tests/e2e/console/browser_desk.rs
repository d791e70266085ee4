//! The staff desk in a real browser (see [`super::browser`]): a ticket found by the
//! number the resident quotes, taken over by a colleague through the picker, and a
//! bulk status change on ticked rows whose residents are each told in Telegram.

use super::browser::{Browser, LAPTOP};
use super::link_for;
use crate::aspirations::{KECAMATAN, KIM, next_skipping_notices, staff_of, status_of, submit, ticket_id};
use crate::support::spawn_app;

#[tokio::test]
async fn staff_find_by_number_assign_a_colleague_and_change_two_tickets_at_once_in_a_browser() {
    let Some(browser) = Browser::start(LAPTOP).await else { return };
    let app = spawn_app().await;
    let sari = app.member_of(25201, "Warga Sari", KIM).await;
    let joko = app.member_of(25202, "Warga Joko", KIM).await;
    let first = submit(&sari, "Infrastruktur", "Jalan berlubang di depan SD 12, RT 03", false).await;
    let second = submit(&joko, "Lingkungan", "Sampah menumpuk di pinggir sungai RT 07", false).await;
    let (a, b) = (ticket_id(&app, &first).await, ticket_id(&app, &second).await);
    let staff = staff_of(&app, 25203, "Staf Rina", KECAMATAN).await;
    let _budi = staff_of(&app, 25204, "Staf Budi", KECAMATAN).await;

    browser.log_in(&link_for(&staff).await).await;
    browser.c().goto(&format!("{}/dasbor/aspirasi", app.console_url)).await.unwrap();
    browser.wait_for_text("2 tiket").await;
    browser.type_into("form.filters input[name=q]", &first.to_lowercase()).await;
    browser.click("form.filters button[type=submit]").await;
    let found = browser.wait_for_text("Penanganan").await;
    let url = browser.c().current_url().await.unwrap().to_string();
    browser.select("form[action$='/tugaskan'] select[name=assignee]", "25204").await;
    browser.click("form[action$='/tugaskan'] button[type=submit]").await;
    let assigned = browser.wait_for_text("Ditangani oleh: Staf Budi").await;

    browser.c().goto(&format!("{}/dasbor/aspirasi", app.console_url)).await.unwrap();
    browser.wait_for_text("2 tiket").await;
    browser.click(&format!("input[name=id][value='{a}']")).await;
    browser.click(&format!("input[name=id][value='{b}']")).await;
    browser.select("#bulk select[name=action]", "status").await;
    browser.select("#bulk select[name=to]", "ditindaklanjuti").await;
    browser.type_into("#bulk textarea[name=note]", "Petugas kelurahan sudah meninjau lokasi hari ini").await;
    browser.click("#bulk fieldset button[type=submit]").await;
    let summary = browser.wait_for_text("berhasil diproses").await;
    let told_sari = next_skipping_notices(&sari).await.text;
    let told_joko = next_skipping_notices(&joko).await.text;

    assert!(found.contains(&first) && url.ends_with(&format!("/dasbor/aspirasi/{first}")), "{url}: {found}");
    assert!(assigned.contains("Ditangani oleh: Staf Budi"), "{assigned}");
    assert!(summary.contains("2 dari 2 tiket berhasil diproses"), "{summary}");
    for (told, number) in [(&told_sari, &first), (&told_joko, &second)] {
        assert!(told.contains(number.as_str()) && told.contains("sudah meninjau lokasi"), "{told}");
    }
    assert_eq!((status_of(&app, a).await, status_of(&app, b).await), ("ditindaklanjuti".into(), "ditindaklanjuti".into()));
    browser.close().await;
}

#[tokio::test]
async fn fifteen_queue_rows_fit_a_laptop_screen() {
    let Some(browser) = Browser::start(LAPTOP).await else { return };
    let app = spawn_app().await;
    let now = chrono::Utc::now().timestamp();
    let categories = ["infrastruktur", "lingkungan", "kesehatan", "keamanan", "ekonomi"];
    for n in 0..20i64 {
        super::summary::ticket(&app, 700 + n, KIM, categories[n as usize % 5], now - n * 40_000, None).await;
    }
    let staff = staff_of(&app, 25211, "Staf Rina", KECAMATAN).await;
    browser.log_in(&link_for(&staff).await).await;
    browser.c().goto(&format!("{}/dasbor/aspirasi", app.console_url)).await.unwrap();
    browser.wait_for_text("20 tiket").await;
    let rows = browser.c().find_all(fantoccini::Locator::Css("table.desk tbody tr")).await.unwrap();
    let (_, y, _, h) = rows[14].rectangle().await.unwrap();
    let viewport: f64 = browser.c().execute("return window.innerHeight", vec![]).await.unwrap().as_f64().unwrap();
    browser.screenshot("console-desk-queue.png").await;
    assert!(y + h <= viewport, "the 15th row ends at {} px of a {viewport} px viewport", y + h);
    browser.close().await;
}
