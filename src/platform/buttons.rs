//! Buttons on messages: a payload type per owner, travelling as `PREFIX:data` in
//! Telegram's callback data. They live below the bot layer because messages with
//! buttons are also built by jobs and domain code and queued in the outbox
//! (reminders, notices, invitations); the bot layer only routes presses back by
//! prefix.

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
