//! The audit log in people's words and the reader's language: "Budi (7002)
//! exported the aspiration report for Kemuning, 120 rows" instead of
//! `report.export kind=aspirations scope=… rows=120`. Each owner of actions declares
//! its sentences ([`Vocabulary`], listed through the features' declarations);
//! this module picks the owner by the action's family, adds who and when, and falls
//! back to one generic sentence that still shows the action and its detail.
//!
//! The CLI (`kimbot audit`) keeps the raw form for the office.

use crate::kernel::members::audit::who;
use crate::platform::audit::Entry;
pub use crate::platform::audit::words::Reader;
use crate::platform::audit::words::{Built, Detail, Sentence, Vocabulary, Words};
use crate::platform::db::DbResult;
use crate::platform::i18n::{Arg, Lang, t, ta};
use crate::platform::text::clip;

/// Generic sentences show at most this much of a detail.
const MAX_DETAIL: usize = 200;

/// Privacy's own action: an erasure, in counts.
pub static WORDS: Vocabulary = Vocabulary { families: &["privacy"], sentence: Sentence::Async(words) };

fn words<'a>(_: &'a Reader<'a>, action: &'a str, d: &'a Detail) -> Words<'a> {
    let built = erasure(action, d);
    Box::pin(async move { Ok(built) })
}

fn erasure(action: &str, d: &Detail) -> Built {
    if action != "privacy.erase" {
        return None;
    }
    Some(("audit-act-privacy-erase", vec![
        ("tickets", Arg::from(d.int("tickets_anonymised")?)),
        ("seats", Arg::from(d.int("seats_freed")?)),
        ("paused", Arg::from(d.int("schedules_paused")?)),
    ]))
}

/// "20-12-2026 10:00 · Budi (7002)\nexported …".
pub async fn line(r: &Reader<'_>, e: &Entry) -> DbResult<String> {
    let args = [("at", Arg::from(crate::platform::audit::words::time(e.at, r.tz))), ("who", Arg::from(who(r, e.actor).await?)), ("what", Arg::from(sentence(r, e).await?))];
    Ok(ta(r.lang, "audit-entry", &args))
}

/// What was done, as a sentence: the owner's, or the generic one.
pub async fn sentence(r: &Reader<'_>, e: &Entry) -> DbResult<String> {
    let d = Detail::parse(&e.detail);
    let built = match r.vocabulary(&e.action) {
        Some(vocabulary) => vocabulary.sentence.build(r, &e.action, &d).await?,
        None => None,
    };
    let Some((key, args)) = built else { return Ok(generic(r.lang, e)) };
    let via = match d.get("via") {
        Some("cli") => t(r.lang, "audit-via-cli"),
        Some("console") => t(r.lang, "audit-via-console"),
        _ => String::new(),
    };
    Ok(format!("{}{via}", ta(r.lang, key, &args)))
}

fn generic(lang: Lang, e: &Entry) -> String {
    let detail = clip(&e.detail, MAX_DETAIL);
    let detail = if detail.is_empty() { detail } else { format!(": {detail}") };
    ta(lang, "audit-act-other", &[("action", Arg::from(&e.action)), ("detail", Arg::from(detail))])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every audit sentence renders in both languages with the parameters the
    /// builders pass: no key shown instead of text, no placeable left unfilled.
    #[test]
    fn every_audit_sentence_renders_in_both_languages() {
        let numbers = ["id", "rows", "quota", "groups", "count", "told", "grants", "paused", "tickets", "seats", "feed", "page", "n", "people", "chats", "questions", "dropped"];
        let words = [
            "at", "who", "what", "name", "action", "detail", "scope", "period", "training", "kim", "start", "ticket", "from", "to",
            "first", "number", "verdict", "group", "status", "role", "user", "url", "area", "business",
        ];
        let args: Vec<(&'static str, Arg)> =
            numbers.into_iter().map(|k| (k, Arg::from(2))).chain(words.into_iter().map(|k| (k, Arg::from("X")))).collect();
        let checked = crate::platform::i18n::assert_file_renders("audit.ftl", "audit-", &args);
        assert!(checked > 50, "{checked} keys");
    }

    #[test]
    fn a_generic_sentence_keeps_the_action_and_a_clipped_detail() {
        let e = Entry { actor: None, action: "mystery.thing".into(), detail: "x".repeat(300), at: 0 };
        let text = generic(Lang::En, &e);
        assert!(text.starts_with("did mystery.thing: xxx") && text.ends_with('…'), "{text}");
        let bare = Entry { detail: String::new(), ..e };
        assert_eq!(generic(Lang::Id, &bare), "melakukan tindakan mystery.thing");
    }
}
