//! The bot layer's own inline-button payloads (privacy notice, KIM menu).
//! Short (Telegram allows 64 bytes), typed, and parsed strictly: anything that does
//! not parse is treated as a forged or stale press. Features' buttons carry their
//! own prefix (see [`super::feature::Payload`]) and are routed by the registry.

use super::feature::CallbackData;
use crate::platform::buttons::Field;
use crate::platform::i18n::Lang;

/// The callback prefix of `/topik`'s buttons (see `bot::topics`). Kept here with the
/// core's other prefixes so this list needs nothing from the handlers.
pub const TOPIC_PREFIX: &str = "tp";

/// Prefixes of the core's payloads; features may not use them.
pub const CORE_PREFIXES: [&str; 6] = ["ob", "ar", "km", "fm", "of", TOPIC_PREFIX];

/// What a button press asks for. Each handler still checks it against the current
/// dialogue state and the presser's role before acting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cb {
    /// Privacy notice: agree.
    Agree,
    /// Privacy notice: decline.
    Decline,
    /// Privacy notice: show it in another language.
    NoticeLang(Lang),
    /// KIM menu: show the children of an area (0 = top level).
    Area(i64),
    /// KIM menu: join this KIM.
    Kim(i64),
    /// A command came while a form was open: go on with the form.
    KeepForm,
    /// …or leave it and run the command typed (`None` when it was too long to carry).
    LeaveForm(Option<String>),
    /// Start command `name` with the message an offer keeps (see `bot::offer`).
    Offer(String),
}

crate::platform::buttons::code_field!(Lang, code, Lang::from_code);

/// A command's name as `/start` deep links and offers carry it.
struct CommandName;

impl Field for CommandName {
    type Value = String;
    fn to_wire(value: &String) -> String {
        value.clone()
    }
    fn from_wire(part: &str) -> Option<String> {
        is_command_name(part).then(|| part.to_string())
    }
}

crate::platform::buttons::payload_codec! {
    Cb;
    Agree = "ob:y",
    Decline = "ob:n",
    NoticeLang(lang: Lang) = "ob:l",
    Area(id: i64) = "ar",
    Kim(id: i64) = "km",
    KeepForm = "fm:k",
    Offer(name: CommandName) = "of";
    // The command typed may hold colons: it is the whole rest.
    by_hand {
        Cb::LeaveForm(line) => format!("fm:l:{}", line.as_deref().unwrap_or_default()),
    } |data: &str| data.strip_prefix("fm:l:").map(|line| Cb::LeaveForm(Some(line.to_string()).filter(|l| l.starts_with('/'))))
}

impl CallbackData for Cb {
    fn callback_data(&self) -> String {
        self.data()
    }
}

fn is_command_name(s: &str) -> bool {
    (1..=32).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_lowercase())
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payloads_round_trip_and_fit_telegrams_limit() {
        let all = [
            Cb::Agree,
            Cb::Decline,
            Cb::NoticeLang(Lang::En),
            Cb::Area(0),
            Cb::Area(i64::MAX),
            Cb::Kim(42),
            Cb::KeepForm,
            Cb::LeaveForm(None),
            Cb::Offer("aspirasi".into()),
            Cb::LeaveForm(Some("/status ASP-2026-000123".into())),
            Cb::LeaveForm(Some("/aspirasi http://x.id/a:b".into())),
        ];
        // Today's wire strings: buttons already sent in chats must keep parsing.
        let wire = ["ob:y", "ob:n", "ob:l:en", "ar:0", "ar:9223372036854775807", "km:42", "fm:k", "fm:l:", "of:aspirasi", "fm:l:/status ASP-2026-000123", "fm:l:/aspirasi http://x.id/a:b"];
        for (cb, wire) in all.iter().zip(wire) {
            assert_eq!(cb.data(), wire);
            assert_eq!(Cb::parse(wire).as_ref(), Some(cb));
        }
        for cb in all {
            assert_eq!(Cb::parse(&cb.data()), Some(cb.clone()));
            assert!(cb.data().len() <= 64);
        }
    }

    #[test]
    fn forged_payloads_do_not_parse() {
        for data in ["", "ob", "ob:x", "ar:-1", "km:abc", "lg:fr", "km:1:2", "ar:1;DROP", "staff:grant:1", "lg:id", "fm", "fm:x", "fm:k:1", "of:", "of:Aspirasi", "of:a:b"] {
            assert_eq!(Cb::parse(data), None, "{data}");
        }
    }
}
