//! "Urungkan" in the console: for a minute after their own status change staff can
//! take it back from the ticket page; the resident hears the correction in Telegram.
//! A late, second, superseded or someone else's undo changes nothing, and another
//! area's ticket looks missing.

use kimbot::platform::db::ManualClock;
use reqwest::StatusCode;

use super::{csrf_in, get, link_for, log_in, post};
use crate::aspirations::{KECAMATAN, KIM, next_skipping_notices, staff_of, status_of, submit, ticket_id};
use crate::support::{TestApp, spawn_app_with_clock};

/// Tuesday 1 December 2026, 09:00 WIB.
const NOW: i64 = 1_796_090_400;
const ROAD: &str = "Jalan di depan SD 12 berlubang besar sejak Januari, motor sering jatuh.";
const DRAIN: &str = "Saluran air di Lorong Damai tersumbat sampah plastik sejak minggu lalu.";
const STALE: &str = "tidak bisa diurungkan lagi";
const UNDO_ROWS: &str = "SELECT COUNT(*) FROM aspiration_status_log WHERE aspiration_id = $1 AND undoes IS NOT NULL";

/// The history row an "Urungkan" form on `page` names, if the page offers one.
fn undo_log_in(page: &str) -> Option<String> {
    let form = &page[page.find("/urungkan\"")?..];
    let at = form.find("name=\"log\" value=\"")? + 18;
    Some(form[at..].split('"').next().unwrap().to_string())
}

/// Moves ticket `id` from `from` to `to` in the console; gives the page shown after.
async fn move_ticket(app: &TestApp, cookie: &str, id: i64, (from, to): (&str, &str), note: &str) -> String {
    let (_, page) = get(app, cookie, &format!("/dasbor/aspirasi/{id}")).await;
    let form = [("csrf", csrf_in(&page)), ("from", from.into()), ("to", to.into()), ("note", note.into())];
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, _) = post(app, cookie, &format!("/dasbor/aspirasi/{id}/status"), &form).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{from} -> {to}");
    get(app, cookie, &format!("/dasbor/aspirasi/{id}?done=moved")).await.1
}

async fn undo(app: &TestApp, cookie: &str, id: i64, csrf: &str, log: &str) -> (StatusCode, String) {
    post(app, cookie, &format!("/dasbor/aspirasi/{id}/urungkan"), &[("csrf", csrf), ("log", log)]).await
}

#[tokio::test]
async fn staff_undo_their_console_status_change_within_a_minute_and_the_resident_hears_the_correction() {
    let clock = ManualClock::new(NOW);
    let app = spawn_app_with_clock(clock.clone()).await;
    let resident = app.member_of(6101, "Warga Sari", KIM).await;
    let number = submit(&resident, "Infrastruktur", ROAD, false).await;
    let id = ticket_id(&app, &number).await;
    let staff = staff_of(&app, 6102, "Staf Rina", KECAMATAN).await;
    let cookie = log_in(&app, &link_for(&staff).await).await;

    let (_, fresh) = get(&app, &cookie, &format!("/dasbor/aspirasi/{id}")).await;
    let moved = move_ticket(&app, &cookie, id, ("diterima", "ditolak"), "Jalan ini milik provinsi, kami teruskan lewat LAPOR.").await;
    let rejected = next_skipping_notices(&resident).await.text;
    let log = undo_log_in(&moved).expect("an Urungkan form after one's own change");
    let csrf = csrf_in(&moved);

    clock.advance(50);
    let (forged, _) = undo(&app, &cookie, id, &"0".repeat(64), &log).await;
    let (status, _) = undo(&app, &cookie, id, &csrf, &log).await;
    let correction = next_skipping_notices(&resident).await.text;
    let (_, after) = get(&app, &cookie, &format!("/dasbor/aspirasi/{id}?done=undone")).await;
    let (twice, twice_page) = undo(&app, &cookie, id, &csrf, &log).await;

    assert_eq!(undo_log_in(&fresh), None, "nothing to undo before a change");
    assert!(moved.contains("Urungkan") && rejected.contains("Ditolak"), "{moved}\n{rejected}");
    assert_eq!(forged, StatusCode::FORBIDDEN, "a POST without the session's CSRF token");
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(correction.contains(&number) && correction.contains("Koreksi") && correction.contains("Diterima"), "{correction}");
    assert!(after.contains("Perubahan diurungkan") && after.contains("(koreksi petugas)"), "{after}");
    assert_eq!(undo_log_in(&after), None, "an undo is not offered for undoing");
    assert_eq!((twice, twice_page.contains(STALE)), (StatusCode::UNPROCESSABLE_ENTITY, true), "{twice_page}");
    assert_eq!(status_of(&app, id).await, "diterima");
    assert_eq!(app.count(UNDO_ROWS, id).await, 1, "one undo, not two");
    let notices = "SELECT COUNT(*) FROM outbox WHERE chat_id = $1 AND source LIKE 'aspiration:%'";
    assert_eq!(app.count(notices, 6101).await, 2, "the rejection and one correction");
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'aspiration.undo' AND actor = $1", 6102).await, 1);
}

#[tokio::test]
async fn a_late_superseded_or_someone_elses_undo_is_refused_and_changes_nothing() {
    let clock = ManualClock::new(NOW);
    let app = spawn_app_with_clock(clock.clone()).await;
    let resident = app.member_of(6111, "Warga Sari", KIM).await;
    let (late, busy) = (submit(&resident, "Infrastruktur", ROAD, false).await, submit(&resident, "Lingkungan", DRAIN, false).await);
    let (late, busy) = (ticket_id(&app, &late).await, ticket_id(&app, &busy).await);
    let rina = log_in(&app, &link_for(&staff_of(&app, 6112, "Staf Rina", KECAMATAN).await).await).await;
    let dodi = log_in(&app, &link_for(&staff_of(&app, 6113, "Staf Dodi", KECAMATAN).await).await).await;

    let late_page = move_ticket(&app, &rina, late, ("diterima", "diteruskan"), "").await;
    let busy_page = move_ticket(&app, &rina, busy, ("diterima", "diteruskan"), "").await;
    let (_, for_dodi) = get(&app, &dodi, &format!("/dasbor/aspirasi/{busy}")).await;
    let (by_other, _) = undo(&app, &dodi, busy, &csrf_in(&for_dodi), &undo_log_in(&busy_page).unwrap()).await;
    let dodi_page = move_ticket(&app, &dodi, busy, ("diteruskan", "ditindaklanjuti"), "Petugas kebersihan dijadwalkan besok.").await;
    let (superseded, _) = undo(&app, &rina, busy, &csrf_in(&busy_page), &undo_log_in(&busy_page).unwrap()).await;
    clock.advance(61);
    let (_, late_again) = get(&app, &rina, &format!("/dasbor/aspirasi/{late}")).await;
    let (expired, expired_page) = undo(&app, &rina, late, &csrf_in(&late_page), &undo_log_in(&late_page).unwrap()).await;

    assert_eq!(undo_log_in(&for_dodi), None, "no Urungkan for someone else's change");
    assert!(undo_log_in(&dodi_page).is_some(), "Dodi may undo his own");
    assert_eq!(by_other, StatusCode::UNPROCESSABLE_ENTITY, "only the one who made the change");
    assert_eq!(superseded, StatusCode::UNPROCESSABLE_ENTITY, "after another change");
    assert_eq!(undo_log_in(&late_again), None, "the form goes after a minute");
    assert_eq!(expired, StatusCode::UNPROCESSABLE_ENTITY, "after a minute");
    assert!(expired_page.contains(STALE) && expired_page.contains("Riwayat status"), "the ticket again: {expired_page}");
    assert_eq!((status_of(&app, late).await, status_of(&app, busy).await), ("diteruskan".into(), "ditindaklanjuti".into()));
    assert_eq!(app.count(UNDO_ROWS, late).await + app.count(UNDO_ROWS, busy).await, 0);
}

#[tokio::test]
async fn an_undo_on_another_areas_ticket_looks_missing_and_coordinators_may_not_undo() {
    let clock = ManualClock::new(NOW);
    let app = spawn_app_with_clock(clock.clone()).await;
    let resident = app.member_of(6121, "Warga Sari", KIM).await;
    let id = ticket_id(&app, &submit(&resident, "Infrastruktur", ROAD, false).await).await;
    let rina = log_in(&app, &link_for(&staff_of(&app, 6122, "Staf Rina", KECAMATAN).await).await).await;
    let moved = move_ticket(&app, &rina, id, ("diterima", "diteruskan"), "").await;
    let log = undo_log_in(&moved).unwrap();
    let elsewhere = log_in(&app, &link_for(&staff_of(&app, 6123, "Staf Tono", "Kemuning").await).await).await;
    let (_, queue) = get(&app, &elsewhere, "/dasbor/aspirasi").await;
    app.grant_coordinator(6124, KIM).await;
    let koor = log_in(&app, &link_for(&app.member_of(6124, "Koor Budi", KIM).await).await).await;
    let (_, koor_page) = get(&app, &koor, &format!("/dasbor/aspirasi/{id}")).await;

    let csrf = csrf_in(&queue);
    let (guessed, guessed_page) = undo(&app, &elsewhere, id, &csrf, &log).await;
    let (missing, missing_page) = undo(&app, &elsewhere, 999_999, &csrf, &log).await;
    let (coordinator, _) = undo(&app, &koor, id, &csrf_in(&koor_page), &log).await;

    assert_eq!((guessed, missing), (StatusCode::NOT_FOUND, StatusCode::NOT_FOUND));
    assert_eq!(guessed_page, missing_page, "another area's ticket looks exactly like a missing one");
    assert_eq!(coordinator, StatusCode::FORBIDDEN);
    assert_eq!(undo_log_in(&koor_page), None);
    assert_eq!(status_of(&app, id).await, "diteruskan");
}
