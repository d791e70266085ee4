//! `/laporan`'s survey kind: the surveys the person may see (author, staff of the
//! area, admins; coordinators only the ones they wrote), paged, then the results as XLSX,
//! CSV and a chart, made by [`crate::features::surveys::export`]. Coordinators reach
//! this kind and no other; every press checks the survey against the presser again.

use super::{Btn, Dialog, Kind, spawn};
use crate::bot::HandlerError;
use crate::bot::turn::{At, Turn};
use crate::kernel::members::Role;
use crate::features::reports::bot::job::What;
use crate::features::surveys::bot::manage;
use crate::features::surveys::model::SurveyId;
use crate::features::surveys::store;
use crate::platform::i18n::t;

/// Coordinators (and above) may pull the results of the surveys they may manage.
pub fn allowed(turn: &Turn<'_>) -> bool {
    turn.who.actor.role() >= Role::Coordinator
}

/// The presses of this kind (the only ones coordinators may make in `/laporan`).
pub fn is_survey_press(btn: &Btn) -> bool {
    matches!(btn, Btn::Kind(Kind::Surveys) | Btn::SurveyPage(_) | Btn::Survey(_))
}

/// Page `number` of the surveys the person may see, newest first; `Ok(false)` for a
/// forged page number.
pub async fn list(turn: &Turn<'_>, number: i64, at: At) -> Result<bool, HandlerError> {
    let Some(page) = manage::visible(turn, number).await? else { return Ok(false) };
    if page.surveys.is_empty() {
        turn.end().await?;
        turn.edit(at, t(turn.lang(), "rep-surveys-none"), None).await?;
        return Ok(true);
    }
    turn.set_dialog(Dialog::Surveys).await?;
    let keys = manage::keyboard(turn, &page, Btn::Survey, Btn::SurveyPage);
    turn.edit(at, manage::heading(turn, "rep-surveys-choose", &page), Some(keys)).await?;
    Ok(true)
}

pub async fn chosen(turn: &Turn<'_>, id: i64, at: At) -> Result<bool, HandlerError> {
    let Some(s) = store::get(&turn.ctx.db, SurveyId(id)).await?.filter(|s| manage::may_manage(&turn.who.actor, s)) else {
        return Ok(false);
    };
    spawn(turn, at, What::Survey { survey: s.id, title: s.title, scope: s.area_path }).await?;
    Ok(true)
}
