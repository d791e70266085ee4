//! The staff desk in chat: "📝 Catatan" on the staff card asks for an internal note
//! (never sent to the resident; `/batal` leaves), and "📋 Balasan siap" on the reply
//! question lists the kota's canned replies: one is shown filled in, then sent with
//! "Kirim balasan ini" through the same reply as typed text. Every press is checked
//! again (role, scope) before it acts.

use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup, Message};

use super::{Btn, Dialog};
use crate::bot::keyboards::button;
use crate::bot::turn::Turn;
use crate::bot::{HandlerError, HandlerResult};
use crate::features::aspirations::canned;
use crate::features::aspirations::desk_store;
use crate::features::aspirations::flow::{self, FlowError, Scoped};
use crate::features::aspirations::model::{self, Access, AspirationId};
use crate::features::aspirations::notes::{self, NoteError};
use crate::features::aspirations::render::clip;
use crate::platform::i18n::{Arg, t, ta};

/// A ticket this person may triage (so read and write notes, reply).
async fn triaged(turn: &Turn<'_>, id: AspirationId) -> Result<Option<Scoped>, HandlerError> {
    let scoped = flow::load(turn.ctx, &turn.who.actor, id).await?;
    Ok(scoped.filter(|s| s.access == Access::Triage))
}

/// "📝 Catatan": asks for the note.
pub async fn on_note_button(turn: &Turn<'_>, id: AspirationId) -> Result<bool, HandlerError> {
    let Some(scoped) = triaged(turn, id).await? else { return Ok(false) };
    turn.set_dialog(Dialog::InternalNote { ticket: id }).await?;
    turn.say_with("asp-ask-internal-note", &[("ticket", Arg::from(&scoped.ticket.number))]).await?;
    Ok(true)
}

/// The note's text: stored, audited, confirmed; nothing goes to the resident.
pub async fn on_note(turn: &Turn<'_>, id: AspirationId, msg: &Message) -> HandlerResult {
    let text = msg.text().unwrap_or_default();
    match flow::with_found(turn.ctx, &turn.who.actor, id, async |s| notes::add(turn.ctx, &turn.who.actor, s, text).await).await {
        Ok(ticket) => {
            turn.end().await?;
            turn.say_with("asp-internal-note-saved", &[("ticket", Arg::from(&ticket.number))]).await
        }
        Err(NoteError::Length(0)) => turn.say("asp-text-needed-short").await,
        Err(NoteError::Length(len)) => {
            turn.say_with("asp-internal-note-long", &[("len", Arg::from(len as i64)), ("max", Arg::from(notes::MAX as i64))]).await
        }
        Err(NoteError::Flow(FlowError::Db(e))) => Err(e.into()),
        Err(NoteError::Flow(_)) => {
            turn.end().await?;
            turn.say("asp-not-allowed-now").await
        }
    }
}

/// The latest internal notes under a staff card (for those who may read them).
pub async fn card_notes(turn: &Turn<'_>, scoped: &Scoped) -> Result<String, HandlerError> {
    if !notes::readable(scoped) {
        return Ok(String::new());
    }
    let all = desk_store::notes(&turn.ctx.db, scoped.ticket.id).await?;
    if all.is_empty() {
        return Ok(String::new());
    }
    let lang = turn.lang();
    let mut lines = vec![t(lang, "asp-card-notes-head")];
    for n in all.iter().rev().take(3).rev() {
        let who = n.author_name.clone().unwrap_or_else(|| t(lang, "console-thread-staff"));
        let args = [("time", Arg::from(model::local_time(n.at, scoped.tz))), ("who", Arg::from(who)), ("text", Arg::from(clip(&n.body, 200)))];
        lines.push(ta(lang, "asp-card-note-line", &args));
    }
    Ok(lines.join("\n"))
}

/// The "📋 Balasan siap" button for the reply question, when the kota has any.
pub async fn canned_button(turn: &Turn<'_>, scoped: &Scoped) -> Result<Option<InlineKeyboardButton>, HandlerError> {
    let offered = canned::for_ticket(turn.ctx, scoped).await?;
    Ok((!offered.is_empty()).then(|| button(t(turn.lang(), "asp-btn-canned"), Btn::CannedList(scoped.ticket.id.get()))))
}

/// "📋 Balasan siap": the kota's canned replies as buttons.
pub async fn on_list(turn: &Turn<'_>, id: AspirationId) -> Result<bool, HandlerError> {
    let Some(scoped) = triaged(turn, id).await? else { return Ok(false) };
    let offered = canned::for_ticket(turn.ctx, &scoped).await?;
    if offered.is_empty() {
        turn.say("asp-canned-none").await?;
        return Ok(true);
    }
    let rows: Vec<Vec<InlineKeyboardButton>> =
        offered.iter().take(20).map(|c| vec![button(clip(&c.title, 60), Btn::CannedPick { id: id.get(), canned: c.id })]).collect();
    let text = ta(turn.lang(), "asp-canned-choose", &[("ticket", Arg::from(&scoped.ticket.number))]);
    turn.send_with_buttons(text, InlineKeyboardMarkup::new(rows)).await?;
    Ok(true)
}

/// The canned reply `canned` usable on ticket `id` by this person, filled in.
async fn filled(turn: &Turn<'_>, id: AspirationId, canned_id: i64) -> Result<Option<(Scoped, String)>, HandlerError> {
    let Some(scoped) = triaged(turn, id).await? else { return Ok(None) };
    let offered = canned::for_ticket(turn.ctx, &scoped).await?;
    let Some(c) = offered.iter().find(|c| c.id == canned_id) else { return Ok(None) };
    let text = canned::filled(turn.ctx, &scoped, c).await?;
    Ok(Some((scoped, text)))
}

/// One canned reply picked: shown filled in, with "Kirim balasan ini".
pub async fn on_pick(turn: &Turn<'_>, id: AspirationId, canned_id: i64) -> Result<bool, HandlerError> {
    let Some((scoped, text)) = filled(turn, id, canned_id).await? else { return Ok(false) };
    let lang = turn.lang();
    let preview = ta(lang, "asp-canned-preview", &[("ticket", Arg::from(&scoped.ticket.number)), ("text", Arg::from(text))]);
    let keys = InlineKeyboardMarkup::new(vec![vec![button(t(lang, "asp-btn-canned-send"), Btn::CannedSend { id: id.get(), canned: canned_id })]]);
    turn.send_with_buttons(preview, keys).await?;
    Ok(true)
}

/// "Kirim balasan ini": filled again now and sent as the staff member's reply.
pub async fn on_send(turn: &Turn<'_>, id: AspirationId, canned_id: i64, in_reply: bool, at: crate::bot::turn::At) -> Result<bool, HandlerError> {
    let Some((scoped, text)) = filled(turn, id, canned_id).await? else { return Ok(false) };
    let result = flow::reply(turn.ctx, &turn.who.actor, &scoped, &text).await;
    if in_reply {
        turn.end().await?;
    }
    turn.bot.edit_message_reply_markup(at.0, at.1).await?;
    match result {
        Ok(ticket) => {
            let key = if ticket.user_id == crate::platform::personal::ERASED_USER { "asp-reply-unreachable" } else { "asp-reply-sent" };
            turn.say_with(key, &[("ticket", Arg::from(&ticket.number))]).await?;
            Ok(true)
        }
        Err(FlowError::Db(e)) => Err(e.into()),
        Err(_) => Ok(false),
    }
}
