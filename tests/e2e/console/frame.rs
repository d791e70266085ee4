//! The console's frame: error pages inside it in the reader's language with a way
//! back, one 400 page for an address it cannot read, a missing permission told
//! apart from a stale form, the person and their area in the header, and a login
//! link that says "used" or "expired" before the press.

use kimbot::platform::db::ManualClock;
use reqwest::StatusCode;

use super::{client, csrf_in, get, link_for, log_in, post};
use crate::aspirations::{KECAMATAN, coordinator_of, staff_of};
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
