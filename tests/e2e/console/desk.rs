//! The staff desk over HTTP (issue 25, part 1): finding a ticket by its number in any
//! form and by words in any order with accents folded; the queue's total, views,
//! markers and export; assignment with scope; bulk actions whose residents are each
//! told; and keeping one's place (back to the queue, language switch, login).

use reqwest::StatusCode;
use sqlx::Row;

use super::{client, csrf_in, get, link_for, log_in, post};
use crate::aspirations::{KECAMATAN, KIM, next_skipping_notices, staff_of, status_of, submit, ticket_id};
use crate::support::{TestApp, spawn_app};

/// A GET whose redirect is returned, not followed: (status, Location).
async fn get_redirect(app: &TestApp, cookie: &str, path: &str) -> (StatusCode, String) {
    let r = client().get(format!("{}{path}", app.console_url)).header("cookie", cookie).send().await.unwrap();
    let to = r.headers().get("location").map(|v| v.to_str().unwrap().to_string()).unwrap_or_default();
    (r.status(), to)
}

async fn assignee_of(app: &TestApp, id: i64) -> Option<i64> {
    sqlx::query("SELECT assignee_id FROM aspirations WHERE id = $1").bind(id).fetch_one(&app.db.pool).await.unwrap().get("assignee_id")
}

#[tokio::test]
async fn staff_find_a_ticket_by_its_number_in_any_form_and_by_words_in_any_order() {
    let app = spawn_app().await;
    let resident = app.member_of(25001, "Warga Sari", KIM).await;
    let first = submit(&resident, "Kesehatan", "Posyandu di RW 05 butuh bidan tiap Selasa", false).await;
    let second = submit(&resident, "Infrastruktur", "Jalán di depan SD rusak parah", false).await;
    let staff = staff_of(&app, 25003, "Staf Rina", KECAMATAN).await;
    let cookie = log_in(&app, &link_for(&staff).await).await;
    let (year, seq) = (&second[4..8], second[9..].trim_start_matches('0').to_string());

    for typed in [second.clone(), second.to_lowercase(), format!("{year}-{seq}"), second[9..].to_string()] {
        let (status, to) = get_redirect(&app, &cookie, &format!("/dasbor/aspirasi?q={typed}")).await;
        assert_eq!((status, to.as_str()), (StatusCode::SEE_OTHER, format!("/dasbor/aspirasi/{second}").as_str()), "{typed}");
    }
    let (status, page) = get(&app, &cookie, &format!("/dasbor/aspirasi/{second}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("rusak parah"), "{page}");
    let (status, page) = get(&app, &cookie, &format!("/dasbor/aspirasi/{}", second.to_lowercase())).await;
    assert!(status == StatusCode::OK && page.contains("rusak parah"), "lower case opens it too");
    let (status, _) = get(&app, &cookie, &format!("/dasbor/aspirasi/{}", ticket_id(&app, &second).await)).await;
    assert_eq!(status, StatusCode::OK, "the internal id stays an alias");

    let (_, words) = get(&app, &cookie, "/dasbor/aspirasi?q=bidan+posyandu").await;
    assert!(words.contains(&first) && !words.contains(&second), "every word, any order: {words}");
    assert!(words.contains("1 tiket"), "the total: {words}");
    let (_, folded) = get(&app, &cookie, "/dasbor/aspirasi?q=JALAN+rusak").await;
    assert!(folded.contains(&second) && !folded.contains(&first), "accents and case folded: {folded}");
    let (_, none) = get(&app, &cookie, "/dasbor/aspirasi?q=posyandu+jalan").await;
    assert!(!none.contains(&first) && !none.contains(&second), "both words must occur");
    let (status, missing) = get(&app, &cookie, &format!("/dasbor/aspirasi?q={year}-99999")).await;
    assert!(status == StatusCode::OK && missing.contains("0 tiket"), "{missing}");
}

#[tokio::test]
async fn another_areas_ticket_by_number_is_a_404_like_a_missing_one() {
    let app = spawn_app().await;
    let resident = app.member_of(25011, "Warga Sari", KIM).await;
    let number = submit(&resident, "Infrastruktur", "Lampu jalan mati sejak seminggu", false).await;
    let outsider = staff_of(&app, 25012, "Staf Tono", "Kemuning").await;
    let cookie = log_in(&app, &link_for(&outsider).await).await;

    let (theirs, theirs_page) = get(&app, &cookie, &format!("/dasbor/aspirasi/{number}")).await;
    let (missing, missing_page) = get(&app, &cookie, &format!("/dasbor/aspirasi/{}-999999", &number[..8])).await;
    assert_eq!((theirs, missing), (StatusCode::NOT_FOUND, StatusCode::NOT_FOUND));
    assert_eq!(theirs_page, missing_page, "another area's ticket looks exactly like a missing one");
    let (status, found) = get(&app, &cookie, &format!("/dasbor/aspirasi?q={number}")).await;
    let row_link = format!("href=\"/dasbor/aspirasi/{number}\"");
    assert!(status == StatusCode::OK && !found.contains(&row_link) && found.contains("0 tiket"), "{found}");
    let (status, _) = get(&app, &cookie, "/dasbor/aspirasi/ASP-20x6-1").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn staff_take_a_ticket_assign_a_colleague_and_are_refused_a_colleague_of_another_kecamatan() {
    let app = spawn_app().await;
    let resident = app.member_of(25021, "Warga Sari", KIM).await;
    let number = submit(&resident, "Infrastruktur", "Selokan tersumbat di gang tiga", false).await;
    let other = submit(&resident, "Lingkungan", "Sampah menumpuk di pinggir sungai", false).await;
    let id = ticket_id(&app, &number).await;
    let rina = staff_of(&app, 25022, "Staf Rina", KECAMATAN).await;
    let budi = staff_of(&app, 25023, "Staf Budi", KECAMATAN).await;
    let _tono = staff_of(&app, 25024, "Staf Tono", "Kemuning").await;
    let cookie = log_in(&app, &link_for(&rina).await).await;

    let (_, ticket) = get(&app, &cookie, &format!("/dasbor/aspirasi/{number}")).await;
    assert!(ticket.contains("Belum ada petugas") && ticket.contains("Staf Budi") && !ticket.contains("Staf Tono"), "colleagues of the area only: {ticket}");
    let csrf = csrf_in(&ticket);
    let (status, _) = post(&app, &cookie, &format!("/dasbor/aspirasi/{id}/ambil"), &[("csrf", &csrf)]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(assignee_of(&app, id).await, Some(25022));
    let (_, mine) = get(&app, &cookie, "/dasbor/aspirasi?view=mine").await;
    assert!(mine.contains(&number) && !mine.contains(&other) && mine.contains("Staf Rina"), "{mine}");
    let (_, unhandled) = get(&app, &cookie, "/dasbor/aspirasi?view=unhandled").await;
    assert!(unhandled.contains(&other) && !unhandled.contains(&number), "{unhandled}");

    let path = format!("/dasbor/aspirasi/{id}/tugaskan");
    let (status, refused) = post(&app, &cookie, &path, &[("csrf", &csrf), ("assignee", "25024")]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.contains("tidak bertugas di wilayah tiket ini"), "{refused}");
    assert_eq!(assignee_of(&app, id).await, Some(25022), "nothing changed");
    let (status, _) = post(&app, &cookie, &path, &[("csrf", &csrf), ("assignee", "25023")]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(assignee_of(&app, id).await, Some(25023));
    let told = next_skipping_notices(&budi).await.text;
    assert!(told.contains(&number) && told.contains("Staf Rina"), "the colleague hears of it: {told}");
    let (status, _) = post(&app, &cookie, &path, &[("assignee", "25022")]).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "no CSRF token");

    let audit: Vec<String> = sqlx::query("SELECT detail FROM audit_log WHERE action = 'aspiration.assign' ORDER BY id")
        .fetch_all(&app.db.pool)
        .await
        .unwrap()
        .iter()
        .map(|r| r.get("detail"))
        .collect();
    assert_eq!(audit, vec![format!("{number} to=25022"), format!("{number} to=25023")]);
}

#[tokio::test]
async fn a_bulk_status_change_tells_each_resident_and_says_what_was_done() {
    let app = spawn_app().await;
    let sari = app.member_of(25031, "Warga Sari", KIM).await;
    let joko = app.member_of(25032, "Warga Joko", KIM).await;
    let first = submit(&sari, "Infrastruktur", "Jalan berlubang di depan SD 12", false).await;
    let second = submit(&joko, "Infrastruktur", "Jembatan kayu di RT 04 lapuk", false).await;
    let (a, b) = (ticket_id(&app, &first).await, ticket_id(&app, &second).await);
    let staff = staff_of(&app, 25034, "Staf Rina", KECAMATAN).await;
    let cookie = log_in(&app, &link_for(&staff).await).await;
    let (_, queue) = get(&app, &cookie, "/dasbor/aspirasi").await;
    let csrf = csrf_in(&queue);
    assert!(queue.contains("name=\"id\"") && queue.contains("/dasbor/aspirasi/massal"), "{queue}");

    let note = "Sudah kami teruskan ke Dinas PU untuk diperbaiki";
    let (a_s, b_s, missing) = (a.to_string(), b.to_string(), "999999".to_string());
    let form = [("csrf", csrf.as_str()), ("id", a_s.as_str()), ("id", b_s.as_str()), ("id", missing.as_str()), ("action", "status"), ("to", "ditindaklanjuti"), ("note", note)];
    let (status, summary) = post(&app, &cookie, "/dasbor/aspirasi/massal", &form).await;
    assert_eq!(status, StatusCode::OK);
    assert!(summary.contains("2 dari 3 tiket berhasil") && summary.contains(&first) && summary.contains(&second), "{summary}");
    assert!(summary.contains("Tiket tidak ditemukan"), "{summary}");
    assert_eq!((status_of(&app, a).await, status_of(&app, b).await), ("ditindaklanjuti".into(), "ditindaklanjuti".into()));
    for (resident, number) in [(&sari, &first), (&joko, &second)] {
        let told = next_skipping_notices(resident).await.text;
        assert!(told.contains(number.as_str()) && told.contains(note), "{told}");
    }
    let steps: i64 = sqlx::query("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'aspiration.status'").fetch_one(&app.db.pool).await.unwrap().get("n");
    let bulk: String = sqlx::query("SELECT detail FROM audit_log WHERE action = 'aspiration.bulk'").fetch_one(&app.db.pool).await.unwrap().get("detail");
    assert_eq!((steps, bulk.as_str()), (2, "action=status done=2 asked=3"));

    let (status, again) = post(&app, &cookie, "/dasbor/aspirasi/massal", &[("csrf", csrf.as_str()), ("id", a_s.as_str()), ("action", "status"), ("to", "ditindaklanjuti")]).await;
    assert!(status == StatusCode::OK && again.contains("0 dari 1"), "a second press changes nothing: {again}");
    let (status, _) = post(&app, &cookie, "/dasbor/aspirasi/massal", &[("csrf", &csrf), ("action", "status"), ("to", "selesai")]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "nothing ticked");
}

#[tokio::test]
async fn the_queue_counts_pages_marks_replies_and_exports_exactly_the_filtered_list() {
    let app = spawn_app().await;
    let resident = app.member_of(25041, "Warga Sari", KIM).await;
    let hit = submit(&resident, "Infrastruktur", "=HYPERLINK(\"x\") got mampet di gang lima", false).await;
    let miss = submit(&resident, "Infrastruktur", "Lampu taman padam dua minggu", false).await;
    let id = ticket_id(&app, &hit).await;
    sqlx::query("INSERT INTO aspiration_messages (aspiration_id, author, kind, body, created_at) VALUES ($1, 25041, 'response', 'Masih mampet', 1)")
        .bind(id)
        .execute(&app.db.pool)
        .await
        .unwrap();
    let staff = staff_of(&app, 25042, "Staf Rina", KECAMATAN).await;
    let cookie = log_in(&app, &link_for(&staff).await).await;

    let (_, queue) = get(&app, &cookie, "/dasbor/aspirasi").await;
    assert!(queue.contains("2 tiket") && queue.contains("balasan baru") && queue.contains("badge st-diterima"), "{queue}");
    assert!(queue.contains("Sisa waktu") && queue.contains("left_ok"), "{queue}");
    let r = client().get(format!("{}/dasbor/aspirasi/unduh?q=mampet&format=csv", app.console_url)).header("cookie", &cookie).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let csv = r.text().await.unwrap();
    assert!(csv.contains(&hit) && !csv.contains(&miss), "exactly the filtered list: {csv}");
    assert!(csv.contains("'=HYPERLINK"), "formula-safe: {csv}");
    let (status, _) = get(&app, &cookie, "/dasbor/aspirasi?page=abc").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn back_to_the_queue_the_language_switch_and_login_return_to_the_page_one_was_on() {
    let app = spawn_app().await;
    let resident = app.member_of(25051, "Warga Sari", KIM).await;
    let number = submit(&resident, "Infrastruktur", "Selokan tersumbat di gang tiga", false).await;
    let staff = staff_of(&app, 25052, "Staf Rina", KECAMATAN).await;
    let cookie = log_in(&app, &link_for(&staff).await).await;

    let queue = "/dasbor/aspirasi?status=diterima&q=selokan&page=1";
    let r = client().get(format!("{}{queue}", app.console_url)).header("cookie", &cookie).send().await.unwrap();
    let cookies: Vec<String> = r.headers().get_all("set-cookie").iter().map(|v| v.to_str().unwrap().split(';').next().unwrap().to_string()).collect();
    let page = r.text().await.unwrap();
    let csrf = csrf_in(&page);
    let with = format!("{cookie}; {}", cookies.join("; "));
    let (status, to) = get_redirect(&app, &with, "/dasbor/aspirasi/kembali").await;
    assert_eq!((status, to.as_str()), (StatusCode::SEE_OTHER, "/dasbor/aspirasi?status=diterima&q=selokan"));

    let r = client().post(format!("{}/dasbor/bahasa", app.console_url)).header("cookie", &with).form(&[("csrf", csrf.as_str()), ("lang", "en")]).send().await.unwrap();
    assert_eq!(r.headers()["location"].to_str().unwrap(), queue, "the language switch returns to the page");
    let evil = [("csrf", csrf.as_str()), ("lang", "id"), ("next", "//evil.example/dasbor")];
    let r = client().post(format!("{}/dasbor/bahasa", app.console_url)).header("cookie", &cookie).form(&evil).send().await.unwrap();
    assert_eq!(r.headers()["location"].to_str().unwrap(), "/dasbor/aspirasi", "another site is never a place");

    // An expired session: the page asks to log in again and remembers itself.
    let ticket = format!("/dasbor/aspirasi/{number}");
    let r = client().get(format!("{}{ticket}", app.console_url)).header("cookie", "kimbot_console=expired").send().await.unwrap();
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    let place = r.headers().get_all("set-cookie").iter().map(|v| v.to_str().unwrap().split(';').next().unwrap().to_string()).find(|c| c.starts_with("kimbot_place="));
    let place = place.expect("the place is remembered");
    let link = link_for(&staff).await;
    let token = link.rsplit('/').next().unwrap();
    let r = client().post(format!("{}/masuk", app.console_url)).header("cookie", &place).form(&[("token", token)]).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(r.headers()["location"].to_str().unwrap(), ticket, "login returns to the ticket");
}

#[tokio::test]
async fn staff_save_their_own_filters_and_nobody_else_sees_or_removes_them() {
    let app = spawn_app().await;
    let rina = staff_of(&app, 25061, "Staf Rina", KECAMATAN).await;
    let budi = staff_of(&app, 25062, "Staf Budi", KECAMATAN).await;
    let cookie = log_in(&app, &link_for(&rina).await).await;
    let (_, queue) = get(&app, &cookie, "/dasbor/aspirasi?status=diterima&q=jalan").await;
    let csrf = csrf_in(&queue);
    let (status, _) = post(&app, &cookie, "/dasbor/aspirasi/filter", &[("csrf", &csrf), ("name", "Jalan <baru>"), ("query", "status=diterima&q=jalan&evil=1")]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, queue) = get(&app, &cookie, "/dasbor/aspirasi").await;
    assert!(queue.contains("Jalan &lt;baru&gt;") && queue.contains("href=\"/dasbor/aspirasi?status=diterima&amp;q=jalan\""), "{queue}");
    let id: i64 = sqlx::query("SELECT id FROM aspiration_saved_views").fetch_one(&app.db.pool).await.unwrap().get("id");

    let other = log_in(&app, &link_for(&budi).await).await;
    let (_, theirs) = get(&app, &other, "/dasbor/aspirasi").await;
    assert!(!theirs.contains("Jalan &lt;baru&gt;"));
    let (status, _) = post(&app, &other, &format!("/dasbor/aspirasi/filter/{id}/hapus"), &[("csrf", &csrf_in(&theirs))]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = post(&app, &cookie, &format!("/dasbor/aspirasi/filter/{id}/hapus"), &[("csrf", &csrf)]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let left: i64 = sqlx::query("SELECT COUNT(*) AS n FROM aspiration_saved_views").fetch_one(&app.db.pool).await.unwrap().get("n");
    assert_eq!(left, 0);
}

#[tokio::test]
async fn the_queue_filtered_by_a_period_shows_exactly_its_tickets() {
    let app = spawn_app().await;
    let resident = app.member_of(25071, "Warga Sari", KIM).await;
    let number = submit(&resident, "Infrastruktur", "Trotoar retak di depan pasar", false).await;
    let staff = staff_of(&app, 25072, "Staf Rina", KECAMATAN).await;
    let cookie = log_in(&app, &link_for(&staff).await).await;
    let today = chrono::Utc::now().with_timezone(&chrono_tz::Asia::Jakarta).date_naive();
    let (from, to) = (today - chrono::Days::new(1), today + chrono::Days::new(1));
    let (status, inside) = get(&app, &cookie, &format!("/dasbor/aspirasi?from={from}&to={to}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(inside.contains(&number) && inside.contains("1 tiket"), "{inside}");
    let (_, oldest) = get(&app, &cookie, &format!("/dasbor/aspirasi?from={from}&to={to}&sort=old")).await;
    assert!(oldest.contains(&number), "{oldest}");
    let (_, before) = get(&app, &cookie, "/dasbor/aspirasi?from=2020-01-01&to=2020-01-31").await;
    assert!(!before.contains(&number) && before.contains("0 tiket"), "{before}");
}
