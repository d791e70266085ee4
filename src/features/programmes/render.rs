//! Texts of programmes (plain text, as chat sends it): the card residents read, who
//! may apply, an application's line, and the draft's review.

use chrono_tz::Tz;

use super::apps::Application;
use super::model::{Eligibility, Programme, Selection};
use crate::features::surveys::model::Question;
use crate::platform::i18n::{Arg, Lang, t, ta};
use crate::platform::when::stamp;

/// Who may apply, in one line per rule ("semua" where a rule is open).
pub fn who(lang: Lang, w: &Eligibility) -> String {
    let any = t(lang, "prg-any");
    let list = |items: Vec<String>| if items.is_empty() { any.clone() } else { items.join(", ") };
    let sectors = list(w.sectors.iter().map(|s| t(lang, s.key())).collect());
    let scales = list(w.scales.iter().map(|s| t(lang, s.key())).collect());
    let form = if w.group_min > 1 { ta(lang, "prg-form-group", &[("n", Arg::from(w.group_min))]) } else { t(lang, "prg-form-individual") };
    let nib = t(lang, if w.nib_required { "prg-nib-required" } else { "prg-nib-optional" });
    let mut lines = vec![
        ta(lang, "prg-who-sectors", &[("list", Arg::from(sectors))]),
        ta(lang, "prg-who-scales", &[("list", Arg::from(scales))]),
    ];
    if let Some(k) = &w.kecamatan {
        lines.push(ta(lang, "prg-who-kecamatan", &[("name", Arg::from(k.as_str()))]));
    }
    lines.push(form);
    lines.push(nib);
    lines.join("\n")
}

/// The programme as residents read it.
pub fn card(lang: Lang, p: &Programme, tz: Tz) -> String {
    let selection = t(lang, match p.selection {
        Selection::Review => "prg-selection-review",
        Selection::FirstCome => "prg-selection-first-come",
    });
    let head = ta(
        lang,
        "prg-card",
        &[
            ("name", Arg::from(p.name.as_str())),
            ("kind", Arg::from(t(lang, p.kind.key()))),
            ("organiser", Arg::from(p.organiser.as_str())),
            ("description", Arg::from(p.description.as_str())),
            ("quota", Arg::from(p.quota)),
            ("closes", Arg::from(stamp(p.closes_at, tz))),
            ("selection", Arg::from(selection)),
        ],
    );
    format!("{head}\n{}", who(lang, &p.who))
}

/// The questions for applicants, numbered, with their kind and options.
pub fn questions(lang: Lang, qs: &[Question]) -> String {
    let lines = qs.iter().enumerate().map(|(i, q)| {
        let kind = t(lang, q.kind.key());
        let kind = if q.options.is_empty() { kind } else { format!("{kind}: {}", q.options.join(" / ")) };
        format!("{}. {} ({kind})", i + 1, q.prompt)
    });
    std::iter::once(t(lang, "prg-questions")).chain(lines).collect::<Vec<_>>().join("\n")
}

/// Each question with its answer ("prompt: answer"), in question order; answers
/// beyond the questions (none are expected) are shown alone.
pub fn answered(qs: &[Question], answers: &[String]) -> Vec<String> {
    answers
        .iter()
        .enumerate()
        .map(|(i, a)| match qs.get(i) {
            Some(q) => format!("{}: {a}", q.prompt),
            None => a.clone(),
        })
        .collect()
}

/// One application in `/programsaya` or in selection.
pub fn line(lang: Lang, a: &Application, programme: &str) -> String {
    let mut s = ta(
        lang,
        "prg-app-line",
        &[("number", Arg::from(a.number.as_str())), ("programme", Arg::from(programme)), ("status", Arg::from(t(lang, a.status.key())))],
    );
    if a.is_group {
        s.push_str(&ta(lang, "prg-app-members", &[("n", Arg::from(a.members))]));
    }
    if let Some(r) = a.reason.as_deref().filter(|r| !r.is_empty()) {
        s.push_str(&ta(lang, "prg-app-reason", &[("reason", Arg::from(r))]));
    }
    s
}

/// One applicant as staff see it in chat: number, business, place, answers.
pub fn applicant(lang: Lang, a: &Application) -> String {
    let business = a.business_name.clone().unwrap_or_else(|| t(lang, "prg-erased"));
    let answers = if a.answers.is_empty() { String::new() } else { format!("\n   {}", a.answers.join(" · ")) };
    ta(
        lang,
        "prg-applicant",
        &[
            ("number", Arg::from(a.number.as_str())),
            ("business", Arg::from(business)),
            ("sector", Arg::from(a.sector.as_str())),
            ("scale", Arg::from(a.scale.as_str())),
            ("kelurahan", Arg::from(a.kelurahan.as_str())),
            ("status", Arg::from(t(lang, a.status.key()))),
        ],
    ) + &answers
}
