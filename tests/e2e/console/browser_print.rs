//! Printing a ticket and Ringkasan in a real browser (see [`super::browser`]): with
//! the `print` medium emulated through the Chrome DevTools Protocol (chromedriver's
//! `goog/cdp/execute`), the header, navigation, forms and buttons are hidden and
//! nothing is wider than an A4 page's printable width.

use axum::http::Method;
use fantoccini::wd::WebDriverCompatibleCommand;
use serde_json::{Value, json};

use super::browser::Browser;
use super::link_for;
use crate::aspirations::{KECAMATAN, KIM, staff_of, submit, ticket_id};
use crate::support::spawn_app;

/// About the printable width of A4 at 96 px per inch (21 cm less 1 cm margins).
const A4: (u32, u32) = (720, 1000);

/// One Chrome DevTools Protocol command through chromedriver.
#[derive(Debug)]
struct Cdp {
    cmd: &'static str,
    params: Value,
}

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(&self, base: &url::Url, session: Option<&str>) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/goog/cdp/execute", session.unwrap_or_default()))
    }

    fn method_and_body(&self, _: &url::Url) -> (Method, Option<String>) {
        (Method::POST, Some(json!({ "cmd": self.cmd, "params": self.params }).to_string()))
    }
}

/// What printing the current page shows: whether the header and navigation, and
/// the forms and buttons, are all hidden, the page's width, and up to three
/// elements reaching past it.
async fn printed(browser: &Browser) -> (bool, bool, u64, Value) {
    let script = "const gone = e => e.getClientRects().length === 0;\
                  const all = s => [...document.querySelectorAll(s)];\
                  const w = window.innerWidth;\
                  const wide = all('body *').filter(e => !gone(e) && e.getBoundingClientRect().right > w + 1)\
                    .slice(0, 3).map(e => e.tagName + '.' + e.className);\
                  return [all('header, nav').every(gone), all('form, button, main select, main input').every(gone),\
                          document.documentElement.scrollWidth, wide];";
    let v = browser.c().execute(script, vec![]).await.unwrap();
    (v[0].as_bool().unwrap_or(false), v[1].as_bool().unwrap_or(false), v[2].as_u64().unwrap_or(9999), v[3].clone())
}

#[tokio::test]
async fn a_printed_ticket_and_ringkasan_hide_the_navigation_and_forms_and_fit_the_page() {
    let Some(browser) = Browser::start(A4).await else { return };
    let app = spawn_app().await;
    let resident = app.member_of(6531, "Warga Sari", KIM).await;
    let text = "Saluran air di depan SD 12 tersumbat sampah sejak awal bulan dan meluap setiap hujan deras turun sore hari";
    let number = submit(&resident, "Infrastruktur", text, false).await;
    let id = ticket_id(&app, &number).await;
    let staff = staff_of(&app, 6532, "Staf Rina", KECAMATAN).await;
    browser.log_in(&link_for(&staff).await).await;
    browser.c().issue_cmd(Cdp { cmd: "Emulation.setEmulatedMedia", params: json!({ "media": "print" }) }).await.unwrap();
    let printing = browser.c().execute("return matchMedia('print').matches", vec![]).await.unwrap();
    assert_eq!(printing, json!(true), "the print medium is emulated");

    for (path, shown) in [(format!("/dasbor/aspirasi/{id}"), "Riwayat status"), ("/dasbor/ringkasan?period=year".to_string(), "Menurut kategori")] {
        browser.c().goto(&format!("{}{path}", app.console_url)).await.unwrap();
        browser.wait_for_text(shown).await;
        let (no_nav, no_forms, width, wide) = printed(&browser).await;
        assert!(no_nav, "{path}: the header and navigation are not printed");
        assert!(no_forms, "{path}: forms and buttons are not printed");
        assert!(width <= u64::from(A4.0) && wide.as_array().is_some_and(Vec::is_empty), "{path}: {width} px wide, past the page: {wide}");
    }
    browser.screenshot("console-ticket-print.png").await;
    browser.close().await;
}
