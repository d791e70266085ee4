//! Telegram handlers of trainings: `/pelatihanbaru` (compose, review, publish,
//! announce), `/pelatihan` and `/pelatihansaya` (browse, register, withdraw),
//! `/peserta` (participants, CSV, attendance, move, close, cancel) and the
//! feedback buttons sent after a session.

mod attendance;
mod btn;
mod browse;
mod compose;
mod edit;
mod feedback;
mod invite;
pub mod link;
mod manage;
mod publish;
mod ui;
mod withdraw;

use serde::{Deserialize, Serialize};
use teloxide::types::Message;

pub use btn::Btn;

use crate::bot::feature::{At, Command, CommandSpec, Current, HandlerError, HandlerResult, Turn};
use crate::kernel::members::Role;
use crate::features::trainings::form::Draft;
use crate::features::trainings::model::Venue;

crate::chat_feature! {
    /// Trainings, as plugged into the bot.
    pub struct Trainings {
        name: "trainings",
        dialog: Dialog as "Training",
        buttons: Btn,
        commands: [
            CommandSpec::new("pelatihan", Role::Resident, "help-line-pelatihan"),
            CommandSpec::new("pelatihansaya", Role::Resident, "help-line-pelatihansaya"),
            CommandSpec::new("pelatihanbaru", Role::Coordinator, "help-line-pelatihanbaru"),
            CommandSpec::new("peserta", Role::Coordinator, "help-line-peserta"),
        ],
    }
}

/// Where a person stands in a trainings dialogue (stored as JSON per chat).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Dialog {
    /// `/pelatihanbaru`: the draft so far and the answer awaited. `review` is set
    /// when the change was asked from the review screen, which comes back after it.
    Compose { draft: Box<Draft>, step: Step, review: bool },
    /// Published: choosing which of the KIM's groups hear about it.
    Announce {
        training_id: i64,
        chosen: Vec<i64>,
        /// The author turned the "Bagikan ke WhatsApp" button off.
        #[serde(default)]
        share_off: bool,
    },
    /// Moving a published training: the new start once typed, then the end; with
    /// both, the confirmation (who is told, where the deadline goes) is on screen.
    Reschedule {
        training_id: i64,
        starts_at: Option<i64>,
        #[serde(default)]
        ends_at: Option<i64>,
    },
    /// Changing a published training's place; a typed address waits for an
    /// optional map pin.
    Relocate { training_id: i64, venue: Option<Venue> },
    /// Rated a session; an optional comment may follow.
    Comment { training_id: i64 },
}

/// The answers of `/pelatihanbaru`, in the order they are asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Step {
    Kim,
    Title,
    Organiser,
    Description,
    Start,
    End,
    Place,
    Pin,
    Quota,
    Deadline,
    Targets,
    Poster,
    Review,
}

impl Step {
    const CODES: [(Step, &'static str); 13] = [
        (Step::Kim, "k"),
        (Step::Title, "ti"),
        (Step::Organiser, "or"),
        (Step::Description, "de"),
        (Step::Start, "st"),
        (Step::End, "en"),
        (Step::Place, "pl"),
        (Step::Pin, "pn"),
        (Step::Quota, "qu"),
        (Step::Deadline, "dl"),
        (Step::Targets, "tg"),
        (Step::Poster, "po"),
        (Step::Review, "rv"),
    ];

    pub fn code(self) -> &'static str {
        Self::CODES.iter().find(|(s, _)| *s == self).map_or("rv", |(_, c)| c)
    }

    pub fn parse(code: &str) -> Option<Step> {
        Self::CODES.iter().find(|(_, c)| *c == code).map(|(s, _)| *s)
    }

    /// The step after this one on the first pass through the form.
    pub fn next(self) -> Step {
        let i = Self::CODES.iter().position(|(s, _)| *s == self).unwrap_or(12);
        Self::CODES.get(i + 1).map_or(Step::Review, |(s, _)| *s)
    }
}

/// Handles this feature's commands; `Ok(false)` when the command is not ours.
pub async fn on_command(turn: &Turn<'_>, cmd: &Command<'_>) -> Result<bool, HandlerError> {
    match cmd.name.as_str() {
        "pelatihanbaru" => compose::begin(turn).await?,
        "peserta" => manage::list(turn, None, 0).await?,
        "pelatihan" => browse::show(turn).await?,
        "pelatihansaya" => browse::mine(turn, None).await?,
        _ => return Ok(false),
    }
    Ok(true)
}

pub async fn on_message(turn: &Turn<'_>, dialog: Dialog, msg: &Message) -> HandlerResult {
    match dialog {
        Dialog::Compose { draft, step, review } => compose::on_message(turn, *draft, step, review, msg).await,
        Dialog::Announce { .. } => turn.say("training-use-buttons").await,
        Dialog::Reschedule { training_id, starts_at, ends_at: None } => edit::on_time(turn, training_id, starts_at, msg).await,
        Dialog::Reschedule { .. } => turn.say("training-use-buttons").await,
        Dialog::Relocate { training_id, venue } => edit::on_place(turn, training_id, venue, msg).await,
        Dialog::Comment { training_id } => feedback::on_comment(turn, training_id, msg).await,
    }
}

pub async fn on_button(turn: &Turn<'_>, state: Current<Dialog>, btn: Btn, at: At) -> Result<bool, HandlerError> {
    let dialog = state.mine();
    match btn {
        Btn::Kim(_)
        | Btn::KimPage(_)
        | Btn::Organiser
        | Btn::UntilStart
        | Btn::Target(_)
        | Btn::TargetsDone
        | Btn::Publish
        | Btn::Edit(_)
        | Btn::Discard => compose::on_button(turn, dialog, btn, at).await,
        Btn::Skip => match dialog {
            Some(Dialog::Relocate { training_id, venue: Some(venue) }) => edit::skip_pin(turn, training_id, venue, at).await,
            Some(Dialog::Comment { .. }) => feedback::skip(turn, at).await,
            other => compose::on_button(turn, other, btn, at).await,
        },
        Btn::Group(_) | Btn::Announce | Btn::NoAnnounce | Btn::Share => publish::on_button(turn, dialog, btn, at).await,
        Btn::Page(_)
        | Btn::Register(_)
        | Btn::Withdraw(_)
        | Btn::WithdrawMine(_)
        | Btn::WithdrawYes { .. }
        | Btn::WithdrawKeep { .. } => browse::on_button(turn, btn, at).await,
        Btn::Rate(id, n) => feedback::rate(turn, dialog, id, n, at).await,
        Btn::Attend(id, page) => attendance::show(turn, id, page, at).await,
        Btn::Mark { training, registration, present, page } => {
            attendance::mark(turn, training, registration, present, page, at).await
        }
        Btn::EditTime(id) => edit::begin_time(turn, id).await,
        Btn::MoveYes(id) => edit::confirm_time(turn, dialog, id, at).await,
        Btn::EditPlace(id) => edit::begin_place(turn, id).await,
        Btn::ManagePage(_)
        | Btn::Manage(_)
        | Btn::People(_)
        | Btn::Csv(_)
        | Btn::Close(_)
        | Btn::CloseYes(_)
        | Btn::Cancel(_)
        | Btn::CancelYes(_) => manage::on_button(turn, btn, at).await,
        Btn::Invite(id) => invite::confirm(turn, id, at).await,
        Btn::InviteSkip(id) => invite::skip(turn, id, at).await,
        Btn::Join(id) => invite::join(turn, id, at).await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_round_trip_and_follow_the_form_order() {
        for (step, _) in Step::CODES {
            assert_eq!(Step::parse(step.code()), Some(step));
        }
        assert_eq!(Step::Kim.next(), Step::Title);
        assert_eq!(Step::Poster.next(), Step::Review);
        assert_eq!(Step::Review.next(), Step::Review);
    }

    #[test]
    fn a_dialogue_survives_its_json_form() {
        let draft = Box::new(Draft { title: Some("Menjahit".into()), ..Draft::default() });
        let d = Dialog::Compose { draft, step: Step::Start, review: false };
        let json = serde_json::to_string(&crate::bot::State::of(&d).unwrap()).unwrap();
        let back: crate::bot::State = serde_json::from_str(&json).unwrap();
        assert_eq!(back.current::<Dialog>(), Current::Mine(d));
    }
}
