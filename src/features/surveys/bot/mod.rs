//! Telegram side of surveys. `/survei` (alias `/survey`): residents see the surveys
//! open for them; coordinators and staff also write a new one ([`compose`]) and
//! manage theirs ([`manage`]: results, close early, recall). Residents answer one
//! question at a time ([`answer`]); every answer is saved at once, so `/batal`, a
//! restart or a day's pause loses nothing.
//!
//! Every press re-checks the dialogue, the survey's state, the presser's role and
//! scope: another area's survey reads exactly like a missing one.

pub mod manage;
pub mod compose;
pub mod answer;
pub mod send;
pub mod drafts;

use serde::{Deserialize, Serialize};
use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup, Message};

use super::buttons::Btn;
use super::model::{Draft, Kind, SurveyId};
use crate::bot::feature::{At, Command, CommandSpec, Current, HandlerError, HandlerResult, Turn};
use crate::bot::keyboards::button;
use crate::kernel::members::Role;
use crate::platform::i18n::{Lang, t};

crate::chat_feature! {
    /// Surveys, as plugged into the bot.
    pub struct Surveys {
        name: "surveys",
        dialog: Dialog as "Survey",
        buttons: Btn,
        on_cancel: on_cancel,
        commands: [
            CommandSpec::new("survei", Role::Resident, "help-line-survei").aliases(&["survey"]),
            // Writing and managing surveys: a second help line in the coordinators' section.
            CommandSpec::new("survei", Role::Coordinator, "help-line-survei-author").hidden(),
        ],
    }
}

/// Where a person stands in surveys (stored as JSON per chat).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "step")]
pub enum Dialog {
    /// Author: waiting for the title.
    Title { draft: Draft },
    /// Author: question-kind buttons shown.
    Kind { draft: Draft },
    /// Author: waiting for the question's text. (Not `kind`: the stored state's
    /// wrapper uses that key for the feature.)
    Prompt { draft: Draft, form: Kind },
    /// Author: waiting for a choice question's options.
    Options { draft: Draft, prompt: String },
    /// Author: the review with edit and remove buttons.
    Review { draft: Draft },
    /// Author: closing-time buttons shown (or a typed date awaited).
    Closing { draft: Draft },
    /// Author: reach buttons shown.
    Reach { draft: Draft },
    /// Author: the summary with "send".
    Confirm { draft: Draft, target: Target },
    /// Resident: answering survey `survey` (a typed text answers its current question).
    Answer { survey: SurveyId },
    /// Author: `/batal` asked whether to keep the draft (buttons shown).
    Cancel { draft: Draft },
}

/// Whom a survey goes to, as chosen by button (checked again on "send").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    Kim(i64),
    Area(i64),
    /// The registered participants of a training: the survey is its feedback form.
    Training(i64),
}

/// Coordinators, staff and admins write surveys.
pub fn may_author(turn: &Turn<'_>) -> bool {
    turn.who.actor.role() >= Role::Coordinator
}

pub async fn on_command(turn: &Turn<'_>, _cmd: &Command<'_>) -> Result<bool, HandlerError> {
    if may_author(turn) {
        turn.send_with_buttons(t(turn.lang(), "sv-menu"), menu(turn.lang())).await?;
    } else {
        answer::for_me(turn, None).await?;
    }
    Ok(true)
}

fn menu(lang: Lang) -> InlineKeyboardMarkup {
    let row = |key: &str, b: Btn| vec![button(t(lang, key), b)];
    InlineKeyboardMarkup::new(vec![row("sv-btn-new", Btn::New), row("sv-btn-manage", Btn::Manage), row("sv-btn-for-me", Btn::ForMe)])
}

/// `/batal` while writing a survey: offers to keep the draft (see [`drafts`]).
pub async fn on_cancel(turn: &Turn<'_>, dialog: Dialog) -> Result<bool, HandlerError> {
    if !may_author(turn) {
        return Ok(false);
    }
    drafts::offer(turn, dialog).await
}

pub async fn on_message(turn: &Turn<'_>, dialog: Dialog, msg: &Message) -> HandlerResult {
    let text = msg.text().unwrap_or_default();
    match dialog {
        Dialog::Answer { survey } => answer::typed(turn, survey, msg.text()).await,
        _ if !may_author(turn) => {
            turn.end().await?;
            turn.say("not-allowed-coordinator").await
        }
        Dialog::Title { draft } => compose::titled(turn, draft, text).await,
        Dialog::Prompt { draft, form } => compose::prompted(turn, draft, form, text).await,
        Dialog::Options { draft, prompt } => compose::optioned(turn, draft, prompt, text).await,
        Dialog::Closing { draft } => compose::closing_typed(turn, draft, text).await,
        Dialog::Kind { .. } | Dialog::Review { .. } | Dialog::Reach { .. } | Dialog::Confirm { .. } | Dialog::Cancel { .. } => {
            turn.say("sv-use-buttons").await
        }
    }
}

pub async fn on_button(turn: &Turn<'_>, state: Current<Dialog>, btn: Btn, at: At) -> Result<bool, HandlerError> {
    match btn {
        Btn::Start(id) => return answer::start(turn, SurveyId(id), at).await,
        Btn::Later(id) => return answer::later(turn, SurveyId(id), at).await,
        Btn::Pause(id) => return answer::pause(turn, SurveyId(id), at).await,
        Btn::Answer(id, q, v) => return answer::pressed(turn, SurveyId(id), q, v, at).await,
        Btn::ForMe => return answer::for_me(turn, Some(at)).await.map(|()| true),
        _ => {}
    }
    if !may_author(turn) {
        return Ok(false);
    }
    match btn {
        Btn::New => compose::start(turn, at).await.map(|()| true),
        Btn::FreshDraft => compose::fresh(turn, at).await.map(|()| true),
        Btn::ResumeDraft => compose::resume(turn, at).await,
        Btn::Manage => manage::list(turn, 0, at).await,
        Btn::ManagePage(page) => manage::list(turn, page, at).await,
        Btn::Card(id) => manage::card(turn, SurveyId(id), at).await,
        Btn::Results(id) => manage::results(turn, SurveyId(id)).await,
        Btn::Close(id) | Btn::Recall(id) => manage::ask(turn, &btn, SurveyId(id), at).await,
        Btn::CloseYes(id) | Btn::RecallYes(id) => manage::end(turn, &btn, SurveyId(id), at).await,
        _ => match state {
            Current::Mine(dialog) => compose::on_button(turn, dialog, btn, at).await,
            Current::Idle | Current::Other => Ok(false),
        },
    }
}

/// Rows of one button each.
pub fn rows(buttons: Vec<(String, Btn)>) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new(buttons.into_iter().map(|(label, b)| vec![button(label, b)]).collect::<Vec<Vec<InlineKeyboardButton>>>())
}

/// Edits the pressed message, or sends a new one when there is none.
pub async fn show(turn: &Turn<'_>, at: Option<At>, text: String, keys: Option<InlineKeyboardMarkup>) -> HandlerResult {
    match (at, keys) {
        (Some(at), keys) => turn.edit(at, text, keys).await,
        (None, Some(keys)) => turn.send_with_buttons(text, keys).await,
        (None, None) => turn.send(text).await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bot::State;

    /// A resident answering when survey ids were bare numbers goes on answering: the
    /// stored state loads as the `SurveyId` it is now and is written the same way.
    #[test]
    fn an_answering_state_stored_with_a_bare_survey_number_still_loads() {
        let json = r#"{"kind":"Survey","step":"Answer","survey":12}"#;
        let back = serde_json::from_str::<State>(json).unwrap();
        assert_eq!(back.current::<Dialog>(), Current::Mine(Dialog::Answer { survey: SurveyId(12) }));
        let again = serde_json::to_value(State::of(&Dialog::Answer { survey: SurveyId(12) }).unwrap()).unwrap();
        assert_eq!(again, serde_json::from_str::<serde_json::Value>(json).unwrap());
    }
}
