//! Button payloads of surveys (after the `sv:` prefix). Parsed strictly: anything
//! else is a forged or stale press. Ids are only claims; handlers check each
//! against the survey's state, the presser's response and role.

use super::model::Kind;
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

impl Payload for Btn {
    const PREFIX: &'static str = "sv";

    fn data(&self) -> String {
        match self {
            Btn::New => "new".into(),
            Btn::Manage => "mine".into(),
            Btn::ManagePage(p) => format!("mine:{p}"),
            Btn::ForMe => "me".into(),
            Btn::Kind(k) => format!("k:{}", k.code()),
            Btn::Review => "rv".into(),
            Btn::Add => "add".into(),
            Btn::Edit(i) => format!("e:{i}"),
            Btn::Remove(i) => format!("d:{i}"),
            Btn::Closing => "cl".into(),
            Btn::Days(d) => format!("days:{d}"),
            Btn::ReachKim(id) => format!("rk:{id}"),
            Btn::ReachArea(id) => format!("ra:{id}"),
            Btn::ReachTraining(id) => format!("rt:{id}"),
            Btn::Send => "send".into(),
            Btn::Start(id) => format!("s:{id}"),
            Btn::Later(id) => format!("l:{id}"),
            Btn::Pause(id) => format!("p:{id}"),
            Btn::Answer(id, q, v) => format!("a:{id}:{q}:{v}"),
            Btn::Card(id) => format!("c:{id}"),
            Btn::Results(id) => format!("r:{id}"),
            Btn::Close(id) => format!("x:{id}"),
            Btn::CloseYes(id) => format!("xy:{id}"),
            Btn::Recall(id) => format!("w:{id}"),
            Btn::RecallYes(id) => format!("wy:{id}"),
            Btn::Back => "bk".into(),
            Btn::KeepDraft => "dk".into(),
            Btn::DropDraft => "dd".into(),
            Btn::ResumeDraft => "dr".into(),
            Btn::FreshDraft => "df".into(),
        }
    }

    fn parse(data: &str) -> Option<Btn> {
        let parts: Vec<&str> = data.split(':').collect();
        let id = |i: usize| parts.get(i).and_then(|s| positive(s));
        let small = |i: usize| parts.get(i).and_then(|s| s.parse::<u8>().ok()).filter(|n| s_digits(parts[i]) && *n < 100);
        Some(match (parts[0], parts.len()) {
            ("new", 1) => Btn::New,
            ("mine", 1) => Btn::Manage,
            ("mine", 2) => Btn::ManagePage(s_digits(parts[1]).then(|| parts[1].parse().ok()).flatten()?),
            ("me", 1) => Btn::ForMe,
            ("k", 2) => Btn::Kind(Kind::parse(parts[1])?),
            ("rv", 1) => Btn::Review,
            ("add", 1) => Btn::Add,
            ("e", 2) => Btn::Edit(small(1)?),
            ("d", 2) => Btn::Remove(small(1)?),
            ("cl", 1) => Btn::Closing,
            ("days", 2) => Btn::Days(small(1).filter(|d| (1..=90).contains(d))?),
            ("rk", 2) => Btn::ReachKim(id(1)?),
            ("ra", 2) => Btn::ReachArea(id(1)?),
            ("rt", 2) => Btn::ReachTraining(id(1)?),
            ("send", 1) => Btn::Send,
            ("s", 2) => Btn::Start(id(1)?),
            ("l", 2) => Btn::Later(id(1)?),
            ("p", 2) => Btn::Pause(id(1)?),
            ("a", 4) => Btn::Answer(id(1)?, id(2)?, parts[3].parse().ok().filter(|v| s_digits(parts[3]) && *v < 100)?),
            ("c", 2) => Btn::Card(id(1)?),
            ("r", 2) => Btn::Results(id(1)?),
            ("x", 2) => Btn::Close(id(1)?),
            ("xy", 2) => Btn::CloseYes(id(1)?),
            ("w", 2) => Btn::Recall(id(1)?),
            ("wy", 2) => Btn::RecallYes(id(1)?),
            ("bk", 1) => Btn::Back,
            ("dk", 1) => Btn::KeepDraft,
            ("dd", 1) => Btn::DropDraft,
            ("dr", 1) => Btn::ResumeDraft,
            ("df", 1) => Btn::FreshDraft,
            _ => return None,
        })
    }
}

fn s_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// A positive decimal id, digits only.
fn positive(s: &str) -> Option<i64> {
    s_digits(s).then(|| s.parse().ok()).flatten().filter(|n: &i64| *n > 0)
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
