//! Programme feeds in the audit log's words: added, removed.

use crate::platform::audit::words::{Built, Detail, Reader, Sentence, Vocabulary, area_name};
use crate::platform::i18n::Arg;
use crate::platform::text::clip;

pub static WORDS: Vocabulary = Vocabulary { families: &["feed"], sentence: Sentence::Sync(sentence) };

/// Addresses are cut to this many characters, so ten entries fit one message.
pub const MAX_URL: usize = 100;

fn sentence(r: &Reader<'_>, action: &str, d: &Detail) -> Built {
    let feed = Arg::from(d.int("feed")?);
    Some(match action {
        "feed.add" => {
            let (url, area) = (clip(d.get("url")?, MAX_URL), area_name(r.lang, d.get("area")?));
            ("audit-act-feed-add", vec![("feed", feed), ("url", Arg::from(url)), ("area", Arg::from(area))])
        }
        "feed.remove" => {
            let url = d.get("url").map(|u| format!(" ({})", clip(u, MAX_URL))).unwrap_or_default();
            ("audit-act-feed-remove", vec![("feed", feed), ("url", Arg::from(url))])
        }
        _ => return None,
    })
}
