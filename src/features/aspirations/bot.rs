//! Telegram handlers of aspirations: the `/aspirasi` form, `/status`, the `/antrian`
//! triage queue, and the buttons on ticket notices. Every button is checked against
//! the dialogue state or, for ticket buttons, against the presser's role and scope
//! and the ticket's current status, before anything changes.

mod status;
mod submit;
mod triage;

use serde::{Deserialize, Serialize};
use teloxide::types::Message;

use super::model::{Category, GeoPoint, QueueView, Status};
use crate::bot::keyboards::Command;
use crate::bot::turn::{At, Turn};
use crate::bot::{HandlerError, HandlerResult, Payload, State};

/// What a resident has entered so far in `/aspirasi`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub category: Category,
    pub text: String,
    #[serde(default)]
    pub photos: Vec<String>,
    #[serde(default)]
    pub location: Option<GeoPoint>,
    #[serde(default)]
    pub anonymous: bool,
}

/// Where a person stands in this feature's dialogue (stored as JSON per chat).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "step")]
pub enum Dialog {
    /// Category buttons shown.
    Category,
    /// Waiting for the text.
    Text { category: Category },
    /// Optional photos and location; "Lewati"/"Selesai" moves on.
    Media { draft: Draft },
    /// Hide identity from coordinators, or not.
    Anonymity { draft: Draft },
    /// Summary shown with "Kirim"/"Batal".
    Review { draft: Draft },
    /// Staff: the note for a status change that needs one.
    Note { ticket: i64, from: Status, to: Status },
    /// Staff: a reply to the resident.
    Reply { ticket: i64 },
    /// Resident: the one answer to a staff reply.
    Answer { reply: i64 },
    /// Resident: the one response to closed ticket `ticket`, which reopens it.
    Respond { ticket: i64 },
}

/// This feature's button payloads (after the router's `a:` prefix).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Btn {
    Category(Category),
    /// "Lewati" / "Selesai" after photos and location.
    MediaDone,
    /// Hide identity from coordinators?
    Anonymous(bool),
    Send,
    Discard,
    /// Staff: move ticket `id` from `from` (as shown) to `to`.
    Move { id: i64, from: Status, to: Status },
    /// Staff: reply to ticket `id`.
    Reply(i64),
    /// Queue: the next ticket of the view after `id`.
    Next(QueueView, i64),
    /// Open ticket `id` (from the `/status` list).
    View(i64),
    /// Resident: answer staff reply (thread message) `id`.
    Answer(i64),
    /// Resident: respond to closed ticket `id` ("Tanggapi"), reopening it.
    Respond(i64),
}

impl Payload for Btn {
    fn data(&self) -> String {
        match self {
            Btn::Category(c) => format!("c:{}", c.code()),
            Btn::MediaDone => "m".into(),
            Btn::Anonymous(hide) => format!("y:{}", u8::from(*hide)),
            Btn::Send => "ok".into(),
            Btn::Discard => "no".into(),
            Btn::Move { id, from, to } => format!("s:{id}:{}:{}", from.short(), to.short()),
            Btn::Reply(id) => format!("r:{id}"),
            Btn::Next(QueueView::New, id) => format!("n:{id}"),
            Btn::Next(view, id) => format!("n:{id}:{}", view.code()),
            Btn::View(id) => format!("v:{id}"),
            Btn::Answer(id) => format!("j:{id}"),
            Btn::Respond(id) => format!("k:{id}"),
        }
    }

    fn parse(data: &str) -> Option<Self> {
        let parts: Vec<&str> = data.split(':').collect();
        let id = |s: &str| s.parse::<i64>().ok().filter(|n| *n >= 0);
        Some(match parts.as_slice() {
            ["c", code] => Btn::Category(Category::parse(code)?),
            ["m"] => Btn::MediaDone,
            ["y", "1"] => Btn::Anonymous(true),
            ["y", "0"] => Btn::Anonymous(false),
            ["ok"] => Btn::Send,
            ["no"] => Btn::Discard,
            ["s", n, from, to] => Btn::Move { id: id(n)?, from: Status::from_short(from)?, to: Status::from_short(to)? },
            ["r", n] => Btn::Reply(id(n)?),
            ["n", n] => Btn::Next(QueueView::New, id(n)?),
            ["n", n, v] if *v != QueueView::New.code() => Btn::Next(QueueView::from_code(v)?, id(n)?),
            ["v", n] => Btn::View(id(n)?),
            ["j", n] => Btn::Answer(id(n)?),
            ["k", n] => Btn::Respond(id(n)?),
            _ => return None,
        })
    }
}

/// Handles this feature's commands; `Ok(false)` when the command is not ours.
pub async fn on_command(turn: &Turn<'_>, cmd: &Command<'_>) -> Result<bool, HandlerError> {
    match cmd.name.as_str() {
        "aspirasi" => submit::start(turn).await?,
        "status" => status::command(turn, cmd.args).await?,
        "antrian" | "queue" => triage::queue(turn, cmd.args).await?,
        _ => return Ok(false),
    }
    Ok(true)
}

pub async fn on_message(turn: &Turn<'_>, dialog: Dialog, msg: &Message) -> HandlerResult {
    match dialog {
        Dialog::Category => turn.say("asp-category-use-buttons").await,
        Dialog::Text { category } => submit::on_text(turn, category, msg).await,
        Dialog::Media { draft } => submit::on_media(turn, draft, msg).await,
        Dialog::Anonymity { .. } | Dialog::Review { .. } => turn.say("asp-use-buttons").await,
        Dialog::Note { ticket, from, to } => triage::on_note(turn, ticket, (from, to), msg).await,
        Dialog::Reply { ticket } => triage::on_reply(turn, ticket, msg).await,
        Dialog::Answer { reply } => status::on_answer(turn, reply, msg).await,
        Dialog::Respond { ticket } => status::on_respond(turn, ticket, msg).await,
    }
}

/// `Ok(false)`: the press does not fit the dialogue, or the presser may not do it,
/// or the ticket moved on; nothing was changed.
pub async fn on_button(turn: &Turn<'_>, state: State, btn: Btn, at: At) -> Result<bool, HandlerError> {
    let dialog = match state {
        State::Aspiration(d) => Some(d),
        _ => None,
    };
    match (btn, dialog) {
        (Btn::Category(c), Some(Dialog::Category)) => submit::chose_category(turn, c, at).await,
        (Btn::MediaDone, Some(Dialog::Media { draft })) => submit::media_done(turn, draft, at).await,
        (Btn::Anonymous(hide), Some(Dialog::Anonymity { draft })) => submit::chose_anonymity(turn, draft, hide, at).await,
        (Btn::Send, Some(Dialog::Review { draft })) => submit::send(turn, draft, at).await,
        (Btn::Discard, Some(Dialog::Review { .. })) => submit::discard(turn, at).await,
        (Btn::Move { id, from, to }, _) => triage::on_move(turn, id, (from, to), at).await,
        (Btn::Reply(id), _) => triage::on_reply_button(turn, id).await,
        (Btn::Next(view, id), _) => triage::on_next(turn, view, id, at).await,
        (Btn::View(id), _) => status::on_view(turn, id).await,
        (Btn::Answer(id), _) => status::on_answer_button(turn, id).await,
        (Btn::Respond(id), _) => status::on_respond_button(turn, id).await,
        _ => Ok(false),
    }
}

/// A dialogue step, wrapped in the router's state.
fn state(dialog: Dialog) -> State {
    State::Aspiration(dialog)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bot::Cb;

    #[test]
    fn payloads_round_trip_and_fit_telegrams_limit() {
        let all = [
            Btn::Category(Category::Keamanan),
            Btn::MediaDone,
            Btn::Anonymous(true),
            Btn::Anonymous(false),
            Btn::Send,
            Btn::Discard,
            Btn::Move { id: i64::MAX, from: Status::Ditindaklanjuti, to: Status::Selesai },
            Btn::Reply(12),
            Btn::Next(QueueView::New, 0),
            Btn::Next(QueueView::Closed, i64::MAX),
            Btn::View(7),
            Btn::Answer(i64::MAX),
            Btn::Respond(i64::MAX),
        ];
        for btn in all {
            let cb = Cb::Asp(btn.clone());
            assert_eq!(Cb::parse(&cb.data()), Some(cb.clone()), "{btn:?}");
            assert!(cb.data().len() <= 64, "{btn:?}");
        }
    }

    #[test]
    fn forged_payloads_do_not_parse() {
        for data in ["", "c:", "c:roads", "y:2", "s:1:dt", "s:1:dt:xx", "s:-1:dt:dr", "r:abc", "j:1:2", "ok:1", "k:", "k:-3", "n:1:b", "n:1:x", "n:1:p:2"] {
            assert_eq!(Btn::parse(data), None, "{data}");
        }
    }

    #[test]
    fn every_step_survives_a_restart_as_json() {
        let draft = Draft {
            category: Category::Lingkungan,
            text: "Sampah menumpuk di pinggir sungai".into(),
            photos: vec!["AgAD1".into()],
            location: GeoPoint::from_degrees(-2.97, 104.77),
            anonymous: true,
        };
        let steps = [
            Dialog::Category,
            Dialog::Text { category: Category::Ekonomi },
            Dialog::Media { draft: draft.clone() },
            Dialog::Anonymity { draft: draft.clone() },
            Dialog::Review { draft },
            Dialog::Note { ticket: 3, from: Status::Diterima, to: Status::Ditolak },
            Dialog::Reply { ticket: 3 },
            Dialog::Answer { reply: 9 },
            Dialog::Respond { ticket: 4 },
        ];
        for step in steps {
            let json = serde_json::to_string(&state(step.clone())).unwrap();
            assert_eq!(serde_json::from_str::<State>(&json).unwrap(), state(step), "{json}");
        }
    }
}
