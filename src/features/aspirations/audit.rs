//! Aspirations in the audit log's words: status changes, reopenings, undos, replies,
//! and the resident's verdicts ([`super::verdict::audit_sentence`]).

use crate::platform::audit::words::{Built, Detail, Reader, Vocabulary, Words};
use crate::platform::i18n::{Arg, Lang, t};

pub static WORDS: Vocabulary = Vocabulary { families: &["aspiration"], sentence: words };

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
        "aspiration.reply" => {
            let ticket = d.head.split_whitespace().next().filter(|t| !t.is_empty())?;
            Some(("audit-act-aspiration-reply", vec![("ticket", Arg::from(ticket))]))
        }
        _ => super::verdict::audit_sentence(action, d),
    }
}
