//! What an announcement is (content, targets, schedule, status) and the rules on it:
//! who may announce and see it, when a run counts as late, how long a caption may be.

use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use teloxide::types::{MessageEntity, MessageEntityKind};

use super::cron::CronExpr;
use crate::kernel::members::{Actor, covers};
use crate::kernel::members::permissions::{Action, may};
use crate::features::umkm::model::{Need, Sector};
use crate::kernel::members::topics::TopicKind;

/// Telegram's caption limit; longer text follows the media as its own message.
pub const CAPTION_MAX: usize = 1024;
/// Telegram's text limit.
pub const TEXT_MAX: usize = 4096;
/// A run fired this long after it was due went out late (the bot was down): it is
/// flagged in `/jadwal` and the report.
pub const LATE_AFTER_SECS: i64 = 300;
/// Telegram lets a bot delete its messages in groups only this long after sending.
pub const RECALL_WINDOW_SECS: i64 = 48 * 3600;

/// An attached file, by Telegram file_id (the file itself stays on Telegram).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Media {
    Photo(String),
    Document(String),
}

impl Media {
    pub fn kind(&self) -> &'static str {
        match self {
            Media::Photo(_) => "photo",
            Media::Document(_) => "document",
        }
    }
    pub fn file_id(&self) -> &str {
        match self {
            Media::Photo(id) | Media::Document(id) => id,
        }
    }
    pub fn from_parts(kind: Option<&str>, file_id: Option<String>) -> Option<Media> {
        match (kind, file_id) {
            (Some("photo"), Some(id)) => Some(Media::Photo(id)),
            (Some("document"), Some(id)) => Some(Media::Document(id)),
            _ => None,
        }
    }
}

/// The text with its formatting (Telegram entities: offsets in UTF-16 units), and an
/// optional photo or document.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Content {
    pub text: String,
    #[serde(default)]
    pub entities: Vec<MessageEntity>,
    #[serde(default)]
    pub media: Option<Media>,
}

impl Content {
    /// Keeps only formatting the author chose (bold, italic, links …); links,
    /// mentions and hashtags typed as plain text are found again by Telegram.
    pub fn formatting(entities: &[MessageEntity]) -> Vec<MessageEntity> {
        use MessageEntityKind as K;
        entities
            .iter()
            .filter(|e| {
                matches!(
                    e.kind,
                    K::Bold
                        | K::Italic
                        | K::Underline
                        | K::Strikethrough
                        | K::Spoiler
                        | K::Code
                        | K::Pre { .. }
                        | K::TextLink { .. }
                        | K::TextMention { .. }
                        | K::Blockquote
                        | K::ExpandableBlockquote
                )
            })
            .cloned()
            .collect()
    }

    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty() && self.media.is_none()
    }

    /// Length as Telegram counts it (UTF-16 code units).
    pub fn text_len(&self) -> usize {
        self.text.encode_utf16().count()
    }

    /// Whether the text can ride along as the media's caption.
    pub fn fits_caption(&self) -> bool {
        self.text_len() <= CAPTION_MAX
    }

    /// The first `max` characters on one line, for lists.
    pub fn snippet(&self, max: usize) -> String {
        let flat = self.text.split_whitespace().collect::<Vec<_>>().join(" ");
        match flat.char_indices().nth(max) {
            Some((cut, _)) => format!("{}…", &flat[..cut]),
            None => flat,
        }
    }
}

/// Whom an announcement is for. Resolved to active linked groups each time it fires,
/// so a group linked later is included and a group that left is not.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Target {
    /// Every group of one KIM.
    Kim(i64),
    /// Chosen groups (chat ids).
    Groups(Vec<i64>),
    /// Every group of every KIM in a kecamatan or kota (staff).
    Area(i64),
    /// Registered UMKM in an area (staff), in their private chats, optionally only
    /// one sector and one need; only owners who agreed to programme news.
    Umkm(UmkmFilter),
}

/// Which registered businesses a [`Target::Umkm`] reaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UmkmFilter {
    /// A kecamatan or kota.
    pub area: i64,
    pub sector: Option<Sector>,
    pub need: Option<Need>,
}

impl UmkmFilter {
    /// `area:sector:need`, `-` for "any".
    fn reference(&self) -> String {
        let sector = self.sector.map(Sector::code).unwrap_or("-");
        let need = self.need.map(Need::code).unwrap_or("-");
        format!("{}:{sector}:{need}", self.area)
    }

    fn parse(reference: &str) -> Option<UmkmFilter> {
        let [area, sector, need] = reference.split(':').collect::<Vec<_>>()[..] else { return None };
        Some(UmkmFilter {
            area: area.parse().ok().filter(|n| *n > 0)?,
            sector: match sector {
                "-" => None,
                code => Some(Sector::from_code(code)?),
            },
            need: match need {
                "-" => None,
                code => Some(Need::from_code(code)?),
            },
        })
    }
}

impl Target {
    pub fn kind(&self) -> &'static str {
        match self {
            Target::Kim(_) => "kim",
            Target::Groups(_) => "groups",
            Target::Area(_) => "area",
            Target::Umkm(_) => "umkm",
        }
    }

    pub fn reference(&self) -> String {
        match self {
            Target::Kim(id) | Target::Area(id) => id.to_string(),
            Target::Groups(ids) => ids.iter().map(i64::to_string).collect::<Vec<_>>().join(","),
            Target::Umkm(filter) => filter.reference(),
        }
    }

    pub fn parse(kind: &str, reference: &str) -> Option<Target> {
        match kind {
            "kim" => reference.parse().ok().map(Target::Kim),
            "area" => reference.parse().ok().map(Target::Area),
            "umkm" => UmkmFilter::parse(reference).map(Target::Umkm),
            "groups" => reference.split(',').map(|s| s.parse().ok()).collect::<Option<Vec<i64>>>().map(Target::Groups),
            _ => None,
        }
    }
}

/// When it goes out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Schedule {
    Now,
    At(i64),
    Cron(CronExpr),
}

impl Schedule {
    pub fn kind(&self) -> &'static str {
        match self {
            Schedule::Now => "now",
            Schedule::At(_) => "at",
            Schedule::Cron(_) => "cron",
        }
    }

    /// The run after the one firing at `now`; `None` for one-off sends.
    pub fn next_after(&self, now: i64, tz: Tz) -> Option<i64> {
        match self {
            Schedule::Now | Schedule::At(_) => None,
            Schedule::Cron(expr) => expr.next_after(now, tz),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Scheduled,
    Paused,
    Done,
    Cancelled,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Scheduled => "scheduled",
            Status::Paused => "paused",
            Status::Done => "done",
            Status::Cancelled => "cancelled",
        }
    }
    pub fn parse(s: &str) -> Option<Status> {
        [Status::Scheduled, Status::Paused, Status::Done, Status::Cancelled].into_iter().find(|st| st.as_str() == s)
    }
}

/// A stored announcement.
#[derive(Clone, Debug, PartialEq)]
pub struct Announcement {
    pub id: i64,
    pub author_id: i64,
    pub kim_id: Option<i64>,
    pub area_path: String,
    pub content: Content,
    pub target: Target,
    pub target_name: String,
    pub schedule: Schedule,
    pub tz: Tz,
    pub status: Status,
    pub next_run_at: Option<i64>,
    pub runs: i64,
    pub last_run_at: Option<i64>,
    pub last_late: bool,
    /// The author turned the "Bagikan ke WhatsApp" button off.
    pub share_off: bool,
    /// A cek fakta clarification: forum groups may give those a topic of their own.
    pub clarification: bool,
}

/// An announcement's kind of group post, for forum topics.
pub const TOPIC: TopicKind = TopicKind { code: "announcement", order: 10 };
/// A cek fakta clarification (an announcement started from a verdict); its code
/// stays `factcheck`, as stored and in buttons already sent.
pub const CLARIFICATION_TOPIC: TopicKind = TopicKind { code: "factcheck", order: 40 };

impl Announcement {
    /// The kind of post it is for a forum group's topics.
    pub fn topic_kind(&self) -> &'static str {
        if self.clarification { CLARIFICATION_TOPIC.code } else { TOPIC.code }
    }

    /// The outbox `source` of one run's messages, so reports and recall find them.
    pub fn source(&self, run: i64) -> String {
        format!("announcement:{}:run:{run}", self.id)
    }

    /// Its author, admins, the KIM's coordinators and staff covering its area may see
    /// and manage it (report, recall, pause, cancel).
    pub fn manageable_by(&self, actor: &Actor) -> bool {
        can_announce(actor)
            && (actor.is_admin
                || self.author_id == actor.user_id
                || self.kim_id.is_some_and(|k| actor.coordinator_kims.contains(&k))
                || actor.staff_areas.iter().any(|a| covers(a, &self.area_path)))
    }
}

/// Coordinators, staff and admins announce; residents do not.
pub fn can_announce(actor: &Actor) -> bool {
    may(actor, Action::Announce)
}

pub fn is_late(due: i64, fired: i64) -> bool {
    fired - due > LATE_AFTER_SECS
}

/// The longest common area path of several (`Kota/Kec/Kel` and `Kota/Kec/Kel2` →
/// `Kota/Kec`), the scope that covers every group of a multi-KIM pick.
pub fn common_path<'a>(paths: impl IntoIterator<Item = &'a str>) -> String {
    let mut iter = paths.into_iter();
    let Some(first) = iter.next() else { return String::new() };
    let mut common: Vec<&str> = first.split('/').collect();
    for path in iter {
        let same = common.iter().zip(path.split('/')).take_while(|(a, b)| *a == b).count();
        common.truncate(same);
    }
    common.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_round_trip_through_their_stored_form() {
        for target in [Target::Kim(3), Target::Area(9), Target::Groups(vec![-100_123, -5])] {
            assert_eq!(Target::parse(target.kind(), &target.reference()), Some(target.clone()));
        }
        assert_eq!(Target::parse("groups", "-1,x"), None);
        assert_eq!(Target::parse("umkm", "1"), None);
        let umkm = Target::Umkm(UmkmFilter { area: 4, sector: Some(Sector::Kuliner), need: None });
        assert_eq!(umkm.reference(), "4:kuliner:-");
        assert_eq!(Target::parse("umkm", &umkm.reference()), Some(umkm));
        let any = Target::Umkm(UmkmFilter { area: 4, sector: None, need: Some(Need::Qris) });
        assert_eq!(Target::parse("umkm", &any.reference()), Some(any));
        for forged in ["0:-:-", "4:kapal:-", "4:-:uang", "4:-", "x:-:-"] {
            assert_eq!(Target::parse("umkm", forged), None, "{forged}");
        }
    }

    #[test]
    fn captions_count_utf16_units_and_snippets_cut_on_characters() {
        let emoji = Content { text: "📢".repeat(512), ..Default::default() };
        assert_eq!(emoji.text_len(), 1024);
        assert!(emoji.fits_caption());
        let long = Content { text: "a".repeat(1025), ..Default::default() };
        assert!(!long.fits_caption());
        let text = Content { text: "Kerja   bakti\nMinggu pagi".into(), ..Default::default() };
        assert_eq!(text.snippet(11), "Kerja bakti…");
        assert_eq!(text.snippet(100), "Kerja bakti Minggu pagi");
    }

    #[test]
    fn late_means_more_than_five_minutes_after_due() {
        assert!(!is_late(1000, 1000 + LATE_AFTER_SECS));
        assert!(is_late(1000, 1001 + LATE_AFTER_SECS));
    }

    #[test]
    fn common_paths_stop_where_paths_differ() {
        assert_eq!(common_path(["K/A/X", "K/A/Y"]), "K/A");
        assert_eq!(common_path(["K/A/X"]), "K/A/X");
        assert_eq!(common_path(["K/A/X", "K/B/X"]), "K");
    }
}
