//! Button payloads of trainings (after the `t:` prefix). Ids in them are only
//! claims: every press is checked against the database and the presser's role.

use super::Step;
use crate::platform::buttons::{ChatId, InRange, code_field, payload_codec};
#[cfg(test)]
use crate::platform::buttons::Payload;
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

code_field!(Target, code, Target::parse);
code_field!(Step, code, Step::parse);

payload_codec! {
    Btn = "t";
    Kim(id: i64) = "k",
    KimPage(page: i64) = "kp",
    Organiser = "o",
    UntilStart = "us",
    Target(target: Target) = "tg",
    TargetsDone = "td",
    Skip = "sk",
    Publish = "pub",
    Edit(step: Step) = "e",
    Discard = "x",
    Group(chat: ChatId) = "g",
    Announce = "ga",
    NoAnnounce = "gn",
    Share = "gw",
    Page(page: i64) = "b",
    Register(id: i64) = "r",
    Withdraw(id: i64) = "w",
    WithdrawMine(id: i64) = "wm",
    Rate(id: i64, score: InRange<1, 5>) = "f",
    ManagePage(page: i64) = "mp",
    Manage(id: i64) = "m",
    People(id: i64) = "p",
    Csv(id: i64) = "csv",
    Attend(id: i64, page: i64) = "at",
    Mark { training: i64, registration: i64, present: bool, page: i64 } = "h",
    EditTime(id: i64) = "et",
    MoveYes(id: i64) = "mvy",
    EditPlace(id: i64) = "ep",
    Close(id: i64) = "cl",
    CloseYes(id: i64) = "cly",
    Cancel(id: i64) = "cx",
    CancelYes(id: i64) = "cxy",
    Invite(id: i64) = "iv",
    InviteSkip(id: i64) = "ivn",
    Join(id: i64) = "j",
    WithdrawYes { id: i64, mine: bool } = "wy",
    WithdrawKeep { id: i64, mine: bool } = "wk",
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
