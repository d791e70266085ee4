//! Button payloads of announcements (sent after their `n:` prefix). Parsed
//! strictly; ids in them are only claims, checked against the presser's role and the
//! dialogue state before anything happens.

use crate::platform::buttons::{Below, ChatId, Choice, Positive, payload_codec};
#[cfg(test)]
use crate::platform::buttons::Payload;
use crate::features::umkm::model::{Need, Sector};



#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Btn {
    /// Content done: choose targets.
    Next,
    /// Every group of this KIM.
    AllOfKim(i64),
    /// Every group in this kecamatan or kota (staff).
    Area(i64),
    /// Registered UMKM as the target (staff): choose the area.
    Umkm,
    /// UMKM in this area: choose the sector.
    UmkmArea(i64),
    /// UMKM in this area and sector (index into `Sector::ALL`, `None` = any): choose the need.
    UmkmSector(i64, Option<u8>),
    /// UMKM in this area, sector and need (index into `Need::ALL`, `None` = any): done.
    UmkmNeed(i64, Option<u8>, Option<u8>),
    /// Show the group checklist.
    Pick,
    /// Tick or untick a group (chat id) in the checklist.
    Toggle(i64),
    /// Checklist done.
    Picked,
    SendNow,
    /// Ask for a date and time.
    AskAt,
    /// Show the repeat presets.
    AskRepeat,
    /// A repeat preset (index into the presets).
    Preset(u8),
    /// Type a cron expression.
    TypeCron,
    /// Save the schedule shown.
    Confirm,
    /// Yes, next year's date is meant.
    NextYear,
    /// Back to the preview's choices.
    Back,
    /// Choose targets again.
    Retarget,
    /// Write the content again.
    Rewrite,
    /// Show (or refresh) the delivery report of run `n` of an announcement.
    Report(i64, i64),
    /// Ask whether to recall run `n`.
    Recall(i64, i64),
    /// Recall confirmed.
    RecallYes(i64, i64),
    /// `/jadwal`: cancel (asks first), pause, resume.
    Cancel(i64),
    /// Cancel confirmed.
    CancelYes(i64),
    /// Back to the `/jadwal` list.
    Jadwal,
    /// A page of the history of runs that went out.
    History(u32),
    /// Run `n`'s report as a new message (from the history).
    OpenReport(i64, i64),
    Pause(i64),
    Resume(i64),
    /// Turn the "Bagikan ke WhatsApp" button of the draft on or off.
    Share,
}

/// Indexes into `Sector::ALL` / `Need::ALL`, `x` for "any".
type SectorChoice = Choice<'x', { Sector::ALL.len() }>;
type NeedChoice = Choice<'x', { Need::ALL.len() }>;

payload_codec! {
    Btn = "n";
    Next = "go",
    AllOfKim(id: Positive) = "k",
    Area(id: Positive) = "a",
    Umkm = "u",
    UmkmArea(id: Positive) = "ua",
    UmkmSector(id: Positive, sector: SectorChoice) = "us",
    UmkmNeed(id: Positive, sector: SectorChoice, need: NeedChoice) = "un",
    Pick = "p",
    Toggle(chat: ChatId) = "t",
    Picked = "d",
    SendNow = "s",
    AskAt = "w",
    AskRepeat = "r",
    Preset(n: Below<{ super::bot::plan::PRESETS.len() }>) = "r",
    TypeCron = "c",
    Confirm = "y",
    NextYear = "ny",
    Back = "b",
    Retarget = "e",
    Rewrite = "i",
    Report(id: Positive, n: Positive) = "rp",
    Recall(id: Positive, n: Positive) = "rc",
    RecallYes(id: Positive, n: Positive) = "ry",
    Cancel(id: Positive) = "jc",
    CancelYes(id: Positive) = "jy",
    Jadwal = "jl",
    History(page: u32) = "jh",
    OpenReport(id: Positive, n: Positive) = "ro",
    Pause(id: Positive) = "jp",
    Resume(id: Positive) = "jr",
    Share = "wa",
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payloads_round_trip_and_fit_telegrams_limit() {
        let all = [
            Btn::Next,
            Btn::AllOfKim(12),
            Btn::Area(3),
            Btn::Pick,
            Btn::Umkm,
            Btn::UmkmArea(i64::MAX),
            Btn::UmkmSector(i64::MAX, None),
            Btn::UmkmSector(3, Some(6)),
            Btn::UmkmNeed(i64::MAX, Some(6), Some(6)),
            Btn::UmkmNeed(3, None, None),
            Btn::Toggle(-1_001_234_567_890),
            Btn::Toggle(i64::MIN),
            Btn::Picked,
            Btn::SendNow,
            Btn::AskAt,
            Btn::AskRepeat,
            Btn::Preset(2),
            Btn::TypeCron,
            Btn::Confirm,
            Btn::NextYear,
            Btn::Back,
            Btn::Retarget,
            Btn::Rewrite,
            Btn::Report(i64::MAX, i64::MAX),
            Btn::Recall(1, 2),
            Btn::RecallYes(i64::MAX, i64::MAX),
            Btn::Cancel(5),
            Btn::CancelYes(i64::MAX),
            Btn::Jadwal,
            Btn::History(0),
            Btn::History(u32::MAX),
            Btn::OpenReport(i64::MAX, i64::MAX),
            Btn::Pause(5),
            Btn::Resume(i64::MAX),
            Btn::Share,
        ];
        crate::platform::buttons::assert_round_trip(&all);
        // Today's wire strings: buttons already sent in chats must keep parsing.
        crate::platform::buttons::assert_wire(&all, &["n:go", "n:k:12", "n:a:3", "n:p", "n:u", "n:ua:9223372036854775807", "n:us:9223372036854775807:x", "n:us:3:6", "n:un:9223372036854775807:6:6", "n:un:3:x:x", "n:t:-1001234567890", "n:t:-9223372036854775808", "n:d", "n:s", "n:w", "n:r", "n:r:2", "n:c", "n:y", "n:ny", "n:b", "n:e", "n:i", "n:rp:9223372036854775807:9223372036854775807", "n:rc:1:2", "n:ry:9223372036854775807:9223372036854775807", "n:jc:5", "n:jy:9223372036854775807", "n:jl", "n:jh:0", "n:jh:4294967295", "n:ro:9223372036854775807:9223372036854775807", "n:jp:5", "n:jr:9223372036854775807", "n:wa"]);
    }

    #[test]
    fn forged_payloads_do_not_parse() {
        for data in ["", "go:1", "k", "k:-1", "k:x", "t:", "r:9", "r:-1", "rp:1", "rp:0:1", "jc:1:2", "jy:0", "jy", "jl:1", "jh", "jh:-1", "jh:99999999999", "ro:1", "ro:0:1", "wa:1", "zz", "s:1", "ua:0", "us:1:7", "us:1:-1", "un:1:x:7", "un:1:x", "u:1"] {
            assert_eq!(Btn::parse(data), None, "{data}");
        }
    }
}
