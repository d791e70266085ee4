//! The people side: every update the fake builds must decode with teloxide's
//! own types, and the reading helpers must behave.

use std::time::Duration;

use fake_telegram::FakeTelegram;
use teloxide::prelude::*;
use teloxide::types::{
    ChatMemberStatus, InlineKeyboardButton, InlineKeyboardMarkup, Update, UpdateKind,
};

/// Decodes every queued update with teloxide and fails on `UpdateKind::Error`.
fn decoded(fake: &FakeTelegram) -> Vec<Update> {
    fake.update_log()
        .into_iter()
        .map(|v| {
            let u: Update =
                serde_json::from_str(&v.to_string()).unwrap_or_else(|e| panic!("{e}: {v:#}"));
            assert!(
                !matches!(u.kind, UpdateKind::Error(_)),
                "teloxide could not decode {v:#}"
            );
            u
        })
        .collect()
}

fn message(u: &Update) -> &Message {
    match &u.kind {
        UpdateKind::Message(m) => m,
        other => panic!("not a message: {other:?}"),
    }
}

#[tokio::test]
async fn person_updates_decode_with_teloxide() {
    let fake = FakeTelegram::start().await;
    let ani = fake.user(1001, "Ani").with_username("ani_umkm");
    ani.send("/start KIM01").await;
    ani.share_contact("+6281234567890").await;
    ani.share_contact_of("+628999", "Budi", None).await;
    ani.send_photo_with_caption("Produk kami").await;
    ani.send_document("katalog.pdf").await;
    ani.send_location(-6.9, 107.6).await;
    ani.block_bot().await;

    let ups = decoded(&fake);
    let start = message(&ups[0]);
    assert_eq!(start.text(), Some("/start KIM01"));
    let ents = start.entities().unwrap();
    assert_eq!((ents[0].offset, ents[0].length), (0, 6));
    assert_eq!(
        start.from.as_ref().unwrap().username.as_deref(),
        Some("ani_umkm")
    );
    assert!(start.chat.is_private());
    let contact = message(&ups[1]).contact().unwrap();
    assert_eq!(contact.user_id, Some(UserId(1001)));
    assert_eq!(contact.phone_number, "+6281234567890");
    assert_eq!(message(&ups[2]).contact().unwrap().user_id, None);
    assert_eq!(message(&ups[3]).caption(), Some("Produk kami"));
    assert!(message(&ups[3]).photo().is_some());
    assert_eq!(
        message(&ups[4]).document().unwrap().file_name.as_deref(),
        Some("katalog.pdf")
    );
    assert!(message(&ups[5]).location().is_some());
    let UpdateKind::MyChatMember(m) = &ups[6].kind else {
        panic!("{:?}", ups[6])
    };
    assert_eq!(m.new_chat_member.status(), ChatMemberStatus::Banned);
    // Message ids increase per chat.
    let ids: Vec<i32> = ups[..6].iter().map(|u| message(u).id.0).collect();
    assert_eq!(ids, [1, 2, 3, 4, 5, 6]);
}

#[tokio::test]
async fn group_updates_decode_with_teloxide() {
    let fake = FakeTelegram::start().await;
    let ani = fake.user(1001, "Ani");
    let g = fake.group(-500, "KIM Bukit Lama");
    g.add_bot(&ani).await;
    ani.in_group(&g)
        .send("/hubungkan@kimbot_test_bot KIM01")
        .await;
    g.set_bot_status(&ani, "restricted").await;
    g.set_bot_status(&ani, "administrator").await;
    let sg = g.migrate_to_supergroup(-100500).await;
    sg.remove_bot(&ani).await;

    let ups = decoded(&fake);
    let UpdateKind::MyChatMember(added) = &ups[0].kind else {
        panic!()
    };
    assert_eq!(added.old_chat_member.status(), ChatMemberStatus::Left);
    assert_eq!(added.new_chat_member.status(), ChatMemberStatus::Member);
    assert_eq!(added.from.id, UserId(1001));
    assert!(added.chat.is_group());
    let cmd = message(&ups[1]);
    assert_eq!(
        cmd.entities().unwrap()[0].length,
        "/hubungkan@kimbot_test_bot".len()
    );
    assert_eq!(cmd.chat.title(), Some("KIM Bukit Lama"));
    let UpdateKind::MyChatMember(r) = &ups[2].kind else {
        panic!()
    };
    assert_eq!(r.new_chat_member.status(), ChatMemberStatus::Restricted);
    let UpdateKind::MyChatMember(a) = &ups[3].kind else {
        panic!()
    };
    assert_eq!(a.new_chat_member.status(), ChatMemberStatus::Administrator);
    assert_eq!(
        message(&ups[4]).migrate_to_chat_id(),
        Some(&ChatId(-100500))
    );
    let from = message(&ups[5]);
    assert_eq!(from.migrate_from_chat_id(), Some(&ChatId(-500)));
    assert!(from.chat.is_supergroup());
    let UpdateKind::MyChatMember(k) = &ups[6].kind else {
        panic!()
    };
    assert_eq!(k.new_chat_member.status(), ChatMemberStatus::Banned);
    assert!(k.chat.is_supergroup());
}

#[tokio::test]
async fn press_finds_newest_button_and_answers_are_attributed() {
    let fake = FakeTelegram::start().await;
    let ani = fake.user(1001, "Ani");
    let budi = fake.user(1002, "Budi");
    let bot = fake.bot();
    let kb = |d: &str| {
        InlineKeyboardMarkup::new([[
            InlineKeyboardButton::callback("Ya, setuju", format!("{d}:yes")),
            InlineKeyboardButton::callback("Ya", format!("{d}:y")),
        ]])
    };
    bot.send_message(ChatId(1001), "lama")
        .reply_markup(kb("old"))
        .await
        .unwrap();
    let newest = bot
        .send_message(ChatId(1001), "baru")
        .reply_markup(kb("new"))
        .await
        .unwrap();
    bot.send_message(ChatId(1001), "tanpa tombol")
        .await
        .unwrap();

    let cb = ani.press("Ya").await;
    let cb2 = ani.press("setuju").await;
    budi.press_data(77, "forged:data").await;
    let ups = decoded(&fake);
    let UpdateKind::CallbackQuery(q) = &ups[0].kind else {
        panic!()
    };
    assert_eq!(
        q.data.as_deref(),
        Some("new:y"),
        "exact match on the newest message with that button"
    );
    assert_eq!(q.regular_message().unwrap().id, newest.id);
    assert_eq!(q.from.id, UserId(1001));
    let UpdateKind::CallbackQuery(q2) = &ups[1].kind else {
        panic!()
    };
    assert_eq!(q2.data.as_deref(), Some("new:yes"));
    let UpdateKind::CallbackQuery(forged) = &ups[2].kind else {
        panic!()
    };
    assert!(
        forged.regular_message().is_none(),
        "unknown message -> inaccessible message"
    );

    bot.answer_callback_query(teloxide::types::CallbackQueryId(cb.clone()))
        .text("Tercatat")
        .await
        .unwrap();
    bot.answer_callback_query(teloxide::types::CallbackQueryId(cb2))
        .await
        .unwrap();
    assert!(
        bot.answer_callback_query(teloxide::types::CallbackQueryId(cb))
            .await
            .is_err(),
        "answer once"
    );
    let answers = ani.callback_answers();
    assert_eq!(answers.len(), 2);
    assert_eq!(answers[0].text.as_deref(), Some("Tercatat"));
    assert!(budi.callback_answers().is_empty());
}

#[tokio::test]
#[should_panic(expected = "no button \"Hapus\"")]
async fn press_panics_with_listing() {
    let fake = FakeTelegram::start().await;
    let ani = fake.user(1001, "Ani");
    ani.press("Hapus").await;
}

#[tokio::test]
#[should_panic(expected = "no new bot message in chat 1001")]
async fn next_message_times_out_with_dump() {
    let fake = FakeTelegram::start().await;
    let ani = fake.user(1001, "Ani");
    ani.next_message_within(Duration::from_millis(100)).await;
}

#[tokio::test]
async fn reading_helpers_track_what_was_read() {
    let fake = FakeTelegram::start().await;
    let ani = fake.user(1001, "Ani");
    let bot = fake.bot();
    ani.expect_no_message(Duration::from_millis(50)).await;
    bot.send_message(ChatId(1001), "satu").await.unwrap();
    bot.send_message(ChatId(1001), "dua").await.unwrap();
    assert_eq!(ani.last_message().unwrap().text, "dua");
    assert_eq!(ani.next_message().await.text, "satu");
    // Another handle for the same chat shares the read position.
    assert_eq!(fake.user(1001, "Ani").next_message().await.text, "dua");
    ani.expect_no_message(Duration::from_millis(50)).await;
    bot.send_message(ChatId(1001), "tiga").await.unwrap();
    ani.skip_unread();
    ani.expect_no_message(Duration::from_millis(50)).await;
    assert!(
        fake.wait_until(
            |st| st.chat_messages(1001).len() == 3,
            Duration::from_millis(100)
        )
        .await
    );
    assert!(
        !fake
            .wait_until(
                |st| st.chat_messages(1001).len() == 4,
                Duration::from_millis(50)
            )
            .await
    );
}
