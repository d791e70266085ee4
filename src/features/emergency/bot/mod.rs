//! `/darurat` (alias `/emergency`): area (buttons, only the sender's areas) →
//! warning text or photo → review (groups, residents, messages; with paid broadcast
//! the most it can cost) → send; then recall from the message that confirms it.
//! `/batal` leaves at any step.
//!
//! Residents and coordinators are refused by the router (the command is for staff);
//! staff not given the right are refused here, with the same words. Every press
//! re-checks the presser and the area; another area's warning, or a forged id,
//! reads exactly like a missing one.

mod compose;

use serde::{Deserialize, Serialize};
use teloxide::types::{InlineKeyboardMarkup, Message};

use super::model::may_warn;
use super::store::{self, Warning};
use crate::bot::feature::{At, Command, CommandSpec, Current, HandlerError, HandlerResult, Turn};
use crate::bot::keyboards::button;
use crate::kernel::members::Role;
use crate::kernel::members::permissions::{Action, may};
use crate::platform::i18n::{Arg, t, ta};

crate::chat_feature! {
    /// Emergency warnings, as plugged into the bot.
    pub struct Emergency {
        name: "emergency",
        dialog: Dialog as "Emergency",
        buttons: Btn,
        commands: [
            CommandSpec::new("darurat", Role::Staff, "help-line-darurat").aliases(&["emergency"]).denied(NOT_ALLOWED),
        ],
    }
}

/// The refusal for everyone without the right, whatever their role.
const NOT_ALLOWED: &str = "emergency-not-allowed";

/// A warning being written.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub area_id: i64,
    #[serde(default)]
    pub text: String,
    /// Telegram file id of the photo, if any.
    #[serde(default)]
    pub photo: Option<String>,
}

/// Where the sender stands.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "step")]
pub enum Dialog {
    Area,
    Compose { draft: Draft },
    Review { draft: Draft },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Btn {
    /// The warning goes to this area.
    Area(i64),
    /// Choose the area again.
    Areas,
    /// Review done: send.
    Send,
    /// Write the warning again.
    Rewrite,
    /// Ask whether to recall warning `id`.
    Recall(i64),
    RecallYes(i64),
}

crate::platform::buttons::payload_codec! {
    Btn = "em";
    Area(id: i64) = "a",
    Areas = "as",
    Send = "go",
    Rewrite = "w",
    Recall(id: i64) = "r",
    RecallYes(id: i64) = "ry",
}

fn allowed(turn: &Turn<'_>) -> bool {
    may_warn(&turn.who.actor, &turn.ctx.config.emergency)
}

pub async fn on_command(turn: &Turn<'_>, _cmd: &Command<'_>) -> Result<bool, HandlerError> {
    if !allowed(turn) {
        turn.say(NOT_ALLOWED).await?;
        return Ok(true);
    }
    compose::areas(turn, None).await?;
    Ok(true)
}

pub async fn on_message(turn: &Turn<'_>, dialog: Dialog, msg: &Message) -> HandlerResult {
    if !allowed(turn) {
        turn.end().await?;
        return turn.say(NOT_ALLOWED).await;
    }
    match dialog {
        Dialog::Compose { draft } => compose::on_content(turn, draft, msg).await,
        _ => turn.say("emergency-use-buttons").await,
    }
}

pub async fn on_button(turn: &Turn<'_>, state: Current<Dialog>, btn: Btn, at: At) -> Result<bool, HandlerError> {
    if !allowed(turn) {
        return Ok(false);
    }
    match btn {
        Btn::Recall(id) | Btn::RecallYes(id) => {
            let Some(warning) = store::get(&turn.ctx.db, id).await?.filter(|w| may_see(turn, w)) else { return Ok(false) };
            recall(turn, warning, btn, at).await
        }
        btn => match state {
            Current::Mine(dialog) => compose::on_dialog_button(turn, dialog, btn, at).await,
            _ => Ok(false),
        },
    }
}

/// The author, and whoever oversees the warning's area (admins, its staff).
fn may_see(turn: &Turn<'_>, warning: &Warning) -> bool {
    warning.author_id == turn.who.user_id || may(&turn.who.actor, Action::Oversee(&warning.area_path))
}

/// Asks first, then recalls once.
async fn recall(turn: &Turn<'_>, warning: Warning, btn: Btn, at: At) -> Result<bool, HandlerError> {
    let lang = turn.lang();
    let id = warning.id;
    match btn {
        Btn::Recall(_) if warning.status == "sent" => {
            let keys = InlineKeyboardMarkup::new(vec![vec![button(t(lang, "emergency-btn-recall-yes"), Btn::RecallYes(id))]]);
            turn.edit(at, ta(lang, "emergency-recall-ask", &[("id", Arg::from(id))]), Some(keys)).await?;
            Ok(true)
        }
        Btn::RecallYes(_) => {
            let Some(done) = super::recall::recall(turn.ctx, &warning, turn.who.user_id).await? else { return Ok(false) };
            let args = [
                ("id", Arg::from(id)),
                ("deleted", Arg::from(done.deleted)),
                ("cancelled", Arg::from(done.cancelled)),
                ("old", Arg::from(done.too_old)),
            ];
            turn.edit(at, ta(lang, "emergency-recalled", &args), None).await?;
            Ok(true)
        }
        _ => Ok(false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bot::feature::Payload;

    #[test]
    fn payloads_round_trip_and_forgeries_do_not_parse() {
        let all = [
            Btn::Area(3),
            Btn::Areas,
            Btn::Send,
            Btn::Rewrite,
            Btn::Recall(i64::MAX),
            Btn::RecallYes(1),
        ];
        crate::platform::buttons::assert_round_trip(&all);
        // Today's wire strings: buttons already sent in chats must keep parsing.
        crate::platform::buttons::assert_wire(&all, &["em:a:3", "em:as", "em:go", "em:w", "em:r:9223372036854775807", "em:ry:1"]);
        for data in ["", "a:-1", "a:x", "go:1", "r", "ry:1:2"] {
            assert_eq!(Btn::parse(data), None, "{data}");
        }
    }
}
