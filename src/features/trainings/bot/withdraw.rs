//! "Batal ikut" asks before it cancels. The button sits where "Daftar" was, so a
//! double tap on "Daftar" used to register and cancel at once; now the second tap
//! only shows the question, with "Tidak, tetap ikut" again in that same spot.

use teloxide::types::InlineKeyboardMarkup;

use super::Btn;
use super::ui::{self, bk};
use crate::bot::HandlerError;
use crate::bot::turn::{At, Turn};
use crate::features::trainings::model::Training;
use crate::features::trainings::{render, store};
use crate::platform::i18n::{Arg, ta};

/// Shows the question in place of the card (or of `/pelatihansaya` when `mine`);
/// a press without a seat to cancel is stale.
pub async fn ask(turn: &Turn<'_>, tr: &Training, at: At, mine: bool) -> Result<bool, HandlerError> {
    let lang = turn.lang();
    let Some(seat) = store::seat_of(&turn.ctx.db, tr.id, turn.who.user_id).await? else { return Ok(false) };
    let question = ta(lang, "training-withdraw-ask", &[("title", Arg::from(&tr.title))]);
    let card = render::card(lang, tr, Some(seat), turn.now(), tr.tz(turn.ctx.config.tz));
    let keys = InlineKeyboardMarkup::new(vec![
        vec![bk(lang, "training-btn-withdraw-keep", Btn::WithdrawKeep { id: tr.id, mine })],
        vec![bk(lang, "training-btn-withdraw-yes", Btn::WithdrawYes { id: tr.id, mine })],
    ]);
    ui::edit(turn, at, format!("{question}\n\n{card}"), Some(keys)).await?;
    Ok(true)
}

/// "Tidak, tetap ikut": the card (or the list) comes back, the seat untouched.
pub async fn keep(turn: &Turn<'_>, tr: &Training, at: At, mine: bool) -> Result<bool, HandlerError> {
    let note = ta(turn.lang(), "training-withdraw-kept", &[("title", Arg::from(&tr.title))]);
    if mine {
        super::browse::mine(turn, Some((at, note))).await?;
    } else {
        super::browse::refresh(turn, tr, at, Some(note)).await?;
    }
    Ok(true)
}
