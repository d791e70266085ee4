//! Buttons on messages: a payload type per owner, travelling as `PREFIX:data` in
//! Telegram's callback data. They live below the bot layer because messages with
//! buttons are also built by jobs and domain code and queued in the outbox
//! (reminders, notices, invitations); the bot layer only routes presses back by
//! prefix.
//!
//! A payload type's two directions are derived from one list by [`payload_codec!`]
//! (each field travels through a [`Field`] codec), so a new button is one line and
//! `data()` and `parse()` cannot drift apart. What the list cannot say (a legacy
//! form, free text holding colons) is a small hand-written part beside it.

use teloxide::types::InlineKeyboardButton;

/// A feature's own button payloads. On the wire they travel as `PREFIX:data`, and
/// with the prefix they have to fit Telegram's 64 bytes.
pub trait Payload: Sized {
    /// Unique among features; never changed once released (old buttons carry it).
    const PREFIX: &'static str;
    fn data(&self) -> String;
    fn parse(data: &str) -> Option<Self>;

    /// The callback data of a button carrying this payload.
    fn callback_data(&self) -> String {
        format!("{}:{}", Self::PREFIX, self.data())
    }

    /// Parses full callback data (prefix included), as a press delivers it.
    fn parse_callback(data: &str) -> Option<Self> {
        data.strip_prefix(Self::PREFIX)?.strip_prefix(':').and_then(Self::parse)
    }
}

/// Anything a button can carry: a feature's payload or one of the core's.
pub trait CallbackData {
    fn callback_data(&self) -> String;
}

impl<P: Payload> CallbackData for P {
    fn callback_data(&self) -> String {
        Payload::callback_data(self)
    }
}

/// A button carrying a core or feature payload.
pub fn button(label: impl Into<String>, payload: impl CallbackData) -> InlineKeyboardButton {
    let data = payload.callback_data();
    debug_assert!(data.len() <= 64, "callback data over Telegram's 64 bytes: {data}");
    InlineKeyboardButton::callback(label.into(), data)
}

/// For features' unit tests: every payload survives the wire (prefix included) and
/// fits Telegram's 64 bytes.
#[cfg(test)]
pub fn assert_round_trip<P: Payload + PartialEq + std::fmt::Debug>(all: &[P]) {
    for payload in all {
        let data = payload.callback_data();
        assert_eq!(P::parse_callback(&data).as_ref(), Some(payload), "{data}");
        assert!(data.len() <= 64, "{payload:?}: {} bytes", data.len());
    }
}


/// For features' unit tests: each payload travels as exactly the string pinned
/// beside it (prefix included), and that string parses back to it. Buttons already
/// sent in chats carry these strings, so a codec change must keep them.
#[cfg(test)]
pub fn assert_wire<P: Payload + PartialEq + std::fmt::Debug>(all: &[P], wire: &[&str]) {
    assert_eq!(all.len(), wire.len(), "one pinned string per payload");
    for (payload, wire) in all.iter().zip(wire) {
        assert_eq!(payload.callback_data(), *wire, "{payload:?}");
        assert_eq!(P::parse_callback(wire).as_ref(), Some(payload), "{wire}");
    }
}

/// One part of a button's data (between colons): how a field's value travels.
/// Implemented by value types with one obvious form (ids, flags, u8/u32 numbers,
/// a feature's code enums through [`code_field!`]) and by marker types for the
/// other forms ([`Positive`], [`ChatId`], [`Below`], [`InRange`], [`U8In`],
/// [`Choice`], [`YesNo`], [`Text`]). `from_wire` is strict: `None` for anything
/// `to_wire` would not have written (a forged or stale press).
pub trait Field {
    type Value;
    fn to_wire(value: &Self::Value) -> String;
    fn from_wire(part: &str) -> Option<Self::Value>;
}

/// A number exactly as `to_string` writes it (no `+`, no leading zeros, no spaces):
/// buttons are only ever written that way, so any other spelling is forged.
fn canonical<T: std::str::FromStr + ToString>(part: &str) -> Option<T> {
    part.parse().ok().filter(|n: &T| n.to_string() == part)
}

/// Ids and pages: non-negative.
impl Field for i64 {
    type Value = i64;
    fn to_wire(value: &i64) -> String {
        value.to_string()
    }
    fn from_wire(part: &str) -> Option<i64> {
        canonical(part).filter(|n: &i64| *n >= 0)
    }
}

impl Field for u8 {
    type Value = u8;
    fn to_wire(value: &u8) -> String {
        value.to_string()
    }
    fn from_wire(part: &str) -> Option<u8> {
        canonical(part)
    }
}

impl Field for u32 {
    type Value = u32;
    fn to_wire(value: &u32) -> String {
        value.to_string()
    }
    fn from_wire(part: &str) -> Option<u32> {
        canonical(part)
    }
}

/// A flag as `1` / `0`.
impl Field for bool {
    type Value = bool;
    fn to_wire(value: &bool) -> String {
        u8::from(*value).to_string()
    }
    fn from_wire(part: &str) -> Option<bool> {
        match part {
            "1" => Some(true),
            "0" => Some(false),
            _ => None,
        }
    }
}

/// An id that is never 0 (rows of features whose buttons always rejected 0).
pub struct Positive;

impl Field for Positive {
    type Value = i64;
    fn to_wire(value: &i64) -> String {
        value.to_string()
    }
    fn from_wire(part: &str) -> Option<i64> {
        i64::from_wire(part).filter(|n| *n > 0)
    }
}

/// A Telegram chat id: groups' ids are negative.
pub struct ChatId;

impl Field for ChatId {
    type Value = i64;
    fn to_wire(value: &i64) -> String {
        value.to_string()
    }
    fn from_wire(part: &str) -> Option<i64> {
        canonical(part)
    }
}

/// An index below `N` (into a list of presets or choices).
pub struct Below<const N: usize>;

impl<const N: usize> Field for Below<N> {
    type Value = u8;
    fn to_wire(value: &u8) -> String {
        value.to_string()
    }
    fn from_wire(part: &str) -> Option<u8> {
        u8::from_wire(part).filter(|i| usize::from(*i) < N)
    }
}

/// A number from `LO` to `HI`, both included (a score, a count of days).
pub struct InRange<const LO: i64, const HI: i64>;

impl<const LO: i64, const HI: i64> Field for InRange<LO, HI> {
    type Value = i64;
    fn to_wire(value: &i64) -> String {
        value.to_string()
    }
    fn from_wire(part: &str) -> Option<i64> {
        i64::from_wire(part).filter(|n| (LO..=HI).contains(n))
    }
}

/// A small number from `LO` to `HI`, both included.
pub struct U8In<const LO: u8, const HI: u8>;

impl<const LO: u8, const HI: u8> Field for U8In<LO, HI> {
    type Value = u8;
    fn to_wire(value: &u8) -> String {
        value.to_string()
    }
    fn from_wire(part: &str) -> Option<u8> {
        u8::from_wire(part).filter(|n| (LO..=HI).contains(n))
    }
}

/// An optional index below `N`: `ANY` (one character) stands for "any".
pub struct Choice<const ANY: char, const N: usize>;

impl<const ANY: char, const N: usize> Field for Choice<ANY, N> {
    type Value = Option<u8>;
    fn to_wire(value: &Option<u8>) -> String {
        value.map_or_else(|| ANY.to_string(), |i| i.to_string())
    }
    fn from_wire(part: &str) -> Option<Option<u8>> {
        let mut chars = part.chars();
        if chars.next() == Some(ANY) && chars.next().is_none() {
            return Some(None);
        }
        Below::<N>::from_wire(part).map(Some)
    }
}

/// A flag as `y` / `n`.
pub struct YesNo;

impl Field for YesNo {
    type Value = bool;
    fn to_wire(value: &bool) -> String {
        (if *value { "y" } else { "n" }).to_string()
    }
    fn from_wire(part: &str) -> Option<bool> {
        match part {
            "y" => Some(true),
            "n" => Some(false),
            _ => None,
        }
    }
}

/// A code chosen from a list the handler checks (never text a person typed):
/// not empty, no colon.
pub struct Text;

impl Field for Text {
    type Value = String;
    fn to_wire(value: &String) -> String {
        value.clone()
    }
    fn from_wire(part: &str) -> Option<String> {
        (!part.is_empty() && !part.contains(':')).then(|| part.to_string())
    }
}

/// The fields of one button's data after its tag, as the derived `parse` reads them.
#[doc(hidden)]
pub struct Parts<'a> {
    rest: Option<std::str::Split<'a, char>>,
}

impl<'a> Parts<'a> {
    /// The fields after `tag`, if `data` is `tag` alone or `tag:…`.
    pub fn after(data: &'a str, tag: &str) -> Option<Self> {
        let rest = data.strip_prefix(tag)?;
        if rest.is_empty() {
            return Some(Parts { rest: None });
        }
        Some(Parts { rest: Some(rest.strip_prefix(':')?.split(':')) })
    }

    pub fn field(&mut self) -> Option<&'a str> {
        self.rest.as_mut()?.next()
    }

    /// True when every part was read: extra parts make a forged press.
    pub fn done(mut self) -> bool {
        self.field().is_none()
    }
}

/// Implements [`Field`] for a feature's code enum through its own code functions:
/// `code_field!(Category, code, Category::parse)`.
macro_rules! code_field {
    ($ty:ty, $code:ident, $parse:expr) => {
        impl $crate::platform::buttons::Field for $ty {
            type Value = $ty;
            fn to_wire(value: &$ty) -> String {
                value.$code().to_string()
            }
            fn from_wire(part: &str) -> Option<$ty> {
                ($parse)(part)
            }
        }
    };
}
pub(crate) use code_field;

/// Derives a payload's `data()` and `parse()` from one list, so a new button is one
/// line and the two directions cannot drift apart:
///
/// ```ignore
/// payload_codec! {
///     Btn = "a";
///     MediaDone = "m",                                  // a:m
///     Reply(id: i64) = "r",                              // a:r:12
///     Move { id: i64, from: Status, to: Status } = "s",  // a:s:12:b:p
/// }
/// ```
///
/// Each field names its [`Field`] codec (the value type itself or a marker such as
/// `Positive`); tuple fields get names only to be written back. A tag may hold a
/// colon (`Custom = "p:c"`). Parsing tries the entries in order and accepts exactly
/// their fields: anything else is `None`. Forms the list cannot say (an optional
/// trailing field, a legacy alias, free text holding colons) go in a
/// `by_hand { pattern => data, … } parse_fn` part at the end: its arms are tried
/// first when writing, its `parse_fn(&str) -> Option<Self>` last when parsing.
/// `Type;` without a prefix derives the same two functions as inherent `pub` ones
/// (the core's payloads, which carry several prefixes).
macro_rules! payload_codec {
    ($ty:ident = $prefix:literal; $($body:tt)*) => {
        impl $crate::platform::buttons::Payload for $ty {
            const PREFIX: &'static str = $prefix;
            $crate::platform::buttons::payload_codec!(@fns () $($body)*);
        }
    };
    ($ty:ident; $($body:tt)*) => {
        impl $ty {
            $crate::platform::buttons::payload_codec!(@fns (pub) $($body)*);
        }
    };
    (@fns ($($vis:tt)*)
        $( $v:ident $( ( $($tn:ident : $tt:ty),* $(,)? ) )? $( { $($sn:ident : $st:ty),* $(,)? } )? = $tag:literal ),* $(,)?
        $( ; by_hand { $( $qp:pat => $qe:expr ),* $(,)? } $qparse:expr )?
    ) => {
        $($vis)* fn data(&self) -> String {
            match self {
                $( $( $qp => $qe, )* )?
                $( Self::$v $( ( $($tn),* ) )? $( { $($sn),* } )? => {
                    #[allow(unused_mut)]
                    let mut out = String::from($tag);
                    $( $(
                        out.push(':');
                        out.push_str(&<$tt as $crate::platform::buttons::Field>::to_wire($tn));
                    )* )?
                    $( $(
                        out.push(':');
                        out.push_str(&<$st as $crate::platform::buttons::Field>::to_wire($sn));
                    )* )?
                    out
                } )*
            }
        }

        $($vis)* fn parse(data: &str) -> Option<Self> {
            $(
                let found = $crate::platform::buttons::Parts::after(data, $tag).and_then(|parts| {
                    #[allow(unused_mut)]
                    let mut parts = parts;
                    let found = Self::$v
                        $( ( $( <$tt as $crate::platform::buttons::Field>::from_wire(parts.field()?)? ),* ) )?
                        $( { $( $sn: <$st as $crate::platform::buttons::Field>::from_wire(parts.field()?)? ),* } )?;
                    parts.done().then_some(found)
                });
                if found.is_some() {
                    return found;
                }
            )*
            #[allow(unused_variables)]
            let by_hand = |data: &str| -> Option<Self> { None };
            $( let by_hand = $qparse; )?
            by_hand(data)
        }
    };
}
pub(crate) use payload_codec;

#[cfg(test)]
mod codec_tests {
    use super::*;

    #[derive(Clone, Debug, PartialEq, Eq)]
    enum Demo {
        Plain,
        One(i64),
        Two { id: i64, on: bool },
        Chat(i64),
        Pick(Option<u8>),
        Custom,
        Odd(u8),
    }

    payload_codec! {
        Demo = "dm";
        Plain = "p",
        One(id: Positive) = "o",
        Two { id: i64, on: bool } = "t",
        Chat(chat: ChatId) = "c",
        Pick(i: Choice<'x', 3>) = "k",
        Custom = "p:c";
        by_hand { Demo::Odd(n) => format!("z{n}") } |data: &str| data.strip_prefix('z')?.parse().ok().map(Demo::Odd)
    }

    #[test]
    fn derived_codec_writes_and_reads_every_form() {
        let all = [Demo::Plain, Demo::One(5), Demo::Two { id: 0, on: true }, Demo::Chat(-100), Demo::Pick(None), Demo::Pick(Some(2)), Demo::Custom, Demo::Odd(7)];
        assert_round_trip(&all);
        assert_wire(&all, &["dm:p", "dm:o:5", "dm:t:0:1", "dm:c:-100", "dm:k:x", "dm:k:2", "dm:p:c", "dm:z7"]);
    }

    #[test]
    fn derived_codec_is_strict() {
        for data in ["", "p:", "p:x", "pp", "o", "o:0", "o:-1", "o:+1", "o:01", "c:+5", "c:-0", "o:1:2", "t:1", "t:1:2", "t:-1:1", "t:1:1:1", "c:", "c:x", "k:3", "k:y", "k:", "p:c:1", "z", "zx"] {
            assert_eq!(Demo::parse(data), None, "{data}");
        }
    }
}
