//! Private chats: one router for messages and one for button presses.
//!
//! Commands win over the dialogue state (so `/batal` always works); otherwise the
//! state decides what a message means. Every message gets an answer.

use std::sync::Arc;
use crate::kernel::members::KimId;

use teloxide::prelude::*;

use super::keyboards::{Command, parse_command};
use super::turn::{Popup, PopupText, Turn, say};
use super::who::Who;
use crate::platform::ctx::AppCtx;
use super::registry::Registry;
use super::{Cb, Dlg, HandlerError, HandlerResult, State, help, leave, offer, onboarding};
use crate::platform::delivery::ReplyBot;
use crate::platform::i18n::{Arg, Lang, t, ta};

pub async fn on_message(bot: ReplyBot, msg: Message, dlg: Dlg, state: State, ctx: Arc<AppCtx>, registry: Arc<Registry>) -> HandlerResult {
    let Some(user) = msg.from.as_ref() else { return Ok(()) };
    let who = match Who::load(&ctx, user, &state).await {
        Ok(who) => who,
        Err(e) => return apologize(&bot, msg.chat.id, Lang::guess(user.language_code.as_deref()), e.into()).await,
    };
    let lang = who.lang;
    match route_message(&bot, &msg, &dlg, state, &ctx, &registry, &who).await {
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

async fn route_message(
    bot: &ReplyBot,
    msg: &Message,
    dlg: &Dlg,
    state: State,
    ctx: &AppCtx,
    registry: &Registry,
    who: &Who,
) -> HandlerResult {
    if let Some(member) = &who.member {
        let role = who.actor.role();
        help::refresh_menu(bot, ctx, registry, who.user_id, who.lang, role, member.menu_role.as_deref()).await?;
    }
    let text = msg.text().unwrap_or_default();
    let chat = msg.chat.id;
    let turn = Turn { bot, ctx, registry, dlg, who, chat, popup: None, open_form: None, carried: None };
    if let Some(cmd) = parse_command(text, &ctx.bot_username) {
        return on_command(&turn, state, cmd).await;
    }
    match &state {
        State::Notice { lang, .. } => onboarding::ask_again(bot, chat, *lang).await,
        State::ChooseKim => onboarding::on_code_typed(bot, ctx, dlg, who, text).await,
        State::Feature(_) => {
            let owner = state.feature_kind().and_then(|kind| registry.by_dialog(kind));
            match owner {
                Some(feature) if feature.on_message(&turn, &state, msg).await? => Ok(()),
                // A dialogue no feature owns any more (or that no longer decodes): start afresh.
                _ => {
                    dlg.exit().await?;
                    say(bot, chat, who.lang, if who.member.is_some() { "unknown-text" } else { "need-start" }).await
                }
            }
        }
        State::Idle | State::Offer { .. } if who.member.is_some() => offer::make(&turn, msg).await,
        State::Idle | State::Offer { .. } => say(bot, chat, who.lang, "need-start").await,
    }
}

async fn on_command(turn: &Turn<'_>, state: State, cmd: Command<'_>) -> HandlerResult {
    let Turn { bot, ctx, registry, dlg, who, chat, .. } = *turn;
    let lang = who.lang;
    match cmd.name.as_str() {
        "start" => return onboarding::start(bot, ctx, registry, dlg, who, cmd.args).await,
        "batal" | "cancel" => {
            // The open dialogue's feature may answer itself (a survey offers to keep its draft).
            if let Some(feature) = state.feature_kind().and_then(|kind| registry.by_dialog(kind)) {
                if feature.on_cancel(turn, &state).await? {
                    return Ok(());
                }
            }
            return cancel(bot, chat, dlg, state, lang).await;
        }
        "bantuan" | "help" => {
            return bot.send_message(chat, help::help_text(registry, lang, who.actor.role())).await.map(drop).map_err(Into::into);
        }
        _ => {}
    }
    let feature = registry.command(&cmd.name);
    let open_to_all = feature.is_some_and(|(f, spec)| !f.needs_membership() || spec.open_to_non_members);
    if who.member.is_none() && !open_to_all {
        if let State::Notice { lang, .. } = state {
            return onboarding::ask_again(bot, chat, lang).await;
        }
        return say(bot, chat, lang, "need-start").await;
    }
    if let Some((feature, spec)) = feature {
        if who.actor.role() < spec.role && !spec.refuses_itself {
            return say(bot, chat, lang, spec.denied_key()).await;
        }
        // A form left open is dropped only after asking (see `leave`).
        let guarded = Turn { open_form: leave::open_form(&state, registry), ..*turn };
        match feature.on_command(&guarded, &cmd).await {
            Ok(true) => return Ok(()),
            Ok(false) => {}
            Err(HandlerError::FormOpen) => return leave::ask(turn, &state, &cmd).await,
            Err(e) => return Err(e),
        }
    }
    let shown: String = format!("/{}", cmd.name.chars().take(32).collect::<String>());
    bot.send_message(chat, ta(lang, "unknown-command", &[("cmd", Arg::from(shown))])).await?;
    Ok(())
}

async fn cancel(bot: &ReplyBot, chat: ChatId, dlg: &Dlg, state: State, lang: Lang) -> HandlerResult {
    let key = match state {
        State::Idle | State::Offer { .. } => "nothing-to-cancel",
        State::Notice { .. } => "declined",
        State::ChooseKim => "kim-choose-later",
        State::Feature(_) => "cancelled",
    };
    dlg.exit().await?;
    if key == "cancelled" {
        // A feature dialogue may have shown a reply keyboard (e.g. contact sharing): take it away.
        bot.send_message(chat, t(lang, key)).reply_markup(teloxide::types::KeyboardRemove::new()).await?;
        return Ok(());
    }
    say(bot, chat, lang, key).await
}

pub async fn on_callback(
    bot: ReplyBot,
    q: CallbackQuery,
    dlg: Dlg,
    state: State,
    ctx: Arc<AppCtx>,
    registry: Arc<Registry>,
) -> HandlerResult {
    let user_chat = ChatId(q.from.id.0 as i64);
    let who = match Who::load(&ctx, &q.from, &state).await {
        Ok(who) => who,
        Err(e) => {
            bot.answer_callback_query(q.id.clone()).await?;
            return apologize(&bot, user_chat, Lang::guess(q.from.language_code.as_deref()), e.into()).await;
        }
    };
    let popup = Popup::default();
    let acted = match q.data.as_deref() {
        Some(data) => on_button(&bot, &q, &dlg, state, &ctx, &registry, &who, data, &popup).await,
        None => Ok(false),
    };
    match acted {
        Ok(true) => answer(&bot, &q, popup.take()).await?,
        Ok(false) => {
            tracing::info!(user = q.from.id.0, data = ?q.data, "stale or forged button refused");
            // A feature may say why it refused; otherwise the press is stale.
            let why = popup.take().unwrap_or(PopupText { text: t(who.lang, "stale-button"), alert: false });
            answer(&bot, &q, Some(why)).await?;
        }
        Err(e) => {
            bot.answer_callback_query(q.id.clone()).await?;
            apologize(&bot, user_chat, who.lang, e).await?;
        }
    }
    Ok(())
}

/// Answers a press, with the pop-up the handler asked for if any.
async fn answer(bot: &ReplyBot, q: &CallbackQuery, popup: Option<PopupText>) -> HandlerResult {
    let request = bot.answer_callback_query(q.id.clone());
    match popup {
        Some(PopupText { text, alert }) => request.text(text).show_alert(alert).await?,
        None => request.await?,
    };
    Ok(())
}

/// Acts on a button press if it parses and fits the current state; `Ok(false)`
/// when it does not (stale or forged), in which case nothing has changed.
#[allow(clippy::too_many_arguments)]
async fn on_button(
    bot: &ReplyBot,
    q: &CallbackQuery,
    dlg: &Dlg,
    state: State,
    ctx: &AppCtx,
    registry: &Registry,
    who: &Who,
    data: &str,
    popup: &Popup,
) -> Result<bool, HandlerError> {
    let Some(message) = q.message.as_ref() else { return Ok(false) };
    let at = (message.chat().id, message.id());
    if let Some(feature) = registry.by_button(data) {
        if feature.needs_membership() && who.member.is_none() {
            return Ok(false);
        }
        let turn = Turn { bot, ctx, registry, dlg, who, chat: at.0, popup: Some(popup), open_form: None, carried: None };
        return feature.on_button(&turn, &state, data, at).await;
    }
    let Some(cb) = Cb::parse(data) else { return Ok(false) };
    if let Cb::KeepForm | Cb::LeaveForm(_) | Cb::Offer(_) = cb {
        let turn = Turn { bot, ctx, registry, dlg, who, chat: at.0, popup: Some(popup), open_form: None, carried: None };
        return on_form_button(&turn, cb, state, at).await;
    }
    match (cb, state) {
        (Cb::Agree, State::Notice { lang, payload }) => onboarding::agree(bot, ctx, registry, dlg, who, at, lang, payload).await,
        (Cb::Decline, State::Notice { lang, .. }) => onboarding::decline(bot, dlg, at, lang).await,
        (Cb::NoticeLang(new), State::Notice { payload, .. }) => onboarding::relabel_notice(bot, dlg, at, new, payload).await,
        (Cb::Area(id), State::ChooseKim) => onboarding::show_area(bot, ctx, at, who.lang, id).await,
        (Cb::Kim(id), State::ChooseKim) => onboarding::join_by_id(bot, ctx, dlg, who, Some(at), KimId(id)).await,
        _ => Ok(false),
    }
}

/// "Lanjutkan" / "Tinggalkan" under the question a command typed mid-form asked
/// (stale once the form is gone; leaving then just runs the command), and the
/// actions offered for a message sent outside any dialogue (see `offer`).
async fn on_form_button(turn: &Turn<'_>, cb: Cb, state: State, at: super::turn::At) -> Result<bool, HandlerError> {
    let open = leave::open_form(&state, turn.registry).is_some();
    match cb {
        Cb::Offer(name) => {
            let State::Offer { message } = &state else { return Ok(false) };
            turn.dlg.exit().await?;
            turn.bot.edit_message_reply_markup(at.0, at.1).await?;
            let carrying = Turn { carried: Some(message), ..*turn };
            on_command(&carrying, State::Idle, Command { name, args: "", addressed: false }).await?;
        }
        Cb::KeepForm if open => leave::keep(turn, &state, at).await?,
        Cb::LeaveForm(line) if open || state == State::Idle => {
            if open {
                leave::leave(turn, &state, at, line.is_some()).await?;
            }
            let cmd = line.as_deref().and_then(|l| parse_command(l, &turn.ctx.bot_username));
            if let Some(cmd) = cmd {
                on_command(turn, State::Idle, cmd).await?;
            }
        }
        _ => return Ok(false),
    }
    Ok(true)
}

/// Buttons on messages outside private chats (none are sent yet) or on messages too
/// old for Telegram to include: answered as stale, never acted on.
pub async fn on_foreign_callback(bot: ReplyBot, q: CallbackQuery) -> HandlerResult {
    let lang = Lang::guess(q.from.language_code.as_deref());
    bot.answer_callback_query(q.id).text(t(lang, "stale-button")).await?;
    Ok(())
}
