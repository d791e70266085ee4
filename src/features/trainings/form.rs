//! The `/pelatihanbaru` form as plain Rust: the draft kept in the dialogue state,
//! validation of every typed answer, and the finished training ready to insert.

use serde::{Deserialize, Serialize};

use super::model::{Target, Venue};
use crate::kernel::members::KimId;

pub const QUOTA_MAX: i64 = 1000;
pub const TITLE_MAX: usize = 100;
pub const ORGANISER_MAX: usize = 100;
pub const DESCRIPTION_MAX: usize = 600;
pub const PLACE_MAX: usize = 200;
pub const URL_MAX: usize = 300;
pub const COMMENT_MAX: usize = 1000;

/// Why a typed answer was not taken; each maps to a message in the Telegram layer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FieldError {
    #[error("too short (min {0})")]
    TooShort(usize),
    #[error("too long (max {0})")]
    TooLong(usize),
    #[error("not a whole number")]
    NotNumber,
    #[error("out of range {0}..={1}")]
    OutOfRange(i64, i64),
    #[error("not an http(s) link")]
    NotUrl,
    #[error(transparent)]
    When(#[from] super::when::WhenError),
    #[error("in the past")]
    Past,
    #[error("end not after start")]
    EndBeforeStart,
    #[error("deadline not before start")]
    DeadlineAfterStart,
}

/// Trimmed text of `min..=max` characters (counted as people count them).
pub fn text(input: &str, min: usize, max: usize) -> Result<String, FieldError> {
    let s = input.trim();
    let n = s.chars().count();
    if n < min {
        Err(FieldError::TooShort(min))
    } else if n > max {
        Err(FieldError::TooLong(max))
    } else {
        Ok(s.to_string())
    }
}

pub fn quota(input: &str) -> Result<i64, FieldError> {
    let n: i64 = input.trim().parse().map_err(|_| FieldError::NotNumber)?;
    if (1..=QUOTA_MAX).contains(&n) { Ok(n) } else { Err(FieldError::OutOfRange(1, QUOTA_MAX)) }
}

/// An online meeting link: absolute http(s) with a host.
pub fn online_url(input: &str) -> Result<String, FieldError> {
    let s = input.trim();
    if s.chars().count() > URL_MAX {
        return Err(FieldError::TooLong(URL_MAX));
    }
    match url::Url::parse(s) {
        Ok(u) if matches!(u.scheme(), "http" | "https") && u.host_str().is_some_and(|h| !h.is_empty()) => Ok(s.to_string()),
        _ => Err(FieldError::NotUrl),
    }
}

/// Whether typed place text is meant as a link rather than an address.
pub fn looks_like_link(input: &str) -> bool {
    let s = input.trim().to_lowercase();
    s.starts_with("http://") || s.starts_with("https://") || s.starts_with("www.")
}

/// A training being composed in `/pelatihanbaru` (kept in the dialogue state).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub kim_id: Option<KimId>,
    /// The KIM's zone name, e.g. "Asia/Jakarta".
    pub tz: String,
    pub title: Option<String>,
    pub organiser: Option<String>,
    pub description: Option<String>,
    pub starts_at: Option<i64>,
    pub ends_at: Option<i64>,
    pub venue: Option<Venue>,
    pub quota: Option<i64>,
    /// `None`: open until the start ("sampai mulai").
    pub deadline_at: Option<i64>,
    pub targets: Vec<Target>,
    pub poster: Option<String>,
}

/// A draft with every required answer, checked against the clock, ready to insert.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewTraining {
    pub kim_id: KimId,
    pub title: String,
    pub organiser: String,
    pub description: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub venue: Venue,
    pub quota: i64,
    pub deadline_at: Option<i64>,
    pub targets: Vec<Target>,
    pub poster: Option<String>,
}

impl Draft {
    pub fn tz(&self, default: chrono_tz::Tz) -> chrono_tz::Tz {
        self.tz.parse().unwrap_or(default)
    }

    pub fn toggle(&mut self, target: Target) {
        match self.targets.iter().position(|t| *t == target) {
            Some(i) => {
                self.targets.remove(i);
            }
            None => self.targets.push(target),
        }
    }

    /// The complete training, or the first rule it breaks (time passes while a draft
    /// waits on the review screen, so the clock is checked again here).
    pub fn finish(&self, now: i64) -> Result<NewTraining, FieldError> {
        let missing = FieldError::TooShort(1);
        let (starts_at, ends_at) = (self.starts_at.ok_or(missing.clone())?, self.ends_at.ok_or(missing.clone())?);
        check_times(starts_at, ends_at, self.deadline_at, now)?;
        Ok(NewTraining {
            kim_id: self.kim_id.ok_or(missing.clone())?,
            title: self.title.clone().ok_or(missing.clone())?,
            organiser: self.organiser.clone().ok_or(missing.clone())?,
            description: self.description.clone().unwrap_or_default(),
            starts_at,
            ends_at,
            venue: self.venue.clone().ok_or(missing.clone())?,
            quota: self.quota.ok_or(missing)?,
            deadline_at: self.deadline_at,
            targets: self.targets.clone(),
            poster: self.poster.clone(),
        })
    }
}

/// Start in the future, end after start, deadline (if any) in the future and not
/// after the start.
pub fn check_times(starts_at: i64, ends_at: i64, deadline_at: Option<i64>, now: i64) -> Result<(), FieldError> {
    if starts_at <= now {
        return Err(FieldError::Past);
    }
    if ends_at <= starts_at {
        return Err(FieldError::EndBeforeStart);
    }
    match deadline_at {
        Some(d) if d <= now => Err(FieldError::Past),
        Some(d) if d > starts_at => Err(FieldError::DeadlineAfterStart),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::trainings::model::{Target, targets_to_text, targets_from_text};

    /// A draft stored in a dialogue before `kim_id` became a `KimId` keeps loading:
    /// the id is the same bare number in the JSON, both ways.
    #[test]
    fn a_draft_stored_with_a_bare_kim_number_still_loads() {
        let stored = r#"{"kim_id":7,"tz":"Asia/Jakarta","title":"Menjahit","organiser":null,"description":null,"starts_at":null,"ends_at":null,"venue":null,"quota":null,"deadline_at":null,"targets":[],"poster":null}"#;
        let draft: Draft = serde_json::from_str(stored).unwrap();
        assert_eq!(draft.kim_id, Some(KimId(7)));
        assert_eq!(draft.title.as_deref(), Some("Menjahit"));
        assert!(serde_json::to_string(&draft).unwrap().starts_with(r#"{"kim_id":7,"#));
    }

    #[test]
    fn typed_answers_are_validated() {
        assert_eq!(text("  Menjahit  ", 3, 10), Ok("Menjahit".into()));
        assert_eq!(text("ab", 3, 10), Err(FieldError::TooShort(3)));
        assert_eq!(text(&"é".repeat(11), 3, 10), Err(FieldError::TooLong(10)));
        for (input, want) in [("5", Ok(5)), (" 1000 ", Ok(1000)), ("0", Err(FieldError::OutOfRange(1, 1000))), ("1001", Err(FieldError::OutOfRange(1, 1000))), ("lima", Err(FieldError::NotNumber)), ("-3", Err(FieldError::OutOfRange(1, 1000)))] {
            assert_eq!(quota(input), want, "{input}");
        }
        assert!(online_url("https://zoom.us/j/123").is_ok());
        for bad in ["ftp://x.org/a", "https://", "zoom.us/j/1", "javascript:alert(1)"] {
            assert_eq!(online_url(bad), Err(FieldError::NotUrl), "{bad}");
        }
        assert!(looks_like_link("HTTPS://meet.google.com/x") && !looks_like_link("Balai RW 03"));
    }

    #[test]
    fn times_must_be_future_ordered_and_the_deadline_not_after_the_start() {
        let now = 100;
        assert_eq!(check_times(200, 300, None, now), Ok(()));
        assert_eq!(check_times(200, 300, Some(200), now), Ok(()));
        assert_eq!(check_times(100, 300, None, now), Err(FieldError::Past));
        assert_eq!(check_times(200, 200, None, now), Err(FieldError::EndBeforeStart));
        assert_eq!(check_times(200, 300, Some(201), now), Err(FieldError::DeadlineAfterStart));
        assert_eq!(check_times(200, 300, Some(50), now), Err(FieldError::Past));
    }

    #[test]
    fn targets_round_trip_through_their_stored_text() {
        let mut d = Draft::default();
        d.toggle(Target::Kuliner);
        d.toggle(Target::Qris);
        d.toggle(Target::Kuliner);
        d.toggle(Target::Tani);
        assert_eq!(targets_to_text(&d.targets), "qris,tani");
        assert_eq!(targets_from_text("qris,tani,bogus,"), vec![Target::Qris, Target::Tani]);
    }
}
