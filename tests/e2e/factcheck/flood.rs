//! One resident cannot flood staff (issue 23, item 4): staff get at most one "new
//! requests" notice a minute, and a resident may send five requests an hour; past
//! that they are told kindly when to try again, while a rumour checked before is
//! still answered at once.

use kimbot::platform::db::ManualClock;

use super::{EXPLANATION, RUMOUR, SAME_RUMOUR, ask, give_verdict, staff};
use crate::announcements::steps::wait_text;
use crate::support::spawn_app_with_clock;

#[tokio::test]
async fn staff_get_one_cek_fakta_notice_a_minute_and_a_resident_sends_at_most_five_requests_an_hour() {
    let clock = ManualClock::new(chrono::Utc::now().timestamp());
    let app = spawn_app_with_clock(clock.clone()).await;
    let staf = staff(&app, 8861, "Ilir Barat I").await;
    let siti = app.member_of(8862, "Siti", "IB1-BL").await;
    let budi = app.member_of(8863, "Budi", "IB1-BL").await;
    let notices = "SELECT COUNT(*) FROM outbox WHERE chat_id = $1";

    ask(&budi, RUMOUR).await;
    let first = wait_text(&staf, "permintaan cek fakta baru").await.text;
    give_verdict(&staf, "❌ Hoaks", EXPLANATION).await;
    let before = app.count(notices, 8861).await;
    for n in 1..=5 {
        ask(&siti, &format!("Kabar nomor {n}: jembatan ditutup mulai besok pagi")).await;
    }
    let within_the_minute = app.count(notices, 8861).await - before;
    let sixth = ask(&siti, "Kabar nomor 6: air PDAM mati tiga hari").await;
    let repeat = ask(&siti, SAME_RUMOUR).await;
    clock.advance(61);
    let batched = wait_text(&staf, "permintaan cek fakta baru").await.text;
    clock.advance(3600);
    let next_hour = ask(&siti, "Kabar nomor 6: air PDAM mati tiga hari").await;

    assert!(first.contains("1 permintaan cek fakta baru"), "{first}");
    assert_eq!(within_the_minute, 0, "the first request's notice went out less than a minute before");
    assert!(batched.contains("5 permintaan cek fakta baru"), "{batched}");
    assert!(sixth.contains("sudah mengirim 5 permintaan") && sixth.contains("kirim lagi setelah"), "{sixth}");
    assert!(repeat.contains("sudah pernah diperiksa"), "a repeat is still answered: {repeat}");
    assert!(next_hour.contains("tercatat dengan nomor CEK-2026-000008"), "{next_hour}");
    assert_eq!(app.count("SELECT COUNT(*) FROM fact_checks WHERE user_id = $1 AND repeat = 0", 8862).await, 6);
}
