//! Issue 23's privacy and bounds in the console: an anonymous ticket's photos are
//! hidden from coordinators exactly like a missing photo.

use reqwest::StatusCode;

use super::pages::download;
use super::{get, link_for, log_in};
use crate::aspirations::{KECAMATAN, KIM, staff_of, submit_with_media, ticket_id};
use crate::support::spawn_app;

#[tokio::test]
async fn coordinators_get_no_photo_of_an_anonymous_ticket_and_the_photo_answers_like_a_missing_one() {
    let app = spawn_app().await;
    let resident = app.member_of(6401, "Warga Sari", KIM).await;
    let (_, number) = submit_with_media(&resident, "Got mampet di depan rumah, banjir tiap hujan.", true).await;
    let id = ticket_id(&app, &number).await;
    app.grant_coordinator(6402, KIM).await;
    let coordinator = app.member_of(6402, "Koor Budi", KIM).await;
    let staff = staff_of(&app, 6403, "Staf Rina", KECAMATAN).await;
    let photo = format!("/dasbor/aspirasi/{id}/foto/0");

    let cookie = log_in(&app, &link_for(&coordinator).await).await;
    let (status, page) = get(&app, &cookie, &format!("/dasbor/aspirasi/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!page.contains("/foto/") && !page.contains("maps.google.com"), "no photo, no pin: {page}");
    let (hidden, _, hidden_page) = download(&app, &cookie, &photo).await;
    let (missing, _, missing_page) = download(&app, &cookie, &format!("/dasbor/aspirasi/{id}/foto/7")).await;
    assert_eq!((hidden, missing), (StatusCode::NOT_FOUND, StatusCode::NOT_FOUND));
    assert_eq!(hidden_page, missing_page, "a hidden photo looks exactly missing");
    assert!(app.fake.calls_to("getFile").is_empty(), "Telegram was never asked for it");

    let cookie = log_in(&app, &link_for(&staff).await).await;
    let (_, page) = get(&app, &cookie, &format!("/dasbor/aspirasi/{id}")).await;
    assert!(page.contains(&format!("src=\"{photo}\"")), "staff see it as in chat: {page}");
    let (status, kind, bytes) = download(&app, &cookie, &photo).await;
    assert_eq!((status, kind.as_str(), bytes.as_slice()), (StatusCode::OK, "image/jpeg", b"fake telegram file content".as_slice()));
}
