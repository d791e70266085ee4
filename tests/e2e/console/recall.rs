//! Recalling an announcement from the console: a confirmation step, the CSRF token,
//! the same permission as in chat (another kecamatan's staff find nothing), and the
//! message gone from the group with the recall in the audit log.

use reqwest::StatusCode;

use super::{client, csrf_in, get, link_for, log_in, post};
use crate::announcements::steps::{compose_to_my_kim, coordinator_with_groups, refresh_until, wait_text};
use crate::aspirations::{KIM, staff_of};
use crate::support::spawn_app;

#[tokio::test]
async fn an_author_recalls_a_sent_announcement_from_the_console_after_confirming() {
    let app = spawn_app().await;
    let (koor, groups) = coordinator_with_groups(&app, 6201, KIM, &[(-6201, "RT 21"), (-6202, "RT 22")]).await;
    compose_to_my_kim(&koor, "Kerja bakti Minggu pagi").await;
    koor.press("Kirim sekarang").await;
    wait_text(&koor, "Laporan pengumuman #1").await;
    for group in &groups {
        group.next_message().await;
    }
    refresh_until(&koor, "Terkirim 2").await;
    let cookie = log_in(&app, &link_for(&koor).await).await;

    let (status, page) = get(&app, &cookie, "/dasbor/pengumuman/1").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("/dasbor/pengumuman/1/tarik?run=1"), "a recall button: {page}");
    let (status, confirm) = get(&app, &cookie, "/dasbor/pengumuman/1/tarik?run=1").await;
    assert_eq!(status, StatusCode::OK);
    assert!(confirm.contains("dari 2 grup") && confirm.contains("Ya, tarik dari semua grup"), "{confirm}");
    assert!(app.fake.calls_to("deleteMessage").is_empty(), "opening the confirmation deletes nothing");

    let path = "/dasbor/pengumuman/1/tarik";
    let (status, _) = post(&app, &cookie, path, &[("run", "1")]).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "no CSRF token");
    let (status, _) = post(&app, &cookie, path, &[("csrf", &"0".repeat(64)), ("run", "1")]).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "a wrong CSRF token");
    assert!(app.fake.calls_to("deleteMessage").is_empty());

    let elsewhere = staff_of(&app, 6203, "Staf Tono", "Kemuning").await;
    let other = log_in(&app, &link_for(&elsewhere).await).await;
    let (_, other_page) = get(&app, &other, "/dasbor/aspirasi").await;
    let other_csrf = csrf_in(&other_page);
    let (guessed, guessed_page) = get(&app, &other, "/dasbor/pengumuman/1/tarik?run=1").await;
    let (missing, missing_page) = get(&app, &other, "/dasbor/pengumuman/999999/tarik?run=1").await;
    assert_eq!((guessed, missing), (StatusCode::NOT_FOUND, StatusCode::NOT_FOUND));
    assert_eq!(guessed_page, missing_page);
    let (status, _) = post(&app, &other, path, &[("csrf", &other_csrf), ("run", "1")]).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "staff of another kecamatan may not recall it");
    assert!(app.fake.calls_to("deleteMessage").is_empty());

    let csrf = csrf_in(&confirm);
    assert!(confirm.contains("class=\"danger\" type=\"submit\""), "the irreversible button looks destructive: {confirm}");
    let pressed = client().post(format!("{}{path}", app.console_url)).header("cookie", &cookie).form(&[("csrf", csrf.as_str()), ("run", "1")]).send().await.unwrap();
    assert_eq!(pressed.status(), StatusCode::SEE_OTHER, "POST, then redirect: a reload cannot recall twice");
    let location = pressed.headers()["location"].to_str().unwrap().to_string();
    let (status, done) = get(&app, &cookie, &location).await;
    assert_eq!(status, StatusCode::OK);
    assert!(done.contains("Pengumuman ditarik dari 2 grup") && done.contains("sudah ditarik dari grup"), "{done}");
    assert_eq!(done.matches("ditarik dari grup</td>").count(), 2, "each group's row says recalled: {done}");
    assert!(!done.contains("✅ terkirim") && done.contains("Terkirim 0") && done.contains("Ditarik 2"), "{done}");
    let (_, again) = get(&app, &cookie, &location).await;
    assert!(again.contains("Pengumuman ditarik dari 2 grup"), "a reload shows the outcome again");
    let (status, _) = post(&app, &cookie, path, &[("csrf", &csrf), ("run", "1")]).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "a resent form recalls nothing more");
    let (_, list) = get(&app, &cookie, "/dasbor/pengumuman").await;
    assert!(list.contains("<td>Ditarik</td>") && !list.contains("<td>Selesai</td>"), "{list}");
    let (_, summary) = get(&app, &cookie, "/dasbor/ringkasan").await;
    assert!(summary.contains("Terkirim 0") && summary.contains("Ditarik 2"), "Ringkasan does not count recalled copies as sent: {summary}");
    assert_eq!(app.fake.calls_to("deleteMessage").len(), 2);
    for chat in [-6201, -6202] {
        let copies: Vec<_> = app.fake.messages(chat).into_iter().filter(|m| m.text.contains("Kerja bakti")).collect();
        assert!(!copies.is_empty() && copies.iter().all(|m| m.deleted), "the group's copy is gone: {copies:?}");
    }
    let audited = "SELECT COUNT(*) FROM audit_log WHERE actor = $1 AND action = 'announcement.recall'";
    assert_eq!(app.count(audited, 6201).await, 1);
    let (_, after) = get(&app, &cookie, "/dasbor/pengumuman/1").await;
    assert!(!after.contains("/tarik?run=1"), "no second recall of a recalled run: {after}");
}
