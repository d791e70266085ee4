//! The readable `/datasaya` message, split to fit Telegram's 4096 characters.

use chrono_tz::Tz;

use super::export::{Aspiration, Export, Umkm};
use crate::platform::i18n::{Arg, Lang, t, ta};

/// Room left under Telegram's 4096 for safety (counted in characters).
const LIMIT: usize = 4000;

/// A time in the configured zone, as people write it in Indonesia.
pub fn when(at: i64, tz: Tz) -> String {
    chrono::DateTime::from_timestamp(at, 0)
        .map(|t| t.with_timezone(&tz).format("%d-%m-%Y %H:%M").to_string())
        .unwrap_or_default()
}

fn or_dash(value: Option<&str>) -> Arg {
    Arg::from(value.filter(|v| !v.is_empty()).unwrap_or("-"))
}

/// The whole export as message texts, each under the limit, in order.
pub fn messages(lang: Lang, data: &Export, tz: Tz) -> Vec<String> {
    if data.is_empty() {
        return vec![t(lang, "privacy-data-empty")];
    }
    let mut pieces = vec![ta(lang, "privacy-data-header", &[("id", Arg::from(data.telegram_user_id))])];
    if let Some(p) = &data.profile {
        pieces.push(ta(
            lang,
            "privacy-data-profile",
            &[
                ("name", or_dash(p.first_name.as_deref())),
                ("username", or_dash(p.username.as_deref())),
                ("lang", Arg::from(&p.language)),
                ("kim", or_dash(p.kim.as_deref())),
                ("since", Arg::from(when(p.created_at, tz))),
            ],
        ));
    }
    pieces.extend(section(
        lang,
        "privacy-data-consents-header",
        data.consents.iter().map(|c| {
            let args = [
                ("purpose", Arg::from(purpose_label(lang, &c.purpose))),
                ("version", Arg::from(&c.notice_version)),
                ("at", Arg::from(when(c.granted_at, tz))),
                ("withdrawn", Arg::from(c.withdrawn_at.map(|w| when(w, tz)).unwrap_or_default())),
            ];
            let key = if c.withdrawn_at.is_some() { "privacy-data-consent-withdrawn" } else { "privacy-data-consent" };
            ta(lang, key, &args)
        }),
    ));
    pieces.extend(section(
        lang,
        "privacy-data-roles-header",
        data.roles.iter().map(|g| {
            let args = [
                ("role", Arg::from(&g.role)),
                ("scope", or_dash(g.scope.as_deref())),
                ("at", Arg::from(when(g.granted_at, tz))),
            ];
            ta(lang, if g.revoked_at.is_some() { "privacy-data-role-revoked" } else { "privacy-data-role" }, &args)
        }),
    ));
    pieces.extend(data.umkm.as_ref().map(|u| umkm(lang, u, tz)));
    pieces.extend(section(
        lang,
        "privacy-data-aspirations-header",
        data.aspirations.iter().map(|a| aspiration(lang, a, tz)),
    ));
    pieces.extend(section(
        lang,
        "privacy-data-trainings-header",
        data.trainings.iter().map(|s| {
            let status = t(lang, &format!("privacy-seat-{}", s.status));
            let args = [
                ("title", Arg::from(&s.title)),
                ("start", Arg::from(when(s.starts_at, tz))),
                ("status", Arg::from(status)),
            ];
            ta(lang, "privacy-data-training", &args)
        }),
    ));
    pieces.extend(section(
        lang,
        "privacy-data-invitations-header",
        data.training_invitations.iter().map(|i| {
            let args = [("title", Arg::from(&i.title)), ("at", Arg::from(when(i.invited_at, tz)))];
            ta(lang, "privacy-data-invitation", &args)
        }),
    ));
    pieces.extend(section(
        lang,
        "privacy-data-feedback-header",
        data.training_feedback.iter().map(|f| {
            let args = [
                ("title", Arg::from(&f.title)),
                ("rating", Arg::from(f.rating)),
                ("comment", or_dash(f.comment.as_deref())),
            ];
            ta(lang, "privacy-data-feedback-item", &args)
        }),
    ));
    pieces.push(t(lang, "privacy-data-footer"));
    split(&pieces)
}

/// A header and one line per item; nothing when there are none.
fn section(lang: Lang, header: &str, items: impl Iterator<Item = String>) -> Option<String> {
    let lines: Vec<String> = items.collect();
    (!lines.is_empty()).then(|| format!("{}\n{}", t(lang, header), lines.join("\n")))
}

fn umkm(lang: Lang, u: &Umkm, tz: Tz) -> String {
    ta(
        lang,
        "privacy-data-umkm",
        &[
            ("owner", Arg::from(&u.owner_name)),
            ("business", Arg::from(&u.business_name)),
            ("sector", Arg::from(&u.sector)),
            ("scale", Arg::from(&u.scale)),
            ("kelurahan", Arg::from(&u.kelurahan)),
            ("phone", Arg::from(&u.phone)),
            ("nib", or_dash(u.nib.as_deref())),
            ("needs", Arg::from(u.needs.join(", "))),
            ("at", Arg::from(when(u.updated_at, tz))),
        ],
    )
}

fn aspiration(lang: Lang, a: &Aspiration, tz: Tz) -> String {
    let args = [
        ("ticket", Arg::from(&a.ticket)),
        ("category", Arg::from(&a.category)),
        ("status", Arg::from(&a.status)),
        ("at", Arg::from(when(a.created_at, tz))),
        ("body", Arg::from(&a.body)),
        ("photos", Arg::from(a.photos)),
        ("location", Arg::from(if a.latitude.is_some() { "yes" } else { "no" })),
    ];
    let mut out = ta(lang, "privacy-data-aspiration", &args);
    for m in &a.thread {
        let key = if m.kind == "reply" { "privacy-data-thread-reply" } else { "privacy-data-thread-answer" };
        out.push('\n');
        out.push_str(&ta(lang, key, &[("body", Arg::from(&m.body)), ("at", Arg::from(when(m.at, tz)))]));
    }
    out
}

/// Packs pieces into messages under [`LIMIT`]; a piece longer than that is cut.
pub fn split(pieces: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    for piece in pieces.iter().flat_map(|p| cut(p)) {
        if !current.is_empty() && current.chars().count() + 2 + piece.chars().count() > LIMIT {
            out.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push_str("\n\n");
        }
        current.push_str(&piece);
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

fn cut(piece: &str) -> Vec<String> {
    let chars: Vec<char> = piece.chars().collect();
    chars.chunks(LIMIT).map(|c| c.iter().collect()).collect()
}

/// A consent purpose in words; an unknown code is shown as stored.
fn purpose_label(lang: Lang, purpose: &str) -> String {
    match purpose {
        crate::features::members::users::PURPOSE_MEMBERSHIP => t(lang, "privacy-purpose-membership"),
        crate::features::umkm::store::PURPOSE_UMKM => t(lang, "privacy-purpose-umkm"),
        super::PURPOSE_NEWS => t(lang, "privacy-purpose-news"),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_data_is_split_into_messages_telegram_accepts() {
        let pieces: Vec<String> =
            (0..50).map(|i| format!("{i} {}", "x".repeat(300))).chain([("y".repeat(9000))]).collect();
        let messages = split(&pieces);
        assert!(messages.len() > 3);
        assert!(messages.iter().all(|m| m.chars().count() <= 4096));
        let total: usize = messages.iter().map(|m| m.matches('x').count()).sum();
        assert_eq!(total, 50 * 300, "nothing lost");
    }

    #[test]
    fn nothing_stored_says_so() {
        let none = Export { telegram_user_id: 5, ..Default::default() };
        assert_eq!(messages(Lang::Id, &none, chrono_tz::Asia::Jakarta), vec![t(Lang::Id, "privacy-data-empty")]);
    }
}
