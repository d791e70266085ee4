//! Polls' part of a person's data: the polls they authored and the answers they
//! gave. `/datasaya` lists the answers (question and chosen options).
//!
//! Erasure keeps every count right: authored polls stay with
//! [`ERASED_USER`](crate::platform::personal::ERASED_USER) as author, and each
//! answer stays under its voter's fingerprint within that poll
//! ([`fingerprint`](crate::platform::fingerprint)), its `user_id` cleared and a private
//! copy's chat replaced by `0`. So the person, if they come back and answer the same
//! poll again, replaces their old answer instead of counting twice, and nothing left
//! names them (the fingerprint is a keyed hash, different in every poll).

use chrono_tz::Tz;
use serde::Serialize;
use sqlx::Row;
use crate::kernel::members::UserId;

use crate::platform::db::DbResult;
use crate::platform::i18n::{Arg, Lang, ta};
use crate::platform::personal::{Erasure, Hook, PersonalData, Section, Tx, json, reassign, rows, section};

pub const DATA: PersonalData = PersonalData {
    owner: "polls",
    erases: &[("polls", "author_id"), ("poll_votes", "user_id"), ("poll_votes", "chat_id"), ("poll_chat_totals", "chat_id")],
    keeps: &[
        ("poll_votes", "poll_id", "the poll answered, not a person"),
        ("poll_chat_totals", "poll_id", "the poll counted, not a person"),
    ],
    erase,
    export,
};

/// Statements run with `$1` = the person. A private copy's chat is the person too;
/// its row moves to chat `0` (a second erasure's leftover there gives way first).
const ERASE: &[&str] = &[
    "UPDATE poll_votes SET user_id = NULL WHERE user_id = $1",
    "DELETE FROM poll_votes WHERE chat_id = $1 AND EXISTS \
     (SELECT 1 FROM poll_votes o WHERE o.poll_id = poll_votes.poll_id AND o.voter = poll_votes.voter AND o.chat_id = 0)",
    "UPDATE poll_votes SET chat_id = 0 WHERE chat_id = $1",
];

fn erase<'a, 'c>(tx: &'a mut Tx, e: &'a mut Erasure<'c>) -> Hook<'a, ()> {
    Box::pin(async move {
        for &sql in ERASE {
            sqlx::query(sql).bind(e.user_id).execute(&mut **tx).await?;
        }
        reassign(tx, e.user_id, &[("polls", "author_id"), ("poll_chat_totals", "chat_id")]).await
    })
}

#[derive(Debug, Serialize)]
struct Answer {
    question: String,
    chosen: Vec<String>,
}

struct Answers(Vec<Answer>);

impl Section for Answers {
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn fields(&self) -> Vec<(&'static str, serde_json::Value)> {
        vec![("poll_answers", json(&self.0))]
    }

    fn pieces(&self, lang: Lang, _tz: Tz) -> Vec<String> {
        let line = |a: &Answer| {
            ta(lang, "privacy-data-poll-answer", &[("question", Arg::from(a.question.clone())), ("chosen", Arg::from(a.chosen.join(", ")))])
        };
        section(lang, "privacy-data-polls-header", self.0.iter().map(line)).into_iter().collect()
    }
}

const ANSWERS: &str = "SELECT p.question, p.options, v.choices FROM poll_votes v JOIN polls p ON p.id = v.poll_id \
                       WHERE v.user_id = $1 AND v.choices <> '' ORDER BY v.poll_id, v.seq";

fn decode(r: &sqlx::any::AnyRow) -> DbResult<Answer> {
    let options: Vec<String> = serde_json::from_str(&r.try_get::<String, _>("options")?).unwrap_or_default();
    let choices: String = r.try_get("choices")?;
    let chosen = choices.split(',').filter_map(|c| c.parse::<usize>().ok()).filter_map(|i| options.get(i).cloned()).collect();
    Ok(Answer { question: r.try_get("question")?, chosen })
}

fn export(db: &crate::platform::db::Db, user_id: UserId) -> Hook<'_, Box<dyn Section>> {
    Box::pin(async move { Ok(Box::new(Answers(rows(db, ANSWERS, user_id, decode).await?)) as Box<dyn Section>) })
}
