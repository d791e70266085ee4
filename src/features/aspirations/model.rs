//! Aspiration domain: categories, the status flow, ticket numbers, input limits and
//! who may see or triage a ticket. Plain Rust, no Telegram or SQL.

use chrono::{Datelike, TimeZone};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::platform::ids::id;

id!(
    /// An aspiration's row id (`aspirations.id`); residents see the ticket number
    /// (`ASP-…`), never this.
    pub AspirationId
);

/// Limits on what a resident writes, in characters (not bytes: Indonesian text often
/// carries emoji and accented names).
pub const TEXT_MIN: usize = 10;
pub const TEXT_MAX: usize = 2000;
/// Staff notes and replies, and a resident's answer.
pub const NOTE_MAX: usize = 1000;
/// A closing note (Selesai, Ditolak) is the resident's answer: at least this many
/// characters and [`CLOSING_NOTE_WORDS`] words, so "ok" or "beres" is not enough.
pub const CLOSING_NOTE_MIN: usize = 15;
pub const CLOSING_NOTE_WORDS: usize = 3;
pub const REPLY_MAX: usize = 2000;
/// Photos per aspiration (Telegram file ids; the files stay on Telegram).
pub const MAX_PHOTOS: usize = 3;

/// What an aspiration is about; the code is stored and travels in buttons.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Category {
    Infrastruktur,
    Ekonomi,
    Pelatihan,
    Kesehatan,
    Pendidikan,
    Lingkungan,
    Keamanan,
    Layanan,
    Lainnya,
}

impl Category {
    pub const ALL: [Category; 9] = [
        Category::Infrastruktur,
        Category::Ekonomi,
        Category::Pelatihan,
        Category::Kesehatan,
        Category::Pendidikan,
        Category::Lingkungan,
        Category::Keamanan,
        Category::Layanan,
        Category::Lainnya,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Category::Infrastruktur => "infrastruktur",
            Category::Ekonomi => "ekonomi",
            Category::Pelatihan => "pelatihan",
            Category::Kesehatan => "kesehatan",
            Category::Pendidikan => "pendidikan",
            Category::Lingkungan => "lingkungan",
            Category::Keamanan => "keamanan",
            Category::Layanan => "layanan",
            Category::Lainnya => "lainnya",
        }
    }

    pub fn parse(code: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.code() == code)
    }

    /// Message key of the category's label.
    pub fn message_key(self) -> String {
        format!("asp-cat-{}", self.code())
    }
}

/// Where a ticket stands. `Diterima` is the initial state; `Selesai` and `Ditolak`
/// close it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    Diterima,
    Diteruskan,
    Ditindaklanjuti,
    Selesai,
    Ditolak,
}

impl Status {
    pub const ALL: [Status; 5] =
        [Status::Diterima, Status::Diteruskan, Status::Ditindaklanjuti, Status::Selesai, Status::Ditolak];

    /// The stored value.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Diterima => "diterima",
            Status::Diteruskan => "diteruskan",
            Status::Ditindaklanjuti => "ditindaklanjuti",
            Status::Selesai => "selesai",
            Status::Ditolak => "ditolak",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|st| st.as_str() == s)
    }

    /// Two letters, for button payloads.
    pub fn short(self) -> &'static str {
        match self {
            Status::Diterima => "dt",
            Status::Diteruskan => "dr",
            Status::Ditindaklanjuti => "dl",
            Status::Selesai => "sl",
            Status::Ditolak => "tl",
        }
    }

    pub fn from_short(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|st| st.short() == s)
    }

    pub fn message_key(self) -> String {
        format!("asp-status-{}", self.as_str())
    }

    pub fn is_closed(self) -> bool {
        matches!(self, Status::Selesai | Status::Ditolak)
    }

    /// What the resident must be told on a move to this status: forwarding may go
    /// without a note (staff can skip it), a follow-up says what is being done, a
    /// closing says the result or the reason for refusal in a few real words.
    pub fn note_rule(self) -> NoteRule {
        match self {
            Status::Diterima | Status::Diteruskan => NoteRule::Optional,
            Status::Ditindaklanjuti => NoteRule::Required,
            Status::Selesai | Status::Ditolak => NoteRule::Meaningful,
        }
    }

    pub fn needs_note(self) -> bool {
        self.note_rule() != NoteRule::Optional
    }

    /// Position along the flow; a ticket only moves forward.
    fn rank(self) -> u8 {
        match self {
            Status::Diterima => 0,
            Status::Diteruskan => 1,
            Status::Ditindaklanjuti => 2,
            Status::Selesai | Status::Ditolak => 3,
        }
    }

    /// The statuses a ticket in this status may move to, in button order.
    pub fn next_steps(self) -> Vec<Status> {
        Status::ALL.into_iter().filter(|to| check_move(self, *to).is_ok()).collect()
    }
}

/// How much of a note a move to a status needs (see [`Status::note_rule`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoteRule {
    Optional,
    Required,
    Meaningful,
}

/// Why a status change was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError {
    #[error("the ticket is closed")]
    Closed,
    #[error("a ticket only moves forward")]
    Backwards,
    #[error("this status needs a note")]
    NoteRequired,
    #[error("the note is too long")]
    NoteTooLong,
    #[error("a closing note must say what was done or why")]
    NoteTooShort,
}

/// Whether `from → to` is a step of the flow, notes aside: forward only (skipping is
/// allowed, e.g. straight to `Selesai`), never out of a closed status, never back to
/// `Diterima`, never to the same status.
pub fn check_move(from: Status, to: Status) -> Result<(), TransitionError> {
    if from.is_closed() {
        return Err(TransitionError::Closed);
    }
    if to.rank() <= from.rank() {
        return Err(TransitionError::Backwards);
    }
    Ok(())
}

/// A status change with its note: returns the new status and the trimmed note
/// (`None` when empty), or why it is refused.
pub fn transition(from: Status, to: Status, note: Option<&str>) -> Result<(Status, Option<String>), TransitionError> {
    check_move(from, to)?;
    let note = note.map(str::trim).filter(|n| !n.is_empty());
    match note {
        None if to.needs_note() => Err(TransitionError::NoteRequired),
        Some(n) if n.chars().count() > NOTE_MAX => Err(TransitionError::NoteTooLong),
        Some(n) if to.note_rule() == NoteRule::Meaningful && !meaningful(n) => Err(TransitionError::NoteTooShort),
        _ => Ok((to, note.map(str::to_string))),
    }
}

fn meaningful(note: &str) -> bool {
    note.chars().count() >= CLOSING_NOTE_MIN && note.split_whitespace().count() >= CLOSING_NOTE_WORDS
}

/// Why an aspiration text was refused; carries what the message needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextError {
    TooShort { len: usize },
    TooLong { len: usize },
}

/// Trims and checks an aspiration text.
pub fn check_text(text: &str) -> Result<String, TextError> {
    let text = text.trim();
    let len = text.chars().count();
    if len < TEXT_MIN {
        Err(TextError::TooShort { len })
    } else if len > TEXT_MAX {
        Err(TextError::TooLong { len })
    } else {
        Ok(text.to_string())
    }
}

/// A free-text answer (note, reply, answer): trimmed, not empty, at most `max` chars.
/// `Err(len)` gives the length for the message.
pub fn check_free_text(text: &str, max: usize) -> Result<String, usize> {
    let text = text.trim();
    let len = text.chars().count();
    if len == 0 || len > max { Err(len) } else { Ok(text.to_string()) }
}

/// `ASP-2026-000123`: year of submission and a per-year sequence.
pub fn ticket_number(year: i32, seq: i64) -> String {
    format!("ASP-{year}-{seq:06}")
}

/// Parses what a person typed after `/status` (case and spaces forgiven).
pub fn parse_ticket_number(s: &str) -> Option<String> {
    let s = s.trim().to_uppercase();
    let rest = s.strip_prefix("ASP-")?;
    let (year, seq) = rest.split_once('-')?;
    let ok = year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) && !seq.is_empty()
        && seq.len() <= 12 && seq.bytes().all(|b| b.is_ascii_digit());
    if !ok {
        return None;
    }
    Some(ticket_number(year.parse().ok()?, seq.parse().ok()?))
}

/// The calendar year of `unix` seconds in zone `tz` (a ticket sent at 00:30 WIB on
/// 1 January belongs to the new year although it is still December in UTC).
pub fn year_in(unix: i64, tz: Tz) -> i32 {
    tz.timestamp_opt(unix, 0).single().map(|t| t.year()).unwrap_or(1970)
}

/// A KIM's time zone: its own when set and valid, else the configured one.
pub fn zone(kim_tz: Option<&str>, configured: Tz) -> Tz {
    kim_tz.and_then(|name| name.parse().ok()).unwrap_or(configured)
}

/// "12/01/2026 14:05 WIB" (the shared [`stamp`](crate::platform::when::stamp)).
pub fn local_time(unix: i64, tz: Tz) -> String {
    crate::platform::when::stamp(unix, tz)
}

/// Coordinates stored as integer micro-degrees (the schema holds no floats).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GeoPoint {
    pub lat_e6: i64,
    pub lon_e6: i64,
}

impl GeoPoint {
    pub fn from_degrees(lat: f64, lon: f64) -> Option<GeoPoint> {
        let ok = (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon);
        ok.then(|| GeoPoint { lat_e6: (lat * 1e6).round() as i64, lon_e6: (lon * 1e6).round() as i64 })
    }

    /// A map link staff can open on any phone.
    pub fn map_link(self) -> String {
        let deg = |v: i64| format!("{}{}.{:06}", if v < 0 { "-" } else { "" }, v.abs() / 1_000_000, v.abs() % 1_000_000);
        format!("https://maps.google.com/?q={},{}", deg(self.lat_e6), deg(self.lon_e6))
    }
}

pub use crate::kernel::members::permissions::{Access, ticket_access as access};

mod queue;
pub use queue::QueueView;
mod reopen;
pub use reopen::{REOPENED, RESPONSE_LETTERS, RESPONSE_WORDS, ReopenError, check_reopen, meaningful_response};
mod undo;
pub use undo::{LastChange, UNDO_SECS, UndoError, check_undo};

/// The outbox source of everything sent about a ticket (`aspiration:<id>`).
pub const SOURCE: crate::platform::delivery::outbox::SourceKind = crate::platform::delivery::outbox::SourceKind::new("aspiration");

#[cfg(test)]
mod tests;
