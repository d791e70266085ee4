//! Announcements in the audit log's words: sent, scheduled, fired, recalled,
//! cancelled, paused, resumed.

use crate::platform::audit::words::{Built, Detail, Reader, Sentence, Vocabulary, time};
use crate::platform::i18n::Arg;

pub static WORDS: Vocabulary = Vocabulary { families: &["announcement"], sentence: Sentence::Sync(sentence) };

fn sentence(r: &Reader<'_>, action: &str, d: &Detail) -> Built {
    let id = || d.int("id").map(Arg::from);
    Some(match action {
        "announcement.send" => ("audit-act-announcement-send", vec![("id", id()?), ("groups", Arg::from(d.int("groups")?))]),
        "announcement.schedule" => ("audit-act-announcement-schedule", vec![("id", id()?), ("first", Arg::from(time(d.int("first")?, r.tz)))]),
        "announcement.fire" => ("audit-act-announcement-fire", vec![("id", id()?), ("groups", Arg::from(d.int("groups")?))]),
        "announcement.recall" => ("audit-act-announcement-recall", vec![("id", id()?), ("groups", Arg::from(d.int("deleted")?))]),
        "announcement.cancel" => ("audit-act-announcement-cancel", vec![("id", id()?)]),
        "announcement.pause" => ("audit-act-announcement-pause", vec![("id", id()?)]),
        "announcement.resume" => ("audit-act-announcement-resume", vec![("id", id()?)]),
        _ => return None,
    })
}
