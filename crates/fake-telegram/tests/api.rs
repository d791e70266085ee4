//! The real teloxide client against the fake: methods, errors, files, limits.

use std::time::Duration;

use fake_telegram::{BOT_USERNAME, FailRule, Failure, FakeTelegram, MsgKind};
use teloxide::RequestError;
use teloxide::prelude::*;
use teloxide::types::{
    BotCommand, BotCommandScope, ChatId, InlineKeyboardButton, InlineKeyboardMarkup, InputFile,
    KeyboardButton, KeyboardMarkup, MessageId, Recipient, UpdateKind, UserId,
};

fn keyboard() -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new([
        vec![
            InlineKeyboardButton::callback("Setuju", "agree"),
            InlineKeyboardButton::callback("Tolak", "reject"),
        ],
        vec![InlineKeyboardButton::url(
            "Situs",
            "https://example.org/".parse().unwrap(),
        )],
    ])
}

/// The Telegram description behind an API error (`Unknown` keeps it verbatim).
fn api_text(err: &RequestError) -> String {
    match err {
        RequestError::Api(teloxide::ApiError::Unknown(s)) => s.clone(),
        RequestError::Api(e) => e.to_string(),
        other => panic!("not an API error: {other:?}"),
    }
}

#[tokio::test]
async fn get_me() {
    let fake = FakeTelegram::start().await;
    let me = fake.bot().get_me().await.unwrap();
    assert_eq!(me.username(), BOT_USERNAME);
    assert!(me.user.is_bot);
    assert_eq!(fake.calls_to("GETME").len(), 1);
}

#[tokio::test]
async fn send_message_with_inline_keyboard_round_trips() {
    let fake = FakeTelegram::start().await;
    let ani = fake.user(1001, "Ani");
    let bot = fake.bot();
    let sent = bot
        .send_message(ChatId(1001), "Halo <b>Ani</b>")
        .reply_markup(keyboard())
        .await
        .unwrap();
    assert_eq!(sent.text(), Some("Halo <b>Ani</b>"));
    assert_eq!(sent.chat.id, ChatId(1001));
    assert_eq!(sent.reply_markup(), Some(&keyboard()));
    assert_eq!(sent.from.as_ref().map(|u| u.is_bot), Some(true));

    let m = ani.next_message().await;
    assert_eq!(m.message_id, sent.id.0);
    assert_eq!(m.kind, MsgKind::Text);
    assert_eq!(m.button_texts(), ["Setuju", "Tolak", "Situs"]);
    assert_eq!(m.buttons[0][0].callback_data.as_deref(), Some("agree"));
    assert_eq!(m.buttons[1][0].url.as_deref(), Some("https://example.org/"));
    // Message ids increase per chat.
    let second = bot.send_message(ChatId(1001), "lagi").await.unwrap();
    assert_eq!(second.id.0, sent.id.0 + 1);
}

#[tokio::test]
async fn reply_keyboard_is_recorded_but_not_echoed() {
    let fake = FakeTelegram::start().await;
    let ani = fake.user(1001, "Ani");
    let kb = KeyboardMarkup::new([[
        KeyboardButton::new("Bagikan nomor").request(teloxide::types::ButtonRequest::Contact)
    ]]);
    let sent = fake
        .bot()
        .send_message(ChatId(1001), "Nomor?")
        .reply_markup(kb)
        .await
        .unwrap();
    assert!(sent.reply_markup().is_none());
    let m = ani.next_message().await;
    assert_eq!(
        m.reply_keyboard,
        Some(vec![vec!["Bagikan nomor".to_owned()]])
    );
}

#[tokio::test]
async fn get_updates_has_telegram_offset_semantics() {
    let fake = FakeTelegram::start().await;
    let ani = fake.user(1001, "Ani");
    let bot = fake.bot();
    ani.send("/start KIM01").await;
    ani.send("kedua").await;

    let ups = bot.get_updates().timeout(0).await.unwrap();
    assert_eq!(ups.len(), 2);
    let UpdateKind::Message(first) = &ups[0].kind else {
        panic!("{:?}", ups[0])
    };
    assert_eq!(first.text(), Some("/start KIM01"));
    assert_eq!(first.from.as_ref().unwrap().id.0, 1001);

    // Unconfirmed: returned again.
    let again = bot.get_updates().timeout(0).await.unwrap();
    assert_eq!(again.len(), 2);
    // Confirm the first only.
    let rest = bot
        .get_updates()
        .offset(ups[0].id.as_offset())
        .timeout(0)
        .await
        .unwrap();
    assert_eq!(rest.len(), 1);
    assert_eq!(rest[0].id, ups[1].id);
    // Confirm all: nothing left.
    let none = bot
        .get_updates()
        .offset(ups[1].id.as_offset())
        .timeout(0)
        .await
        .unwrap();
    assert!(none.is_empty());

    // A duplicate of an old update is delivered exactly once.
    fake.push_raw_update(ups[0].clone());
    let dup = bot
        .get_updates()
        .offset(ups[1].id.as_offset())
        .timeout(0)
        .await
        .unwrap();
    assert_eq!(dup.len(), 1);
    assert_eq!(dup[0].id, ups[0].id);
    let none = bot
        .get_updates()
        .offset(ups[1].id.as_offset())
        .timeout(0)
        .await
        .unwrap();
    assert!(none.is_empty());
}

#[tokio::test]
async fn get_updates_long_polls_until_an_update_arrives() {
    let fake = FakeTelegram::start().await;
    let ani = fake.user(1001, "Ani");
    let bot = fake.bot();
    let poll = tokio::spawn(async move { bot.get_updates().timeout(5).await.unwrap() });
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(!poll.is_finished());
    ani.send("halo").await;
    let ups = tokio::time::timeout(Duration::from_secs(3), poll)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(ups.len(), 1);
}

#[tokio::test]
async fn injected_errors_map_to_teloxide_errors() {
    let fake = FakeTelegram::start().await;
    fake.user(1001, "Ani");
    let bot = fake.bot();
    fake.fail_next(FailRule::method(
        "sendMessage",
        Failure::TooManyRequests { retry_after: 7 },
    ));
    let err = bot.send_message(ChatId(1001), "x").await.unwrap_err();
    assert!(
        matches!(err, RequestError::RetryAfter(s) if s.seconds() == 7),
        "{err:?}"
    );

    fake.fail_next(FailRule::any(Failure::Migrated { to: -1009 }).for_chat(1001));
    let err = bot.send_message(ChatId(1001), "x").await.unwrap_err();
    assert!(
        matches!(err, RequestError::MigrateToChatId(ChatId(-1009))),
        "{err:?}"
    );

    fake.fail_next(FailRule::method(
        "sendmessage",
        Failure::Forbidden("Forbidden: bot was kicked from the group chat".into()),
    ));
    let err = bot.send_message(ChatId(1001), "x").await.unwrap_err();
    // teloxide 0.17 knows this text under an outdated wording, so it is `Unknown`.
    assert_eq!(
        api_text(&err),
        "Forbidden: bot was kicked from the group chat"
    );

    fake.fail_next(
        FailRule::method("sendmessage", Failure::BadRequest("chat not found".into())).times(2),
    );
    assert!(bot.send_message(ChatId(1001), "x").await.is_err());
    assert!(bot.send_message(ChatId(1001), "x").await.is_err());
    // Rules are used up; failed sends stored nothing.
    assert_eq!(fake.messages(1001).len(), 0);
    bot.send_message(ChatId(1001), "ok").await.unwrap();
    assert_eq!(fake.messages(1001).len(), 1);
    let stats = fake.stats();
    assert_eq!(
        (
            stats.sends_ok,
            stats.too_many_requests,
            stats.injected_failures
        ),
        (1, 1, 5)
    );
    assert_eq!(fake.calls_to("sendMessage").len(), 6);
}

#[tokio::test]
async fn slow_failure_delays_but_succeeds() {
    let fake = FakeTelegram::start().await;
    fake.user(1001, "Ani");
    fake.fail_next(FailRule::method(
        "sendMessage",
        Failure::Slow(Duration::from_millis(300)),
    ));
    let t = std::time::Instant::now();
    fake.bot()
        .send_message(ChatId(1001), "pelan")
        .await
        .unwrap();
    assert!(t.elapsed() >= Duration::from_millis(300));
}

#[tokio::test]
async fn realistic_chat_errors() {
    let fake = FakeTelegram::start().await;
    let ani = fake.user(1001, "Ani");
    let bot = fake.bot();
    let err = bot.send_message(ChatId(424242), "x").await.unwrap_err();
    assert!(err.to_string().contains("chat not found"), "{err}");

    let g = fake.group(-500, "KIM");
    g.add_bot(&ani).await;
    bot.send_message(ChatId(g.id()), "halo grup").await.unwrap();
    let sg = g.migrate_to_supergroup(-100500).await;
    let err = bot.send_message(ChatId(-500), "x").await.unwrap_err();
    assert!(
        matches!(err, RequestError::MigrateToChatId(ChatId(-100500))),
        "{err:?}"
    );
    bot.send_message(ChatId(sg.id()), "halo supergrup")
        .await
        .unwrap();
    sg.remove_bot(&ani).await;
    let err = bot.send_message(ChatId(sg.id()), "x").await.unwrap_err();
    assert!(
        matches!(
            err,
            RequestError::Api(teloxide::ApiError::BotKickedFromSupergroup)
        ),
        "{err:?}"
    );
    assert_eq!(
        api_text(&err),
        "Forbidden: bot was kicked from the supergroup chat"
    );

    ani.block_bot().await;
    let err = bot.send_message(ChatId(1001), "x").await.unwrap_err();
    assert!(
        matches!(err, RequestError::Api(teloxide::ApiError::BotBlocked)),
        "{err:?}"
    );
}

#[tokio::test]
async fn edit_and_delete_change_the_stored_message() {
    let fake = FakeTelegram::start().await;
    let ani = fake.user(1001, "Ani");
    let bot = fake.bot();
    let sent = bot
        .send_message(ChatId(1001), "Versi 1")
        .reply_markup(keyboard())
        .await
        .unwrap();
    ani.next_message().await;

    let edited = bot
        .edit_message_text(ChatId(1001), sent.id, "Versi 2")
        .await
        .unwrap();
    assert_eq!(edited.text(), Some("Versi 2"));
    assert!(edited.edit_date().is_some());
    let m = ani.next_message().await;
    assert!(m.edited);
    assert_eq!(m.text, "Versi 2");
    assert!(
        m.buttons.is_empty(),
        "editing without reply_markup drops the keyboard, as on Telegram"
    );

    bot.edit_message_reply_markup(ChatId(1001), sent.id)
        .reply_markup(keyboard())
        .await
        .unwrap();
    assert_eq!(ani.next_message().await.button_texts().len(), 3);

    let err = bot
        .edit_message_reply_markup(ChatId(1001), sent.id)
        .reply_markup(keyboard())
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            RequestError::Api(teloxide::ApiError::MessageNotModified)
        ),
        "{err:?}"
    );

    bot.delete_message(ChatId(1001), sent.id).await.unwrap();
    assert!(fake.messages(1001)[0].deleted);
    assert!(ani.last_message().is_none());
    let err = bot.delete_message(ChatId(1001), sent.id).await.unwrap_err();
    assert!(
        matches!(
            err,
            RequestError::Api(teloxide::ApiError::MessageToDeleteNotFound)
        ),
        "{err:?}"
    );
    let err = bot
        .edit_message_text(ChatId(1001), MessageId(999), "x")
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            RequestError::Api(teloxide::ApiError::MessageToEditNotFound)
        ),
        "{err:?}"
    );
}

#[tokio::test]
async fn send_photo_multipart_is_recorded() {
    let fake = FakeTelegram::start().await;
    let ani = fake.user(1001, "Ani");
    let bot = fake.bot();
    let file = InputFile::memory(vec![7u8; 2048]).file_name("poster.jpg");
    let sent = bot
        .send_photo(ChatId(1001), file)
        .caption("Poster")
        .reply_markup(keyboard())
        .await
        .unwrap();
    assert_eq!(sent.caption(), Some("Poster"));
    assert!(sent.photo().is_some());
    let m = ani.next_message().await;
    assert_eq!(
        (m.kind, m.text.as_str(), m.file.as_deref()),
        (MsgKind::Photo, "Poster", Some("poster.jpg"))
    );
    assert_eq!(m.button_texts().len(), 3);
    let call = &fake.calls_to("sendPhoto")[0];
    assert_eq!(call.params["photo"]["size"], 2048);
    assert_eq!(call.params["chat_id"], "1001");

    let doc = InputFile::memory(b"a,b\n1,2\n".to_vec()).file_name("data.csv");
    let sent = bot.send_document(ChatId(1001), doc).await.unwrap();
    assert_eq!(
        sent.document().unwrap().file_name.as_deref(),
        Some("data.csv")
    );
    assert_eq!(ani.next_message().await.kind, MsgKind::Document);

    let loc = bot.send_location(ChatId(1001), -6.2, 106.8).await.unwrap();
    assert!(loc.location().is_some());
    assert_eq!(ani.next_message().await.location, Some((-6.2, 106.8)));
}

#[tokio::test]
async fn enforce_limits_counts_group_violation() {
    let fake = FakeTelegram::start().await;
    let ani = fake.user(1001, "Ani");
    let g = fake.group(-100500, "KIM Bukit Lama");
    g.add_bot(&ani).await;
    fake.enforce_limits(true);
    let bot = fake.bot();
    for i in 0..20 {
        bot.send_message(ChatId(g.id()), format!("pesan {i}"))
            .await
            .unwrap();
    }
    let err = bot.send_message(ChatId(g.id()), "ke-21").await.unwrap_err();
    assert!(
        matches!(err, RequestError::RetryAfter(s) if s.seconds() >= 1),
        "{err:?}"
    );
    let stats = fake.stats();
    assert_eq!(stats.violations_per_chat.get(&g.id()), Some(&1));
    assert_eq!(stats.sends_ok, 20);
    assert_eq!(g.messages().len(), 20);
}

#[tokio::test]
async fn commands_chats_and_members() {
    let fake = FakeTelegram::start().await;
    let ani = fake.user(1001, "Ani");
    let g = fake.supergroup(-100777, "KIM Pusat");
    g.set_bot_status(&ani, "administrator").await;
    g.set_member_status(&ani, "creator");
    let bot = fake.bot();

    let cmds = vec![
        BotCommand::new("start", "Mulai"),
        BotCommand::new("daftar", "Daftar UMKM"),
    ];
    bot.set_my_commands(cmds.clone()).await.unwrap();
    let scope = BotCommandScope::Chat {
        chat_id: Recipient::Id(ChatId(1001)),
    };
    bot.set_my_commands(cmds[..1].to_vec())
        .scope(scope.clone())
        .language_code("id")
        .await
        .unwrap();
    assert_eq!(bot.get_my_commands().await.unwrap(), cmds);
    assert_eq!(
        bot.get_my_commands()
            .scope(scope.clone())
            .language_code("id")
            .await
            .unwrap(),
        cmds[..1]
    );
    let sets = fake.my_commands();
    assert_eq!(
        sets[1].scope,
        serde_json::json!({ "type": "chat", "chat_id": 1001 })
    );
    assert_eq!(sets[0].scope, serde_json::json!({ "type": "default" }));
    bot.delete_my_commands()
        .scope(scope)
        .language_code("id")
        .await
        .unwrap();
    assert_eq!(fake.my_commands().len(), 1);
    let err = bot
        .set_my_commands([BotCommand::new("Start", "x")])
        .await
        .unwrap_err();
    assert!(err.to_string().contains("BOT_COMMAND_INVALID"), "{err}");

    let chat = bot.get_chat(ChatId(-100777)).await.unwrap();
    assert!(chat.is_supergroup());
    assert_eq!(chat.title(), Some("KIM Pusat"));
    let private = bot.get_chat(ChatId(1001)).await.unwrap();
    assert_eq!(private.first_name(), Some("Ani"));

    let me_member = bot
        .get_chat_member(ChatId(-100777), UserId(fake_telegram::BOT_ID as u64))
        .await
        .unwrap();
    assert!(me_member.is_administrator());
    let ani_member = bot
        .get_chat_member(ChatId(-100777), UserId(1001))
        .await
        .unwrap();
    assert!(ani_member.is_owner());
    let admins = bot.get_chat_administrators(ChatId(-100777)).await.unwrap();
    assert_eq!(admins.len(), 2);

    // Unknown methods are recorded and answered true.
    bot.send_chat_action(ChatId(1001), teloxide::types::ChatAction::Typing)
        .await
        .unwrap();
    bot.pin_chat_message(ChatId(1001), MessageId(1))
        .await
        .unwrap();
    assert_eq!(fake.calls_to("sendChatAction").len(), 1);
    let wh = bot.get_webhook_info().await.unwrap();
    assert!(wh.url.is_none());
    bot.delete_webhook().await.unwrap();
}

#[tokio::test]
async fn subscribe_sees_every_bot_action() {
    let fake = FakeTelegram::start().await;
    let ani = fake.user(1001, "Ani");
    let mut rx = fake.subscribe();
    let bot = fake.bot();
    let sent = bot
        .send_message(ChatId(1001), "satu")
        .reply_markup(keyboard())
        .await
        .unwrap();
    bot.edit_message_text(ChatId(1001), sent.id, "dua")
        .await
        .unwrap();
    bot.delete_message(ChatId(1001), sent.id).await.unwrap();
    let cb = ani.press_data(sent.id.0, "agree").await;
    bot.answer_callback_query(teloxide::types::CallbackQueryId(cb))
        .text("Oke")
        .await
        .unwrap();
    use fake_telegram::BotEvent::*;
    assert!(matches!(rx.recv().await.unwrap(), NewMessage(m) if m.text == "satu"));
    assert!(matches!(rx.recv().await.unwrap(), Edited(m) if m.text == "dua"));
    assert!(matches!(
        rx.recv().await.unwrap(),
        Deleted { chat_id: 1001, .. }
    ));
    assert!(
        matches!(rx.recv().await.unwrap(), CallbackAnswer(a) if a.text.as_deref() == Some("Oke"))
    );
}

#[tokio::test]
async fn shutdown_releases_long_polls() {
    let fake = FakeTelegram::start().await;
    let bot = fake.bot();
    let poll = tokio::spawn(async move { bot.get_updates().timeout(30).await });
    tokio::time::sleep(Duration::from_millis(200)).await;
    fake.shutdown();
    let res = tokio::time::timeout(Duration::from_secs(3), poll)
        .await
        .expect("released")
        .unwrap();
    assert!(res.unwrap().is_empty());
}
