//! The resident's side of the verdict on a done ticket: a score button, then an
//! optional comment ("Lewati" or `/batal` skip it); "Belum beres" leads into the one
//! reopening (a typed response, shown back before it is sent). A press on a round that
//! closed unanswered says the time has passed; a second score says it was already
//! given; someone else's round, or one whose ticket is no longer done, is stale.

use teloxide::types::{InlineKeyboardMarkup, Message};

use super::{Btn, Dialog, triage};
use crate::bot::keyboards::button;
use crate::bot::turn::{At, Turn};
use crate::bot::{HandlerError, HandlerResult};
use crate::features::aspirations::flow::FlowError;
use crate::features::aspirations::model::{AspirationId, ReopenError};
use crate::features::aspirations::reopen;
use crate::features::aspirations::store::Ticket;
use crate::features::aspirations::verdict::{self, COMMENT_MAX, VerdictError};
use crate::platform::i18n::{Arg, t, ta};

/// A score: recorded once, the question's buttons go, the comment is offered.
pub async fn on_rate(turn: &Turn<'_>, round: i64, score: u8, at: At) -> Result<bool, HandlerError> {
    match verdict::rate(turn.ctx, turn.who.user_id, round, score).await {
        Ok(ticket) => {
            turn.bot.edit_message_reply_markup(at.0, at.1).await?;
            turn.set_dialog(Dialog::VerdictComment { round }).await?;
            let lang = turn.lang();
            let args = [("ticket", Arg::from(&ticket.number)), ("score", Arg::from(i64::from(score)))];
            let keys = InlineKeyboardMarkup::new(vec![vec![button(t(lang, "verdict-btn-skip-comment"), Btn::SkipComment(round))]]);
            turn.send_with_buttons(ta(lang, "verdict-thanks-ask-comment", &args), keys).await?;
            Ok(true)
        }
        Err(e) => refused(turn, e).await,
    }
}

/// What a press that changed nothing is told; `Ok(false)`: a stale press.
async fn refused(turn: &Turn<'_>, e: VerdictError) -> Result<bool, HandlerError> {
    match e {
        VerdictError::Expired => turn.say("verdict-expired").await?,
        VerdictError::AlreadyAnswered => turn.say("verdict-already").await?,
        VerdictError::Db(e) => return Err(e.into()),
        VerdictError::NotFound | VerdictError::Stale => return Ok(false),
    }
    Ok(true)
}

/// "Belum beres": asks what is still wrong, as "Tanggapi" does; once the one
/// reopening was used it says so kindly.
pub async fn on_not_solved(turn: &Turn<'_>, id: AspirationId) -> Result<bool, HandlerError> {
    match reopen::respondable(turn.ctx, turn.who.user_id, id).await {
        Ok(ticket) if ticket.status == crate::features::aspirations::model::Status::Selesai => {
            turn.set_dialog(Dialog::Respond { ticket: id }).await?;
            turn.say_with("verdict-ask-not-solved", &[("ticket", Arg::from(&ticket.number))]).await?;
            Ok(true)
        }
        Err(FlowError::Reopen(ReopenError::AlreadyReopened)) => {
            turn.say("verdict-not-solved-already").await?;
            Ok(true)
        }
        Err(FlowError::Db(e)) => Err(e.into()),
        _ => Ok(false),
    }
}

/// The typed comment.
pub async fn on_comment(turn: &Turn<'_>, round: i64, msg: &Message) -> HandlerResult {
    let Some(text) = triage::checked_text(turn, msg, COMMENT_MAX).await? else { return Ok(()) };
    let result = verdict::comment(turn.ctx, turn.who.user_id, round, &text).await;
    turn.end().await?;
    match result {
        Ok(ticket) => turn.say_with("verdict-comment-thanks", &[("ticket", Arg::from(&ticket.number))]).await,
        Err(VerdictError::Db(e)) => Err(e.into()),
        Err(_) => turn.say("verdict-already").await,
    }
}

/// "Lewati": no comment.
pub async fn skip_comment(turn: &Turn<'_>, at: At) -> Result<bool, HandlerError> {
    turn.end().await?;
    turn.edit(at, t(turn.lang(), "verdict-comment-skipped"), None).await?;
    Ok(true)
}

/// `/status` of one's own done ticket whose verdict is still awaited: the view with
/// the question's buttons, so it can be answered from there too. `false`: no round
/// waits, nothing was sent.
pub async fn show_question(turn: &Turn<'_>, ticket: &Ticket, view: &str) -> Result<bool, HandlerError> {
    let Some(round) = verdict::store::latest(&turn.ctx.db, ticket.id).await? else { return Ok(false) };
    if round.outcome.is_some() || ticket.status != crate::features::aspirations::model::Status::Selesai {
        return Ok(false);
    }
    let body = verdict::question(turn.lang(), ticket.id, round.id, view, reopen::offered(ticket, ticket.status));
    let crate::platform::delivery::Body::Text { text, buttons, .. } = body else { return Ok(false) };
    let rows = buttons.into_iter().map(|row| row.into_iter().map(|b| teloxide::types::InlineKeyboardButton::callback(b.label, b.data)).collect());
    turn.send_with_buttons(text, InlineKeyboardMarkup::new(rows.collect::<Vec<Vec<_>>>())).await?;
    Ok(true)
}
