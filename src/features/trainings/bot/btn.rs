//! Button payloads of trainings (after the `t:` prefix). Ids in them are only
//! claims: every press is checked against the database and the presser's role.

use super::Step;
use crate::bot::feature::Payload;
use crate::features::trainings::model::Target;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Btn {
    // Composing (only valid in the matching dialogue step).
    Kim(i64),
    KimPage(i64),
    /// Use the usual organiser (Dinas Koperasi dan UMKM).
    Organiser,
    /// Registration open until the start.
    UntilStart,
    Target(Target),
    TargetsDone,
    /// Skip an optional step (map pin, poster, feedback comment).
    Skip,
    Publish,
    Edit(Step),
    Discard,
    Group(i64),
    Announce,
    NoAnnounce,
    /// Turn the "Bagikan ke WhatsApp" button of the group posts on or off.
    Share,
    // Residents.
    Page(i64),
    Register(i64),
    Withdraw(i64),
    WithdrawMine(i64),
    Rate(i64, i64),
    // Coordinators and staff.
    ManagePage(i64),
    Manage(i64),
    People(i64),
    Csv(i64),
    Attend(i64, i64),
    Mark { training: i64, registration: i64, present: bool, page: i64 },
    EditTime(i64),
    /// The move shown (new time, who is told, the deadline) is confirmed.
    MoveYes(i64),
    EditPlace(i64),
    Close(i64),
    CloseYes(i64),
    Cancel(i64),
    CancelYes(i64),
    /// After publishing: invite the matching UMKM owners to this training.
    Invite(i64),
    /// After publishing: do not invite them.
    InviteSkip(i64),
    /// "Daftar" on a private invitation.
    Join(i64),
    /// "Ya, batalkan" under the question `Withdraw`/`WithdrawMine` now asks (`mine`:
    /// asked from `/pelatihansaya`), so a double tap on "Daftar" cannot cancel.
    WithdrawYes { id: i64, mine: bool },
    /// "Tidak, tetap ikut" under that question: the seat stays.
    WithdrawKeep { id: i64, mine: bool },
}

impl Payload for Btn {
    const PREFIX: &'static str = "t";

    fn data(&self) -> String {
        match self {
            Btn::Kim(id) => format!("k:{id}"),
            Btn::KimPage(p) => format!("kp:{p}"),
            Btn::Organiser => "o".into(),
            Btn::UntilStart => "us".into(),
            Btn::Target(t) => format!("tg:{}", t.code()),
            Btn::TargetsDone => "td".into(),
            Btn::Skip => "sk".into(),
            Btn::Publish => "pub".into(),
            Btn::Edit(step) => format!("e:{}", step.code()),
            Btn::Discard => "x".into(),
            Btn::Group(chat) => format!("g:{chat}"),
            Btn::Announce => "ga".into(),
            Btn::NoAnnounce => "gn".into(),
            Btn::Share => "gw".into(),
            Btn::Page(p) => format!("b:{p}"),
            Btn::Register(id) => format!("r:{id}"),
            Btn::Withdraw(id) => format!("w:{id}"),
            Btn::WithdrawMine(id) => format!("wm:{id}"),
            Btn::Rate(id, n) => format!("f:{id}:{n}"),
            Btn::ManagePage(p) => format!("mp:{p}"),
            Btn::Manage(id) => format!("m:{id}"),
            Btn::People(id) => format!("p:{id}"),
            Btn::Csv(id) => format!("csv:{id}"),
            Btn::Attend(id, page) => format!("at:{id}:{page}"),
            Btn::Mark { training, registration, present, page } => {
                format!("h:{training}:{registration}:{}:{page}", u8::from(*present))
            }
            Btn::EditTime(id) => format!("et:{id}"),
            Btn::MoveYes(id) => format!("mvy:{id}"),
            Btn::EditPlace(id) => format!("ep:{id}"),
            Btn::Close(id) => format!("cl:{id}"),
            Btn::CloseYes(id) => format!("cly:{id}"),
            Btn::Cancel(id) => format!("cx:{id}"),
            Btn::CancelYes(id) => format!("cxy:{id}"),
            Btn::Invite(id) => format!("iv:{id}"),
            Btn::InviteSkip(id) => format!("ivn:{id}"),
            Btn::Join(id) => format!("j:{id}"),
            Btn::WithdrawYes { id, mine } => format!("wy:{id}:{}", u8::from(*mine)),
            Btn::WithdrawKeep { id, mine } => format!("wk:{id}:{}", u8::from(*mine)),
        }
    }

    fn parse(data: &str) -> Option<Self> {
        let parts: Vec<&str> = data.split(':').collect();
        let id = |i: usize| parts.get(i).and_then(|s| parse_id(s));
        let btn = match (parts[0], parts.len()) {
            ("k", 2) => Btn::Kim(id(1)?),
            ("kp", 2) => Btn::KimPage(id(1)?),
            ("o", 1) => Btn::Organiser,
            ("us", 1) => Btn::UntilStart,
            ("tg", 2) => Btn::Target(Target::parse(parts[1])?),
            ("td", 1) => Btn::TargetsDone,
            ("sk", 1) => Btn::Skip,
            ("pub", 1) => Btn::Publish,
            ("e", 2) => Btn::Edit(Step::parse(parts[1])?),
            ("x", 1) => Btn::Discard,
            ("g", 2) => Btn::Group(parts[1].parse().ok()?),
            ("ga", 1) => Btn::Announce,
            ("gn", 1) => Btn::NoAnnounce,
            ("gw", 1) => Btn::Share,
            ("b", 2) => Btn::Page(id(1)?),
            ("r", 2) => Btn::Register(id(1)?),
            ("w", 2) => Btn::Withdraw(id(1)?),
            ("wm", 2) => Btn::WithdrawMine(id(1)?),
            ("f", 3) => Btn::Rate(id(1)?, id(2).filter(|n| (1..=5).contains(n))?),
            ("mp", 2) => Btn::ManagePage(id(1)?),
            ("m", 2) => Btn::Manage(id(1)?),
            ("p", 2) => Btn::People(id(1)?),
            ("csv", 2) => Btn::Csv(id(1)?),
            ("at", 3) => Btn::Attend(id(1)?, id(2)?),
            ("h", 5) => Btn::Mark {
                training: id(1)?,
                registration: id(2)?,
                present: match parts[3] {
                    "1" => true,
                    "0" => false,
                    _ => return None,
                },
                page: id(4)?,
            },
            ("et", 2) => Btn::EditTime(id(1)?),
            ("mvy", 2) => Btn::MoveYes(id(1)?),
            ("ep", 2) => Btn::EditPlace(id(1)?),
            ("cl", 2) => Btn::Close(id(1)?),
            ("cly", 2) => Btn::CloseYes(id(1)?),
            ("cx", 2) => Btn::Cancel(id(1)?),
            ("cxy", 2) => Btn::CancelYes(id(1)?),
            ("iv", 2) => Btn::Invite(id(1)?),
            ("ivn", 2) => Btn::InviteSkip(id(1)?),
            ("j", 2) => Btn::Join(id(1)?),
            ("wy", 3) => Btn::WithdrawYes { id: id(1)?, mine: flag(parts[2])? },
            ("wk", 3) => Btn::WithdrawKeep { id: id(1)?, mine: flag(parts[2])? },
            _ => return None,
        };
        Some(btn)
    }
}

/// `0` or `1`, nothing else.
fn flag(s: &str) -> Option<bool> {
    match s {
        "1" => Some(true),
        "0" => Some(false),
        _ => None,
    }
}

/// Ids and pages are non-negative decimal numbers without signs or spaces.
fn parse_id(s: &str) -> Option<i64> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    
    #[test]
    fn payloads_round_trip_and_fit_telegrams_limit_with_the_prefix() {
        let big = i64::MAX;
        let all = [
            Btn::Kim(big),
            Btn::KimPage(3),
            Btn::Organiser,
            Btn::UntilStart,
            Btn::Target(Target::Qris),
            Btn::TargetsDone,
            Btn::Skip,
            Btn::Publish,
            Btn::Edit(Step::Start),
            Btn::Discard,
            Btn::Group(-1_001_234_567_890),
            Btn::Announce,
            Btn::NoAnnounce,
            Btn::Share,
            Btn::Page(2),
            Btn::Register(big),
            Btn::Withdraw(big),
            Btn::WithdrawMine(big),
            Btn::Rate(big, 5),
            Btn::ManagePage(1),
            Btn::Manage(big),
            Btn::People(big),
            Btn::Csv(big),
            Btn::Attend(big, 99),
            Btn::Mark { training: big, registration: big, present: true, page: 12 },
            Btn::EditTime(big),
            Btn::MoveYes(big),
            Btn::EditPlace(big),
            Btn::Close(big),
            Btn::CloseYes(big),
            Btn::Cancel(big),
            Btn::CancelYes(big),
            Btn::Invite(big),
            Btn::InviteSkip(big),
            Btn::Join(big),
            Btn::WithdrawYes { id: big, mine: true },
            Btn::WithdrawKeep { id: big, mine: false },
        ];
        crate::bot::feature::assert_round_trip(&all);
        // Today's wire strings: buttons already sent in chats must keep parsing.
        crate::platform::buttons::assert_wire(&all, &["t:k:9223372036854775807", "t:kp:3", "t:o", "t:us", "t:tg:qris", "t:td", "t:sk", "t:pub", "t:e:st", "t:x", "t:g:-1001234567890", "t:ga", "t:gn", "t:gw", "t:b:2", "t:r:9223372036854775807", "t:w:9223372036854775807", "t:wm:9223372036854775807", "t:f:9223372036854775807:5", "t:mp:1", "t:m:9223372036854775807", "t:p:9223372036854775807", "t:csv:9223372036854775807", "t:at:9223372036854775807:99", "t:h:9223372036854775807:9223372036854775807:1:12", "t:et:9223372036854775807", "t:mvy:9223372036854775807", "t:ep:9223372036854775807", "t:cl:9223372036854775807", "t:cly:9223372036854775807", "t:cx:9223372036854775807", "t:cxy:9223372036854775807", "t:iv:9223372036854775807", "t:ivn:9223372036854775807", "t:j:9223372036854775807", "t:wy:9223372036854775807:1", "t:wk:9223372036854775807:0"]);
    }

    #[test]
    fn forged_payloads_do_not_parse() {
        for data in ["", "r", "r:", "r:-1", "r:1:2", "r: 1", "r:+1", "f:1:6", "f:1:0", "h:1:2:2:0", "tg:nuklir", "e:zz", "zz:1", "pub:1", "iv:", "j:-1", "ivn:1:2", "wy:1", "wy:1:2", "wk:-1:0"] {
            assert_eq!(Btn::parse(data), None, "{data}");
        }
    }
}
