//! Button payloads of surveys (after the `sv:` prefix). Parsed strictly: anything
//! else is a forged or stale press. Ids are only claims; handlers check each
//! against the survey's state, the presser's response and role.

use super::model::Kind;
use crate::platform::buttons::{Below, InRange, Positive, U8In, code_field, payload_codec};
#[cfg(test)]
use crate::platform::buttons::Payload;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Btn {
    /// `/survei` menu (coordinators and staff): write a new survey.
    New,
    /// `/survei` menu: the surveys I may manage.
    Manage,
    /// That list's page (from 0).
    ManagePage(i64),
    /// `/survei` menu: the surveys open for me to answer.
    ForMe,
    /// Compose: the next question is of this kind.
    Kind(Kind),
    /// Compose: show the review.
    Review,
    /// Compose: add a question from the review.
    Add,
    /// Compose: rewrite question `i` (0-based).
    Edit(u8),
    /// Compose: remove question `i`.
    Remove(u8),
    /// Compose: go on to the closing time.
    Closing,
    /// Compose: close after this many days.
    Days(u8),
    /// Compose: reach one KIM.
    ReachKim(i64),
    /// Compose: reach a kecamatan or kota.
    ReachArea(i64),
    /// Compose: reach a training's registered participants (its feedback form).
    ReachTraining(i64),
    /// Compose: send it.
    Send,
    /// Resident: start or resume survey `id`.
    Start(i64),
    /// Resident: not now.
    Later(i64),
    /// Resident: pause (answers so far are kept).
    Pause(i64),
    /// Resident: on survey `id`, question `qid`, this option index or scale value.
    Answer(i64, i64, i64),
    /// Author and staff: a survey's card.
    Card(i64),
    /// Author and staff: the results in chat.
    Results(i64),
    /// Author and staff: close early (asks first), then confirmed.
    Close(i64),
    CloseYes(i64),
    /// Author and staff: recall (asks first), then confirmed.
    Recall(i64),
    RecallYes(i64),
    /// Compose: back from a choice question's options to its kind (and text).
    Back,
    /// `/batal` in the builder: keep the draft for later, or throw it away.
    KeepDraft,
    DropDraft,
    /// "Buat survei baru" with a kept draft: go on with it, or start afresh.
    ResumeDraft,
    FreshDraft,
}

code_field!(Kind, code, Kind::parse);

payload_codec! {
    Btn = "sv";
    New = "new",
    Manage = "mine",
    ManagePage(page: i64) = "mine",
    ForMe = "me",
    Kind(kind: Kind) = "k",
    Review = "rv",
    Add = "add",
    Edit(i: Below<100>) = "e",
    Remove(i: Below<100>) = "d",
    Closing = "cl",
    Days(days: U8In<1, 90>) = "days",
    ReachKim(id: Positive) = "rk",
    ReachArea(id: Positive) = "ra",
    ReachTraining(id: Positive) = "rt",
    Send = "send",
    Start(id: Positive) = "s",
    Later(id: Positive) = "l",
    Pause(id: Positive) = "p",
    Answer(id: Positive, question: Positive, value: InRange<0, 99>) = "a",
    Card(id: Positive) = "c",
    Results(id: Positive) = "r",
    Close(id: Positive) = "x",
    CloseYes(id: Positive) = "xy",
    Recall(id: Positive) = "w",
    RecallYes(id: Positive) = "wy",
    Back = "bk",
    KeepDraft = "dk",
    DropDraft = "dd",
    ResumeDraft = "dr",
    FreshDraft = "df",
}



#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payloads_round_trip_and_forgeries_do_not_parse() {
        let all = [
            Btn::New,
            Btn::Manage,
            Btn::ManagePage(0),
            Btn::ManagePage(i64::MAX),
            Btn::ForMe,
            Btn::Kind(Kind::Scale),
            Btn::Review,
            Btn::Add,
            Btn::Edit(9),
            Btn::Remove(0),
            Btn::Closing,
            Btn::Days(14),
            Btn::ReachKim(i64::MAX),
            Btn::ReachArea(3),
            Btn::ReachTraining(4),
            Btn::Send,
            Btn::Start(i64::MAX),
            Btn::Later(1),
            Btn::Pause(2),
            Btn::Answer(i64::MAX, i64::MAX, 9),
            Btn::Card(5),
            Btn::Results(5),
            Btn::Close(5),
            Btn::CloseYes(5),
            Btn::Recall(5),
            Btn::RecallYes(5),
            Btn::Back,
            Btn::KeepDraft,
            Btn::DropDraft,
            Btn::ResumeDraft,
            Btn::FreshDraft,
        ];
        crate::platform::buttons::assert_round_trip(&all);
        // Today's wire strings: buttons already sent in chats must keep parsing.
        crate::platform::buttons::assert_wire(&all, &["sv:new", "sv:mine", "sv:mine:0", "sv:mine:9223372036854775807", "sv:me", "sv:k:scale", "sv:rv", "sv:add", "sv:e:9", "sv:d:0", "sv:cl", "sv:days:14", "sv:rk:9223372036854775807", "sv:ra:3", "sv:rt:4", "sv:send", "sv:s:9223372036854775807", "sv:l:1", "sv:p:2", "sv:a:9223372036854775807:9223372036854775807:9", "sv:c:5", "sv:r:5", "sv:x:5", "sv:xy:5", "sv:w:5", "sv:wy:5", "sv:bk", "sv:dk", "sv:dd", "sv:dr", "sv:df"]);
        for bad in ["", "k:x", "e:-1", "e:+1", "days:0", "days:91", "s:0", "s:-3", "a:1:2", "a:1:2:-1", "a:1:2:x", "a:1:2:100", "new:1", "x:1:2", "rt:0", "mine:-1", "mine:+1", "mine:", "mine:1:2", "mine:9223372036854775808", "bk:1"] {
            assert_eq!(Btn::parse(bad), None, "{bad}");
        }
    }
}
