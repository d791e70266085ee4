//! Telegram handlers of aspirations: the `/aspirasi` form, `/status`, the `/antrian`
//! triage queue, and the buttons on ticket notices. Every button is checked against
//! the dialogue state or, for ticket buttons, against the presser's role and scope
//! and the ticket's current status, before anything changes.

mod desk;
mod opd;
mod paste;
mod status;
mod submit;
mod triage;
mod verdict;

use serde::{Deserialize, Serialize};
use teloxide::types::Message;

pub use super::buttons::Btn;
use super::model::{AspirationId, Category, GeoPoint, Status};
use crate::bot::feature::{At, Command, CommandSpec, Current, HandlerError, HandlerResult, Turn};
use crate::kernel::members::Role;

crate::chat_feature! {
    /// Aspirations, as plugged into the bot.
    pub struct Aspirations {
        name: "aspirations",
        dialog: Dialog as "Aspiration",
        buttons: Btn,
        commands: [
            CommandSpec::new("aspirasi", Role::Resident, "help-line-aspirasi").offered("offer-btn-aspirasi", true),
            CommandSpec::new("status", Role::Resident, "help-line-status"),
            CommandSpec::new("antrian", Role::Coordinator, "help-line-antrian").aliases(&["queue"]),
            // Agency officers work their agency's tickets through the same command.
            CommandSpec::new("antrian", Role::Officer, "help-line-antrian-opd").denied("not-allowed-coordinator"),
        ],
    }
}

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
    Text {
        category: Category,
        /// Set when the person went back to rewrite the text: photos, location and
        /// the anonymity choice made so far are kept.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        kept: Option<Draft>,
    },
    /// Optional photos and location; "Lewati"/"Selesai" moves on.
    Media { draft: Draft },
    /// Hide identity from coordinators, or not.
    Anonymity { draft: Draft },
    /// Summary shown with "Kirim"/"Batal".
    Review { draft: Draft },
    /// Staff: the note to the resident for a status change (forwarding may skip it).
    Note { ticket: AspirationId, from: Status, to: Status },
    /// Staff: a reply to the resident.
    Reply { ticket: AspirationId },
    /// Resident: the one answer to a staff reply.
    Answer { reply: i64 },
    /// Resident: the one response to closed ticket `ticket`, which reopens it.
    Respond { ticket: AspirationId },
    /// Resident: the response `text` is shown back with "Kirim tanggapan" / "Batal",
    /// since sending it spends the one reopening.
    RespondConfirm { ticket: AspirationId, text: String },
    /// Resident: scored verdict round `round`; an optional comment is awaited.
    VerdictComment { round: i64 },
    /// Staff: the optional note to agency `agency` that ticket `ticket` is sent to.
    DisposeNote { ticket: AspirationId, agency: i64 },
    /// Agency officer: a progress note on `ticket` for the resident.
    OpdProgress { ticket: AspirationId },
    /// Agency officer: why `ticket` is returned ("bukan kewenangan kami").
    OpdReturn { ticket: AspirationId },
    /// Agency officer: the closing note of `ticket`.
    OpdDoneNote { ticket: AspirationId },
    /// Agency officer: an optional photo of the result, after the closing `note`.
    OpdDonePhoto { ticket: AspirationId, note: String },
    /// Staff: an internal note on `ticket` (never sent to the resident).
    InternalNote { ticket: AspirationId },
    /// Category buttons shown for a message sent outside any dialogue and chosen to
    /// become an aspiration ("Kirim aspirasi"): its text, photo and pin wait here.
    CategoryFor {
        text: String,
        #[serde(default)]
        photos: Vec<String>,
        #[serde(default)]
        location: Option<GeoPoint>,
    },
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
        Dialog::Category | Dialog::CategoryFor { .. } => turn.say("asp-category-use-buttons").await,
        Dialog::Text { category, kept } => submit::on_text(turn, category, kept, msg).await,
        Dialog::Media { draft } => submit::on_media(turn, draft, msg).await,
        Dialog::Anonymity { .. } | Dialog::Review { .. } => turn.say("asp-use-buttons").await,
        Dialog::Note { ticket, from, to } => triage::on_note(turn, ticket, (from, to), msg).await,
        Dialog::Reply { ticket } => triage::on_reply(turn, ticket, msg).await,
        Dialog::Answer { reply } => status::on_answer(turn, reply, msg).await,
        Dialog::Respond { ticket } | Dialog::RespondConfirm { ticket, .. } => status::on_respond(turn, ticket, msg).await,
        Dialog::VerdictComment { round } => verdict::on_comment(turn, round, msg).await,
        Dialog::DisposeNote { ticket, agency } => opd::on_dispose_note(turn, ticket, agency, msg).await,
        Dialog::OpdProgress { ticket } => opd::on_progress(turn, ticket, msg).await,
        Dialog::OpdReturn { ticket } => opd::on_return(turn, ticket, msg).await,
        Dialog::OpdDoneNote { ticket } => opd::on_done_note(turn, ticket, msg).await,
        Dialog::OpdDonePhoto { ticket, note } => opd::on_done_photo(turn, ticket, &note, msg).await,
        Dialog::InternalNote { ticket } => desk::on_note(turn, ticket, msg).await,
    }
}

/// `Ok(false)`: the press does not fit the dialogue, or the presser may not do it,
/// or the ticket moved on; nothing was changed.
pub async fn on_button(turn: &Turn<'_>, state: Current<Dialog>, btn: Btn, at: At) -> Result<bool, HandlerError> {
    let dialog = state.mine();
    match (btn, dialog) {
        (Btn::Category(c), Some(Dialog::Category)) => submit::chose_category(turn, c, at).await,
        (Btn::Category(c), Some(Dialog::CategoryFor { text, photos, location })) => {
            submit::chose_category_for(turn, c, (text, photos, location), at).await
        }
        (Btn::MediaDone, Some(Dialog::Media { draft })) => submit::media_done(turn, draft, at).await,
        (Btn::Anonymous(hide), Some(Dialog::Anonymity { draft })) => submit::chose_anonymity(turn, draft, hide, at).await,
        (Btn::Send, Some(Dialog::Review { draft })) => submit::send(turn, draft, at).await,
        (Btn::Discard, Some(Dialog::Review { .. })) => submit::discard(turn, at).await,
        (Btn::EditText, Some(Dialog::Media { draft } | Dialog::Review { draft })) => submit::rewrite(turn, draft, at).await,
        (Btn::Move { id, from, to }, _) => triage::on_move(turn, AspirationId(id), (from, to), at).await,
        (Btn::SkipNote(id), Some(Dialog::Note { ticket, from, to })) if ticket == AspirationId(id) => triage::skip_note(turn, AspirationId(id), (from, to), at).await,
        (Btn::Undo { id, log }, _) => triage::on_undo(turn, AspirationId(id), log, at).await,
        (Btn::Reply(id), _) => triage::on_reply_button(turn, AspirationId(id)).await,
        (Btn::Next(view, id), _) => triage::on_next(turn, view, AspirationId(id), at).await,
        (Btn::View(id), _) => status::on_view(turn, AspirationId(id)).await,
        (Btn::Answer(id), _) => status::on_answer_button(turn, id).await,
        (Btn::Respond(id), _) => status::on_respond_button(turn, AspirationId(id)).await,
        (Btn::RespondSend(id), Some(Dialog::RespondConfirm { ticket, text })) if ticket == AspirationId(id) => {
            status::send_response(turn, AspirationId(id), &text, at).await
        }
        (Btn::RespondCancel(id), Some(Dialog::RespondConfirm { ticket, .. })) if ticket == AspirationId(id) => {
            status::cancel_response(turn, AspirationId(id), at).await
        }
        (Btn::Rate { round, score }, _) => verdict::on_rate(turn, round, score, at).await,
        (Btn::NotSolved(id), _) => verdict::on_not_solved(turn, AspirationId(id)).await,
        (Btn::SkipComment(id), Some(Dialog::VerdictComment { round })) if round == id => verdict::skip_comment(turn, at).await,
        (Btn::Dispose(id), _) => opd::on_dispose(turn, AspirationId(id)).await,
        (Btn::DisposeTo { id, agency }, _) => opd::on_dispose_to(turn, AspirationId(id), agency).await,
        (Btn::DisposeNoNote(id), Some(Dialog::DisposeNote { ticket, agency })) if ticket == AspirationId(id) => {
            opd::dispose_without_note(turn, AspirationId(id), agency, at).await
        }
        (Btn::ForwardPlain(id), _) => triage::forward_plain(turn, AspirationId(id)).await,
        (Btn::Recall(id), _) => opd::on_recall(turn, AspirationId(id), at).await,
        (Btn::OpdAccept(id), _) => opd::on_accept(turn, AspirationId(id), at).await,
        (Btn::OpdProgress(id), _) => opd::ask(turn, AspirationId(id), Dialog::OpdProgress { ticket: AspirationId(id) }, "asp-opd-ask-progress").await,
        (Btn::OpdReturn(id), _) => opd::ask(turn, AspirationId(id), Dialog::OpdReturn { ticket: AspirationId(id) }, "asp-opd-ask-return").await,
        (Btn::OpdDone(id), _) => opd::ask(turn, AspirationId(id), Dialog::OpdDoneNote { ticket: AspirationId(id) }, "asp-opd-ask-done").await,
        (Btn::OpdNoPhoto(id), Some(Dialog::OpdDonePhoto { ticket, note })) if ticket == AspirationId(id) => {
            opd::finish(turn, AspirationId(id), &note, None, Some(at)).await
        }
        (Btn::OpdNext(id), _) => opd::on_next(turn, AspirationId(id), at).await,
        (Btn::Take(id), _) => triage::on_take(turn, AspirationId(id)).await,
        (Btn::Note(id), _) => desk::on_note_button(turn, AspirationId(id)).await,
        (Btn::CannedList(id), _) => desk::on_list(turn, AspirationId(id)).await,
        (Btn::CannedPick { id, canned }, _) => desk::on_pick(turn, AspirationId(id), canned).await,
        (Btn::CannedSend { id, canned }, dialog) => {
            let in_reply = matches!(dialog, Some(Dialog::Reply { ticket }) if ticket == AspirationId(id));
            desk::on_send(turn, AspirationId(id), canned, in_reply, at).await
        }
        _ => Ok(false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bot::State;

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
            Dialog::Text { category: Category::Ekonomi, kept: None },
            Dialog::Text { category: Category::Ekonomi, kept: Some(draft.clone()) },
            Dialog::Media { draft: draft.clone() },
            Dialog::Anonymity { draft: draft.clone() },
            Dialog::Review { draft },
            Dialog::Note { ticket: AspirationId(3), from: Status::Diterima, to: Status::Ditolak },
            Dialog::Reply { ticket: AspirationId(3) },
            Dialog::Answer { reply: 9 },
            Dialog::Respond { ticket: AspirationId(4) },
            Dialog::RespondConfirm { ticket: AspirationId(4), text: "Masih berlubang".into() },
            Dialog::VerdictComment { round: 5 },
            Dialog::CategoryFor { text: "Lampu padam".into(), photos: vec!["AgAD2".into()], location: None },
            Dialog::DisposeNote { ticket: AspirationId(3), agency: 2 },
            Dialog::OpdProgress { ticket: AspirationId(3) },
            Dialog::OpdReturn { ticket: AspirationId(3) },
            Dialog::OpdDoneNote { ticket: AspirationId(3) },
            Dialog::OpdDonePhoto { ticket: AspirationId(3), note: "Sudah ditambal".into() },
            Dialog::InternalNote { ticket: AspirationId(3) },
        ];
        for step in steps {
            let json = serde_json::to_string(&State::of(&step).unwrap()).unwrap();
            let back = serde_json::from_str::<State>(&json).unwrap();
            assert_eq!(back.current::<Dialog>(), Current::Mine(step), "{json}");
        }
    }

    /// States stored while tickets were bare numbers load as the `AspirationId`s
    /// they are now (the id is the same JSON number), so a dialogue open across the
    /// upgrade goes on.
    #[test]
    fn a_state_stored_with_a_bare_ticket_number_still_loads() {
        let stored = [
            (r#"{"kind":"Aspiration","step":"Note","ticket":3,"from":"Diterima","to":"Ditolak"}"#, Dialog::Note { ticket: AspirationId(3), from: Status::Diterima, to: Status::Ditolak }),
            (r#"{"kind":"Aspiration","step":"Reply","ticket":3}"#, Dialog::Reply { ticket: AspirationId(3) }),
            (r#"{"kind":"Aspiration","step":"RespondConfirm","ticket":4,"text":"Masih berlubang"}"#, Dialog::RespondConfirm { ticket: AspirationId(4), text: "Masih berlubang".into() }),
            (r#"{"kind":"Aspiration","step":"DisposeNote","ticket":3,"agency":2}"#, Dialog::DisposeNote { ticket: AspirationId(3), agency: 2 }),
            (r#"{"kind":"Aspiration","step":"OpdDonePhoto","ticket":3,"note":"Sudah ditambal"}"#, Dialog::OpdDonePhoto { ticket: AspirationId(3), note: "Sudah ditambal".into() }),
            (r#"{"kind":"Aspiration","step":"InternalNote","ticket":9000000001}"#, Dialog::InternalNote { ticket: AspirationId(9_000_000_001) }),
        ];
        for (json, step) in stored {
            let back = serde_json::from_str::<State>(json).unwrap();
            assert_eq!(back.current::<Dialog>(), Current::Mine(step.clone()), "{json}");
            assert_eq!(serde_json::to_value(State::of(&step).unwrap()).unwrap(), serde_json::from_str::<serde_json::Value>(json).unwrap());
        }
    }
}
