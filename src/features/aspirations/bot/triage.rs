//! Staff and coordinators: `/antrian` shows new tickets one at a time; staff change
//! status (each change asks for its note to the resident first, and can be undone
//! for a minute) and reply from the ticket card, coordinators only read. Every press
//! is checked again here (role, scope, the ticket's current status) before it acts.

use teloxide::payloads::setters::*;
use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Message};

use super::{Btn, Dialog};
use crate::features::aspirations::flow::{self, FlowError, Scoped};
use crate::features::aspirations::model::{self, Access, AspirationId, NOTE_MAX, NoteRule, REPLY_MAX, Status};
use crate::features::aspirations::render::{self, Sender};
use crate::features::aspirations::{store, undo};
use crate::platform::i18n::{Arg, Lang, t, ta};
use crate::kernel::members::{UserId, areas};
use crate::bot::keyboards::button;
use crate::bot::turn::{At, Turn};
use crate::bot::{HandlerError, HandlerResult};

fn asp(label: String, btn: Btn) -> InlineKeyboardButton {
    button(label, btn)
}

/// KIMs whose tickets this person may see (staff area, coordinated KIMs; all for admins).
async fn kims_in_scope(turn: &Turn<'_>) -> Result<Vec<i64>, HandlerError> {
    let kims = areas::all_kims(&turn.ctx.db).await?;
    Ok(kims.into_iter().filter(|k| model::access(&turn.who.actor, k) != Access::None).map(|k| k.id.get()).collect())
}

/// `/antrian` (new tickets), `/antrian proses` (in progress), `/antrian selesai`
/// (closed, newest first), or `/antrian ASP-…` (one ticket, as `/status ASP-…`).
pub async fn queue(turn: &Turn<'_>, args: &str) -> HandlerResult {
    if turn.who.actor.role() == crate::kernel::members::Role::Officer {
        return super::opd::queue(turn, args).await;
    }
    let kims = kims_in_scope(turn).await?;
    if kims.is_empty() {
        return turn.say("not-allowed-coordinator").await;
    }
    if model::parse_ticket_number(args).is_some() {
        return super::status::command(turn, args).await;
    }
    let Some(view) = model::QueueView::typed(args) else { return turn.say("asp-queue-usage").await };
    show_next(turn, &kims, view, AspirationId(0), view.empty_key()).await
}

/// Shows the view's next ticket after `after`, or says `empty_key`.
async fn show_next(turn: &Turn<'_>, kims: &[i64], view: model::QueueView, after: AspirationId, empty_key: &str) -> HandlerResult {
    match store::next_in_queue(&turn.ctx.db, kims, after, view, turn.who.actor.user_id.get()).await? {
        Some(ticket) => match flow::load(turn.ctx, &turn.who.actor, ticket.id).await? {
            Some(scoped) => show(turn, &scoped, Some(view)).await,
            None => say_empty(turn, kims, view, empty_key).await,
        },
        None => say_empty(turn, kims, view, empty_key).await,
    }
}

/// Says `key` (nothing (more) in the view); for new tickets it also counts those in
/// progress, which a forwarded ticket moved to.
async fn say_empty(turn: &Turn<'_>, kims: &[i64], view: model::QueueView, key: &str) -> HandlerResult {
    let open = match view {
        model::QueueView::New => store::count_in_queue(&turn.ctx.db, kims, model::QueueView::Open, turn.who.actor.user_id.get()).await?,
        _ => 0,
    };
    turn.say_with(key, &[("open", Arg::from(open))]).await
}

/// Sends a ticket's photos, then its card with the buttons this person may use.
/// `queue`: the `/antrian` view the card was reached through (its Next button).
pub async fn show(turn: &Turn<'_>, scoped: &Scoped, queue: Option<model::QueueView>) -> HandlerResult {
    let lang = turn.lang();
    let ticket = &scoped.ticket;
    // Anonymous tickets show coordinators no photos (nor location, see render::card).
    let photos = if flow::hides_sender(scoped) { Vec::new() } else { store::photos(&turn.ctx.db, ticket.id).await? };
    // A ticket carries a resident's personal data: Telegram keeps the card and its
    // photos from being forwarded or saved out of the staff member's chat.
    for file_id in &photos {
        turn.bot.send_photo(turn.chat, InputFile::file_id(file_id.clone().into())).protect_content(true).await?;
    }
    let sender = sender(turn, scoped).await?;
    let text = render::card(lang, ticket, &scoped.kim.name, &sender, photos.len(), scoped.tz, turn.ctx.config.sla.working_days);
    let round = crate::features::aspirations::verdict::store::latest(&turn.ctx.db, ticket.id).await?;
    let text = crate::features::aspirations::verdict::with_staff_lines(text, lang, round.as_ref(), scoped.tz);
    let (history, thread) = (store::history(&turn.ctx.db, ticket.id).await?, store::thread(&turn.ctx.db, ticket.id).await?);
    let text = render::with_history(text, render::card_history(lang, &history, &thread, scoped.tz));
    let text = match ticket.assignee {
        Some(user) => {
            let name = crate::features::aspirations::assign::name_of(&turn.ctx.db, UserId(user)).await?;
            format!("{text}\n\n{}", ta(lang, "desk-assigned-to", &[("name", Arg::from(name))]))
        }
        None => text,
    };
    let notes = super::desk::card_notes(turn, scoped).await?;
    let text = if notes.is_empty() { text } else { render::with_history(text, notes) };
    let mut keyboard = card_buttons(lang, scoped, queue, turn.who.actor.user_id.get());
    let text = super::opd::staff_card_extras(turn, scoped, text, &mut keyboard).await?;
    let text = super::opd::with_service_level(turn, scoped, text, "\n\n").await?;
    turn.bot.send_message(turn.chat, text).reply_markup(InlineKeyboardMarkup::new(keyboard)).protect_content(true).await?;
    Ok(())
}

/// Coordinators never learn who sent an anonymous ticket; staff always do.
async fn sender(turn: &Turn<'_>, scoped: &Scoped) -> Result<Sender, HandlerError> {
    Ok(flow::sender(turn.ctx, scoped, turn.lang()).await?)
}

fn card_buttons(lang: Lang, scoped: &Scoped, queue: Option<model::QueueView>, me: i64) -> Vec<Vec<InlineKeyboardButton>> {
    let ticket = &scoped.ticket;
    let mut rows = Vec::new();
    if scoped.access == Access::Triage && !ticket.status.is_closed() && ticket.assignee != Some(me) {
        rows.push(vec![asp(t(lang, "desk-btn-take"), Btn::Take(ticket.id.get()))]);
    }
    if scoped.access == Access::Triage {
        let moves: Vec<_> = ticket
            .status
            .next_steps()
            .into_iter()
            .map(|to| asp(render::move_label(lang, to), Btn::Move { id: ticket.id.get(), from: ticket.status, to }))
            .collect();
        rows.extend(moves.chunks(2).map(<[_]>::to_vec));
        rows.push(vec![asp(t(lang, "asp-btn-reply"), Btn::Reply(ticket.id.get())), asp(t(lang, "asp-btn-note"), Btn::Note(ticket.id.get()))]);
    }
    if let Some(view) = queue {
        rows.push(vec![asp(t(lang, "asp-btn-next"), Btn::Next(view, ticket.id.get()))]);
    }
    rows
}

/// "Ambil" on the card: the ticket is the presser's (the same domain function as the
/// console's). `Ok(false)` (stale) when they may not or it closed meanwhile.
pub async fn on_take(turn: &Turn<'_>, id: AspirationId) -> Result<bool, HandlerError> {
    match flow::with_found(turn.ctx, &turn.who.actor, id, async |s| crate::features::aspirations::assign::assign(turn.ctx, &turn.who.actor, s, Some(turn.who.actor.user_id.get())).await).await {
        Ok(ticket) => {
            turn.say_with("desk-taken", &[("ticket", Arg::from(&ticket.number))]).await?;
            Ok(true)
        }
        Err(FlowError::Db(e)) => Err(e.into()),
        Err(_) => Ok(false),
    }
}

/// A ticket this person may triage, still in `from`, for which `from → to` is a step.
async fn triageable(turn: &Turn<'_>, id: AspirationId, (from, to): (Status, Status)) -> Result<Option<Scoped>, HandlerError> {
    let Some(scoped) = flow::load(turn.ctx, &turn.who.actor, id).await? else { return Ok(None) };
    let fits = scoped.access == Access::Triage && scoped.ticket.status == from && model::check_move(from, to).is_ok();
    Ok(fits.then_some(scoped))
}

/// A move button: asks for the note to the resident first. Where the note is
/// optional (forwarding) the question carries "Lewati"; a closing needs a real one.
/// "Teruskan" first offers the agencies (OPD) of the ticket's kota, when there are any.
pub async fn on_move(turn: &Turn<'_>, id: AspirationId, (from, to): (Status, Status), _at: At) -> Result<bool, HandlerError> {
    let Some(scoped) = triageable(turn, id, (from, to)).await? else { return Ok(false) };
    if to == Status::Diteruskan && super::opd::offer_agencies(turn, &scoped).await? {
        return Ok(true);
    }
    ask_note(turn, &scoped, (from, to)).await
}

/// Forwarding without an agency ("Teruskan tanpa OPD"): the note question as before.
pub async fn forward_plain(turn: &Turn<'_>, id: AspirationId) -> Result<bool, HandlerError> {
    let (from, to) = (Status::Diterima, Status::Diteruskan);
    let Some(scoped) = triageable(turn, id, (from, to)).await? else { return Ok(false) };
    ask_note(turn, &scoped, (from, to)).await
}

/// Asks the note to the resident for a move.
async fn ask_note(turn: &Turn<'_>, scoped: &Scoped, (from, to): (Status, Status)) -> Result<bool, HandlerError> {
    let id = scoped.ticket.id;
    turn.set_dialog(Dialog::Note { ticket: id, from, to }).await?;
    let lang = turn.lang();
    let args = [("ticket", Arg::from(&scoped.ticket.number)), ("status", Arg::from(render::status(lang, to)))];
    let (key, skip) = match to.note_rule() {
        NoteRule::Optional => ("asp-ask-note-optional", true),
        NoteRule::Required => ("asp-ask-note-progress", false),
        NoteRule::Meaningful => ("asp-ask-note", false),
    };
    if skip {
        let keys = InlineKeyboardMarkup::new(vec![vec![asp(t(lang, "asp-btn-skip-note"), Btn::SkipNote(id.get()))]]);
        turn.send_with_buttons(ta(lang, key, &args), keys).await?;
    } else {
        turn.say_with(key, &args).await?;
    }
    Ok(true)
}

/// "Lewati" on the note question: the move goes ahead without a note.
pub async fn skip_note(turn: &Turn<'_>, id: AspirationId, (from, to): (Status, Status), at: At) -> Result<bool, HandlerError> {
    if to.note_rule() != NoteRule::Optional {
        return Ok(false);
    }
    turn.end().await?;
    turn.bot.edit_message_reply_markup(at.0, at.1).await?;
    let actor = &turn.who.actor;
    let result = flow::with_found(turn.ctx, actor, id, async |s| flow::change_status_logged(turn.ctx, actor, s, (from, to), None).await).await;
    after_change(turn, result).await?;
    Ok(true)
}

/// Confirms a change to staff, with "Urungkan" (for a minute) and a way on to the
/// next new ticket.
async fn moved(turn: &Turn<'_>, ticket: &store::Ticket, log_id: i64) -> HandlerResult {
    let lang = turn.lang();
    let args = [("ticket", Arg::from(&ticket.number)), ("status", Arg::from(render::status(lang, ticket.status)))];
    let keyboard = InlineKeyboardMarkup::new(vec![
        vec![asp(t(lang, "asp-btn-undo"), Btn::Undo { id: ticket.id.get(), log: log_id })],
        vec![asp(t(lang, "asp-btn-next"), Btn::Next(model::QueueView::New, ticket.id.get()))],
    ]);
    let key = if reachable(ticket) { "asp-moved" } else { "asp-moved-unreachable" };
    let text = format!("{}\n{}", ta(lang, key, &args), t(lang, "asp-moved-undo-hint"));
    turn.send_with_buttons(text, keyboard).await
}

/// Tells staff how a status change went.
async fn after_change(turn: &Turn<'_>, result: Result<(store::Ticket, i64), FlowError>) -> HandlerResult {
    match result {
        Ok((ticket, log_id)) => moved(turn, &ticket, log_id).await,
        Err(FlowError::Stale(now)) => {
            turn.say_with("asp-status-changed", &[("status", Arg::from(render::status(turn.lang(), now)))]).await
        }
        Err(FlowError::Db(e)) => Err(e.into()),
        Err(_) => turn.say("asp-not-allowed-now").await,
    }
}

pub async fn on_note(turn: &Turn<'_>, id: AspirationId, (from, to): (Status, Status), msg: &Message) -> HandlerResult {
    let Some(note) = checked_text(turn, msg, NOTE_MAX).await? else { return Ok(()) };
    let actor = &turn.who.actor;
    let result = flow::with_found(turn.ctx, actor, id, async |s| flow::change_status_logged(turn.ctx, actor, s, (from, to), Some(&note)).await).await;
    if matches!(result, Err(FlowError::Transition(model::TransitionError::NoteTooShort))) {
        // The dialogue stays: the next message is a fuller note.
        let args = [("min", Arg::from(model::CLOSING_NOTE_MIN as i64)), ("words", Arg::from(model::CLOSING_NOTE_WORDS as i64))];
        return turn.say_with("asp-note-too-short", &args).await;
    }
    turn.end().await?;
    after_change(turn, result).await
}

/// "Urungkan": takes back the change, then shows the ticket again so the right
/// button can be pressed. Refused (as a stale button) after a minute, after another
/// change, or for anyone but the person who made the change.
pub async fn on_undo(turn: &Turn<'_>, id: AspirationId, log_id: i64, at: At) -> Result<bool, HandlerError> {
    let ticket = match undo::undo(turn.ctx, &turn.who.actor, id, log_id).await {
        Ok(ticket) => ticket,
        Err(FlowError::Db(e)) => return Err(e.into()),
        Err(_) => return Ok(false),
    };
    turn.bot.edit_message_reply_markup(at.0, at.1).await?;
    let lang = turn.lang();
    let args = [("ticket", Arg::from(&ticket.number)), ("status", Arg::from(render::status(lang, ticket.status)))];
    turn.say_with(if reachable(&ticket) { "asp-undone" } else { "asp-undone-unreachable" }, &args).await?;
    if let Some(scoped) = flow::load(turn.ctx, &turn.who.actor, id).await? {
        show(turn, &scoped, None).await?;
    }
    Ok(true)
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

pub async fn on_reply_button(turn: &Turn<'_>, id: AspirationId) -> Result<bool, HandlerError> {
    let Some(scoped) = flow::load(turn.ctx, &turn.who.actor, id).await? else { return Ok(false) };
    if scoped.access != Access::Triage {
        return Ok(false);
    }
    let args = [("ticket", Arg::from(&scoped.ticket.number))];
    if !reachable(&scoped.ticket) {
        // Nothing typed now could reach anyone: say so before asking for text.
        turn.say_with("asp-reply-unreachable-ask", &args).await?;
        return Ok(true);
    }
    turn.set_dialog(Dialog::Reply { ticket: id }).await?;
    match super::desk::canned_button(turn, &scoped).await? {
        Some(canned) => turn.send_with_buttons(ta(turn.lang(), "asp-ask-reply", &args), InlineKeyboardMarkup::new(vec![vec![canned]])).await?,
        None => turn.say_with("asp-ask-reply", &args).await?,
    }
    Ok(true)
}

/// Whether the ticket's sender can still be told anything: after `/hapusdata` the
/// ticket stays (for the record) but no chat belongs to it, so staff must not read
/// "the resident has been told".
fn reachable(ticket: &store::Ticket) -> bool {
    ticket.user_id != crate::platform::personal::ERASED_USER
}

pub async fn on_reply(turn: &Turn<'_>, id: AspirationId, msg: &Message) -> HandlerResult {
    let Some(text) = checked_text(turn, msg, REPLY_MAX).await? else { return Ok(()) };
    let actor = &turn.who.actor;
    let result = flow::with_found(turn.ctx, actor, id, async |s| flow::reply(turn.ctx, actor, s, &text).await).await;
    turn.end().await?;
    match result {
        Ok(ticket) => {
            let key = if reachable(&ticket) { "asp-reply-sent" } else { "asp-reply-unreachable" };
            turn.say_with(key, &[("ticket", Arg::from(&ticket.number))]).await
        }
        Err(FlowError::Db(e)) => Err(e.into()),
        Err(_) => turn.say("asp-not-allowed-now").await,
    }
}

pub async fn on_next(turn: &Turn<'_>, view: model::QueueView, after: AspirationId, at: At) -> Result<bool, HandlerError> {
    let kims = kims_in_scope(turn).await?;
    if kims.is_empty() {
        return Ok(false);
    }
    turn.bot.edit_message_reply_markup(at.0, at.1).await?;
    show_next(turn, &kims, view, after, view.end_key()).await?;
    Ok(true)
}
