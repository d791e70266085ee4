//! Surveys end to end: a coordinator writes a survey in chat (with a review, an
//! edit and a removal) and sends it to the residents of their KIM who opted in to
//! news; a resident answers part, pauses with `/batal`, the app restarts, the
//! resident resumes where they stopped and submits once; a second attempt, another
//! KIM's resident, a closed and a recalled survey are all refused kindly.

mod again;
mod paging;
mod results;

use std::time::Duration;
use kimbot::kernel::members::UserId;

use fake_telegram::Person;

use crate::announcements::steps::wait_text;
use crate::support::{MessageExt, TestApp, spawn_app};

pub const STALE: &str = "Tombol ini sudah tidak berlaku.";

/// The text the press `id` was answered with (bounded wait).
pub async fn wait_answer(p: &Person, id: &str) -> Option<String> {
    for _ in 0..100 {
        if let Some(a) = p.callback_answers().into_iter().find(|a| a.callback_query_id == id) {
            return a.text;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("no answer to press {id}");
}

/// A member of `kim` who agreed to programme news in private chat.
pub async fn subscriber(app: &TestApp, id: i64, name: &str, kim: &str) -> Person {
    let p = app.member_of(id, name, kim).await;
    kimbot::features::privacy::news::grant(&app.db, UserId(id), 1).await.unwrap();
    p
}

pub async fn coordinator(app: &TestApp, id: i64, kim: &str) -> Person {
    let p = app.member_of(id, "Koor", kim).await;
    app.grant_coordinator(id, kim).await;
    p
}

/// Writes a three-question survey "Kebutuhan usaha warga" and sends it to the
/// coordinator's KIM; returns its id.
pub async fn write_survey(app: &TestApp, koor: &Person) -> i64 {
    write_survey_to(app, koor, "Warga KIM Bukit Lama", 1).await
}

/// Like [`write_survey`], to the reach button `reach`, which reaches `residents`.
pub async fn write_survey_to(app: &TestApp, koor: &Person, reach: &str, residents: i64) -> i64 {
    koor.send("/survei").await;
    wait_text(koor, "Survei: apa yang ingin").await;
    koor.press("Buat survei baru").await;
    wait_text(koor, "Judul survei?").await;
    koor.send("Kebutuhan usaha warga").await;
    wait_text(koor, "Pertanyaan ke-1").await;
    koor.press("Pilihan").await;
    wait_text(koor, "tulis pertanyaannya").await;
    koor.send("Apa kebutuhan usaha Anda yang paling mendesak?").await;
    wait_text(koor, "satu pilihan per baris").await;
    koor.send("Modal usaha").await;
    wait_text(koor, "Ada 1 pilihan").await;
    koor.send("Modal usaha\nPemasaran digital\nPerizinan").await;
    wait_text(koor, "Pertanyaan ke-2").await;
    koor.press("Skala 1–5").await;
    koor.send("Seberapa puas?").await;
    wait_text(koor, "Pertanyaan ke-3").await;
    koor.press("Teks singkat").await;
    koor.send("Apa saran Anda untuk KIM?").await;
    wait_text(koor, "Pertanyaan ke-4").await;
    koor.press("Teks singkat").await;
    koor.send("Pertanyaan yang akan dihapus").await;
    wait_text(koor, "Pertanyaan ke-5").await;
    koor.press("Selesai, tinjau").await;
    let review = wait_text(koor, "Tinjau survei").await;
    assert!(review.text.contains("(4 pertanyaan)") && review.text.contains("• Pemasaran digital"), "{}", review.text);

    koor.press("Hapus 4").await;
    wait_text(koor, "(3 pertanyaan)").await;
    koor.press("Ubah 2").await;
    wait_text(koor, "Pertanyaan ke-2").await;
    koor.press("Skala 1–5").await;
    koor.send("Seberapa puas Anda dengan layanan KIM?").await;
    let review = wait_text(koor, "Tinjau survei").await;
    assert!(review.text.contains("2. Seberapa puas Anda dengan layanan KIM? (⭐ Skala 1–5)"), "{}", review.text);
    assert!(!review.text.contains("akan dihapus"), "{}", review.text);

    koor.press("Lanjut: waktu tutup").await;
    wait_text(koor, "Kapan survei ditutup?").await;
    koor.press("7 hari").await;
    let offered = wait_text(koor, "dikirim ke warga mana").await;
    assert!(offered.has_button("Warga KIM Bukit Lama") && !offered.has_button("Kecamatan"), "{:?}", offered.button_labels());
    koor.press(reach).await;
    let confirm = wait_text(koor, "Kirim sekarang?").await;
    assert!(confirm.text.contains(&format!("Akan dikirim ke {residents} warga")), "{}", confirm.text);
    koor.press("Kirim survei").await;
    wait_text(koor, &format!("dikirim ke {residents} warga")).await;
    app.count("SELECT MAX(id) FROM surveys WHERE author_id = $1", koor.id()).await
}

#[tokio::test]
async fn a_resident_answers_part_pauses_resumes_after_a_restart_and_submits_once() {
    let mut app = spawn_app().await;
    let koor = coordinator(&app, 8901, "IB1-BL").await;
    let siti = subscriber(&app, 8902, "Siti", "IB1-BL").await;
    let budi = app.member_of(8903, "Budi", "IB1-BL").await;
    let andi = subscriber(&app, 8904, "Andi", "IB1-BB").await;
    let id = write_survey(&app, &koor).await;

    let invitation = wait_text(&siti, "Survei: Kebutuhan usaha warga (3 pertanyaan)").await;
    assert!(invitation.has_button("Mulai") && invitation.has_button("Nanti"), "{:?}", invitation.button_labels());
    siti.press("Mulai").await;
    let q1 = wait_text(&siti, "pertanyaan 1 dari 3").await;
    assert!(q1.has_button("Pemasaran digital") && q1.has_button("Lanjutkan nanti"), "{:?}", q1.button_labels());
    siti.press("Pemasaran digital").await;
    let q2 = wait_text(&siti, "pertanyaan 2 dari 3").await;
    assert_eq!(q2.buttons[0].iter().map(|b| b.text.as_str()).collect::<Vec<_>>(), ["1", "2", "3", "4", "5"]);
    siti.send("/batal").await;
    wait_text(&siti, "Dibatalkan").await;

    app.restart().await;
    siti.send("/survei").await;
    wait_text(&siti, "Survei yang bisa Anda isi").await;
    siti.press("Kebutuhan usaha warga").await;
    wait_text(&siti, "pertanyaan 2 dari 3").await;
    siti.press("4").await;
    wait_text(&siti, "pertanyaan 3 dari 3").await;
    siti.send(&"x".repeat(501)).await;
    wait_text(&siti, "501 karakter, batasnya 500").await;
    siti.send("=HYPERLINK(\"http://x\") Tolong adakan pelatihan foto produk").await;
    wait_text(&siti, "Terima kasih! Jawaban Anda untuk survei \"Kebutuhan usaha warga\" sudah terkirim").await;

    assert_eq!(app.count("SELECT COUNT(*) FROM survey_responses WHERE survey_id = $1 AND submitted_at IS NOT NULL", id).await, 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id WHERE r.survey_id = $1", id).await, 3);
    let again = siti.press_data(invitation.message_id, &format!("sv:s:{id}")).await;
    assert_eq!(wait_answer(&siti, &again).await, None, "answered, not refused as stale");
    wait_text(&siti, "Anda sudah mengisi survei \"Kebutuhan usaha warga\"").await;
    siti.send("/survei").await;
    wait_text(&siti, "Tidak ada survei yang menunggu").await;

    tokio::time::sleep(Duration::from_millis(300)).await;
    for other in [&budi, &andi] {
        assert!(!other.messages().iter().any(|m| m.text.contains("Survei:")), "no consent or another KIM: no invitation");
    }
    let forged = andi.press_data(1, &format!("sv:s:{id}")).await;
    assert_eq!(wait_answer(&andi, &forged).await.as_deref(), Some(STALE));
    assert_eq!(app.count("SELECT COUNT(*) FROM survey_responses WHERE user_id = $1", 8904).await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'survey.send' AND actor = $1", 8901).await, 1);
}

#[tokio::test]
async fn a_closed_or_recalled_survey_refuses_answers_kindly_and_residents_cannot_manage_it() {
    let app = spawn_app().await;
    let koor = coordinator(&app, 8911, "IB1-BL").await;
    let siti = subscriber(&app, 8912, "Siti", "IB1-BL").await;
    let first = write_survey(&app, &koor).await;
    let invitation = wait_text(&siti, "Survei: Kebutuhan usaha warga").await;

    for data in [format!("sv:xy:{first}"), format!("sv:wy:{first}"), format!("sv:r:{first}"), "sv:new".to_string()] {
        let id = siti.press_data(invitation.message_id, &data).await;
        assert_eq!(wait_answer(&siti, &id).await.as_deref(), Some(STALE), "{data}");
    }
    siti.send("/survei").await;
    let list = wait_text(&siti, "Survei yang bisa Anda isi").await;
    assert!(!list.has_button("Buat survei baru"), "{:?}", list.button_labels());
    let other = coordinator(&app, 8913, "IB1-BB").await;
    for data in [format!("sv:xy:{first}"), format!("sv:c:{first}"), format!("sv:r:{first}")] {
        let id = other.press_data(1, &data).await;
        assert_eq!(wait_answer(&other, &id).await.as_deref(), Some(STALE), "another KIM's coordinator: {data}");
    }

    koor.send("/survei").await;
    wait_text(&koor, "Survei: apa yang ingin").await;
    koor.press("Survei yang saya kelola").await;
    wait_text(&koor, "Survei yang Anda kelola").await;
    koor.press("Kebutuhan usaha warga").await;
    let card = wait_text(&koor, "Dikirim ke 1 warga · 0 sudah menjawab").await;
    assert!(card.has_button("Tutup sekarang") && card.has_button("Tarik survei"), "{:?}", card.button_labels());
    koor.press("Tutup sekarang").await;
    wait_text(&koor, "Tutup survei \"Kebutuhan usaha warga\" sekarang?").await;
    koor.press("Ya").await;
    wait_text(&koor, "ditutup. Hasilnya ada").await;

    siti.press("Mulai").await;
    wait_text(&siti, "sudah ditutup, jadi jawaban tidak bisa diterima lagi").await;

    let second = write_survey(&app, &koor).await;
    let invitation = wait_text(&siti, "Survei: Kebutuhan usaha warga").await;
    koor.send("/survei").await;
    wait_text(&koor, "Survei: apa yang ingin").await;
    koor.press("Survei yang saya kelola").await;
    let list = wait_text(&koor, "Survei yang Anda kelola").await;
    assert_eq!(list.button_labels()[..2], ["🟢 Kebutuhan usaha warga", "⏹ Kebutuhan usaha warga"]);
    koor.press_data(list.message_id, &format!("sv:c:{second}")).await;
    wait_text(&koor, "Dikirim ke 1 warga").await;
    koor.press("Tarik survei").await;
    wait_text(&koor, "Tarik survei \"Kebutuhan usaha warga\"?").await;
    koor.press("Ya").await;
    wait_text(&koor, "ditarik.").await;
    siti.press_data(invitation.message_id, &format!("sv:s:{second}")).await;
    wait_text(&siti, "sudah ditarik oleh pembuatnya").await;

    assert_eq!(app.count("SELECT COUNT(*) FROM survey_responses WHERE user_id = $1", 8912).await, 0);
    let audited = app.count("SELECT COUNT(*) FROM audit_log WHERE actor = $1 AND action IN ('survey.close', 'survey.recall')", 8911).await;
    assert_eq!(audited, 2);
}

/// A training of `kim` that started yesterday; `seats` are `(user, status)`.
async fn training_with(app: &TestApp, kim: &str, title: &str, seats: &[(i64, &str)]) -> i64 {
    use sqlx::Row;
    let kim = kimbot::kernel::members::areas::kim_by_code(&app.db, kim).await.unwrap().unwrap();
    let start = chrono::Utc::now().timestamp() - 86_400;
    let id: i64 = sqlx::query(
        "INSERT INTO trainings (kim_id, title, organiser, description, starts_at, ends_at, quota, status, created_by, created_at, updated_at) \
         VALUES ($1, $2, 'Diskominfo', 'Belajar', $3, $4, 2, 'open', 9000, 0, 0) RETURNING id",
    )
    .bind(kim.id)
    .bind(title)
    .bind(start)
    .bind(start + 3600)
    .fetch_one(&app.db.pool)
    .await
    .unwrap()
    .get("id");
    for (seq, (user, status)) in seats.iter().enumerate() {
        sqlx::query("INSERT INTO training_registrations (training_id, user_id, status, seq, created_at, updated_at) VALUES ($1, $2, $3, $4, 0, 0)")
            .bind(id)
            .bind(*user)
            .bind(*status)
            .bind(seq as i64 + 1)
            .execute(&app.db.pool)
            .await
            .unwrap();
    }
    id
}

#[tokio::test]
async fn a_survey_as_a_trainings_feedback_form_reaches_its_registered_participants_only() {
    let app = spawn_app().await;
    let koor = coordinator(&app, 8961, "IB1-BL").await;
    let ani = app.member_of(8962, "Ani", "IB1-BL").await;
    let budi = app.member_of(8963, "Budi", "IB1-BL").await;
    let siti = subscriber(&app, 8964, "Siti", "IB1-BL").await;
    training_with(&app, "IB1-BL", "Foto produk", &[(8962, "registered"), (8963, "waitlisted")]).await;
    training_with(&app, "KMN-KM", "Membatik Kemuning", &[]).await;

    let id = write_survey_to(&app, &koor, "Peserta: Foto produk", 1).await;
    assert!(!koor.messages().iter().any(|m| m.has_button("Membatik")), "another KIM's training is not offered");
    wait_text(&ani, "Survei: Kebutuhan usaha warga").await;
    ani.press("Mulai").await;
    wait_text(&ani, "pertanyaan 1 dari 3").await;

    tokio::time::sleep(Duration::from_millis(300)).await;
    for other in [&budi, &siti] {
        assert!(!other.messages().iter().any(|m| m.text.contains("Survei:")), "waitlisted or not registered: no form");
    }
    let forged = siti.press_data(1, &format!("sv:s:{id}")).await;
    assert_eq!(wait_answer(&siti, &forged).await.as_deref(), Some(STALE));
    let detail: String = {
        use sqlx::Row;
        sqlx::query("SELECT detail FROM audit_log WHERE action = 'survey.send'").fetch_one(&app.db.pool).await.unwrap().get("detail")
    };
    assert!(detail.contains(" training="), "{detail}");
}
