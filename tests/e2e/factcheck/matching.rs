//! What counts as "the same content" (issue 23): the same normalised text, or the same
//! link sent alone (with or without its scheme); a different text that only shares a
//! link is queued, with a hint for staff. And the rough edges around it: emoji alone,
//! lengths as people count them, the latest list, labels in English.

use super::{EXPLANATION, RUMOUR, SAME_RUMOUR, ask, give_verdict, staff};
use crate::announcements::steps::wait_text;
use crate::support::spawn_app;

/// Cites the same official-looking link as [`RUMOUR`], with other words.
const SHARES_THE_LINK: &str = "Info resmi: pendaftaran bantuan UMKM dibuka, formulir di https://bansos-cepat.example.com/daftar";

#[tokio::test]
async fn a_different_text_that_only_shares_a_link_is_queued_with_a_hint_for_staff_not_answered_from_the_verdict() {
    let app = spawn_app().await;
    let staf = staff(&app, 8821, "Ilir Barat I").await;
    let siti = app.member_of(8822, "Siti", "IB1-BL").await;
    let budi = app.member_of(8823, "Budi", "IB1-LP").await;
    ask(&siti, RUMOUR).await;
    give_verdict(&staf, "❌ Hoaks", EXPLANATION).await;

    let answer = ask(&budi, SHARES_THE_LINK).await;

    assert!(answer.contains("tercatat dengan nomor CEK-2026-000002") && !answer.contains("Hoaks"), "{answer}");
    assert_eq!(app.count("SELECT COUNT(*) FROM fact_checks WHERE status = 'open' AND user_id = $1", 8823).await, 1);
    staf.send("/cekfakta antrian").await;
    let card = wait_text(&staf, "Pilih putusan").await;
    assert!(card.text.contains("CEK-2026-000002") && card.text.contains("Mirip CEK-2026-000001 (❌ Hoaks)"), "{}", card.text);
}

#[tokio::test]
async fn a_bare_link_without_a_scheme_is_a_link_and_one_verdict_reaches_every_request_waiting_with_the_same_content() {
    let app = spawn_app().await;
    let staf = staff(&app, 8831, "Ilir Barat I").await;
    let siti = app.member_of(8832, "Siti", "IB1-BL").await;
    let budi = app.member_of(8833, "Budi", "IB1-LP").await;
    let ani = app.member_of(8834, "Ani", "IB1-BL").await;
    let andi = app.member_of(8835, "Andi", "IB1-BL").await;
    ask(&siti, "bit.ly/bansos5jt").await;
    ask(&budi, "https://bit.ly/bansos5jt").await;
    ask(&ani, SAME_RUMOUR).await;
    ask(&siti, RUMOUR).await;

    give_verdict(&staf, "❌ Hoaks", "Tautan pendek itu mengarah ke situs palsu. Sumber: Diskominfo Kota.").await;
    give_verdict(&staf, "⚠️ Disinformasi", EXPLANATION).await;

    let link: Option<String> = sqlx::query_scalar("SELECT link FROM fact_checks WHERE number = 'CEK-2026-000001'").fetch_one(&app.db.pool).await.unwrap();
    assert_eq!(link.as_deref(), Some("https://bit.ly/bansos5jt"), "recognised without a scheme");
    assert!(wait_text(&budi, "Hasil cek fakta CEK-2026-000002").await.text.contains("❌ Hoaks"));
    assert!(wait_text(&ani, "Hasil cek fakta CEK-2026-000003").await.text.contains("Disinformasi"));
    assert_eq!(app.count("SELECT COUNT(*) FROM fact_checks WHERE status = 'open' AND id > $1", 0).await, 0);
    let again = ask(&andi, "http://bit.ly/bansos5jt/").await;
    assert!(again.contains("sudah pernah diperiksa") && again.contains("(CEK-2026-000001)"), "{again}");
}

#[tokio::test]
async fn emoji_alone_are_refused_kindly_and_lengths_count_what_a_person_sees() {
    let app = spawn_app().await;
    let staf = staff(&app, 8841, "Ilir Barat I").await;
    let siti = app.member_of(8842, "Siti", "IB1-BL").await;

    let emoji = ask(&siti, "😡😡😡 !!!").await;
    siti.send(&format!("Bendera {}", "🇮🇩".repeat(3995))).await;
    let too_long = siti.next_message().await.text;
    siti.send(&format!("{} bansos cair hari ini", "🇮🇩".repeat(3900))).await;
    let flags = siti.next_message().await.text;
    staf.send("/cekfakta antrian").await;
    let card = wait_text(&staf, "Pilih putusan").await.text;
    staf.press("✅ Fakta").await;
    wait_text(&staf, "tulis klaim").await;
    staf.send("Bansos cair hari ini").await;
    wait_text(&staf, "Tulis penjelasan").await;
    staf.send("Benar, lihat 👨‍👩‍👧‍👦👨‍👩‍👧‍👦").await;
    let short = wait_text(&staf, "Penjelasan Anda").await.text;

    assert!(emoji.contains("hanya berisi emoji"), "{emoji}");
    assert!(too_long.contains("Pesan itu 4003 karakter, batasnya 4000"), "{too_long}");
    assert!(flags.contains("CEK-2026-000001"), "3,921 visible characters fit: {flags}");
    assert!(card.encode_utf16().count() <= 4096 && card.contains("🇮🇩…"), "the card fits Telegram, cut: {} units", card.encode_utf16().count());
    assert!(short.contains("Penjelasan Anda 15 karakter"), "{short}");
}

#[tokio::test]
async fn the_latest_list_shows_each_verdict_once_cut_with_an_ellipsis_and_labels_follow_the_language() {
    let app = spawn_app().await;
    let staf = staff(&app, 8851, "Ilir Barat I").await;
    let siti = app.member_of(8852, "Siti", "IB1-BL").await;
    let budi = app.member_of(8853, "Budi", "IB1-LP").await;
    let long = format!("{EXPLANATION} Program bantuan resmi hanya diumumkan lewat kanal Pemerintah Kota dan kelurahan masing-masing.");
    ask(&siti, RUMOUR).await;
    give_verdict(&staf, "❌ Hoaks", &long).await;
    ask(&budi, SAME_RUMOUR).await;
    ask(&budi, SHARES_THE_LINK).await;

    siti.send("/cekfakta daftar").await;
    let list = wait_text(&siti, "Hasil cek fakta terbaru").await.text;
    sqlx::query("UPDATE users SET language = 'en' WHERE id = $1").bind(8853_i64).execute(&app.db.pool).await.unwrap();
    budi.send("/cekfakta daftar").await;
    let english = wait_text(&budi, "Latest fact checks").await.text;

    assert_eq!(list.matches("[HOAKS]").count(), 1, "one line per verdict: {list}");
    assert!(list.contains(&format!("{}…", &long[..119])), "cut text ends with an ellipsis: {list}");
    assert!(english.contains("[HOAX] Bansos Rp 5 juta cair hari ini: Tidak ada program") && !english.contains("[HOAKS]"), "{english}");
}
