//! The console's frame: error pages inside it in the reader's language with a way
//! back, one 400 page for an address it cannot read, a missing permission told
//! apart from a stale form, the person and their area in the header, and a login
//! link that says "used" or "expired" before the press; error pages and a login
//! after a session ended mid-reply return to the page one was on.

use kimbot::platform::db::ManualClock;
use reqwest::StatusCode;

use super::{client, csrf_in, get, link_for, log_in, post};
use crate::aspirations::{KECAMATAN, KIM, coordinator_of, staff_of, submit};
use crate::support::{spawn_app, spawn_app_with_clock};

const NOW: i64 = 1_796_000_000;

#[tokio::test]
async fn errors_are_drawn_in_the_frame_in_the_readers_language_with_a_way_back() {
    let app = spawn_app().await;
    let staff = staff_of(&app, 6401, "Staf Rina", KECAMATAN).await;
    let cookie = log_in(&app, &link_for(&staff).await).await;

    let (status, page) = get(&app, &cookie, "/dasbor/aspirasi?before=abc").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(!page.contains("Failed to deserialize") && page.contains("tidak bisa dibaca"), "{page}");
    assert!(page.contains("Staf Rina") && page.contains("href=\"/dasbor/aspirasi\""), "the header and a way back: {page}");
    let (status, page) = get(&app, &cookie, "/dasbor/aspirasi/abc").await;
    assert_eq!(status, StatusCode::NOT_FOUND, "a ticket number that is no number is a missing ticket");
    assert!(page.contains("Kembali ke halaman awal"), "{page}");

    let (_, queue) = get(&app, &cookie, "/dasbor/aspirasi").await;
    let (status, _) = post(&app, &cookie, "/dasbor/bahasa", &[("csrf", &csrf_in(&queue)), ("lang", "en")]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, page) = get(&app, &cookie, "/dasbor/tidakada").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(page.contains("Not found") && page.contains("Back to the start page") && page.contains("Staf Rina"), "{page}");
    let (status, page) = get(&app, &cookie, "/dasbor/aspirasi/999999").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(page.contains("lang=\"en\"") && page.contains("not in your area"), "{page}");

    let (status, page) = post(&app, &cookie, "/dasbor/bahasa", &[("csrf", &"0".repeat(64)), ("lang", "id")]).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(page.contains("This form is no longer valid"), "a stale form is said as such: {page}");

    let (status, page) = get(&app, "", "/dasbor/tidakada").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(page.contains("Tidak ditemukan") && !page.contains("Staf Rina"), "without a session: the plain notice");
}

#[tokio::test]
async fn the_header_names_the_person_their_role_and_where_it_holds() {
    let app = spawn_app().await;
    let staff = staff_of(&app, 6411, "Staf Rina", KECAMATAN).await;
    let cookie = log_in(&app, &link_for(&staff).await).await;
    let (_, page) = get(&app, &cookie, "/dasbor/ringkasan").await;
    let header = page.split("</header>").next().unwrap();
    assert!(header.contains("Staf Rina") && header.contains(KECAMATAN), "{header}");
    assert!(page.contains("class=\"skip\" href=\"#main\"") && page.contains("id=\"main\""), "a skip link to the content: {page}");

    let coordinator = coordinator_of(&app, 6412, "Koor Budi").await;
    let cookie = log_in(&app, &link_for(&coordinator).await).await;
    let (_, page) = get(&app, &cookie, "/dasbor/aspirasi").await;
    let header = page.split("</header>").next().unwrap();
    assert!(header.contains("Koor Budi") && header.contains("KIM"), "{header}");
}

#[tokio::test]
async fn a_used_or_expired_login_link_says_so_before_the_press() {
    let clock = ManualClock::new(NOW);
    let app = spawn_app_with_clock(clock.clone()).await;
    let staff = staff_of(&app, 6421, "Staf Rina", KECAMATAN).await;
    let used = link_for(&staff).await;
    log_in(&app, &used).await;
    let page = client().get(&used).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::GONE);
    let page = page.text().await.unwrap();
    assert!(page.contains("sudah pernah dipakai") && !page.contains("action=\"/masuk\""), "{page}");

    let late = link_for(&staff).await;
    clock.advance(11 * 60);
    let page = client().get(&late).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::GONE);
    let page = page.text().await.unwrap();
    assert!(page.contains("kedaluwarsa") && !page.contains("action=\"/masuk\""), "{page}");
}

#[tokio::test]
async fn bantuan_explains_statuses_service_levels_roles_and_the_pages_one_sees_in_both_languages() {
    let app = spawn_app().await;
    let staff = staff_of(&app, 6431, "Staf Rina", KECAMATAN).await;
    let cookie = log_in(&app, &link_for(&staff).await).await;
    let (status, page) = get(&app, &cookie, "/dasbor/bantuan").await;
    assert_eq!(status, StatusCode::OK);
    for words in ["Ditindaklanjuti", "hari kerja", "petugas OPD", "Antrean tiket aspirasi", "Lewat batas"] {
        assert!(page.contains(words), "{words}: {page}");
    }
    assert!(!page.contains("Log audit: siapa"), "only the pages this person sees");
    let (_, queue) = get(&app, &cookie, "/dasbor/aspirasi").await;
    post(&app, &cookie, "/dasbor/bahasa", &[("csrf", &csrf_in(&queue)), ("lang", "en")]).await;
    let (_, english) = get(&app, &cookie, "/dasbor/bantuan").await;
    assert!(english.contains("Service levels") && english.contains("working days"), "{english}");
}

/// The `kimbot_place` cookie a response set, as a request's `name=value`.
fn place_cookie(r: &reqwest::Response) -> Option<String> {
    r.headers().get_all("set-cookie").iter().map(|v| v.to_str().unwrap().split(';').next().unwrap().to_string()).find(|c| c.starts_with("kimbot_place="))
}

#[tokio::test]
async fn error_pages_link_back_to_the_page_one_was_on_and_never_to_another_site() {
    let app = spawn_app().await;
    let staff = staff_of(&app, 6441, "Staf Rina", KECAMATAN).await;
    let cookie = log_in(&app, &link_for(&staff).await).await;
    let queue = "/dasbor/aspirasi?status=baru&page=2";
    let r = client().get(format!("{}{queue}", app.console_url)).header("cookie", &cookie).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let place = place_cookie(&r).expect("the queue is remembered");
    let with = format!("{cookie}; {place}");
    let back = "href=\"/dasbor/aspirasi?status=baru&amp;page=2\"";

    let (status, missing) = get(&app, &with, "/dasbor/aspirasi/999999").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(missing.contains(back) && missing.contains("Kembali ke halaman sebelumnya"), "a 404 leads back to the queue as it was: {missing}");
    assert!(missing.contains("href=\"/dasbor/aspirasi\"") && missing.contains("Kembali ke halaman awal"), "and to the start: {missing}");
    let (status, unreadable) = get(&app, &with, "/dasbor/aspirasi?before=abc").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(unreadable.contains(back), "a 400 too: {unreadable}");
    let (status, stale) = post(&app, &with, "/dasbor/bahasa", &[("csrf", &"0".repeat(64)), ("lang", "en")]).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(stale.contains(back), "an expired form too: {stale}");
    let (status, _) = get(&app, &with, queue).await;
    assert_eq!(status, StatusCode::OK, "the place itself still works");

    for forged in ["https%3A%2F%2Fevil.example%2Fdasbor", "%2F%2Fevil.example%2Fdasbor", "%2Fdasbor%2F%2Fevil.example", "javascript%3Aalert(1)"] {
        let (status, page) = get(&app, &format!("{cookie}; kimbot_place={forged}"), "/dasbor/aspirasi/999999").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert!(!page.contains("evil.example") && !page.contains("javascript:") && !page.contains("halaman sebelumnya"), "{forged}: {page}");
        assert!(page.contains("href=\"/dasbor/aspirasi\"") && page.contains("Kembali ke halaman awal"), "{forged} falls back to the start: {page}");
    }
}

#[tokio::test]
async fn after_a_session_ends_mid_reply_logging_in_again_returns_to_the_ticket() {
    let clock = ManualClock::new(NOW);
    let app = spawn_app_with_clock(clock.clone()).await;
    let resident = app.member_of(6451, "Warga Sari", KIM).await;
    let number = submit(&resident, "Infrastruktur", "Lampu jalan mati di gang lima", false).await;
    let staff = staff_of(&app, 6452, "Staf Rina", KECAMATAN).await;
    let cookie = log_in(&app, &link_for(&staff).await).await;
    let ticket = format!("/dasbor/aspirasi/{number}");
    let r = client().get(format!("{}{ticket}", app.console_url)).header("cookie", &cookie).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let place = place_cookie(&r).expect("the ticket is remembered");
    let csrf = csrf_in(&r.text().await.unwrap());

    clock.advance(kimbot::web::console::auth::IDLE_TTL + 60);
    let with = format!("{cookie}; {place}");
    let reply = [("csrf", csrf.as_str()), ("text", "Terima kasih, kami periksa.")];
    let r = client().post(format!("{}{ticket}/balas", app.console_url)).header("cookie", &with).form(&reply).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED, "the session has ended");
    assert!(place_cookie(&r).is_none(), "a refused post does not move the place");

    let link = link_for(&staff).await;
    let token = link.rsplit('/').next().unwrap();
    let r = client().post(format!("{}/masuk", app.console_url)).header("cookie", &place).form(&[("token", token)]).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(r.headers()["location"].to_str().unwrap(), ticket, "back to the ticket, not the bare queue");
}
