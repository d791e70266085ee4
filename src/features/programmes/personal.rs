//! Programmes' part of a person's data: their applications (with answers) and the
//! groups they joined. Erasure unlinks the person and keeps the counts: an
//! application stays with its status, sector, scale and place (for the programme's
//! report) but loses its names and answers; a group keeps its member count.

use chrono_tz::Tz;
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;
use crate::kernel::members::UserId;

use crate::platform::db::{Db, DbResult};
use crate::platform::i18n::{Arg, Lang, t, ta};
use crate::platform::personal::{ERASED_USER, Erasure, Hook, PersonalData, Section, Tx, json, rows, section, when};

pub const DATA: PersonalData = PersonalData {
    owner: "programmes",
    erases: &[
        ("programme_applications", "user_id"),
        ("programme_applications", "decided_by"),
        ("programme_members", "user_id"),
        ("programme_invitations", "user_id"),
        ("programmes", "created_by"),
    ],
    keeps: &[
        ("programmes", "agency_id", "the organising agency (OPD), not a person"),
        ("programme_applications", "programme_id", "the programme applied to, not a person"),
        ("programme_members", "application_id", "the group application, not a person"),
        ("programme_invitations", "programme_id", "the programme told about, not a person"),
    ],
    erase,
    export,
};

/// Statements run with `$1` = the person: unlink, keep the row and its counts.
const UNLINK: &[&str] = &[
    "UPDATE programme_applications SET user_id = NULL, business_name = NULL, owner_name = NULL, answers = '[]', \
     note = NULL WHERE user_id = $1",
    "UPDATE programme_members SET user_id = NULL WHERE user_id = $1",
    "DELETE FROM programme_invitations WHERE user_id = $1",
];

/// Statements run with `$1` = the person, `$2` = [`ERASED_USER`] (staff's traces).
const ANONYMISE: &[&str] = &[
    "UPDATE programme_applications SET decided_by = $2 WHERE decided_by = $1",
    "UPDATE programmes SET created_by = $2 WHERE created_by = $1",
];

fn erase<'a, 'c>(tx: &'a mut Tx, e: &'a mut Erasure<'c>) -> Hook<'a, ()> {
    Box::pin(async move {
        for &sql in UNLINK {
            sqlx::query(sql).bind(e.user_id).execute(&mut **tx).await?;
        }
        for &sql in ANONYMISE {
            sqlx::query(sql).bind(e.user_id).bind(ERASED_USER).execute(&mut **tx).await?;
        }
        Ok(())
    })
}

fn export(db: &Db, user_id: UserId) -> Hook<'_, Box<dyn Section>> {
    Box::pin(async move {
        let applications = rows(db, MINE, user_id, decode).await?;
        Ok(Box::new(Programmes { applications }) as Box<dyn Section>)
    })
}

// A member sees the group's number and state, not the lead's business or answers.
const MINE: &str = "SELECT a.number, p.name AS programme, a.status, \
     CASE WHEN a.user_id = $1 THEN a.business_name END AS business_name, \
     CASE WHEN a.user_id = $1 THEN a.answers ELSE '[]' END AS answers, a.members, \
     a.reason, a.created_at, p.questions FROM programme_applications a JOIN programmes p ON p.id = a.programme_id \
     WHERE a.user_id = $1 OR a.id IN (SELECT application_id FROM programme_members WHERE user_id = $1) ORDER BY a.id";

fn decode(r: &AnyRow) -> DbResult<Application> {
    let answers: Vec<String> = serde_json::from_str(&r.try_get::<String, _>("answers")?).unwrap_or_default();
    let questions: Vec<crate::features::surveys::model::Question> = serde_json::from_str(&r.try_get::<String, _>("questions")?).unwrap_or_default();
    Ok(Application {
        number: r.try_get("number")?,
        programme: r.try_get("programme")?,
        status: r.try_get("status")?,
        business_name: r.try_get("business_name")?,
        answers: super::render::answered(&questions, &answers),
        members: r.try_get("members")?,
        reason: r.try_get("reason")?,
        created_at: r.try_get("created_at")?,
    })
}

/// The person's applications and groups.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Programmes {
    pub applications: Vec<Application>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Application {
    pub number: String,
    pub programme: String,
    pub status: String,
    pub business_name: Option<String>,
    /// Each answer after its question ("question: answer").
    pub answers: Vec<String>,
    pub members: i64,
    pub reason: Option<String>,
    pub created_at: i64,
}

impl Section for Programmes {
    fn is_empty(&self) -> bool {
        self.applications.is_empty()
    }

    fn fields(&self) -> Vec<(&'static str, serde_json::Value)> {
        vec![("programme_applications", json(&self.applications))]
    }

    fn pieces(&self, lang: Lang, tz: Tz) -> Vec<String> {
        let lines = self.applications.iter().map(|a| {
            let status = super::model::AppStatus::from_code(&a.status).map_or_else(|| a.status.clone(), |s| t(lang, s.key()));
            ta(
                lang,
                "privacy-data-programme",
                &[
                    ("number", Arg::from(&a.number)),
                    ("programme", Arg::from(&a.programme)),
                    ("status", Arg::from(status)),
                    ("answers", Arg::from(a.answers.join("; "))),
                    ("at", Arg::from(when(a.created_at, tz))),
                ],
            )
        });
        section(lang, "privacy-data-programmes", lines).into_iter().collect()
    }

    fn kept_on_erasure(&self) -> u64 {
        self.applications.len() as u64
    }
}
