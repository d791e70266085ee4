//! The staff web console over HTTP: the login link from `/dasbor`, sessions, scope,
//! CSRF, and a status change that reaches the resident in Telegram.

mod agencies;
mod browser;
mod browser_office;
mod browser_import;
mod browser_print;
mod browser_undo;
mod browser_opd;
mod browser_desk;
mod browser_notes;
mod desk;
mod desk_notes;
mod browser_programmes;
mod frame;
mod kims;
mod guard;
mod imports;
mod limits;
mod listening;
mod opd;
mod opd_photo;
mod pages;
mod people;
mod queue;
mod recall;
mod summary;
mod undo;

use fake_telegram::Person;
use reqwest::StatusCode;
use reqwest::redirect::Policy;
use kimbot::kernel::members::UserId;

use crate::aspirations::{KECAMATAN, KIM, next_skipping_notices, staff_of, status_of, submit, submit_with_media, ticket_id};
use crate::support::{TestApp, spawn_app};

pub fn client() -> reqwest::Client {
    reqwest::Client::builder().redirect(Policy::none()).build().unwrap()
}

/// Sends `/dasbor` and returns the link from the bot's answer. Notices the jobs send
/// meanwhile (a new or an overdue ticket seeded by the test) are passed over.
pub async fn link_for(p: &Person) -> String {
    p.send("/dasbor").await;
    let mut passed = Vec::new();
    for _ in 0..5 {
        let m = next_skipping_notices(p).await;
        if let Some(at) = m.text.find("http") {
            return m.text[at..].split_whitespace().next().unwrap().to_string();
        }
        passed.push(m.text);
    }
    panic!("no link in {passed:?}")
}

/// Opens the link, presses "Masuk"; returns the session cookie.
pub async fn log_in(app: &TestApp, link: &str) -> String {
    let page = client().get(link).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Masuk"), "{page}");
    let token = link.rsplit('/').next().unwrap();
    let r = client().post(format!("{}/masuk", app.console_url)).form(&[("token", token)]).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let cookie = r.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), "{cookie}");
    cookie.split(';').next().unwrap().to_string()
}

pub async fn get(app: &TestApp, cookie: &str, path: &str) -> (StatusCode, String) {
    let r = client().get(format!("{}{path}", app.console_url)).header("cookie", cookie).send().await.unwrap();
    (r.status(), r.text().await.unwrap())
}

pub async fn post(app: &TestApp, cookie: &str, path: &str, form: &[(&str, &str)]) -> (StatusCode, String) {
    let r = client().post(format!("{}{path}", app.console_url)).header("cookie", cookie).form(form).send().await.unwrap();
    (r.status(), r.text().await.unwrap())
}

/// A file part of a multipart form: its field name, file name, content type and bytes.
pub struct FilePart<'a> {
    pub field: &'a str,
    pub file_name: &'a str,
    pub content_type: &'a str,
    pub bytes: &'a [u8],
}

/// POSTs the text `fields` and then `file` as `multipart/form-data`, as a browser does.
pub async fn post_multipart(app: &TestApp, cookie: &str, path: &str, fields: &[(&str, &str)], file: FilePart<'_>) -> reqwest::Response {
    const BOUNDARY: &str = "kimbotTestBoundary7MA4YWxk";
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").as_bytes());
    }
    let FilePart { field, file_name, content_type, bytes } = file;
    body.extend_from_slice(
        format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{file_name}\"\r\nContent-Type: {content_type}\r\n\r\n").as_bytes(),
    );
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    client()
        .post(format!("{}{path}", app.console_url))
        .header("cookie", cookie)
        .header("content-type", format!("multipart/form-data; boundary={BOUNDARY}"))
        .body(body)
        .send()
        .await
        .unwrap()
}

pub fn csrf_in(page: &str) -> String {
    let at = page.find("name=\"csrf\" value=\"").expect("a csrf field") + 19;
    page[at..at + 64].to_string()
}

#[tokio::test]
async fn staff_log_in_with_the_bots_link_and_move_a_ticket_the_resident_hears_of() {
    let app = spawn_app().await;
    let resident = app.member_of(5801, "Warga Sari", KIM).await;
    let number = submit(&resident, "Infrastruktur", "Jalan berlubang <b>besar</b> di RT 03", false).await;
    let id = ticket_id(&app, &number).await;
    let staff = staff_of(&app, 5802, "Staf Rina", KECAMATAN).await;

    let (status, page) = get(&app, "", "/dasbor/aspirasi").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(page.contains("/dasbor"), "{page}");

    let link = link_for(&staff).await;
    assert!(link.starts_with(&format!("{}/masuk/", app.console_url)), "{link}");
    let cookie = log_in(&app, &link).await;
    let token = link.rsplit('/').next().unwrap();
    let reused = client().post(format!("{}/masuk", app.console_url)).form(&[("token", token)]).send().await.unwrap();
    assert_eq!(reused.status(), StatusCode::GONE);
    let forged = client().post(format!("{}/masuk", app.console_url)).form(&[("token", &"ab".repeat(32))]).send().await.unwrap();
    assert_eq!(forged.status(), StatusCode::NOT_FOUND);

    let (status, queue) = get(&app, &cookie, "/dasbor/aspirasi?q=berlubang&status=diterima").await;
    assert_eq!(status, StatusCode::OK);
    assert!(queue.contains(&number), "{queue}");
    assert!(queue.contains("&lt;b&gt;besar&lt;/b&gt;") && !queue.contains("<b>besar"), "resident text is escaped");
    let (_, none) = get(&app, &cookie, "/dasbor/aspirasi?q=tidakada").await;
    assert!(!none.contains(&number));

    let (status, ticket) = get(&app, &cookie, &format!("/dasbor/aspirasi/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    let csrf = csrf_in(&ticket);
    let path = format!("/dasbor/aspirasi/{id}/status");
    let (status, _) = post(&app, &cookie, &path, &[("from", "diterima"), ("to", "diteruskan")]).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "no CSRF token");
    let (status, _) = post(&app, &cookie, &path, &[("csrf", &"0".repeat(64)), ("from", "diterima"), ("to", "diteruskan")]).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "wrong CSRF token");
    let (status, _) = post(&app, &cookie, &path, &[("csrf", &csrf), ("from", "diterima"), ("to", "diteruskan"), ("note", "Diteruskan ke Dinas PU")]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, id).await, "diteruskan");
    let notice = next_skipping_notices(&resident).await;
    assert!(notice.text.contains(&number) && notice.text.contains("Diteruskan ke Dinas PU"), "{}", notice.text);

    kimbot::kernel::members::roles::revoke_all(&app.db, UserId(5802), 1).await.unwrap();
    let (status, _) = get(&app, &cookie, "/dasbor/aspirasi").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "a revoked role is logged out at once");
}

#[tokio::test]
async fn another_kecamatans_ticket_looks_missing_and_coordinators_cannot_move_tickets() {
    let app = spawn_app().await;
    let resident = app.member_of(5811, "Warga Sari", KIM).await;
    let number = submit(&resident, "Infrastruktur", "Lampu jalan mati sejak seminggu", true).await;
    let id = ticket_id(&app, &number).await;

    let elsewhere = staff_of(&app, 5812, "Staf Tono", "Kemuning").await;
    let cookie = log_in(&app, &link_for(&elsewhere).await).await;
    let (guessed, _) = get(&app, &cookie, &format!("/dasbor/aspirasi/{id}")).await;
    let (missing, _) = get(&app, &cookie, "/dasbor/aspirasi/999999").await;
    assert_eq!((guessed, missing), (StatusCode::NOT_FOUND, StatusCode::NOT_FOUND));
    let (_, queue) = get(&app, &cookie, "/dasbor/aspirasi").await;
    assert!(!queue.contains(&number));

    app.grant_coordinator(5813, KIM).await;
    let coordinator = app.member_of(5813, "Koor Budi", KIM).await;
    let cookie = log_in(&app, &link_for(&coordinator).await).await;
    let (status, ticket) = get(&app, &cookie, &format!("/dasbor/aspirasi/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!ticket.contains("Warga Sari"), "an anonymous sender stays hidden from coordinators");
    assert!(!ticket.contains("/status\""), "no status form for coordinators");
    let csrf = csrf_in(&ticket);
    let path = format!("/dasbor/aspirasi/{id}/status");
    let (status, _) = post(&app, &cookie, &path, &[("csrf", &csrf), ("from", "diterima"), ("to", "diteruskan")]).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(status_of(&app, id).await, "diterima");
}

#[tokio::test]
async fn the_console_shows_coordinators_no_location_for_an_anonymous_ticket_and_staff_see_it() {
    let app = spawn_app().await;
    let resident = app.member_of(5831, "Warga Sari", KIM).await;
    let (_, number) = submit_with_media(&resident, "Got mampet di depan rumah, banjir tiap hujan.", true).await;
    let id = ticket_id(&app, &number).await;
    app.grant_coordinator(5832, KIM).await;
    let coordinator = app.member_of(5832, "Koor Budi", KIM).await;
    let staff = staff_of(&app, 5833, "Staf Rina", KECAMATAN).await;

    let cookie = log_in(&app, &link_for(&coordinator).await).await;
    let (_, for_coordinator) = get(&app, &cookie, &format!("/dasbor/aspirasi/{id}")).await;
    let cookie = log_in(&app, &link_for(&staff).await).await;
    let (_, for_staff) = get(&app, &cookie, &format!("/dasbor/aspirasi/{id}")).await;

    assert!(for_coordinator.contains(&number) && for_coordinator.contains("Lokasi dan foto tidak ditampilkan"), "{for_coordinator}");
    assert!(!for_coordinator.contains("maps.google.com"), "{for_coordinator}");
    assert!(for_staff.contains("maps.google.com/?q=-2.976074,104.775431"), "{for_staff}");
}

#[tokio::test]
async fn residents_are_refused_a_console_link() {
    let app = spawn_app().await;
    let resident = app.member_of(5821, "Warga Sari", KIM).await;
    resident.send("/dasbor").await;
    let m = next_skipping_notices(&resident).await;
    assert!(m.text.contains("hanya untuk koordinator") && !m.text.contains("http"), "{}", m.text);
}
