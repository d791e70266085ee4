//! *Unduh* → Hasil survei and Cek fakta (issue 15): the same files as `/laporan`, read
//! back with calamine. Coordinators reach only their own surveys, staff the surveys
//! and requests of their area; anything else looks like a missing one.

use calamine::{Data, Range, Reader, Xlsx};
use kimbot::features::factcheck::model::{self, Verdict};
use kimbot::features::factcheck::store::{self as facts, Answer, NewCheck};
use kimbot::kernel::members::{UserId, areas};
use kimbot::features::surveys::model::{Draft, Kind, Question, SurveyId};
use kimbot::features::surveys::responses::{self, Given};
use kimbot::features::surveys::store::{self as surveys, Reach};
use reqwest::StatusCode;

use super::pages::{area_id, download};
use super::{get, link_for, log_in};
use crate::aspirations::{KECAMATAN, KIM, coordinator_of, staff_of};
use crate::support::{TestApp, spawn_app};

/// Monday 2 November 2026, 09:00 WIB.
const NOV_2_0900: i64 = 1_793_584_800;
const NOVEMBER: &str = "from=2026-11-01&to=2026-11-30";
const RUMOUR: &str = "Bansos Rp 5 juta cair hari ini lewat https://bansos-cepat.example.com/daftar";
const EXPORTS: &str = "SELECT COUNT(*) FROM audit_log WHERE actor = $1 AND action = 'report.export' AND detail LIKE '%via=console'";

/// A survey by `author` reaching KIM `kim`, open for a day.
async fn survey(app: &TestApp, author: i64, kim: &str, title: &str) -> SurveyId {
    let kim = areas::kim_by_code(&app.db, kim).await.unwrap().unwrap();
    let reach = Reach { kim_id: Some(kim.id.get()), training_id: None, area_id: None, area_path: kim.area_path.clone(), name: kim.name.clone() };
    let question = Question { kind: Kind::Choice, prompt: "Kebutuhan paling mendesak?".into(), options: vec!["Modal usaha".into(), "Pemasaran digital".into()] };
    let draft = Draft { title: title.into(), questions: vec![question], ..Draft::default() };
    let mut tx = app.db.begin().await.unwrap();
    let id = surveys::create(&mut tx, &draft, UserId(author), &reach, chrono::Utc::now().timestamp() + 86_400, NOV_2_0900).await.unwrap();
    tx.commit().await.unwrap();
    id
}

/// A submitted response of resident `user` of `kim` choosing `option`.
async fn respond(app: &TestApp, survey: SurveyId, user: i64, kim: &str, option: i64) {
    app.member_of(user, "Siti Rahmawati", kim).await;
    let kim = areas::kim_by_code(&app.db, kim).await.unwrap().unwrap();
    let question = surveys::questions(&app.db, survey).await.unwrap().remove(0);
    let r = responses::start(&app.db, survey, UserId(user), &kim.area_path, NOV_2_0900).await.unwrap();
    assert!(responses::save(&app.db, r.id, question.id, &Given::Choice(option), NOV_2_0900).await.unwrap());
    responses::submit(&app.db, r.id, NOV_2_0900).await.unwrap();
}

/// A cek fakta request from `user` of `kim` at `at`; gives its id.
async fn request(app: &TestApp, user: i64, kim: &str, text: &str, at: i64) -> i64 {
    let kim = areas::kim_by_code(&app.db, kim).await.unwrap().unwrap();
    let new = NewCheck {
        user_id: user,
        kim_id: kim.id.get(),
        area_path: kim.area_path.clone(),
        body: text.into(),
        link: model::first_link(text),
        photo: None,
        content_hash: model::content_hash(text),
    };
    facts::create(&app.db, &new, 2026, at, None).await.unwrap().id
}

fn sheet(xlsx: Vec<u8>, name: &str) -> Range<Data> {
    Xlsx::new(std::io::Cursor::new(xlsx)).unwrap().worksheet_range(name).unwrap()
}

fn row(range: &Range<Data>, r: u32, cols: u32) -> Vec<String> {
    (0..cols).map(|c| range.get_value((r, c)).map(|d| d.to_string()).unwrap_or_default()).collect()
}

#[tokio::test]
async fn a_coordinator_downloads_only_their_own_surveys_results_and_staff_those_of_their_area() {
    let app = spawn_app().await;
    let koor = coordinator_of(&app, 6201, "Koor Lina").await;
    let mine = survey(&app, 6201, KIM, "Kebutuhan UMKM Bukit Lama").await;
    let neighbours = survey(&app, 6202, "IB1-BB", "Survei Bukit Baru").await;
    let kemuning = survey(&app, 6203, "KMN-KM", "Survei Kemuning").await;
    // Five answers to show a breakdown; the neighbours' one answer shows only its count.
    for (user, option) in [(6211, 0), (6212, 1), (6214, 0), (6215, 1), (6216, 0)] {
        respond(&app, mine, user, KIM, option).await;
    }
    respond(&app, neighbours, 6213, "IB1-BB", 0).await;

    let cookie = log_in(&app, &link_for(&koor).await).await;
    let (status, page) = get(&app, &cookie, "/dasbor/unduh").await;
    let (_, kind, xlsx) = download(&app, &cookie, &format!("/dasbor/unduh/survei?survey={mine}&format=xlsx")).await;
    let (_, png_kind, png) = download(&app, &cookie, &format!("/dasbor/unduh/survei?survey={mine}&format=chart")).await;
    let (other, _, other_page) = download(&app, &cookie, &format!("/dasbor/unduh/survei?survey={neighbours}")).await;
    let (missing, _, missing_page) = download(&app, &cookie, "/dasbor/unduh/survei?survey=999999").await;
    let (facts, _, _) = download(&app, &cookie, &format!("/dasbor/unduh/cekfakta?{NOVEMBER}")).await;

    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Kebutuhan UMKM Bukit Lama") && !page.contains("Survei Bukit Baru") && !page.contains("Survei Kemuning"), "{page}");
    assert!(!page.contains("/dasbor/unduh/cekfakta"), "no cek fakta report for coordinators, as in /laporan");
    assert!(kind.contains("spreadsheetml"), "{kind}");
    let summary = sheet(xlsx, "Ringkasan");
    assert_eq!(row(&summary, 4, 2), ["Responden", "5"]);
    assert_eq!(row(&summary, 7, 5), ["1", "Kebutuhan paling mendesak?", "🔘 Pilihan", "Modal usaha", "3"]);
    assert!(png_kind == "image/png" && png.starts_with(b"\x89PNG"), "{png_kind}");
    assert_eq!((other, missing), (StatusCode::NOT_FOUND, StatusCode::NOT_FOUND), "another coordinator's survey looks missing");
    assert_eq!(other_page, missing_page);
    assert_eq!(facts, StatusCode::FORBIDDEN);
    assert_eq!(app.count(EXPORTS, 6201).await, 2);

    let staff = staff_of(&app, 6204, "Staf Rina", KECAMATAN).await;
    let cookie = log_in(&app, &link_for(&staff).await).await;
    let (_, page) = get(&app, &cookie, "/dasbor/unduh").await;
    let (status, kind, csv) = download(&app, &cookie, &format!("/dasbor/unduh/survei?survey={neighbours}&format=csv")).await;
    let (beside, _, _) = download(&app, &cookie, &format!("/dasbor/unduh/survei?survey={kemuning}")).await;

    assert!(page.contains("Kebutuhan UMKM Bukit Lama") && page.contains("Survei Bukit Baru") && !page.contains("Survei Kemuning"), "{page}");
    let csv = String::from_utf8(csv).unwrap();
    assert_eq!(status, StatusCode::OK);
    assert!(kind.starts_with("text/csv") && csv.starts_with('\u{feff}') && csv.contains("paling sedikit 5 orang"), "{csv}");
    assert!(!csv.contains("Modal usaha"), "one respondent: no breakdown: {csv}");
    assert!(!csv.contains("Siti") && !csv.contains("6213"), "names no one: {csv}");
    assert_eq!(beside, StatusCode::NOT_FOUND, "another kecamatan's survey looks missing");
    let audited = "SELECT COUNT(*) FROM audit_log WHERE actor = $1 AND detail LIKE 'kind=survey survey=% respondents=1 via=console'";
    assert_eq!(app.count(audited, 6204).await, 1);
}

#[tokio::test]
async fn staff_download_the_cek_fakta_report_of_their_area_and_another_kecamatan_looks_missing() {
    let app = spawn_app().await;
    let answered = request(&app, 6221, KIM, RUMOUR, NOV_2_0900).await;
    let answer = Answer { verdict: Verdict::Hoaks, explanation: "Tidak ada program bansos Rp 5 juta.".into() };
    facts::answer(&app.db, answered, &answer, UserId(9000), NOV_2_0900 + 2 * 3600).await.unwrap().expect("answered");
    request(&app, 6222, "IB1-BB", "Air PDAM mati tiga hari mulai Senin.", NOV_2_0900 + 86_400).await;
    request(&app, 6223, "KMN-KM", "Jembatan Ampera ditutup total besok.", NOV_2_0900).await;
    request(&app, 6224, KIM, "Pemadaman listrik bergilir minggu depan.", NOV_2_0900 - 20 * 86_400).await;
    let staff = staff_of(&app, 6225, "Staf Rina", KECAMATAN).await;
    let cookie = log_in(&app, &link_for(&staff).await).await;
    let area = area_id(&app, KECAMATAN).await;
    let elsewhere = area_id(&app, "Kemuning").await;

    let (_, page) = get(&app, &cookie, "/dasbor/unduh").await;
    let (status, kind, xlsx) = download(&app, &cookie, &format!("/dasbor/unduh/cekfakta?{NOVEMBER}&area={area}&format=xlsx")).await;
    let (_, _, csv) = download(&app, &cookie, &format!("/dasbor/unduh/cekfakta?{NOVEMBER}&area={area}&format=csv")).await;
    let (guessed, _, guessed_page) = download(&app, &cookie, &format!("/dasbor/unduh/cekfakta?{NOVEMBER}&area={elsewhere}")).await;
    let (missing, _, missing_page) = download(&app, &cookie, &format!("/dasbor/unduh/cekfakta?{NOVEMBER}&area=999999")).await;
    let (bad, _, _) = download(&app, &cookie, &format!("/dasbor/unduh/cekfakta?from=2026-11-30&to=2026-11-01&area={area}")).await;

    assert!(page.contains("Laporan cek fakta") && page.contains("/dasbor/unduh/cekfakta"), "{page}");
    assert_eq!(status, StatusCode::OK);
    assert!(kind.contains("spreadsheetml"), "{kind}");
    let (summary, detail) = (sheet(xlsx.clone(), "Ringkasan"), sheet(xlsx, "Rincian"));
    assert_eq!(row(&summary, 3, 2), ["Jumlah permintaan", "2"], "Kemuning and October are not counted");
    assert_eq!(row(&summary, 4, 2), ["Dijawab staf", "1"]);
    assert_eq!(row(&summary, 10, 2), ["Hoaks", "1"]);
    assert_eq!(row(&detail, 1, 3)[0], "CEK-2026-000001");
    assert_eq!(row(&detail, 3, 1), [""], "two rows only");
    let csv = String::from_utf8(csv).unwrap();
    assert!(csv.starts_with('\u{feff}') && csv.contains("Air PDAM mati") && !csv.contains("Jembatan Ampera"), "{csv}");
    assert_eq!((guessed, missing), (StatusCode::NOT_FOUND, StatusCode::NOT_FOUND));
    assert_eq!(guessed_page, missing_page, "another kecamatan looks exactly like a missing area");
    assert_eq!(bad, StatusCode::BAD_REQUEST);
    let audited = "SELECT COUNT(*) FROM audit_log WHERE actor = $1 AND detail LIKE 'kind=factchecks scope=% period=2026-11-01..2026-11-30 rows=2 via=console'";
    assert_eq!(app.count(audited, 6225).await, 2);
}
