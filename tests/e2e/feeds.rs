//! Programme feeds in: staff register a feed with `/sumber`, polls on a manual clock
//! turn new items into drafts for coordinators (once, across polls and restarts),
//! nothing reaches a group until a coordinator announces a draft through `/umumkan`,
//! and broken, huge, looping and unchanged feeds behave.

use std::time::Duration;

use crate::support::{MessageExt, spawn_app_with_clock};
use server::FeedServer;
use steps::*;

mod check;
mod manage;
mod server;
mod steps;

#[tokio::test]
async fn staff_add_a_feed_with_sumber_and_each_new_item_becomes_one_draft_for_the_coordinator() {
    let server = FeedServer::start().await;
    let clock = ten_oclock();
    let mut app = spawn_app_with_clock(clock.clone()).await;
    let koor = app.member_of(8701, "Koordinator", "IB1-BL").await;
    app.grant_coordinator(8701, "IB1-BL").await;
    let staf = app.member_of(8702, "Staf", "IB1-BL").await;
    app.grant_staff(8702, "Ilir Barat I").await;

    staf.send("/sumber").await;
    assert!(wait_text(&staf, "kirim alamat RSS").await.text.contains("Belum ada sumber"));
    staf.send("bukan alamat").await;
    wait_text(&staf, "belum bisa dipakai").await;
    staf.send(&server.url("/rss.xml")).await;
    let areas = wait_text(&staf, "wilayah mana").await;
    assert_eq!(areas.button_labels(), vec!["📍 Kecamatan Ilir Barat I"], "only the staff member's scope");
    staf.press("Kecamatan Ilir Barat I").await;
    let every = wait_text(&staf, "Seberapa sering").await;
    assert!(every.has_button("setiap 30 menit") && every.has_button("setiap jam"), "{:?}", every.button_labels());
    staf.press("setiap 30 menit").await;
    let saved = wait_text(&staf, "tersimpan").await;
    assert!(saved.text.contains("20/12/2026 10:30 WIB"), "{}", saved.text);
    let id = app.count("SELECT MAX(id) FROM feeds WHERE created_by = $1", 8702).await;

    poll_ok_at(&app, &clock, id, wib(10, 30)).await;
    let first = wait_text(&koor, "Berita program baru: Vaksinasi gratis di puskesmas").await;
    let second = wait_text(&koor, "Berita program baru: Pelatihan QRIS untuk UMKM").await;
    poll_ok_at(&app, &clock, id, wib(11, 0)).await;
    app.restart().await;
    poll_ok_at(&app, &clock, id, wib(11, 30)).await;
    koor.expect_no_message(Duration::from_millis(1500)).await;

    for draft in [&first, &second] {
        assert_eq!(draft.button_labels(), vec!["👀 Pratinjau", "📢 Umumkan", "🙈 Abaikan"]);
        assert!(draft.text.contains("KIM Bukit Lama"), "{}", draft.text);
    }
    assert_eq!(drafts_in(&koor).len(), 2);
    assert_eq!(app.count("SELECT COUNT(*) FROM feed_items WHERE feed_id = $1", id).await, 2);
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'feed.add' AND actor = $1", 8702).await, 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM feed_drafts WHERE status = 'new' AND kim_id > $1", 0).await, 2);
    staf.send("/sumber").await;
    let list = wait_text(&staf, "lancar").await;
    assert!(list.text.contains(&server.url("/rss.xml")) && list.has_button("Hapus #1"), "{}", list.text);
}

#[tokio::test]
async fn nothing_reaches_a_group_until_the_coordinator_announces_the_draft_and_confirms() {
    let server = FeedServer::start().await;
    let clock = ten_oclock();
    let app = spawn_app_with_clock(clock.clone()).await;
    let koor = app.member_of(8711, "Koordinator", "IB1-BL").await;
    app.grant_coordinator(8711, "IB1-BL").await;
    let group = app.fake.group(-8711, "RT 01 Bukit Lama");
    group.add_bot(&koor).await;
    group.next_message().await;
    group.set_member_status(&koor, "administrator");
    koor.in_group(&group).send("/hubungkan IB1-BL").await;
    assert!(group.next_message().await.text.contains("terhubung"));
    let id = add_feed(&app, &server.url("/atom.xml"), "Ilir Barat I").await;

    poll_ok_at(&app, &clock, id, wib(10, 30)).await;
    let draft = wait_text(&koor, "Berita program baru: Posyandu serentak Sabtu pagi").await;
    press_on(&koor, &draft, "Pratinjau").await;
    let preview = wait_text(&koor, "Bawa buku KIA").await;
    group.expect_no_message(Duration::from_millis(500)).await;
    press_on(&koor, &draft, "Umumkan").await;
    let menu = wait_text(&koor, "Kirim ke mana?").await;
    koor.press("Semua grup KIM Bukit Lama").await;
    wait_text(&koor, "Kapan dikirim?").await;
    group.expect_no_message(Duration::from_millis(500)).await;
    koor.press("Kirim sekarang").await;
    let sent = group.next_message().await;
    press_on(&koor, &draft, "Umumkan").await;
    let again = wait_text(&koor, "sudah dibuka").await;

    let expected = "Posyandu serentak Sabtu pagi\n\nBawa buku KIA. Gratis.\n\nhttps://dinkes.example.go.id/posyandu";
    assert_eq!(preview.text, expected);
    assert!(menu.has_button("Semua grup KIM Bukit Lama"), "{:?}", menu.button_labels());
    assert_eq!(sent.text, expected);
    assert!(!again.text.contains("Kirim ke mana"), "{}", again.text);
    group.expect_no_message(Duration::from_millis(500)).await;
}

#[tokio::test]
async fn abaikan_dismisses_the_draft_and_later_presses_get_a_friendly_answer() {
    let server = FeedServer::start().await;
    let clock = ten_oclock();
    let app = spawn_app_with_clock(clock.clone()).await;
    let koor = app.member_of(8721, "Koordinator", "IB1-BL").await;
    app.grant_coordinator(8721, "IB1-BL").await;
    let id = add_feed(&app, &server.url("/atom.xml"), "Ilir Barat I").await;
    poll_ok_at(&app, &clock, id, wib(10, 30)).await;
    let draft = wait_text(&koor, "Berita program baru").await;

    press_on(&koor, &draft, "Abaikan").await;
    let dismissed = wait_text(&koor, "diabaikan untuk KIM ini").await;
    press_on(&koor, &draft, "Abaikan").await;
    wait_text(&koor, "sudah diabaikan").await;
    press_on(&koor, &draft, "Umumkan").await;
    wait_text(&koor, "sudah diabaikan").await;

    assert!(dismissed.buttons.is_empty(), "{:?}", dismissed.button_labels());
    assert_eq!(app.count("SELECT COUNT(*) FROM feed_drafts WHERE status = 'dismissed' AND acted_by = $1", 8721).await, 1);
    let state = app.count("SELECT COUNT(*) FROM dialogues WHERE chat_id = $1 AND state LIKE '%Announce%'", 8721).await;
    assert_eq!(state, 0, "no announcement was opened");
}

#[tokio::test]
async fn broken_huge_and_looping_feeds_fail_and_staff_hear_once_after_three_in_a_row() {
    let server = FeedServer::start().await;
    let clock = ten_oclock();
    let app = spawn_app_with_clock(clock.clone()).await;
    let staf = app.member_of(8731, "Staf", "IB1-BL").await;
    app.grant_staff(8731, "Ilir Barat I").await;
    let feeds = [
        (add_feed(&app, &server.url("/broken.xml"), "Ilir Barat I").await, "not a valid RSS or Atom feed", "bukan RSS"),
        (add_feed(&app, &server.url("/huge.xml"), "Ilir Barat I").await, "larger than 2097152 bytes", "lebih dari 2 MB"),
        (add_feed(&app, &server.url("/loop-a"), "Ilir Barat I").await, "redirect loop", "berputar-putar"),
    ];

    for (n, minute) in [(1, 30), (2, 60), (3, 90), (4, 120)] {
        // A notice still `sending` when the clock jumps 30 minutes would look
        // abandoned (lease) and be sent again: let the outbox drain first.
        crate::delivery::wait_until_drained(&app, Duration::from_secs(10)).await;
        clock.set(wib(10, 0) + minute * 60);
        for (id, ..) in &feeds {
            wait_value(&app, "SELECT failures FROM feeds WHERE id = $1", *id, n).await;
        }
    }
    for _ in &feeds {
        wait_text(&staf, "gagal dibaca 3 kali").await;
    }
    staf.expect_no_message(Duration::from_millis(1000)).await;

    let notices: Vec<_> = staf.messages().into_iter().filter(|m| m.text.contains("gagal dibaca 3 kali")).collect();
    assert_eq!(notices.len(), 3, "one notice per feed: {:#?}", notices.iter().map(|m| &m.text).collect::<Vec<_>>());
    let queued = "SELECT COUNT(*) FROM outbox WHERE source LIKE 'feed-health:%' AND chat_id = $1";
    assert_eq!(app.count(queued, 8731).await, 3);
    for (id, reason, told) in &feeds {
        assert_eq!(app.count("SELECT healthy FROM feeds WHERE id = $1", *id).await, 0);
        let error: String = sqlx::query_scalar("SELECT last_error FROM feeds WHERE id = $1")
            .bind(*id)
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
        assert!(error.contains(reason), "feed {id}: {error}");
        let notice = notices.iter().find(|m| m.text.contains(&format!("#{id} "))).expect("a notice per feed");
        assert!(notice.text.contains(told) && !notice.text.contains(reason), "{}", notice.text);
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM feed_items WHERE feed_id > $1", 0).await, 0);
}

#[tokio::test]
async fn an_unchanged_feed_answers_304_to_the_stored_etag_and_nothing_is_drafted_twice() {
    let server = FeedServer::start().await;
    let clock = ten_oclock();
    let app = spawn_app_with_clock(clock.clone()).await;
    let koor = app.member_of(8741, "Koordinator", "IB1-BL").await;
    app.grant_coordinator(8741, "IB1-BL").await;
    let id = add_feed(&app, &server.url("/etag.xml"), "Ilir Barat I").await;

    poll_ok_at(&app, &clock, id, wib(10, 30)).await;
    wait_text(&koor, "Pelatihan QRIS").await;
    poll_ok_at(&app, &clock, id, wib(11, 0)).await;
    koor.expect_no_message(Duration::from_millis(1000)).await;

    assert_eq!(server.etag_requests(), 2);
    assert_eq!(server.if_none_match_seen(), vec![server::ETAG.to_string()]);
    assert_eq!(drafts_in(&koor).len(), 2);
    assert_eq!(app.count("SELECT failures FROM feeds WHERE id = $1", id).await, 0);
}

#[tokio::test]
async fn residents_and_coordinators_trying_sumber_are_refused_politely() {
    let clock = ten_oclock();
    let app = spawn_app_with_clock(clock).await;
    let warga = app.member_of(8751, "Warga", "IB1-BL").await;
    let koor = app.member_of(8752, "Koordinator", "IB1-BL").await;
    app.grant_coordinator(8752, "IB1-BL").await;

    warga.send("/sumber").await;
    let refused = warga.next_message().await;
    koor.send("/sumber").await;
    let refused_too = koor.next_message().await;

    for m in [&refused, &refused_too] {
        assert!(m.text.contains("hanya untuk staf Diskominfo"), "{}", m.text);
        assert!(m.buttons.is_empty());
    }
    let feed_dialogues = "SELECT COUNT(*) FROM dialogues WHERE chat_id = $1 AND state LIKE '%Feed%'";
    assert_eq!(app.count(feed_dialogues, 8751).await, 0);
}

#[tokio::test]
async fn a_feed_on_a_private_address_is_not_fetched_and_staff_see_why() {
    let server = FeedServer::start().await;
    let clock = ten_oclock();
    let mut app = spawn_app_with_clock(clock.clone()).await;
    app.stop().await;
    app.env.push(("KIMBOT_OUTBOUND_ALLOW_PRIVATE".into(), "0".into()));
    app.start().await;
    let by_ip = add_feed(&app, &server.url("/counted.xml"), "Ilir Barat I").await;
    let by_name = add_feed(&app, &server.url("/counted.xml").replace("127.0.0.1", "localhost"), "Ilir Barat I").await;

    clock.set(wib(10, 30));
    for id in [by_ip, by_name] {
        wait_value(&app, "SELECT failures FROM feeds WHERE id = $1", id, 1).await;
    }

    assert_eq!(server.counted_requests(), 0, "nothing was requested");
    for id in [by_ip, by_name] {
        let kind: String = sqlx::query_scalar("SELECT last_error_kind FROM feeds WHERE id = $1")
            .bind(id)
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
        assert_eq!(kind, "blocked", "feed {id}");
    }
    let staf = app.member_of(8791, "Staf", "IB1-BL").await;
    app.grant_staff(8791, "Ilir Barat I").await;
    staf.send("/sumber").await;
    let list = wait_text(&staf, "jaringan internal").await;
    assert!(list.text.contains(&format!("#{by_ip}")), "{}", list.text);
}
