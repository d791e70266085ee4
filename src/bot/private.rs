//! Private chats: one router for messages and one for button presses.
//!
//! Commands win over the dialogue state (so `/batal` always works); otherwise the
//! state decides what a message means. Every message gets an answer.

use std::sync::Arc;

use teloxide::prelude::*;

use super::keyboards::{self, Command, parse_command};
use super::turn::Turn;
use super::who::Who;
use crate::app::AppCtx;
use super::{Cb, Dlg, HandlerError, HandlerResult, State, groups, help, invites, onboarding};
use crate::platform::delivery::ReplyBot;
use crate::platform::i18n::{Arg, Lang, t, ta};
use crate::features::members::{Role, users};

pub async fn on_message(bot: ReplyBot, msg: Message, dlg: Dlg, state: State, ctx: Arc<AppCtx>) -> HandlerResult {
    let Some(user) = msg.from.as_ref() else { return Ok(()) };
    let who = match Who::load(&ctx, user, &state).await {
        Ok(who) => who,
        Err(e) => return apologize(&bot, msg.chat.id, Lang::guess(user.language_code.as_deref()), e.into()).await,
    };
    let lang = who.lang;
    match route_message(&bot, &msg, &dlg, state, &ctx, &who).await {
        Ok(()) => Ok(()),
        Err(e) => apologize(&bot, msg.chat.id, lang, e).await,
    }
}

/// Logs an unexpected failure and tells the user politely; never silence.
pub async fn apologize(bot: &ReplyBot, chat: ChatId, lang: Lang, error: HandlerError) -> HandlerResult {
    tracing::error!(chat = chat.0, %error, "handler failed");
    bot.send_message(chat, t(lang, "error-generic")).await?;
    Ok(())
}

async fn route_message(bot: &ReplyBot, msg: &Message, dlg: &Dlg, state: State, ctx: &AppCtx, who: &Who) -> HandlerResult {
    if let Some(member) = &who.member {
        let role = who.actor.role();
        help::refresh_menu(bot, ctx, who.user_id, who.lang, role, member.menu_role.as_deref()).await?;
    }
    let text = msg.text().unwrap_or_default();
    if let Some(cmd) = parse_command(text, &ctx.bot_username) {
        return on_command(bot, msg.chat.id, dlg, state, ctx, who, cmd).await;
    }
    let chat = msg.chat.id;
    let turn = Turn { bot, ctx, dlg, who, chat };
    match state {
        State::Notice { lang, .. } => say(bot, chat, lang, "notice-reminder").await,
        State::ChooseKim => onboarding::on_code_typed(bot, ctx, dlg, who, text).await,
        State::Umkm(d) => crate::features::umkm::bot::on_message(&turn, d, msg).await,
        State::Aspiration(d) => crate::features::aspirations::bot::on_message(&turn, d, msg).await,
        State::Announce(d) => crate::features::announcements::bot::on_message(&turn, d, msg).await,
        State::Training(d) => crate::features::trainings::bot::on_message(&turn, d, msg).await,
        State::Privacy(d) => crate::features::privacy::bot::on_message(&turn, d, msg).await,
        State::Report(d) => crate::features::reports::bot::on_message(&turn, d, msg).await,
        State::Feed(d) => crate::features::feeds::bot::on_message(&turn, d, msg).await,
        State::Idle if who.member.is_some() => say(bot, chat, who.lang, "unknown-text").await,
        State::Idle => say(bot, chat, who.lang, "need-start").await,
    }
}

async fn on_command(
    bot: &ReplyBot,
    chat: ChatId,
    dlg: &Dlg,
    state: State,
    ctx: &AppCtx,
    who: &Who,
    cmd: Command<'_>,
) -> HandlerResult {
    let lang = who.lang;
    match cmd.name.as_str() {
        "start" => return onboarding::start(bot, ctx, dlg, who, cmd.args).await,
        "batal" | "cancel" => return cancel(bot, chat, dlg, state, lang).await,
        "bantuan" | "help" => {
            return bot.send_message(chat, help::help_text(lang, who.actor.role())).await.map(drop).map_err(Into::into);
        }
        "hubungkan" | "putuskan" => return say(bot, chat, lang, "only-group").await,
        _ => {}
    }
    // Own data stays visible and erasable after membership consent is withdrawn.
    if crate::features::privacy::bot::on_command(&Turn { bot, ctx, dlg, who, chat }, &cmd).await? {
        return Ok(());
    }
    if who.member.is_none() {
        let key = if matches!(state, State::Notice { .. }) { "notice-reminder" } else { "need-start" };
        return say(bot, chat, lang, key).await;
    }
    match cmd.name.as_str() {
        "bahasa" | "language" => {
            bot.send_message(chat, t(lang, "lang-choose")).reply_markup(keyboards::languages()).await?;
            Ok(())
        }
        "gantikim" => onboarding::choose_kim(bot, ctx, dlg, chat, lang).await,
        "grupsaya" => groups::my_groups(bot, ctx, who, chat).await,
        "undang" => invites::create(bot, ctx, who, chat, cmd.args).await,
        _ => {
            let turn = Turn { bot, ctx, dlg, who, chat };
            if crate::features::umkm::bot::on_command(&turn, &cmd).await?
                || crate::features::aspirations::bot::on_command(&turn, &cmd).await?
                || crate::features::announcements::bot::on_command(&turn, &cmd).await?
                || crate::features::trainings::bot::on_command(&turn, &cmd).await?
                || crate::features::reports::bot::on_command(&turn, &cmd).await?
                || crate::features::feeds::bot::on_command(&turn, &cmd).await?
                || crate::web::console::bot::on_command(&turn, &cmd).await?
            {
                return Ok(());
            }
            let shown: String = format!("/{}", cmd.name.chars().take(32).collect::<String>());
            bot.send_message(chat, ta(lang, "unknown-command", &[("cmd", Arg::from(shown))])).await?;
            Ok(())
        }
    }
}

async fn cancel(bot: &ReplyBot, chat: ChatId, dlg: &Dlg, state: State, lang: Lang) -> HandlerResult {
    let key = match state {
        State::Idle => "nothing-to-cancel",
        State::Notice { .. } => "declined",
        State::ChooseKim => "kim-choose-later",
        State::Umkm(_)
        | State::Aspiration(_)
        | State::Announce(_)
        | State::Training(_)
        | State::Privacy(_)
        | State::Report(_)
        | State::Feed(_) => "cancelled",
    };
    dlg.exit().await?;
    if key == "cancelled" {
        // A feature dialogue may have shown a reply keyboard (e.g. contact sharing): take it away.
        bot.send_message(chat, t(lang, key)).reply_markup(teloxide::types::KeyboardRemove::new()).await?;
        return Ok(());
    }
    say(bot, chat, lang, key).await
}

/// Sends one message by key.
pub async fn say(bot: &ReplyBot, chat: ChatId, lang: Lang, key: &str) -> HandlerResult {
    bot.send_message(chat, t(lang, key)).await?;
    Ok(())
}

pub async fn on_callback(bot: ReplyBot, q: CallbackQuery, dlg: Dlg, state: State, ctx: Arc<AppCtx>) -> HandlerResult {
    let user_chat = ChatId(q.from.id.0 as i64);
    let who = match Who::load(&ctx, &q.from, &state).await {
        Ok(who) => who,
        Err(e) => {
            bot.answer_callback_query(q.id.clone()).await?;
            return apologize(&bot, user_chat, Lang::guess(q.from.language_code.as_deref()), e.into()).await;
        }
    };
    let acted = match q.data.as_deref().and_then(Cb::parse) {
        Some(cb) => on_button(&bot, &q, &dlg, state, &ctx, &who, cb).await,
        None => Ok(false),
    };
    match acted {
        Ok(true) => bot.answer_callback_query(q.id.clone()).await.map(drop)?,
        Ok(false) => {
            tracing::info!(user = q.from.id.0, data = ?q.data, "stale or forged button refused");
            bot.answer_callback_query(q.id.clone()).text(t(who.lang, "stale-button")).await?;
        }
        Err(e) => {
            bot.answer_callback_query(q.id.clone()).await?;
            apologize(&bot, user_chat, who.lang, e).await?;
        }
    }
    Ok(())
}

/// Acts on a parsed button press if it fits the current state; `Ok(false)` when it
/// does not (stale or forged), in which case nothing has changed.
async fn on_button(bot: &ReplyBot, q: &CallbackQuery, dlg: &Dlg, state: State, ctx: &AppCtx, who: &Who, cb: Cb) -> Result<bool, HandlerError> {
    let Some(message) = q.message.as_ref() else { return Ok(false) };
    let at = (message.chat().id, message.id());
    let turn = Turn { bot, ctx, dlg, who, chat: at.0 };
    match (cb, state) {
        (Cb::Umkm(b), state) if who.member.is_some() => crate::features::umkm::bot::on_button(&turn, state, b, at).await,
        (Cb::Asp(b), state) if who.member.is_some() => crate::features::aspirations::bot::on_button(&turn, state, b, at).await,
        (Cb::Ann(b), state) if who.member.is_some() => crate::features::announcements::bot::on_button(&turn, state, b, at).await,
        (Cb::Train(b), state) if who.member.is_some() => crate::features::trainings::bot::on_button(&turn, state, b, at).await,
        (Cb::Priv(b), state) => crate::features::privacy::bot::on_button(&turn, state, b, at).await,
        (Cb::Rep(b), state) if who.member.is_some() => crate::features::reports::bot::on_button(&turn, state, b, at).await,
        (Cb::Feed(b), state) if who.member.is_some() => crate::features::feeds::bot::on_button(&turn, state, b, at).await,
        (Cb::Agree, State::Notice { lang, payload }) => onboarding::agree(bot, ctx, dlg, who, at, lang, payload).await,
        (Cb::Decline, State::Notice { lang, .. }) => onboarding::decline(bot, dlg, at, lang).await,
        (Cb::NoticeLang(new), State::Notice { payload, .. }) => onboarding::relabel_notice(bot, dlg, at, new, payload).await,
        (Cb::Area(id), State::ChooseKim) => onboarding::show_area(bot, ctx, at, who.lang, id).await,
        (Cb::Kim(id), State::ChooseKim) => onboarding::join_by_id(bot, ctx, dlg, who, Some(at), id).await,
        (Cb::SetLang(new), _) if who.member.is_some() => set_language(bot, ctx, who, at, new).await,
        _ => Ok(false),
    }
}

async fn set_language(bot: &ReplyBot, ctx: &AppCtx, who: &Who, at: (ChatId, teloxide::types::MessageId), new: Lang) -> Result<bool, HandlerError> {
    users::set_language(&ctx.db, who.user_id, new.code(), ctx.now()).await?;
    bot.edit_message_text(at.0, at.1, t(new, "lang-changed")).await?;
    let role = who.actor.role();
    // The menu is in the old language: show it again in the new one.
    let shown = if role == Role::Resident { Some(role.as_str()) } else { None };
    help::refresh_menu(bot, ctx, who.user_id, new, role, shown).await?;
    Ok(true)
}

/// Buttons on messages outside private chats (none are sent yet) or on messages too
/// old for Telegram to include: answered as stale, never acted on.
pub async fn on_foreign_callback(bot: ReplyBot, q: CallbackQuery) -> HandlerResult {
    let lang = Lang::guess(q.from.language_code.as_deref());
    bot.answer_callback_query(q.id).text(t(lang, "stale-button")).await?;
    Ok(())
}
