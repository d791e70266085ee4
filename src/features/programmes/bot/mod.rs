//! Telegram handlers of programmes: `/programbaru` (staff and agency officers compose
//! and publish), `/program` and the "Daftar" link (residents read and apply),
//! `/programsaya` (one's applications, withdrawal), `/gabungprogram` (members join a
//! group application with its code) and `/seleksi` (selection in chat for small
//! programmes).

mod apply;
mod compose;
pub mod link;
mod select;
mod ui;

use serde::{Deserialize, Serialize};
use teloxide::types::Message;

pub use crate::features::programmes::buttons::Btn;
pub use compose::{Draft, Step};

use crate::bot::feature::{At, Command, CommandSpec, Current, HandlerError, HandlerResult, Turn};
use crate::features::programmes::model::ProgrammeId;
use crate::kernel::members::Role;

crate::chat_feature! {
    /// Programmes, as plugged into the bot.
    pub struct Programmes {
        name: "programmes",
        dialog: Dialog as "Programme",
        buttons: Btn,
        commands: [
            CommandSpec::new("program", Role::Resident, "help-line-program"),
            CommandSpec::new("programsaya", Role::Resident, "help-line-programsaya"),
            CommandSpec::new("gabungprogram", Role::Resident, "help-line-gabungprogram"),
            CommandSpec::new("programbaru", Role::Officer, "help-line-programbaru").refused_by_feature(),
            CommandSpec::new("seleksi", Role::Officer, "help-line-seleksi").refused_by_feature(),
        ],
    }
}

/// Where a person stands in a programmes dialogue (stored as JSON per chat).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Dialog {
    /// `/programbaru`: the draft so far and the answer awaited.
    Compose { draft: Box<Draft>, step: Step },
    /// Applying: the answers to the programme's questions so far.
    Apply { programme_id: ProgrammeId, answers: Vec<String> },
    /// `/gabungprogram` without a code: the code is awaited.
    JoinCode,
    /// A code was typed; the member's consent is asked for this group.
    JoinConsent { application_id: i64, code: String },
    /// Selection: the reason for rejecting this application is awaited.
    Reason { programme_id: ProgrammeId, application_id: i64 },
}

/// Handles this feature's commands; `Ok(false)` when the command is not ours.
pub async fn on_command(turn: &Turn<'_>, cmd: &Command<'_>) -> Result<bool, HandlerError> {
    match cmd.name.as_str() {
        "programbaru" => compose::begin(turn).await?,
        "program" => apply::browse(turn).await?,
        "programsaya" => apply::mine(turn).await?,
        "gabungprogram" => apply::join_begin(turn, cmd.args).await?,
        "seleksi" => select::list(turn).await?,
        _ => return Ok(false),
    }
    Ok(true)
}

pub async fn on_message(turn: &Turn<'_>, dialog: Dialog, msg: &Message) -> HandlerResult {
    let text = msg.text().map(str::trim).unwrap_or_default();
    match dialog {
        Dialog::Compose { draft, step } => compose::on_text(turn, *draft, step, text).await,
        Dialog::Apply { programme_id, answers } => apply::on_answer(turn, programme_id, answers, text).await,
        Dialog::JoinCode => apply::join_code(turn, text).await,
        Dialog::JoinConsent { .. } => turn.say("prg-use-buttons").await,
        Dialog::Reason { programme_id, application_id } => select::on_reason(turn, programme_id, application_id, text).await,
    }
}

pub async fn on_button(turn: &Turn<'_>, state: Current<Dialog>, btn: Btn, at: At) -> Result<bool, HandlerError> {
    let dialog = state.mine();
    match btn {
        Btn::Organiser(_)
        | Btn::Kind(_)
        | Btn::Sector(_)
        | Btn::SectorsDone
        | Btn::Scale(_)
        | Btn::ScalesDone
        | Btn::Nib(_)
        | Btn::Group(_)
        | Btn::Window(_)
        | Btn::Selection(_)
        | Btn::FollowUp(_)
        | Btn::QuestionKind(_)
        | Btn::Skip
        | Btn::Publish => compose::on_button(turn, dialog, btn, at).await,
        Btn::Discard => {
            if dialog.is_none() {
                return Ok(false);
            }
            turn.end().await?;
            turn.say("prg-discarded").await?;
            Ok(true)
        }
        Btn::View(_) | Btn::Apply(_) | Btn::Submit(_) | Btn::Withdraw(_) | Btn::WithdrawYes(_) | Btn::JoinYes(_) | Btn::Answer(..) => {
            apply::on_button(turn, dialog, btn).await
        }
        Btn::Manage(_) | Btn::ManagePage(..) | Btn::Decide(..) => select::on_button(turn, btn).await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bot::State;

    /// Applying and rejecting dialogues stored while programme ids were bare numbers
    /// load as the `ProgrammeId`s they are now, and are written the same way.
    #[test]
    fn states_stored_with_a_bare_programme_number_still_load() {
        let stored = [
            (r#"{"kind":"Programme","Apply":{"programme_id":3,"answers":["Ya"]}}"#, Dialog::Apply { programme_id: ProgrammeId(3), answers: vec!["Ya".into()] }),
            (r#"{"kind":"Programme","Reason":{"programme_id":3,"application_id":41}}"#, Dialog::Reason { programme_id: ProgrammeId(3), application_id: 41 }),
        ];
        for (json, step) in stored {
            let back = serde_json::from_str::<State>(json).unwrap();
            assert_eq!(back.current::<Dialog>(), Current::Mine(step.clone()), "{json}");
            assert_eq!(serde_json::to_value(State::of(&step).unwrap()).unwrap(), serde_json::from_str::<serde_json::Value>(json).unwrap());
        }
    }
}
