//! The console's UMKM, Unduh and Audit pages over HTTP: scope (a guessed id from
//! another area answers exactly like a missing one), roles, escaping, audit entries.

use kimbot::kernel::members::{UserId, areas};
use kimbot::features::umkm::model::{Need, Place, Registration, Scale, Sector};
use reqwest::StatusCode;

use super::{client, get, link_for, log_in};
use crate::aspirations::{KECAMATAN, KIM, coordinator_of, staff_of, submit};
use crate::support::{ADMIN_ID, TestApp, spawn_app};

/// Registers a business for `user_id` (a member of [`KIM`]) straight in the store.
async fn business(app: &TestApp, user_id: i64, name: &str, sector: Sector) -> i64 {
    let kim = areas::kim_by_code(&app.db, KIM).await.unwrap().unwrap();
    let area = areas::area_by_id(&app.db, kim.kelurahan_id).await.unwrap().unwrap();
    let reg = Registration {
        owner: "Ibu Sari".into(),
        business: name.into(),
        sector,
        scale: Scale::Mikro,
        kelurahan: Place { id: area.id, name: area.name },
        phone: "+6281234567890".into(),
        nib: None,
        needs: vec![Need::Modal, Need::Qris],
        description: Some("Pempek kapal selam".into()),
    };
    kimbot::features::umkm::store::save(&app.db, UserId(user_id), kim.id, &reg, Some(1), 1).await.unwrap();
    app.count("SELECT id FROM umkm_registrations WHERE user_id = $1", user_id).await
}

pub(super) async fn area_id(app: &TestApp, name: &str) -> i64 {
    areas::find_scope_areas(&app.db, name).await.unwrap().remove(0).id
}

pub(super) async fn download(app: &TestApp, cookie: &str, path: &str) -> (StatusCode, String, Vec<u8>) {
    let r = client().get(format!("{}{path}", app.console_url)).header("cookie", cookie).send().await.unwrap();
    let kind = r.headers().get("content-type").map(|v| v.to_str().unwrap().to_string()).unwrap_or_default();
    (r.status(), kind, r.bytes().await.unwrap().to_vec())
}

#[tokio::test]
async fn the_umkm_registry_is_filtered_searched_and_scoped() {
    let app = spawn_app().await;
    let _owner = app.member_of(6001, "Ibu Sari", KIM).await;
    let id = business(&app, 6001, "Pempek <b>Sari</b>", Sector::Kuliner).await;
    let staff = staff_of(&app, 6002, "Staf Rina", KECAMATAN).await;
    let cookie = log_in(&app, &link_for(&staff).await).await;

    let (status, list) = get(&app, &cookie, "/dasbor/umkm?sector=kuliner&q=pempek").await;
    assert_eq!(status, StatusCode::OK);
    assert!(list.contains("Pempek &lt;b&gt;Sari&lt;/b&gt;") && !list.contains("<b>Sari"), "{list}");
    let (_, other_sector) = get(&app, &cookie, "/dasbor/umkm?sector=fashion").await;
    assert!(!other_sector.contains("Pempek"));
    let (_, other_need) = get(&app, &cookie, "/dasbor/umkm?need=perizinan").await;
    assert!(!other_need.contains("Pempek"));
    let (_, no_match) = get(&app, &cookie, "/dasbor/umkm?q=martabak").await;
    assert!(!no_match.contains("Pempek"));
    let (status, page) = get(&app, &cookie, &format!("/dasbor/umkm/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("+6281234567890") && page.contains("Pempek kapal selam"), "{page}");
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_log WHERE actor = $1 AND action = 'console.umkm.view'", 6002).await, 1);

    let elsewhere = staff_of(&app, 6003, "Staf Tono", "Kemuning").await;
    let cookie = log_in(&app, &link_for(&elsewhere).await).await;
    let (guessed, guessed_page) = get(&app, &cookie, &format!("/dasbor/umkm/{id}")).await;
    let (missing, missing_page) = get(&app, &cookie, "/dasbor/umkm/999999").await;
    assert_eq!((guessed, missing), (StatusCode::NOT_FOUND, StatusCode::NOT_FOUND));
    assert_eq!(guessed_page, missing_page, "another area's business looks exactly missing");
    let (_, list) = get(&app, &cookie, "/dasbor/umkm").await;
    assert!(!list.contains("Pempek"));
}

#[tokio::test]
async fn staff_download_the_laporan_files_of_their_area_only() {
    let app = spawn_app().await;
    let resident = app.member_of(6011, "Warga Sari", KIM).await;
    let number = submit(&resident, "Infrastruktur", "Jalan berlubang di depan SD 12", false).await;
    business(&app, 6011, "Pempek Sari", Sector::Kuliner).await;
    let staff = staff_of(&app, 6012, "Staf Rina", KECAMATAN).await;
    let cookie = log_in(&app, &link_for(&staff).await).await;
    let (status, page) = get(&app, &cookie, "/dasbor/unduh").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Ilir Barat I") && !page.contains("Kemuning"), "only areas in scope are offered");

    let area = area_id(&app, KECAMATAN).await;
    let year = chrono::Utc::now().format("%Y");
    let period = format!("from={year}-01-01&to={year}-12-31");
    let (status, kind, xlsx) = download(&app, &cookie, &format!("/dasbor/unduh/aspirasi?{period}&area={area}&format=xlsx")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(kind.contains("spreadsheetml") && xlsx.starts_with(b"PK"), "{kind}");
    let (_, kind, csv) = download(&app, &cookie, &format!("/dasbor/unduh/aspirasi?{period}&area={area}&format=csv")).await;
    let csv_text = String::from_utf8(csv).unwrap();
    assert!(kind.starts_with("text/csv") && csv_text.starts_with('\u{feff}') && csv_text.contains(&number), "{csv_text}");
    let (_, kind, png) = download(&app, &cookie, &format!("/dasbor/unduh/aspirasi?{period}&area={area}&format=png")).await;
    assert!(kind == "image/png" && png.starts_with(b"\x89PNG"));
    let (_, _, umkm) = download(&app, &cookie, &format!("/dasbor/unduh/umkm?area={area}&sector=kuliner&format=csv")).await;
    assert!(String::from_utf8(umkm).unwrap().contains("Pempek Sari"));
    let audited = "SELECT COUNT(*) FROM audit_log WHERE actor = $1 AND action = 'report.export' AND detail LIKE '%via=console'";
    assert_eq!(app.count(audited, 6012).await, 4);

    let elsewhere = area_id(&app, "Kemuning").await;
    let (guessed, _, guessed_page) = download(&app, &cookie, &format!("/dasbor/unduh/aspirasi?{period}&area={elsewhere}")).await;
    let (missing, _, missing_page) = download(&app, &cookie, &format!("/dasbor/unduh/aspirasi?{period}&area=999999")).await;
    assert_eq!((guessed, missing), (StatusCode::NOT_FOUND, StatusCode::NOT_FOUND));
    assert_eq!(guessed_page, missing_page);
    let (everywhere, _, _) = download(&app, &cookie, "/dasbor/unduh/umkm?area=").await;
    assert_eq!(everywhere, StatusCode::NOT_FOUND, "only admins export everywhere");
    let (bad, _, _) = download(&app, &cookie, &format!("/dasbor/unduh/aspirasi?from=2026-12-31&to=2026-01-01&area={area}")).await;
    assert_eq!(bad, StatusCode::BAD_REQUEST);

    let coordinator = coordinator_of(&app, 6013, "Koor Budi").await;
    let cookie = log_in(&app, &link_for(&coordinator).await).await;
    let (status, page) = get(&app, &cookie, "/dasbor/unduh").await;
    assert_eq!(status, StatusCode::OK, "coordinators download their own surveys' results, as in /laporan");
    assert!(page.contains("Hasil survei") && !page.contains("/dasbor/unduh/aspirasi") && !page.contains("/dasbor/unduh/umkm"), "{page}");
    for path in [format!("/dasbor/unduh/aspirasi?{period}&area={area}"), format!("/dasbor/unduh/umkm?area={area}")] {
        let (refused, _, _) = download(&app, &cookie, &path).await;
        assert_eq!(refused, StatusCode::FORBIDDEN, "no office reports for coordinators: {path}");
    }
    let (_, queue) = get(&app, &cookie, "/dasbor/aspirasi").await;
    assert!(!queue.contains("/dasbor/audit"), "no links to pages one may not use");
}

#[tokio::test]
async fn only_admins_read_the_audit_log_filtered_by_a_person_and_a_kind_in_words() {
    let app = spawn_app().await;
    let staff = staff_of(&app, 6021, "Staf Rina", KECAMATAN).await;
    let cookie = log_in(&app, &link_for(&staff).await).await;
    let (status, refused) = get(&app, &cookie, "/dasbor/audit").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(refused.contains("Peran Anda tidak mencakup") && !refused.contains("Muat ulang"), "a missing permission, not a stale form: {refused}");

    let admin = app.member_of(ADMIN_ID, "Admin", KIM).await;
    let cookie = log_in(&app, &link_for(&admin).await).await;
    let (status, page) = get(&app, &cookie, "/dasbor/audit?action=console").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("<option value=\"6021\">Staf Rina (6021)</option>"), "people picked by name: {page}");
    assert!(page.contains("<option value=\"aspiration\">Aspirasi</option>"), "kinds of act in words: {page}");
    assert!(!page.contains("<code>console."), "no internal action names: {page}");
    let (_, one) = get(&app, &cookie, "/dasbor/audit?actor=6021&action=console").await;
    assert!(one.contains("Staf Rina (6021)") && one.contains("Konsol (masuk, keluar, tampilan)"), "{one}");
    assert_eq!(one.matches("masuk ke konsol").count(), 1, "each entry a sentence, only the filtered person's: {one}");
    let seconds = regex_lite_seconds(&one);
    assert!(seconds, "times to the second: {one}");
    for bad in ["/dasbor/audit?actor=abc", "/dasbor/audit?action=console.queue"] {
        let (status, page) = get(&app, &cookie, bad).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad} is refused, not ignored");
        assert!(page.contains("Kembali ke halaman awal"), "{page}");
    }
}

/// Whether `page` shows a time as `HH:MM:SS` inside a `<time>` element.
fn regex_lite_seconds(page: &str) -> bool {
    page.split("<time>").skip(1).any(|rest| {
        let stamp = rest.split("</time>").next().unwrap_or_default();
        stamp.split(' ').nth(1).is_some_and(|hms| hms.len() == 8 && hms.matches(':').count() == 2)
    })
}

#[tokio::test]
async fn coordinators_see_participants_and_waitlist_and_mark_attendance_once_started() {
    use crate::trainings::{NOW, app_at_now, kim_id, seed, training};
    let (app, clock) = app_at_now().await;
    let kim = kim_id(&app, KIM).await;
    let mut new = training(kim, "Menjahit <i>dasar</i>", 1);
    (new.starts_at, new.ends_at) = (NOW + 3600, NOW + 7200);
    let id = seed(&app, new).await;
    let _sari = app.member_of(6031, "Sari", KIM).await;
    let _budi = app.member_of(6032, "Budi", KIM).await;
    for user in [6031, 6032] {
        kimbot::features::trainings::seats::register(&app.db, id, UserId(user), NOW).await.unwrap();
    }
    let coordinator = coordinator_of(&app, 6033, "Koor Budi").await;
    let cookie = log_in(&app, &link_for(&coordinator).await).await;

    let (status, list) = get(&app, &cookie, "/dasbor/pelatihan").await;
    assert_eq!(status, StatusCode::OK);
    assert!(list.contains("Menjahit &lt;i&gt;dasar&lt;/i&gt;") && list.contains("1 / 1"), "{list}");
    let (status, page) = get(&app, &cookie, &format!("/dasbor/pelatihan/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    let (seated, waiting) = page.split_once("Daftar tunggu (1)").expect("a waitlist of one");
    assert!(seated.contains("Sari") && waiting.contains("Budi"), "{page}");
    assert!(!page.contains("/hadir\""), "no attendance marking before the start");

    let registration = app.count("SELECT id FROM training_registrations WHERE user_id = $1", 6031).await;
    let reg = registration.to_string();
    let path = format!("/dasbor/pelatihan/{id}/hadir");
    let csrf = super::csrf_in(&page);
    let (early, _) = super::post(&app, &cookie, &path, &[("csrf", &csrf), ("registration", &reg), ("present", "1")]).await;
    assert_eq!(early, StatusCode::BAD_REQUEST);
    clock.advance(2 * 3600);
    let (status, _) = super::post(&app, &cookie, &path, &[("registration", &reg), ("present", "1")]).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "no CSRF token");
    let (_, started) = get(&app, &cookie, &format!("/dasbor/pelatihan/{id}")).await;
    assert!(started.contains("Sudah dimulai") && !started.contains("Pendaftaran dibuka"), "registration is over once started: {started}");
    assert!(started.contains("<th>Kehadiran</th>") && started.contains("Semua hadir"), "{started}");
    let (status, _) = super::post(&app, &cookie, &path, &[("csrf", &csrf), ("all", "1"), ("present", "1")]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(app.count("SELECT attended FROM training_registrations WHERE id = $1", registration).await, 1, "semua hadir");
    let absent = super::client().post(format!("{}{path}", app.console_url)).header("cookie", &cookie)
        .form(&[("csrf", csrf.as_str()), ("registration", reg.as_str()), ("present", "0")]).send().await.unwrap();
    assert_eq!(absent.status(), StatusCode::SEE_OTHER);
    assert!(absent.headers()["location"].to_str().unwrap().ends_with(&format!("#p{reg}")), "back to the row, not the top");
    let (_, marked) = get(&app, &cookie, &format!("/dasbor/pelatihan/{id}")).await;
    assert!(marked.contains(&format!("id=\"p{reg}\"")) && marked.contains("value=\"0\" aria-pressed=\"true\""), "the current mark shows: {marked}");
    assert!(!marked.contains("Semua hadir"), "nobody left unmarked");
    let (status, _) = super::post(&app, &cookie, &path, &[("csrf", &csrf), ("registration", &reg), ("present", "1")]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(app.count("SELECT attended FROM training_registrations WHERE id = $1", registration).await, 1);
    let (_, _, csv) = download(&app, &cookie, &format!("/dasbor/pelatihan/{id}/unduh?format=csv")).await;
    let csv = String::from_utf8(csv).unwrap();
    assert!(csv.contains("Sari") && csv.contains("Budi"), "{csv}");

    let elsewhere = staff_of(&app, 6034, "Staf Tono", "Kemuning").await;
    let cookie = log_in(&app, &link_for(&elsewhere).await).await;
    let (guessed, guessed_page) = get(&app, &cookie, &format!("/dasbor/pelatihan/{id}")).await;
    let (missing, missing_page) = get(&app, &cookie, "/dasbor/pelatihan/999999").await;
    assert_eq!((guessed, missing), (StatusCode::NOT_FOUND, StatusCode::NOT_FOUND));
    assert_eq!(guessed_page, missing_page);
    let (guessed, _, _) = download(&app, &cookie, &format!("/dasbor/pelatihan/{id}/unduh")).await;
    assert_eq!(guessed, StatusCode::NOT_FOUND);
    let (_, list) = get(&app, &cookie, "/dasbor/pelatihan").await;
    assert!(!list.contains("Menjahit"));
}

#[tokio::test]
async fn announcements_show_the_delivery_report_per_group_within_scope() {
    use crate::announcements::steps::{compose_to_my_kim, coordinator_with_groups, refresh_until, wait_text};
    use fake_telegram::{FailRule, Failure};
    let app = spawn_app().await;
    let (koor, groups) = coordinator_with_groups(&app, 6041, KIM, &[(-6041, "RT 19"), (-6042, "RT 20")]).await;
    let kicked = Failure::Forbidden("Forbidden: bot was kicked from the group chat".into());
    app.fake.fail_next(FailRule::method("sendMessage", kicked).for_chat(-6042));
    compose_to_my_kim(&koor, "Imunisasi <b>balita</b> Sabtu").await;
    koor.press("Kirim sekarang").await;
    wait_text(&koor, "Laporan pengumuman #1").await;
    groups[0].next_message().await;
    refresh_until(&koor, "Gagal 1").await;

    let cookie = log_in(&app, &link_for(&koor).await).await;
    let (status, list) = get(&app, &cookie, "/dasbor/pengumuman").await;
    assert_eq!(status, StatusCode::OK);
    assert!(list.contains("Imunisasi &lt;b&gt;balita&lt;/b&gt;") && !list.contains("<b>balita"), "{list}");
    let (status, page) = get(&app, &cookie, "/dasbor/pengumuman/1").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Terkirim 1 · Gagal 1 · Menunggu 0"), "{page}");
    let (sent, failed) = page.split_once("RT 20").expect("both groups listed");
    assert!(sent.contains("RT 19") && sent.contains("terkirim") && failed.contains("gagal (bot dikeluarkan dari grup)"), "{page}");

    let elsewhere = staff_of(&app, 6043, "Staf Tono", "Kemuning").await;
    let cookie = log_in(&app, &link_for(&elsewhere).await).await;
    let (guessed, guessed_page) = get(&app, &cookie, "/dasbor/pengumuman/1").await;
    let (missing, missing_page) = get(&app, &cookie, "/dasbor/pengumuman/999999").await;
    assert_eq!((guessed, missing), (StatusCode::NOT_FOUND, StatusCode::NOT_FOUND));
    assert_eq!(guessed_page, missing_page);
    let (_, list) = get(&app, &cookie, "/dasbor/pengumuman").await;
    assert!(!list.contains("Imunisasi"));
}

#[tokio::test]
async fn ticket_photos_come_through_kimbot_and_the_bot_token_never_reaches_the_browser() {
    use crate::support::PersonExt;
    let app = spawn_app().await;
    let resident = app.member_of(6051, "Warga Sari", KIM).await;
    resident.send("/aspirasi").await;
    resident.next_message().await;
    resident.press("Infrastruktur").await;
    resident.next_message().await;
    resident.send("Jalan berlubang besar di depan SD 12 sejak Januari").await;
    assert!(resident.next_message().await.text.contains("Ada foto atau lokasi?"));
    resident.send_photo().await;
    assert!(resident.next_message().await.text.contains("Foto 1/3 diterima"));
    resident.press("Selesai").await;
    resident.next_message_skipping_edits().await;
    resident.press("Tampilkan").await;
    resident.next_message().await;
    resident.press("Kirim").await;
    let number = crate::aspirations::ticket_in(&resident.next_message_skipping_edits().await.text);
    let id = crate::aspirations::ticket_id(&app, &number).await;
    let staff = staff_of(&app, 6052, "Staf Rina", KECAMATAN).await;
    let cookie = log_in(&app, &link_for(&staff).await).await;

    let (_, ticket) = get(&app, &cookie, &format!("/dasbor/aspirasi/{id}")).await;
    let src = format!("/dasbor/aspirasi/{id}/foto/0");
    assert!(ticket.contains(&format!("src=\"{src}\"")), "{ticket}");
    assert!(!ticket.contains(fake_telegram::TOKEN) && !ticket.contains("api.telegram") && !ticket.contains("/file/bot"));
    let (status, kind, bytes) = download(&app, &cookie, &src).await;
    assert_eq!((status, kind.as_str()), (StatusCode::OK, "image/jpeg"));
    assert_eq!(bytes, b"fake telegram file content", "the file as Telegram served it");
    assert!(!app.fake.calls_to("getFile").is_empty());
    let (status, _, _) = download(&app, &cookie, &format!("/dasbor/aspirasi/{id}/foto/1")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let elsewhere = staff_of(&app, 6053, "Staf Tono", "Kemuning").await;
    let cookie = log_in(&app, &link_for(&elsewhere).await).await;
    let (guessed, _, guessed_page) = download(&app, &cookie, &src).await;
    let (missing, _, missing_page) = download(&app, &cookie, "/dasbor/aspirasi/999999/foto/0").await;
    assert_eq!((guessed, missing), (StatusCode::NOT_FOUND, StatusCode::NOT_FOUND));
    assert_eq!(guessed_page, missing_page);
}
