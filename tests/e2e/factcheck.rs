//! Cek fakta end to end: a resident forwards a rumour, kecamatan staff give a
//! verdict with an explanation, the resident is told, a second resident with the
//! same text is answered at once, and the clarification goes to the KIM's groups.
//! Submodules: what counts as the same content, flood limits, personal data.

mod flood;
mod matching;
mod personal;

use std::time::Duration;

use fake_telegram::Person;

use crate::announcements::steps::{coordinator_with_groups, wait_text};
use crate::support::{MessageExt, TestApp, spawn_app};

pub const RUMOUR: &str = "BREAKING!!! Bansos Rp 5 juta cair hari ini, daftar lewat https://bansos-cepat.example.com/daftar sebelum jam 12";
pub const SAME_RUMOUR: &str = "breaking: bansos rp 5 juta CAIR hari ini... daftar lewat https://bansos-cepat.example.com/daftar sebelum jam 12";
/// The claim staff name before the explanation, as `/cekfakta daftar` shows it.
pub const CLAIM: &str = "Bansos Rp 5 juta cair hari ini";
pub const EXPLANATION: &str = "Tidak ada program bansos Rp 5 juta. Tautan itu bukan situs pemerintah. Sumber: Dinas Sosial Kota, 4 Desember 2026.";

pub async fn staff(app: &TestApp, id: i64, area: &str) -> Person {
    let p = app.member_of(id, "Staf", "IB1-BL").await;
    app.grant_staff(id, area).await;
    p
}

/// Staff give `verdict` (a button label) on [`CLAIM`] with `explanation` to the first
/// request in their queue.
pub async fn give_verdict(staf: &Person, verdict: &str, explanation: &str) {
    staf.send("/cekfakta antrian").await;
    wait_text(staf, "Pilih putusan").await;
    staf.press(verdict).await;
    wait_text(staf, "tulis klaim").await;
    staf.send(CLAIM).await;
    wait_text(staf, "Tulis penjelasan").await;
    staf.send(explanation).await;
    wait_text(staf, "tersimpan").await;
}

/// Sends `/cekfakta` and the message; returns the bot's answer.
pub async fn ask(p: &Person, text: &str) -> String {
    p.send("/cekfakta").await;
    wait_text(p, "Teruskan (forward)").await;
    p.send(text).await;
    p.next_message().await.text
}

#[tokio::test]
async fn a_forwarded_hoax_is_checked_the_resident_told_a_repeat_answered_at_once_and_groups_clarified() {
    let app = spawn_app().await;
    let (_, groups) = coordinator_with_groups(&app, 8801, "IB1-BL", &[(-8801, "Bukit Lama RT 1")]).await;
    let staf = staff(&app, 8802, "Ilir Barat I").await;
    let siti = app.member_of(8803, "Siti", "IB1-BL").await;
    let budi = app.member_of(8804, "Budi", "IB1-LP").await;

    let received = ask(&siti, RUMOUR).await;
    assert!(received.contains("CEK-2026-000001"), "{received}");
    wait_text(&staf, "1 permintaan cek fakta baru").await;

    staf.send("/cekfakta antrian").await;
    let card = wait_text(&staf, "CEK-2026-000001").await;
    assert!(card.text.contains("Bansos Rp 5 juta"), "{}", card.text);
    assert!(card.has_button("❌ Hoaks") && card.has_button("❔ Belum dapat dipastikan"), "{:?}", card.button_labels());
    staf.press("❌ Hoaks").await;
    wait_text(&staf, "tulis klaim").await;
    staf.send("👍").await;
    assert!(wait_text(&staf, "Klaimnya 1 karakter").await.text.contains("5-120"));
    staf.send(CLAIM).await;
    wait_text(&staf, "Tulis penjelasan").await;
    staf.send("hoaks").await;
    assert!(wait_text(&staf, "Penjelasan Anda 5 karakter").await.text.contains("20-3000"));
    staf.send(EXPLANATION).await;
    let done = wait_text(&staf, "tersimpan").await;

    let told = wait_text(&siti, "Hasil cek fakta CEK-2026-000001").await;
    assert!(told.text.contains("❌ Hoaks") && told.text.contains("bukan situs pemerintah"), "{}", told.text);

    let at_once = ask(&budi, SAME_RUMOUR).await;
    assert!(at_once.contains("sudah pernah diperiksa") && at_once.contains("❌ Hoaks"), "{at_once}");
    let today = (chrono::Utc::now() + chrono::Duration::hours(7)).format("%d/%m/%Y").to_string();
    assert!(at_once.contains(&format!("pada {today} (CEK-2026-000001)")), "cites the request staff checked: {at_once}");
    assert!(at_once.contains("CEK-2026-000002"), "and the resident's own number: {at_once}");
    assert_eq!(app.count("SELECT COUNT(*) FROM fact_checks WHERE status = 'answered' AND user_id = $1", 8804).await, 1);

    assert!(done.has_button("📢 Umumkan klarifikasi ke grup"), "{:?}", done.button_labels());
    staf.press("Umumkan klarifikasi").await;
    wait_text(&staf, "Kirim ke mana?").await;
    staf.press("Kecamatan Ilir Barat I").await;
    wait_text(&staf, "Kapan dikirim?").await;
    staf.press("Kirim sekarang").await;
    let clarified = groups[0].next_message().await;
    assert!(clarified.text.starts_with(&format!("[HOAKS] {CLAIM}\n\nTidak ada program bansos")), "{}", clarified.text);

    siti.send("/cekfakta daftar").await;
    let list = wait_text(&siti, "Hasil cek fakta terbaru").await;
    assert!(list.text.contains(&format!("[HOAKS] {CLAIM}: Tidak ada program")), "names the claim: {}", list.text);
    assert!(!list.text.contains("BREAKING"), "residents' messages stay private: {}", list.text);
}

#[tokio::test]
async fn staff_of_another_kecamatan_neither_see_nor_decide_a_request_and_residents_cannot_decide() {
    let app = spawn_app().await;
    let other = staff(&app, 8811, "Kemuning").await;
    let siti = app.member_of(8812, "Siti", "IB1-BL").await;
    ask(&siti, RUMOUR).await;
    let id = app.count("SELECT id FROM fact_checks WHERE user_id = $1", 8812).await;

    other.send("/cekfakta antrian").await;
    wait_text(&other, "Tidak ada permintaan cek fakta").await;
    let forged = format!("fc:v:{id}:fakta");
    let msg = other.messages().last().unwrap().message_id;
    other.press_data(msg, &forged).await;
    siti.send("/cekfakta antrian").await;
    wait_text(&siti, "hanya untuk staf").await;
    siti.press_data(siti.messages().last().unwrap().message_id, &forged).await;

    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(app.count("SELECT COUNT(*) FROM fact_checks WHERE status = 'open' AND id = $1", id).await, 1);
    for person in [&other, &siti] {
        let last = person.callback_answers().pop().expect("the press was answered");
        assert_eq!(last.text.as_deref(), Some("Tombol ini sudah tidak berlaku."), "{last:?}");
    }
}
