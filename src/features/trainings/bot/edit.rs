//! Moving a published training in time or place. Everyone registered or waiting is
//! told what changed (through the outbox); reminders follow the new start. A move in
//! time is shown first — the new time, how many people will be told, where the
//! registration deadline goes — and happens only on "Ya, pindahkan".

use chrono_tz::Tz;
use teloxide::types::{InlineKeyboardMarkup, Message};

use super::compose::{pin_of, venue_from_text};
use super::ui::{self, bk};
use super::{Btn, Dialog};
use crate::platform::i18n::{Arg, Lang, t, ta};
use crate::bot::turn::{At, Turn};
use crate::bot::{HandlerError, HandlerResult};
use crate::features::trainings::form::FieldError;
use crate::features::trainings::model::{Status, Training, TrainingId, Venue};
use crate::features::trainings::{actions, render, when};

/// The training if this person may still change it (managed, not cancelled, not started).
async fn changeable(turn: &Turn<'_>, id: i64) -> Result<Option<Training>, HandlerError> {
    let tr = ui::managed(turn, id).await?;
    Ok(tr.filter(|t| t.status() != Status::Cancelled && turn.now() < t.starts_at))
}

fn zone(turn: &Turn<'_>, tr: &Training) -> (&'static str, Arg) {
    ("zone", Arg::from(when::parts(turn.now(), tr.tz(turn.ctx.config.tz)).zone))
}

pub async fn begin_time(turn: &Turn<'_>, id: i64) -> Result<bool, HandlerError> {
    let Some(tr) = changeable(turn, id).await? else { return Ok(false) };
    turn.set_dialog(Dialog::Reschedule { training_id: id, starts_at: None, ends_at: None }).await?;
    let now = render::span(turn.lang(), tr.starts_at, tr.ends_at, tr.tz(turn.ctx.config.tz));
    turn.say_with("training-ask-new-start", &[("current", Arg::from(now)), zone(turn, &tr)]).await?;
    Ok(true)
}

pub async fn begin_place(turn: &Turn<'_>, id: i64) -> Result<bool, HandlerError> {
    if changeable(turn, id).await?.is_none() {
        return Ok(false);
    }
    turn.set_dialog(Dialog::Relocate { training_id: id, venue: None }).await?;
    turn.say("training-ask-new-place").await?;
    Ok(true)
}

/// Ends the dialogue when the training can no longer be changed (cancelled, started,
/// or the person lost the role meanwhile).
async fn gone(turn: &Turn<'_>) -> HandlerResult {
    turn.end().await?;
    turn.say("training-edit-gone").await
}

pub async fn on_time(turn: &Turn<'_>, id: i64, starts_at: Option<i64>, msg: &Message) -> HandlerResult {
    let Some(tr) = changeable(turn, id).await? else { return gone(turn).await };
    let Some(text) = msg.text() else { return turn.say("training-need-text").await };
    let (now, tz) = (turn.now(), tr.tz(turn.ctx.config.tz));
    match starts_at {
        None => match when::parse_local(text, now, tz) {
            Ok(start) if start > now => {
                turn.set_dialog(Dialog::Reschedule { training_id: id, starts_at: Some(start), ends_at: None }).await?;
                turn.say_with("training-ask-end", &[zone(turn, &tr)]).await
            }
            Ok(_) => refuse(turn, FieldError::Past).await,
            Err(e) => refuse(turn, e.into()).await,
        },
        Some(start) => match when::parse_end(text, start, now, tz) {
            Ok(end) if end > start => {
                turn.set_dialog(Dialog::Reschedule { training_id: id, starts_at: Some(start), ends_at: Some(end) }).await?;
                let lang = turn.lang();
                let kb = InlineKeyboardMarkup::new(vec![vec![
                    bk(lang, "training-btn-move-yes", Btn::MoveYes(id)),
                    bk(lang, "training-btn-move-retype", Btn::EditTime(id)),
                ]]);
                turn.send_with_buttons(move_question(lang, &tr, (start, end), tz), kb).await
            }
            Ok(_) => refuse(turn, FieldError::EndBeforeStart).await,
            Err(e) => refuse(turn, e.into()).await,
        },
    }
}

/// What "move" will do: the new time, who will be told, and where registration
/// now closes (a deadline after the new start falls back to the start).
fn move_question(lang: Lang, tr: &Training, (start, end): (i64, i64), tz: Tz) -> String {
    let title = ("title", Arg::from(&tr.title));
    let mut lines = vec![ta(lang, "training-move-ask", &[title, ("when", Arg::from(render::span(lang, start, end, tz)))])];
    lines.push(if tr.registered + tr.waitlisted == 0 {
        t(lang, "training-move-told-none")
    } else {
        let counts = [("registered", Arg::from(tr.registered)), ("waiting", Arg::from(tr.waitlisted))];
        ta(lang, "training-move-told", &counts)
    });
    let new_deadline = match tr.deadline_at {
        Some(d) if d <= start => d,
        _ => start,
    };
    let (old, new) = (render::moment(lang, tr.deadline(), tz), render::moment(lang, new_deadline, tz));
    lines.push(if old == new {
        ta(lang, "training-move-deadline-stays", &[("deadline", Arg::from(old))])
    } else {
        ta(lang, "training-move-deadline-moves", &[("old", Arg::from(old)), ("new", Arg::from(new))])
    });
    lines.join("\n")
}

/// "Ya, pindahkan": the move shown is made and everyone is told. Only the move on
/// screen counts: a second press finds the dialogue over and changes nothing.
pub async fn confirm_time(turn: &Turn<'_>, dialog: Option<Dialog>, id: i64, at: At) -> Result<bool, HandlerError> {
    let Some(Dialog::Reschedule { training_id, starts_at: Some(start), ends_at: Some(end) }) = dialog else {
        return Ok(false);
    };
    if training_id != id {
        return Ok(false);
    }
    let Some(tr) = changeable(turn, id).await? else {
        gone(turn).await?;
        return Ok(true);
    };
    if start <= turn.now() {
        turn.set_dialog(Dialog::Reschedule { training_id: id, starts_at: None, ends_at: None }).await?;
        refuse(turn, FieldError::Past).await?;
        return Ok(true);
    }
    actions::reschedule(turn.ctx, turn.who.user_id, TrainingId(id), start, end).await?;
    turn.end().await?;
    let tz = tr.tz(turn.ctx.config.tz);
    let args = [("when", Arg::from(render::span(turn.lang(), start, end, tz))), told(&tr)];
    ui::edit(turn, at, ta(turn.lang(), "training-moved-done", &args), None).await?;
    Ok(true)
}

async fn refuse(turn: &Turn<'_>, e: FieldError) -> HandlerResult {
    turn.send(ui::field_error(turn.lang(), &e)).await
}

fn told(tr: &Training) -> (&'static str, Arg) {
    ("count", Arg::from(tr.registered + tr.waitlisted))
}

pub async fn on_place(turn: &Turn<'_>, id: i64, venue: Option<Venue>, msg: &Message) -> HandlerResult {
    let Some(tr) = changeable(turn, id).await? else { return gone(turn).await };
    match venue {
        None if msg.location().is_some() => turn.say("training-place-text-first").await,
        None => {
            let Some(text) = msg.text() else { return turn.say("training-need-text").await };
            match venue_from_text(text) {
                Ok(online @ Venue::Online { .. }) => apply(turn, &tr, online).await,
                Ok(place) => {
                    turn.set_dialog(Dialog::Relocate { training_id: id, venue: Some(place) }).await?;
                    let kb = ui::one(turn.lang(), "training-btn-skip", Btn::Skip);
                    turn.send_with_buttons(crate::platform::i18n::t(turn.lang(), "training-ask-pin"), kb).await
                }
                Err(e) => refuse(turn, e).await,
            }
        }
        Some(Venue::Place { text, .. }) => match pin_of(msg) {
            Some(pin) => apply(turn, &tr, Venue::Place { text, pin: Some(pin) }).await,
            None => turn.say("training-ask-pin").await,
        },
        Some(online) => apply(turn, &tr, online).await,
    }
}

pub async fn skip_pin(turn: &Turn<'_>, id: i64, venue: Venue, at: At) -> Result<bool, HandlerError> {
    let Some(tr) = changeable(turn, id).await? else { return Ok(false) };
    // The question is answered: its button must not be pressed twice.
    turn.bot.edit_message_reply_markup(at.0, at.1).await?;
    apply(turn, &tr, venue).await?;
    Ok(true)
}

async fn apply(turn: &Turn<'_>, tr: &Training, venue: Venue) -> HandlerResult {
    let shown = render::venue(turn.lang(), &venue);
    actions::move_venue(turn.ctx, turn.who.user_id, tr.id, venue).await?;
    turn.end().await?;
    turn.say_with("training-venue-done", &[("venue", Arg::from(shown)), told(tr)]).await
}
