//! Webhook endpoints in the audit log's words: added, removed, a delivery retried.

use crate::platform::audit::words::{Built, Detail, Reader, Sentence, Vocabulary, Words};
use crate::platform::i18n::Arg;
use crate::platform::text::clip;

pub static WORDS: Vocabulary = Vocabulary { families: &["webhook"], sentence: Sentence::Async(words) };

/// Addresses are cut to this many characters, so ten entries fit one message.
const MAX_URL: usize = 100;

fn words<'a>(_: &'a Reader<'a>, action: &'a str, d: &'a Detail) -> Words<'a> {
    let built = sentence(action, d);
    Box::pin(async move { Ok(built) })
}

fn sentence(action: &str, d: &Detail) -> Built {
    Some(match action {
        "webhook.add" => ("audit-act-webhook-add", vec![("id", Arg::from(d.int("id")?)), ("url", Arg::from(clip(d.get("url")?, MAX_URL)))]),
        "webhook.remove" => ("audit-act-webhook-remove", vec![("id", Arg::from(d.int("id")?))]),
        "webhook.retry" => ("audit-act-webhook-retry", vec![("id", Arg::from(d.int("delivery")?))]),
        _ => return None,
    })
}
