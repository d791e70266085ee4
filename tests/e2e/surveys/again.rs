//! Issue 23: a resident who erased their data may answer a survey again, and counts
//! once; a stale "Lanjutkan nanti" on a finished survey says it is complete; an
//! anonymous survey shows no breakdown until enough people answered; the builder
//! splits options typed on one line, has "Kembali" at the options step, and `/batal`
//! offers to keep the draft.

use fake_telegram::{BotMessage, Person};
use kimbot::kernel::members::{UserId, areas};
use kimbot::features::surveys::responses::{self, Given};
use kimbot::features::surveys::model::SurveyId;
use kimbot::features::surveys::store;

use super::{coordinator, subscriber, write_survey};
use crate::announcements::steps::wait_text;
use crate::support::{MessageExt, TestApp};
use crate::support::spawn_app;

/// Answers the three questions of `write_survey`'s survey, once it is on screen;
/// returns the last question's message (its "Lanjutkan nanti" stays).
async fn answer_all(p: &Person) -> BotMessage {
    wait_text(p, "pertanyaan 1 dari 3").await;
    p.press("Pemasaran digital").await;
    wait_text(p, "pertanyaan 2 dari 3").await;
    p.press("4").await;
    let last = wait_text(p, "pertanyaan 3 dari 3").await;
    p.send("Perlu pelatihan foto produk").await;
    wait_text(p, "Terima kasih!").await;
    last
}

const SUBMITTED: &str = "SELECT COUNT(*) FROM survey_responses WHERE survey_id = $1 AND submitted_at IS NOT NULL";

#[tokio::test]
async fn a_resident_who_erased_their_data_answers_again_and_counts_once() {
    let app = spawn_app().await;
    let koor = coordinator(&app, 8701, "IB1-BL").await;
    let siti = subscriber(&app, 8702, "Siti", "IB1-BL").await;
    let id = write_survey(&app, &koor).await;
    wait_text(&siti, "Survei: Kebutuhan usaha warga").await;
    siti.press("Mulai").await;
    answer_all(&siti).await;
    assert_eq!(app.count(SUBMITTED, id).await, 1);

    kimbot::features::privacy::erase::erase(app.ctx.as_ref().unwrap(), UserId(siti.id())).await.unwrap();
    let siti = subscriber(&app, 8702, "Siti", "IB1-BL").await;
    siti.send("/survei").await;
    wait_text(&siti, "Survei yang bisa Anda isi").await;
    siti.press("Kebutuhan usaha warga").await;
    answer_all(&siti).await;
    assert_eq!(app.count(SUBMITTED, id).await, 1, "the new answer replaces the one kept after erasure");
    assert_eq!(app.count("SELECT COUNT(*) FROM survey_responses WHERE survey_id = $1", id).await, 1);
}

#[tokio::test]
async fn a_stale_pause_on_a_finished_survey_says_it_is_complete() {
    let app = spawn_app().await;
    let koor = coordinator(&app, 8711, "IB1-BL").await;
    let siti = subscriber(&app, 8712, "Siti", "IB1-BL").await;
    let id = write_survey(&app, &koor).await;
    wait_text(&siti, "Survei: Kebutuhan usaha warga").await;
    siti.press("Mulai").await;
    let last = answer_all(&siti).await;
    siti.press_data(last.message_id, &format!("sv:p:{id}")).await;
    let shown = wait_text(&siti, "Kebutuhan usaha warga").await;
    assert!(shown.text.contains("Anda sudah mengisi survei"), "not kept for later: {}", shown.text);
}

/// A submitted response of a new resident `user` of IB1-BL choosing `option` first.
async fn respond(app: &TestApp, survey: i64, user: i64, option: i64) {
    respond_in(app, SurveyId(survey), user, option, "IB1-BL").await
}

/// [`respond`] by a resident of `kim`.
async fn respond_in(app: &TestApp, survey: SurveyId, user: i64, option: i64, kim: &str) {
    sqlx::query("INSERT INTO users (id, first_name, language, created_at, updated_at) VALUES ($1, 'Warga', 'id', 0, 0)")
        .bind(user)
        .execute(&app.db.pool)
        .await
        .unwrap();
    let kim = areas::kim_by_code(&app.db, kim).await.unwrap().unwrap();
    let qs = store::questions(&app.db, survey).await.unwrap();
    let r = responses::start(&app.db, survey, UserId(user), &kim.area_path, 0).await.unwrap();
    for (q, given) in qs.iter().zip([Given::Choice(option), Given::Choice(3), Given::Text("Saran".into())]) {
        assert!(responses::save(&app.db, r.id, q.id, &given, 0).await.unwrap());
    }
    responses::submit(&app.db, r.id, 0).await.unwrap();
}

async fn results(koor: &Person) -> String {
    koor.send("/survei").await;
    wait_text(koor, "Survei: apa yang ingin").await;
    koor.press("Survei yang saya kelola").await;
    wait_text(koor, "Survei yang Anda kelola").await;
    koor.press("Kebutuhan usaha warga").await;
    wait_text(koor, "sudah menjawab").await;
    koor.press("Lihat hasil").await;
    wait_text(koor, "Hasil survei").await.text
}

#[tokio::test]
async fn an_anonymous_survey_shows_no_breakdown_until_five_have_answered() {
    let app = spawn_app().await;
    let koor = coordinator(&app, 8721, "IB1-BL").await;
    let siti = subscriber(&app, 8722, "Siti", "IB1-BL").await;
    let id = write_survey(&app, &koor).await;
    wait_text(&siti, "Survei: Kebutuhan usaha warga").await;
    siti.press("Mulai").await;
    answer_all(&siti).await;

    let few = results(&koor).await;
    assert!(few.contains("1 responden dari 1 undangan") && few.contains("paling sedikit 5 orang menjawab"), "{few}");
    assert!(!few.contains("Pemasaran digital") && !few.contains("Rata-rata"), "nothing that tells her answers: {few}");

    for user in 8731..8735 {
        respond(&app, id, user, 0).await;
    }
    let enough = results(&koor).await;
    assert!(enough.contains("• Pemasaran digital: 1 (20%)") && enough.contains("• Modal usaha: 4 (80%)"), "{enough}");
    assert!(!enough.contains("paling sedikit"), "{enough}");
}

/// `/survei` → new survey → title → a choice question, up to its options prompt.
async fn up_to_options(koor: &Person, prompt: &str) -> BotMessage {
    koor.press("Pilihan").await;
    wait_text(koor, "tulis pertanyaannya").await;
    koor.send(prompt).await;
    wait_text(koor, "satu pilihan per baris").await
}

async fn new_survey(koor: &Person) {
    koor.send("/survei").await;
    wait_text(koor, "Survei: apa yang ingin").await;
    koor.press("Buat survei baru").await;
}

#[tokio::test]
async fn options_typed_on_one_line_are_split_and_shown_back_and_kembali_goes_back_a_step() {
    let app = spawn_app().await;
    let koor = coordinator(&app, 8741, "IB1-BL").await;
    new_survey(&koor).await;
    wait_text(&koor, "Judul survei?").await;
    koor.send("Kebutuhan usaha warga").await;
    wait_text(&koor, "Pertanyaan ke-1").await;
    let ask = up_to_options(&koor, "Apa yang salah ketik?").await;
    assert!(ask.has_button("Kembali"), "{:?}", ask.button_labels());
    koor.press("Kembali").await;
    wait_text(&koor, "Pertanyaan ke-1").await;
    up_to_options(&koor, "Apa kebutuhan usaha Anda yang paling mendesak?").await;
    koor.send("Modal usaha, Pemasaran digital, Perizinan").await;
    let shown = wait_text(&koor, "3 pilihan").await;
    assert!(shown.text.contains("• Modal usaha\n• Pemasaran digital\n• Perizinan"), "{}", shown.text);
    wait_text(&koor, "Pertanyaan ke-2").await;
    koor.press("Selesai, tinjau").await;
    let review = wait_text(&koor, "Tinjau survei").await;
    assert!(review.text.contains("(1 pertanyaan)") && review.text.contains("   • Perizinan"), "{}", review.text);
    assert!(!review.text.contains("salah ketik"), "{}", review.text);
}

#[tokio::test]
async fn batal_in_the_survey_builder_offers_to_keep_the_draft_and_a_new_survey_offers_it_back() {
    let app = spawn_app().await;
    let koor = coordinator(&app, 8751, "IB1-BL").await;
    new_survey(&koor).await;
    wait_text(&koor, "Judul survei?").await;
    koor.send("Kebutuhan usaha warga").await;
    wait_text(&koor, "Pertanyaan ke-1").await;
    up_to_options(&koor, "Apa kebutuhan usaha Anda?").await;
    koor.send("Modal usaha\nPerizinan").await;
    wait_text(&koor, "Pertanyaan ke-2").await;

    koor.send("/batal").await;
    let ask = wait_text(&koor, "Simpan drafnya").await;
    assert!(ask.has_button("Simpan draf") && ask.has_button("Buang"), "{:?}", ask.button_labels());
    koor.press("Simpan draf").await;
    wait_text(&koor, "disimpan").await;
    assert_eq!(app.count("SELECT COUNT(*) FROM survey_drafts WHERE author_id = $1", koor.id()).await, 1);

    new_survey(&koor).await;
    let offer = wait_text(&koor, "Ada draf survei \"Kebutuhan usaha warga\" (1 pertanyaan)").await;
    assert!(offer.has_button("Lanjutkan draf") && offer.has_button("Mulai baru"), "{:?}", offer.button_labels());
    koor.press("Lanjutkan draf").await;
    let review = wait_text(&koor, "Tinjau survei").await;
    assert!(review.text.contains("Apa kebutuhan usaha Anda?") && review.text.contains("• Perizinan"), "{}", review.text);

    koor.send("/batal").await;
    wait_text(&koor, "Simpan drafnya").await;
    koor.press("Buang").await;
    wait_text(&koor, "Dibatalkan").await;
    assert_eq!(app.count("SELECT COUNT(*) FROM survey_drafts WHERE author_id = $1", koor.id()).await, 0);
    new_survey(&koor).await;
    wait_text(&koor, "Judul survei?").await;
}

#[tokio::test]
async fn a_kecamatan_with_a_lone_respondent_is_pooled_so_no_column_shows_one_person() {
    let app = spawn_app().await;
    use kimbot::features::surveys::model::{Draft, Kind, Question};
    let q = |kind, prompt: &str, options: &[&str]| Question { kind, prompt: prompt.into(), options: options.iter().map(|o| o.to_string()).collect() };
    let questions = vec![q(Kind::Choice, "Kebutuhan?", &["Modal usaha", "Pemasaran digital", "Perizinan"]), q(Kind::Scale, "Puas?", &[]), q(Kind::Text, "Saran?", &[])];
    let draft = Draft { title: "Kebutuhan usaha warga".into(), questions, ..Draft::default() };
    let kota = areas::find_scope_areas(&app.db, "Kota Palembang").await.unwrap().remove(0);
    let reach = store::Reach { kim_id: None, training_id: None, area_id: Some(kota.id), area_path: kota.path.clone(), name: "Kota Palembang".into() };
    let mut tx = app.db.begin().await.unwrap();
    let id = store::create(&mut tx, &draft, UserId(8761), &reach, chrono::Utc::now().timestamp() + 86_400, 0).await.unwrap();
    tx.commit().await.unwrap();
    for user in 8762..8767 {
        respond_in(&app, id, user, 0, "IB1-BL").await;
    }
    respond_in(&app, id, 8767, 2, "KMN-KM").await;
    let survey = store::get(&app.db, id).await.unwrap().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let tz = chrono_tz::Asia::Jakarta;
    let out = kimbot::features::surveys::export::export(&app.db, survey, kimbot::platform::i18n::Lang::Id, tz, dir.path()).await.unwrap();
    let csv = std::fs::read_to_string(out.csv).unwrap();
    assert!(!csv.contains("Kemuning") && !csv.contains("Ilir Barat I"), "Ilir Barat I's column would give Kemuning's one away: {csv}");
    assert!(csv.contains("Gabungan kecamatan") && csv.contains(";Perizinan;1"), "{csv}");
}
