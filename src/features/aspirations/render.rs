//! Texts about tickets, in the reader's language and the KIM's time zone: the
//! staff card, the resident's view with history and thread, list lines and notices.

use chrono_tz::Tz;

use super::model::{Category, Status, local_time};
use super::store::{StatusChange, ThreadMessage, Ticket};
use crate::platform::i18n::{Arg, Lang, t, ta};

/// Telegram's limit is 4096 characters; keep a margin for the header lines.
const MESSAGE_BUDGET: usize = 3900;
/// Thread messages and the body are shortened in overviews.
const EXCERPT: usize = 300;

pub fn category(lang: Lang, c: Category) -> String {
    t(lang, &c.message_key())
}

pub fn status(lang: Lang, s: Status) -> String {
    t(lang, &s.message_key())
}

/// Label of the staff button that moves a ticket to `to` ("Teruskan", "Tolak", …).
pub fn move_label(lang: Lang, to: Status) -> String {
    t(lang, &format!("asp-btn-move-{}", to.as_str()))
}

pub use crate::platform::text::clip;

/// Who sent a ticket, as the reader may see it.
pub enum Sender {
    /// Coordinators reading an anonymous ticket: no name, location or photos.
    Hidden,
    Known { name: String, username: Option<String>, anonymous: bool },
}

/// The ticket as staff and coordinators see it; `sla_days` names the deadline in the
/// "overdue" marker.
pub fn card(lang: Lang, ticket: &Ticket, kim_name: &str, sender: &Sender, photos: usize, tz: Tz, sla_days: u32) -> String {
    let mut lines = vec![
        ta(lang, "asp-card-head", &[("ticket", Arg::from(&ticket.number))]),
        ta(lang, "asp-card-category", &[("category", Arg::from(category(lang, ticket.category)))]),
        ta(lang, "asp-card-status", &[("status", Arg::from(status(lang, ticket.status)))]),
    ];
    lines.extend(marks(lang, ticket, sla_days));
    lines.extend([
        ta(lang, "asp-card-kim", &[("kim", Arg::from(kim_name))]),
        sender_line(lang, sender),
        ta(lang, "asp-card-sent", &[("time", Arg::from(local_time(ticket.created_at, tz)))]),
    ]);
    match (sender, ticket.location) {
        (Sender::Hidden, _) => lines.push(t(lang, "asp-card-media-hidden")),
        (_, Some(p)) => lines.push(ta(lang, "asp-card-location", &[("link", Arg::from(p.map_link()))])),
        _ => {}
    }
    if photos > 0 && !matches!(sender, Sender::Hidden) {
        lines.push(ta(lang, "asp-card-photos", &[("count", Arg::from(photos as i64))]));
    }
    format!("{}\n\n{}", lines.join("\n"), ticket.body)
}

/// The card's history and thread, for staff and coordinators: every status change with
/// its note, staff replies and the resident's answers and "Tanggapi" response, so a
/// reopened ticket shows why. Empty when there is nothing beyond the submission.
pub fn card_history(lang: Lang, history: &[StatusChange], thread: &[ThreadMessage], tz: Tz) -> String {
    let mut lines = Vec::new();
    if history.len() > 1 {
        lines.push(t(lang, "asp-history-head"));
        lines.extend(history.iter().map(|c| staff_history_line(lang, c, tz)));
    }
    if !thread.is_empty() {
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines.push(t(lang, "asp-thread-head"));
        for m in thread {
            let key = if m.is_reply { "asp-card-thread-staff" } else { "asp-card-thread-resident" };
            let args = [("time", Arg::from(local_time(m.at, tz))), ("text", Arg::from(clip(&m.body, EXCERPT)))];
            lines.push(ta(lang, key, &args));
        }
    }
    lines.join("\n")
}

/// A card with its history and thread, cut to fit one Telegram message.
pub fn with_history(card: String, history: String) -> String {
    if history.is_empty() {
        return card;
    }
    clip(&format!("{card}\n\n{history}"), MESSAGE_BUDGET)
}

fn staff_history_line(lang: Lang, change: &StatusChange, tz: Tz) -> String {
    if change.from.is_some_and(Status::is_closed) && !change.undo {
        let args = [("time", Arg::from(local_time(change.at, tz))), ("status", Arg::from(status(lang, change.to)))];
        return ta(lang, "asp-card-history-reopened", &args);
    }
    history_line(lang, change, tz)
}

/// Markers that call for staff attention: flagged late while still new, or
/// reopened by the resident and not closed again.
fn marks(lang: Lang, ticket: &Ticket, sla_days: u32) -> Vec<String> {
    let mut marks = Vec::new();
    if ticket.overdue_at.is_some() && ticket.status == Status::Diterima {
        marks.push(ta(lang, "asp-card-overdue", &[("days", Arg::from(i64::from(sla_days)))]));
    }
    if ticket.reopened_at.is_some() && !ticket.status.is_closed() {
        marks.push(t(lang, "asp-card-reopened"));
    }
    marks
}

fn sender_line(lang: Lang, sender: &Sender) -> String {
    match sender {
        Sender::Hidden => t(lang, "asp-card-from-hidden"),
        Sender::Known { name, username, anonymous } => {
            let who = match username {
                Some(u) => format!("{name} (@{u})"),
                None => name.clone(),
            };
            let key = if *anonymous { "asp-card-from-anonymous" } else { "asp-card-from" };
            ta(lang, key, &[("name", Arg::from(who))])
        }
    }
}

/// One line of the resident's `/status` list.
pub fn list_line(lang: Lang, ticket: &Ticket, tz: Tz) -> String {
    let args = [
        ("ticket", Arg::from(&ticket.number)),
        ("category", Arg::from(category(lang, ticket.category))),
        ("status", Arg::from(status(lang, ticket.status))),
        ("time", Arg::from(local_time(ticket.created_at, tz))),
    ];
    ta(lang, "asp-status-line", &args)
}

/// The resident's own view: what they sent, every status change with its note and
/// time, and the thread with staff.
pub fn resident_view(lang: Lang, ticket: &Ticket, history: &[StatusChange], thread: &[ThreadMessage], tz: Tz) -> String {
    let head = [
        ta(lang, "asp-card-head", &[("ticket", Arg::from(&ticket.number))]),
        ta(lang, "asp-card-category", &[("category", Arg::from(category(lang, ticket.category)))]),
        ta(lang, "asp-card-status", &[("status", Arg::from(status(lang, ticket.status)))]),
        String::new(),
        clip(&ticket.body, EXCERPT),
        String::new(),
        t(lang, "asp-history-head"),
    ];
    let mut lines: Vec<String> = head.into_iter().collect();
    lines.extend(history.iter().map(|c| history_line(lang, c, tz)));
    if !thread.is_empty() {
        lines.push(String::new());
        lines.push(t(lang, "asp-thread-head"));
        lines.extend(thread.iter().map(|m| thread_line(lang, m, tz)));
    }
    clip(&lines.join("\n"), MESSAGE_BUDGET)
}

fn history_line(lang: Lang, change: &StatusChange, tz: Tz) -> String {
    let args = [("time", Arg::from(local_time(change.at, tz))), ("status", Arg::from(status(lang, change.to)))];
    if change.undo {
        return ta(lang, "asp-history-line-undo", &args);
    }
    if change.from.is_some_and(Status::is_closed) {
        return ta(lang, "asp-history-line-reopened", &args);
    }
    match &change.note {
        Some(note) => {
            let mut with_note = args.to_vec();
            with_note.push(("note", Arg::from(clip(note, EXCERPT))));
            ta(lang, "asp-history-line-note", &with_note)
        }
        None => ta(lang, "asp-history-line", &args),
    }
}

fn thread_line(lang: Lang, m: &ThreadMessage, tz: Tz) -> String {
    let key = if m.is_reply { "asp-thread-reply" } else { "asp-thread-answer" };
    ta(lang, key, &[("time", Arg::from(local_time(m.at, tz))), ("text", Arg::from(clip(&m.body, EXCERPT)))])
}

/// The notice a resident gets when their ticket changes status.
pub fn status_notice(lang: Lang, ticket: &Ticket, to: Status, note: Option<&str>) -> String {
    let args = [
        ("ticket", Arg::from(&ticket.number)),
        ("category", Arg::from(category(lang, ticket.category))),
        ("status", Arg::from(status(lang, to))),
    ];
    notice_tail(lang, ta(lang, "asp-notice-status", &args), ticket, note)
}

/// A resident's notice `text`, then the staff's `note` (if any) and how to follow
/// the ticket: the same ending for status changes and agency steps.
pub fn notice_tail(lang: Lang, mut text: String, ticket: &Ticket, note: Option<&str>) -> String {
    if let Some(note) = note {
        text.push('\n');
        text.push_str(&ta(lang, "asp-notice-note", &[("note", Arg::from(note))]));
    }
    text.push_str("\n\n");
    text.push_str(&ta(lang, "asp-notice-follow", &[("ticket", Arg::from(&ticket.number))]));
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reachable_status_has_a_button_label() {
        for lang in Lang::ALL {
            for to in Status::ALL.into_iter().filter(|s| *s != Status::Diterima) {
                assert!(!move_label(lang, to).starts_with("asp-"), "{lang:?} {to:?}");
            }
        }
    }

    #[test]
    fn long_texts_are_clipped_by_characters() {
        assert_eq!(clip("pendek", 10), "pendek");
        assert_eq!(clip("ééééé", 3), "éé…");
    }
}
