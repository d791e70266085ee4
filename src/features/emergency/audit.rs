//! Emergency warnings in the audit log's words: sent (to how many, paid or not) and recalled.

use crate::platform::audit::words::{Built, Detail, Reader, Sentence, Vocabulary, area_name};
use crate::platform::i18n::Arg;

pub static WORDS: Vocabulary = Vocabulary { families: &["emergency"], sentence: Sentence::Sync(sentence) };

fn sentence(r: &Reader<'_>, action: &str, d: &Detail) -> Built {
    let int = |key: &str| d.int(key).map(Arg::from);
    Some(match action {
        "emergency.send" => {
            let scope = Arg::from(area_name(r.lang, d.get("scope")?));
            let mut args = vec![("id", int("id")?), ("groups", int("groups")?), ("people", int("people")?), ("scope", scope)];
            match d.int("stars") {
                Some(stars) => {
                    args.push(("stars", Arg::from(stars)));
                    ("audit-act-emergency-send-paid", args)
                }
                None => ("audit-act-emergency-send", args),
            }
        }
        "emergency.recall" => ("audit-act-emergency-recall", vec![("id", int("id")?), ("deleted", int("deleted")?), ("cancelled", int("cancelled")?)]),
        _ => return None,
    })
}
