//! A ticket's activity as one timeline, oldest first: status changes, replies and
//! the resident's answers, internal notes (for those who may read them), the
//! agency's steps and the resident's verdict, each with who and when. Staff and
//! officers are named; the resident is always "Pelapor" (so an anonymous ticket
//! never names them), an erased person is said to be erased.

use std::collections::HashMap;
use crate::kernel::members::UserId;

use chrono_tz::Tz;
use maud::{Markup, html};

use crate::features::aspirations::desk_store::Note;
use crate::features::aspirations::dispose_store::Event as AgencyEvent;
use crate::features::aspirations::flow::Scoped;
use crate::features::aspirations::model::local_time;
use crate::features::aspirations::render;
use crate::features::aspirations::store::{self, StatusChange, ThreadMessage};
use crate::features::aspirations::verdict::{Outcome, Round};
use crate::platform::personal::ERASED_USER;
use crate::platform::db::{Db, DbResult};
use crate::platform::i18n::{Arg, Lang, t, ta};

/// What kind of entry (its CSS class and marker).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Status,
    Reply,
    Resident,
    Note,
    Agency,
    Verdict,
}

impl Kind {
    fn class(self) -> &'static str {
        match self {
            Kind::Status => "ev_status",
            Kind::Reply => "ev_reply",
            Kind::Resident => "ev_resident",
            Kind::Note => "ev_note",
            Kind::Agency => "ev_agency",
            Kind::Verdict => "ev_verdict",
        }
    }
}

/// Who did something.
#[derive(Debug, Clone, PartialEq)]
enum Who {
    Person(i64),
    Agency(String),
    System,
}

struct Entry {
    at: i64,
    kind: Kind,
    who: Who,
    what: String,
    body: Option<String>,
}

/// Everything that happened on the ticket, for the reader of `scoped`.
pub struct Sources<'a> {
    pub history: &'a [StatusChange],
    pub thread: &'a [ThreadMessage],
    pub notes: &'a [Note],
    pub agency: &'a [AgencyEvent],
    pub verdicts: &'a [Round],
}

fn entries(lang: Lang, s: &Sources<'_>, resident: i64) -> Vec<Entry> {
    let mut out = Vec::new();
    for c in s.history {
        let what = match (c.from, c.undo) {
            (None, _) => t(lang, "console-ev-submitted"),
            (Some(_), true) => ta(lang, "console-ev-undo", &[("status", Arg::from(render::status(lang, c.to)))]),
            (Some(_), false) => ta(lang, "console-ev-status", &[("status", Arg::from(render::status(lang, c.to)))]),
        };
        let who = if c.actor <= 0 { Who::System } else { Who::Person(c.actor) };
        out.push(Entry { at: c.at, kind: Kind::Status, who, what, body: c.note.clone() });
    }
    for m in s.thread {
        let (kind, key) = if m.is_reply { (Kind::Reply, "console-ev-reply") } else { (Kind::Resident, "console-ev-answer") };
        out.push(Entry { at: m.at, kind, who: Who::Person(m.author), what: t(lang, key), body: Some(m.body.clone()) });
    }
    for n in s.notes {
        out.push(Entry { at: n.at, kind: Kind::Note, who: Who::Person(n.author), what: t(lang, "console-ev-note"), body: Some(n.body.clone()) });
    }
    for e in s.agency {
        let what = match e.kind.as_str() {
            "accepted" | "progress" | "done" | "returned" | "recalled" => t(lang, &format!("console-opd-event-{}", e.kind)),
            other => other.to_string(),
        };
        out.push(Entry { at: e.at, kind: Kind::Agency, who: Who::Agency(e.agency.clone()), what, body: e.body.clone() });
    }
    for r in s.verdicts {
        out.push(Entry { at: r.asked_at, kind: Kind::Verdict, who: Who::System, what: t(lang, "console-ev-verdict-asked"), body: None });
        if let (Some(outcome), Some(at)) = (r.outcome, r.answered_at) {
            let what = match (outcome, r.score) {
                (Outcome::Rated, Some(score)) => ta(lang, "console-ev-verdict-rated", &[("score", Arg::from(score))]),
                (Outcome::NotSolved, _) => t(lang, "console-ev-verdict-not-solved"),
                _ => continue,
            };
            out.push(Entry { at, kind: Kind::Verdict, who: Who::Person(resident), what, body: r.comment.clone() });
        }
    }
    // A stable sort keeps each source's own order within the same second.
    out.sort_by_key(|e| e.at);
    out
}

/// First names of the people in `entries` (the resident is never looked up).
async fn names(db: &Db, entries: &[Entry], resident: i64) -> DbResult<HashMap<i64, String>> {
    let mut names = HashMap::new();
    for e in entries {
        if let Who::Person(id) = e.who
            && id != resident
            && id != ERASED_USER
            && !names.contains_key(&id)
            && let Some((Some(name), _)) = store::identity(db, UserId(id)).await?
        {
            names.insert(id, name);
        }
    }
    Ok(names)
}

fn who_label(lang: Lang, who: &Who, resident: i64, names: &HashMap<i64, String>) -> String {
    match who {
        Who::Person(id) if *id == resident => t(lang, "console-who-resident"),
        Who::Person(id) if *id == ERASED_USER => t(lang, "console-who-erased"),
        Who::Person(id) => names.get(id).cloned().unwrap_or_else(|| t(lang, "console-thread-staff")),
        Who::Agency(name) => name.clone(),
        Who::System => t(lang, "console-who-system"),
    }
}

/// The timeline card.
pub async fn timeline(db: &Db, lang: Lang, scoped: &Scoped, sources: &Sources<'_>) -> DbResult<Markup> {
    let resident = scoped.ticket.user_id;
    let entries = entries(lang, sources, resident);
    let names = names(db, &entries, resident).await?;
    let tz: Tz = scoped.tz;
    Ok(html! {
        section.card.timeline {
            h2 { (t(lang, "console-history")) }
            ol.timeline {
                @for e in &entries {
                    li class=(e.kind.class()) {
                        @if e.kind == Kind::Note { span.internal { (t(lang, "console-note-marker")) } " " }
                        strong { (who_label(lang, &e.who, resident, &names)) } " · " (e.what) " · "
                        time { (local_time(e.at, tz)) }
                        @if let Some(body) = &e.body { p.body { (body) } }
                    }
                }
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::aspirations::model::{AspirationId, Status};

    #[test]
    fn the_timeline_merges_every_source_by_time_and_names_the_resident_pelapor() {
        let history = [
            StatusChange { from: None, to: Status::Diterima, note: None, actor: 7, at: 100, undo: false },
            StatusChange { from: Some(Status::Diterima), to: Status::Diteruskan, note: Some("ke PU".into()), actor: 9, at: 300, undo: false },
        ];
        let thread = [ThreadMessage { id: 1, aspiration_id: AspirationId(1), author: 9, is_reply: true, body: "Halo".into(), answered: false, at: 200 }];
        let notes = [Note { id: 1, aspiration_id: AspirationId(1), author: 9, author_name: None, body: "Sudah ditelepon".into(), at: 250 }];
        let sources = Sources { history: &history, thread: &thread, notes: &notes, agency: &[], verdicts: &[] };
        let got = entries(Lang::Id, &sources, 7);
        let kinds: Vec<_> = got.iter().map(|e| e.kind).collect();
        assert_eq!(kinds, [Kind::Status, Kind::Reply, Kind::Note, Kind::Status]);
        let names = HashMap::from([(9, "Rina".to_string())]);
        assert_eq!(who_label(Lang::Id, &got[0].who, 7, &names), t(Lang::Id, "console-who-resident"));
        assert_eq!(who_label(Lang::Id, &got[1].who, 7, &names), "Rina");
    }
}
