//! The console for agencies: staff send a ticket to an agency from its page; the
//! agency's officer logs in to their queue, accepts, reports progress and finishes
//! it; every other page is missing for them, and another agency's officer gets the
//! same 404 as for a ticket that does not exist.

use fake_telegram::Person;
use reqwest::StatusCode;

use super::{client, csrf_in, get, link_for, log_in, post};
use crate::aspirations::opd::{agency, load_agencies, officer_of};
use crate::aspirations::{KECAMATAN, KIM, staff_of, status_of, submit, ticket_id};
use crate::support::{PersonExt, spawn_app};

async fn heard(p: &Person, needle: &str) -> String {
    for _ in 0..6 {
        let m = p.next_message_skipping_edits().await;
        if m.text.contains(needle) {
            return m.text;
        }
    }
    panic!("no message with {needle:?}")
}

#[tokio::test]
async fn an_officer_works_their_agencys_ticket_in_the_console_and_sees_nothing_else_of_the_city() {
    let app = spawn_app().await;
    load_agencies(&app).await;
    let staff = staff_of(&app, 5501, "Staf Rina", KECAMATAN).await;
    let pupr = officer_of(&app, 5502, "Pak Joko", "PUPR").await;
    let dishub = officer_of(&app, 5503, "Bu Sari", "DISHUB").await;
    let budi = app.member_of(5504, "Budi", KIM).await;
    let number = submit(&budi, "Infrastruktur", "Jalan di depan SD 12 berlubang besar sejak Januari.", false).await;
    let other = submit(&budi, "Lingkungan", "Sampah menumpuk di pinggir sungai dekat jembatan.", false).await;
    let id = ticket_id(&app, &number).await;
    let pupr_id = agency(&app, "PUPR").await.id.to_string();

    let staff_cookie = log_in(&app, &link_for(&staff).await).await;
    let (_, staff_page) = get(&app, &staff_cookie, &format!("/dasbor/aspirasi/{id}")).await;
    let form = [("csrf", csrf_in(&staff_page)), ("agency", pupr_id.clone()), ("note", "Mohon segera dicek.".to_string())];
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (sent, _) = post(&app, &staff_cookie, &format!("/dasbor/aspirasi/{id}/opd"), &form).await;
    let heard_sent = heard(&budi, "diteruskan ke Dinas PUPR").await;

    let cookie = log_in(&app, &link_for(&pupr).await).await;
    let home = client().get(format!("{}/dasbor", app.console_url)).header("cookie", &cookie).send().await.unwrap();
    let (queue_status, queue) = get(&app, &cookie, "/dasbor/opd").await;
    let (_, page) = get(&app, &cookie, &format!("/dasbor/opd/{id}")).await;
    let mut elsewhere = Vec::new();
    for path in ["/dasbor/aspirasi".to_string(), format!("/dasbor/aspirasi/{id}"), "/dasbor/ringkasan".into(), "/dasbor/umkm".into(), "/dasbor/unduh".into()] {
        elsewhere.push((path.clone(), get(&app, &cookie, &path).await.0));
    }
    let csrf = csrf_in(&page);
    let (accepted, _) = post(&app, &cookie, &format!("/dasbor/opd/{id}/terima"), &[("csrf", &csrf)]).await;
    let heard_accepted = heard(&budi, "Dinas PUPR sudah menerima").await;
    let (progressed, _) = post(&app, &cookie, &format!("/dasbor/opd/{id}/progres"), &[("csrf", &csrf), ("text", "Tim turun ke lokasi besok pagi.")]).await;
    let heard_progress = heard(&budi, "Kabar dari Dinas PUPR").await;
    let other_cookie = log_in(&app, &link_for(&dishub).await).await;
    let (theirs, theirs_page) = get(&app, &other_cookie, &format!("/dasbor/opd/{id}")).await;
    let (missing, missing_page) = get(&app, &other_cookie, "/dasbor/opd/999999").await;
    let (_, other_queue) = get(&app, &other_cookie, "/dasbor/opd").await;
    let (short, _) = post(&app, &cookie, &format!("/dasbor/opd/{id}/selesai"), &[("csrf", &csrf), ("text", "ok")]).await;
    let (done, _) = post(&app, &cookie, &format!("/dasbor/opd/{id}/selesai"), &[("csrf", &csrf), ("text", "Lubang sudah ditambal dan diaspal ulang.")]).await;
    let heard_done = heard(&budi, "Dinas PUPR sudah menyelesaikan").await;

    assert!(staff_page.contains("Teruskan ke OPD") && staff_page.find("Dinas PUPR") < staff_page.find("Dishub"), "routed first");
    assert_eq!(sent, StatusCode::SEE_OTHER);
    assert!(heard_sent.contains("Mohon segera dicek"), "{heard_sent}");
    assert_eq!(home.headers()["location"], "/dasbor/opd", "officers land on their agency's queue");
    assert_eq!(queue_status, StatusCode::OK);
    assert!(queue.contains(&number) && !queue.contains(&other), "{queue}");
    assert!(!queue.contains("href=\"/dasbor/aspirasi\"") && !queue.contains("/dasbor/ringkasan"), "no other pages in the navigation");
    assert!(page.contains("berlubang besar") && page.contains("Mohon segera dicek") && page.contains("Budi"), "{page}");
    for (path, status) in elsewhere {
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
    }
    assert_eq!((accepted, progressed), (StatusCode::SEE_OTHER, StatusCode::SEE_OTHER));
    assert!(heard_accepted.contains(&number) && heard_progress.contains("Tim turun ke lokasi"), "{heard_progress}");
    assert_eq!((theirs, missing), (StatusCode::NOT_FOUND, StatusCode::NOT_FOUND));
    assert_eq!(theirs_page, missing_page, "another agency's ticket looks exactly like a missing one");
    assert!(!other_queue.contains(&number), "{other_queue}");
    assert_eq!(short, StatusCode::UNPROCESSABLE_ENTITY, "a closing note needs real words");
    assert_eq!(done, StatusCode::SEE_OTHER);
    assert!(heard_done.contains("diaspal ulang"), "{heard_done}");
    assert_eq!(status_of(&app, id).await, "selesai");
}
