//! Moving a published training in time or place. Everyone registered or waiting is
//! told what changed (through the outbox); reminders follow the new start.

use teloxide::types::Message;

use super::compose::{pin_of, venue_from_text};
use super::ui;
use super::{Btn, Dialog};
use crate::platform::i18n::Arg;
use crate::bot::turn::{At, Turn};
use crate::bot::{HandlerError, HandlerResult};
use crate::features::trainings::form::FieldError;
use crate::features::trainings::model::{Status, Training, Venue};
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
    turn.set_dialog(Dialog::Reschedule { training_id: id, starts_at: None }).await?;
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
                turn.set_dialog(Dialog::Reschedule { training_id: id, starts_at: Some(start) }).await?;
                turn.say_with("training-ask-end", &[zone(turn, &tr)]).await
            }
            Ok(_) => refuse(turn, FieldError::Past).await,
            Err(e) => refuse(turn, e.into()).await,
        },
        Some(start) => match when::parse_end(text, start, now, tz) {
            Ok(end) if end > start => {
                actions::reschedule(turn.ctx, turn.who.user_id, id, start, end).await?;
                turn.end().await?;
                let args = [("when", Arg::from(render::span(turn.lang(), start, end, tz))), told(&tr)];
                turn.say_with("training-moved-done", &args).await
            }
            Ok(_) => refuse(turn, FieldError::EndBeforeStart).await,
            Err(e) => refuse(turn, e.into()).await,
        },
    }
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
