//! Staff and coordinators: `/antrian` shows new tickets one at a time; staff change
//! status and reply from the ticket card, coordinators only read. Every press is
//! checked again here (role, scope, the ticket's current status) before it acts.

use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Message};

use super::{Btn, Dialog};
use crate::features::aspirations::flow::{self, FlowError, Scoped};
use crate::features::aspirations::model::{self, Access, NOTE_MAX, REPLY_MAX, Status};
use crate::features::aspirations::render::{self, Sender};
use crate::features::aspirations::store;
use crate::platform::i18n::{Arg, Lang, t, ta};
use crate::features::members::areas;
use crate::bot::keyboards::button;
use crate::bot::turn::{At, Turn};
use crate::bot::{HandlerError, HandlerResult};

fn asp(label: String, btn: Btn) -> InlineKeyboardButton {
    button(label, btn)
}

/// KIMs whose tickets this person may see (staff area, coordinated KIMs; all for admins).
async fn kims_in_scope(turn: &Turn<'_>) -> Result<Vec<i64>, HandlerError> {
    let kims = areas::all_kims(&turn.ctx.db).await?;
    Ok(kims.into_iter().filter(|k| model::access(&turn.who.actor, k) != Access::None).map(|k| k.id).collect())
}

pub async fn queue(turn: &Turn<'_>) -> HandlerResult {
    let kims = kims_in_scope(turn).await?;
    if kims.is_empty() {
        return turn.say("not-allowed-coordinator").await;
    }
    show_next(turn, &kims, 0, "asp-queue-empty").await
}

/// Shows the oldest new ticket after `after`, or says `empty_key`.
async fn show_next(turn: &Turn<'_>, kims: &[i64], after: i64, empty_key: &str) -> HandlerResult {
    match store::next_in_queue(&turn.ctx.db, kims, after).await? {
        Some(ticket) => match flow::load(turn.ctx, &turn.who.actor, ticket.id).await? {
            Some(scoped) => show(turn, &scoped, true).await,
            None => turn.say(empty_key).await,
        },
        None => turn.say(empty_key).await,
    }
}

/// Sends a ticket's photos, then its card with the buttons this person may use.
pub async fn show(turn: &Turn<'_>, scoped: &Scoped, in_queue: bool) -> HandlerResult {
    let lang = turn.lang();
    let ticket = &scoped.ticket;
    let photos = store::photos(&turn.ctx.db, ticket.id).await?;
    for file_id in &photos {
        turn.bot.send_photo(turn.chat, InputFile::file_id(file_id.clone().into())).await?;
    }
    let sender = sender(turn, scoped).await?;
    let text = render::card(lang, ticket, &scoped.kim.name, &sender, photos.len(), scoped.tz, turn.ctx.config.sla.working_days);
    let keyboard = card_buttons(lang, scoped, in_queue);
    turn.send_with_buttons(text, InlineKeyboardMarkup::new(keyboard)).await
}

/// Coordinators never learn who sent an anonymous ticket; staff always do.
async fn sender(turn: &Turn<'_>, scoped: &Scoped) -> Result<Sender, HandlerError> {
    Ok(flow::sender(turn.ctx, scoped, turn.lang()).await?)
}

fn card_buttons(lang: Lang, scoped: &Scoped, in_queue: bool) -> Vec<Vec<InlineKeyboardButton>> {
    let ticket = &scoped.ticket;
    let mut rows = Vec::new();
    if scoped.access == Access::Triage {
        let moves: Vec<_> = ticket
            .status
            .next_steps()
            .into_iter()
            .map(|to| asp(render::move_label(lang, to), Btn::Move { id: ticket.id, from: ticket.status, to }))
            .collect();
        rows.extend(moves.chunks(2).map(<[_]>::to_vec));
        rows.push(vec![asp(t(lang, "asp-btn-reply"), Btn::Reply(ticket.id))]);
    }
    if in_queue {
        rows.push(vec![asp(t(lang, "asp-btn-next"), Btn::Next(ticket.id))]);
    }
    rows
}

/// A ticket this person may triage, still in `from`, for which `from → to` is a step.
async fn triageable(turn: &Turn<'_>, id: i64, (from, to): (Status, Status)) -> Result<Option<Scoped>, HandlerError> {
    let Some(scoped) = flow::load(turn.ctx, &turn.who.actor, id).await? else { return Ok(None) };
    let fits = scoped.access == Access::Triage && scoped.ticket.status == from && model::check_move(from, to).is_ok();
    Ok(fits.then_some(scoped))
}

pub async fn on_move(turn: &Turn<'_>, id: i64, (from, to): (Status, Status), at: At) -> Result<bool, HandlerError> {
    let Some(scoped) = triageable(turn, id, (from, to)).await? else { return Ok(false) };
    if to.needs_note() {
        turn.set_dialog(Dialog::Note { ticket: id, from, to }).await?;
        let args = [("ticket", Arg::from(&scoped.ticket.number)), ("status", Arg::from(render::status(turn.lang(), to)))];
        turn.say_with("asp-ask-note", &args).await?;
        return Ok(true);
    }
    match flow::change_status(turn.ctx, &turn.who.actor, id, (from, to), None).await {
        Ok(ticket) => {
            turn.bot.edit_message_reply_markup(at.0, at.1).await?;
            moved(turn, &ticket).await?;
            Ok(true)
        }
        Err(FlowError::Db(e)) => Err(e.into()),
        Err(_) => Ok(false),
    }
}

/// Confirms a change to staff, with a way on to the next new ticket.
async fn moved(turn: &Turn<'_>, ticket: &store::Ticket) -> HandlerResult {
    let lang = turn.lang();
    let args = [("ticket", Arg::from(&ticket.number)), ("status", Arg::from(render::status(lang, ticket.status)))];
    let keyboard = InlineKeyboardMarkup::new(vec![vec![asp(t(lang, "asp-btn-next"), Btn::Next(ticket.id))]]);
    turn.send_with_buttons(ta(lang, "asp-moved", &args), keyboard).await
}

pub async fn on_note(turn: &Turn<'_>, id: i64, (from, to): (Status, Status), msg: &Message) -> HandlerResult {
    let Some(note) = checked_text(turn, msg, NOTE_MAX).await? else { return Ok(()) };
    let result = flow::change_status(turn.ctx, &turn.who.actor, id, (from, to), Some(&note)).await;
    turn.end().await?;
    match result {
        Ok(ticket) => moved(turn, &ticket).await,
        Err(FlowError::Stale(now)) => {
            turn.say_with("asp-status-changed", &[("status", Arg::from(render::status(turn.lang(), now)))]).await
        }
        Err(FlowError::Db(e)) => Err(e.into()),
        Err(_) => turn.say("asp-not-allowed-now").await,
    }
}

/// The text of `msg`, trimmed and within `max` characters; otherwise says what is
/// wrong (the dialogue stays, so the person just sends it again) and gives `None`.
pub async fn checked_text(turn: &Turn<'_>, msg: &Message, max: usize) -> Result<Option<String>, HandlerError> {
    match model::check_free_text(msg.text().unwrap_or_default(), max) {
        Ok(text) => Ok(Some(text)),
        Err(0) => turn.say("asp-text-needed-short").await.map(|()| None),
        Err(len) => {
            let args = [("max", Arg::from(max as i64)), ("len", Arg::from(len as i64))];
            turn.say_with("asp-free-text-too-long", &args).await.map(|()| None)
        }
    }
}

pub async fn on_reply_button(turn: &Turn<'_>, id: i64) -> Result<bool, HandlerError> {
    let Some(scoped) = flow::load(turn.ctx, &turn.who.actor, id).await? else { return Ok(false) };
    if scoped.access != Access::Triage {
        return Ok(false);
    }
    turn.set_dialog(Dialog::Reply { ticket: id }).await?;
    turn.say_with("asp-ask-reply", &[("ticket", Arg::from(&scoped.ticket.number))]).await?;
    Ok(true)
}

pub async fn on_reply(turn: &Turn<'_>, id: i64, msg: &Message) -> HandlerResult {
    let Some(text) = checked_text(turn, msg, REPLY_MAX).await? else { return Ok(()) };
    let result = flow::reply(turn.ctx, &turn.who.actor, id, &text).await;
    turn.end().await?;
    match result {
        Ok(ticket) => turn.say_with("asp-reply-sent", &[("ticket", Arg::from(&ticket.number))]).await,
        Err(FlowError::Db(e)) => Err(e.into()),
        Err(_) => turn.say("asp-not-allowed-now").await,
    }
}

pub async fn on_next(turn: &Turn<'_>, after: i64, at: At) -> Result<bool, HandlerError> {
    let kims = kims_in_scope(turn).await?;
    if kims.is_empty() {
        return Ok(false);
    }
    turn.bot.edit_message_reply_markup(at.0, at.1).await?;
    show_next(turn, &kims, after, "asp-queue-end").await?;
    Ok(true)
}
