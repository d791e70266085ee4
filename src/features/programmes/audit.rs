//! Programmes in the audit log's words: created, published, every decision, a
//! withdrawal and a move up from the waitlist, notes, exports. Application numbers
//! name the applications; people are never named here.

use crate::platform::audit::words::{Built, Detail, Reader, Sentence, Vocabulary};
use crate::platform::i18n::Arg;

pub static WORDS: Vocabulary = Vocabulary { families: &["programme"], sentence: Sentence::Sync(sentence) };

fn sentence(_: &Reader<'_>, action: &str, d: &Detail) -> Built {
    let int = |key: &str| d.int(key).map(Arg::from);
    let text = |key: &str| d.get(key).map(Arg::from);
    Some(match action {
        "programme.create" => ("audit-act-programme-create", vec![("id", int("programme")?), ("quota", int("quota")?)]),
        "programme.publish" => ("audit-act-programme-publish", vec![("id", int("programme")?), ("people", int("told")?)]),
        "programme.decide" => {
            ("audit-act-programme-decide", vec![("id", int("programme")?), ("number", text("number")?), ("decision", text("decision")?)])
        }
        "programme.withdraw" => ("audit-act-programme-withdraw", vec![("id", int("programme")?), ("number", text("number")?)]),
        "programme.promote" => ("audit-act-programme-promote", vec![("id", int("programme")?), ("number", text("number")?)]),
        "programme.note" => ("audit-act-programme-note", vec![("id", int("programme")?), ("number", text("number")?)]),
        "programme.follow_up" => ("audit-act-programme-follow-up", vec![("id", int("programme")?), ("people", int("sent")?)]),
        _ => return None,
    })
}
