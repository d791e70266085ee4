//! Residents: sending an aspiration, bad input, and `/status`.

use std::time::Duration;

use super::*;
use crate::support::{MessageExt, PersonExt, spawn_app};

#[tokio::test]
async fn an_aspiration_with_photos_and_a_location_survives_a_restart_and_reaches_staff_with_them() {
    let mut app = spawn_app().await;
    let staff = staff_of(&app, 5001, "Staf Rina", KECAMATAN).await;
    app.user(5002, "Budi").with_username("budi_bl");
    let budi = app.member_of(5002, "Budi", KIM).await;

    budi.send("/aspirasi").await;
    budi.next_message().await;
    budi.press("Infrastruktur").await;
    budi.next_message().await;
    budi.send("Jalan di depan SD 12 berlubang besar sejak Januari, motor sering jatuh.").await;
    assert!(budi.next_message().await.text.contains("Ada foto atau lokasi?"));
    budi.send_photo().await;
    assert!(budi.next_message().await.text.contains("Foto 1/3 diterima"));
    app.restart().await;
    budi.send_photo().await;
    let second = budi.next_message().await;
    assert!(second.text.contains("Foto 2/3 diterima") && second.has_button("Selesai"), "{}", second.text);
    budi.send_location(-2.976074, 104.775431).await;
    assert!(budi.next_message().await.text.contains("Lokasi diterima"));
    budi.press("Selesai").await;
    budi.next_message_skipping_edits().await;
    budi.press("Tampilkan").await;
    let summary = budi.next_message().await.text;
    assert!(summary.contains("Foto: 2") && summary.contains("maps.google.com/?q=-2.976074,104.775431"), "{summary}");
    budi.press("Kirim").await;
    let done = budi.next_message_skipping_edits().await.text;
    let number = ticket_in(&done);

    assert!(number.starts_with("ASP-20") && number.ends_with("-000001"), "{number}");
    let id = ticket_id(&app, &number).await;
    assert_eq!(app.count("SELECT COUNT(*) FROM aspiration_photos WHERE aspiration_id = $1", id).await, 2);
    assert_eq!(app.count("SELECT lat_e6 FROM aspirations WHERE id = $1", id).await, -2_976_074);
    let card = open_card(&staff, "/antrian").await;
    let photos: Vec<_> = app.fake.calls_to("sendphoto").into_iter().filter(|c| c.params["chat_id"].to_string().contains("5001")).collect();
    assert_eq!(photos.len(), 2, "both photos shown to staff");
    assert!(photos.iter().all(|c| c.params["photo"].to_string().contains("photo-fake-file")), "{photos:?}");
    assert!(card.text.contains(&number) && card.text.contains("Budi (@budi_bl)"), "{}", card.text);
    assert!(card.text.contains("maps.google.com/?q=-2.976074,104.775431") && card.text.contains("Foto: 2"));
    for label in ["Teruskan", "Tindak lanjut", "Selesai", "Tolak", "Balas", "Berikutnya"] {
        assert!(card.has_button(label), "{label} in {:?}", card.button_labels());
    }
}

#[tokio::test]
async fn a_5000_character_text_is_refused_with_the_limit_and_nothing_entered_is_lost() {
    let app = spawn_app().await;
    let sari = app.member_of(5010, "Sari", KIM).await;
    sari.send("/aspirasi").await;
    sari.next_message().await;
    sari.press("Kesehatan").await;
    sari.next_message().await;

    sari.send(&format!("{}Puskesmas!", "Puskesmas ".repeat(499))).await;
    let refused = sari.next_message().await.text;
    sari.send("rusak").await;
    let too_short = sari.next_message().await.text;
    let text = "Antrian di Puskesmas Bukit Lama sangat panjang, mohon tambah loket pendaftaran.";
    sari.send(text).await;
    let media = sari.next_message().await;

    assert!(refused.contains("5000 karakter") && refused.contains("batasnya 2000"), "{refused}");
    assert!(refused.contains("Kesehatan"), "the category is kept: {refused}");
    assert!(too_short.contains("minimal 10"), "{too_short}");
    assert!(media.has_button("Lewati"), "the form goes on after a good text");
    sari.press("Lewati").await;
    sari.next_message_skipping_edits().await;
    sari.press("Tampilkan").await;
    let summary = sari.next_message().await.text;
    assert!(summary.contains("Kesehatan") && summary.contains(text), "{summary}");
    assert_eq!(app.count("SELECT COUNT(*) FROM aspirations WHERE user_id = $1", 5010).await, 0, "nothing sent yet");
}

#[tokio::test]
async fn a_resident_never_sees_another_residents_ticket() {
    let app = spawn_app().await;
    let ani = app.member_of(5020, "Ani", KIM).await;
    let number = submit(&ani, "Lingkungan", "Sampah menumpuk di pinggir Sungai Sekanak sudah dua minggu.", false).await;
    let id = ticket_id(&app, &number).await;
    let dodi = app.member_of(5021, "Dodi", KIM).await;

    dodi.send(&format!("/status {number}")).await;
    let theirs = dodi.next_message().await.text;
    dodi.send("/status ASP-2099-000999").await;
    let missing = dodi.next_message().await.text;
    let forged = press_forged(&dodi, dodi.last_message().unwrap().message_id, &format!("a:v:{id}")).await;
    dodi.send("/status").await;
    let list = dodi.next_message().await.text;

    assert_eq!(theirs.replace(&number, "#"), missing.replace("ASP-2099-000999", "#"), "same answer as not found");
    assert!(!theirs.contains("Sampah"), "{theirs}");
    assert_eq!(forged.text.as_deref(), Some(STALE));
    assert!(list.contains("belum pernah"), "{list}");
    ani.send(&format!("/status {}", number.to_lowercase())).await;
    let own = ani.next_message().await.text;
    assert!(own.contains("Sampah menumpuk") && own.contains("Diterima") && own.contains("WIB"), "{own}");
    dodi.expect_no_message(Duration::from_millis(200)).await;
}

#[tokio::test]
async fn the_status_list_shows_each_ticket_with_its_state_and_opens_it_by_button() {
    let app = spawn_app().await;
    let eko = app.member_of(5030, "Eko", KIM).await;
    let first = submit(&eko, "Pelatihan", "Mohon diadakan pelatihan pemasaran digital untuk UMKM.", false).await;
    let second = submit(&eko, "Ekonomi", "Pasar kaget di RT 03 perlu tempat yang lebih tertata.", true).await;

    eko.send("/status").await;
    let list = eko.next_message().await;
    eko.press(&first).await;
    let opened = eko.next_message().await.text;

    assert!(list.text.contains(&first) && list.text.contains(&second) && list.text.contains("Diterima"), "{}", list.text);
    assert!(list.has_button(&first) && list.has_button(&second));
    assert!(opened.contains(&first) && opened.contains("pemasaran digital") && opened.contains("Riwayat"), "{opened}");
}

#[tokio::test]
async fn the_text_can_be_rewritten_from_the_photo_step_and_from_the_review_keeping_the_photo() {
    let app = spawn_app().await;
    let budi = app.member_of(5061, "Budi", KIM).await;
    budi.send("/aspirasi").await;
    budi.next_message().await;
    budi.press("Infrastruktur").await;
    budi.next_message().await;
    budi.send("Lampu jalan mati di gang tiga sejak seminggu.").await;
    assert!(budi.next_message().await.has_button("Ubah teks"));
    budi.send_photo().await;
    assert!(budi.next_message().await.text.contains("Foto 1/3 diterima"));

    budi.press("Ubah teks").await;
    let again = budi.next_message().await;
    assert!(again.text.contains("Tulis ulang") && again.text.contains("Lampu jalan mati di gang tiga"), "{}", again.text);
    budi.send("Lampu jalan mati di gang tiga RT 04 sejak seminggu, gelap sekali.").await;
    let kept = budi.next_message().await;
    assert!(kept.text.contains("Foto tersimpan: 1/3") && kept.has_button("Selesai"), "{}", kept.text);
    budi.press("Selesai").await;
    budi.next_message_skipping_edits().await;
    budi.press("Tampilkan").await;
    let review = budi.next_message().await;
    assert!(review.text.contains("RT 04") && review.text.contains("Foto: 1"), "{}", review.text);

    budi.press("Ubah teks").await;
    assert!(budi.next_message().await.text.contains("RT 04"), "the review's text is shown to rewrite");
    let last = "Lampu jalan mati di gang tiga RT 04 sejak 27 November, gelap sekali.";
    budi.send(last).await;
    budi.next_message().await;
    budi.press("Selesai").await;
    budi.next_message_skipping_edits().await;
    budi.press("Tampilkan").await;
    budi.next_message().await;
    budi.press("Kirim").await;
    let number = ticket_in(&budi.next_message_skipping_edits().await.text);
    let id = ticket_id(&app, &number).await;
    let body: String = sqlx::query_scalar("SELECT body FROM aspirations WHERE id = $1").bind(id).fetch_one(&app.db.pool).await.unwrap();
    assert_eq!(body, last);
    assert_eq!(app.count("SELECT COUNT(*) FROM aspiration_photos WHERE aspiration_id = $1", id).await, 1);
}

#[tokio::test]
async fn a_paste_telegram_split_in_two_is_refused_whole_and_its_tail_is_not_taken_as_the_aspiration() {
    let app = spawn_app().await;
    let sari = app.member_of(5091, "Sari", KIM).await;
    sari.send("/aspirasi").await;
    sari.next_message().await;
    sari.press("Kesehatan").await;
    sari.next_message().await;
    let head = format!("{}Puskesmas", "Puskesmas ".repeat(408)); // 4,089 characters
    let tail = "dan karena itu warga meminta tambahan loket pendaftaran di Puskesmas Bukit Lama.";

    sari.send(&head).await;
    sari.send(tail).await;
    let refused = sari.next_message().await.text;
    let tail_refused = sari.next_message().await;

    assert!(refused.contains("dipecah") || refused.contains("memecahnya"), "{refused}");
    assert!(tail_refused.text.contains("lanjutan") && !tail_refused.has_button("Lewati"), "{}", tail_refused.text);
    tokio::time::sleep(std::time::Duration::from_millis(3100)).await;
    sari.send("Antrian di Puskesmas Bukit Lama sangat panjang, mohon tambah loket.").await;
    assert!(sari.next_message().await.has_button("Lewati"), "a fresh text afterwards is taken");
}
