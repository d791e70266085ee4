//! Trainings as plain Rust: the stored row, the draft being composed, validation of
//! every typed answer, and the pure seat rules (quota, waitlist, deadlines).

use serde::{Deserialize, Serialize};

use crate::members::Kim;

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

/// Where the training happens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Venue {
    /// On site, with an optional map pin in micro-degrees.
    Place { text: String, pin: Option<(i64, i64)> },
    Online { url: String },
}

/// Sectors and needs a training is meant for (the same words as the UMKM registry).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Target {
    Kuliner,
    Fashion,
    Kriya,
    Jasa,
    Tani,
    Lainnya,
    Modal,
    Digital,
    Izin,
    Qris,
}

impl Target {
    pub const ALL: [Target; 10] = [
        Target::Kuliner,
        Target::Fashion,
        Target::Kriya,
        Target::Jasa,
        Target::Tani,
        Target::Lainnya,
        Target::Modal,
        Target::Digital,
        Target::Izin,
        Target::Qris,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Target::Kuliner => "kuliner",
            Target::Fashion => "fashion",
            Target::Kriya => "kriya",
            Target::Jasa => "jasa",
            Target::Tani => "tani",
            Target::Lainnya => "lainnya",
            Target::Modal => "modal",
            Target::Digital => "digital",
            Target::Izin => "izin",
            Target::Qris => "qris",
        }
    }

    pub fn parse(code: &str) -> Option<Target> {
        Target::ALL.into_iter().find(|t| t.code() == code)
    }

    /// Sectors come first on the keyboard, needs after.
    pub fn is_need(self) -> bool {
        matches!(self, Target::Modal | Target::Digital | Target::Izin | Target::Qris)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Target::Kuliner => "training-target-kuliner",
            Target::Fashion => "training-target-fashion",
            Target::Kriya => "training-target-kriya",
            Target::Jasa => "training-target-jasa",
            Target::Tani => "training-target-tani",
            Target::Lainnya => "training-target-lainnya",
            Target::Modal => "training-target-modal",
            Target::Digital => "training-target-digital",
            Target::Izin => "training-target-izin",
            Target::Qris => "training-target-qris",
        }
    }
}

/// Stored form of a target list: codes joined by commas; unknown codes are dropped.
pub fn targets_to_text(targets: &[Target]) -> String {
    targets.iter().map(|t| t.code()).collect::<Vec<_>>().join(",")
}

pub fn targets_from_text(text: &str) -> Vec<Target> {
    text.split(',').filter_map(Target::parse).collect()
}

/// Lifecycle of a published training.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Open,
    /// Registration closed early by the coordinator; the session still happens.
    Closed,
    Cancelled,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Closed => "closed",
            Status::Cancelled => "cancelled",
        }
    }
    pub fn parse(s: &str) -> Status {
        match s {
            "open" => Status::Open,
            "closed" => Status::Closed,
            _ => Status::Cancelled,
        }
    }
}

/// A person's place in a training.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seat {
    Registered,
    /// On the waitlist at this position (1 = next to move up).
    Waitlisted(i64),
}

/// Why a registration is refused before any seat is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    Cancelled,
    Closed,
    DeadlinePassed,
    Started,
}

/// A published training with its KIM and live counts, as read from the database.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct Training {
    pub id: i64,
    pub kim_id: i64,
    pub title: String,
    pub organiser: String,
    pub description: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub place: Option<String>,
    pub lat_e6: Option<i64>,
    pub lon_e6: Option<i64>,
    pub online_url: Option<String>,
    pub quota: i64,
    pub deadline_at: Option<i64>,
    pub targets: String,
    pub poster: Option<String>,
    pub status: String,
    pub kim_code: String,
    pub kim_name: String,
    pub kelurahan_id: i64,
    pub area_path: String,
    /// The KIM's own zone; `None` means the configured `KIMBOT_TZ`.
    pub kim_tz: Option<String>,
    pub registered: i64,
    pub waitlisted: i64,
}

impl Training {
    pub fn status(&self) -> Status {
        Status::parse(&self.status)
    }

    /// The KIM, for permission checks (`Actor::can_manage_kim`).
    pub fn kim(&self) -> Kim {
        Kim {
            id: self.kim_id,
            code: self.kim_code.clone(),
            name: self.kim_name.clone(),
            kelurahan_id: self.kelurahan_id,
            area_path: self.area_path.clone(),
        }
    }

    pub fn tz(&self, default: chrono_tz::Tz) -> chrono_tz::Tz {
        self.kim_tz.as_deref().and_then(|s| s.parse().ok()).unwrap_or(default)
    }

    pub fn venue(&self) -> Venue {
        match (&self.online_url, &self.place) {
            (Some(url), None) => Venue::Online { url: url.clone() },
            (_, place) => Venue::Place {
                text: place.clone().unwrap_or_default(),
                pin: self.lat_e6.zip(self.lon_e6),
            },
        }
    }

    /// When registration closes: the deadline, or the start when there is none.
    pub fn deadline(&self) -> i64 {
        self.deadline_at.map_or(self.starts_at, |d| d.min(self.starts_at))
    }

    pub fn seats_left(&self) -> i64 {
        (self.quota - self.registered).max(0)
    }

    pub fn refusal(&self, now: i64) -> Option<Refusal> {
        refusal(self.status(), self.starts_at, self.deadline(), now)
    }
}

/// Whether registration is possible at `now`, before counting seats.
pub fn refusal(status: Status, starts_at: i64, deadline: i64, now: i64) -> Option<Refusal> {
    match status {
        Status::Cancelled => Some(Refusal::Cancelled),
        _ if now >= starts_at => Some(Refusal::Started),
        Status::Closed => Some(Refusal::Closed),
        Status::Open if now >= deadline => Some(Refusal::DeadlinePassed),
        Status::Open => None,
    }
}

/// The seat for the next arrival: a place while fewer than `quota` are registered and
/// nobody waits (first come, first served), otherwise the end of the waitlist.
pub fn next_seat(registered: i64, waiting: i64, quota: i64) -> Seat {
    if registered < quota && waiting == 0 { Seat::Registered } else { Seat::Waitlisted(waiting + 1) }
}

/// A training being composed in `/pelatihanbaru` (kept in the dialogue state).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub kim_id: Option<i64>,
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
    pub kim_id: i64,
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

    #[test]
    fn seats_fill_to_the_quota_then_the_waitlist_grows_in_order() {
        let quota = 5;
        let (mut registered, mut waiting) = (0, 0);
        let mut seats = Vec::new();
        for _ in 0..8 {
            let seat = next_seat(registered, waiting, quota);
            match seat {
                Seat::Registered => registered += 1,
                Seat::Waitlisted(_) => waiting += 1,
            }
            seats.push(seat);
        }
        assert_eq!(registered, 5);
        assert_eq!(&seats[5..], &[Seat::Waitlisted(1), Seat::Waitlisted(2), Seat::Waitlisted(3)]);
        assert_eq!(next_seat(4, 3, 5), Seat::Waitlisted(4), "a newcomer never jumps the waitlist");
    }

    #[test]
    fn registration_is_refused_after_the_deadline_the_start_or_a_cancellation() {
        let (start, deadline) = (1000, 900);
        let cases = [
            (Status::Open, 899, None),
            (Status::Open, 900, Some(Refusal::DeadlinePassed)),
            (Status::Open, 1000, Some(Refusal::Started)),
            (Status::Closed, 100, Some(Refusal::Closed)),
            (Status::Closed, 2000, Some(Refusal::Started)),
            (Status::Cancelled, 100, Some(Refusal::Cancelled)),
        ];
        for (status, now, want) in cases {
            assert_eq!(refusal(status, start, deadline, now), want, "{status:?} at {now}");
        }
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
