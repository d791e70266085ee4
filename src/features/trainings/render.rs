//! Texts about trainings, from `messages/*/trainings.ftl`: dates in the KIM's zone,
//! the venue, the card residents see, and the notices sent through the outbox.

use chrono_tz::Tz;

use super::model::{Seat, Status, Target, Training, Venue, targets_from_text};
use super::when;
use crate::platform::i18n::{Arg, Lang, t, ta};

/// "Jumat, 25 Desember 2026" (date only).
pub fn date(lang: Lang, ts: i64, tz: Tz) -> String {
    let p = when::parts(ts, tz);
    ta(
        lang,
        "training-date",
        &[
            ("weekday", Arg::from(p.weekday)),
            ("day", Arg::from(p.day.to_string())),
            ("month", Arg::from(p.month)),
            ("year", Arg::from(p.year.to_string())),
        ],
    )
}

/// "Jumat, 25 Desember 2026, 08:00 WIB".
pub fn moment(lang: Lang, ts: i64, tz: Tz) -> String {
    let p = when::parts(ts, tz);
    let args = [("date", Arg::from(date(lang, ts, tz))), ("time", Arg::from(p.time)), ("zone", Arg::from(p.zone))];
    ta(lang, "training-moment", &args)
}

/// "Jumat, 25 Desember 2026, 08:00–12:00 WIB", or two moments when it spans days.
pub fn span(lang: Lang, start: i64, end: i64, tz: Tz) -> String {
    if when::same_day(start, end, tz) {
        let (a, b) = (when::parts(start, tz), when::parts(end, tz));
        let args = [
            ("date", Arg::from(date(lang, start, tz))),
            ("from", Arg::from(a.time)),
            ("to", Arg::from(b.time)),
            ("zone", Arg::from(a.zone)),
        ];
        ta(lang, "training-span-day", &args)
    } else {
        let args = [("start", Arg::from(moment(lang, start, tz))), ("end", Arg::from(moment(lang, end, tz)))];
        ta(lang, "training-span-days", &args)
    }
}

pub use crate::platform::text::clip;

/// A map link for a pin, readable on any phone.
pub fn map_url(pin: (i64, i64)) -> String {
    format!("https://www.google.com/maps?q={:.6},{:.6}", pin.0 as f64 / 1e6, pin.1 as f64 / 1e6)
}

/// One or two lines: the address (and map link), or the online link.
pub fn venue(lang: Lang, venue: &Venue) -> String {
    match venue {
        Venue::Place { text, pin: None } => ta(lang, "training-line-place", &[("place", Arg::from(text))]),
        Venue::Place { text, pin: Some(pin) } => [
            ta(lang, "training-line-place", &[("place", Arg::from(text))]),
            ta(lang, "training-line-map", &[("url", Arg::from(map_url(*pin)))]),
        ]
        .join("\n"),
        Venue::Online { url } => ta(lang, "training-line-online", &[("url", Arg::from(url))]),
    }
}

pub fn targets(lang: Lang, targets: &[Target]) -> String {
    targets.iter().map(|t| crate::platform::i18n::t(lang, t.label_key())).collect::<Vec<_>>().join(", ")
}

/// Title, organiser, time, venue and targets: what every message about a training starts with.
pub fn head(lang: Lang, tr: &Training, tz: Tz) -> Vec<String> {
    let mut lines = vec![
        ta(lang, "training-line-title", &[("title", Arg::from(&tr.title))]),
        ta(lang, "training-line-organiser", &[("organiser", Arg::from(&tr.organiser))]),
        ta(lang, "training-line-when", &[("when", Arg::from(span(lang, tr.starts_at, tr.ends_at, tz)))]),
        venue(lang, &tr.venue()),
    ];
    let wanted = targets_from_text(&tr.targets);
    if !wanted.is_empty() {
        lines.push(ta(lang, "training-line-targets", &[("targets", Arg::from(targets(lang, &wanted)))]));
    }
    lines
}

/// Seats left or the waitlist, and until when one can register.
pub fn availability(lang: Lang, tr: &Training, now: i64, tz: Tz) -> Vec<String> {
    if tr.status() == Status::Cancelled {
        return vec![t(lang, "training-line-cancelled")];
    }
    let seats = if tr.seats_left() > 0 && tr.waitlisted == 0 {
        ta(lang, "training-line-seats", &[("left", Arg::from(tr.seats_left())), ("quota", Arg::from(tr.quota))])
    } else {
        ta(lang, "training-line-full", &[("quota", Arg::from(tr.quota)), ("waiting", Arg::from(tr.waitlisted))])
    };
    let open = tr.refusal(now).is_none();
    let deadline = if open {
        ta(lang, "training-line-deadline", &[("deadline", Arg::from(moment(lang, tr.deadline(), tz)))])
    } else {
        t(lang, "training-line-closed")
    };
    vec![seats, deadline]
}

/// The label of a "Daftar" button: "Daftar tunggu" once the seats are taken.
pub fn register_key(tr: &Training) -> &'static str {
    if tr.is_full() { "training-btn-register-waitlist" } else { "training-btn-register" }
}

/// How a person stands, for their card.
pub fn seat(lang: Lang, seat: Seat) -> String {
    match seat {
        Seat::Registered => t(lang, "training-line-you-registered"),
        Seat::Waitlisted(n) => ta(lang, "training-line-you-waiting", &[("position", Arg::from(n))]),
    }
}

/// The card residents browse in `/pelatihan`.
pub fn card(lang: Lang, tr: &Training, mine: Option<Seat>, now: i64, tz: Tz) -> String {
    let mut lines = head(lang, tr, tz);
    lines.extend(availability(lang, tr, now, tz));
    if !tr.description.is_empty() {
        lines.push(String::new());
        lines.push(tr.description.clone());
    }
    if let Some(s) = mine {
        lines.push(String::new());
        lines.push(seat(lang, s));
    }
    lines.join("\n")
}

/// The message for the KIM's groups when a training is published.
pub fn announcement(lang: Lang, tr: &Training, bot_link: &str, now: i64, tz: Tz) -> String {
    let mut lines = vec![t(lang, "training-announce-header")];
    lines.extend(head(lang, tr, tz));
    lines.extend(availability(lang, tr, now, tz));
    if !tr.description.is_empty() {
        lines.push(String::new());
        lines.push(tr.description.clone());
    }
    lines.push(String::new());
    lines.push(ta(lang, "training-announce-how", &[("link", Arg::from(bot_link))]));
    lines.join("\n")
}

/// A notice about one training: a headline key, then the training's details.
pub fn notice(lang: Lang, key: &str, tr: &Training, tz: Tz) -> String {
    let mut lines = vec![ta(lang, key, &[("title", Arg::from(&tr.title))]), String::new()];
    lines.extend(head(lang, tr, tz));
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_names_are_cut_on_characters_with_an_ellipsis() {
        let cases = [
            ("Menjahit", 10, "Menjahit"),
            ("Pelatihan", 9, "Pelatihan"),
            ("Pelatihan Menjahit", 10, "Pelatihan…"),
            ("Kue 🎂🎂🎂🎂", 6, "Kue 🎂…"),
            ("Ayam Penyet Bu Éna", 8, "Ayam Pe…"),
            ("", 3, ""),
        ];
        for (text, max, want) in cases {
            assert_eq!(clip(text, max), want, "{text}");
            assert!(clip(text, max).chars().count() <= max);
        }
    }
}
