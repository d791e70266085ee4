//! Button payloads of `/umkm` and `/umkmkim` (sent after their `u:` prefix).
//!
//! Every payload names what it answers (the step, or the list scope), so a press is
//! only acted on when it still fits the dialogue and the presser's role.

use crate::platform::buttons::{YesNo, code_field, payload_codec};
#[cfg(test)]
use crate::platform::buttons::Payload;
use crate::features::umkm::flow::Step;
use crate::features::umkm::model::{Need, Scale, Sector};

/// Which registrations a list message shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListScope {
    /// Everything (admins).
    All,
    /// The KIMs inside a staff area (kota or kecamatan).
    Area(i64),
    /// One KIM.
    Kim(i64),
}

impl ListScope {
    fn data(self) -> String {
        match self {
            ListScope::All => "all".into(),
            ListScope::Area(id) => format!("a{id}"),
            ListScope::Kim(id) => format!("k{id}"),
        }
    }

    fn parse(s: &str) -> Option<ListScope> {
        match s {
            "all" => Some(ListScope::All),
            _ if s.starts_with('a') => <i64 as crate::platform::buttons::Field>::from_wire(&s[1..]).map(ListScope::Area),
            _ if s.starts_with('k') => <i64 as crate::platform::buttons::Field>::from_wire(&s[1..]).map(ListScope::Kim),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Btn {
    /// Consent to the UMKM purpose: yes / no.
    Consent(bool),
    /// Keep the answer already there for this question.
    Keep(Step),
    /// One step back from this step.
    Back(Step),
    /// Skip this optional question (NIB, description).
    Skip(Step),
    Sector(Sector),
    Scale(Scale),
    Kelurahan(i64),
    /// Needs: add or remove one.
    Toggle(Need),
    /// Needs: done choosing.
    NeedsDone,
    /// Review: store it.
    Save,
    /// Review: change this answer.
    Edit(Step),
    /// Saved registration: run the form again, prefilled.
    EditSaved,
    /// Saved registration: ask whether to withdraw.
    Withdraw,
    /// Withdrawal confirmed (true) or not.
    WithdrawConfirm(bool),
    /// A page of a registration list.
    Page(ListScope, i64),
    /// After saving: programme news in this chat, yes / no.
    News(bool),
    /// In the `/umkm` view: turn programme news on (true) or off.
    NewsToggle(bool),
}

code_field!(Step, code, Step::from_code);
code_field!(Sector, code, Sector::from_code);
code_field!(Scale, code, Scale::from_code);
code_field!(Need, code, Need::from_code);
code_field!(ListScope, data, ListScope::parse);

payload_codec! {
    Btn = "u";
    Consent(yes: YesNo) = "c",
    Keep(step: Step) = "k",
    Back(step: Step) = "b",
    Skip(step: Step) = "z",
    Sector(sector: Sector) = "s",
    Scale(scale: Scale) = "l",
    Kelurahan(id: i64) = "w",
    Toggle(need: Need) = "t",
    NeedsDone = "d",
    Save = "sv",
    Edit(step: Step) = "e",
    EditSaved = "ed",
    Withdraw = "wd",
    Page(scope: ListScope, page: i64) = "p",
    News(yes: YesNo) = "nw",
    NewsToggle(on: YesNo) = "nt";
    // Older than fields in their own part: the answer is glued to the tag.
    by_hand {
        Btn::WithdrawConfirm(true) => "wy".into(),
        Btn::WithdrawConfirm(false) => "wn".into(),
    } |data: &str| match data {
        "wy" => Some(Btn::WithdrawConfirm(true)),
        "wn" => Some(Btn::WithdrawConfirm(false)),
        _ => None,
    }
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payloads_round_trip_and_fit_in_64_bytes() {
        let all = [
            Btn::Consent(true),
            Btn::Consent(false),
            Btn::Keep(Step::Owner),
            Btn::Back(Step::Review),
            Btn::Skip(Step::Nib),
            Btn::Sector(Sector::Pertanian),
            Btn::Scale(Scale::Menengah),
            Btn::Kelurahan(i64::MAX),
            Btn::Toggle(Need::Qris),
            Btn::NeedsDone,
            Btn::Save,
            Btn::Edit(Step::Description),
            Btn::EditSaved,
            Btn::Withdraw,
            Btn::WithdrawConfirm(true),
            Btn::WithdrawConfirm(false),
            Btn::Page(ListScope::All, 0),
            Btn::Page(ListScope::Area(i64::MAX), i64::MAX),
            Btn::Page(ListScope::Kim(7), 3),
            Btn::News(true),
            Btn::News(false),
            Btn::NewsToggle(true),
            Btn::NewsToggle(false),
        ];
        crate::bot::feature::assert_round_trip(&all);
        // Today's wire strings: buttons already sent in chats must keep parsing.
        crate::platform::buttons::assert_wire(&all, &["u:c:y", "u:c:n", "u:k:ow", "u:b:rv", "u:z:nb", "u:s:pertanian", "u:l:menengah", "u:w:9223372036854775807", "u:t:qris", "u:d", "u:sv", "u:e:ds", "u:ed", "u:wd", "u:wy", "u:wn", "u:p:all:0", "u:p:a9223372036854775807:9223372036854775807", "u:p:k7:3", "u:nw:y", "u:nw:n", "u:nt:y", "u:nt:n"]);
    }

    #[test]
    fn forged_payloads_do_not_parse() {
        let forged = ["", "c", "c:x", "k:zz", "s:tambang", "w:-1", "w:+1", "t:uang", "p:k1", "p:x1:0", "p:k1:-2", "p:a:1", "sv:1", "d:1", "nw", "nw:x", "nt:y:1"];
        for data in forged {
            assert_eq!(Btn::parse(data), None, "{data}");
        }
    }
}
