//! Adding a feed checks it at once (readable or why not, keep or drop), "Periksa
//! sekarang" polls it now, removal is confirmed first, and a failing feed in an
//! area no staff cover is reported to the admins.

use std::time::Duration;

use super::server::FeedServer;
use super::steps::*;
use crate::support::{ADMIN_ID, MessageExt, spawn_app_with_clock};

#[tokio::test]
async fn a_typed_address_is_fetched_at_once_and_periksa_sekarang_polls_the_saved_feed_now() {
    let server = FeedServer::start().await;
    let clock = ten_oclock();
    let app = spawn_app_with_clock(clock.clone()).await;
    let koor = app.member_of(8801, "Koordinator", "IB1-BL").await;
    app.grant_coordinator(8801, "IB1-BL").await;
    let staf = app.member_of(8802, "Staf", "IB1-BL").await;
    app.grant_staff(8802, "Ilir Barat I").await;

    staf.send("/sumber").await;
    let prompt = wait_text(&staf, "kirim alamat RSS").await;
    staf.send(&server.url("/rss.xml")).await;
    let checked = wait_text(&staf, "wilayah mana").await;
    staf.press("Kecamatan Ilir Barat I").await;
    wait_text(&staf, "Seberapa sering").await;
    staf.press("setiap 30 menit").await;
    let saved = wait_text(&staf, "tersimpan").await;
    press_on(&staf, &saved, "Periksa sekarang").await;
    let polled = wait_text(&staf, "baru saja diperiksa").await;
    let first = wait_text(&koor, "Berita program baru").await;
    press_on(&staf, &saved, "Periksa sekarang").await;
    let too_soon = wait_text(&staf, "kurang dari semenit").await;

    assert!(prompt.text.contains("diawali http:// atau https://"), "the prompt says what is accepted: {}", prompt.text);
    assert!(checked.text.contains("bisa dibaca: 2 berita"), "{}", checked.text);
    assert!(checked.text.contains("Vaksinasi gratis di puskesmas"), "the newest item is named: {}", checked.text);
    assert_eq!(app.count("SELECT COUNT(*) FROM feed_items WHERE feed_id > $1", 0).await, 2, "checked once, polled once");
    assert!(polled.text.contains("2 berita baru dikirim sebagai draf"), "{}", polled.text);
    assert!(first.has_button("Umumkan"), "{:?}", first.button_labels());
    assert!(too_soon.text.contains("#1"), "{}", too_soon.text);
    assert_eq!(app.count("SELECT failures FROM feeds WHERE id = $1", 1).await, 0);
}

#[tokio::test]
async fn an_address_that_cannot_be_read_is_explained_and_staff_may_drop_it_or_keep_it() {
    let server = FeedServer::start().await;
    let app = spawn_app_with_clock(ten_oclock()).await;
    let staf = app.member_of(8811, "Staf", "IB1-BL").await;
    app.grant_staff(8811, "Ilir Barat I").await;
    let broken = server.url("/broken.xml");

    staf.send("/sumber").await;
    wait_text(&staf, "kirim alamat RSS").await;
    staf.send(&broken).await;
    let first = wait_text(&staf, "belum bisa dibaca").await;
    press_on(&staf, &first, "Jangan tambahkan").await;
    let dropped = wait_text(&staf, "tidak ditambahkan").await;
    staf.send(&broken).await;
    let second = wait_text(&staf, "belum bisa dibaca").await;
    press_on(&staf, &second, "Tetap tambahkan").await;
    let areas = wait_text(&staf, "wilayah mana").await;
    staf.press("Kecamatan Ilir Barat I").await;
    wait_text(&staf, "Seberapa sering").await;
    staf.press("setiap jam").await;
    wait_text(&staf, "tersimpan").await;

    assert!(first.text.contains("bukan RSS atau Atom"), "why, in words: {}", first.text);
    assert_eq!(first.button_labels(), vec!["✅ Tetap tambahkan", "✖️ Jangan tambahkan"]);
    assert!(dropped.buttons.is_empty(), "{:?}", dropped.button_labels());
    assert!(areas.text.contains("tetap ditambahkan"), "{}", areas.text);
    assert_eq!(app.count("SELECT COUNT(*) FROM feeds WHERE created_by = $1", 8811).await, 1);
}

#[tokio::test]
async fn removing_a_feed_is_confirmed_first_and_back_keeps_it() {
    let server = FeedServer::start().await;
    let app = spawn_app_with_clock(ten_oclock()).await;
    let staf = app.member_of(8821, "Staf", "IB1-BL").await;
    app.grant_staff(8821, "Ilir Barat I").await;
    let id = add_feed(&app, &server.url("/rss.xml"), "Ilir Barat I").await;

    staf.send("/sumber").await;
    let list = wait_text(&staf, "kirim alamat").await;
    press_on(&staf, &list, "Hapus #").await;
    let confirm = wait_text(&staf, "Hapus sumber").await;
    press_on(&staf, &confirm, "Kembali").await;
    let back = wait_text(&staf, "Sumber berita program di wilayah Anda").await;
    let still_there = app.count("SELECT COUNT(*) FROM feeds WHERE id = $1", id).await;
    press_on(&staf, &back, "Hapus #").await;
    let confirm = wait_text(&staf, "Hapus sumber").await;
    press_on(&staf, &confirm, "Ya, hapus").await;
    wait_text(&staf, "dihapus.").await;

    assert!(confirm.text.contains(&server.url("/rss.xml")) && confirm.text.contains("ikut terhapus"), "{}", confirm.text);
    assert_eq!(still_there, 1, "nothing is removed before Ya, hapus");
    assert_eq!(app.count("SELECT COUNT(*) FROM feeds WHERE id = $1", id).await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'feed.remove' AND actor = $1", 8821).await, 1);
}

#[tokio::test]
async fn a_failing_feed_in_an_area_no_staff_cover_is_reported_to_the_admins() {
    let server = FeedServer::start().await;
    let clock = ten_oclock();
    let app = spawn_app_with_clock(clock.clone()).await;
    let admin = app.member_of(ADMIN_ID, "Admin", "KMN-KM").await;
    let elsewhere = app.member_of(8831, "Staf Ilir Barat", "IB1-BL").await;
    app.grant_staff(8831, "Ilir Barat I").await;
    let id = add_feed(&app, &server.url("/broken.xml"), "Kemuning").await;

    for (n, minute) in [(1, 30), (2, 60), (3, 90)] {
        crate::delivery::wait_until_drained(&app, Duration::from_secs(10)).await;
        clock.set(wib(10, 0) + minute * 60);
        wait_value(&app, "SELECT failures FROM feeds WHERE id = $1", id, n).await;
    }
    let notice = wait_text(&admin, "gagal dibaca 3 kali").await;

    assert!(notice.text.contains(&format!("#{id}")) && notice.text.contains("/sumber"), "{}", notice.text);
    elsewhere.expect_no_message(Duration::from_millis(500)).await;
    let queued = "SELECT COUNT(*) FROM outbox WHERE source LIKE 'feed-health:%' AND chat_id = $1";
    assert_eq!(app.count(queued, ADMIN_ID).await, 1);
}

// Multi-threaded: the CLI runs as a blocking child process while the feed server
// answers it from this runtime.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kimbot_feeds_add_reads_the_new_feed_once_and_says_so_and_feeds_list_shows_the_crontab_line() {
    let server = FeedServer::start().await;
    // The CLI schedules the first poll from the wall clock; the app's own poller must
    // not find that due (ten_oclock() lies in the future of today's date), or it may
    // take the items before the assertion below. A clock in the past keeps it idle.
    let before_today = chrono::DateTime::parse_from_rfc3339("2026-01-05T10:00:00+07:00").unwrap().timestamp();
    let app = spawn_app_with_clock(kimbot::platform::db::ManualClock::new(before_today)).await;
    let kimbot = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_kimbot"))
            .arg("feeds")
            .args(args)
            .env("DATABASE_URL", &app.database_url)
            .env("TELOXIDE_TOKEN", fake_telegram::TOKEN)
            .env("KIMBOT_OUTBOUND_ALLOW_PRIVATE", "1")
            .env_remove("KIMBOT_TZ")
            .output()
            .expect("kimbot runs");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };

    let good = kimbot(&["add", &server.url("/rss.xml"), "--area", "Ilir Barat I", "--every", "0 * * * *"]);
    let bad = kimbot(&["add", &server.url("/broken.xml"), "--area", "Ilir Barat I"]);
    let list = kimbot(&["list"]);

    assert!(good.contains("checked: it can be read, 2 item(s), the newest \"Vaksinasi gratis di puskesmas\""), "{good}");
    assert!(bad.contains("warning: it cannot be read now") && bad.contains("kimbot feeds remove 2"), "{bad}");
    assert_eq!(app.count("SELECT COUNT(*) FROM feeds WHERE id > $1", 0).await, 2, "kept either way");
    assert_eq!(app.count("SELECT COUNT(*) FROM feed_items WHERE id > $1", 0).await, 0, "the check takes no items");
    assert!(list.contains("\t0 * * * *\t") && list.contains("\t*/30 * * * *\t"), "{list}");
    assert!(!list.contains("0 0 * * * *"), "not the 6-field internal form: {list}");
}
