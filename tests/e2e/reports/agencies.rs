//! "Kinerja OPD" (issue 24): the agency report after the whole loop — a resident
//! files, staff send the ticket to PUPR, PUPR's officer finishes it, the resident
//! rates it 4 — in `/laporan` (XLSX and CSV), the console's *Unduh* and *Ringkasan*;
//! staff of another kecamatan see none of it; the office's typed agency names are
//! defused in the CSV.

use std::sync::Arc;

use fake_telegram::{BotMessage, Person};
use kimbot::features::aspirations::report::agencies_export;
use kimbot::kernel::members::{Area, agencies, areas};
use kimbot::platform::export::Progress;
use kimbot::platform::export::kinds::PeriodRequest;
use kimbot::platform::export::period::{Period, Preset};

use super::kinds::{finish, last_export, sent_sheet};
use super::{TestApp, cell, row};
use crate::aspirations::opd::{agency, load_agencies, officer_of};
use crate::aspirations::{KECAMATAN, KIM, next_skipping_notices, staff_of, submit, ticket_id};
use crate::console::{csrf_in, get, link_for, log_in, post};
use crate::support::{MessageExt, PersonExt, spawn_app};

const ROAD: &str = "Jalan di depan SD 12 berlubang besar sejak Januari, motor sering jatuh.";

async fn next_containing(p: &Person, needle: &str) -> BotMessage {
    for _ in 0..8 {
        let m = p.next_message_skipping_edits().await;
        if m.text.contains(needle) {
            return m;
        }
    }
    panic!("no message with {needle:?}")
}

/// The next message or edit, passing over staff's new-ticket notices.
async fn next_or_edit(p: &Person) -> BotMessage {
    loop {
        let m = p.next_message().await;
        if !(m.text.starts_with("🔔") && m.text.contains("aspirasi baru")) {
            return m;
        }
    }
}

async fn area(app: &TestApp, name: &str) -> Area {
    areas::areas_named(&app.db, name).await.unwrap().remove(0)
}

/// This month as `/laporan`'s "Bulan ini" and the file names have it.
fn this_month() -> Period {
    Period::preset(Preset::ThisMonth, chrono::Utc::now().timestamp(), chrono_tz::Asia::Jakarta)
}

/// The CSV's rows (BOM and `;` as the office's Excel reads them).
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').has_headers(false).from_reader(text.as_bytes());
    reader.records().map(|r| r.unwrap().iter().map(String::from).collect()).collect()
}

/// Staff send the ticket to PUPR in the console; PUPR's officer accepts and finishes
/// it; the resident rates it 4.
async fn loop_to_a_rating(app: &TestApp, staff: &Person, officer: &Person, budi: &Person) -> String {
    let number = submit(budi, "Infrastruktur", ROAD, false).await;
    let id = ticket_id(app, &number).await;
    let cookie = log_in(app, &link_for(staff).await).await;
    let (_, page) = get(app, &cookie, &format!("/dasbor/aspirasi/{id}")).await;
    let pupr = agency(app, "PUPR").await.id.to_string();
    post(app, &cookie, &format!("/dasbor/aspirasi/{id}/opd"), &[("csrf", &csrf_in(&page)), ("agency", &pupr), ("note", "")]).await;
    next_containing(budi, "diteruskan ke Dinas PUPR").await;
    let cookie = log_in(app, &link_for(officer).await).await;
    let (_, page) = get(app, &cookie, &format!("/dasbor/opd/{id}")).await;
    let csrf = csrf_in(&page);
    post(app, &cookie, &format!("/dasbor/opd/{id}/terima"), &[("csrf", &csrf)]).await;
    post(app, &cookie, &format!("/dasbor/opd/{id}/selesai"), &[("csrf", &csrf), ("text", "Lubang sudah ditambal dan diaspal ulang.")]).await;
    let asked = next_containing(budi, "Apakah masalahnya sudah beres?").await;
    assert!(asked.has_button("4"), "{:?}", asked.button_labels());
    budi.press("4").await;
    budi.next_message_skipping_edits().await;
    number
}

#[tokio::test]
async fn the_agency_report_shows_pupr_with_one_done_ticket_rated_four_in_chat_download_and_summary_and_nothing_elsewhere() {
    let app = spawn_app().await;
    load_agencies(&app).await;
    let rina = staff_of(&app, 6601, "Staf Rina", KECAMATAN).await;
    let officer = officer_of(&app, 6602, "Pak Joko", "PUPR").await;
    let budi = app.member_of(6603, "Budi", KIM).await;
    let kemuning = staff_of(&app, 6604, "Staf Kemuning", "Kemuning").await;
    loop_to_a_rating(&app, &rina, &officer, &budi).await;
    let month = this_month();
    let stem = format!("kinerja-opd-ilir-barat-i-{}", month.slug());

    rina.send("/laporan").await;
    let kinds = loop {
        let m = next_skipping_notices(&rina).await;
        if m.has_button("🏛 Kinerja OPD") {
            break m;
        }
    };
    rina.press("🏛 Kinerja OPD").await;
    let ask = next_or_edit(&rina).await;
    rina.press("Bulan ini").await;
    let areas_asked = next_or_edit(&rina).await;
    let done = finish(&rina, "Seluruh Ilir Barat I", "Laporan kinerja OPD").await;
    let sheet = sent_sheet(&app, &format!("{stem}.xlsx"), "Kinerja OPD").await;
    let csv_call = app.wait_for_call("sendDocument", |p| p["document"]["file_name"] == format!("{stem}-titikkoma.csv")).await;
    let chat_csv = csv_rows(csv_call.params["document"]["text"].as_str().expect("a text upload"));

    let (from, to) = (month.from.format("%Y-%m-%d").to_string(), month.to.format("%Y-%m-%d").to_string());
    let ilir = area(&app, KECAMATAN).await.id;
    let cookie = log_in(&app, &link_for(&rina).await).await;
    let (download, console_csv) = get(&app, &cookie, &format!("/dasbor/unduh/opd?from={from}&to={to}&area={ilir}&format=csv")).await;
    let (_, summary) = get(&app, &cookie, "/dasbor/ringkasan").await;
    let elsewhere = log_in(&app, &link_for(&kemuning).await).await;
    let kemuning_area = area(&app, "Kemuning").await.id;
    let (theirs, their_csv) = get(&app, &elsewhere, &format!("/dasbor/unduh/opd?from={from}&to={to}&area={kemuning_area}&format=csv")).await;
    let (refused, _) = get(&app, &elsewhere, &format!("/dasbor/unduh/opd?from={from}&to={to}&area={ilir}&format=csv")).await;
    let (_, their_summary) = get(&app, &elsewhere, "/dasbor/ringkasan").await;

    assert!(kinds.has_button("📝 Aspirasi warga"), "the other kinds stay: {:?}", kinds.button_labels());
    assert!(ask.text.contains("Laporan kinerja OPD untuk periode mana?"), "{}", ask.text);
    assert!(areas_asked.has_button("Seluruh Ilir Barat I"));
    assert!(done.text.contains("1 disposisi ke OPD"), "{}", done.text);
    assert_eq!(cell(&sheet, 0, 0), "Kinerja OPD: aspirasi yang diteruskan ke dinas/badan");
    assert_eq!(row(&sheet, 3, 2), ["Batas layanan (hari kerja)", "Diskominfo 3 · OPD menanggapi 5 · OPD menyelesaikan 10"]);
    assert_eq!(
        row(&sheet, 6, 15),
        [
            "Kode OPD", "OPD", "Diterima", "Dalam proses", "Selesai", "Dikembalikan", "Ditarik", "% Diskominfo ≤ 3 hari kerja",
            "% ditanggapi ≤ 5 hari kerja", "% selesai ≤ 10 hari kerja", "Median hari kerja sampai ditanggapi",
            "Median hari kerja sampai selesai", "Rata-rata penilaian warga", "Jumlah dinilai", "% dibuka kembali",
        ]
    );
    let pupr = row(&sheet, 7, 15);
    assert_eq!(pupr[..10], ["PUPR", "Dinas PUPR", "1", "0", "1", "0", "0", "100", "100", "100"].map(String::from));
    assert_eq!(pupr[12..], ["4", "1", "0"].map(String::from), "rated 4.0 by one resident, not reopened");
    for median in &pupr[10..12] {
        assert!(median.parse::<f64>().unwrap() < 0.1, "minutes, not days: {pupr:?}");
    }
    assert_eq!(row(&sheet, 8, 3), ["", "Semua OPD", "1"]);
    assert_eq!(cell(&sheet, 9, 0), "");
    assert_eq!(chat_csv[1][..5], ["PUPR", "Dinas PUPR", "1", "0", "1"].map(String::from));
    assert_eq!(chat_csv[1][12..14], ["4,0", "1"].map(String::from), "decimals with a comma");
    assert_eq!(download, reqwest::StatusCode::OK);
    assert_eq!(csv_rows(&console_csv)[1], chat_csv[1], "the console's file says the same");
    let card = &summary[summary.find("id=\"kinerja-opd\"").expect("a Kinerja OPD card")..];
    let card = &card[..card.find("</section>").unwrap()];
    assert!(card.contains("Dinas PUPR") && card.contains("4,0") && card.contains("100,0%"), "{card}");
    assert_eq!(theirs, reqwest::StatusCode::OK);
    let their_rows = csv_rows(&their_csv);
    assert!(their_rows.len() == 2 && their_rows[1][1] == "Semua OPD" && their_rows[1][2] == "0", "{their_rows:?}");
    assert_eq!(refused, reqwest::StatusCode::NOT_FOUND, "another kecamatan is not found");
    let their_card = &their_summary[their_summary.find("id=\"kinerja-opd\"").expect("a Kinerja OPD card")..];
    assert!(!their_card[..their_card.find("</section>").unwrap()].contains("Dinas PUPR"), "Kemuning's staff see nothing of Ilir Barat I");
    assert!(last_export(&app, 6601).await.starts_with("kind=agencies scope=Kota Palembang/Ilir Barat I"));
}

#[tokio::test]
async fn typed_agency_names_are_defused_in_the_csv_and_other_areas_are_left_out() {
    let app = spawn_app().await;
    let file = "kota,code,name,short_name\nKota Palembang,CMD,\"=HYPERLINK(\"\"http://x.example\"\",\"\"klik\"\")\",\n";
    agencies::import_csv(&app.db, file.as_bytes(), 0).await.unwrap();
    let evil = agencies::by_code(&app.db, "CMD").await.unwrap().remove(0);
    let budi = app.member_of(6701, "Budi", KIM).await;
    let number = submit(&budi, "Infrastruktur", ROAD, false).await;
    let id = ticket_id(&app, &number).await;
    let now = chrono::Utc::now().timestamp();
    sqlx::query("INSERT INTO aspiration_dispositions (aspiration_id, agency_id, state, disposed_by, disposed_at) VALUES ($1, $2, 'sent', 1, $3)")
        .bind(id)
        .bind(evil.id)
        .bind(now)
        .execute(&app.db.pool)
        .await
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let request = |area_path: Option<&str>| PeriodRequest {
        period: this_month(),
        area_path: area_path.map(String::from),
        area_label: "uji".into(),
        lang: kimbot::platform::i18n::Lang::Id,
        tz: chrono_tz::Asia::Jakarta,
        now,
        sla: Default::default(),
    };

    let ours = agencies_export::export(&app.db, &request(Some("Kota Palembang/Ilir Barat I")), dir.path(), Arc::new(Progress::default())).await.unwrap();
    let ours_csv = csv_rows(&std::fs::read_to_string(&ours.csv).unwrap());
    let theirs = agencies_export::export(&app.db, &request(Some("Kota Palembang/Kemuning")), dir.path(), Arc::new(Progress::default())).await.unwrap();

    assert_eq!(ours.rows, 1);
    assert_eq!(ours_csv[1][..3], ["CMD", "'=HYPERLINK(\"http://x.example\",\"klik\")", "1"].map(String::from));
    assert_eq!(theirs.rows, 0, "Kemuning's report does not count Ilir Barat I's ticket");
}

#[tokio::test]
async fn the_office_exports_the_agency_report_from_the_command_line() {
    let app = spawn_app().await;
    load_agencies(&app).await;
    let budi = app.member_of(6901, "Budi", KIM).await;
    let number = submit(&budi, "Infrastruktur", ROAD, false).await;
    let id = ticket_id(&app, &number).await;
    let now = chrono::Utc::now().timestamp();
    sqlx::query(
        "INSERT INTO aspiration_dispositions (aspiration_id, agency_id, state, disposed_by, disposed_at, first_response_at, ended_at, returned_at) \
         VALUES ($1, $2, 'returned', 1, $3, $3, $3, $3)",
    )
    .bind(id)
    .bind(agency(&app, "PUPR").await.id)
    .bind(now)
    .execute(&app.db.pool)
    .await
    .unwrap();
    let month = this_month();
    let (from, to) = (month.from.format("%Y-%m-%d").to_string(), month.to.format("%Y-%m-%d").to_string());
    let out = tempfile::tempdir().unwrap();
    let (url, dir) = (app.database_url.clone(), out.path().to_path_buf());

    let output = tokio::task::spawn_blocking(move || {
        std::process::Command::new(env!("CARGO_BIN_EXE_kimbot"))
            .args(["export", "opd", "--from", &from, "--to", &to, "--area", KECAMATAN, "--out"])
            .arg(&dir)
            .env_clear()
            .env("DATABASE_URL", url)
            .output()
            .unwrap()
    })
    .await
    .unwrap();

    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let stem = format!("kinerja-opd-ilir-barat-i-{}", month.slug());
    assert!(stdout.contains(&format!("{stem}.xlsx")) && stdout.contains(&format!("{stem}-titikkoma.csv")), "{stdout}");
    let rows = csv_rows(&std::fs::read_to_string(out.path().join(format!("{stem}-titikkoma.csv"))).unwrap());
    assert_eq!(rows[1][..7], ["PUPR", "Dinas PUPR", "1", "0", "0", "1", "0"].map(String::from), "one returned");
    let audited: String = sqlx::query("SELECT detail FROM audit_log WHERE action = 'report.export' AND actor IS NULL")
        .fetch_one(&app.db.pool)
        .await
        .map(|r| sqlx::Row::get(&r, "detail"))
        .unwrap();
    assert!(audited.starts_with("kind=agencies scope=Kota Palembang/Ilir Barat I") && audited.ends_with("rows=1 via=cli"), "{audited}");
}
