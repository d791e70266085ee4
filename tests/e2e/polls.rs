//! Polls end to end: a coordinator asks the groups of their KIM and the residents
//! who get news; answers from many people in many chats become one tally (a person
//! once, their latest answer); the poll closes on time with stopPoll everywhere and
//! the author gets the result with a chart. Scope, stale and forged presses, roles.

use std::time::Duration;
use kimbot::kernel::members::UserId;

use fake_telegram::{BotMessage, MsgKind, Person};

mod again;
mod ends;
mod lists;

use crate::announcements::steps::{answer_to, coordinator_with_groups, sunday_morning, wait_text};
use crate::support::{MessageExt, TestApp, spawn_app_with_clock};

pub(super) const QUESTION: &str = "Kapan kerja bakti bersih selokan sebaiknya diadakan?";

/// `/jajak` → new poll → question, two options, one answer, closing in an hour, all
/// groups of the KIM; `residents` adds the news subscribers. Returns the review.
async fn compose(koor: &Person, residents: bool) -> BotMessage {
    koor.send("/jajak").await;
    wait_button(koor, "Jajak baru").await;
    koor.press("Jajak baru").await;
    wait_text(koor, "Tulis pertanyaan").await;
    koor.send(QUESTION).await;
    wait_text(koor, "pilihan jawaban ke-1").await;
    koor.send("Sabtu pagi").await;
    let one = wait_text(koor, "Pilihan sejauh ini").await;
    assert!(!one.text.contains("Selesai") && !one.has_button("Selesai"), "one option cannot be finished yet: {}", one.text);
    koor.send("Minggu pagi").await;
    let two = wait_button(koor, "Selesai").await;
    assert!(two.text.contains("atau tekan Selesai"), "{}", two.text);
    koor.press("Selesai").await;
    wait_text(koor, "berapa jawaban").await;
    koor.press("Satu jawaban saja").await;
    wait_text(koor, "Kapan jajak ditutup").await;
    koor.press("1 jam lagi").await;
    wait_text(koor, "Kirim jajak ke mana").await;
    koor.press("Semua grup").await;
    let review = wait_text(koor, "Periksa jajak").await;
    assert!(review.text.contains("Akan dikirim ke"), "the review speaks of what is to come: {}", review.text);
    if !residents {
        return review;
    }
    koor.press("Juga ke warga").await;
    wait_button(koor, "Tanpa chat pribadi").await
}

/// A two-option poll row written straight to the database (`id`, `status`), closing in
/// 2096 so the app's own closing job leaves it to the test.
pub(super) async fn seed_poll(app: &TestApp, id: i64, status: &str) {
    sqlx::query(
        "INSERT INTO polls (id, author_id, question, options, multiple, target, target_label, area_path, private_chats, \
         status, created_at, closes_at) VALUES ($1, 1, 'Q', '[\"a\",\"b\"]', 0, '{\"Kim\":1}', 'x', 'p', 0, $2, 0, 4000000000)",
    )
    .bind(id)
    .bind(status)
    .execute(&app.db.pool)
    .await
    .unwrap();
}

async fn wait_button(p: &Person, label: &str) -> BotMessage {
    loop {
        let m = p.next_message().await;
        if m.has_button(label) {
            return m;
        }
    }
}

/// Presses "Lihat hasil"/"Perbarui" until the result shows `needle` (bounded).
async fn results_until(koor: &Person, needle: &str) -> String {
    for _ in 0..60 {
        let label = if koor.messages().iter().any(|m| m.has_button("Perbarui")) { "Perbarui" } else { "Lihat hasil" };
        let cb = koor.press(label).await;
        answer_to(koor, &cb).await;
        koor.skip_unread();
        let shown = koor.messages().into_iter().rev().find(|m| m.text.starts_with("📊 Jajak #") && !m.deleted); // not the final result
        if let Some(text) = shown.map(|m| m.text).filter(|t| t.contains(needle)) {
            return text;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("results never showed {needle:?}: {:?}", koor.messages().last().map(|m| m.text.clone()));
}

async fn news_subscriber(app: &TestApp, id: i64, name: &str, kim: &str) -> Person {
    let p = app.member_of(id, name, kim).await;
    kimbot::features::privacy::news::grant(&app.db, UserId(id), 0).await.unwrap();
    p
}

#[tokio::test]
async fn a_poll_to_three_groups_and_private_chats_counts_each_person_once_and_closes_on_time_everywhere() {
    let clock = sunday_morning();
    let app = spawn_app_with_clock(clock.clone()).await;
    let groups = [(-9101, "Bukit Lama RT 1"), (-9102, "Bukit Lama RT 2"), (-9103, "Bukit Lama RT 3")];
    let (koor, _) = coordinator_with_groups(&app, 9100, "IB1-BL", &groups).await;
    let dewi = news_subscriber(&app, 9111, "Dewi", "IB1-BL").await;
    news_subscriber(&app, 9112, "Eko", "IB1-BL").await;
    app.member_of(9113, "Fajar", "IB1-BL").await; // no news consent: no private copy

    let review = compose(&koor, true).await;
    assert!(review.text.contains("3 grup dan 2 warga"), "{}", review.text);
    koor.press("Kirim jajak").await;
    wait_text(&koor, "sedang dikirim ke 3 grup dan 2 warga").await;
    assert!(app.fake.wait_until(|st| st.polls.len() == 5, Duration::from_secs(10)).await, "{:?}", app.fake.polls());
    let polls = app.fake.polls();
    assert!(polls.iter().all(|p| !p.anonymous && !p.multiple && p.question == QUESTION && p.options == ["Sabtu pagi", "Minggu pagi"]));
    let mut chats: Vec<i64> = polls.iter().map(|p| p.chat_id).collect();
    chats.sort();
    assert_eq!(chats, [-9103, -9102, -9101, 9111, 9112]);

    // Ani answers in two groups: her later answer counts, once.
    for (user, chat, choice) in [(9201, -9101, 0), (9201, -9102, 1), (9202, -9101, 0), (9202, -9101, 1), (9203, -9103, 0)] {
        app.fake.user(user, "Warga");
        assert!(app.fake.answer_poll(user, chat, &[choice]));
    }
    assert!(app.fake.answer_poll(9203, -9103, &[]), "Citra takes her answer back");
    assert!(app.fake.answer_poll(dewi.id(), 9111, &[0]));
    for user in 9210..9216 {
        app.fake.user(user, "Warga");
        assert!(app.fake.answer_poll(user, [-9101, -9102, -9103][(user % 3) as usize], &[0]));
    }
    // Answers are handled in no order: wait for the settled split, not just the head count.
    let live = results_until(&koor, "7 (78%)").await;
    assert!(live.contains("9 orang menjawab") && live.contains("2 (22%)"), "{live}");

    // Dewi erases her data: her answer stays counted, linked to nobody.
    kimbot::features::privacy::erase::erase(app.ctx.as_ref().unwrap(), UserId(dewi.id())).await.unwrap();
    assert_eq!(app.count("SELECT COUNT(*) FROM poll_votes WHERE voter = $1 OR chat_id = $1", dewi.id()).await, 0);
    results_until(&koor, "9 orang menjawab").await;

    clock.advance(3601);
    // Every chat but Dewi's: erasure removed what linked the bot to her chat.
    let stopped = |st: &fake_telegram::State| st.polls.iter().filter(|p| p.closed).map(|p| p.chat_id).collect::<Vec<_>>();
    assert!(app.fake.wait_until(|st| stopped(st).len() == 4, Duration::from_secs(10)).await, "{:?}", app.fake.polls());
    let mut closed = app.fake.with_state(stopped);
    closed.sort();
    assert_eq!(closed, [-9103, -9102, -9101, 9112]);
    assert_eq!(app.fake.calls_to("stopPoll").len(), 4);
    let result = wait_text(&koor, "sudah ditutup. Hasil akhir").await.text;
    assert!(result.contains("9 orang menjawab") && result.contains("• Ilir Barat I: 9 orang"), "{result}");
    assert!(!["Warga", "Dewi", "Ani"].iter().any(|name| result.contains(name)), "counts only: {result}");
    let chart = koor.next_message().await;
    assert_eq!(chart.kind, MsgKind::Photo, "{chart:?}");
    assert!(chart.text.contains("Grafik hasil jajak"), "{}", chart.text);
    assert!(app.fake.answer_poll(9220, -9101, &[1]) == false, "a closed poll takes no answers");
    assert_eq!(app.count("SELECT COUNT(*) FROM audit_log WHERE action IN ('poll.create', 'poll.close') AND id > $1", 0).await, 2);
}

#[tokio::test]
async fn residents_cannot_use_jajak_and_another_kims_coordinator_sees_nothing() {
    let app = spawn_app_with_clock(sunday_morning()).await;
    let (koor, _) = coordinator_with_groups(&app, 9300, "IB1-BL", &[(-9301, "Bukit Lama RT 1")]).await;
    let (other, _) = coordinator_with_groups(&app, 9310, "IB1-LP", &[(-9311, "Lorok Pakjo RT 1")]).await;
    let warga = app.member_of(9320, "Warga", "IB1-BL").await;

    warga.send("/jajak").await;
    wait_text(&warga, "hanya untuk koordinator").await;

    // A forged target (another KIM's id) during the target step changes nothing.
    let review = compose(&koor, false).await;
    assert!(review.text.contains("1 grup dan 0 warga"), "{}", review.text);
    let other_kim = app.count("SELECT id FROM kims WHERE code = 'IB1-LP' AND id > $1", 0).await;
    koor.press("Kirim jajak").await;
    wait_text(&koor, "sedang dikirim").await;
    let id = app.count("SELECT MAX(id) FROM polls WHERE author_id = $1", 9300).await;

    // Stale: the review's "send" again, and a target button of a finished dialogue.
    let sent_msg = koor.messages().last().unwrap().message_id;
    koor.press_data(sent_msg, "jj:go").await;
    koor.press_data(sent_msg, &format!("jj:tk:{other_kim}")).await;
    // Another KIM's coordinator and a resident: the poll reads as missing.
    other.send("/jajak").await;
    let list = wait_text(&other, "belum pernah membuat").await;
    for (person, msg) in [(&other, list.message_id), (&warga, warga.messages().last().unwrap().message_id)] {
        for data in [format!("jj:s:{id}"), format!("jj:x:{id}"), format!("jj:ry:{id}")] {
            person.press_data(msg, &data).await;
        }
    }
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(app.count("SELECT COUNT(*) FROM polls WHERE author_id = $1", 9300).await, 1, "no second poll");
    assert_eq!(app.count("SELECT COUNT(*) FROM polls WHERE status = 'open' AND id = $1", id).await, 1, "still open");
    for person in [&koor, &other, &warga] {
        let answers = person.callback_answers();
        assert!(answers.len() >= 2, "{answers:?}");
        for a in answers.iter().rev().take(2) {
            assert_eq!(a.text.as_deref(), Some("Tombol ini sudah tidak berlaku."), "{a:?}");
        }
    }
    assert!(!other.messages().iter().any(|m| m.text.contains(QUESTION)), "another KIM sees nothing");
    assert!(!warga.messages().iter().any(|m| m.text.contains("📊 Jajak")));
}

#[tokio::test]
async fn closing_early_stops_every_copy_and_recalling_deletes_them_and_channels_get_an_anonymous_poll() {
    let app = spawn_app_with_clock(sunday_morning()).await;
    let groups = [(-9401, "Bukit Lama RT 1"), (-9402, "Bukit Lama Kanal")];
    let (koor, _) = coordinator_with_groups(&app, 9400, "IB1-BL", &groups).await;
    app.fake.refuse_named_polls(-9402);

    compose(&koor, false).await;
    koor.press("Kirim jajak").await;
    wait_text(&koor, "sedang dikirim ke 2 grup").await;
    assert!(app.fake.wait_until(|st| st.polls.len() == 2, Duration::from_secs(10)).await);
    let channel = app.fake.polls().into_iter().find(|p| p.chat_id == -9402).unwrap();
    assert!(channel.anonymous, "the channel refused a named poll and got an anonymous one");
    for user in 9410..9413 {
        app.fake.user(user, "Warga");
        assert!(app.fake.answer_poll(user, -9402, &[1]));
    }
    app.fake.user(9413, "Warga");
    assert!(app.fake.answer_poll(9413, -9401, &[0]));
    let live = results_until(&koor, "4 orang menjawab").await;
    assert!(live.contains("3 (75%)"), "anonymous totals count: {live}");

    koor.press("Tutup sekarang").await;
    wait_text(&koor, "sudah ditutup. Hasil akhir").await;
    assert!(app.fake.wait_until(|st| st.polls.iter().all(|p| p.closed), Duration::from_secs(10)).await);
    assert_eq!(app.fake.calls_to("stopPoll").len(), 2);

    let cb = koor.press("Perbarui").await;
    answer_to(&koor, &cb).await;
    koor.press("Tarik").await;
    wait_button(&koor, "Ya, tarik").await;
    koor.press("Ya, tarik").await;
    wait_text(&koor, "ditarik").await;
    assert!(app.fake.wait_until(|st| st.calls_to("deleteMessage").len() == 2, Duration::from_secs(10)).await);
    assert_eq!(app.fake.calls_to("stopPoll").len(), 2, "a closed poll is not stopped twice");
    let audit = app.count("SELECT COUNT(*) FROM audit_log WHERE action IN ('poll.close', 'poll.recall') AND id > $1", 0).await;
    assert_eq!(audit, 2);
}

#[tokio::test]
async fn a_poll_is_claimed_for_closing_by_exactly_one_of_many_concurrent_closers() {
    // Not due for the app's own closing job (it would win the race): the claim does not look at the time.
    let app = spawn_app_with_clock(sunday_morning()).await;
    seed_poll(&app, 77, "open").await;
    let claims = (0..8).map(|_| kimbot::features::polls::store::claim_status(&app.db, 77, "closed", 20));
    let won = futures_util::future::join_all(claims).await.into_iter().filter(|r| *r.as_ref().unwrap()).count();
    assert_eq!(won, 1);
    assert!(!kimbot::features::polls::store::claim_status(&app.db, 77, "closed", 30).await.unwrap(), "closed stays closed");
    assert!(kimbot::features::polls::store::claim_status(&app.db, 77, "recalled", 30).await.unwrap(), "a closed poll can still be recalled");
}
