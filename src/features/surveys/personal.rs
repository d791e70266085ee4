//! Surveys' part of a person's data: the surveys a resident answered (with their
//! answers) and the surveys a coordinator or staff member wrote or ended.
//!
//! Erasure: a response still being answered is deleted; a submitted one stays for
//! the counts with no user id, its typed answers deleted (free text may name the
//! person). Surveys someone wrote or ended stay with
//! [`ERASED_USER`](crate::platform::personal::ERASED_USER) in their place.

use chrono_tz::Tz;
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;
use crate::kernel::members::UserId;

use super::model::SurveyId;
use crate::platform::db::{Db, DbResult};
use crate::platform::i18n::{Arg, Lang, ta};
use crate::platform::personal::{Erasure, Hook, PersonalData, Section, Tx, json, reassign, rows, section, when};

pub const DATA: PersonalData = PersonalData {
    owner: "surveys",
    erases: &[("survey_invitees", "user_id"), ("survey_responses", "user_id"), ("surveys", "author_id"), ("surveys", "ended_by"), ("survey_drafts", "author_id")],
    keeps: &[],
    erase,
    export,
};

/// Statements run with `$1` = the person, children before parents.
const ERASE: &[&str] = &[
    "DELETE FROM survey_drafts WHERE author_id = $1",
    "DELETE FROM survey_invitees WHERE user_id = $1",
    "DELETE FROM survey_answers WHERE response_id IN \
     (SELECT id FROM survey_responses WHERE user_id = $1 AND submitted_at IS NULL)",
    "DELETE FROM survey_responses WHERE user_id = $1 AND submitted_at IS NULL",
    "UPDATE survey_answers SET answer = NULL WHERE answer IS NOT NULL AND response_id IN \
     (SELECT id FROM survey_responses WHERE user_id = $1)",
    "UPDATE survey_responses SET user_id = NULL WHERE user_id = $1",
];

fn erase<'a, 'c>(tx: &'a mut Tx, e: &'a mut Erasure<'c>) -> Hook<'a, ()> {
    Box::pin(async move {
        for &sql in ERASE {
            sqlx::query(sql).bind(e.user_id).execute(&mut **tx).await?;
        }
        reassign(tx, e.user_id, &[("surveys", "author_id"), ("surveys", "ended_by")]).await
    })
}

fn export(db: &Db, user_id: UserId) -> Hook<'_, Box<dyn Section>> {
    Box::pin(async move {
        Ok(Box::new(Surveys {
            survey_answers: rows(db, ANSWERS, user_id, answer).await?,
            surveys_written: rows(db, WRITTEN, user_id, written).await?,
            survey_drafts: rows(db, DRAFTS, user_id, draft_title).await?,
        }) as Box<dyn Section>)
    })
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Surveys {
    pub survey_answers: Vec<Answer>,
    pub surveys_written: Vec<Written>,
    /// Titles of a draft kept at `/batal` (at most one).
    pub survey_drafts: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Answer {
    pub survey: String,
    pub question: String,
    /// The option chosen, the scale value, or the typed text.
    pub answer: String,
    pub at: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Written {
    pub survey_id: SurveyId,
    pub title: String,
    pub created_at: i64,
}

impl Section for Surveys {
    fn is_empty(&self) -> bool {
        self.survey_answers.is_empty() && self.surveys_written.is_empty() && self.survey_drafts.is_empty()
    }

    fn fields(&self) -> Vec<(&'static str, serde_json::Value)> {
        vec![
            ("survey_answers", json(&self.survey_answers)),
            ("surveys_written", json(&self.surveys_written)),
            ("survey_drafts", json(&self.survey_drafts)),
        ]
    }

    fn pieces(&self, lang: Lang, tz: Tz) -> Vec<String> {
        let answers = self.survey_answers.iter().map(|a| {
            let args = [("survey", Arg::from(a.survey.clone())), ("question", Arg::from(a.question.clone())), ("answer", Arg::from(a.answer.clone()))];
            ta(lang, "privacy-data-survey-answer", &args)
        });
        let written = self.surveys_written.iter().map(|w| {
            ta(lang, "privacy-data-survey-written", &[("title", Arg::from(w.title.clone())), ("at", Arg::from(when(w.created_at, tz)))])
        });
        let drafts = self.survey_drafts.iter().map(|title| ta(lang, "privacy-data-survey-draft", &[("title", Arg::from(title.clone()))]));
        [
            section(lang, "privacy-data-survey-answers-header", answers),
            section(lang, "privacy-data-surveys-written-header", written.chain(drafts)),
        ]
            .into_iter()
            .flatten()
            .collect()
    }
}

const ANSWERS: &str = "SELECT s.title, q.prompt, q.kind, q.options, a.choice, a.answer, a.answered_at FROM survey_answers a \
     JOIN survey_responses r ON r.id = a.response_id JOIN surveys s ON s.id = r.survey_id \
     JOIN survey_questions q ON q.id = a.question_id WHERE r.user_id = $1 ORDER BY r.id, q.position";

fn answer(r: &AnyRow) -> DbResult<Answer> {
    let choice: Option<i64> = r.try_get("choice")?;
    let text: Option<String> = r.try_get("answer")?;
    let kind: String = r.try_get("kind")?;
    let options: String = r.try_get("options")?;
    let chosen = match (kind.as_str(), choice) {
        ("choice", Some(i)) => usize::try_from(i).ok().and_then(|i| options.lines().nth(i)).map(String::from),
        (_, Some(v)) => Some(v.to_string()),
        _ => None,
    };
    Ok(Answer {
        survey: r.try_get("title")?,
        question: r.try_get("prompt")?,
        answer: text.or(chosen).unwrap_or_default(),
        at: r.try_get("answered_at")?,
    })
}

const DRAFTS: &str = "SELECT draft FROM survey_drafts WHERE author_id = $1";

fn draft_title(r: &AnyRow) -> DbResult<String> {
    let draft: String = r.try_get("draft")?;
    Ok(serde_json::from_str::<super::model::Draft>(&draft).map(|d| d.title).unwrap_or_default())
}

const WRITTEN: &str = "SELECT id, title, created_at FROM surveys WHERE author_id = $1 ORDER BY id";

fn written(r: &AnyRow) -> DbResult<Written> {
    Ok(Written { survey_id: r.try_get("id")?, title: r.try_get("title")?, created_at: r.try_get("created_at")? })
}
