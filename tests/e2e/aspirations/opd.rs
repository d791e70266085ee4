//! Agencies (OPD): staff send a ticket to the agency that acts; its officer (another
//! Telegram user) accepts, reports progress and finishes it with a photo, or returns
//! it; the resident hears each step with the agency's name; other agencies see
//! nothing; anonymous reporters stay hidden from agencies.

use fake_telegram::Person;
use kimbot::kernel::members::agencies::{self, Agency};
use kimbot::kernel::members::roles::{self, Scope};
use sqlx::Row;
use kimbot::kernel::members::UserId;

use super::*;
use crate::support::{MessageExt, TestApp, spawn_app};

const ROAD: &str = "Jalan di depan SD 12 berlubang besar sejak Januari, motor sering jatuh.";

/// Loads the shipped Palembang agencies and routes infrastructure to PUPR.
pub async fn load_agencies(app: &TestApp) {
    let file = std::fs::File::open(concat!(env!("CARGO_MANIFEST_DIR"), "/data/opd-palembang.csv")).unwrap();
    agencies::import_csv(&app.db, file, 0).await.unwrap();
    agencies::set_route(&app.db, &agency(app, "PUPR").await, "infrastruktur", None, 0).await.unwrap();
}

pub async fn agency(app: &TestApp, code: &str) -> Agency {
    agencies::by_code(&app.db, code).await.unwrap().remove(0)
}

/// A member of the test KIM who is an officer of agency `code`.
pub async fn officer_of(app: &TestApp, id: i64, name: &str, code: &str) -> Person {
    roles::grant(&app.db, UserId(id), &Scope::Agency(agency(app, code).await), None, 0).await.unwrap();
    app.member_of(id, name, KIM).await
}

/// Staff: "Teruskan" on the open card, the agency, then the note (or "Lewati").
pub async fn send_to(staff: &Person, label: &str, note: Option<&str>) -> (BotMessage, BotMessage) {
    staff.press("Teruskan").await;
    let choose = next_skipping_notices(staff).await;
    staff.press(label).await;
    let ask = next_skipping_notices(staff).await;
    assert!(ask.text.contains(label) && ask.has_button("Lewati"), "{}", ask.text);
    match note {
        Some(note) => drop(staff.send(note).await),
        None => drop(staff.press("Lewati").await),
    }
    (choose, next_skipping_notices(staff).await)
}

/// The next message whose text contains `needle`, passing over others.
async fn next_containing(p: &Person, needle: &str) -> BotMessage {
    for _ in 0..6 {
        let m = p.next_message_skipping_edits().await;
        if m.text.contains(needle) {
            return m;
        }
    }
    panic!("no message with {needle:?}")
}

#[tokio::test]
async fn a_ticket_sent_to_pupr_is_worked_by_its_officer_and_the_resident_hears_each_step_with_the_agencys_name() {
    let app = spawn_app().await;
    load_agencies(&app).await;
    let staff = staff_of(&app, 5401, "Staf Rina", KECAMATAN).await;
    let officer = officer_of(&app, 5402, "Pak Joko", "PUPR").await;
    let budi = app.member_of(5403, "Budi", KIM).await;
    officer.send("/antrian").await;
    let before = officer.next_message().await.text;
    let number = submit(&budi, "Infrastruktur", ROAD, false).await;
    let id = ticket_id(&app, &number).await;

    open_card(&staff, "/antrian").await;
    let (choose, sent) = send_to(&staff, "Dinas PUPR", Some("Mohon dicek, lubangnya dekat gerbang sekolah.")).await;
    let heard_sent = budi.next_message().await.text;
    let arrived = officer.next_message().await.text;
    let card = open_card(&officer, "/antrian").await;
    officer.press("Terima").await;
    let accepted = next_containing(&officer, "diterima").await.text;
    let heard_accepted = budi.next_message().await.text;
    let card_after = next_containing(&officer, "📋 Tiket").await;
    officer.press("Kabar progres").await;
    assert!(officer.next_message().await.text.contains("Tulis kabar progres"));
    officer.send("Tim turun ke lokasi hari Kamis untuk menambal.").await;
    next_containing(&officer, "sudah dikirim ke warga").await;
    let heard_progress = budi.next_message().await.text;
    officer.press("🏁 Selesai").await;
    assert!(officer.next_message().await.text.contains("catatan penyelesaian"));
    officer.send("Lubang sudah ditambal dan diaspal ulang pada hari Kamis.").await;
    assert!(officer.next_message().await.has_button("Tanpa foto"));
    officer.send_photo().await;
    let finished = next_containing(&officer, "selesai").await.text;
    let photo = budi.next_message().await;
    let heard_done = budi.next_message().await;

    assert!(before.contains("Belum ada aspirasi"), "nothing before the disposition: {before}");
    assert_eq!(choose.button_labels()[0], "⭐ Dinas PUPR", "the routed agency first: {:?}", choose.button_labels());
    assert!(choose.has_button("Teruskan tanpa OPD"));
    assert!(sent.text.contains("diteruskan ke Dinas PUPR"), "{}", sent.text);
    assert!(heard_sent.contains(&number) && heard_sent.contains("diteruskan ke Dinas PUPR") && heard_sent.contains("gerbang sekolah"), "{heard_sent}");
    assert!(arrived.contains("Tiket baru untuk Dinas PUPR") && arrived.contains(&number), "{arrived}");
    assert!(card.text.contains(&number) && card.text.contains("Budi") && card.text.contains("Catatan Diskominfo"), "{}", card.text);
    assert!(card.has_button("Terima") && card.has_button("Bukan kewenangan kami"), "{:?}", card.button_labels());
    assert!(accepted.contains(&number), "{accepted}");
    assert!(!card_after.has_button("Terima") && card_after.text.contains("sedang ditindaklanjuti OPD"), "{}", card_after.text);
    assert!(heard_accepted.contains("Dinas PUPR sudah menerima"), "{heard_accepted}");
    assert!(heard_progress.contains("Kabar dari Dinas PUPR") && heard_progress.contains("Tim turun ke lokasi"), "{heard_progress}");
    assert!(finished.contains(&number), "{finished}");
    assert!(photo.file.is_some() && photo.text.contains("Hasil pekerjaan Dinas PUPR"), "{:?}", photo.text);
    assert!(heard_done.text.contains("Dinas PUPR sudah menyelesaikan") && heard_done.text.contains("diaspal ulang"), "{}", heard_done.text);
    assert!(heard_done.text.contains("Apakah masalahnya sudah beres?") && heard_done.has_button("Belum beres"), "the verdict is asked: {:?}", heard_done.button_labels());
    assert_eq!(status_of(&app, id).await, "selesai");
    let row = sqlx::query("SELECT state, accepted_at, first_response_at, done_at FROM aspiration_dispositions WHERE aspiration_id = $1")
        .bind(id)
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(row.get::<String, _>("state"), "done");
    for stage in ["accepted_at", "first_response_at", "done_at"] {
        assert!(row.get::<Option<i64>, _>(stage).is_some(), "{stage} is stored");
    }
    for (action, actor) in [("aspiration.dispose", 5401), ("aspiration.accept", 5402), ("aspiration.progress", 5402), ("aspiration.done", 5402)] {
        let sql = match action {
            "aspiration.dispose" => "SELECT COUNT(*) FROM audit_log WHERE action = 'aspiration.dispose' AND actor = $1",
            "aspiration.accept" => "SELECT COUNT(*) FROM audit_log WHERE action = 'aspiration.accept' AND actor = $1",
            "aspiration.progress" => "SELECT COUNT(*) FROM audit_log WHERE action = 'aspiration.progress' AND actor = $1",
            _ => "SELECT COUNT(*) FROM audit_log WHERE action = 'aspiration.done' AND actor = $1",
        };
        assert_eq!(app.count(sql, actor).await, 1, "{action}");
    }
}

#[tokio::test]
async fn another_agency_sees_nothing_the_officer_never_sees_an_anonymous_reporter_and_a_return_goes_back_to_staff() {
    let app = spawn_app().await;
    load_agencies(&app).await;
    let staff = staff_of(&app, 5411, "Staf Rina", KECAMATAN).await;
    let pupr = officer_of(&app, 5412, "Pak Joko", "PUPR").await;
    let dishub = officer_of(&app, 5413, "Bu Sari", "DISHUB").await;
    app.user(5414, "Siti").with_username("siti_bl");
    let siti = app.member_of(5414, "Siti", KIM).await;
    let (_, number) = submit_with_media(&siti, "Lampu lalu lintas di simpang empat mati sejak kemarin malam.", true).await;
    let id = ticket_id(&app, &number).await;

    open_card(&staff, "/antrian").await;
    send_to(&staff, "Dinas PUPR", None).await;
    siti.next_message().await;
    pupr.next_message().await;
    dishub.send("/antrian").await;
    let other_queue = dishub.next_message().await;
    dishub.send(&format!("/antrian {number}")).await;
    let other_by_number = dishub.next_message().await.text;
    let forged = press_forged(&dishub, other_queue.message_id, &format!("a:oy:{id}")).await;
    let other_queue = other_queue.text;
    let card = open_card(&pupr, "/antrian").await;
    pupr.press("Bukan kewenangan kami").await;
    assert!(pupr.next_message().await.text.contains("Tulis alasan"));
    pupr.send("Bukan kewenangan kami, lampu lalu lintas urusan Dinas Perhubungan.").await;
    let returned = pupr.next_message().await.text;
    let staff_told = next_containing(&staff, "mengembalikan").await.text;
    let staff_card = open_card(&staff, "/antrian").await;
    pupr.send("/antrian").await;
    let pupr_after = pupr.next_message().await.text;
    let (_, resent) = send_to(&staff, "Dishub", None).await;

    assert!(other_queue.contains("Belum ada aspirasi"), "{other_queue}");
    assert!(other_by_number.contains("tidak ditemukan"), "{other_by_number}");
    assert_eq!(forged.text.as_deref(), Some(STALE));
    assert!(card.text.contains("Pengirim: Anonim") && card.text.contains("tidak ditampilkan"), "{}", card.text);
    assert!(!card.text.contains("Siti") && !card.text.contains("siti_bl") && !card.text.contains("maps.google"), "{}", card.text);
    assert_eq!(photos_sent_to(&app, 5412), 0, "no photo of an anonymous ticket reaches the agency");
    assert!(returned.contains("dikembalikan"), "{returned}");
    assert!(staff_told.contains("Dinas PUPR") && staff_told.contains("urusan Dinas Perhubungan") && staff_told.contains(&number), "{staff_told}");
    assert!(staff_card.text.contains(&number) && staff_card.text.contains("dikembalikan oleh OPD"), "{}", staff_card.text);
    assert!(staff_card.text.contains("Alasan dikembalikan: Bukan kewenangan kami"), "{}", staff_card.text);
    assert!(pupr_after.contains("Belum ada aspirasi"), "{pupr_after}");
    assert!(resent.text.contains("diteruskan ke Dishub"), "{}", resent.text);
    assert!(next_containing(&dishub, "Tiket baru untuk Dishub").await.text.contains(&number));
    assert_eq!(app.count("SELECT COUNT(*) FROM aspiration_dispositions WHERE aspiration_id = $1", id).await, 2);
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'aspiration.return' AND actor = $1", 5412).await, 1);
}

#[tokio::test]
async fn kota_staff_invite_an_agency_officer_who_gets_the_officers_help_and_no_city_commands() {
    let app = spawn_app().await;
    load_agencies(&app).await;
    let staff = staff_of(&app, 5421, "Staf Kota", "Kota Palembang").await;
    staff.send("/undang opd pupr").await;
    let invite = staff.next_message().await.text;
    staff.send("/undang opd XYZ").await;
    let unknown = staff.next_message().await.text;
    let start = invite.find("start=inv-").expect("deep link") + "start=".len();
    let code = invite[start..].split_whitespace().next().unwrap().to_string();
    let joko = app.user(5422, "Pak Joko");
    joko.send(&format!("/start {code}")).await;
    joko.next_message().await;
    joko.press("Setuju").await;
    let claimed = joko.next_message_skipping_edits().await.text;
    let menu = app.wait_for_call("setmycommands", |p| p["scope"]["chat_id"] == 5422).await.params.to_string();
    joko.skip_unread();
    joko.send("/bantuan").await;
    let help = joko.next_message().await.text;
    joko.send("/umumkan").await;
    let announce = joko.next_message().await.text;

    assert!(invite.contains("petugas OPD") && invite.contains("Dinas Pekerjaan Umum dan Penataan Ruang"), "{invite}");
    assert!(unknown.contains("tidak ditemukan"), "{unknown}");
    assert!(claimed.contains("petugas OPD untuk Dinas Pekerjaan Umum"), "{claimed}");
    assert!(menu.contains("antrian") && menu.contains("dasbor") && !menu.contains("umumkan"), "{menu}");
    assert!(help.contains("Untuk petugas OPD") && help.contains("/antrian") && !help.contains("Untuk koordinator"), "{help}");
    assert!(!announce.contains("Tulis"), "no coordinator command: {announce}");
}

#[tokio::test]
async fn the_office_imports_lists_and_routes_agencies_and_grants_and_revokes_an_officer_from_the_cli() {
    let app = spawn_app().await;
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_kimbot"))
            .args(args)
            .env("DATABASE_URL", &app.database_url)
            .env("RUST_LOG", "error")
            .output()
            .expect("kimbot runs")
    };
    let csv = concat!(env!("CARGO_MANIFEST_DIR"), "/data/opd-palembang.csv");
    let out = |o: &std::process::Output| String::from_utf8_lossy(&o.stdout).to_string();

    let first = run(&["opd", "import", csv]);
    let again = run(&["opd", "import", csv]);
    let list = run(&["opd", "list"]);
    let route = run(&["opd", "route", "--category", "infrastruktur", "--opd", "pupr", "--kecamatan", "Ilir Barat I"]);
    let city = run(&["opd", "route", "--category", "infrastruktur", "--opd", "PERKIM"]);
    let bad_category = run(&["opd", "route", "--category", "jalan", "--opd", "PUPR"]);
    let granted = run(&["grant", "opd", "--user", "7301", "--opd", "dlhk"]);
    let bad_agency = run(&["grant", "opd", "--user", "7301", "--opd", "NOPE"]);
    let actor = roles::actor(&app.db, UserId(7301), false).await.unwrap();
    let revoked = run(&["revoke", "--user", "7301"]);
    let after = roles::actor(&app.db, UserId(7301), false).await.unwrap();

    assert!(first.status.success() && out(&first).contains("imported 15 agencies"), "{}", String::from_utf8_lossy(&first.stderr));
    assert!(again.status.success());
    assert_eq!(app.count("SELECT COUNT(*) FROM agencies WHERE id > $1", 0).await, 15, "importing twice changes nothing");
    let list = out(&list);
    assert!(list.contains("PUPR\tDinas PUPR\tDinas Pekerjaan Umum dan Penataan Ruang\tKota Palembang"), "{list}");
    assert!(list.contains("SATPOLPP\tSatpol PP") && list.contains("BPBD"), "{list}");
    assert!(route.status.success() && out(&route).contains("Dinas PUPR"), "{}", String::from_utf8_lossy(&route.stderr));
    assert!(city.status.success());
    let (pupr, perkim) = (agency(&app, "PUPR").await, agency(&app, "PERKIM").await);
    let routed = |path: &'static str| agencies::routed(&app.db, "infrastruktur", path);
    assert_eq!(routed("Kota Palembang/Ilir Barat I/Bukit Lama").await.unwrap(), Some(pupr.id), "the kecamatan's own rule first");
    assert_eq!(routed("Kota Palembang/Kemuning/Pipa Reja").await.unwrap(), Some(perkim.id), "else the kota's");
    assert_eq!(agencies::routed(&app.db, "kesehatan", "Kota Palembang/Kemuning/Pipa Reja").await.unwrap(), None);
    for bad in [&bad_category, &bad_agency] {
        assert_eq!(bad.status.code(), Some(2));
        assert_eq!(String::from_utf8_lossy(&bad.stderr).trim().lines().count(), 1, "{}", String::from_utf8_lossy(&bad.stderr));
    }
    assert!(out(&granted).contains("granted officer"), "{}", out(&granted));
    assert_eq!(actor.agencies, vec![agency(&app, "DLHK").await.id]);
    assert!(revoked.status.success() && after.agencies.is_empty());
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'agency.route' AND actor IS NULL AND id > $1", 0).await, 2);
}

#[tokio::test]
async fn staff_send_an_accepted_ticket_on_to_another_agency_and_take_it_back_from_there() {
    let app = spawn_app().await;
    load_agencies(&app).await;
    let staff = staff_of(&app, 5431, "Staf Rina", KECAMATAN).await;
    let pupr = officer_of(&app, 5432, "Pak Joko", "PUPR").await;
    let dishub = officer_of(&app, 5433, "Bu Sari", "DISHUB").await;
    let budi = app.member_of(5434, "Budi", KIM).await;
    let number = submit(&budi, "Infrastruktur", ROAD, false).await;
    let id = ticket_id(&app, &number).await;
    open_card(&staff, "/antrian").await;
    send_to(&staff, "Dinas PUPR", None).await;
    pupr.next_message().await;
    open_card(&pupr, "/antrian").await;
    pupr.press("Terima").await;
    next_containing(&pupr, "diterima").await;
    let accepted_status = status_of(&app, id).await;

    let card = open_card(&staff, &format!("/status {number}")).await;
    staff.press("Kirim ke OPD lain").await;
    let choose = next_skipping_notices(&staff).await;
    staff.press("Dishub").await;
    next_skipping_notices(&staff).await;
    staff.press("Lewati").await;
    let sent_on = next_skipping_notices(&staff).await.text;
    let sent_on_status = status_of(&app, id).await;
    pupr.skip_unread();
    pupr.send(&format!("/antrian {number}")).await;
    let pupr_now = pupr.next_message().await.text;
    next_containing(&dishub, "Tiket baru untuk Dishub").await;
    open_card(&staff, &format!("/status {number}")).await;
    staff.press("Tarik kembali").await;
    let recalled = next_skipping_notices(&staff).await.text;
    dishub.send("/antrian").await;
    let dishub_now = dishub.next_message().await.text;

    assert_eq!(accepted_status, "ditindaklanjuti");
    assert!(card.text.contains("Dinas PUPR (sedang ditindaklanjuti OPD)") && card.has_button("Tarik kembali"), "{}", card.text);
    assert!(!choose.has_button("Dinas PUPR") && !choose.has_button("tanpa OPD"), "not to the agency holding it: {:?}", choose.button_labels());
    assert!(sent_on.contains("diteruskan ke Dishub"), "{sent_on}");
    assert_eq!(sent_on_status, "diteruskan", "the new agency has not accepted it yet");
    assert!(pupr_now.contains("tidak ditemukan"), "{pupr_now}");
    assert!(recalled.contains("ditarik kembali dari Dishub"), "{recalled}");
    assert!(dishub_now.contains("Belum ada aspirasi"), "{dishub_now}");
    assert_eq!(status_of(&app, id).await, "diterima", "the staff's to route again");
    let states = sqlx::query("SELECT state FROM aspiration_dispositions WHERE aspiration_id = $1 ORDER BY id").bind(id).fetch_all(&app.db.pool).await.unwrap();
    let states: Vec<String> = states.iter().map(|r| r.get("state")).collect();
    assert_eq!(states, ["recalled", "recalled"]);
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'aspiration.recall' AND actor = $1", 5431).await, 1);
}
