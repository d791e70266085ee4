//! Inviting matching UMKM to a just-published training: the offer (with how many
//! people it reaches) to the coordinator or staff member, and "Daftar" on the
//! invitation itself, which registers through the usual seat rules.

use teloxide::types::InlineKeyboardMarkup;

use super::ui::{self, b};
use super::Btn;
use crate::platform::i18n::{Arg, t, ta};
use crate::bot::turn::{At, Turn};
use crate::bot::{HandlerError, HandlerResult};
use crate::features::trainings::invite;
use crate::features::trainings::{render, store};

/// After publishing: offers the invitation when anyone matches (nothing otherwise).
pub async fn offer(turn: &Turn<'_>, training_id: i64) -> HandlerResult {
    let Some(tr) = ui::managed(turn, training_id).await? else { return Ok(()) };
    let reach = invite::reach(&turn.who.actor, &tr);
    let n = invite::candidates(turn.ctx, &tr, &reach).await?.len() as i64;
    if n == 0 {
        return Ok(());
    }
    let lang = turn.lang();
    let keys = InlineKeyboardMarkup::new(vec![
        vec![b(ta(lang, "training-btn-invite", &[("count", Arg::from(n))]), Btn::Invite(tr.id))],
        vec![b(t(lang, "training-btn-invite-skip"), Btn::InviteSkip(tr.id))],
    ]);
    turn.send_with_buttons(ta(lang, "training-invite-offer", &[("count", Arg::from(n))]), keys).await
}

/// "Kirim undangan": checked again (role, training still open), then sent to
/// whoever matches now and was not invited yet.
pub async fn confirm(turn: &Turn<'_>, training_id: i64, at: At) -> Result<bool, HandlerError> {
    let Some(tr) = ui::managed(turn, training_id).await? else { return Ok(false) };
    let lang = turn.lang();
    if tr.refusal(turn.now()).is_some() {
        ui::edit(turn, at, t(lang, "training-invite-closed"), None).await?;
        return Ok(true);
    }
    let reach = invite::reach(&turn.who.actor, &tr);
    let n = invite::send(turn.ctx, turn.who.user_id, &tr, &reach).await?;
    let text = if n == 0 { t(lang, "training-invite-none-new") } else { ta(lang, "training-invite-sent", &[("count", Arg::from(n as i64))]) };
    ui::edit(turn, at, text, None).await?;
    Ok(true)
}

pub async fn skip(turn: &Turn<'_>, training_id: i64, at: At) -> Result<bool, HandlerError> {
    if ui::managed(turn, training_id).await?.is_none() {
        return Ok(false);
    }
    ui::edit(turn, at, t(turn.lang(), "training-invite-skipped"), None).await?;
    Ok(true)
}

/// "Daftar" on an invitation: only for the person invited (a forged id is stale),
/// then the same registration as `/pelatihan` (quota, waitlist, deadline).
pub async fn join(turn: &Turn<'_>, training_id: i64, at: At) -> Result<bool, HandlerError> {
    let user = turn.who.user_id;
    if !invite::was_invited(turn.ctx, training_id, user).await? {
        return Ok(false);
    }
    let Some(tr) = store::get(&turn.ctx.db, training_id).await? else { return Ok(false) };
    let Some(note) = super::browse::register_note(turn, &tr).await? else { return Ok(false) };
    let lang = turn.lang();
    let fresh = store::get(&turn.ctx.db, tr.id).await?.unwrap_or(tr);
    let seat = store::seat_of(&turn.ctx.db, fresh.id, user).await?;
    let card = render::card(lang, &fresh, seat, turn.now(), fresh.tz(turn.ctx.config.tz));
    ui::edit(turn, at, format!("{note}\n\n{card}\n\n{}", t(lang, "training-invite-mine")), None).await?;
    Ok(true)
}
