//! Button payloads of programmes (after the `pr:` prefix). Outside `bot/` because the
//! announcement to owners and the notices are built by domain code too. Ids in them
//! are only claims: every press is checked against the database and the presser.

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
    // Selection in chat.
    Manage(i64),
    ManagePage(i64, i64),
    Decide(i64, char),
}

impl Payload for Btn {
    const PREFIX: &'static str = "pr";

    fn data(&self) -> String {
        match self {
            Btn::Organiser(id) => format!("or:{id}"),
            Btn::Kind(k) => format!("k:{k}"),
            Btn::Sector(s) => format!("s:{s}"),
            Btn::SectorsDone => "sd".into(),
            Btn::Scale(s) => format!("c:{s}"),
            Btn::ScalesDone => "cd".into(),
            Btn::Nib(yes) => format!("n:{}", u8::from(*yes)),
            Btn::Group(n) => format!("g:{n}"),
            Btn::Window(d) => format!("w:{d}"),
            Btn::Selection(s) => format!("se:{s}"),
            Btn::FollowUp(d) => format!("f:{d}"),
            Btn::Skip => "sk".into(),
            Btn::Publish => "pub".into(),
            Btn::Discard => "x".into(),
            Btn::View(id) => format!("v:{id}"),
            Btn::Apply(id) => format!("a:{id}"),
            Btn::Submit(id) => format!("su:{id}"),
            Btn::Withdraw(id) => format!("wd:{id}"),
            Btn::WithdrawYes(id) => format!("wy:{id}"),
            Btn::JoinYes(id) => format!("jy:{id}"),
            Btn::Manage(id) => format!("m:{id}"),
            Btn::ManagePage(id, page) => format!("mp:{id}:{page}"),
            Btn::Decide(id, d) => format!("d:{id}:{d}"),
        }
    }

    fn parse(data: &str) -> Option<Self> {
        let (head, rest) = data.split_once(':').unwrap_or((data, ""));
        let id = || rest.parse::<i64>().ok();
        Some(match head {
            "or" => Btn::Organiser(id()?),
            "k" => Btn::Kind(rest.to_string()),
            "s" => Btn::Sector(rest.to_string()),
            "sd" => Btn::SectorsDone,
            "c" => Btn::Scale(rest.to_string()),
            "cd" => Btn::ScalesDone,
            "n" => Btn::Nib(rest == "1"),
            "g" => Btn::Group(id()?),
            "w" => Btn::Window(id()?),
            "se" => Btn::Selection(rest.to_string()),
            "f" => Btn::FollowUp(id()?),
            "sk" => Btn::Skip,
            "pub" => Btn::Publish,
            "x" => Btn::Discard,
            "v" => Btn::View(id()?),
            "a" => Btn::Apply(id()?),
            "su" => Btn::Submit(id()?),
            "wd" => Btn::Withdraw(id()?),
            "wy" => Btn::WithdrawYes(id()?),
            "jy" => Btn::JoinYes(id()?),
            "m" => Btn::Manage(id()?),
            "mp" => {
                let (id, page) = rest.split_once(':')?;
                Btn::ManagePage(id.parse().ok()?, page.parse().ok()?)
            }
            "d" => {
                let (id, d) = rest.split_once(':')?;
                let d = d.chars().next().filter(|c| matches!(c, 'a' | 'w' | 'r'))?;
                Btn::Decide(id.parse().ok()?, d)
            }
            _ => return None,
        })
    }
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
    }
}
