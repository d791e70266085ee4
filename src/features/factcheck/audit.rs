//! Cek fakta in the audit log's words: a request filed, a verdict given.

use crate::platform::audit::words::{Built, Detail, Reader, Sentence, Vocabulary, Words};
use crate::platform::i18n::{Arg, Lang, t};

pub static WORDS: Vocabulary = Vocabulary { families: &["factcheck"], sentence: Sentence::Async(words) };

fn words<'a>(r: &'a Reader<'a>, action: &'a str, d: &'a Detail) -> Words<'a> {
    let built = sentence(r.lang, action, d);
    Box::pin(async move { Ok(built) })
}

fn sentence(lang: Lang, action: &str, d: &Detail) -> Built {
    match action {
        "factcheck.request" => {
            let number = d.head.split_whitespace().next().filter(|n| !n.is_empty())?;
            Some(("audit-act-factcheck-request", vec![("number", Arg::from(number))]))
        }
        "factcheck.verdict" => {
            let (number, code) = d.head.split_once(' ')?;
            let known = ["hoaks", "disinformasi", "misinformasi", "fakta", "belum"].contains(&code);
            let verdict = if known { t(lang, &format!("fc-verdict-{code}")) } else { code.to_string() };
            Some(("audit-act-factcheck-verdict", vec![("number", Arg::from(number)), ("verdict", Arg::from(verdict))]))
        }
        _ => None,
    }
}
