//! Button payloads of programmes (after the `pr:` prefix). Outside `bot/` because the
//! announcement to owners and the notices are built by domain code too. Ids in them
//! are only claims: every press is checked against the database and the presser.

use crate::platform::buttons::{Field, Text, payload_codec};
#[cfg(test)]
use crate::platform::buttons::Payload;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Btn {
    // Composing (only valid in the matching step of the author's dialogue).
    Organiser(i64),
    Kind(String),
    Sector(String),
    SectorsDone,
    Scale(String),
    ScalesDone,
    Nib(bool),
    Group(i64),
    Window(i64),
    Selection(String),
    FollowUp(i64),
    /// Compose: the next question for applicants is of this surveys' kind.
    QuestionKind(String),
    Skip,
    Publish,
    Discard,
    // Residents.
    /// The programme's card (from `/program` or an announcement).
    View(i64),
    Apply(i64),
    Submit(i64),
    Withdraw(i64),
    WithdrawYes(i64),
    /// A member confirms their consent to join group application `id`.
    JoinYes(i64),
    /// Applying to programme `id`: question `index` (0-based) answered with this
    /// option index or scale value.
    Answer(i64, i64, i64),
    // Selection in chat.
    Manage(i64),
    ManagePage(i64, i64),
    Decide(i64, char),
}

/// A decision on an application: `a`ccept, `w`ait-list or `r`eject.
pub struct Decision;

impl Field for Decision {
    type Value = char;
    fn to_wire(value: &char) -> String {
        value.to_string()
    }
    fn from_wire(part: &str) -> Option<char> {
        let mut chars = part.chars();
        let decision = chars.next().filter(|c| matches!(c, 'a' | 'w' | 'r'))?;
        chars.next().is_none().then_some(decision)
    }
}

payload_codec! {
    Btn = "pr";
    Organiser(id: i64) = "or",
    Kind(kind: Text) = "k",
    Sector(sector: Text) = "s",
    SectorsDone = "sd",
    Scale(scale: Text) = "c",
    ScalesDone = "cd",
    Nib(yes: bool) = "n",
    Group(n: i64) = "g",
    Window(days: i64) = "w",
    Selection(selection: Text) = "se",
    FollowUp(days: i64) = "f",
    QuestionKind(kind: Text) = "qk",
    Skip = "sk",
    Publish = "pub",
    Discard = "x",
    View(id: i64) = "v",
    Apply(id: i64) = "a",
    Submit(id: i64) = "su",
    Withdraw(id: i64) = "wd",
    WithdrawYes(id: i64) = "wy",
    JoinYes(id: i64) = "jy",
    Manage(id: i64) = "m",
    ManagePage(id: i64, page: i64) = "mp",
    Decide(id: i64, decision: Decision) = "d",
    Answer(id: i64, question: i64, value: i64) = "an",
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_button_survives_the_wire() {
        let all = [
            Btn::Organiser(3),
            Btn::Kind("modal".into()),
            Btn::Sector("kuliner".into()),
            Btn::SectorsDone,
            Btn::Scale("mikro".into()),
            Btn::ScalesDone,
            Btn::Nib(true),
            Btn::Nib(false),
            Btn::Group(5),
            Btn::Window(14),
            Btn::Selection("first_come".into()),
            Btn::FollowUp(90),
            Btn::Skip,
            Btn::Publish,
            Btn::Discard,
            Btn::View(1),
            Btn::Apply(1),
            Btn::Submit(1),
            Btn::Withdraw(9),
            Btn::WithdrawYes(9),
            Btn::JoinYes(4),
            Btn::Manage(2),
            Btn::ManagePage(2, 3),
            Btn::Decide(7, 'a'),
            Btn::Decide(7, 'r'),
        ];
        crate::platform::buttons::assert_round_trip(&all);
        // Today's wire strings: buttons already sent in chats must keep parsing.
        crate::platform::buttons::assert_wire(&all, &["pr:or:3", "pr:k:modal", "pr:s:kuliner", "pr:sd", "pr:c:mikro", "pr:cd", "pr:n:1", "pr:n:0", "pr:g:5", "pr:w:14", "pr:se:first_come", "pr:f:90", "pr:sk", "pr:pub", "pr:x", "pr:v:1", "pr:a:1", "pr:su:1", "pr:wd:9", "pr:wy:9", "pr:jy:4", "pr:m:2", "pr:mp:2:3", "pr:d:7:a", "pr:d:7:r"]);
        assert_eq!(Btn::parse("d:7:z"), None);
        assert_eq!(Btn::parse("a:x"), None);
        assert_eq!(Btn::parse("an:1:2"), None);
        assert_eq!(Btn::parse("an:1:2:3:4"), None);
        let answers = [Btn::QuestionKind("choice".into()), Btn::Answer(4, 1, 2)];
        crate::platform::buttons::assert_round_trip(&answers);
        crate::platform::buttons::assert_wire(&answers, &["pr:qk:choice", "pr:an:4:1:2"]);
    }
}
