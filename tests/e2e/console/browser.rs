//! The console in a real browser: Debian's headless Chromium driven over WebDriver
//! (chromedriver on a free loopback port, fantoccini). Without the two programs
//! these tests skip with one loud line, unless `KIMBOT_REQUIRE_BROWSER=1` (CI) makes
//! a missing browser a failure.
//!
//! Screenshots go to the test's temporary directory; with `KIMBOT_SCREENSHOTS=docs`
//! they replace the README's pictures in `docs/`.

use std::path::{Path, PathBuf};
use std::io::Write;
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::sync::Once;
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

use super::link_for;
use crate::aspirations::{KECAMATAN, KIM, next_skipping_notices, staff_of, status_of, submit, ticket_id};
use crate::support::spawn_app;

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// The office laptop the console is designed for, and a common phone.
pub(super) const LAPTOP: (u32, u32) = (1366, 768);
pub(super) const PHONE: (u32, u32) = (390, 844);

/// Headless Chromium under its own chromedriver; both end when this is dropped.
pub(super) struct Browser {
    client: Option<Client>,
    driver: Child,
    _profile: tempfile::TempDir,
}

/// The programs, or `None` (after saying so once) when this machine has none.
fn programs() -> Option<(PathBuf, PathBuf)> {
    let chromium = std::env::var("KIMBOT_CHROMIUM").unwrap_or_else(|_| CHROMIUM.into());
    let driver = std::env::var("KIMBOT_CHROMEDRIVER").unwrap_or_else(|_| CHROMEDRIVER.into());
    let (chromium, driver) = (PathBuf::from(chromium), PathBuf::from(driver));
    if chromium.exists() && driver.exists() {
        return Some((chromium, driver));
    }
    let required = std::env::var("KIMBOT_REQUIRE_BROWSER").is_ok_and(|v| v == "1");
    assert!(!required, "KIMBOT_REQUIRE_BROWSER=1 but {} or {} is missing (apt-get install chromium chromium-driver)", chromium.display(), driver.display());
    static SAID: Once = Once::new();
    SAID.call_once(|| {
        // Straight to stderr: the test harness captures `eprintln!` of passing tests.
        let line = format!("!!! SKIPPING the console's real-browser tests: {} or {} not found (apt-get install chromium chromium-driver)\n", chromium.display(), driver.display());
        let _ = std::io::stderr().write_all(line.as_bytes());
    });
    None
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

impl Browser {
    /// Starts chromedriver and a fresh headless Chromium of `size`, or `None` when
    /// this machine has no browser (see [`programs`]).
    pub(super) async fn start(size: (u32, u32)) -> Option<Browser> {
        Browser::start_with(size, false).await
    }

    /// As [`Browser::start`], with the system's dark scheme when `dark`
    /// (`prefers-color-scheme: dark`).
    pub(super) async fn start_with(size: (u32, u32), dark: bool) -> Option<Browser> {
        let (chromium, driver_path) = programs()?;
        let port = free_port();
        let driver = Command::new(driver_path)
            .args([format!("--port={port}"), "--allowed-ips=127.0.0.1".into()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .expect("chromedriver starts");
        let profile = tempfile::tempdir().unwrap();
        let mut browser = Browser { client: None, driver, _profile: profile };
        let url = format!("http://127.0.0.1:{port}");
        wait_until_listening(&url).await;
        let args = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--hide-scrollbars", "--lang=id-ID",
        ];
        let mut args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        args.push(format!("--user-data-dir={}", browser._profile.path().display()));
        args.push(format!("--window-size={},{}", size.0, size.1));
        if dark {
            args.push("--force-dark-mode".into());
        }
        let mut options = json!({ "binary": chromium, "args": args });
        if size.0 < 500 {
            // Chromium keeps windows at least 500 px wide: a phone is emulated.
            options["mobileEmulation"] = json!({ "deviceMetrics": { "width": size.0, "height": size.1, "pixelRatio": 1.0, "touch": true } });
        }
        let caps = json!({ "browserName": "chrome", "goog:chromeOptions": options });
        let serde_json::Value::Object(caps) = caps else { unreachable!() };
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let client = ClientBuilder::new(connector).capabilities(caps).connect(&url).await.expect("a browser session");
        browser.client = Some(client);
        browser.fit_viewport(size).await;
        Some(browser)
    }

    /// Grows the window so the page itself (not the window) is `size`, as on the
    /// office laptop's screen.
    async fn fit_viewport(&self, size: (u32, u32)) {
        let inner = self.c().execute("return [window.innerWidth, window.innerHeight]", vec![]).await.unwrap();
        let (w, h) = (inner[0].as_u64().unwrap() as u32, inner[1].as_u64().unwrap() as u32);
        if (w, h) != size && size.0 >= 500 {
            self.c().set_window_size(2 * size.0 - w, 2 * size.1 - h).await.unwrap();
        }
    }

    pub(super) fn c(&self) -> &Client {
        self.client.as_ref().unwrap()
    }

    /// The page's text as a person reads it (empty while a new page replaces the old).
    pub(super) async fn text(&self) -> String {
        match self.c().find(Locator::Css("body")).await {
            Ok(body) => body.text().await.unwrap_or_default(),
            Err(_) => String::new(),
        }
    }

    /// Waits (bounded) until the page's text contains `needle`.
    pub(super) async fn wait_for_text(&self, needle: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let text = self.text().await;
            if text.contains(needle) {
                return text;
            }
            assert!(Instant::now() < deadline, "no {needle:?} on {}:\n{text}", self.c().current_url().await.unwrap());
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub(super) async fn click(&self, css: &str) {
        self.c().find(Locator::Css(css)).await.unwrap_or_else(|e| panic!("{css}: {e}")).click().await.unwrap();
    }

    pub(super) async fn type_into(&self, css: &str, text: &str) {
        self.c().find(Locator::Css(css)).await.unwrap_or_else(|e| panic!("{css}: {e}")).send_keys(text).await.unwrap();
    }

    pub(super) async fn select(&self, css: &str, value: &str) {
        self.c().find(Locator::Css(css)).await.unwrap_or_else(|e| panic!("{css}: {e}")).select_by_value(value).await.unwrap();
    }

    /// Saves a PNG of what the window shows; returns where.
    pub(super) async fn screenshot(&self, name: &str) -> PathBuf {
        let png = self.c().screenshot().await.unwrap();
        assert!(png.starts_with(b"\x89PNG"), "a PNG");
        let dir = if std::env::var("KIMBOT_SCREENSHOTS").is_ok_and(|v| v == "docs") {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("docs")
        } else {
            Path::new(env!("CARGO_TARGET_TMPDIR")).join("console-screenshots")
        };
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, png).unwrap();
        path
    }

    /// Ends the session (chromedriver closes Chromium).
    pub(super) async fn close(mut self) {
        if let Some(client) = self.client.take() {
            let _ = client.close().await;
        }
    }

    /// Opens the bot's link and presses "Masuk"; ends on the queue.
    pub(super) async fn log_in(&self, link: &str) {
        self.c().goto(link).await.unwrap();
        self.wait_for_text("Masuk").await;
        self.click("main form button[type=submit]").await;
        self.wait_for_text("Antrian aspirasi").await;
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        // A failed test never reached `close`: end chromedriver's whole process
        // group (Chromium included), which this test started.
        if self.client.is_some() {
            let group = format!("-{}", self.driver.id());
            let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

async fn wait_until_listening(url: &str) {
    let deadline = Instant::now() + Duration::from_secs(15);
    while reqwest::get(format!("{url}/status")).await.is_err() {
        assert!(Instant::now() < deadline, "chromedriver did not start on {url}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn staff_work_a_ticket_in_a_browser_and_the_resident_hears_back_in_telegram() {
    let Some(browser) = Browser::start(LAPTOP).await else { return };
    let app = spawn_app().await;
    let resident = app.member_of(5901, "Warga Sari", KIM).await;
    let number = submit(&resident, "Infrastruktur", "Jalan berlubang di depan SD 12, RT 03", false).await;
    let other = submit(&resident, "Lingkungan", "Sampah menumpuk di pasar <script>alert(1)</script>", false).await;
    let id = ticket_id(&app, &number).await;
    let staff = staff_of(&app, 5902, "Staf Rina", KECAMATAN).await;

    let link = link_for(&staff).await;
    browser.log_in(&link).await;
    let queue = browser.wait_for_text(&other).await;
    assert!(queue.contains(&number) && queue.contains("<script>alert(1)</script>"), "resident text shown as text:\n{queue}");
    browser.screenshot("console-queue.png").await;

    browser.type_into("form.filters input[name=q]", "berlubang").await;
    browser.select("form.filters select[name=status]", "diterima").await;
    browser.click("form.filters button[type=submit]").await;
    let filtered = browser.wait_for_text("berlubang").await;
    assert!(filtered.contains(&number) && !filtered.contains(&other), "{filtered}");

    browser.click(&format!("a[href='/dasbor/aspirasi/{number}']")).await;
    browser.wait_for_text("Riwayat status").await;
    browser.select("form select[name=to]", "diteruskan").await;
    browser.type_into("form textarea[name=note]", "Diteruskan ke Dinas PU, dijadwalkan minggu ini").await;
    browser.click("form[action$='/status'] button[type=submit]").await;
    browser.wait_for_text("Status disimpan").await;
    browser.screenshot("console-ticket.png").await;
    seed_weeks_of_tickets(&app).await;
    browser.click("header nav a[href='/dasbor/ringkasan']").await;
    browser.wait_for_text("Menurut kategori").await;
    browser.select("form.filters select[name=period]", "year").await;
    browser.click("form.filters button[type=submit]").await;
    let summary = browser.wait_for_text("Tahun ini").await;
    assert!(summary.contains("Median waktu respons pertama") && summary.contains("Bukit Lama"), "{summary}");
    let bars = browser.c().find_all(Locator::Css("figure.chart svg rect")).await.unwrap();
    assert!(bars.len() >= 10, "the weekly chart is drawn: {} bars", bars.len());
    browser.screenshot("console-summary.png").await;

    assert_eq!(status_of(&app, id).await, "diteruskan");
    let notice = next_skipping_notices(&resident).await;
    assert!(notice.text.contains(&number) && notice.text.contains("dijadwalkan minggu ini"), "{}", notice.text);
    browser.close().await;
}

/// Tickets over the last twelve weeks in several categories and kelurahan, so the
/// summary's chart (and its screenshot) shows weeks side by side.
async fn seed_weeks_of_tickets(app: &crate::support::TestApp) {
    let now = chrono::Utc::now().timestamp();
    let kims = ["IB1-BL", "IB1-BB", "IB1-LP", "IB1-SA"];
    let categories = ["infrastruktur", "lingkungan", "kesehatan", "ekonomi", "keamanan"];
    for n in 0..60i64 {
        let at = now - 84 * 86_400 + n * 120_000;
        let responded = (n % 3 != 0).then_some(3600 * (2 + n % 40));
        let id = super::summary::ticket(app, 900 + n, kims[n as usize % 4], categories[(n * 7 % 5) as usize], at, responded).await;
        if n % 3 == 1 && n < 45 {
            sqlx::query("UPDATE aspirations SET status = 'selesai' WHERE id = $1").bind(id).execute(&app.db.pool).await.unwrap();
        }
    }
}

#[tokio::test]
async fn a_coordinator_recalls_an_announcement_in_a_browser() {
    use crate::announcements::steps::{compose_to_my_kim, coordinator_with_groups, refresh_until, wait_text};
    let Some(browser) = Browser::start(LAPTOP).await else { return };
    let app = spawn_app().await;
    let (koor, groups) = coordinator_with_groups(&app, 5921, KIM, &[(-5921, "RT 05"), (-5922, "RT 06")]).await;
    compose_to_my_kim(&koor, "Posyandu balita Sabtu pukul 08.00 di balai RW").await;
    koor.press("Kirim sekarang").await;
    wait_text(&koor, "Laporan pengumuman #1").await;
    for group in &groups {
        group.next_message().await;
    }
    refresh_until(&koor, "Terkirim 2").await;

    browser.log_in(&link_for(&koor).await).await;
    browser.click("header nav a[href='/dasbor/pengumuman']").await;
    browser.wait_for_text("Posyandu balita").await;
    browser.click("a[href='/dasbor/pengumuman/1']").await;
    browser.wait_for_text("Terkirim 2").await;
    browser.screenshot("console-announcement.png").await;
    browser.click("a[href='/dasbor/pengumuman/1/tarik?run=1']").await;
    browser.wait_for_text("Ya, tarik dari semua grup").await;
    browser.click("main form button[type=submit]").await;
    browser.wait_for_text("Pengumuman ditarik dari 2 grup").await;
    for chat in [-5921, -5922] {
        let copies: Vec<_> = app.fake.messages(chat).into_iter().filter(|m| m.text.contains("Posyandu")).collect();
        assert!(!copies.is_empty() && copies.iter().all(|m| m.deleted), "{copies:?}");
    }
    browser.close().await;
}

#[tokio::test]
async fn the_queue_fits_a_phone_screen() {
    let Some(browser) = Browser::start(PHONE).await else { return };
    let app = spawn_app().await;
    let resident = app.member_of(5911, "Warga Sari", KIM).await;
    let number = submit(&resident, "Infrastruktur", "Lampu jalan mati sejak seminggu di gang Mawar", false).await;
    let staff = staff_of(&app, 5912, "Staf Rina", KECAMATAN).await;

    browser.log_in(&link_for(&staff).await).await;
    browser.wait_for_text(&number).await;
    // On a phone the layout viewport (`innerWidth`) grows to fit what overflows;
    // the screen is `clientWidth`.
    let fits = browser.c().execute("return document.documentElement.scrollWidth <= document.documentElement.clientWidth", vec![]).await.unwrap();
    assert_eq!(fits, json!(true), "no sideways scrolling on a phone");
    let cut = "return [...document.querySelectorAll('header a, header button')]\
               .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth).map(e => e.textContent)";
    let cut = browser.c().execute(cut, vec![]).await.unwrap();
    assert_eq!(cut, json!([]), "every link of the header is on the screen");
    browser.screenshot("console-queue-phone.png").await;
    browser.close().await;
}
