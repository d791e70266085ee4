//! Survey results: counts by option and kecamatan, the scale, text answers (a
//! formula stays text), from submitted responses only; in `/laporan` for the author
//! and staff of the area (coordinators see only their own), on the CLI, and naming
//! no one anywhere.

use calamine::{Data, Range, Reader, Xlsx};
use kimbot::kernel::members::{UserId, areas};
use kimbot::features::surveys::cli::{SurveysAction, run};
use kimbot::features::surveys::model::{Draft, Kind, Question, SurveyId};
use kimbot::features::surveys::responses::{self, Given};
use kimbot::features::surveys::store::{self, Reach};
use sqlx::Row;

use super::{STALE, coordinator, wait_answer};
use crate::announcements::steps::wait_text;
use crate::support::{MessageExt, TestApp, spawn_app};

const NOW: i64 = 1_793_584_800;

fn draft() -> Draft {
    let q = |kind, prompt: &str, options: &[&str]| Question { kind, prompt: prompt.into(), options: options.iter().map(|o| o.to_string()).collect() };
    Draft {
        title: "Kebutuhan UMKM".into(),
        questions: vec![
            q(Kind::Choice, "Kebutuhan paling mendesak?", &["Modal usaha", "Pemasaran digital", "Perizinan"]),
            q(Kind::Scale, "Seberapa puas?", &[]),
            q(Kind::Text, "Saran Anda?", &[]),
        ],
        ..Draft::default()
    }
}

async fn survey(app: &TestApp, author: i64, reach: Reach) -> SurveyId {
    let mut tx = app.db.begin().await.unwrap();
    let id = store::create(&mut tx, &draft(), UserId(author), &reach, chrono::Utc::now().timestamp() + 86_400, NOW).await.unwrap();
    tx.commit().await.unwrap();
    id
}

/// A named resident of `kim` answering (choice index, scale, text), submitted or not.
async fn respond(app: &TestApp, survey: SurveyId, user: i64, kim: &str, answers: (i64, i64, &str), submit: bool) {
    sqlx::query("INSERT INTO users (id, first_name, language, created_at, updated_at) VALUES ($1, 'Siti Rahmawati', 'id', 0, 0) ON CONFLICT (id) DO NOTHING")
        .bind(user)
        .execute(&app.db.pool)
        .await
        .unwrap();
    let kim = areas::kim_by_code(&app.db, kim).await.unwrap().unwrap();
    let qs = store::questions(&app.db, survey).await.unwrap();
    let r = responses::start(&app.db, survey, UserId(user), &kim.area_path, NOW).await.unwrap();
    let given = [Given::Choice(answers.0), Given::Choice(answers.1), Given::Text(answers.2.into())];
    for (q, g) in qs.iter().zip(given) {
        assert!(responses::save(&app.db, r.id, q.id, &g, NOW).await.unwrap());
    }
    if submit {
        responses::submit(&app.db, r.id, NOW).await.unwrap();
    }
}

fn cell(range: &Range<Data>, row: u32, col: u32) -> String {
    match range.get_value((row, col)) {
        Some(Data::String(s)) => s.clone(),
        Some(Data::Float(x)) => format!("{x}"),
        Some(Data::Int(n)) => n.to_string(),
        Some(Data::Empty) | None => String::new(),
        Some(other) => format!("{other:?}"),
    }
}

fn row(range: &Range<Data>, r: u32, cols: u32) -> Vec<String> {
    (0..cols).map(|c| cell(range, r, c)).collect()
}

fn bytes_of(hex: &str) -> Vec<u8> {
    (0..hex.len()).step_by(2).map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap()).collect()
}

async fn sent_file(app: &TestApp, name: &str) -> Vec<u8> {
    let call = app.wait_for_call("sendDocument", |p| p["document"]["file_name"] == name).await;
    bytes_of(call.params["document"]["hex"].as_str().expect("binary upload"))
}

#[tokio::test]
async fn a_coordinator_gets_their_surveys_results_by_kecamatan_as_xlsx_csv_and_chart_naming_no_one() {
    let app = spawn_app().await;
    let koor = coordinator(&app, 8931, "IB1-BL").await;
    let other_koor = coordinator(&app, 8932, "IB1-BB").await;
    let kota = areas::find_scope_areas(&app.db, "Kota Palembang").await.unwrap().remove(0);
    let city = Reach { kim_id: None, training_id: None, area_id: Some(kota.id), area_path: kota.path.clone(), name: "Kota Palembang".into() };
    let id = survey(&app, 8931, city).await;
    let hidden = survey(&app, 8932, Reach { kim_id: None, training_id: None, area_id: None, area_path: kota.path.clone(), name: "x".into() }).await;
    respond(&app, id, 7101, "IB1-BL", (0, 5, "=1+1 tolong pelatihan"), true).await;
    respond(&app, id, 7102, "IB1-BB", (1, 4, "Pasar murah"), true).await;
    respond(&app, id, 7103, "KMN-KM", (0, 3, "Bantuan modal"), true).await;
    respond(&app, id, 7104, "KMN-KM", (2, 1, "belum selesai"), false).await;
    // Five per kecamatan: enough for the breakdown (fewer pool or hold it back, see `again`).
    respond(&app, id, 7105, "IB1-BL", (1, 4, "Jalan rusak"), true).await;
    respond(&app, id, 7106, "IB1-BB", (2, 5, "Pelatihan foto"), true).await;
    respond(&app, id, 7107, "IB1-BL", (0, 4, "Pameran produk"), true).await;
    for (user, choice, scale, text) in [(7108, 1, 3, "Kredit usaha"), (7109, 2, 2, "Modal kerja"), (7110, 0, 3, "Pelatihan"), (7111, 0, 4, "Wifi gratis")] {
        respond(&app, id, user, "KMN-KM", (choice, scale, text), true).await;
    }

    koor.send("/laporan").await;
    let kinds = wait_text(&koor, "Laporan apa").await;
    assert_eq!(kinds.button_labels(), ["📋 Hasil survei"], "coordinators get the survey kind only");
    let forged = koor.press_data(kinds.message_id, "r:k:u").await;
    assert_eq!(wait_answer(&koor, &forged).await.as_deref(), Some(STALE));
    koor.press("Hasil survei").await;
    let list = wait_text(&koor, "Hasil survei mana?").await;
    assert_eq!(list.button_labels(), ["🟢 Kebutuhan UMKM"], "only their own survey");
    let forged = koor.press_data(list.message_id, &format!("r:sv:{hidden}")).await;
    assert_eq!(wait_answer(&koor, &forged).await.as_deref(), Some(STALE), "another coordinator's survey reads as missing");
    koor.press("Kebutuhan UMKM").await;
    wait_text(&koor, "Hasil survei \"Kebutuhan UMKM\": 10 responden").await;

    let xlsx = sent_file(&app, &format!("survei-{id}.xlsx")).await;
    let mut book = Xlsx::new(std::io::Cursor::new(xlsx)).unwrap();
    let summary = book.worksheet_range("Ringkasan").unwrap();
    assert_eq!(row(&summary, 4, 2), ["Responden", "10"]);
    assert_eq!(row(&summary, 6, 5), ["No", "Pertanyaan", "Jenis", "Jawaban", "Jumlah"]);
    assert_eq!(row(&summary, 7, 5), ["1", "Kebutuhan paling mendesak?", "🔘 Pilihan", "Modal usaha", "5"]);
    assert_eq!(row(&summary, 14, 5), ["2", "Seberapa puas?", "⭐ Skala 1–5", "5", "2"]);
    assert_eq!(row(&summary, 15, 5), ["2", "Seberapa puas?", "⭐ Skala 1–5", "Rata-rata", "3.7"]);
    assert_eq!(row(&summary, 16, 5), ["3", "Saran Anda?", "✍️ Teks singkat", "Jawaban teks", "10"]);
    let by_kec = book.worksheet_range("Per kecamatan").unwrap();
    assert_eq!(row(&by_kec, 0, 6), ["No", "Pertanyaan", "Jawaban", "Ilir Barat I", "Kemuning", "Total"]);
    assert_eq!(row(&by_kec, 1, 6), ["1", "Kebutuhan paling mendesak?", "Modal usaha", "2", "3", "5"]);
    assert_eq!(row(&by_kec, 2, 6), ["1", "Kebutuhan paling mendesak?", "Pemasaran digital", "2", "1", "3"]);
    let texts = book.worksheet_range("Jawaban teks").unwrap();
    assert_eq!(row(&texts, 1, 4), ["3", "Saran Anda?", "Ilir Barat I", "=1+1 tolong pelatihan"]);
    assert_eq!(row(&texts, 6, 4), ["3", "Saran Anda?", "Kemuning", "Bantuan modal"]);
    assert_eq!(cell(&texts, 11, 0), "", "the unsubmitted response is not counted");

    let call = app.wait_for_call("sendDocument", |p| p["document"]["file_name"] == format!("survei-{id}-titikkoma.csv")).await;
    let csv = call.params["document"]["text"].as_str().expect("a text upload").to_string();
    assert!(csv.contains("3;Saran Anda?;✍️ Teks singkat;Ilir Barat I;'=1+1 tolong pelatihan;1"), "{csv}");
    for sheet in [&summary, &by_kec, &texts] {
        let all: String = sheet.cells().map(|(_, _, d)| format!("{d} ")).collect();
        assert!(!all.contains("Siti") && !all.contains("7101"), "no names or ids: {all}");
    }
    assert!(!csv.contains("Siti") && !csv.contains("7101") && !csv.contains("belum selesai"), "{csv}");
    let chart = app.wait_for_call("sendPhoto", |p| p["photo"]["hex"].is_string()).await;
    let png = bytes_of(chart.params["photo"]["hex"].as_str().unwrap());
    assert_eq!(&png[1..4], b"PNG");
    assert_eq!(u32::from_be_bytes(png[16..20].try_into().unwrap()), 1000);
    let detail: String = sqlx::query("SELECT detail FROM audit_log WHERE action = 'report.export' AND actor = $1")
        .bind(8931i64)
        .fetch_one(&app.db.pool)
        .await
        .unwrap()
        .get("detail");
    assert_eq!(detail, format!("kind=survey survey={id} scope=Kota Palembang respondents=10"));
    drop(other_koor);
}

#[tokio::test]
async fn kecamatan_staff_see_surveys_inside_their_area_only_and_the_cli_exports_any() {
    let app = spawn_app().await;
    let staf = app.member_of(8941, "Rina", "IB1-BL").await;
    app.grant_staff(8941, "Ilir Barat I").await;
    let bl = areas::kim_by_code(&app.db, "IB1-BL").await.unwrap().unwrap();
    let km = areas::kim_by_code(&app.db, "KMN-KM").await.unwrap().unwrap();
    let reach = |k: &kimbot::kernel::members::Kim| Reach { kim_id: Some(k.id.get()), training_id: None, area_id: None, area_path: k.area_path.clone(), name: k.name.clone() };
    let inside = survey(&app, 8942, reach(&bl)).await;
    let beside = survey(&app, 8943, reach(&km)).await;
    respond(&app, inside, 7201, "IB1-BL", (2, 2, "Perlu QRIS"), true).await;

    staf.send("/laporan").await;
    let kinds = wait_text(&staf, "Laporan apa").await;
    assert!(kinds.has_button("Aspirasi warga") && kinds.has_button("Hasil survei"), "{:?}", kinds.button_labels());
    staf.press("Hasil survei").await;
    let list = wait_text(&staf, "Hasil survei mana?").await;
    assert_eq!(list.button_labels().len(), 1, "Kemuning's survey stays out: {:?}", list.button_labels());
    let forged = staf.press_data(list.message_id, &format!("r:sv:{beside}")).await;
    assert_eq!(wait_answer(&staf, &forged).await.as_deref(), Some(STALE));

    let dir = tempfile::tempdir().unwrap();
    let mut out = Vec::new();
    run(&app.db, chrono_tz::Asia::Jakarta, SurveysAction::List { limit: 10, offset: 0 }, NOW, &mut out).await.unwrap();
    let listed = String::from_utf8(std::mem::take(&mut out)).unwrap();
    assert!(listed.lines().any(|l| l.starts_with(&format!("{inside}\topen\t")) && l.contains("responses 1")), "{listed}");
    let export = SurveysAction::Export { id: inside.get(), out: dir.path().to_path_buf() };
    run(&app.db, chrono_tz::Asia::Jakarta, export, NOW, &mut out).await.unwrap();
    for name in [format!("survei-{inside}.xlsx"), format!("survei-{inside}-titikkoma.csv"), format!("survei-{inside}.png")] {
        assert!(dir.path().join(&name).exists(), "{name}");
    }
    let csv = std::fs::read_to_string(dir.path().join(format!("survei-{inside}-titikkoma.csv"))).unwrap();
    // One respondent: counts only, and why.
    assert!(csv.contains("paling sedikit 5 orang menjawab") && !csv.contains("Perizinan"), "{csv}");
    let missing = run(&app.db, chrono_tz::Asia::Jakarta, SurveysAction::Export { id: 999, out: dir.path().into() }, NOW, &mut out).await;
    assert!(missing.is_err());
    let binary = std::process::Command::new(env!("CARGO_BIN_EXE_kimbot"))
        .args(["surveys", "list"])
        .env("DATABASE_URL", &app.database_url)
        .env("TELOXIDE_TOKEN", fake_telegram::TOKEN)
        .env_remove("KIMBOT_ADMINS")
        .env_remove("KIMBOT_TZ")
        .output()
        .expect("kimbot runs");
    assert!(binary.status.success(), "{}", String::from_utf8_lossy(&binary.stderr));
    assert_eq!(String::from_utf8(binary.stdout).unwrap().lines().count(), 2, "both surveys, through the real command line");
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'report.export' AND actor IS NULL AND detail LIKE 'kind=survey%' AND id > $1", 0).await, 1);
}

#[tokio::test]
async fn datasaya_lists_survey_answers_and_erasure_keeps_only_anonymous_counts() {
    let app = spawn_app().await;
    let bl = areas::kim_by_code(&app.db, "IB1-BL").await.unwrap().unwrap();
    let reach = Reach { kim_id: Some(bl.id.get()), training_id: None, area_id: None, area_path: bl.area_path.clone(), name: bl.name.clone() };
    let done = survey(&app, 8951, reach.clone()).await;
    let half = survey(&app, 8951, reach).await;
    respond(&app, done, 7301, "IB1-BL", (1, 5, "Rumah saya di Jl. Melati 3"), true).await;
    respond(&app, half, 7301, "IB1-BL", (0, 2, "belum"), false).await;
    let ctx = app.ctx.clone().unwrap();

    let shown = serde_json::to_value(kimbot::features::privacy::export::gather(&app.db, kimbot::app::registry::personal_data(), UserId(7301)).await.unwrap()).unwrap();
    let answers = shown["survey_answers"].as_array().unwrap();
    assert_eq!(answers.len(), 6, "{shown}");
    assert_eq!(answers[0]["answer"], "Pemasaran digital");
    assert_eq!(answers[1]["answer"], "5");
    assert_eq!(answers[2]["answer"], "Rumah saya di Jl. Melati 3");
    assert_eq!(shown["surveys_written"].as_array().map(Vec::len), Some(0));

    kimbot::features::privacy::erase::erase(&ctx, UserId(7301)).await.unwrap();
    assert_eq!(app.count("SELECT COUNT(*) FROM survey_responses WHERE user_id = $1", 7301).await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM survey_responses WHERE survey_id = $1", half.get()).await, 0, "the unfinished one is gone");
    let kept = store::get(&app.db, done).await.unwrap().unwrap();
    let r = kimbot::features::surveys::results::load(&app.db, kept).await.unwrap();
    assert_eq!((r.respondents, r.withheld), (1, true), "the response still counts (its breakdown held back: one respondent)");
    let kept = "SELECT COUNT(*) FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id WHERE r.survey_id = $1";
    assert_eq!(app.count(kept, done.get()).await, 3, "the answers stay for the counts");
    let typed = "SELECT COUNT(*) FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id WHERE r.survey_id = $1 AND a.answer IS NOT NULL";
    assert_eq!(app.count(typed, done.get()).await, 0, "typed answers may name the person: deleted");
    kimbot::features::privacy::erase::erase(&ctx, UserId(8951)).await.unwrap();
    assert_eq!(app.count("SELECT COUNT(*) FROM surveys WHERE author_id = $1", 0).await, 2, "the author's surveys stay, without them");
}

#[tokio::test]
async fn a_survey_closes_on_time_and_its_author_gets_the_results_once() {
    let clock = kimbot::platform::db::ManualClock::new(NOW);
    let app = crate::support::spawn_app_with_clock(clock.clone()).await;
    let koor = coordinator(&app, 8971, "IB1-BL").await;
    let bl = areas::kim_by_code(&app.db, "IB1-BL").await.unwrap().unwrap();
    let reach = Reach { kim_id: Some(bl.id.get()), training_id: None, area_id: None, area_path: bl.area_path.clone(), name: bl.name.clone() };
    let mut tx = app.db.begin().await.unwrap();
    let id = store::create(&mut tx, &draft(), UserId(8971), &reach, NOW + 3_600, NOW).await.unwrap();
    tx.commit().await.unwrap();
    respond(&app, id, 7401, "IB1-BL", (2, 4, "Perlu QRIS"), true).await;

    tokio::time::sleep(std::time::Duration::from_millis(2_500)).await;
    assert_eq!(app.count("SELECT COUNT(*) FROM surveys WHERE id = $1 AND status = 'open'", id.get()).await, 1, "not yet due");
    clock.advance(3_600);
    let told = wait_text(&koor, "sudah sampai waktu tutupnya").await;
    assert!(told.text.contains("1 responden") && told.text.contains("⏹ ditutup"), "{}", told.text);
    assert!(told.text.contains("paling sedikit 5 orang") && !told.text.contains("Perizinan"), "one respondent: no breakdown: {}", told.text);
    let again = kimbot::features::surveys::closing::close_due(app.ctx.as_ref().unwrap(), NOW + 7_200).await.unwrap();
    assert_eq!(again, 0, "closed once");
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'survey.closed_on_time' AND detail = 'survey=' || $1", id.get()).await, 1);
}
