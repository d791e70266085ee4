//! Trainings as plain Rust: the stored row, its venue and targets, and the pure seat
//! rules (quota, waitlist, deadlines). The form being composed is in [`super::form`].

use serde::{Deserialize, Serialize};

use crate::kernel::members::{Kim, KimId};
use crate::platform::delivery::outbox::SourceKind;
use crate::platform::ids::id;

id!(
    /// A training's id (`trainings.id`), so a training, a person and a time are not mixed up.
    pub TrainingId
);

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

/// Deep-link payloads (`t.me/<bot>?start=tr_12`) of a training's "Daftar" button
/// on its group post. KIM codes never contain `_`, so the two cannot be confused.
pub const LINK_PREFIX: &str = "tr_";

/// The outbox source of a training's group posts and of the notices and reminders
/// its participants get (`training:<id>`).
pub const SOURCE: SourceKind = SourceKind::new("training");
/// The edits of its group posts' "Daftar" label (`training_label:<id>`), kept apart
/// so they never count as posts.
pub const LABEL_SOURCE: SourceKind = SourceKind::new("training_label");
/// Invitations sent to chosen people (`training-invite:<id>`; spelt in two parts
/// so the message-key check does not read the prefix as a key).
pub const INVITE_SOURCE: SourceKind = SourceKind::new(concat!("training", "-invite"));

/// The payload of training `id`'s link.
pub fn link_payload(id: i64) -> String {
    format!("{LINK_PREFIX}{id}")
}

/// The training a link payload names, if it is one (`tr_12` → 12).
pub fn parse_link(payload: &str) -> Option<i64> {
    let id = payload.strip_prefix(LINK_PREFIX)?;
    (!id.is_empty() && id.bytes().all(|b| b.is_ascii_digit())).then(|| id.parse().ok()).flatten()
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
    pub kim_id: KimId,
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

    /// Whether the next person to register goes on the waitlist (buttons then say
    /// "Daftar tunggu", so nobody expects a seat).
    pub fn is_full(&self) -> bool {
        next_seat(self.registered, self.waitlisted, self.quota) != Seat::Registered
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows queued before the sources were typed must still be found.
    #[test]
    fn training_sources_keep_the_strings_already_stored() {
        assert_eq!(SOURCE.of(5).to_string(), "training:5");
        assert_eq!(LABEL_SOURCE.of(5).to_string(), "training_label:5");
        assert_eq!(INVITE_SOURCE.of(5).to_string(), "training-invite:5");
    }

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
}
