//! `/laporan` → Cek fakta (issue 15): requests of a period in the staff member's
//! kecamatan, verdicts by kind, the median time staff took (repeats answered at once
//! left out), the breakdown by kecamatan; XLSX and CSV, audited.

use kimbot::features::factcheck::model::{self, Verdict};
use kimbot::features::factcheck::store::{self, Answer, NewCheck};
use kimbot::kernel::members::UserId;

use super::kinds::{finish, last_export, sent_sheet};
use super::{DAY, NOV_2_0900, TestApp, cell, is_date, row, staff};
use crate::support::{MessageExt, PersonExt, spawn_app};

const RUMOUR: &str = "Bansos Rp 5 juta cair hari ini lewat https://bansos-cepat.example.com/daftar";
const EXPLANATION: &str = "Tidak ada program bansos Rp 5 juta; tautan itu bukan situs pemerintah.";

/// A request from `user` of `kim` at `at`, answered at once when the content was
/// checked before (as the chat does).
async fn request(app: &TestApp, user: i64, kim: &str, text: &str, at: i64) -> i64 {
    let kim = kimbot::kernel::members::areas::kim_by_code(&app.db, kim).await.unwrap().unwrap();
    let new = NewCheck {
        user_id: user,
        kim_id: kim.id.get(),
        area_path: kim.area_path.clone(),
        body: text.into(),
        link: model::first_link(text),
        photo: None,
        content_hash: model::content_hash(text),
    };
    let known = store::known_answer(&app.db, &new.content_hash).await.unwrap();
    store::create(&app.db, &new, 2026, at, known.as_ref().map(|k| (&k.answer, k.by))).await.unwrap().id
}

async fn verdict(app: &TestApp, id: i64, verdict: Verdict, at: i64) {
    let answer = Answer { verdict, explanation: EXPLANATION.into() };
    store::answer(&app.db, id, &answer, UserId(9000), at).await.unwrap().expect("answered");
}

#[tokio::test]
async fn kecamatan_staff_get_the_cek_fakta_report_with_verdicts_time_to_answer_and_kecamatan() {
    let app = spawn_app().await;
    let siti = request(&app, 7601, "IB1-BL", RUMOUR, NOV_2_0900).await;
    verdict(&app, siti, Verdict::Hoaks, NOV_2_0900 + 2 * 3600).await;
    request(&app, 7602, "IB1-LP", RUMOUR, NOV_2_0900 + DAY).await;
    let andi = request(&app, 7603, "KMN-KM", "Jembatan Ampera ditutup total besok.", NOV_2_0900 + 3 * DAY).await;
    verdict(&app, andi, Verdict::Fakta, NOV_2_0900 + 3 * DAY + 4 * 3600).await;
    request(&app, 7604, "IB1-BB", "Air PDAM mati tiga hari mulai Senin.", NOV_2_0900 + 5 * DAY).await;
    request(&app, 7605, "IB1-BL", "Pemadaman listrik bergilir minggu depan.", NOV_2_0900 - 20 * DAY).await;
    let rina = staff(&app, 7610, "Ilir Barat I").await;

    rina.send("/laporan").await;
    let kinds = rina.next_message().await;
    rina.press("Cek fakta").await;
    assert!(rina.next_message().await.text.contains("Laporan cek fakta untuk periode mana?"));
    rina.press("Tanggal lain").await;
    rina.next_message().await;
    rina.send("1/11/2026 - 30/11/2026").await;
    let areas = rina.next_message_skipping_edits().await;
    assert!(areas.has_button("Seluruh Ilir Barat I") && !areas.has_button("Kemuning"), "{:?}", areas.button_labels());
    let done = finish(&rina, "Seluruh Ilir Barat I", "Laporan cek fakta").await;

    assert!(kinds.has_button("Cek fakta"), "{:?}", kinds.button_labels());
    assert!(done.text.contains("3 permintaan") && done.text.contains("Ilir Barat I"), "{}", done.text);
    let summary = sent_sheet(&app, "cekfakta-ilir-barat-i-2026-11.xlsx", "Ringkasan").await;
    assert_eq!(row(&summary, 3, 2), ["Jumlah permintaan", "3"]);
    assert_eq!(row(&summary, 4, 2), ["Dijawab staf", "1"]);
    assert_eq!(row(&summary, 5, 2), ["Dijawab langsung dari putusan sebelumnya (ulangan)", "1"]);
    assert_eq!(row(&summary, 6, 2), ["Belum dijawab", "1"]);
    assert_eq!(row(&summary, 7, 2), ["Median jam sampai dijawab staf", "2"], "the repeat's 0 hours is not counted");
    assert_eq!(row(&summary, 9, 2), ["Putusan", "Jumlah"]);
    assert_eq!(row(&summary, 10, 2), ["Hoaks", "2"]);
    assert_eq!(row(&summary, 13, 2), ["Fakta", "0"], "Kemuning's verdict is not counted");
    assert_eq!(row(&summary, 16, 8), ["Kecamatan", "Permintaan", "Menunggu", "Hoaks", "Disinformasi", "Misinformasi", "Fakta", "Belum dapat dipastikan"]);
    assert_eq!(row(&summary, 17, 8), ["Ilir Barat I", "3", "1", "2", "0", "0", "0", "0"]);
    assert_eq!(cell(&summary, 18, 0), "");
    let detail = sent_sheet(&app, "cekfakta-ilir-barat-i-2026-11.xlsx", "Rincian").await;
    assert_eq!(
        row(&detail, 1, 12),
        ["CEK-2026-000001", "2026-11-02 09:00", "Ilir Barat I", "Bukit Lama", "KIM Bukit Lama", RUMOUR, "https://bansos-cepat.example.com/daftar", "Dijawab", "Hoaks", "2026-11-02 11:00", "2", ""]
    );
    assert!(is_date(&detail, 1, 1) && is_date(&detail, 1, 9));
    assert_eq!(row(&detail, 2, 12)[7..], ["Dijawab", "Hoaks", "2026-11-03 09:00", "", "Ya"].map(String::from));
    assert_eq!(row(&detail, 3, 10)[7..], ["Menunggu", "", ""].map(String::from));
    assert_eq!(cell(&detail, 4, 0), "", "nothing from Kemuning or October");
    app.wait_for_call("sendDocument", |p| p["document"]["file_name"] == "cekfakta-ilir-barat-i-2026-11-titikkoma.csv").await;
    assert_eq!(last_export(&app, 7610).await, "kind=factchecks scope=Kota Palembang/Ilir Barat I period=2026-11-01..2026-11-30 rows=3");
}
