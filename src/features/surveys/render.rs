//! Texts of surveys: the author's review, a question as a resident sees it, and the
//! results in chat. Every word comes from `messages/`.

use chrono::TimeZone;
use chrono_tz::Tz;

use super::model::{Draft, Kind, Question, SCALE_MAX};
use super::results::Results;
use crate::platform::i18n::{Arg, Lang, t, ta};

/// Telegram's limit is 4096; leave room for the ellipsis.
const TEXT_MAX: usize = 4000;

/// `25/12/2026 08:00 WIB`.
pub fn when(unix: i64, tz: Tz) -> String {
    tz.timestamp_opt(unix, 0).single().map(|l| l.format("%d/%m/%Y %H:%M %Z").to_string()).unwrap_or_default()
}

/// One question as a numbered block: `2. Prompt (Kind)` and its options.
fn question(lang: Lang, n: usize, q: &Question) -> String {
    let mut s = format!("{n}. {} ({})", q.prompt, t(lang, q.kind.key()));
    for o in &q.options {
        s.push_str(&format!("\n   • {o}"));
    }
    s
}

/// The author's review of a draft.
pub fn draft(lang: Lang, d: &Draft) -> String {
    let mut parts = vec![ta(lang, "sv-review", &[("title", Arg::from(d.title.clone())), ("count", Arg::from(d.questions.len() as i64))])];
    parts.extend(d.questions.iter().enumerate().map(|(i, q)| question(lang, i + 1, q)));
    cut(parts.join("\n\n"))
}

/// A question as the resident answers it: its place, its text, and how to answer.
pub fn ask(lang: Lang, title: &str, n: i64, of: usize, q: &Question) -> String {
    let how = match q.kind {
        Kind::Choice => t(lang, "sv-how-choice"),
        Kind::Scale => ta(lang, "sv-how-scale", &[("max", Arg::from(SCALE_MAX))]),
        Kind::Text => ta(lang, "sv-how-text", &[("max", Arg::from(super::model::ANSWER_MAX as i64))]),
    };
    let args = [("title", Arg::from(title)), ("n", Arg::from(n)), ("of", Arg::from(of as i64)), ("prompt", Arg::from(q.prompt.clone()))];
    format!("{}\n\n{how}", ta(lang, "sv-question", &args))
}

/// The results in chat: counts and shares per option, the scale's mean, how many
/// texts; the files (with texts and kecamatan) come from `/laporan`.
pub fn summary(lang: Lang, r: &Results, tz: Tz, now: i64) -> String {
    let s = &r.survey;
    let status = t(lang, &format!("sv-status-{}", s.shown_status(now).code()));
    let head = [
        ("title", Arg::from(s.title.clone())),
        ("respondents", Arg::from(r.respondents)),
        ("sent", Arg::from(s.sent_count)),
        ("status", Arg::from(status)),
        ("closes", Arg::from(when(s.closes_at, tz))),
    ];
    let mut parts = vec![ta(lang, "sv-results", &head)];
    if r.withheld {
        parts.push(withheld(lang));
    }
    for q in &r.questions {
        let mut block = format!("{}. {}", q.question.position, q.question.q.prompt);
        let n = q.answers();
        for (label, count) in q.labels.iter().zip(&q.totals) {
            let pct = (count * 100).checked_div(n).unwrap_or(0);
            block.push_str(&format!("\n   • {label}: {count} ({pct}%)"));
        }
        if let Some(mean) = q.mean() {
            block.push_str(&format!("\n   {}", ta(lang, "sv-results-mean", &[("mean", Arg::from(format!("{mean:.1}").replace('.', ",")))])));
        }
        if q.question.q.kind == Kind::Text {
            block.push_str(&format!("\n   {}", ta(lang, "sv-results-texts", &[("count", Arg::from(n))])));
        }
        parts.push(block);
    }
    parts.push(t(lang, "sv-results-files"));
    cut(parts.join("\n\n"))
}

/// A kecamatan column's heading: its name, or the pool of small ones.
pub fn kecamatan_label(lang: Lang, kecamatan: &str) -> String {
    if kecamatan == super::results::POOLED { t(lang, "sv-kecamatan-pooled") } else { kecamatan.to_string() }
}

/// Why a survey's results show no breakdown yet (fewer than the minimum answered).
pub fn withheld(lang: Lang) -> String {
    ta(lang, "sv-results-withheld", &[("min", Arg::from(super::results::MIN_SHOWN))])
}

fn cut(s: String) -> String {
    if s.chars().count() <= TEXT_MAX { s } else { format!("{}…", s.chars().take(TEXT_MAX).collect::<String>()) }
}
