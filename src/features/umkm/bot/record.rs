//! `/umkm` itself: start the form, continue an open one, or show the saved
//! registration with "Ubah" and "Tarik pendaftaran".

use super::buttons::Btn;
use super::{edit, form, news, remove_buttons, render};
use crate::platform::i18n::t;
use crate::bot::feature::{At, Current, HandlerError, HandlerResult, Turn};
use crate::features::umkm::flow::{Dialog, Step};
use crate::features::umkm::model::Form;
use crate::features::umkm::store;

pub async fn start(turn: &Turn<'_>) -> HandlerResult {
    let lang = turn.lang();
    let state = turn.current::<Dialog>().await?;
    if let Current::Mine(d) = &state
        && d.step != Step::ConfirmWithdraw
    {
        return form::ask(turn, d, Some(t(lang, "umkm-continue"))).await;
    }
    if turn.who.member.as_ref().and_then(|m| m.kim_id).is_none() {
        return turn.say("umkm-need-kim").await;
    }
    let db = &turn.ctx.db;
    if let Some(saved) = store::get(db, turn.who.user_id).await? {
        if matches!(state, Current::Mine(_)) {
            turn.end().await?;
        }
        let (text, keys) = news::view(lang, &saved, crate::features::privacy::news::stands(db, turn.who.user_id).await?);
        return turn.send_with_buttons(text, keys).await;
    }
    let consent_stands = store::consent_stands(db, turn.who.user_id).await?;
    form::go(turn, Dialog::new(consent_stands)).await
}

/// "Ubah" or "Tarik pendaftaran" under the saved registration.
pub async fn on_button(turn: &Turn<'_>, btn: Btn, at: At) -> Result<bool, HandlerError> {
    let lang = turn.lang();
    let Some(saved) = store::get(&turn.ctx.db, turn.who.user_id).await? else { return Ok(false) };
    match btn {
        Btn::EditSaved => {
            remove_buttons(turn, at).await?;
            form::go(turn, Dialog::editing(Form::from(saved.registration))).await?;
        }
        Btn::Withdraw => {
            let asking = Dialog { step: Step::ConfirmWithdraw, ..Dialog::new(true) };
            turn.set_dialog(asking).await?;
            edit(turn, at, t(lang, "umkm-withdraw-confirm"), Some(render::withdraw_keys(lang))).await?;
        }
        _ => return Ok(false),
    }
    Ok(true)
}

/// The answer to "withdraw?": yes deletes the registration and withdraws the consent.
pub async fn confirm(turn: &Turn<'_>, yes: bool, at: At) -> HandlerResult {
    let key = if yes {
        store::withdraw(&turn.ctx.db, turn.who.user_id, turn.now()).await?;
        "umkm-withdrawn"
    } else {
        "umkm-withdraw-kept"
    };
    turn.end().await?;
    edit(turn, at, t(turn.lang(), key), None).await
}
