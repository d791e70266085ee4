//! The one-question feedback after a session: a rating button (1–5) on the message
//! the reminder loop sent, then an optional comment.

use super::{Btn, Dialog, ui};
use crate::platform::i18n::{Arg, t, ta};
use crate::bot::turn::{At, Turn};
use crate::bot::{HandlerError, HandlerResult};
use crate::features::trainings::form;
use crate::features::trainings::model::{Status, TrainingId};
use crate::features::trainings::store;

pub async fn rate(turn: &Turn<'_>, dialog: Option<Dialog>, id: i64, rating: i64, at: At) -> Result<bool, HandlerError> {
    let Some(tr) = store::get(&turn.ctx.db, id).await? else { return Ok(false) };
    if tr.status() == Status::Cancelled || turn.now() < tr.ends_at {
        return Ok(false);
    }
    if !store::rate(&turn.ctx.db, TrainingId(id), turn.who.user_id, rating, turn.now()).await? {
        return Ok(false);
    }
    let lang = turn.lang();
    let args = [("rating", Arg::from(rating)), ("title", Arg::from(&tr.title))];
    match dialog {
        // Another dialogue is in progress: keep it, just thank.
        Some(d) if !matches!(d, Dialog::Comment { .. }) => ui::edit(turn, at, ta(lang, "training-feedback-rated", &args), None).await?,
        _ => {
            turn.set_dialog(Dialog::Comment { training_id: id }).await?;
            let kb = ui::one(lang, "training-btn-skip", Btn::Skip);
            ui::edit(turn, at, ta(lang, "training-feedback-comment-ask", &args), Some(kb)).await?;
        }
    }
    Ok(true)
}

pub async fn on_comment(turn: &Turn<'_>, id: i64, msg: &teloxide::types::Message) -> HandlerResult {
    let Some(text) = msg.text() else { return turn.say("training-need-text").await };
    match form::text(text, 1, form::COMMENT_MAX) {
        Ok(comment) => {
            store::comment(&turn.ctx.db, TrainingId(id), turn.who.user_id, &comment, turn.now()).await?;
            turn.end().await?;
            turn.say("training-feedback-thanks").await
        }
        Err(e) => turn.send(ui::field_error(turn.lang(), &e)).await,
    }
}

pub async fn skip(turn: &Turn<'_>, at: At) -> Result<bool, HandlerError> {
    turn.end().await?;
    ui::edit(turn, at, t(turn.lang(), "training-feedback-thanks"), None).await?;
    Ok(true)
}
