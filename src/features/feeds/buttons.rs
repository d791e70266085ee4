//! Button payloads of feeds (sent after their `f:` prefix). Parsed strictly;
//! ids are only claims, checked against the presser's role and the dialogue step.

use super::schedule::PRESETS;
use crate::platform::buttons::{Below, Positive, payload_codec};
#[cfg(test)]
use crate::platform::buttons::Payload;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Btn {
    /// `/sumber`: the new feed's area.
    Area(i64),
    /// `/sumber`: the poll schedule (index into [`PRESETS`]).
    Every(u8),
    /// `/sumber`: remove this feed (asks first).
    Remove(i64),
    /// `/sumber`: yes, remove this feed.
    RemoveYes(i64),
    /// `/sumber`: back to the list (also "no, keep it").
    List,
    /// `/sumber`: poll this feed now ("Periksa sekarang").
    Check(i64),
    /// `/sumber`: add the typed address although it could not be read now.
    Keep,
    /// `/sumber`: do not add the typed address.
    Drop,
    /// A draft: show title, summary and link.
    Preview(i64),
    /// A draft: open `/umumkan` prefilled with it.
    Announce(i64),
    /// A draft: dismiss it for this KIM.
    Dismiss(i64),
}

payload_codec! {
    Btn = "f";
    Area(id: Positive) = "a",
    Every(n: Below<{ PRESETS.len() }>) = "e",
    Remove(id: Positive) = "r",
    RemoveYes(id: Positive) = "ry",
    List = "l",
    Check(id: Positive) = "c",
    Keep = "k",
    Drop = "d",
    Preview(id: Positive) = "p",
    Announce(id: Positive) = "u",
    Dismiss(id: Positive) = "x",
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payloads_round_trip_and_fit_telegrams_limit() {
        let all = [
            Btn::Area(i64::MAX),
            Btn::Every(0),
            Btn::Every(3),
            Btn::Remove(1),
            Btn::RemoveYes(i64::MAX),
            Btn::List,
            Btn::Check(4),
            Btn::Keep,
            Btn::Drop,
            Btn::Preview(i64::MAX),
            Btn::Announce(2),
            Btn::Dismiss(3),
        ];
        crate::platform::buttons::assert_round_trip(&all);
        // Today's wire strings: buttons already sent in chats must keep parsing.
        crate::platform::buttons::assert_wire(&all, &["f:a:9223372036854775807", "f:e:0", "f:e:3", "f:r:1", "f:ry:9223372036854775807", "f:l", "f:c:4", "f:k", "f:d", "f:p:9223372036854775807", "f:u:2", "f:x:3"]);
    }

    #[test]
    fn forged_payloads_do_not_parse() {
        for data in ["", "a", "a:", "a:0", "a:-1", "e:4", "e:-1", "e:x", "r:1:2", "z:1", "p:abc", "u:1;2", "ry:0", "c:", "k:1", "l:2", "dd"] {
            assert_eq!(Btn::parse(data), None, "{data}");
        }
    }
}
