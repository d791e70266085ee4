//! Polls in the audit log's words: what was asked of whom, in counts; never who answered.

use crate::platform::audit::words::{Built, Detail, Reader, Sentence, Vocabulary, area_name};
use crate::platform::i18n::Arg;

pub static WORDS: Vocabulary = Vocabulary { families: &["poll"], sentence: Sentence::Sync(sentence) };

fn sentence(r: &Reader<'_>, action: &str, d: &Detail) -> Built {
    let int = |key: &str| d.int(key).map(Arg::from);
    Some(match action {
        "poll.create" => {
            let scope = Arg::from(area_name(r.lang, d.get("scope")?));
            ("audit-act-poll-create", vec![("id", int("id")?), ("groups", int("groups")?), ("people", int("people")?), ("scope", scope)])
        }
        "poll.close" => {
            let key = if d.get("how") == Some("early") { "audit-act-poll-close-early" } else { "audit-act-poll-close" };
            (key, vec![("id", int("id")?), ("chats", int("chats")?)])
        }
        "poll.recall" => ("audit-act-poll-recall", vec![("id", int("id")?), ("chats", int("chats")?)]),
        _ => return None,
    })
}
