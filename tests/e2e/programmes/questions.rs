//! Several questions: staff add a choice question (kind by button, options typed) and
//! a text question while composing; an applicant answers the choice with a button and
//! types the text; the review, `/datasaya` and the report show each answer after its
//! question. A stale or forged answer button is refused.

use super::{answer, owner, tap};
use crate::announcements::steps::wait_text;
use crate::support::{MessageExt, PersonExt};
use crate::trainings::{STALE, app_at_now, press_forged};
use kimbot::kernel::members::UserId;

#[tokio::test]
async fn a_programme_asks_a_choice_and_a_text_question_and_shows_the_answers_with_them() {
    let (app, _clock) = app_at_now().await;
    let sari = app.member_of(8961, "Sari", "IB1-BL").await;
    app.grant_staff(8961, "Ilir Barat I").await;
    let ani = owner(&app, 8962, "Ani", "IB1-BL", "kuliner").await;

    answer(&sari, "/programbaru", "penyelenggaranya").await;
    tap(&sari, "Kantor kami sendiri", "nama programnya").await;
    answer(&sari, "Pendampingan QRIS", "Jenis programnya").await;
    tap(&sari, "Pendampingan", "keterangan singkat").await;
    answer(&sari, "Pendampingan pembayaran digital.", "sektor").await;
    tap(&sari, "Selesai", "skala usaha").await;
    tap(&sari, "Selesai", "NIB wajib").await;
    tap(&sari, "Tidak wajib", "perorangan atau kelompok").await;
    tap(&sari, "Perorangan", "kuota").await;
    answer(&sari, "10", "Berapa lama").await;
    tap(&sari, "7 hari", "dipilih").await;
    let kinds = tap(&sari, "Siapa cepat", "Pertanyaan untuk pendaftar").await;
    assert!(kinds.has_button("Pilihan") && kinds.has_button("Skala 1–5") && kinds.has_button("Teks singkat") && kinds.has_button("Lewati"));
    tap(&sari, "Pilihan", "Ketik pertanyaannya").await;
    answer(&sari, "Sudah punya QRIS?", "pilihan jawabannya").await;
    answer(&sari, "Sudah", "2–10").await;
    let more = answer(&sari, "Sudah, Belum", "Pertanyaan 1 dari 5 tersimpan").await;
    assert!(more.text.contains("1. Sudah punya QRIS? (🔘 Pilihan: Sudah / Belum)"), "{}", more.text);
    assert!(more.has_button("Selesai") && !more.has_button("Lewati"));
    tap(&sari, "Teks singkat", "Ketik pertanyaannya").await;
    answer(&sari, "Bank apa yang Anda pakai?", "Pertanyaan 2 dari 5 tersimpan").await;
    tap(&sari, "Selesai", "tindak lanjut").await;
    let review = tap(&sari, "Tidak usah", "Periksa lagi").await;
    assert!(review.text.contains("2. Bank apa yang Anda pakai? (✍️ Teks singkat)"), "{}", review.text);
    tap(&sari, "Umumkan", "1 pemilik UMKM").await;

    // The applicant answers the choice with a button, then types the text.
    wait_text(&ani, "Pendampingan QRIS").await;
    let first = tap(&ani, "Daftar", "Sudah punya QRIS?").await;
    assert!(first.has_button("Sudah") && first.has_button("Belum"), "{:?}", first.button_labels());
    ani.send("Sudah").await;
    assert!(ani.next_message_skipping_edits().await.text.contains("pilih dengan tombol"));
    ani.press("Belum").await;
    assert!(ani.next_message_skipping_edits().await.text.contains("Bank apa"));
    // The first question's button again: stale, nothing is added.
    let data = first.buttons.iter().flatten().find(|b| b.text == "Sudah").and_then(|b| b.callback_data.clone()).unwrap();
    assert_eq!(press_forged(&ani, &data).await.text.as_deref(), Some(STALE));
    let review = answer(&ani, "Bank Sumsel Babel", "Periksa pendaftaran").await;
    assert!(review.text.contains("Sudah punya QRIS?: Belum") && review.text.contains("Bank apa yang Anda pakai?: Bank Sumsel Babel"), "{}", review.text);
    tap(&ani, "Kirim pendaftaran", "PRG-2026-").await;

    // `/datasaya` shows each answer after its question.
    let shown = (kimbot::features::programmes::personal::DATA.export)(&app.db, UserId(8962)).await.unwrap();
    let json = serde_json::to_string(&shown.fields()).unwrap();
    assert!(json.contains("Sudah punya QRIS?: Belum") && json.contains("Bank apa yang Anda pakai?: Bank Sumsel Babel"), "{json}");
}
