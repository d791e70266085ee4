//! `/status`: a resident's tickets and one ticket's history and thread; staff and
//! coordinators get the ticket card for tickets in their scope. Someone else's ticket
//! reads exactly like one that does not exist. Also the resident's one answer to a
//! staff reply ("Jawab") and their one response to a closed ticket ("Tanggapi").

use teloxide::types::{InlineKeyboardMarkup, Message};

use super::{Btn, Dialog, triage};
use crate::features::aspirations::flow::{self, FlowError};
use crate::features::aspirations::model::{self, Access, AspirationId, REPLY_MAX, ReopenError};
use crate::features::aspirations::{render, reopen, store};
use crate::platform::i18n::{Arg, t};
use crate::bot::keyboards::button;
use crate::bot::turn::{At, Turn};
use crate::bot::{HandlerError, HandlerResult};

/// How many tickets `/status` lists.
const LIST_LIMIT: i64 = 10;

pub async fn command(turn: &Turn<'_>, args: &str) -> HandlerResult {
    if args.trim().is_empty() {
        return list(turn).await;
    }
    let Some(number) = model::parse_ticket_number(args) else {
        return turn.say("asp-status-bad-number").await;
    };
    let id = store::ticket_by_number(&turn.ctx.db, &number).await?.map(|t| t.id);
    if !open(turn, id).await? {
        turn.say_with("asp-status-not-found", &[("ticket", Arg::from(number))]).await?;
    }
    Ok(())
}

async fn list(turn: &Turn<'_>) -> HandlerResult {
    let lang = turn.lang();
    let tickets = store::tickets_of(&turn.ctx.db, turn.who.user_id, LIST_LIMIT).await?;
    if tickets.is_empty() {
        return turn.say("asp-status-none").await;
    }
    let mut lines = vec![t(lang, "asp-status-list-head")];
    let mut rows = Vec::new();
    for ticket in &tickets {
        let tz = model::zone(ticket.kim_tz.as_deref(), turn.ctx.config.tz);
        lines.push(render::list_line(lang, ticket, tz));
        rows.push(vec![button(ticket.number.clone(), Btn::View(ticket.id.get()))]);
    }
    lines.push(t(lang, "asp-status-list-foot"));
    turn.send_with_buttons(lines.join("\n"), InlineKeyboardMarkup::new(rows)).await
}

/// Shows ticket `id` as this person may see it; `false` when they may not (or it
/// does not exist), having shown nothing.
async fn open(turn: &Turn<'_>, id: Option<AspirationId>) -> Result<bool, HandlerError> {
    let Some(id) = id else { return Ok(false) };
    let Some(scoped) = flow::load(turn.ctx, &turn.who.actor, id).await? else { return Ok(false) };
    if scoped.ticket.user_id == turn.who.user_id.get() {
        let history = store::history(&turn.ctx.db, id).await?;
        let thread = store::thread(&turn.ctx.db, id).await?;
        let view = render::resident_view(turn.lang(), &scoped.ticket, &history, &thread, scoped.tz);
        if super::verdict::show_question(turn, &scoped.ticket, &view).await? {
            return Ok(true);
        }
        if reopen::offered(&scoped.ticket, scoped.ticket.status) {
            let text = format!("{view}\n\n{}", t(turn.lang(), "asp-notice-respond-hint"));
            let label = t(turn.lang(), "asp-btn-respond");
            let keyboard = InlineKeyboardMarkup::new(vec![vec![button(label, Btn::Respond(id.get()))]]);
            turn.send_with_buttons(text, keyboard).await?;
        } else {
            turn.send(view).await?;
        }
        return Ok(true);
    }
    if scoped.access == Access::None {
        return Ok(false);
    }
    triage::show(turn, &scoped, None).await?;
    Ok(true)
}

pub async fn on_view(turn: &Turn<'_>, id: AspirationId) -> Result<bool, HandlerError> {
    open(turn, Some(id)).await
}

pub async fn on_answer_button(turn: &Turn<'_>, reply: i64) -> Result<bool, HandlerError> {
    match flow::answerable(turn.ctx, turn.who.user_id, reply).await {
        Ok((_, ticket)) => {
            turn.set_dialog(Dialog::Answer { reply }).await?;
            turn.say_with("asp-ask-answer", &[("ticket", Arg::from(&ticket.number))]).await?;
            Ok(true)
        }
        Err(FlowError::Db(e)) => Err(e.into()),
        Err(_) => Ok(false),
    }
}

pub async fn on_answer(turn: &Turn<'_>, reply: i64, msg: &Message) -> HandlerResult {
    let Some(text) = triage::checked_text(turn, msg, REPLY_MAX).await? else { return Ok(()) };
    let result = flow::answer(turn.ctx, turn.who.user_id, reply, &text).await;
    turn.end().await?;
    match result {
        Ok(ticket) => turn.say_with("asp-answer-sent", &[("ticket", Arg::from(&ticket.number))]).await,
        Err(FlowError::AlreadyAnswered) => turn.say("asp-answer-already").await,
        Err(FlowError::Db(e)) => Err(e.into()),
        Err(_) => turn.say("asp-not-allowed-now").await,
    }
}

/// "Tanggapi": asks for the response. Pressed again after the one response, it says
/// so kindly; someone else's ticket or one that is not closed is a stale press.
pub async fn on_respond_button(turn: &Turn<'_>, id: AspirationId) -> Result<bool, HandlerError> {
    match reopen::respondable(turn.ctx, turn.who.user_id, id).await {
        Ok(ticket) => {
            turn.set_dialog(Dialog::Respond { ticket: id }).await?;
            turn.say_with("asp-ask-respond", &[("ticket", Arg::from(&ticket.number))]).await?;
            Ok(true)
        }
        Err(FlowError::Reopen(ReopenError::AlreadyReopened)) => {
            turn.say("asp-respond-already").await?;
            Ok(true)
        }
        Err(FlowError::Db(e)) => Err(e.into()),
        Err(_) => Ok(false),
    }
}

/// The typed response: too thin ("😡😡😡") is refused kindly and the dialogue stays;
/// otherwise it is shown back with "Kirim tanggapan" / "Batal" before it reopens.
pub async fn on_respond(turn: &Turn<'_>, id: AspirationId, msg: &Message) -> HandlerResult {
    let Some(text) = triage::checked_text(turn, msg, REPLY_MAX).await? else { return Ok(()) };
    if !model::meaningful_response(&text) {
        let args = [("words", Arg::from(model::RESPONSE_WORDS as i64)), ("letters", Arg::from(model::RESPONSE_LETTERS as i64))];
        return turn.say_with("asp-respond-too-thin", &args).await;
    }
    let ticket = match reopen::respondable(turn.ctx, turn.who.user_id, id).await {
        Ok(ticket) => ticket,
        Err(e) => {
            turn.end().await?;
            return after_response(turn, Err(e)).await;
        }
    };
    let lang = turn.lang();
    let keys = InlineKeyboardMarkup::new(vec![vec![
        button(t(lang, "asp-btn-respond-send"), Btn::RespondSend(id.get())),
        button(t(lang, "asp-btn-respond-cancel"), Btn::RespondCancel(id.get())),
    ]]);
    let args = [("ticket", Arg::from(&ticket.number)), ("text", Arg::from(&text))];
    turn.set_dialog(Dialog::RespondConfirm { ticket: id, text: text.clone() }).await?;
    turn.send_with_buttons(crate::platform::i18n::ta(lang, "asp-respond-confirm", &args), keys).await
}

/// "Kirim tanggapan": reopens the ticket with the response shown.
pub async fn send_response(turn: &Turn<'_>, id: AspirationId, text: &str, at: At) -> Result<bool, HandlerError> {
    let result = reopen::respond(turn.ctx, turn.who.user_id, id, text).await;
    turn.end().await?;
    turn.bot.edit_message_reply_markup(at.0, at.1).await?;
    after_response(turn, result).await?;
    Ok(true)
}

/// "Batal": nothing is sent and the one response is still there to use.
pub async fn cancel_response(turn: &Turn<'_>, id: AspirationId, at: At) -> Result<bool, HandlerError> {
    turn.end().await?;
    let number = store::ticket(&turn.ctx.db, id).await?.map(|t| t.number).unwrap_or_default();
    let text = crate::platform::i18n::ta(turn.lang(), "asp-respond-not-sent", &[("ticket", Arg::from(number))]);
    turn.edit(at, text, None).await?;
    Ok(true)
}

async fn after_response(turn: &Turn<'_>, result: Result<store::Ticket, FlowError>) -> HandlerResult {
    match result {
        Ok(ticket) => turn.say_with("asp-respond-sent", &[("ticket", Arg::from(&ticket.number))]).await,
        Err(FlowError::Reopen(ReopenError::AlreadyReopened)) => turn.say("asp-respond-already").await,
        Err(FlowError::Db(e)) => Err(e.into()),
        Err(_) => turn.say("asp-not-allowed-now").await,
    }
}
