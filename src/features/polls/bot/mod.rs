//! `/jajak` (alias `/poll`): the author's polls with live results, and a new poll:
//! question → options (typed one by one, "done" from two on) → single or multiple
//! choice → closing time (presets or typed) → target → review → send. `/batal`
//! leaves at any step.
//!
//! Every press re-checks the presser: a poll is seen and acted on only by its
//! author and the staff overseeing its area; anyone else gets what a missing poll
//! gets. Dialogue buttons fit only their step.

pub mod compose;
pub mod answers;

use serde::{Deserialize, Serialize};
use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup, Message};

use super::model::Preset;
use super::store::{self, Poll};
use crate::bot::feature::{At, Command, CommandSpec, Current, HandlerError, HandlerResult, Turn};
use crate::bot::keyboards::button;
use crate::kernel::audience::{Target, can_announce};
use crate::kernel::members::Role;
use crate::kernel::members::permissions::{Action, may};
use crate::platform::i18n::{Arg, t, ta};

crate::chat_feature! {
    /// Polls, as plugged into the bot.
    pub struct Polls {
        name: "polls",
        dialog: Dialog as "Poll",
        buttons: Btn,
        commands: [CommandSpec::new("jajak", Role::Coordinator, "help-line-jajak").aliases(&["poll"])],
    }
}

/// A poll being written.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub question: String,
    #[serde(default)]
    pub options: Vec<String>,
    #[serde(default)]
    pub multiple: bool,
    #[serde(default)]
    pub closes_at: i64,
    #[serde(default)]
    pub target: Option<Target>,
    /// Also to residents of the target who agreed to programme news.
    #[serde(default)]
    pub private_chats: bool,
}

/// Where the author stands.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "step")]
pub enum Dialog {
    Question,
    Options { draft: Draft },
    Kind { draft: Draft },
    Closing { draft: Draft },
    Target { draft: Draft },
    Review { draft: Draft },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Btn {
    New,
    /// Options are complete.
    Done,
    /// Take back the last option typed.
    Undo,
    Kind(bool),
    Preset(Preset),
    Kim(i64),
    Area(i64),
    /// Review: also (or no longer) to residents in private chat.
    Private(bool),
    Send,
    Show(i64),
    Close(i64),
    Recall(i64),
    RecallYes(i64),
}

impl crate::platform::buttons::Field for Preset {
    type Value = Preset;
    fn to_wire(value: &Preset) -> String {
        value.code().to_string()
    }
    fn from_wire(part: &str) -> Option<Preset> {
        <u8 as crate::platform::buttons::Field>::from_wire(part).and_then(Preset::from_code)
    }
}

crate::platform::buttons::payload_codec! {
    Btn = "jj";
    New = "n",
    Done = "d",
    Undo = "u",
    Kind(multiple: bool) = "k",
    Preset(preset: Preset) = "p",
    Kim(id: i64) = "tk",
    Area(id: i64) = "ta",
    Private(on: bool) = "v",
    Send = "go",
    Show(id: i64) = "s",
    Close(id: i64) = "x",
    Recall(id: i64) = "r",
    RecallYes(id: i64) = "ry",
}

pub async fn on_command(turn: &Turn<'_>, _cmd: &Command<'_>) -> Result<bool, HandlerError> {
    if !can_announce(&turn.who.actor) {
        turn.say("not-allowed-coordinator").await?;
        return Ok(true);
    }
    list(turn).await?;
    Ok(true)
}

pub async fn on_message(turn: &Turn<'_>, dialog: Dialog, msg: &Message) -> HandlerResult {
    if !can_announce(&turn.who.actor) {
        turn.end().await?;
        return turn.say("not-allowed-coordinator").await;
    }
    let text = msg.text().unwrap_or_default();
    match dialog {
        Dialog::Question => compose::on_question(turn, text).await,
        Dialog::Options { draft } => compose::on_option(turn, draft, text).await,
        Dialog::Closing { draft } => compose::on_closing_typed(turn, draft, text).await,
        _ => turn.say("poll-use-buttons").await,
    }
}

pub async fn on_button(turn: &Turn<'_>, state: Current<Dialog>, btn: Btn, at: At) -> Result<bool, HandlerError> {
    if !can_announce(&turn.who.actor) {
        return Ok(false);
    }
    match btn {
        Btn::New => compose::start(turn).await.map(|()| true),
        Btn::Show(id) | Btn::Close(id) | Btn::Recall(id) | Btn::RecallYes(id) => {
            // Another KIM's poll, or a forged id, reads exactly like a missing one.
            let Some(poll) = store::get(&turn.ctx.db, id).await?.filter(|p| may_see(turn, p)) else { return Ok(false) };
            manage(turn, poll, btn, at).await
        }
        btn => match state {
            Current::Mine(dialog) => compose::on_dialog_button(turn, dialog, btn, at).await,
            _ => Ok(false),
        },
    }
}

/// The author, and staff overseeing the poll's area.
fn may_see(turn: &Turn<'_>, poll: &Poll) -> bool {
    poll.author_id == turn.who.user_id || may(&turn.who.actor, Action::Oversee(&poll.area_path))
}

/// `/jajak`: the author's latest polls and a button for a new one.
async fn list(turn: &Turn<'_>) -> HandlerResult {
    let lang = turn.lang();
    let polls = store::by_author(&turn.ctx.db, turn.who.user_id, 10).await?;
    let mut rows: Vec<Vec<InlineKeyboardButton>> = vec![vec![button(t(lang, "poll-btn-new"), Btn::New)]];
    let mut lines = vec![t(lang, if polls.is_empty() { "poll-list-empty" } else { "poll-list-header" })];
    for p in &polls {
        let (_, tally) = super::close::result(turn.ctx, lang, p).await?;
        let args = [
            ("id", Arg::from(p.id)),
            ("question", Arg::from(p.question.clone())),
            ("status", Arg::from(t(lang, &format!("poll-status-{}", p.status)))),
            ("count", Arg::from(tally.total.voters as i64)),
        ];
        lines.push(ta(lang, "poll-list-line", &args));
        let short: String = p.question.chars().take(40).collect();
        rows.push(vec![button(format!("📊 #{} {short}", p.id), Btn::Show(p.id))]);
    }
    turn.send_with_buttons(lines.join("\n"), InlineKeyboardMarkup::new(rows)).await
}

/// Results, close early, recall.
async fn manage(turn: &Turn<'_>, poll: Poll, btn: Btn, at: At) -> Result<bool, HandlerError> {
    let (ctx, lang, now) = (turn.ctx, turn.lang(), turn.now());
    match btn {
        Btn::Show(_) => show(turn, &poll, at).await,
        Btn::Close(id) => {
            if !store::claim_status(&ctx.db, id, "closed", now).await? {
                return Ok(false);
            }
            let poll = store::get(&ctx.db, id).await?.unwrap_or(poll);
            super::close::finish(ctx, &poll, Some(turn.who.user_id.get())).await?;
            show(turn, &poll, at).await?;
            super::close::queue_result(ctx, turn.chat.0, lang, &poll).await?;
            Ok(true)
        }
        Btn::Recall(id) if poll.status != "recalled" => {
            let keys = InlineKeyboardMarkup::new(vec![
                vec![button(t(lang, "poll-btn-recall-yes"), Btn::RecallYes(id))],
                vec![button(t(lang, "btn-back"), Btn::Show(id))],
            ]);
            turn.edit(at, ta(lang, "poll-recall-ask", &[("id", Arg::from(id))]), Some(keys)).await?;
            Ok(true)
        }
        Btn::RecallYes(id) => {
            if !store::claim_status(&ctx.db, id, "recalled", now).await? {
                return Ok(false);
            }
            let poll = store::get(&ctx.db, id).await?.unwrap_or(poll);
            let chats = super::close::recall(ctx, &poll, turn.who.user_id).await?;
            let args = [("id", Arg::from(id)), ("chats", Arg::from(chats as i64))];
            turn.edit(at, ta(lang, "poll-recalled", &args), None).await?;
            Ok(true)
        }
        _ => Ok(false),
    }
}

/// The live result with its buttons.
pub async fn show(turn: &Turn<'_>, poll: &Poll, at: At) -> Result<bool, HandlerError> {
    let lang = turn.lang();
    let (text, _) = super::close::result(turn.ctx, lang, poll).await?;
    let mut rows = vec![vec![button(t(lang, "poll-btn-refresh"), Btn::Show(poll.id))]];
    if poll.is_open() {
        rows.push(vec![button(t(lang, "poll-btn-close"), Btn::Close(poll.id))]);
    }
    if poll.status != "recalled" {
        rows.push(vec![button(t(lang, "poll-btn-recall"), Btn::Recall(poll.id))]);
    }
    crate::kernel::audience::bot::show(turn, Some(at), text, Some(InlineKeyboardMarkup::new(rows))).await?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bot::feature::Payload;

    #[test]
    fn payloads_round_trip_and_forgeries_do_not_parse() {
        let all = [
            Btn::New,
            Btn::Done,
            Btn::Undo,
            Btn::Kind(true),
            Btn::Preset(Preset::ThreeDays),
            Btn::Kim(i64::MAX),
            Btn::Area(3),
            Btn::Private(false),
            Btn::Send,
            Btn::Show(1),
            Btn::Close(2),
            Btn::Recall(3),
            Btn::RecallYes(i64::MAX),
        ];
        crate::platform::buttons::assert_round_trip(&all);
        // Today's wire strings: buttons already sent in chats must keep parsing.
        crate::platform::buttons::assert_wire(&all, &["jj:n", "jj:d", "jj:u", "jj:k:1", "jj:p:2", "jj:tk:9223372036854775807", "jj:ta:3", "jj:v:0", "jj:go", "jj:s:1", "jj:x:2", "jj:r:3", "jj:ry:9223372036854775807"]);
        for data in ["", "k:2", "p:9", "tk:-1", "s:x", "ry", "x:1:2"] {
            assert_eq!(Btn::parse(data), None, "{data}");
        }
    }
}
