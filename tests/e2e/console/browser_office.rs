//! The whole console in a real browser (see [`super::browser`]): every page fits a
//! 390 px phone without sideways scrolling, the ticket flow works with the keyboard
//! alone and always shows where the focus is, and the dark scheme is drawn.

use fantoccini::Locator;
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use serde_json::json;

use super::browser::{Browser, LAPTOP, PHONE};
use super::link_for;
use crate::aspirations::{KECAMATAN, KIM, staff_of, status_of, submit, ticket_id};
use crate::support::{ADMIN_ID, MessageExt, PersonExt, spawn_app};

/// Presses one key where the focus is.
async fn press(browser: &Browser, key: Key) {
    let c: char = key.into();
    let keys = KeyActions::new("keyboard".into()).then(KeyAction::Down { value: c }).then(KeyAction::Up { value: c });
    browser.c().perform_actions(keys).await.unwrap();
}

/// The focused element: its CSS-ish description and whether its focus ring is
/// visible (an outline of at least 2 px, or the skip link's own border).
async fn focused(browser: &Browser) -> (String, bool) {
    let script = "const e = document.activeElement; const s = getComputedStyle(e);\
                  const d = e.tagName.toLowerCase() + (e.getAttribute('href') ? '[href=' + e.getAttribute('href') + ']' : '')\
                    + (e.name ? '[name=' + e.name + ']' : '') + (e.type ? '[type=' + e.type + ']' : '');\
                  return [d, s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2];";
    let v = browser.c().execute(script, vec![]).await.unwrap();
    (v[0].as_str().unwrap_or_default().to_string(), v[1].as_bool().unwrap_or(false))
}

/// Tabs until the focus is on an element described as `wanted` (bounded), checking
/// that every stop on the way shows its focus.
async fn tab_to(browser: &Browser, wanted: &str) {
    let mut seen = Vec::new();
    for _ in 0..80 {
        press(browser, Key::Tab).await;
        let (what, visible) = focused(browser).await;
        if !visible && what != "body" {
            let s = browser.c().execute("const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth, document.activeElement.matches(':focus')]", vec![]).await.unwrap();
            panic!("no visible focus on {what}: {s}");
        }
        if what.starts_with(wanted) {
            return;
        }
        seen.push(what);
    }
    panic!("never reached {wanted}: {seen:?}");
}

#[tokio::test]
async fn staff_walk_the_ticket_flow_with_the_keyboard_alone_and_always_see_the_focus() {
    let Some(browser) = Browser::start(LAPTOP).await else { return };
    let app = spawn_app().await;
    let resident = app.member_of(6501, "Warga Sari", KIM).await;
    let number = submit(&resident, "Infrastruktur", "Jalan berlubang di depan SD 12", false).await;
    let id = ticket_id(&app, &number).await;
    let staff = staff_of(&app, 6502, "Staf Rina", KECAMATAN).await;
    browser.log_in(&link_for(&staff).await).await;
    browser.wait_for_text(&number).await;

    press(&browser, Key::Tab).await;
    let (first, visible) = focused(&browser).await;
    assert!(first.starts_with("a[href=#main]") && visible, "the first Tab reaches the skip link: {first}");
    let on_screen = browser.c().execute("return document.activeElement.getBoundingClientRect().top >= 0", vec![]).await.unwrap();
    assert_eq!(on_screen, json!(true), "the skip link shows when focused");

    tab_to(&browser, &format!("a[href=/dasbor/aspirasi/{number}]")).await;
    press(&browser, Key::Enter).await;
    browser.wait_for_text("Riwayat status").await;
    tab_to(&browser, "select[name=to]").await;
    press(&browser, Key::Down).await;
    let chosen = browser.c().execute("return document.activeElement.value", vec![]).await.unwrap();
    assert_ne!(chosen, json!(""), "a status picked with the arrow key");
    tab_to(&browser, "textarea[name=note]").await;
    browser.c().active_element().await.unwrap().send_keys("Dicek petugas minggu ini").await.unwrap();
    tab_to(&browser, "button[type=submit]").await;
    browser.screenshot("console-keyboard-focus.png").await;
    press(&browser, Key::Enter).await;
    browser.wait_for_text("Status disimpan").await;
    assert_ne!(status_of(&app, id).await, "diterima");
    browser.close().await;
}

#[tokio::test]
async fn every_console_page_fits_a_390_pixel_phone() {
    let Some(browser) = Browser::start(PHONE).await else { return };
    let app = spawn_app().await;
    let resident = app.member_of(6511, "Warga Sari", KIM).await;
    let number = submit(&resident, "Infrastruktur", "Jalan berlubang di depan SD 12, RT 03, sudah dua bulan tidak diperbaiki", false).await;
    let id = ticket_id(&app, &number).await;
    let kim = crate::trainings::kim_id(&app, KIM).await;
    let training = crate::trainings::seed(&app, crate::trainings::training(kim, "Menjahit dasar untuk pemula", 10)).await;
    let admin = app.member_of(ADMIN_ID, "Admin Kota", KIM).await;
    browser.log_in(&link_for(&admin).await).await;

    let nav = browser.c().find_all(Locator::Css("header nav a")).await.unwrap();
    let mut pages = Vec::new();
    for a in nav {
        pages.push(a.attr("href").await.unwrap().unwrap());
    }
    assert!(pages.len() >= 7, "{pages:?}");
    pages.extend([
        format!("/dasbor/aspirasi/{id}"),
        format!("/dasbor/pelatihan/{training}"),
        "/dasbor/ringkasan?period=year".into(),
        "/dasbor/tidakada".into(),
        "/dasbor/aspirasi?before=abc".into(),
    ]);
    let mut wide = Vec::new();
    for path in &pages {
        browser.c().goto(&format!("{}{path}", app.console_url)).await.unwrap();
        browser.wait_for_text("Konsol KIM").await;
        let width = browser.c().execute("return document.documentElement.scrollWidth", vec![]).await.unwrap();
        if width.as_u64().unwrap_or(9999) > 390 {
            let culprits = "return [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > 390)\
                            .slice(0, 3).map(e => e.tagName + '.' + e.className)";
            wide.push((path.clone(), width, browser.c().execute(culprits, vec![]).await.unwrap()));
        }
    }
    assert!(wide.is_empty(), "pages wider than the phone: {wide:?}");
    browser.close().await;
}

#[tokio::test]
async fn the_console_follows_the_systems_dark_scheme() {
    let Some(browser) = Browser::start_with(LAPTOP, true).await else { return };
    let app = spawn_app().await;
    let resident = app.member_of(6521, "Warga Sari", KIM).await;
    submit(&resident, "Infrastruktur", "Lampu jalan mati di gang Mawar", false).await;
    let staff = staff_of(&app, 6522, "Staf Rina", KECAMATAN).await;
    browser.log_in(&link_for(&staff).await).await;
    let dark = browser.c().execute("return matchMedia('(prefers-color-scheme: dark)').matches", vec![]).await.unwrap();
    if dark != json!(true) {
        // This Chromium build ignores the flag: nothing to check here.
        browser.close().await;
        return;
    }
    let background = browser.c().execute("return getComputedStyle(document.body).backgroundColor", vec![]).await.unwrap();
    assert_eq!(background, json!("rgb(13, 17, 23)"), "the dark background");
    browser.screenshot("console-queue-dark.png").await;
    browser.c().goto(&format!("{}/dasbor/ringkasan", app.console_url)).await.unwrap();
    browser.wait_for_text("Menurut kategori").await;
    browser.screenshot("console-summary-dark.png").await;
    browser.close().await;
}

#[tokio::test]
async fn an_admin_adds_a_kim_in_the_browser_and_a_resident_is_offered_it_in_start() {
    let Some(browser) = Browser::start(LAPTOP).await else { return };
    let app = spawn_app().await;
    let admin = app.member_of(ADMIN_ID, "Admin Kota", KIM).await;
    browser.log_in(&link_for(&admin).await).await;
    browser.click("header nav a[href='/dasbor/kim']").await;
    browser.wait_for_text("Tambah KIM").await;
    let kel = super::kims::kelurahan(&app, "Sekip Jaya").await;
    browser.select("form[action='/dasbor/kim/tambah'] select[name=kelurahan]", &kel.to_string()).await;
    browser.type_into("form[action='/dasbor/kim/tambah'] input[name=code]", "KMN-SJ3").await;
    browser.type_into("form[action='/dasbor/kim/tambah'] input[name=name]", "KIM Sekip Baru").await;
    browser.click("form[action='/dasbor/kim/tambah'] button[type=submit]").await;
    browser.wait_for_text("KIM ditambahkan").await;
    browser.screenshot("console-kims.png").await;
    let offered = super::kims::kims_offered_in_sekip_jaya(&app, 6711).await;
    assert!(offered.has_button("KIM Sekip Baru"), "{offered:?}");
    browser.close().await;
}

#[tokio::test]
async fn an_admin_invites_a_coordinator_in_the_browser_and_the_link_works_in_telegram() {
    let Some(browser) = Browser::start(LAPTOP).await else { return };
    let app = spawn_app().await;
    let admin = app.member_of(ADMIN_ID, "Admin Kota", KIM).await;
    browser.log_in(&link_for(&admin).await).await;
    browser.click("header nav a[href='/dasbor/orang']").await;
    browser.wait_for_text("Undang seseorang").await;
    let kim = kimbot::kernel::members::areas::kim_by_code(&app.db, "IB1-DLD").await.unwrap().unwrap();
    browser.select("form[action='/dasbor/orang/undang'] select[name=scope]", &format!("kim:{}", kim.id)).await;
    browser.click("form[action='/dasbor/orang/undang'] button[type=submit]").await;
    let page = browser.wait_for_text("start=inv-").await;
    browser.screenshot("console-people.png").await;
    let at = page.find("start=inv-").unwrap() + "start=".len();
    let code: String = page[at..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
    let koor = app.user(6712, "Koor Sari");
    koor.send(&format!("/start {code}")).await;
    koor.next_message().await;
    koor.press("Setuju").await;
    let claimed = koor.next_message_skipping_edits().await;
    assert!(claimed.text.contains("koordinator KIM untuk KIM Demang Lebar Daun"), "{}", claimed.text);
    browser.close().await;
}
