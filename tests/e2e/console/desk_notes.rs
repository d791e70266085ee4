//! The staff desk over HTTP (issue 25, part 2): internal notes, canned replies, the
//! ticket page's timeline and forms, the map's data and the new-work badge, each
//! with its scope (another area's object looks missing).

use reqwest::StatusCode;
use kimbot::kernel::members::UserId;

use super::{csrf_in, get, link_for, log_in, post};
use crate::aspirations::{KECAMATAN, KIM, coordinator_of, next_skipping_notices, staff_of, status_of, submit, ticket_id};
use crate::support::spawn_app;

const ROAD: &str = "Jalan di depan SD 12 berlubang besar sejak Januari, motor sering jatuh.";
const DRAIN: &str = "Saluran air di Lorong Damai tersumbat sampah plastik sejak minggu lalu.";
/// Another kecamatan of the same kota.
const ELSEWHERE: &str = "Kemuning";
const RESIDENT_OUTBOX: &str = "SELECT COUNT(*) FROM outbox WHERE chat_id = $1";

#[tokio::test]
async fn an_internal_note_is_kept_for_the_areas_staff_audited_and_never_sent_to_the_resident() {
    let app = spawn_app().await;
    let resident = app.member_of(6201, "Warga Sari", KIM).await;
    let number = submit(&resident, "Infrastruktur", ROAD, false).await;
    let id = ticket_id(&app, &number).await;
    let staff = staff_of(&app, 6202, "Staf Rina", KECAMATAN).await;
    let koor = coordinator_of(&app, 6203, "Koor Lina").await;
    let other = staff_of(&app, 6204, "Staf Dodi", ELSEWHERE).await;
    let cookie = log_in(&app, &link_for(&staff).await).await;
    let koor_cookie = log_in(&app, &link_for(&koor).await).await;
    let other_cookie = log_in(&app, &link_for(&other).await).await;
    let before = app.count(RESIDENT_OUTBOX, 6201).await;

    let (_, page) = get(&app, &cookie, &format!("/dasbor/aspirasi/{id}")).await;
    let csrf = csrf_in(&page);
    let path = format!("/dasbor/aspirasi/{id}/catatan");
    let note = "Sudah telepon <b>Pak RT</b>, jalan ini milik provinsi.";
    let (forged, _) = post(&app, &cookie, &path, &[("csrf", &"0".repeat(64)), ("text", note)]).await;
    let (saved, _) = post(&app, &cookie, &path, &[("csrf", &csrf), ("text", note)]).await;
    let (_, after) = get(&app, &cookie, &format!("/dasbor/aspirasi/{id}?done=noted")).await;
    let (empty, empty_page) = post(&app, &cookie, &path, &[("csrf", &csrf), ("text", "   ")]).await;
    let (_, koor_page) = get(&app, &koor_cookie, &format!("/dasbor/aspirasi/{id}")).await;
    let (koor_post, _) = post(&app, &koor_cookie, &path, &[("csrf", &csrf_in(&koor_page)), ("text", "Koordinator mencoba")]).await;
    let (_, other_home) = get(&app, &other_cookie, "/dasbor/aspirasi").await;
    let (other_post, other_page) = post(&app, &other_cookie, &path, &[("csrf", &csrf_in(&other_home)), ("text", "Dari kecamatan lain")]).await;
    let (_, missing_page) = get(&app, &other_cookie, "/dasbor/aspirasi/999999").await;

    assert_eq!(forged, StatusCode::FORBIDDEN);
    assert_eq!(saved, StatusCode::SEE_OTHER);
    assert!(after.contains("Catatan internal disimpan") && after.contains("Catatan internal"), "{after}");
    assert!(after.contains("Sudah telepon &lt;b&gt;Pak RT&lt;/b&gt;") && !after.contains("<b>Pak RT"), "escaped: {after}");
    assert!(after.contains("Staf Rina"), "the note's author is named: {after}");
    assert_eq!(empty, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(empty_page.contains("field-error") && empty_page.contains("Catatan tidak boleh kosong"), "{empty_page}");
    assert!(!koor_page.contains("Pak RT") && !koor_page.contains("/catatan"), "coordinators read no notes: {koor_page}");
    assert_eq!(koor_post, StatusCode::FORBIDDEN, "a coordinator cannot write one");
    assert_eq!((other_post, other_page), (StatusCode::NOT_FOUND, missing_page), "another area's ticket looks missing");
    assert_eq!(app.count(RESIDENT_OUTBOX, 6201).await, before, "nothing queued to the resident");
    assert_eq!(app.count("SELECT COUNT(*) FROM aspiration_notes WHERE aspiration_id = $1", id).await, 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'aspiration.note' AND actor = $1", 6202).await, 1);
}

#[tokio::test]
async fn canned_replies_are_kept_per_kota_filled_when_used_and_another_kotas_look_missing() {
    let app = spawn_app().await;
    let resident = app.member_of(6211, "Sari <i>", KIM).await;
    let number = submit(&resident, "Infrastruktur", ROAD, false).await;
    let id = ticket_id(&app, &number).await;
    let staff = staff_of(&app, 6212, "Staf Rina", KECAMATAN).await;
    let koor = coordinator_of(&app, 6213, "Koor Lina").await;
    let cookie = log_in(&app, &link_for(&staff).await).await;
    let koor_cookie = log_in(&app, &link_for(&koor).await).await;

    let (status, list) = get(&app, &cookie, "/dasbor/balasan").await;
    let csrf = csrf_in(&list);
    let body = "Halo {nama}, tiket {tiket} ({kategori}) di {kim} sedang kami periksa. {x}";
    let (bad, bad_page) = post(&app, &cookie, "/dasbor/balasan", &[("csrf", &csrf), ("kota", "Kota Palembang"), ("title", ""), ("body", body)]).await;
    let (added, _) = post(&app, &cookie, "/dasbor/balasan", &[("csrf", &csrf), ("kota", "Kota Palembang"), ("title", "Sedang diperiksa"), ("body", body)]).await;
    let (elsewhere, _) = post(&app, &cookie, "/dasbor/balasan", &[("csrf", &csrf), ("kota", "Kota Lain"), ("title", "Bukan kota saya"), ("body", "Teks")]).await;
    let canned = app.count("SELECT MAX(id) FROM aspiration_canned_replies WHERE updated_by = $1", 6212).await;
    let (_, listed) = get(&app, &cookie, "/dasbor/balasan").await;
    let (_, ticket) = get(&app, &cookie, &format!("/dasbor/aspirasi/{id}?balasan={canned}")).await;
    let (koor_list, _) = get(&app, &koor_cookie, "/dasbor/balasan").await;
    let (koor_one, _) = get(&app, &koor_cookie, &format!("/dasbor/balasan/{canned}")).await;
    sqlx::query("INSERT INTO aspiration_canned_replies (kota, title, body, updated_by, updated_at) VALUES ('Kota Lain', 'Lain', 'x', 1, 1)")
        .execute(&app.db.pool)
        .await
        .unwrap();
    let foreign = app.count("SELECT MAX(id) FROM aspiration_canned_replies WHERE updated_by = $1", 1).await;
    let (foreign_get, _) = get(&app, &cookie, &format!("/dasbor/balasan/{foreign}")).await;
    let (foreign_delete, _) = post(&app, &cookie, &format!("/dasbor/balasan/{foreign}/hapus"), &[("csrf", &csrf)]).await;
    let (_, foreign_in_ticket) = get(&app, &cookie, &format!("/dasbor/aspirasi/{id}?balasan={foreign}")).await;
    let (edited, _) = post(&app, &cookie, &format!("/dasbor/balasan/{canned}"), &[("csrf", &csrf), ("title", "Diperiksa"), ("body", "Tiket {tiket} diperiksa.")]).await;
    let (_, edit_page) = get(&app, &cookie, &format!("/dasbor/balasan/{canned}")).await;
    let (deleted, _) = post(&app, &cookie, &format!("/dasbor/balasan/{canned}/hapus"), &[("csrf", &csrf)]).await;

    assert_eq!(status, StatusCode::OK);
    assert_eq!(bad, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad_page.contains("Judul tidak boleh kosong") && bad_page.contains("{kategori}"), "the text is kept: {bad_page}");
    assert_eq!((added, elsewhere), (StatusCode::SEE_OTHER, StatusCode::NOT_FOUND));
    assert!(listed.contains("Sedang diperiksa") && listed.contains("Kota Palembang"), "{listed}");
    let filled = format!("Halo Sari &lt;i&gt;, tiket {number} (🛣️ Infrastruktur) di ");
    assert!(ticket.contains(&filled) && ticket.contains("sedang kami periksa. {x}"), "filled once, unknown left: {ticket}");
    assert!(ticket.contains("name=\"balasan\"") && ticket.contains("Pakai"), "{ticket}");
    assert_eq!((koor_list, koor_one), (StatusCode::NOT_FOUND, StatusCode::NOT_FOUND), "coordinators manage none");
    assert_eq!((foreign_get, foreign_delete), (StatusCode::NOT_FOUND, StatusCode::NOT_FOUND), "another kota's looks missing");
    assert!(!foreign_in_ticket.contains(">x</textarea>"), "another kota's reply is not offered");
    assert_eq!(edited, StatusCode::SEE_OTHER);
    assert!(edit_page.contains("Tiket {tiket} diperiksa.") && edit_page.contains("class=\"danger\""), "{edit_page}");
    assert_eq!(deleted, StatusCode::SEE_OTHER);
    assert_eq!(app.count("SELECT COUNT(*) FROM aspiration_canned_replies WHERE updated_by = $1", 6212).await, 0);
    let audited = "SELECT COUNT(*) FROM audit_log WHERE action LIKE 'aspiration.canned%' AND actor = $1";
    assert_eq!(app.count(audited, 6212).await, 3, "added, edited, deleted");
}

#[tokio::test]
async fn the_ticket_page_names_officers_keeps_a_refused_choice_and_starts_the_status_form_empty() {
    let app = spawn_app().await;
    let resident = app.member_of(6221, "Warga Sari", KIM).await;
    let number = submit(&resident, "Infrastruktur", ROAD, true).await;
    let id = ticket_id(&app, &number).await;
    let staff = staff_of(&app, 6222, "Staf Rina", KECAMATAN).await;
    let cookie = log_in(&app, &link_for(&staff).await).await;

    let (_, fresh) = get(&app, &cookie, &format!("/dasbor/aspirasi/{id}")).await;
    let csrf = csrf_in(&fresh);
    let reply = [("csrf", csrf.as_str()), ("text", "Mohon kirim foto lokasi.")];
    post(&app, &cookie, &format!("/dasbor/aspirasi/{id}/balas"), &reply).await;
    next_skipping_notices(&resident).await;
    let path = format!("/dasbor/aspirasi/{id}/status");
    let (none, none_page) = post(&app, &cookie, &path, &[("csrf", &csrf), ("from", "diterima"), ("to", ""), ("note", "")]).await;
    let (short, short_page) = post(&app, &cookie, &path, &[("csrf", &csrf), ("from", "diterima"), ("to", "selesai"), ("note", "ok")]).await;

    assert!(fresh.contains("<option value=\"\" selected>"), "the status form starts on pilih…: {fresh}");
    assert!(fresh.contains("class=\"ticket-cols\"") && fresh.contains("Batas layanan"), "two columns and the service level: {fresh}");
    assert!(short_page.contains("Staf Rina") && short_page.contains("membalas warga"), "officers named: {short_page}");
    assert!(short_page.contains("Pelapor") && !short_page.contains("Warga Sari · "), "the resident is Pelapor: {short_page}");
    assert_eq!(none, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(none_page.contains("Pilih status baru dulu") && none_page.contains("field-error"), "{none_page}");
    assert_eq!(short, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(short_page.contains("<option value=\"selesai\" selected"), "the choice is kept: {short_page}");
    assert!(short_page.contains(">ok</textarea>") && short_page.contains("field-error"), "{short_page}");
    assert!(!short_page.contains("<option value=\"\" selected>"), "{short_page}");
    assert_eq!(status_of(&app, id).await, "diterima", "nothing moved");
}

/// Puts ticket `id` at a point (micro-degrees).
async fn place(app: &crate::support::TestApp, id: i64, anonymous: bool) {
    sqlx::query("UPDATE aspirations SET lat_e6 = -2976000, lon_e6 = 104745000, anonymous = $1 WHERE id = $2")
        .bind(i64::from(anonymous))
        .bind(id)
        .execute(&app.db.pool)
        .await
        .unwrap();
}

#[tokio::test]
async fn the_maps_data_keeps_to_scope_and_gives_coordinators_no_pin_of_an_anonymous_ticket() {
    let app = spawn_app().await;
    let resident = app.member_of(6231, "Warga Sari", KIM).await;
    let open = submit(&resident, "Infrastruktur", ROAD, false).await;
    let hidden = submit(&resident, "Lingkungan", DRAIN, false).await;
    let (open_id, hidden_id) = (ticket_id(&app, &open).await, ticket_id(&app, &hidden).await);
    place(&app, open_id, false).await;
    place(&app, hidden_id, true).await;
    let staff = staff_of(&app, 6232, "Staf Rina", KECAMATAN).await;
    let koor = coordinator_of(&app, 6233, "Koor Lina").await;
    let other = staff_of(&app, 6234, "Staf Dodi", ELSEWHERE).await;
    let cookie = log_in(&app, &link_for(&staff).await).await;
    let koor_cookie = log_in(&app, &link_for(&koor).await).await;
    let other_cookie = log_in(&app, &link_for(&other).await).await;

    let pins = |page: &str| serde_json::from_str::<serde_json::Value>(page).unwrap()["pins"].as_array().unwrap().iter().map(|p| p["ticket"].as_str().unwrap().to_string()).collect::<Vec<_>>();
    let (status, staff_data) = get(&app, &cookie, "/dasbor/peta/data").await;
    let (_, filtered) = get(&app, &cookie, "/dasbor/peta/data?status=selesai").await;
    let (_, koor_data) = get(&app, &koor_cookie, "/dasbor/peta/data").await;
    let (_, other_data) = get(&app, &other_cookie, "/dasbor/peta/data").await;
    let (page_status, page) = get(&app, &cookie, "/dasbor/peta").await;
    let (_, koor_page) = get(&app, &koor_cookie, "/dasbor/peta").await;
    let (asset, _) = get(&app, "", "/dasbor/peta/aset/leaflet.js").await;
    let (missing_asset, _) = get(&app, "", "/dasbor/peta/aset/tidakada.js").await;
    let (logged_out, _) = get(&app, "", "/dasbor/peta/data").await;

    assert_eq!((status, page_status, asset, missing_asset), (StatusCode::OK, StatusCode::OK, StatusCode::OK, StatusCode::NOT_FOUND));
    let mut both = pins(&staff_data);
    both.sort();
    assert_eq!(both, [open.clone(), hidden.clone()]);
    assert!(pins(&filtered).is_empty(), "filtered by status");
    assert_eq!(pins(&koor_data), std::slice::from_ref(&open), "no pin of an anonymous ticket for a coordinator");
    assert!(pins(&other_data).is_empty(), "another kecamatan sees none");
    assert!(page.contains(&open) && page.contains(&hidden) && page.contains("id=\"peta\""), "the list beside the map: {page}");
    assert!(page.contains("data-tiles=\"https://tile.openstreetmap.org/{z}/{x}/{y}.png\""), "{page}");
    assert!(!koor_page.contains(&hidden), "{koor_page}");
    assert_eq!(logged_out, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn the_navigation_counts_new_and_returned_tickets_in_the_persons_scope() {
    let app = spawn_app().await;
    let resident = app.member_of(6241, "Warga Sari", KIM).await;
    let first = submit(&resident, "Infrastruktur", ROAD, false).await;
    submit(&resident, "Lingkungan", DRAIN, false).await;
    let staff = staff_of(&app, 6242, "Staf Rina", KECAMATAN).await;
    let other = staff_of(&app, 6243, "Staf Dodi", ELSEWHERE).await;
    let cookie = log_in(&app, &link_for(&staff).await).await;
    let other_cookie = log_in(&app, &link_for(&other).await).await;
    let count = |page: &str| serde_json::from_str::<serde_json::Value>(page).unwrap()["badges"]["/dasbor/aspirasi"].as_i64();

    let (status, json) = get(&app, &cookie, "/dasbor/lencana").await;
    let (_, page) = get(&app, &cookie, "/dasbor/pelatihan").await;
    let id = ticket_id(&app, &first).await;
    sqlx::query("UPDATE aspirations SET status = 'diteruskan' WHERE id = $1").bind(id).execute(&app.db.pool).await.unwrap();
    let (_, after) = get(&app, &cookie, "/dasbor/lencana").await;
    let (_, other_json) = get(&app, &other_cookie, "/dasbor/lencana").await;
    let (logged_out, _) = get(&app, "", "/dasbor/lencana").await;
    let (script, _) = get(&app, "", "/dasbor/lencana.js").await;

    assert_eq!(status, StatusCode::OK);
    assert_eq!(count(&json), Some(2));
    assert!(page.contains("data-badge=\"/dasbor/aspirasi\"") && page.contains(">2</span>"), "{page}");
    assert_eq!(count(&after), Some(1));
    assert_eq!(count(&other_json), Some(0), "another kecamatan's tickets are not counted");
    assert_eq!((logged_out, script), (StatusCode::UNAUTHORIZED, StatusCode::OK));
}

#[tokio::test]
async fn erasure_takes_the_residents_name_out_of_notes_and_replies_and_the_author_out_of_a_note() {
    let app = spawn_app().await;
    app.user(6291, "Sari").with_username("sari_w");
    let resident = app.member_of(6291, "Sari", KIM).await;
    let number = submit(&resident, "Infrastruktur", ROAD, false).await;
    let id = ticket_id(&app, &number).await;
    let staff = staff_of(&app, 6292, "Staf Rina", KECAMATAN).await;
    let cookie = log_in(&app, &link_for(&staff).await).await;
    let (_, page) = get(&app, &cookie, &format!("/dasbor/aspirasi/{id}")).await;
    let csrf = csrf_in(&page);
    post(&app, &cookie, &format!("/dasbor/aspirasi/{id}/catatan"), &[("csrf", &csrf), ("text", "Bu SARI (@sari_w) sudah ditelepon.")]).await;
    post(&app, &cookie, &format!("/dasbor/aspirasi/{id}/balas"), &[("csrf", &csrf), ("text", "Halo Sari, kami periksa.")]).await;
    let ctx = app.ctx.as_ref().unwrap();

    kimbot::features::privacy::erase::erase(ctx, UserId(6291)).await.unwrap();
    let pool = app.db.pool.clone();
    let texts = |sql: &'static str| {
        let pool = pool.clone();
        async move { sqlx::query_scalar::<_, String>(sql).bind(id).fetch_all(&pool).await.unwrap() }
    };
    let notes = texts("SELECT body FROM aspiration_notes WHERE aspiration_id = $1").await;
    let replies = texts("SELECT body FROM aspiration_messages WHERE aspiration_id = $1 AND kind = 'reply'").await;
    kimbot::features::privacy::erase::erase(ctx, UserId(6292)).await.unwrap();
    let authors = "SELECT COUNT(*) FROM aspiration_notes WHERE aspiration_id = $1 AND author = 6292";

    assert_eq!(notes, ["Bu […] ([…]) sudah ditelepon."]);
    assert_eq!(replies, ["Halo […], kami periksa."]);
    assert_eq!(app.count(authors, id).await, 0, "the erased author is gone from the note");
    assert_eq!(app.count("SELECT COUNT(*) FROM aspiration_notes WHERE aspiration_id = $1", id).await, 1, "the note stays");
}
