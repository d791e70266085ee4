//! What an announcement is (content, targets, schedule, status) and the rules on it:
//! who may announce and see it, when a run counts as late, how long a caption may be.

use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use teloxide::types::{MessageEntity, MessageEntityKind};

use crate::kernel::audience::cron::CronExpr;
pub use crate::kernel::audience::{Target, UmkmFilter, can_announce, common_path};
use crate::kernel::members::{Actor, KimId, UserId, covers};
use crate::kernel::members::topics::TopicKind;
use crate::platform::delivery::outbox::SourceKind;
use crate::platform::ids::id;

id!(
    /// An announcement's id (`announcements.id`), so it is not mixed up with a run
    /// number, a person or a time.
    pub AnnouncementId
);

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
    pub author_id: UserId,
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

/// The outbox source of an announcement's messages: a run's group posts
/// (`announcement:<id>:run:<n>`) and the author's "sent" notice
/// (`announcement:<id>:notice`).
pub const SOURCE: SourceKind = SourceKind::new("announcement");

impl Announcement {
    /// The kind of post it is for a forum group's topics.
    pub fn topic_kind(&self) -> &'static str {
        if self.clarification { CLARIFICATION_TOPIC.code } else { TOPIC.code }
    }

    /// The outbox `source` of one run's messages, so reports and recall find them.
    pub fn source(&self, run: i64) -> String {
        SOURCE.with(self.id, format!("run:{run}")).to_string()
    }

    /// Its author, admins, the KIM's coordinators and staff covering its area may see
    /// and manage it (report, recall, pause, cancel).
    pub fn manageable_by(&self, actor: &Actor) -> bool {
        can_announce(actor)
            && (actor.is_admin
                || self.author_id == actor.user_id
                || self.kim_id.is_some_and(|k| actor.coordinator_kims.contains(&KimId(k)))
                || actor.staff_areas.iter().any(|a| covers(a, &self.area_path)))
    }
}

pub fn is_late(due: i64, fired: i64) -> bool {
    fired - due > LATE_AFTER_SECS
}

#[cfg(test)]
mod tests {
    use super::*;

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

    /// Rows queued before the sources were typed must still be found.
    #[test]
    fn announcement_sources_keep_the_strings_already_stored() {
        assert_eq!(SOURCE.with(7, "run:2").to_string(), "announcement:7:run:2");
        assert_eq!(SOURCE.with(7, "notice").to_string(), "announcement:7:notice");
    }

    #[test]
    fn late_means_more_than_five_minutes_after_due() {
        assert!(!is_late(1000, 1000 + LATE_AFTER_SECS));
        assert!(is_late(1000, 1001 + LATE_AFTER_SECS));
    }
}
