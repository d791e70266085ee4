//! Announcements in the audit log's words: sent, scheduled, fired, recalled,
//! cancelled, paused, resumed.

use crate::platform::audit::words::{Built, Detail, Reader, Vocabulary, Words, time};
use crate::platform::i18n::Arg;

pub static WORDS: Vocabulary = Vocabulary { families: &["announcement"], sentence: words };

fn words<'a>(r: &'a Reader<'a>, action: &'a str, d: &'a Detail) -> Words<'a> {
    let built = sentence(r, action, d);
    Box::pin(async move { Ok(built) })
}

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
