//! Residents: `/pelatihan` shows the KIM's upcoming trainings one card at a time
//! with "Daftar" / "Batal ikut"; `/pelatihansaya` lists one's own seats and
//! waitlist places with a cancel button each.

use teloxide::types::InlineKeyboardMarkup;

use super::Btn;
use super::ui::{self, b, bk};
use crate::platform::i18n::{Arg, t, ta};
use crate::bot::turn::{At, Turn};
use crate::bot::{HandlerError, HandlerResult};
use crate::features::trainings::model::{Refusal, Seat, Training};
use crate::features::trainings::seats::{self, Registration, SeatError};
use crate::features::trainings::{actions, render, store};

pub async fn show(turn: &Turn<'_>) -> HandlerResult {
    let Some(kim_id) = turn.who.member.as_ref().and_then(|m| m.kim_id) else { return turn.say("training-no-kim").await };
    let list = store::upcoming_for_kim(&turn.ctx.db, kim_id, turn.now()).await?;
    if list.is_empty() {
        return turn.say("training-none-upcoming").await;
    }
    let (text, kb) = card_view(turn, &list, 0, None).await?;
    turn.send_with_buttons(text, kb).await
}

/// The card at `index` with its buttons; `note` (what just happened) goes first.
async fn card_view(turn: &Turn<'_>, list: &[Training], index: usize, note: Option<String>) -> Result<(String, InlineKeyboardMarkup), HandlerError> {
    let lang = turn.lang();
    let tr = &list[index];
    let seat = store::seat_of(&turn.ctx.db, tr.id, turn.who.user_id).await?;
    let mut text: Vec<String> = note.into_iter().collect();
    let position = [("n", Arg::from(index as i64 + 1)), ("total", Arg::from(list.len() as i64))];
    text.push(ta(lang, "training-browse-position", &position));
    text.push(render::card(lang, tr, seat, turn.now(), tr.tz(turn.ctx.config.tz)));
    let mut rows = Vec::new();
    match seat {
        Some(_) => rows.push(vec![bk(lang, "training-btn-withdraw", Btn::Withdraw(tr.id))]),
        None if tr.refusal(turn.now()).is_none() => rows.push(vec![bk(lang, render::register_key(tr), Btn::Register(tr.id))]),
        None => {}
    }
    let mut nav = Vec::new();
    if index > 0 {
        nav.push(b("‹", Btn::Page(index as i64 - 1)));
    }
    if index + 1 < list.len() {
        nav.push(b("›", Btn::Page(index as i64 + 1)));
    }
    rows.push(nav);
    Ok((text.join("\n\n"), InlineKeyboardMarkup::new(rows)))
}

/// Shows a training's card again after a press, with `note` on top; a training no
/// longer in the list (cancelled, started) is shown without buttons.
pub(super) async fn refresh(turn: &Turn<'_>, tr: &Training, at: At, note: Option<String>) -> HandlerResult {
    let list = store::upcoming_for_kim(&turn.ctx.db, tr.kim_id, turn.now()).await?;
    if let Some(index) = list.iter().position(|t| t.id == tr.id) {
        let (text, kb) = card_view(turn, &list, index, note).await?;
        return ui::edit(turn, at, text, Some(kb)).await;
    }
    let fresh = store::get(&turn.ctx.db, tr.id).await?.unwrap_or_else(|| tr.clone());
    let card = render::card(turn.lang(), &fresh, None, turn.now(), fresh.tz(turn.ctx.config.tz));
    let text = note.into_iter().chain([card]).collect::<Vec<_>>().join("\n\n");
    ui::edit(turn, at, text, None).await
}

pub async fn on_button(turn: &Turn<'_>, btn: Btn, at: At) -> Result<bool, HandlerError> {
    let Some(kim_id) = turn.who.member.as_ref().and_then(|m| m.kim_id) else { return Ok(false) };
    if let Btn::Page(index) = btn {
        let list = store::upcoming_for_kim(&turn.ctx.db, kim_id, turn.now()).await?;
        if list.is_empty() {
            ui::edit(turn, at, t(turn.lang(), "training-none-upcoming"), None).await?;
        } else {
            let (text, kb) = card_view(turn, &list, (index.max(0) as usize).min(list.len() - 1), None).await?;
            ui::edit(turn, at, text, Some(kb)).await?;
        }
        return Ok(true);
    }
    let (Btn::Register(id) | Btn::Withdraw(id) | Btn::WithdrawMine(id) | Btn::WithdrawYes { id, .. } | Btn::WithdrawKeep { id, .. }) = btn
    else {
        return Ok(false);
    };
    // Registering is for one's own KIM's trainings only (other ids are forged);
    // withdrawing touches only one's own seat, wherever one lives now.
    let own_kim = |t: &Training| t.kim_id == kim_id || !matches!(btn, Btn::Register(_));
    let Some(tr) = store::get(&turn.ctx.db, id).await?.filter(own_kim) else { return Ok(false) };
    match btn {
        Btn::Register(_) => register(turn, &tr, at).await,
        Btn::Withdraw(_) => super::withdraw::ask(turn, &tr, at, false).await,
        Btn::WithdrawMine(_) => super::withdraw::ask(turn, &tr, at, true).await,
        Btn::WithdrawYes { mine, .. } => withdraw(turn, &tr, at, mine).await,
        _ => super::withdraw::keep(turn, &tr, at, matches!(btn, Btn::WithdrawKeep { mine: true, .. })).await,
    }
}

async fn register(turn: &Turn<'_>, tr: &Training, at: At) -> Result<bool, HandlerError> {
    let Some(note) = register_note(turn, tr).await? else { return Ok(false) };
    refresh(turn, tr, at, Some(note)).await?;
    Ok(true)
}

/// Registers the presser (quota, waitlist, deadline) and says how it went; `None`
/// when the training or the seat is gone (the press is stale). Shared by `/pelatihan`
/// and the "Daftar" of an invitation.
pub(super) async fn register_note(turn: &Turn<'_>, tr: &Training) -> Result<Option<String>, HandlerError> {
    let lang = turn.lang();
    let done = seats::register(&turn.ctx.db, tr.id, turn.who.user_id, turn.now()).await;
    // The registration may have filled the training: its group posts' edits are queued.
    turn.ctx.outbox.wake();
    let note = match done {
        Ok(Registration::New(Seat::Registered)) => ta(lang, "training-registered", &[("title", Arg::from(&tr.title))]),
        Ok(Registration::New(Seat::Waitlisted(n))) => {
            ta(lang, "training-waitlisted", &[("title", Arg::from(&tr.title)), ("position", Arg::from(n))])
        }
        Ok(Registration::Already(seat)) => render::seat(lang, seat),
        Err(SeatError::Refused(r)) => t(lang, refusal_key(r)),
        Err(SeatError::NotFound | SeatError::NotRegistered) => return Ok(None),
        Err(SeatError::Db(e)) => return Err(e.into()),
    };
    Ok(Some(note))
}

async fn withdraw(turn: &Turn<'_>, tr: &Training, at: At, from_mine: bool) -> Result<bool, HandlerError> {
    let lang = turn.lang();
    let note = match actions::withdraw(turn.ctx, tr.id, turn.who.user_id).await {
        Ok(_) => ta(lang, "training-withdrawn", &[("title", Arg::from(&tr.title))]),
        Err(SeatError::Refused(r)) => t(lang, refusal_key(r)),
        Err(SeatError::NotFound | SeatError::NotRegistered) => return Ok(false),
        Err(SeatError::Db(e)) => return Err(e.into()),
    };
    if from_mine {
        mine(turn, Some((at, note))).await?;
    } else {
        refresh(turn, tr, at, Some(note)).await?;
    }
    Ok(true)
}

fn refusal_key(r: Refusal) -> &'static str {
    match r {
        Refusal::Cancelled => "training-refused-cancelled",
        Refusal::Closed => "training-refused-closed",
        Refusal::DeadlinePassed => "training-refused-deadline",
        Refusal::Started => "training-refused-started",
    }
}

/// `/pelatihansaya`, sent anew or (after a cancel button) edited in place with a note.
pub async fn mine(turn: &Turn<'_>, edit: Option<(At, String)>) -> HandlerResult {
    let lang = turn.lang();
    let list = store::mine(&turn.ctx.db, turn.who.user_id, turn.now()).await?;
    let mut lines: Vec<String> = edit.as_ref().map(|(_, note)| note.clone()).into_iter().collect();
    let mut rows = Vec::new();
    if list.is_empty() {
        lines.push(t(lang, "training-mine-none"));
    } else {
        lines.push(t(lang, "training-mine-header"));
        for (i, m) in list.iter().enumerate() {
            let tz = m.training.tz(turn.ctx.config.tz);
            let args = [
                ("n", Arg::from(i as i64 + 1)),
                ("title", Arg::from(&m.training.title)),
                ("when", Arg::from(render::span(lang, m.training.starts_at, m.training.ends_at, tz))),
                ("seat", Arg::from(render::seat(lang, m.seat))),
            ];
            lines.push(ta(lang, "training-mine-item", &args));
            let label = ta(lang, "training-btn-withdraw-item", &[("n", Arg::from(i as i64 + 1)), ("title", Arg::from(render::clip(&m.training.title, 30)))]);
            rows.push(vec![b(label, Btn::WithdrawMine(m.training.id))]);
        }
    }
    let text = lines.join("\n\n");
    match edit {
        Some((at, _)) => ui::edit(turn, at, text, Some(InlineKeyboardMarkup::new(rows))).await,
        None if rows.is_empty() => turn.send(text).await,
        None => turn.send_with_buttons(text, InlineKeyboardMarkup::new(rows)).await,
    }
}
