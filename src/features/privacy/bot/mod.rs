//! Telegram handlers of own data: `/datasaya`, `/hapusdata` (with a confirmation),
//! `/berhenti`, and `/audit` for admins. These work for people whose membership
//! consent is gone too: what is stored about them must still be shown and erasable.

pub mod audit_view;

use serde::{Deserialize, Serialize};
use teloxide::ApiError;
use teloxide::RequestError;
use teloxide::prelude::*;
use teloxide::types::{BotCommandScope, InlineKeyboardMarkup, InputFile, Message, Recipient};

use self::audit_view::Query;
use super::{erase, export, render};
use crate::platform::i18n::{Arg, t, ta};
use crate::kernel::members::{Role, UserId};
use crate::bot::keyboards::button;
use crate::bot::feature::{At, Command, CommandSpec, Current, HandlerError, HandlerResult, Turn};
#[cfg(test)]
use crate::bot::feature::Payload;

crate::chat_feature! {
    /// Own data, as plugged into the bot.
    pub struct Privacy {
        name: "privacy",
        dialog: Dialog as "Privacy",
        buttons: Btn,
        // What is stored must stay visible and erasable after consent is withdrawn.
        open_to_non_members: true,
        commands: [
            CommandSpec::new("datasaya", Role::Resident, "help-line-datasaya"),
            CommandSpec::new("berhenti", Role::Resident, "help-line-berhenti"),
            CommandSpec::new("hapusdata", Role::Resident, "help-line-hapusdata"),
            CommandSpec::new("audit", Role::Admin, "help-line-audit").denied("audit-admins-only"),
        ],
    }
}

/// Where `/hapusdata` stands. Only the person who asked is in this state, so a
/// confirmation pressed by anyone else (or pressed twice) changes nothing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Dialog {
    ConfirmErase,
}

/// Button payloads (prefix `p:`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Btn {
    /// "Hapus" on the confirmation, naming whose data it erases.
    Erase(i64),
    /// "Batal" on the confirmation.
    Keep,
    /// `/audit` page of a query.
    Audit(Query, i64),
    /// `/berhenti` confirmed by this person (stateless: stopping twice is harmless).
    StopNews(i64),
    /// `/berhenti` cancelled.
    KeepNews,
}

crate::platform::buttons::payload_codec! {
    Btn = "p";
    Erase(user: crate::platform::buttons::Positive) = "ey",
    Keep = "en",
    StopNews(user: crate::platform::buttons::Positive) = "sy",
    KeepNews = "sn";
    // The query is the whole rest and may hold colons.
    by_hand {
        Btn::Audit(query, page) => format!("au:{page}:{}", query.encode()),
    } |data: &str| {
        let (page, query) = data.strip_prefix("au:")?.split_once(':')?;
        let page = <i64 as crate::platform::buttons::Field>::from_wire(page)?;
        Some(Btn::Audit(Query::decode(query)?, page))
    }
}

/// Handles this feature's commands; `Ok(false)` when the command is not ours.
pub async fn on_command(turn: &Turn<'_>, cmd: &Command<'_>) -> Result<bool, HandlerError> {
    match cmd.name.as_str() {
        "datasaya" => show(turn).await?,
        "hapusdata" => ask_erase(turn).await?,
        "berhenti" => stop_news(turn).await?,
        "audit" => audit_view::command(turn, cmd.args).await?,
        _ => return Ok(false),
    }
    Ok(true)
}

/// Typing while the confirmation is shown: point at the buttons again.
pub async fn on_message(turn: &Turn<'_>, _dialog: Dialog, _msg: &Message) -> HandlerResult {
    turn.say("privacy-erase-use-buttons").await
}

/// A button press; `Ok(false)` (nothing changed) when it does not fit.
pub async fn on_button(turn: &Turn<'_>, state: Current<Dialog>, btn: Btn, at: At) -> Result<bool, HandlerError> {
    match (btn, state) {
        (Btn::Erase(user), Current::Mine(Dialog::ConfirmErase)) if UserId(user) == turn.who.user_id => {
            confirm_erase(turn, at).await?;
            Ok(true)
        }
        (Btn::Keep, Current::Mine(Dialog::ConfirmErase)) => {
            turn.end().await?;
            edit(turn, at, t(turn.lang(), "privacy-erase-kept")).await?;
            Ok(true)
        }
        (Btn::Audit(query, page), _) => audit_view::on_page(turn, query, page, at).await,
        (Btn::StopNews(user), _) if UserId(user) == turn.who.user_id => {
            let stopped = erase::stop_news(turn.ctx, UserId(user)).await?;
            edit(turn, at, t(turn.lang(), if stopped { "privacy-news-stopped" } else { "privacy-news-none" })).await?;
            Ok(true)
        }
        (Btn::KeepNews, _) => {
            edit(turn, at, t(turn.lang(), "privacy-news-kept")).await?;
            Ok(true)
        }
        _ => Ok(false),
    }
}

/// `/datasaya`: the readable messages, then the same data as a JSON file.
async fn show(turn: &Turn<'_>) -> HandlerResult {
    let data = export::gather(&turn.ctx.db, turn.ctx.personal_data, turn.who.user_id).await?;
    for text in render::messages(turn.lang(), &data, turn.ctx.config.tz, turn.ctx.consent_purposes) {
        turn.send(text).await?;
    }
    if !data.is_empty() {
        let file = InputFile::memory(data.to_json()).file_name("datasaya.json");
        // Personal data: Telegram keeps the file from being forwarded from this chat.
        turn.bot.send_document(turn.chat, file).caption(t(turn.lang(), "privacy-data-file-caption")).protect_content(true).await?;
    }
    Ok(())
}

/// `/hapusdata`: says in plain words what goes and what stays, then asks.
async fn ask_erase(turn: &Turn<'_>) -> HandlerResult {
    let data = export::gather(&turn.ctx.db, turn.ctx.personal_data, turn.who.user_id).await?;
    if data.is_empty() {
        return turn.say("privacy-data-empty").await;
    }
    let lang = turn.lang();
    let keys = InlineKeyboardMarkup::new(vec![vec![
        button(t(lang, "privacy-btn-erase"), Btn::Erase(turn.who.user_id.get())),
        button(t(lang, "privacy-btn-keep"), Btn::Keep),
    ]]);
    let text = ta(lang, "privacy-erase-confirm", &[("tickets", Arg::from(data.kept_on_erasure() as i64))]);
    turn.set_dialog(Dialog::ConfirmErase).await?;
    turn.send_with_buttons(text, keys).await
}

async fn confirm_erase(turn: &Turn<'_>, at: At) -> HandlerResult {
    let lang = turn.lang();
    let done = erase::erase(turn.ctx, turn.who.user_id).await?;
    let args = [("tickets", Arg::from(done.tickets_kept as i64)), ("schedules", Arg::from(done.schedules_paused as i64))];
    let text = ta(lang, "privacy-erase-done", &args);
    edit(turn, at, text).await?;
    // Staff, coordinators and anyone who chose a language with /bahasa may have their
    // own command menu: back to the default one.
    if turn.who.member.as_ref().is_some_and(|m| m.menu_role.is_some()) {
        let scope = BotCommandScope::Chat { chat_id: Recipient::Id(turn.chat) };
        turn.bot.delete_my_commands().scope(scope).await?;
    }
    Ok(())
}

/// `/berhenti`: asks before stopping programme news (buttons carry the person's id).
async fn stop_news(turn: &Turn<'_>) -> HandlerResult {
    if !super::news::stands(&turn.ctx.db, turn.who.user_id).await? {
        return turn.say("privacy-news-none").await;
    }
    let lang = turn.lang();
    let keys = InlineKeyboardMarkup::new(vec![vec![
        button(t(lang, "privacy-btn-stop-news"), Btn::StopNews(turn.who.user_id.get())),
        button(t(lang, "privacy-btn-keep"), Btn::KeepNews),
    ]]);
    turn.send_with_buttons(t(lang, "privacy-news-confirm"), keys).await
}

/// Replaces the confirmation with the outcome; a double tap is not an error.
async fn edit(turn: &Turn<'_>, at: At, text: String) -> HandlerResult {
    match turn.edit(at, text, None).await {
        Err(HandlerError::Telegram(RequestError::Api(ApiError::MessageNotModified))) => Ok(()),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payloads_round_trip_and_fit_telegrams_limit() {
        let long = Query::Action("a".repeat(32));
        let all = [
            Btn::Erase(i64::MAX),
            Btn::Keep,
            Btn::Audit(Query::All, 3),
            Btn::Audit(long, i64::MAX),
            Btn::Audit(Query::Actor(i64::MIN), 0),
            Btn::StopNews(i64::MAX),
            Btn::KeepNews,
        ];
        crate::platform::buttons::assert_round_trip(&all);
        // Today's wire strings: buttons already sent in chats must keep parsing.
        crate::platform::buttons::assert_wire(&all, &["p:ey:9223372036854775807", "p:en", "p:au:3:", "p:au:9223372036854775807:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "p:au:0:u-9223372036854775808", "p:sy:9223372036854775807", "p:sn"]);
    }

    #[test]
    fn forged_payloads_do_not_parse() {
        for data in ["ey:", "ey:-5", "ey:0", "au:1", "au:-1:", "au:1:x", "au:1:a%", "en:1", "zz", "sy:", "sy:0", "sy:-1", "sn:1"] {
            assert_eq!(<Btn as Payload>::parse(data), None, "{data}");
        }
    }
}
