//! Aspirations in the audit log's words: status changes, reopenings, undos, replies,
//! and the resident's verdicts ([`super::verdict::audit_sentence`]),
//! and the steps of a disposition to an agency (OPD).

use crate::platform::audit::words::{Built, Detail, Reader, Sentence, Vocabulary, Words};
use crate::platform::i18n::{Arg, Lang, t};

pub static WORDS: Vocabulary = Vocabulary { families: &["aspiration"], sentence: Sentence::Async(words) };

fn words<'a>(r: &'a Reader<'a>, action: &'a str, d: &'a Detail) -> Words<'a> {
    let built = sentence(r.lang, action, d);
    Box::pin(async move { Ok(built) })
}

/// A status code in the reader's language.
fn status(lang: Lang, code: &str) -> String {
    match code {
        "diterima" | "diteruskan" | "ditindaklanjuti" | "selesai" | "ditolak" => t(lang, &format!("asp-status-{code}")),
        other => other.to_string(),
    }
}

fn sentence(lang: Lang, action: &str, d: &Detail) -> Built {
    let change = |key: &'static str| {
        let (ticket, from, to) = d.status_change()?;
        Some((key, vec![("ticket", Arg::from(ticket)), ("from", Arg::from(status(lang, from))), ("to", Arg::from(status(lang, to)))]))
    };
    match action {
        "aspiration.status" => change("audit-act-aspiration-status"),
        "aspiration.reopen" => change("audit-act-aspiration-reopen"),
        "aspiration.undo" => change("audit-act-aspiration-undo"),
        "aspiration.dispose" | "aspiration.recall" | "aspiration.accept" | "aspiration.progress" | "aspiration.done"
        | "aspiration.return" => agency_step(action, d),
        "aspiration.sla_reminder" | "aspiration.sla_escalation" => service_level(lang, action, d),
        "aspiration.assign" => {
            let ticket = d.head.split_whitespace().next().filter(|t| !t.is_empty())?;
            match d.get("to")? {
                "none" => Some(("audit-act-aspiration-unassign", vec![("ticket", Arg::from(ticket))])),
                user => Some(("audit-act-aspiration-assign", vec![("ticket", Arg::from(ticket)), ("user", Arg::from(user))])),
            }
        }
        "aspiration.bulk" => Some((
            "audit-act-aspiration-bulk",
            vec![("action", Arg::from(d.get("action")?)), ("n", Arg::from(d.int("done")?)), ("count", Arg::from(d.int("asked")?))],
        )),
        "aspiration.export" => Some(("audit-act-aspiration-export", vec![("rows", Arg::from(d.int("rows")?))])),
        "aspiration.note" => {
            let ticket = d.head.split_whitespace().next().filter(|t| !t.is_empty())?;
            Some(("audit-act-aspiration-note", vec![("ticket", Arg::from(ticket))]))
        }
        "aspiration.canned_add" | "aspiration.canned_edit" | "aspiration.canned_delete" => {
            let key = match action {
                "aspiration.canned_add" => "audit-act-aspiration-canned-add",
                "aspiration.canned_edit" => "audit-act-aspiration-canned-edit",
                _ => "audit-act-aspiration-canned-delete",
            };
            Some((key, vec![("kota", Arg::from(d.get("kota")?))]))
        }
        "aspiration.reply" => {
            let ticket = d.head.split_whitespace().next().filter(|t| !t.is_empty())?;
            Some(("audit-act-aspiration-reply", vec![("ticket", Arg::from(ticket))]))
        }
        _ => super::verdict::audit_sentence(action, d),
    }
}

/// A disposition step (`ASP-2026-000001 opd=PUPR`): the ticket and the agency's code.
fn agency_step(action: &str, d: &Detail) -> Built {
    let ticket = d.head.split_whitespace().next().filter(|t| !t.is_empty())?;
    let key = match action {
        "aspiration.dispose" => "audit-act-aspiration-dispose",
        "aspiration.recall" => "audit-act-aspiration-recall",
        "aspiration.accept" => "audit-act-aspiration-accept",
        "aspiration.progress" => "audit-act-aspiration-progress",
        "aspiration.done" => "audit-act-aspiration-done",
        _ => "audit-act-aspiration-return",
    };
    Some((key, vec![("ticket", Arg::from(ticket)), ("agency", Arg::from(d.get("opd")?))]))
}

/// A service-level reminder or escalation (`ASP-2026-000001 stage=opd_response opd=PUPR`).
fn service_level(lang: Lang, action: &str, d: &Detail) -> Built {
    let ticket = d.head.split_whitespace().next().filter(|t| !t.is_empty())?;
    let stage = super::stages::Stage::parse(d.get("stage")?)?;
    let key = if action == "aspiration.sla_reminder" { "audit-act-aspiration-sla-reminder" } else { "audit-act-aspiration-sla-escalation" };
    Some((key, vec![("ticket", Arg::from(ticket)), ("stage", Arg::from(stage.label(lang)))]))
}
