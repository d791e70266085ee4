//! Issue 23: a poll's options typed as a list in one message (one per line, or
//! "a, b, c") become separate options, shown back for review.

use std::time::Duration;

use super::{QUESTION, wait_button};
use crate::announcements::steps::{coordinator_with_groups, sunday_morning, wait_text};
use crate::support::{MessageExt, spawn_app_with_clock};

#[tokio::test]
async fn options_typed_as_a_list_in_one_message_become_separate_options() {
    let app = spawn_app_with_clock(sunday_morning()).await;
    let (koor, _) = coordinator_with_groups(&app, 9600, "IB1-BL", &[(-9601, "Bukit Lama RT 1")]).await;
    koor.send("/jajak").await;
    wait_button(&koor, "Jajak baru").await;
    koor.press("Jajak baru").await;
    wait_text(&koor, "Tulis pertanyaan").await;
    koor.send(QUESTION).await;
    wait_text(&koor, "pilihan jawaban ke-1").await;
    koor.send("Sabtu pagi\nMinggu pagi\n\nJumat sore").await;
    let listed = wait_text(&koor, "Pilihan sejauh ini").await;
    assert!(listed.text.contains("1. Sabtu pagi\n2. Minggu pagi\n3. Jumat sore") && listed.has_button("Selesai"), "{}", listed.text);
    koor.send("Senin, Selasa , Rabu").await;
    let listed = wait_text(&koor, "Pilihan sejauh ini").await;
    assert!(listed.text.contains("4. Senin\n5. Selasa\n6. Rabu\n"), "{}", listed.text);
    koor.send("Ya, setuju").await;
    let listed = wait_text(&koor, "Pilihan sejauh ini").await;
    assert!(listed.text.contains("7. Ya, setuju\n"), "two parts stay one option: {}", listed.text);
    koor.send("Kamis\nKamis malam\nJumat\nSabtu sore").await;
    wait_text(&koor, "lebih dari 10").await;

    koor.press("Selesai").await;
    wait_text(&koor, "berapa jawaban").await;
    koor.press("Satu jawaban saja").await;
    wait_text(&koor, "Kapan jajak ditutup").await;
    koor.press("1 jam lagi").await;
    wait_text(&koor, "Kirim jajak ke mana").await;
    koor.press("Semua grup").await;
    wait_text(&koor, "Periksa jajak").await;
    koor.press("Kirim jajak").await;
    assert!(app.fake.wait_until(|st| st.polls.len() == 1, Duration::from_secs(10)).await);
    let options = app.fake.polls().remove(0).options;
    assert_eq!(options, ["Sabtu pagi", "Minggu pagi", "Jumat sore", "Senin", "Selasa", "Rabu", "Ya, setuju"]);
}
