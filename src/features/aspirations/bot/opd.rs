//! Agencies (OPD) in the chat. Staff: "Teruskan" offers the agencies of the ticket's
//! kota (the routed one first) and a note to it; a ticket an agency holds shows the
//! agency and "send on" / "take back". Agency officers: `/antrian` walks their
//! agency's tickets; each card offers accept, progress, done (note, then an optional
//! photo) and "bukan kewenangan kami". Every press is checked again by
//! [`dispose`]; a ticket of another agency is "not found".

use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Message};

use super::{Btn, Dialog, triage};
use crate::bot::keyboards::button;
use crate::bot::turn::{At, Turn};
use crate::bot::{HandlerError, HandlerResult};
use crate::features::aspirations::dispose::{self, Held};
use crate::features::aspirations::dispose_store::{self as ds, Stage};
use crate::features::aspirations::flow::{FlowError, Scoped};
use crate::features::aspirations::model::{self, Access, AspirationId, NOTE_MAX};
use crate::features::aspirations::{flow, render, stages, store};
use crate::platform::i18n::{Arg, Lang, t, ta};

/// After "Teruskan": the agency list, when the ticket's kota has agencies
/// (`Ok(false)`: none, so the plain note question follows).
pub async fn offer_agencies(turn: &Turn<'_>, scoped: &Scoped) -> Result<bool, HandlerError> {
    let choices = dispose::choices(turn.ctx, scoped).await?;
    if choices.is_empty() {
        return Ok(false);
    }
    let lang = turn.lang();
    let id = scoped.ticket.id;
    let current = ds::open(&turn.ctx.db, id).await?.map(|d| d.agency.id);
    let mut buttons: Vec<InlineKeyboardButton> = Vec::new();
    for (i, agency) in choices.iter().filter(|a| Some(a.id) != current).enumerate() {
        let label = if i == 0 && current.is_none() { format!("⭐ {}", agency.label()) } else { agency.label().to_string() };
        buttons.push(button(label, Btn::DisposeTo { id: id.get(), agency: agency.id }));
    }
    let mut rows: Vec<Vec<InlineKeyboardButton>> = buttons.chunks(2).map(<[_]>::to_vec).collect();
    if scoped.ticket.status == model::Status::Diterima {
        rows.push(vec![button(t(lang, "asp-opd-btn-plain"), Btn::ForwardPlain(id.get()))]);
    }
    let args = [("ticket", Arg::from(&scoped.ticket.number))];
    turn.send_with_buttons(ta(lang, "asp-opd-choose", &args), InlineKeyboardMarkup::new(rows)).await?;
    Ok(true)
}

/// The agency line on a staff card, and "send on" / "take back" while an agency holds it.
pub async fn staff_card_extras(
    turn: &Turn<'_>,
    scoped: &Scoped,
    text: String,
    keyboard: &mut Vec<Vec<InlineKeyboardButton>>,
) -> Result<String, HandlerError> {
    let Some(d) = ds::latest(&turn.ctx.db, scoped.ticket.id).await? else { return Ok(text) };
    let lang = turn.lang();
    let mut text = format!("{text}\n\n{}", agency_line(lang, &d));
    if let Some(reason) = d.return_reason.as_deref().filter(|_| d.stage == Stage::Returned) {
        text.push('\n');
        text.push_str(&ta(lang, "asp-opd-card-reason", &[("reason", Arg::from(reason))]));
    }
    if d.stage.is_open() && scoped.access == Access::Triage {
        let row = vec![button(t(lang, "asp-opd-btn-send-on"), Btn::Dispose(scoped.ticket.id.get())), button(t(lang, "asp-opd-btn-recall"), Btn::Recall(scoped.ticket.id.get()))];
        keyboard.insert(0, row);
    }
    Ok(text)
}

/// A card's text with the running stage's service level after it: "⏱ Tanggapan
/// pertama OPD: sisa …" or "⏰ … lewat batas …" (staff and officers alike).
pub async fn with_service_level(turn: &Turn<'_>, scoped: &Scoped, text: String, sep: &str) -> Result<String, HandlerError> {
    let ctx = turn.ctx;
    let reading = stages::store::shown(&ctx.db, &ctx.config.sla, &scoped.ticket, ctx.now(), scoped.tz).await?;
    Ok(match reading {
        Some(r) => format!("{text}{sep}{}", stages::line(turn.lang(), &r, scoped.tz)),
        None => text,
    })
}

fn agency_line(lang: Lang, d: &ds::Disposition) -> String {
    let args = [("agency", Arg::from(d.agency.label())), ("stage", Arg::from(dispose::stage_label(lang, d.stage)))];
    ta(lang, "asp-opd-card-agency", &args)
}

/// "Kirim ke OPD lain" on a staff card.
pub async fn on_dispose(turn: &Turn<'_>, id: AspirationId) -> Result<bool, HandlerError> {
    let Some(scoped) = flow::load(turn.ctx, &turn.who.actor, id).await? else { return Ok(false) };
    if scoped.access != Access::Triage || scoped.ticket.status.is_closed() {
        return Ok(false);
    }
    offer_agencies(turn, &scoped).await
}

/// An agency chosen: asks the optional note to it.
pub async fn on_dispose_to(turn: &Turn<'_>, id: AspirationId, agency: i64) -> Result<bool, HandlerError> {
    let Some(scoped) = flow::load(turn.ctx, &turn.who.actor, id).await? else { return Ok(false) };
    if scoped.access != Access::Triage || scoped.ticket.status.is_closed() {
        return Ok(false);
    }
    let Some(chosen) = dispose::choices(turn.ctx, &scoped).await?.into_iter().find(|a| a.id == agency) else { return Ok(false) };
    turn.set_dialog(Dialog::DisposeNote { ticket: id, agency }).await?;
    let lang = turn.lang();
    let args = [("ticket", Arg::from(&scoped.ticket.number)), ("agency", Arg::from(chosen.label()))];
    let keys = InlineKeyboardMarkup::new(vec![vec![button(t(lang, "asp-btn-skip-note"), Btn::DisposeNoNote(id.get()))]]);
    turn.send_with_buttons(ta(lang, "asp-opd-ask-note", &args), keys).await?;
    Ok(true)
}

pub async fn on_dispose_note(turn: &Turn<'_>, id: AspirationId, agency: i64, msg: &Message) -> HandlerResult {
    let Some(note) = triage::checked_text(turn, msg, NOTE_MAX).await? else { return Ok(()) };
    turn.end().await?;
    disposed(turn, flow::with_found(turn.ctx, &turn.who.actor, id, async |s| dispose::dispose(turn.ctx, &turn.who.actor, s, agency, Some(&note)).await).await).await
}

pub async fn dispose_without_note(turn: &Turn<'_>, id: AspirationId, agency: i64, at: At) -> Result<bool, HandlerError> {
    turn.end().await?;
    turn.bot.edit_message_reply_markup(at.0, at.1).await?;
    disposed(turn, flow::with_found(turn.ctx, &turn.who.actor, id, async |s| dispose::dispose(turn.ctx, &turn.who.actor, s, agency, None).await).await).await?;
    Ok(true)
}

async fn disposed(turn: &Turn<'_>, result: Result<(store::Ticket, crate::kernel::members::agencies::Agency), FlowError>) -> HandlerResult {
    match result {
        Ok((ticket, agency)) => {
            let lang = turn.lang();
            let args = [("ticket", Arg::from(&ticket.number)), ("agency", Arg::from(agency.label()))];
            let keys = InlineKeyboardMarkup::new(vec![vec![button(t(lang, "asp-btn-next"), Btn::Next(model::QueueView::New, ticket.id.get()))]]);
            turn.send_with_buttons(ta(lang, "asp-opd-disposed", &args), keys).await
        }
        Err(e) => refused(turn, e).await,
    }
}

/// "Tarik kembali": the ticket is the staff's again.
pub async fn on_recall(turn: &Turn<'_>, id: AspirationId, at: At) -> Result<bool, HandlerError> {
    match flow::with_found(turn.ctx, &turn.who.actor, id, async |s| dispose::recall(turn.ctx, &turn.who.actor, s).await).await {
        Ok((ticket, agency)) => {
            turn.bot.edit_message_reply_markup(at.0, at.1).await?;
            let args = [("ticket", Arg::from(&ticket.number)), ("agency", Arg::from(agency.label()))];
            turn.say_with("asp-opd-recalled", &args).await?;
            Ok(true)
        }
        Err(FlowError::Db(e)) => Err(e.into()),
        Err(_) => Ok(false),
    }
}

/// `/antrian` of an agency officer: their agency's first ticket, or one by number.
pub async fn queue(turn: &Turn<'_>, args: &str) -> HandlerResult {
    if let Some(number) = model::parse_ticket_number(args) {
        let ticket = store::ticket_by_number(&turn.ctx.db, &number).await?;
        let held = match ticket {
            Some(ticket) => dispose::held(turn.ctx, &turn.who.actor, ticket.id).await,
            None => Err(FlowError::NotFound),
        };
        return match held {
            Ok(held) => show(turn, &held).await,
            Err(FlowError::Db(e)) => Err(e.into()),
            Err(_) => turn.say_with("asp-opd-not-found", &[("ticket", Arg::from(number))]).await,
        };
    }
    show_next(turn, AspirationId(0), "asp-opd-queue-empty").await
}

async fn show_next(turn: &Turn<'_>, after: AspirationId, empty_key: &str) -> HandlerResult {
    let next = ds::next_held(&turn.ctx.db, &turn.who.actor.agencies, after).await?;
    let held = match next {
        Some(id) => dispose::held(turn.ctx, &turn.who.actor, id).await.ok(),
        None => None,
    };
    match held {
        Some(held) => show(turn, &held).await,
        None => turn.say(empty_key).await,
    }
}

pub async fn on_next(turn: &Turn<'_>, after: AspirationId, at: At) -> Result<bool, HandlerError> {
    if turn.who.actor.agencies.is_empty() {
        return Ok(false);
    }
    turn.bot.edit_message_reply_markup(at.0, at.1).await?;
    show_next(turn, after, "asp-opd-queue-end").await?;
    Ok(true)
}

/// An officer's card: the ticket (anonymous ones without sender, pin or photos),
/// the staff's note, what the agency did so far, and its buttons.
async fn show(turn: &Turn<'_>, held: &Held) -> HandlerResult {
    let lang = turn.lang();
    let (scoped, d) = (&held.scoped, &held.disposition);
    let ticket = &scoped.ticket;
    let photos = if flow::hides_sender(scoped) { Vec::new() } else { store::photos(&turn.ctx.db, ticket.id).await? };
    for file_id in &photos {
        turn.bot.send_photo(turn.chat, InputFile::file_id(file_id.clone().into())).await?;
    }
    let sender = flow::sender(turn.ctx, scoped, lang).await?;
    let mut text = render::card(lang, ticket, &scoped.kim.name, &sender, photos.len(), scoped.tz, turn.ctx.config.sla.working_days);
    text.push_str("\n\n");
    text.push_str(&agency_line(lang, d));
    let mut text = with_service_level(turn, scoped, text, "\n").await?;
    if let Some(note) = &d.note {
        text.push('\n');
        text.push_str(&ta(lang, "asp-opd-card-staff-note", &[("note", Arg::from(note))]));
    }
    for e in ds::events(&turn.ctx.db, ticket.id, Some(d.agency.id)).await?.iter().filter(|e| e.kind == "progress") {
        let args = [("time", Arg::from(model::local_time(e.at, scoped.tz))), ("note", Arg::from(e.body.clone().unwrap_or_default()))];
        text.push('\n');
        text.push_str(&ta(lang, "asp-opd-card-progress", &args));
    }
    let id = ticket.id;
    let mut rows = Vec::new();
    if d.stage == Stage::Sent {
        rows.push(vec![button(t(lang, "asp-opd-btn-accept"), Btn::OpdAccept(id.get()))]);
    }
    rows.push(vec![button(t(lang, "asp-opd-btn-progress"), Btn::OpdProgress(id.get())), button(t(lang, "asp-opd-btn-done"), Btn::OpdDone(id.get()))]);
    rows.push(vec![button(t(lang, "asp-opd-btn-return"), Btn::OpdReturn(id.get()))]);
    rows.push(vec![button(t(lang, "asp-btn-next"), Btn::OpdNext(id.get()))]);
    turn.send_with_buttons(text, InlineKeyboardMarkup::new(rows)).await
}

pub async fn on_accept(turn: &Turn<'_>, id: AspirationId, at: At) -> Result<bool, HandlerError> {
    match dispose::accept(turn.ctx, &turn.who.actor, id).await {
        Ok(held) => {
            turn.bot.edit_message_reply_markup(at.0, at.1).await?;
            turn.say_with("asp-opd-accepted", &[("ticket", Arg::from(&held.scoped.ticket.number))]).await?;
            if let Ok(fresh) = dispose::held(turn.ctx, &turn.who.actor, id).await {
                show(turn, &fresh).await?;
            }
            Ok(true)
        }
        Err(FlowError::Db(e)) => Err(e.into()),
        Err(_) => Ok(false),
    }
}

/// A button that asks the officer to type something next (`dialog` waits for it).
pub async fn ask(turn: &Turn<'_>, id: AspirationId, dialog: Dialog, key: &str) -> Result<bool, HandlerError> {
    let held = match dispose::held(turn.ctx, &turn.who.actor, id).await {
        Ok(held) => held,
        Err(FlowError::Db(e)) => return Err(e.into()),
        Err(_) => return Ok(false),
    };
    turn.set_dialog(dialog).await?;
    let args = [("ticket", Arg::from(&held.scoped.ticket.number)), ("agency", Arg::from(held.disposition.agency.label()))];
    turn.say_with(key, &args).await?;
    Ok(true)
}

pub async fn on_progress(turn: &Turn<'_>, id: AspirationId, msg: &Message) -> HandlerResult {
    let Some(text) = triage::checked_text(turn, msg, NOTE_MAX).await? else { return Ok(()) };
    turn.end().await?;
    match dispose::progress(turn.ctx, &turn.who.actor, id, &text).await {
        Ok(held) => turn.say_with("asp-opd-progress-sent", &[("ticket", Arg::from(&held.scoped.ticket.number))]).await,
        Err(e) => refused(turn, e).await,
    }
}

pub async fn on_return(turn: &Turn<'_>, id: AspirationId, msg: &Message) -> HandlerResult {
    let Some(reason) = triage::checked_text(turn, msg, NOTE_MAX).await? else { return Ok(()) };
    turn.end().await?;
    match dispose::give_back(turn.ctx, &turn.who.actor, id, &reason).await {
        Ok(held) => turn.say_with("asp-opd-returned", &[("ticket", Arg::from(&held.scoped.ticket.number))]).await,
        Err(e) => refused(turn, e).await,
    }
}

/// The closing note: checked like any closing note, then the photo question.
pub async fn on_done_note(turn: &Turn<'_>, id: AspirationId, msg: &Message) -> HandlerResult {
    let Some(note) = triage::checked_text(turn, msg, NOTE_MAX).await? else { return Ok(()) };
    if model::transition(model::Status::Diteruskan, model::Status::Selesai, Some(&note)).is_err() {
        let args = [("min", Arg::from(model::CLOSING_NOTE_MIN as i64)), ("words", Arg::from(model::CLOSING_NOTE_WORDS as i64))];
        return turn.say_with("asp-note-too-short", &args).await;
    }
    turn.set_dialog(Dialog::OpdDonePhoto { ticket: id, note }).await?;
    let lang = turn.lang();
    let keys = InlineKeyboardMarkup::new(vec![vec![button(t(lang, "asp-opd-btn-no-photo"), Btn::OpdNoPhoto(id.get()))]]);
    turn.send_with_buttons(t(lang, "asp-opd-ask-photo"), keys).await
}

pub async fn on_done_photo(turn: &Turn<'_>, id: AspirationId, note: &str, msg: &Message) -> HandlerResult {
    let largest = msg.photo().and_then(|sizes| sizes.iter().max_by_key(|p| p.width * p.height));
    let Some(photo) = largest.map(|p| p.file.id.0.clone()) else { return turn.say("asp-opd-photo-or-button").await };
    finish(turn, id, note, Some(&photo), None).await.map(drop)
}

/// Marks the ticket done (with the photo, if any) and tells the officer.
pub async fn finish(turn: &Turn<'_>, id: AspirationId, note: &str, photo: Option<&str>, at: Option<At>) -> Result<bool, HandlerError> {
    turn.end().await?;
    if let Some(at) = at {
        turn.bot.edit_message_reply_markup(at.0, at.1).await?;
    }
    match dispose::done(turn.ctx, &turn.who.actor, id, note, photo).await {
        Ok(held) => turn.say_with("asp-opd-done", &[("ticket", Arg::from(&held.scoped.ticket.number))]).await?,
        Err(e) => refused(turn, e).await?,
    }
    Ok(true)
}

/// Why an action did not happen, in the chat.
async fn refused(turn: &Turn<'_>, error: FlowError) -> HandlerResult {
    match error {
        FlowError::Db(e) => Err(e.into()),
        FlowError::Stale(now) => turn.say_with("asp-status-changed", &[("status", Arg::from(render::status(turn.lang(), now)))]).await,
        FlowError::Transition(model::TransitionError::NoteTooShort) => {
            let args = [("min", Arg::from(model::CLOSING_NOTE_MIN as i64)), ("words", Arg::from(model::CLOSING_NOTE_WORDS as i64))];
            turn.say_with("asp-note-too-short", &args).await
        }
        FlowError::NotFound => turn.say("asp-opd-gone").await,
        _ => turn.say("asp-not-allowed-now").await,
    }
}
