//! Issue 23's hardening of the console's sessions and pages: security headers on
//! every response (no inline script, no framing, no Referer), login CSRF refused, the
//! `__Host-` cookie and HSTS over https, the absolute session lifetime and the
//! pruning job.

use kimbot::platform::db::ManualClock;
use reqwest::StatusCode;

use super::{client, get, link_for, log_in};
use crate::aspirations::{KECAMATAN, KIM, staff_of, submit, ticket_id};
use crate::support::{TestApp, spawn_app_with, spawn_app_with_clock};

/// Tuesday 1 December 2026, 09:00 WIB.
const NOW: i64 = 1_796_090_400;

async fn fetch(app: &TestApp, cookie: &str, path: &str) -> reqwest::Response {
    client().get(format!("{}{path}", app.console_url)).header("cookie", cookie).send().await.unwrap()
}

fn header<'r>(r: &'r reqwest::Response, name: &str) -> &'r str {
    r.headers().get(name).map_or("", |v| v.to_str().unwrap())
}

/// An inline event handler such as ` onclick=` anywhere in `page`.
fn has_handler(page: &str) -> bool {
    page.match_indices(" on").any(|(at, _)| {
        let rest = &page[at + 3..];
        let name: String = rest.chars().take_while(|c| c.is_ascii_lowercase()).collect();
        !name.is_empty() && rest[name.len()..].starts_with('=')
    })
}

/// Every `<script` in `page` loads one of our own files and holds no code.
fn only_script_files(page: &str) -> bool {
    page.match_indices("<script").all(|(at, _)| {
        let tag = &page[at..];
        let end = tag.find("</script>").unwrap_or(tag.len());
        let open = &tag[..end];
        open.starts_with("<script src=\"/dasbor/") && open.ends_with('>') && open.matches('>').count() == 1
    })
}

#[tokio::test]
async fn every_console_response_carries_the_security_headers_and_pages_run_only_our_own_script_files() {
    let app = crate::support::spawn_app().await;
    let resident = app.member_of(6301, "Warga Sari", KIM).await;
    let number = submit(&resident, "Infrastruktur", "Jalan berlubang di depan SD 12", false).await;
    let id = ticket_id(&app, &number).await;
    let staff = staff_of(&app, 6302, "Staf Rina", KECAMATAN).await;
    let link = link_for(&staff).await;
    let login_page = link.trim_start_matches(&app.console_url).to_string();
    let cookie = log_in(&app, &link).await;

    let ticket = format!("/dasbor/aspirasi/{id}");
    let paths = [&login_page, "/dasbor/aspirasi", &ticket, "/dasbor/ringkasan", "/dasbor/unduh", "/dasbor/gaya.css", "/dasbor/tidak-ada"];
    for path in paths {
        let r = fetch(&app, &cookie, path).await;
        let csp = header(&r, "content-security-policy").to_string();
        assert!(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"), "{path}: {csp:?}");
        assert!(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"), "no inline script or style: {csp}");
        assert!(csp.contains("script-src 'self';") && csp.contains("img-src 'self' https://tile.openstreetmap.org;"), "{csp}");
        assert_eq!(header(&r, "referrer-policy"), "no-referrer", "{path}");
        assert_eq!(header(&r, "x-content-type-options"), "nosniff", "{path}");
        assert_eq!(header(&r, "strict-transport-security"), "", "no HSTS over plain http: {path}");
        let page = r.text().await.unwrap();
        assert!(only_script_files(&page) && !page.contains(" style=") && !has_handler(&page), "{path}: {page}");
    }
    let logged_out = fetch(&app, "", "/dasbor/aspirasi").await;
    assert_eq!(logged_out.status(), StatusCode::UNAUTHORIZED);
    assert!(header(&logged_out, "content-security-policy").contains("frame-ancestors"));
}

#[tokio::test]
async fn a_login_posted_from_another_site_is_refused_and_does_not_use_up_the_link() {
    let app = crate::support::spawn_app().await;
    let staff = staff_of(&app, 6311, "Staf Rina", KECAMATAN).await;
    let link = link_for(&staff).await;
    let token = link.rsplit('/').next().unwrap().to_string();
    let masuk = format!("{}/masuk", app.console_url);
    let post = |headers: Vec<(&'static str, String)>| {
        let mut request = client().post(&masuk).form(&[("token", token.as_str())]);
        for (k, v) in headers {
            request = request.header(k, v);
        }
        request.send()
    };

    let cross_site = post(vec![("sec-fetch-site", "cross-site".into()), ("origin", "https://evil.example".into())]).await.unwrap();
    assert_eq!(cross_site.status(), StatusCode::FORBIDDEN);
    assert!(cross_site.headers().get("set-cookie").is_none());
    assert!(cross_site.text().await.unwrap().contains("halaman kimbot sendiri"));
    let same_site = post(vec![("sec-fetch-site", "same-site".into())]).await.unwrap();
    assert_eq!(same_site.status(), StatusCode::FORBIDDEN, "a sibling subdomain is another site's page too");
    let old_browser = post(vec![("origin", "https://evil.example".into())]).await.unwrap();
    assert_eq!(old_browser.status(), StatusCode::FORBIDDEN, "without Sec-Fetch-Site, Origin decides");
    let opaque = post(vec![("origin", "null".into())]).await.unwrap();
    assert_eq!(opaque.status(), StatusCode::FORBIDDEN);

    let ours = post(vec![("sec-fetch-site", "same-origin".into()), ("origin", app.console_url.clone())]).await.unwrap();
    assert_eq!(ours.status(), StatusCode::SEE_OTHER, "the refused posts left the link usable");
    assert!(header(&ours, "set-cookie").starts_with("kimbot_console="), "plain http keeps the plain name");
}

#[tokio::test]
async fn over_https_the_cookie_is_host_prefixed_and_pages_ask_for_hsts() {
    let app = spawn_app_with(&[("KIMBOT_PUBLIC_URL", "https://kimbot.example.go.id")]).await;
    let staff = staff_of(&app, 6321, "Staf Rina", KECAMATAN).await;
    let link = link_for(&staff).await;
    assert!(link.starts_with("https://kimbot.example.go.id/masuk/"), "{link}");
    let token = link.rsplit('/').next().unwrap();
    let r = client().post(format!("{}/masuk", app.console_url)).form(&[("token", token)]).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let set_cookie = header(&r, "set-cookie").to_string();
    assert!(set_cookie.starts_with("__Host-kimbot_console="), "{set_cookie}");
    assert!(set_cookie.contains("; Secure") && set_cookie.contains("Path=/") && !set_cookie.contains("Domain"), "{set_cookie}");
    let cookie = set_cookie.split(';').next().unwrap().to_string();

    let page = fetch(&app, &cookie, "/dasbor/aspirasi").await;
    assert_eq!(page.status(), StatusCode::OK);
    assert!(header(&page, "strict-transport-security").starts_with("max-age="), "HSTS over https");
    let plain = cookie.replace("__Host-kimbot_console", "kimbot_console");
    assert_eq!(fetch(&app, &plain, "/dasbor/aspirasi").await.status(), StatusCode::UNAUTHORIZED, "only the prefixed cookie counts");
}

async fn rows(app: &TestApp, table: &str) -> i64 {
    let sql = sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {table}"));
    sqlx::query_scalar::<_, i64>(sql).fetch_one(&app.db.pool).await.unwrap()
}

#[tokio::test]
async fn a_busy_session_still_ends_twelve_hours_after_login_and_the_job_prunes_it() {
    let clock = ManualClock::new(NOW);
    let mut app = spawn_app_with_clock(clock.clone()).await;
    let staff = staff_of(&app, 6331, "Staf Rina", KECAMATAN).await;
    let cookie = log_in(&app, &link_for(&staff).await).await;
    for _ in 0..14 {
        clock.advance(50 * 60);
        let (status, _) = get(&app, &cookie, "/dasbor/aspirasi").await;
        assert_eq!(status, StatusCode::OK, "used every 50 minutes: never idle");
    }
    clock.advance(20 * 60); // 12 h 0 min after login
    let (status, _) = get(&app, &cookie, "/dasbor/aspirasi").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "the absolute lifetime ended it");

    assert_eq!((rows(&app, "console_sessions").await, rows(&app, "console_logins").await), (1, 1));
    clock.advance(24 * 3600);
    app.restart().await; // the pruning job's first round runs at start
    for _ in 0..100 {
        if (rows(&app, "console_sessions").await, rows(&app, "console_logins").await) == (0, 0) {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("the pruning job left the ended session or the old link");
}
