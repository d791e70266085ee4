//! Cek fakta's part of a person's data: the requests a resident sent (shown and
//! exported by `/datasaya`), the verdicts a staff member gave, and their pending
//! "new requests" notice count.
//!
//! Erasure keeps only what a verdict needs to go on serving everyone who receives the
//! same rumour: an answered request keeps its number, KIM, content key, verdict,
//! explanation and dates, with [`ERASED_USER`] in place of the person; the text they
//! sent, its link and photo go, since a pasted message may hold their name or phone.
//! An open request is deleted: it has no verdict yet, and no one waits for its answer.
//! A verdict a staff member gave stays, with [`ERASED_USER`] as who gave it.

use chrono_tz::Tz;
use serde::Serialize;

use super::model::clip;
use super::store;
use crate::kernel::members::UserId;
use crate::platform::db::Db;
use crate::platform::i18n::{Arg, Lang, t, ta};
use crate::platform::personal::{Erasure, Hook, PersonalData, Section, Tx, json, reassign, section, when};

pub const DATA: PersonalData = PersonalData {
    owner: "factcheck",
    erases: &[("fact_checks", "user_id"), ("fact_checks", "answered_by"), ("fact_check_notices", "staff_id")],
    keeps: &[],
    erase,
    export,
};

/// Statements run with `$1` = the person, in order.
const ERASE: &[&str] = &[
    "DELETE FROM fact_check_notices WHERE staff_id = $1",
    "DELETE FROM fact_checks WHERE user_id = $1 AND status = 'open'",
    "UPDATE fact_checks SET body = '', link = NULL, photo = NULL WHERE user_id = $1",
];

fn erase<'a, 'c>(tx: &'a mut Tx, e: &'a mut Erasure<'c>) -> Hook<'a, ()> {
    Box::pin(async move {
        for &sql in ERASE {
            sqlx::query(sql).bind(e.user_id).execute(&mut **tx).await?;
        }
        reassign(tx, e.user_id, DATA.erases).await
    })
}

fn export(db: &Db, user_id: UserId) -> Hook<'_, Box<dyn Section>> {
    Box::pin(async move {
        let checks = store::of_user(db, user_id).await?;
        let fact_checks = checks
            .into_iter()
            .map(|c| Request {
                number: c.number,
                text: c.body,
                link: c.link,
                photo: c.photo.is_some(),
                verdict: c.answer.as_ref().map(|a| a.verdict.code().to_string()),
                explanation: c.answer.map(|a| a.explanation),
                created_at: c.created_at,
            })
            .collect();
        Ok(Box::new(Requests { fact_checks }) as Box<dyn Section>)
    })
}

/// The person's cek fakta requests.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Requests {
    pub fact_checks: Vec<Request>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Request {
    pub number: String,
    /// The message they sent to be checked, as received.
    pub text: String,
    pub link: Option<String>,
    /// Whether a photo came with it.
    pub photo: bool,
    /// `null` while it waits for staff.
    pub verdict: Option<String>,
    pub explanation: Option<String>,
    pub created_at: i64,
}

impl Section for Requests {
    fn is_empty(&self) -> bool {
        self.fact_checks.is_empty()
    }

    fn fields(&self) -> Vec<(&'static str, serde_json::Value)> {
        vec![("fact_checks", json(&self.fact_checks))]
    }

    fn pieces(&self, lang: Lang, tz: Tz) -> Vec<String> {
        section(lang, "privacy-data-factchecks-header", self.fact_checks.iter().map(|r| request(lang, r, tz))).into_iter().collect()
    }
}

fn request(lang: Lang, r: &Request, tz: Tz) -> String {
    let verdict = r.verdict.as_deref().and_then(super::model::Verdict::parse);
    let result = verdict.map_or_else(|| t(lang, "privacy-data-factcheck-open"), |v| t(lang, v.key()));
    let args = [
        ("number", Arg::from(r.number.clone())),
        ("at", Arg::from(when(r.created_at, tz))),
        ("result", Arg::from(result)),
        ("text", Arg::from(clip(&r.text, 200))),
    ];
    ta(lang, "privacy-data-factcheck", &args)
}
