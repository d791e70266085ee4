//! Issue 23's privacy and bounds in the console: an anonymous ticket's photos are
//! hidden from coordinators exactly like a missing photo (and the proxy reuses one
//! client); a huge search text is cut, not a server error; downloads beyond the
//! process's slots are told to try again.

use reqwest::StatusCode;

use super::pages::download;
use super::{get, link_for, log_in};
use crate::aspirations::{KECAMATAN, KIM, staff_of, submit, submit_with_media, ticket_id};
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
    let (again, _, _) = download(&app, &cookie, &photo).await;
    assert_eq!(again, StatusCode::OK);
    let peers = app.fake.with_state(|st| st.file_download_peers.clone());
    assert_eq!(peers.len(), 2);
    assert_eq!(peers[0], peers[1], "the second view reused the proxy's connection to Telegram");
}

#[tokio::test]
async fn a_search_text_beyond_the_limit_is_cut_and_said_so_not_a_server_error() {
    let app = spawn_app().await;
    let resident = app.member_of(6411, "Warga Sari", KIM).await;
    let number = submit(&resident, "Infrastruktur", "Jalan berlubang di depan SD 12", false).await;
    let staff = staff_of(&app, 6412, "Staf Rina", KECAMATAN).await;
    let cookie = log_in(&app, &link_for(&staff).await).await;

    let huge = "jalan ".repeat(10_000);
    let (status, page) = get(&app, &cookie, &format!("/dasbor/aspirasi?q={}", huge.replace(' ', "+"))).await;
    assert_eq!(status, StatusCode::OK, "{}", &page[..page.len().min(500)]);
    assert!(page.contains("Teks pencarian terlalu panjang") && page.contains("100 karakter"), "{page}");
    assert!(page.len() < 20_000, "the form echoes the cut text, not 60 KB");
    let cut = format!("/dasbor/aspirasi?q={}", "berlubang".repeat(12));
    let (_, page) = get(&app, &cookie, &cut).await;
    assert!(page.contains("Teks pencarian terlalu panjang") && !page.contains(&number));
    let (_, fits) = get(&app, &cookie, "/dasbor/aspirasi?q=berlubang").await;
    assert!(fits.contains(&number) && !fits.contains("terlalu panjang"));
}

#[tokio::test]
async fn a_download_beyond_the_free_slots_is_told_to_try_again() {
    let app = spawn_app().await;
    let staff = staff_of(&app, 6421, "Staf Rina", KECAMATAN).await;
    let cookie = log_in(&app, &link_for(&staff).await).await;
    let area = super::pages::area_id(&app, KECAMATAN).await;
    let path = format!("/dasbor/unduh/umkm?area={area}&format=csv");

    let ctx = app.ctx.clone().unwrap();
    let slots = kimbot::web::console::EXPORTS_AT_ONCE as u32;
    let taken = ctx.console_exports.clone().try_acquire_many_owned(slots).expect("all slots free");
    let r = super::client().get(format!("{}{path}", app.console_url)).header("cookie", &cookie).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(r.headers().contains_key("retry-after"));
    assert!(r.text().await.unwrap().contains("coba lagi"));
    let audited = "SELECT COUNT(*) FROM audit_log WHERE actor = $1 AND action = 'report.export'";
    assert_eq!(app.count(audited, 6421).await, 0, "a refused download is no export");

    drop(taken);
    let (status, kind, _) = download(&app, &cookie, &path).await;
    assert_eq!((status, kind.starts_with("text/csv")), (StatusCode::OK, true));
    assert_eq!(ctx.console_exports.available_permits(), kimbot::web::console::EXPORTS_AT_ONCE, "the slot is given back");
}
