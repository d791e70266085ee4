//! Aspirations' part of a person's data: their tickets with threads, and as staff
//! their replies, status changes and pending "new aspirations" notices.
//!
//! Erasure keeps the tickets (category, text, status, thread) so reports still count
//! them, without the person: the reporter, authors and actors become
//! [`ERASED_USER`], location and photos go, the ticket is marked anonymous.
//! `updated_at` is left alone: stamping it with the erasure time would tie each
//! ticket to the time of the erasure (and show it in webhook payloads).

use chrono_tz::Tz;
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;
use crate::kernel::members::UserId;

use crate::platform::db::{Db, DbResult};
use super::model::{Category, Status};
use crate::platform::i18n::{Arg, Lang, t, ta};
use crate::platform::personal::{ERASED_USER, Erasure, Hook, PersonalData, Section, Tx, json, rows, section, when};

pub const DATA: PersonalData = PersonalData {
    owner: "aspirations",
    erases: &[
        ("aspirations", "user_id"),
        ("aspiration_messages", "author"),
        ("aspiration_status_log", "actor"),
        ("staff_notices", "staff_id"),
        ("aspiration_dispositions", "disposed_by"),
        ("aspiration_disposition_events", "actor"),
        ("aspirations", "assignee_id"),
        ("aspiration_saved_views", "user_id"),
        ("aspiration_notes", "author"),
        ("aspiration_canned_replies", "updated_by"),
    ],
    keeps: &[
        ("aspiration_dispositions", "agency_id", "the agency (OPD) a ticket was sent to, not a person"),
        ("aspiration_disposition_events", "disposition_id", "the sending an agency's step belongs to, not a person"),
        ("aspiration_sla_alerts", "disposition_id", "the sending a service-level reminder was claimed for (0: the office stage), not a person"),
    ],
    erase,
    export,
};

/// Statements run with `$1` = the person, `$2` = [`ERASED_USER`], children first.
const ANONYMISE: &[&str] = &[
    "UPDATE aspiration_messages SET author = $2 WHERE author = $1",
    "UPDATE aspiration_status_log SET actor = $2 WHERE actor = $1",
    "UPDATE aspiration_dispositions SET disposed_by = $2 WHERE disposed_by = $1",
    "UPDATE aspiration_disposition_events SET actor = $2 WHERE actor = $1",
    "UPDATE aspiration_notes SET author = $2 WHERE author = $1",
    "UPDATE aspiration_canned_replies SET updated_by = $2 WHERE updated_by = $1",
];

/// What replaces the erased resident's name in staff notes and replies.
const NAME_GONE: &str = "[…]";

/// `text` without `names` (any case), if it held one.
fn scrub(text: &str, names: &[String]) -> Option<String> {
    let mut out = text.to_string();
    for name in names.iter().filter(|n| n.chars().count() >= 2) {
        let lower = out.to_lowercase();
        let needle = name.to_lowercase();
        // Lower-casing can change byte lengths (rare scripts): then leave the text.
        if lower.len() != out.len() || needle.len() != name.len() {
            continue;
        }
        let mut rebuilt = String::with_capacity(out.len());
        let mut at = 0;
        while let Some(found) = lower[at..].find(&needle) {
            rebuilt.push_str(&out[at..at + found]);
            rebuilt.push_str(NAME_GONE);
            at += found + needle.len();
        }
        rebuilt.push_str(&out[at..]);
        out = rebuilt;
    }
    (out != text).then_some(out)
}

/// Takes the resident's name (and @username) out of what staff wrote about their
/// tickets: internal notes and replies (a canned reply filled `{nama}`). The texts
/// stay, as the thread does.
async fn scrub_names(tx: &mut Tx, user_id: UserId) -> DbResult<()> {
    let who = sqlx::query("SELECT first_name, username FROM users WHERE id = $1").bind(user_id).fetch_optional(&mut **tx).await?;
    let Some(who) = who else { return Ok(()) };
    let mut names: Vec<String> = Vec::new();
    if let Some(u) = who.try_get::<Option<String>, _>("username")? {
        names.push(format!("@{u}"));
        names.push(u);
    }
    names.extend(who.try_get::<Option<String>, _>("first_name")?);
    if names.is_empty() {
        return Ok(());
    }
    for (select, update) in [
        (
            "SELECT n.id, n.body FROM aspiration_notes n JOIN aspirations a ON a.id = n.aspiration_id WHERE a.user_id = $1",
            "UPDATE aspiration_notes SET body = $1 WHERE id = $2",
        ),
        (
            "SELECT m.id, m.body FROM aspiration_messages m JOIN aspirations a ON a.id = m.aspiration_id \
             WHERE a.user_id = $1 AND m.kind = 'reply'",
            "UPDATE aspiration_messages SET body = $1 WHERE id = $2",
        ),
    ] {
        let rows = sqlx::query(select).bind(user_id).fetch_all(&mut **tx).await?;
        for r in rows {
            let (id, body): (i64, String) = (r.try_get("id")?, r.try_get("body")?);
            if let Some(clean) = scrub(&body, &names) {
                sqlx::query(update).bind(clean).bind(id).execute(&mut **tx).await?;
            }
        }
    }
    Ok(())
}

fn erase<'a, 'c>(tx: &'a mut Tx, e: &'a mut Erasure<'c>) -> Hook<'a, ()> {
    Box::pin(async move {
        for sql in [
            "DELETE FROM aspiration_photos WHERE aspiration_id IN (SELECT id FROM aspirations WHERE user_id = $1)",
            "DELETE FROM staff_notices WHERE staff_id = $1",
            // The desk: tickets assigned to the person go back to nobody; their own
            // saved queue filters go.
            "UPDATE aspirations SET assignee_id = NULL, assigned_at = NULL WHERE assignee_id = $1",
            "DELETE FROM aspiration_saved_views WHERE user_id = $1",
        ] {
            sqlx::query(sql).bind(e.user_id).execute(&mut **tx).await?;
        }
        scrub_names(tx, e.user_id).await?;
        // Verdict comments are the resident's own words: they go, the scores stay.
        super::verdict::store::erase_comments(tx, e.user_id).await?;
        for &sql in ANONYMISE {
            sqlx::query(sql).bind(e.user_id).bind(ERASED_USER).execute(&mut **tx).await?;
        }
        e.tickets_kept += sqlx::query(
            "UPDATE aspirations SET user_id = $1, lat_e6 = NULL, lon_e6 = NULL, anonymous = 1 WHERE user_id = $2",
        )
        .bind(ERASED_USER)
        .bind(e.user_id)
        .execute(&mut **tx)
        .await?
        .rows_affected();
        Ok(())
    })
}

fn export(db: &Db, user_id: UserId) -> Hook<'_, Box<dyn Section>> {
    Box::pin(async move {
        let saved_views = super::saved::list(db, user_id).await?;
        Ok(Box::new(Tickets { aspirations: aspirations(db, user_id).await?, saved_views, notes: notes(db, user_id).await? }) as Box<dyn Section>)
    })
}

/// The person's tickets.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Tickets {
    pub aspirations: Vec<Aspiration>,
    /// As staff: their own saved queue filters (the console's desk).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub saved_views: Vec<super::saved::SavedView>,
    /// As staff: the internal notes they wrote on tickets.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<NoteEntry>,
}

/// An internal note the person wrote as staff.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NoteEntry {
    pub ticket: String,
    pub body: String,
    pub at: i64,
}

async fn notes(db: &Db, user_id: UserId) -> DbResult<Vec<NoteEntry>> {
    let found = super::desk_store::notes_by(db, user_id).await?;
    Ok(found.into_iter().map(|(ticket, body, at)| NoteEntry { ticket, body, at }).collect())
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Aspiration {
    pub ticket: String,
    pub category: String,
    pub body: String,
    pub status: String,
    pub anonymous: bool,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub photos: i64,
    pub created_at: i64,
    pub thread: Vec<ThreadEntry>,
    /// The person's verdicts on the ticket when it was done (score or "not solved",
    /// and their comment).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub verdicts: Vec<VerdictEntry>,
}

/// One verdict: `outcome` is `rated` (with `score`), `not_solved` or `unrated`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VerdictEntry {
    pub outcome: String,
    pub score: Option<i64>,
    pub comment: Option<String>,
    pub at: Option<i64>,
}

/// A staff reply (`reply`) or the person's answer (`answer`) on their ticket.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ThreadEntry {
    pub kind: String,
    pub body: String,
    pub at: i64,
}

impl Section for Tickets {
    fn is_empty(&self) -> bool {
        self.aspirations.is_empty() && self.saved_views.is_empty() && self.notes.is_empty()
    }

    fn fields(&self) -> Vec<(&'static str, serde_json::Value)> {
        let mut fields = vec![("aspirations", json(&self.aspirations))];
        if !self.saved_views.is_empty() {
            fields.push(("aspiration_saved_views", json(&self.saved_views)));
        }
        if !self.notes.is_empty() {
            fields.push(("internal_notes", json(&self.notes)));
        }
        fields
    }

    fn pieces(&self, lang: Lang, tz: Tz) -> Vec<String> {
        let views = self.saved_views.iter().map(|v| ta(lang, "desk-data-saved-view", &[("name", Arg::from(&v.name)), ("at", Arg::from(when(v.created_at, tz)))]));
        let notes = self.notes.iter().map(|n| {
            ta(lang, "privacy-data-note", &[("ticket", Arg::from(&n.ticket)), ("body", Arg::from(&n.body)), ("at", Arg::from(when(n.at, tz)))])
        });
        section(lang, "privacy-data-aspirations-header", self.aspirations.iter().map(|a| aspiration(lang, a, tz)))
            .into_iter()
            .chain(section(lang, "desk-data-saved-views-header", views))
            .chain(section(lang, "privacy-data-notes-header", notes))
            .collect()
    }

    /// Tickets stay, anonymised.
    fn kept_on_erasure(&self) -> u64 {
        self.aspirations.len() as u64
    }
}

fn aspiration(lang: Lang, a: &Aspiration, tz: Tz) -> String {
    let args = [
        ("ticket", Arg::from(&a.ticket)),
        ("category", Arg::from(Category::parse(&a.category).map_or_else(|| a.category.clone(), |c| t(lang, &c.message_key())))),
        ("status", Arg::from(Status::parse(&a.status).map_or_else(|| a.status.clone(), |s| t(lang, &s.message_key())))),
        ("at", Arg::from(when(a.created_at, tz))),
        ("body", Arg::from(&a.body)),
        ("photos", Arg::from(a.photos)),
        ("location", Arg::from(if a.latitude.is_some() { "yes" } else { "no" })),
        ("anonymous", Arg::from(if a.anonymous { "yes" } else { "no" })),
    ];
    let mut out = ta(lang, "privacy-data-aspiration", &args);
    for m in &a.thread {
        let key = if m.kind == "reply" { "privacy-data-thread-reply" } else { "privacy-data-thread-answer" };
        out.push('\n');
        out.push_str(&ta(lang, key, &[("body", Arg::from(&m.body)), ("at", Arg::from(when(m.at, tz)))]));
    }
    for v in &a.verdicts {
        out.push('\n');
        out.push_str(&super::verdict::personal_line(lang, v, tz));
    }
    out
}

const ASPIRATIONS: &str = "SELECT a.id, a.ticket, a.category, a.body, a.status, a.anonymous, a.lat_e6, a.lon_e6, \
     a.created_at, (SELECT COUNT(*) FROM aspiration_photos p WHERE p.aspiration_id = a.id) AS photos \
     FROM aspirations a WHERE a.user_id = $1 ORDER BY a.id";

async fn aspirations(db: &Db, user_id: UserId) -> DbResult<Vec<Aspiration>> {
    let found = sqlx::query(ASPIRATIONS).bind(user_id).fetch_all(&db.pool).await?;
    let mut out = Vec::with_capacity(found.len());
    for r in &found {
        let id: i64 = r.try_get("id")?;
        let degrees = |e6: Option<i64>| e6.map(|v| v as f64 / 1e6);
        out.push(Aspiration {
            ticket: r.try_get("ticket")?,
            category: r.try_get("category")?,
            body: r.try_get("body")?,
            status: r.try_get("status")?,
            anonymous: r.try_get::<i64, _>("anonymous")? != 0,
            latitude: degrees(r.try_get("lat_e6")?),
            longitude: degrees(r.try_get("lon_e6")?),
            photos: r.try_get("photos")?,
            created_at: r.try_get("created_at")?,
            thread: rows(db, THREAD, id, thread_entry).await?,
            verdicts: super::verdict::personal_entries(db, super::model::AspirationId(id)).await?,
        });
    }
    Ok(out)
}

const THREAD: &str = "SELECT kind, body, created_at FROM aspiration_messages WHERE aspiration_id = $1 ORDER BY id";

fn thread_entry(r: &AnyRow) -> DbResult<ThreadEntry> {
    Ok(ThreadEntry { kind: r.try_get("kind")?, body: r.try_get("body")?, at: r.try_get("created_at")? })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_erased_residents_name_leaves_staff_texts_in_any_case() {
        let names = vec!["@sari_w".to_string(), "sari_w".to_string(), "Sari".to_string()];
        assert_eq!(scrub("Bu SARI (@sari_w) ditelepon", &names).as_deref(), Some("Bu […] ([…]) ditelepon"));
        assert_eq!(scrub("Jalan berlubang", &names), None);
    }
}
