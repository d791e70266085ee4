//! Managing feeds: removing with `/sumber` within one's own area, the CLI, a feed
//! recovering, forged draft presses, and two processes sharing one database.

use std::time::Duration;

use kimbot::app::App;
use kimbot::features::feeds::Poller;
use kimbot::features::feeds::cli::{FeedsAction, run};

use super::server::FeedServer;
use super::steps::*;
use crate::support::{config_for, spawn_app_with_clock};

#[tokio::test]
async fn staff_remove_a_feed_of_their_area_and_a_second_press_is_answered_kindly() {
    let server = FeedServer::start().await;
    let app = spawn_app_with_clock(ten_oclock()).await;
    let staf = app.member_of(8761, "Staf", "IB1-BL").await;
    app.grant_staff(8761, "Ilir Barat I").await;
    let elsewhere = app.member_of(8762, "Staf Kemuning", "KMN-KM").await;
    app.grant_staff(8762, "Kemuning").await;
    let id = add_feed(&app, &server.url("/rss.xml"), "Ilir Barat I").await;

    elsewhere.send("/sumber").await;
    let theirs = wait_text(&elsewhere, "kirim alamat").await;
    let forged = elsewhere.press_data(theirs.message_id, &format!("f:r:{id}")).await;
    assert_eq!(answer_to(&elsewhere, &forged).await.as_deref(), Some("Tombol ini sudah tidak berlaku."));
    staf.send("/sumber").await;
    let list = wait_text(&staf, "kirim alamat").await;
    press_on(&staf, &list, "Hapus #").await;
    let confirm = wait_text(&staf, "Hapus sumber").await;
    press_on(&staf, &confirm, "Ya, hapus").await;
    wait_text(&staf, "dihapus").await;
    press_on(&staf, &list, "Hapus #").await;
    wait_text(&staf, "sudah dihapus sebelumnya").await;

    assert!(theirs.text.contains("Belum ada sumber") && theirs.buttons.is_empty(), "{}", theirs.text);
    assert!(list.text.contains("belum pernah dibaca"), "{}", list.text);
    assert_eq!(app.count("SELECT COUNT(*) FROM feeds WHERE id = $1", id).await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'feed.remove' AND actor = $1", 8761).await, 1);
}

#[tokio::test]
async fn the_cli_adds_lists_with_the_five_field_cron_and_removes_feeds_and_refuses_polls_more_often_than_every_five_minutes() {
    let app = spawn_app_with_clock(ten_oclock()).await;
    let (tz, now) = (chrono_tz::Asia::Jakarta, wib(10, 0));
    // Refuses the loopback test servers and made-up hosts' addresses alike: the check
    // of a new feed then fails at once, without waiting on the network.
    let guard = kimbot::platform::outbound::Guard { allow_private: false };
    let add = |every: &str| FeedsAction::Add {
        url: "https://127.0.0.1/feed".into(),
        area: "Ilir Barat I".into(),
        every: every.into(),
    };

    let too_often = run(&app.db, tz, guard, add("*/2 * * * *"), now).await.unwrap_err().to_string();
    run(&app.db, tz, guard, add("*/15 * * * *"), now).await.unwrap();
    let twice = run(&app.db, tz, guard, add("*/30 * * * *"), now).await.unwrap_err().to_string();
    run(&app.db, tz, guard, FeedsAction::List, now).await.unwrap();
    let listed = kimbot::features::feeds::cli::list_lines(&app.db, tz).await.unwrap();
    let next = app.count("SELECT next_poll_at FROM feeds WHERE id = $1", 1).await;
    run(&app.db, tz, guard, FeedsAction::Remove { id: 1 }, now).await.unwrap();
    let gone = run(&app.db, tz, guard, FeedsAction::Remove { id: 1 }, now).await.unwrap_err().to_string();

    assert!(too_often.contains("more often than every 5 minutes"), "{too_often}");
    assert!(twice.contains("registered already"), "{twice}");
    assert_eq!(next, wib(10, 15));
    assert_eq!(listed.len(), 1, "{listed:?}");
    assert!(listed[0].contains("\t*/15 * * * *\t"), "the 5-field form --every takes: {}", listed[0]);
    assert!(gone.contains("no feed with id 1"), "{gone}");
}

#[tokio::test]
async fn a_feed_that_works_again_is_marked_healthy_and_staff_hear_it_once() {
    let server = FeedServer::start().await;
    let clock = ten_oclock();
    let app = spawn_app_with_clock(clock.clone()).await;
    let staf = app.member_of(8771, "Staf", "IB1-BL").await;
    app.grant_staff(8771, "Ilir Barat I").await;
    let id = add_feed(&app, &server.url("/flaky.xml"), "Ilir Barat I").await;
    for (n, minute) in [(1, 30), (2, 60), (3, 90)] {
        clock.set(wib(10, 0) + minute * 60);
        wait_value(&app, "SELECT failures FROM feeds WHERE id = $1", id, n).await;
    }
    wait_text(&staf, "gagal dibaca 3 kali").await;

    server.heal();
    poll_ok_at(&app, &clock, id, wib(12, 0)).await;
    let recovered = wait_text(&staf, "bisa dibaca lagi").await;
    poll_ok_at(&app, &clock, id, wib(12, 30)).await;
    staf.expect_no_message(Duration::from_millis(1000)).await;

    assert!(recovered.text.contains(&format!("#{id}")), "{}", recovered.text);
    assert_eq!(app.count("SELECT healthy FROM feeds WHERE id = $1", id).await, 1);
    assert_eq!(app.count("SELECT failures FROM feeds WHERE id = $1", id).await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM outbox WHERE source LIKE 'feed-health:%' AND chat_id = $1", 8771).await, 2);
}

#[tokio::test]
async fn a_coordinator_of_another_kim_cannot_act_on_a_draft() {
    let server = FeedServer::start().await;
    let clock = ten_oclock();
    let app = spawn_app_with_clock(clock.clone()).await;
    let koor = app.member_of(8781, "Koordinator", "IB1-BL").await;
    app.grant_coordinator(8781, "IB1-BL").await;
    let other = app.member_of(8782, "Koordinator Kemuning", "KMN-KM").await;
    app.grant_coordinator(8782, "KMN-KM").await;
    let id = add_feed(&app, &server.url("/atom.xml"), "Ilir Barat I").await;
    poll_ok_at(&app, &clock, id, wib(10, 30)).await;
    let draft = wait_text(&koor, "Berita program baru").await;
    let data = draft.buttons.iter().flatten().find(|b| b.text.contains("Umumkan")).unwrap().callback_data.clone();

    other.send("/bantuan").await;
    let mine = other.next_message().await;
    let forged = other.press_data(mine.message_id, &data.unwrap()).await;

    assert_eq!(answer_to(&other, &forged).await.as_deref(), Some("Tombol ini sudah tidak berlaku."));
    assert!(drafts_in(&other).is_empty(), "Kemuning is outside the feed's area");
    assert_eq!(app.count("SELECT COUNT(*) FROM feed_drafts WHERE status = 'new' AND id = $1", 1).await, 1);
}

#[tokio::test]
async fn two_processes_on_one_database_fetch_a_due_feed_once() {
    let server = FeedServer::start().await;
    let clock = ten_oclock();
    let app = spawn_app_with_clock(clock.clone()).await;
    let koor = app.member_of(8791, "Koordinator", "IB1-BL").await;
    app.grant_coordinator(8791, "IB1-BL").await;
    let id = add_feed(&app, &server.url("/counted.xml"), "Ilir Barat I").await;
    let second = App::build(config_for(&app.fake, &app.database_url), app.clock.clone()).await.unwrap();
    let (a, b) = (Poller::new(second.ctx()).unwrap(), Poller::new(second.ctx()).unwrap());

    clock.set(wib(10, 30));
    let (ta, tb) = tokio::join!(a.tick(), b.tick());
    wait_value(&app, "SELECT COALESCE(last_ok_at, 0) FROM feeds WHERE id = $1", id, wib(10, 30)).await;
    wait_text(&koor, "Berita program baru").await;
    koor.expect_no_message(Duration::from_millis(1000)).await;

    assert!(ta.unwrap() + tb.unwrap() <= 1);
    assert_eq!(server.counted_requests(), 1);
    assert_eq!(drafts_in(&koor).len(), 1);
}

#[tokio::test]
async fn a_feed_url_registered_in_another_area_looks_new_and_the_same_area_hears_it_exists() {
    let server = FeedServer::start().await;
    let app = spawn_app_with_clock(ten_oclock()).await;
    let url = server.url("/rss.xml");
    add_feed(&app, &url, "Ilir Barat I").await;
    let kemuning = app.member_of(8771, "Staf Kemuning", "KMN-KM").await;
    app.grant_staff(8771, "Kemuning").await;
    let ilir = app.member_of(8772, "Staf Ilir Barat", "IB1-BL").await;
    app.grant_staff(8772, "Ilir Barat I").await;

    let added_elsewhere = add_by_chat(&kemuning, &url, "Kecamatan Kemuning").await;
    let added_again = add_by_chat(&ilir, &url, "Kecamatan Ilir Barat I").await;

    assert!(added_elsewhere.contains("tersimpan"), "another area's feed must not show: {added_elsewhere}");
    assert!(added_again.contains("sudah terdaftar"), "{added_again}");
    let feeds = "SELECT COUNT(*) FROM feeds WHERE id > $1";
    assert_eq!(app.count(feeds, 0).await, 2);
}

/// `/sumber`, a URL, an area and "every 30 minutes"; returns the bot's last answer.
async fn add_by_chat(p: &fake_telegram::Person, url: &str, area: &str) -> String {
    p.send("/sumber").await;
    wait_text(p, "kirim alamat").await;
    p.send(url).await;
    wait_text(p, "wilayah mana").await;
    p.press(area).await;
    wait_text(p, "Seberapa sering").await;
    p.press("setiap 30 menit").await;
    loop {
        let m = p.next_message().await;
        if m.text.contains("tersimpan") || m.text.contains("sudah terdaftar") {
            return m.text;
        }
    }
}
