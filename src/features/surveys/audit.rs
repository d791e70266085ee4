//! Surveys in the audit log's words: sent, closed, recalled, in counts; never who answered.

use crate::platform::audit::words::{Built, Detail, Reader, Sentence, Vocabulary, area_name};
use crate::platform::i18n::Arg;

pub static WORDS: Vocabulary = Vocabulary { families: &["survey"], sentence: Sentence::Sync(sentence) };

fn sentence(r: &Reader<'_>, action: &str, d: &Detail) -> Built {
    let int = |key: &str| d.int(key).map(Arg::from);
    Some(match action {
        "survey.send" => {
            let scope = Arg::from(area_name(r.lang, d.get("reach")?));
            ("audit-act-survey-send", vec![("id", int("survey")?), ("questions", int("questions")?), ("people", int("sent")?), ("scope", scope)])
        }
        "survey.close" => ("audit-act-survey-close", vec![("id", int("survey")?)]),
        "survey.closed_on_time" => ("audit-act-survey-closed-on-time", vec![("id", int("survey")?)]),
        "survey.recall" => ("audit-act-survey-recall", vec![("id", int("survey")?), ("dropped", int("unsent_dropped")?)]),
        _ => return None,
    })
}
