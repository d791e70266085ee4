//! Staff and coordinators: the queue, status changes, replies; forged and stale
//! buttons.

use std::time::Duration;

use super::*;
use crate::support::{MessageExt, spawn_app};

const ROAD: &str = "Jalan di depan SD 12 berlubang besar sejak Januari, motor sering jatuh.";

#[tokio::test]
async fn an_anonymous_aspiration_hides_the_sender_from_the_coordinator_but_not_from_staff() {
    let app = spawn_app().await;
    let koor = coordinator_of(&app, 5101, "Koor Lina").await;
    let staff = staff_of(&app, 5102, "Staf Rina", KECAMATAN).await;
    app.user(5103, "Siti").with_username("siti_bl");
    let siti = app.member_of(5103, "Siti", KIM).await;
    let number = submit(&siti, "Keamanan", "Sering ada balap liar di Jalan Inspektur Marzuki tiap malam.", true).await;
    let id = ticket_id(&app, &number).await;

    let for_koor = open_card(&koor, "/antrian").await;
    let forged = press_forged(&koor, for_koor.message_id, &format!("a:s:{id}:dt:dr")).await;
    let for_koor_by_number = open_card(&koor, &format!("/status {number}")).await;
    let for_staff = open_card(&staff, "/antrian").await;

    for card in [&for_koor.text, &for_koor_by_number.text] {
        assert!(card.contains(&number) && card.contains("Pengirim: Anonim"), "{card}");
        assert!(!card.contains("Siti") && !card.contains("siti_bl"), "{card}");
    }
    assert_eq!(for_koor.button_labels(), vec!["▶️ Berikutnya"], "coordinators only read");
    assert_eq!(forged.text.as_deref(), Some(STALE));
    assert_eq!(status_of(&app, id).await, "diterima");
    assert!(for_staff.text.contains("Siti (@siti_bl) (anonim bagi koordinator)"), "{}", for_staff.text);
    assert!(for_staff.has_button("Teruskan"));
}

#[tokio::test]
async fn staff_move_a_ticket_through_the_whole_flow_and_the_resident_hears_each_change() {
    let app = spawn_app().await;
    let staff = staff_of(&app, 5110, "Staf Rina", KECAMATAN).await;
    let budi = app.member_of(5111, "Budi", KIM).await;
    let number = submit(&budi, "Infrastruktur", ROAD, false).await;
    let id = ticket_id(&app, &number).await;

    open_card(&staff, "/antrian").await;
    let forwarded = forward(&staff).await.text;
    let heard_forwarded = budi.next_message().await.text;
    open_card(&staff, &format!("/status {number}")).await;
    staff.press("Tindak lanjut").await;
    let ask_progress = next_skipping_notices(&staff).await;
    staff.send("Petugas meninjau lokasi hari Kamis.").await;
    next_skipping_notices(&staff).await;
    let heard_in_progress = budi.next_message().await.text;
    let card = open_card(&staff, &format!("/status {number}")).await;
    staff.press("Selesai").await;
    let ask_note = next_skipping_notices(&staff).await.text;
    staff.send("Lubang sudah ditambal Dinas PUPR pada 3 Maret.").await;
    let resolved = next_skipping_notices(&staff).await.text;
    let heard_resolved = budi.next_message().await.text;

    assert!(forwarded.contains("sekarang: Diteruskan"), "{forwarded}");
    assert!(heard_forwarded.contains(&number) && heard_forwarded.contains("berstatus: Diteruskan"), "{heard_forwarded}");
    assert!(ask_progress.text.contains("apa yang sedang dikerjakan") && !ask_progress.has_button("Lewati"), "{}", ask_progress.text);
    assert!(heard_in_progress.contains("berstatus: Ditindaklanjuti") && heard_in_progress.contains("meninjau lokasi"), "{heard_in_progress}");
    assert!(!card.has_button("Teruskan") && card.has_button("Selesai") && card.has_button("Tolak"), "only forward moves");
    assert!(ask_note.contains("Tulis catatan"), "{ask_note}");
    assert!(resolved.contains("sekarang: Selesai"), "{resolved}");
    assert!(heard_resolved.contains("berstatus: Selesai") && heard_resolved.contains("Lubang sudah ditambal"), "{heard_resolved}");
    budi.send(&format!("/status {number}")).await;
    let history = budi.next_message().await.text;
    for line in ["Diterima", "Diteruskan", "Ditindaklanjuti - Petugas meninjau", "Selesai - Lubang sudah ditambal"] {
        assert!(history.contains(line), "{line} in {history}");
    }
    assert_eq!(history.matches("WIB").count(), 4, "{history}");
    assert_eq!(app.count("SELECT COUNT(*) FROM aspiration_status_log WHERE aspiration_id = $1", id).await, 4);
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'aspiration.status' AND actor = $1", 5110).await, 3);
}

#[tokio::test]
async fn illegal_and_stale_status_changes_are_refused_and_change_nothing() {
    let app = spawn_app().await;
    let staff = staff_of(&app, 5120, "Staf Rina", KECAMATAN).await;
    let budi = app.member_of(5121, "Budi", KIM).await;
    let number = submit(&budi, "Infrastruktur", ROAD, false).await;
    let id = ticket_id(&app, &number).await;
    let card = open_card(&staff, "/antrian").await;
    let old_follow_up = button_data(&card, "Tindak lanjut");
    forward(&staff).await;
    budi.next_message().await;

    let stale = press_forged(&staff, card.message_id, &old_follow_up).await;
    let backwards = press_forged(&staff, card.message_id, &format!("a:s:{id}:dr:dt")).await;
    let without_note = press_forged(&staff, card.message_id, &format!("a:s:{id}:dr:sl")).await;
    let ask_note = next_skipping_notices(&staff).await.text;
    staff.send("Jalan sudah diperbaiki warga bersama kelurahan.").await;
    let after = next_skipping_notices(&staff).await.text;

    assert_eq!(stale.text.as_deref(), Some(STALE), "button from before the change");
    assert_eq!(backwards.text.as_deref(), Some(STALE), "back to diterima");
    assert_eq!(without_note.text, None, "a legal move asks for its note");
    assert!(ask_note.contains("Tulis catatan"), "{ask_note}");
    assert!(after.contains("sekarang: Selesai"), "{after}");
    assert_eq!(app.count("SELECT COUNT(*) FROM aspiration_status_log WHERE aspiration_id = $1", id).await, 3);
    let closed = press_forged(&staff, card.message_id, &format!("a:s:{id}:sl:tl")).await;
    assert_eq!(closed.text.as_deref(), Some(STALE), "a closed ticket stays closed");
    assert_eq!(status_of(&app, id).await, "selesai");
}

#[tokio::test]
async fn a_forged_status_change_button_from_a_resident_is_refused() {
    let app = spawn_app().await;
    let budi = app.member_of(5130, "Budi", KIM).await;
    let number = submit(&budi, "Infrastruktur", ROAD, false).await;
    let id = ticket_id(&app, &number).await;
    let last = budi.last_message().unwrap().message_id;

    let mut answers = Vec::new();
    for data in [format!("a:s:{id}:dt:dr"), format!("a:s:{id}:dt:sl"), format!("a:r:{id}"), "a:n:0".to_string()] {
        answers.push(press_forged(&budi, last, &data).await);
    }
    budi.send("/antrian").await;
    let queue = budi.next_message().await.text;

    assert!(answers.iter().all(|a| a.text.as_deref() == Some(STALE)), "{answers:?}");
    assert_eq!(status_of(&app, id).await, "diterima");
    assert_eq!(app.count("SELECT COUNT(*) FROM aspiration_status_log WHERE aspiration_id = $1", id).await, 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM dialogues WHERE chat_id = $1", 5130).await, 0, "no note dialogue");
    assert!(queue.contains("hanya untuk koordinator"), "{queue}");
}

#[tokio::test]
async fn a_staff_reply_reaches_the_resident_who_can_answer_it_once() {
    let app = spawn_app().await;
    let staff = staff_of(&app, 5140, "Staf Rina", KECAMATAN).await;
    let budi = app.member_of(5141, "Budi", KIM).await;
    let number = submit(&budi, "Infrastruktur", ROAD, false).await;
    let id = ticket_id(&app, &number).await;

    open_card(&staff, "/antrian").await;
    staff.press("Balas").await;
    assert!(next_skipping_notices(&staff).await.text.contains("Tulis balasan"));
    staff.send("Mohon kirim patokan lokasi persisnya.").await;
    let sent = next_skipping_notices(&staff).await.text;
    let reply = budi.next_message().await;
    budi.press("Jawab").await;
    assert!(budi.next_message().await.text.contains("Tulis jawaban"));
    budi.send("Di depan Masjid Al-Ikhlas, dekat gerbang SD.").await;
    let answered = budi.next_message().await.text;
    let staff_heard = next_skipping_notices(&staff).await.text;
    let again = press_forged(&budi, reply.message_id, &button_data(&reply, "Jawab")).await;

    assert!(sent.contains("dikirim ke warga"), "{sent}");
    assert!(reply.text.contains("Mohon kirim patokan") && reply.text.contains(&number), "{}", reply.text);
    assert!(answered.contains("diteruskan ke petugas"), "{answered}");
    assert!(staff_heard.contains(&number) && staff_heard.contains("Masjid Al-Ikhlas"), "{staff_heard}");
    assert_eq!(again.text.as_deref(), Some(STALE), "only one answer per reply");
    assert_eq!(app.count("SELECT COUNT(*) FROM aspiration_messages WHERE aspiration_id = $1", id).await, 2);
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'aspiration.reply' AND actor = $1", 5140).await, 1);
    budi.send(&format!("/status {number}")).await;
    let thread = budi.next_message().await.text;
    assert!(thread.contains("Petugas: Mohon kirim") && thread.contains("Anda: Di depan Masjid"), "{thread}");
}

#[tokio::test]
async fn the_queue_shows_new_tickets_oldest_first_one_at_a_time_within_the_staff_area() {
    let app = spawn_app().await;
    let staff = staff_of(&app, 5150, "Staf Rina", KECAMATAN).await;
    let elsewhere = staff_of(&app, 5151, "Staf Tono", "Kemuning").await;
    let budi = app.member_of(5152, "Budi", KIM).await;
    let first = submit(&budi, "Infrastruktur", ROAD, false).await;
    let second = submit(&budi, "Lingkungan", "Saluran air di Lorong Damai tersumbat sampah plastik.", false).await;

    let card = open_card(&staff, "/antrian").await;
    staff.press("Berikutnya").await;
    let next = open_card_after_press(&staff).await;
    staff.press("Berikutnya").await;
    let end = next_skipping_notices(&staff).await.text;
    elsewhere.send("/antrian").await;
    let other_area = next_skipping_notices(&elsewhere).await.text;

    assert!(card.text.contains(&first), "{}", card.text);
    assert!(next.text.contains(&second), "{}", next.text);
    assert!(end.contains("terakhir"), "{end}");
    assert!(other_area.contains("Tidak ada aspirasi baru"), "{other_area}");
    elsewhere.expect_no_message(Duration::from_millis(200)).await;
}

async fn open_card_after_press(p: &fake_telegram::Person) -> fake_telegram::BotMessage {
    loop {
        let m = next_skipping_notices(p).await;
        if m.text.contains("📋 Tiket") {
            return m;
        }
    }
}

#[tokio::test]
async fn a_resident_who_reads_english_hears_of_changes_in_english() {
    let app = spawn_app().await;
    let staff = staff_of(&app, 5160, "Staf Rina", KECAMATAN).await;
    let budi = app.member_of(5161, "Budi", KIM).await;
    let number = submit(&budi, "Infrastruktur", ROAD, false).await;
    budi.send("/bahasa").await;
    budi.next_message().await;
    budi.press("English").await;
    budi.next_message().await;

    open_card(&staff, "/antrian").await;
    staff.press("Tolak").await;
    next_skipping_notices(&staff).await;
    staff.send("Jalan ini milik provinsi; laporan diteruskan lewat LAPOR!.").await;
    next_skipping_notices(&staff).await;
    let heard = budi.next_message_skipping_edits().await.text;

    assert!(heard.contains(&number) && heard.contains("is now: Rejected"), "{heard}");
    assert!(heard.contains("Officer's note: Jalan ini milik provinsi"), "{heard}");
}

#[tokio::test]
async fn an_anonymous_ticket_shows_coordinators_neither_location_nor_photos_and_staff_both() {
    let app = spawn_app().await;
    let koor = coordinator_of(&app, 5191, "Koor Lina").await;
    let staff = staff_of(&app, 5192, "Staf Rina", KECAMATAN).await;
    let siti = app.member_of(5193, "Siti", KIM).await;
    let (question, number) = submit_with_media(&siti, "Got mampet di depan rumah saya, banjir tiap hujan.", true).await;

    let for_koor = open_card(&koor, "/antrian").await;
    let for_koor_by_number = open_card(&koor, &format!("/status {number}")).await;
    let photos_to_koor = photos_sent_to(&app, 5191);
    let for_staff = open_card(&staff, "/antrian").await;

    assert!(question.contains("tidak melihat foto dan lokasi"), "{question}");
    for card in [&for_koor.text, &for_koor_by_number.text] {
        assert!(card.contains(&number) && card.contains("Lokasi dan foto tidak ditampilkan"), "{card}");
        assert!(!card.contains("maps.google.com") && !card.contains("Foto:"), "{card}");
    }
    assert_eq!(photos_to_koor, 0, "no photo reaches the coordinator");
    assert!(for_staff.text.contains("maps.google.com/?q=-2.976074,104.775431") && for_staff.text.contains("Foto: 1"), "{}", for_staff.text);
    assert_eq!(photos_sent_to(&app, 5192), 1);
}

#[tokio::test]
async fn a_one_word_closing_note_is_refused_and_a_fuller_one_closes_the_ticket() {
    let app = spawn_app().await;
    let staff = staff_of(&app, 5195, "Staf Rina", KECAMATAN).await;
    let budi = app.member_of(5196, "Budi", KIM).await;
    let number = submit(&budi, "Infrastruktur", ROAD, false).await;
    let id = ticket_id(&app, &number).await;

    open_card(&staff, "/antrian").await;
    staff.press("Selesai").await;
    assert!(next_skipping_notices(&staff).await.text.contains("Tulis catatan"));
    staff.send("ok").await;
    let refused = next_skipping_notices(&staff).await.text;
    let status_after_ok = status_of(&app, id).await;
    staff.send("Lubang sudah ditambal Dinas PUPR.").await;
    let resolved = next_skipping_notices(&staff).await.text;

    assert!(refused.contains("terlalu singkat") && refused.contains("minimal 3 kata"), "{refused}");
    assert_eq!(status_after_ok, "diterima");
    assert!(resolved.contains("Selesai"), "{resolved}");
    assert_eq!(status_of(&app, id).await, "selesai");
    assert!(budi.next_message().await.text.contains("Lubang sudah ditambal"));
}

#[tokio::test]
async fn a_forwarded_ticket_stays_reachable_in_antrian_proses_and_closed_ones_in_antrian_selesai() {
    let app = spawn_app().await;
    let staff = staff_of(&app, 5197, "Staf Rina", KECAMATAN).await;
    let budi = app.member_of(5198, "Budi", KIM).await;
    let first = submit(&budi, "Infrastruktur", ROAD, false).await;
    let second = submit(&budi, "Kesehatan", "Posyandu RT 04 kehabisan vitamin A untuk balita bulan ini.", false).await;
    for _ in 0..2 {
        open_card(&staff, "/antrian").await;
        forward(&staff).await;
    }

    staff.send("/antrian").await;
    let no_new = next_skipping_notices(&staff).await.text;
    let in_progress = open_card(&staff, "/antrian proses").await;
    staff.press("Berikutnya").await;
    let next_in_progress = open_card_after_press(&staff).await;
    staff.press("Selesai").await;
    next_skipping_notices(&staff).await;
    staff.send("Vitamin A sudah dikirim Puskesmas ke posyandu.").await;
    next_skipping_notices(&staff).await;
    let closed = open_card(&staff, "/antrian selesai").await;
    let by_number = open_card(&staff, &format!("/antrian {first}")).await;

    assert!(no_new.contains("Tidak ada aspirasi baru") && no_new.contains("/antrian proses"), "{no_new}");
    assert!(in_progress.text.contains(&first) && in_progress.has_button("Selesai"), "{}", in_progress.text);
    assert!(next_in_progress.text.contains(&second), "{}", next_in_progress.text);
    assert!(closed.text.contains(&second) && closed.text.contains("Status: Selesai"), "{}", closed.text);
    assert!(by_number.text.contains(&first) && by_number.has_button("Tindak lanjut"), "{}", by_number.text);
    assert_eq!(status_of(&app, ticket_id(&app, &first).await).await, "diteruskan");
}

