//! `/laporan`'s survey kind: the surveys the person may see (author, staff of the
//! area, admins; coordinators only the ones they wrote), then the results as XLSX,
//! CSV and a chart, made by [`crate::features::surveys::export`]. Coordinators reach
//! this kind and no other; every press checks the survey against the presser again.

use super::{Btn, Dialog, Kind, spawn};
use crate::bot::HandlerError;
use crate::bot::keyboards::button;
use crate::bot::turn::{At, Turn};
use crate::features::members::Role;
use crate::features::reports::job::What;
use crate::features::surveys::{manage, store};
use crate::platform::i18n::t;

/// Surveys listed (newest first).
const SHOWN: usize = 10;

/// Coordinators (and above) may pull the results of the surveys they may manage.
pub fn allowed(turn: &Turn<'_>) -> bool {
    turn.who.actor.role() >= Role::Coordinator
}

/// The presses of this kind (the only ones coordinators may make in `/laporan`).
pub fn is_survey_press(btn: &Btn) -> bool {
    matches!(btn, Btn::Kind(Kind::Surveys) | Btn::Survey(_))
}

pub async fn list(turn: &Turn<'_>, at: At) -> Result<(), HandlerError> {
    let lang = turn.lang();
    let surveys = manage::visible(turn, SHOWN).await?;
    if surveys.is_empty() {
        turn.end().await?;
        return turn.edit(at, t(lang, "rep-surveys-none"), None).await;
    }
    let rows = surveys.iter().map(|s| vec![button(manage::label(turn, s), Btn::Survey(s.id))]).collect::<Vec<_>>();
    turn.set_dialog(Dialog::Surveys).await?;
    turn.edit(at, t(lang, "rep-surveys-choose"), Some(teloxide::types::InlineKeyboardMarkup::new(rows))).await
}

pub async fn chosen(turn: &Turn<'_>, id: i64, at: At) -> Result<bool, HandlerError> {
    let Some(s) = store::get(&turn.ctx.db, id).await?.filter(|s| manage::may_manage(&turn.who.actor, s)) else {
        return Ok(false);
    };
    spawn(turn, at, What::Survey { survey: s.id, title: s.title, scope: s.area_path }).await?;
    Ok(true)
}
