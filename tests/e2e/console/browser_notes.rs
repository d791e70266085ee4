//! The staff desk in a real browser (see [`super::browser`]): an internal note the
//! resident's chat never receives, a canned reply with `{tiket}` filled reaching the
//! resident, the map page with its tiles unreachable (the list is still there), and
//! the ticket page on a phone.

use std::time::{Duration, Instant};
use kimbot::kernel::members::UserId;

use serde_json::json;

use super::browser::{Browser, LAPTOP, PHONE};
use super::link_for;
use crate::aspirations::{KECAMATAN, KIM, next_skipping_notices, staff_of, submit, ticket_id};
use crate::support::{spawn_app, spawn_app_with};

const ROAD: &str = "Jalan di depan SD 12 berlubang besar sejak Januari, motor sering jatuh.";

#[tokio::test]
async fn staff_write_an_internal_note_in_a_browser_and_the_residents_chat_never_receives_it() {
    let Some(browser) = Browser::start(LAPTOP).await else { return };
    let app = spawn_app().await;
    let resident = app.member_of(6251, "Warga Sari", KIM).await;
    let number = submit(&resident, "Infrastruktur", ROAD, false).await;
    let id = ticket_id(&app, &number).await;
    let staff = staff_of(&app, 6252, "Staf Rina", KECAMATAN).await;

    browser.log_in(&link_for(&staff).await).await;
    browser.c().goto(&format!("{}/dasbor/aspirasi/{id}", app.console_url)).await.unwrap();
    browser.wait_for_text("Riwayat status").await;
    browser.type_into("form.note textarea[name=text]", "Rahasia internal: pelapor kerabat lurah").await;
    browser.click("form.note button[type=submit]").await;
    let noted = browser.wait_for_text("Catatan internal disimpan").await;
    browser.screenshot("console-ticket-desk.png").await;
    // A reply after the note: once the resident has it, anything queued before it was sent too.
    browser.type_into("form#balas textarea[name=text]", "Terima kasih, laporan sedang kami periksa.").await;
    browser.click("form#balas button[type=submit]").await;
    browser.wait_for_text("Balasan terkirim").await;
    let reply = next_skipping_notices(&resident).await.text;

    assert!(noted.contains("Rahasia internal") && noted.contains("Staf Rina"), "{noted}");
    assert!(reply.contains("sedang kami periksa"), "{reply}");
    let chat = app.fake.messages(6251);
    assert!(chat.iter().all(|m| !m.text.contains("Rahasia internal")), "the resident never receives the note: {chat:?}");
    browser.close().await;
}

#[tokio::test]
async fn a_canned_reply_picked_in_a_browser_reaches_the_resident_with_the_ticket_number_filled_in() {
    let Some(browser) = Browser::start(LAPTOP).await else { return };
    let app = spawn_app().await;
    let resident = app.member_of(6261, "Sari", KIM).await;
    let number = submit(&resident, "Infrastruktur", ROAD, false).await;
    let id = ticket_id(&app, &number).await;
    let staff = staff_of(&app, 6262, "Staf Rina", KECAMATAN).await;
    let body = "Halo {nama}, laporan {tiket} sudah kami terima dan sedang diperiksa.";
    let canned = kimbot::features::aspirations::desk_store::insert_canned(&app.db, "Kota Palembang", "Diterima", body, UserId(6262), 1).await.unwrap();

    browser.log_in(&link_for(&staff).await).await;
    browser.c().goto(&format!("{}/dasbor/aspirasi/{id}", app.console_url)).await.unwrap();
    browser.wait_for_text("Balasan siap").await;
    browser.select("form.canned-use select[name=balasan]", &canned.to_string()).await;
    browser.click("form.canned-use button[type=submit]").await;
    let typed = browser.c().execute("return document.querySelector('form#balas textarea').value", vec![]).await.unwrap();
    browser.click("form#balas button[type=submit]").await;
    browser.wait_for_text("Balasan terkirim").await;
    let heard = next_skipping_notices(&resident).await.text;

    let want = format!("Halo Sari, laporan {number} sudah kami terima");
    assert!(typed.as_str().is_some_and(|t| t.contains(&want)), "the select filled the reply: {typed}");
    assert!(heard.contains(&want), "{heard}");
    browser.close().await;
}

#[tokio::test]
async fn the_map_page_keeps_its_list_and_pins_when_the_tiles_cannot_be_loaded() {
    let Some(browser) = Browser::start(LAPTOP).await else { return };
    let app = spawn_app_with(&[("KIMBOT_MAP_TILES", "http://127.0.0.1:9/{z}/{x}/{y}.png")]).await;
    let resident = app.member_of(6271, "Warga Sari", KIM).await;
    let number = submit(&resident, "Infrastruktur", ROAD, false).await;
    let id = ticket_id(&app, &number).await;
    sqlx::query("UPDATE aspirations SET lat_e6 = -2976000, lon_e6 = 104745000 WHERE id = $1").bind(id).execute(&app.db.pool).await.unwrap();
    let staff = staff_of(&app, 6272, "Staf Rina", KECAMATAN).await;

    browser.log_in(&link_for(&staff).await).await;
    browser.click("header nav a[href='/dasbor/peta']").await;
    let page = browser.wait_for_text("Tiket berlokasi (1)").await;
    let deadline = Instant::now() + Duration::from_secs(10);
    let pins = loop {
        let pins = browser.c().execute("return document.getElementById('peta').dataset.pins || null", vec![]).await.unwrap();
        if pins != json!(null) || Instant::now() > deadline {
            break pins;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let markers = browser.c().execute("return document.querySelectorAll('#peta .leaflet-marker-icon').length", vec![]).await.unwrap();
    browser.screenshot("console-map.png").await;

    assert!(page.contains(&number), "the list beside the map: {page}");
    assert_eq!(pins, json!("1"), "Leaflet ran and placed the pin without tiles");
    assert_eq!(markers, json!(1));
    browser.close().await;
}

#[tokio::test]
async fn the_ticket_page_is_one_column_on_a_phone() {
    let Some(browser) = Browser::start(PHONE).await else { return };
    let app = spawn_app().await;
    let resident = app.member_of(6281, "Warga Sari", KIM).await;
    let number = submit(&resident, "Infrastruktur", ROAD, false).await;
    let id = ticket_id(&app, &number).await;
    let staff = staff_of(&app, 6282, "Staf Rina", KECAMATAN).await;

    browser.log_in(&link_for(&staff).await).await;
    browser.c().goto(&format!("{}/dasbor/aspirasi/{id}", app.console_url)).await.unwrap();
    browser.wait_for_text("Riwayat status").await;
    let width = browser.c().execute("return document.documentElement.scrollWidth", vec![]).await.unwrap();
    let columns = browser.c().execute("return getComputedStyle(document.querySelector('.ticket-cols')).gridTemplateColumns.split(' ').length", vec![]).await.unwrap();
    browser.screenshot("console-ticket-phone.png").await;

    assert!(width.as_u64().is_some_and(|w| w <= 390), "no sideways scrolling: {width}");
    assert_eq!(columns, json!(1));
    browser.close().await;
}
