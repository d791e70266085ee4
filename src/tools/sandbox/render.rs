//! How the bot's side of the conversation looks in a terminal. Pure functions
//! from fake-telegram events to text, so the layout (and above all the button
//! numbering that `N` relies on) is unit-tested.

use std::collections::HashMap;

use fake_telegram::{BotEvent, BotMessage, Button, MsgKind};

/// Names of the chats the sandbox knows (private chats by first name, the group
/// by title), for the `[Ani]` prefix of every line.
#[derive(Debug, Clone, Default)]
pub struct ChatNames(HashMap<i64, String>);

impl ChatNames {
    pub fn insert(&mut self, chat_id: i64, name: impl Into<String>) {
        self.0.insert(chat_id, name.into());
    }

    /// `[Ani]`, or `[chat 42]` for a chat the sandbox did not create.
    pub fn label(&self, chat_id: i64) -> String {
        match self.0.get(&chat_id) {
            Some(name) => format!("[{name}]"),
            None => format!("[chat {chat_id}]"),
        }
    }
}

/// Remembers what was shown, so an edit that only takes the buttons away (as
/// after every press) is one short line rather than the whole text again.
#[derive(Debug, Default)]
pub struct Transcript {
    names: ChatNames,
    shown: HashMap<(i64, i32), BotMessage>,
}

impl Transcript {
    pub fn new(names: ChatNames) -> Transcript {
        Transcript { names, shown: HashMap::new() }
    }

    /// The text for one event, possibly several lines, without a trailing
    /// newline; empty when there is nothing to show.
    pub fn show(&mut self, event: &BotEvent) -> String {
        match event {
            BotEvent::NewMessage(m) => {
                self.shown.insert((m.chat_id, m.message_id), m.clone());
                message(&self.names.label(m.chat_id), m)
            }
            BotEvent::Edited(m) => {
                let before = self.shown.insert((m.chat_id, m.message_id), m.clone());
                edited(&format!("{} (diubah)", self.names.label(m.chat_id)), m, before.as_ref())
            }
            BotEvent::Deleted { chat_id, message_id } => {
                format!("{} (pesan #{message_id} dihapus)", self.names.label(*chat_id))
            }
            BotEvent::CallbackAnswer(a) => match &a.text {
                Some(text) if !text.is_empty() => format!("! {text}"),
                _ => String::new(),
            },
        }
    }
}

/// An edit: in full when the text changed, otherwise only the new buttons.
fn edited(header: &str, m: &BotMessage, before: Option<&BotMessage>) -> String {
    match before {
        Some(b) if b.text == m.text && b.kind == m.kind => {
            let rows = button_rows(&m.buttons);
            if rows.is_empty() && b.buttons.iter().any(|r| !r.is_empty()) {
                return format!("{header}: tombol dihapus");
            }
            let mut lines = vec![format!("{header}: tombol baru")];
            lines.extend(rows.into_iter().map(|row| format!("  {row}")));
            lines.join("\n")
        }
        _ => message(header, m),
    }
}

/// A message: header line, indented text, numbered buttons, reply keyboard.
pub fn message(header: &str, m: &BotMessage) -> String {
    let mut lines = vec![format!("{header}{}", attachment(m))];
    lines.extend(m.text.lines().map(|l| format!("  {l}")));
    lines.extend(button_rows(&m.buttons).into_iter().map(|row| format!("  {row}")));
    if let Some(rows) = &m.reply_keyboard {
        let keys: Vec<String> = rows.iter().flatten().map(|k| format!("«{k}»")).collect();
        lines.push(format!("  keyboard: {}  (type the text, or :kontak)", keys.join(" ")));
    }
    lines.join("\n")
}

/// What a non-text message carries, as a short suffix for the header.
fn attachment(m: &BotMessage) -> String {
    let file = m.file.as_deref().unwrap_or("");
    match (m.kind, m.location) {
        (MsgKind::Text, _) => String::new(),
        (MsgKind::Photo, _) => format!(" (foto {file})"),
        (MsgKind::Document, _) => format!(" (dokumen {file})"),
        (MsgKind::Location, Some((lat, lon))) => format!(" (lokasi {lat:.5}, {lon:.5})"),
        (MsgKind::Location, None) => " (lokasi)".to_string(),
    }
}

/// One line per keyboard row, buttons numbered from 1 in reading order across
/// rows: the same order [`button_at`] uses, so what is shown is what `N` presses.
pub fn button_rows(rows: &[Vec<Button>]) -> Vec<String> {
    let mut n = 0;
    rows.iter()
        .filter(|row| !row.is_empty())
        .map(|row| {
            let labels: Vec<String> = row
                .iter()
                .map(|b| {
                    n += 1;
                    match &b.url {
                        Some(url) => format!("[{n}] {} <{url}>", b.text),
                        None => format!("[{n}] {}", b.text),
                    }
                })
                .collect();
            labels.join("  ")
        })
        .collect()
}

/// Button number `n` (1-based) as numbered by [`button_rows`].
pub fn button_at(rows: &[Vec<Button>], n: usize) -> Option<&Button> {
    n.checked_sub(1).and_then(|i| rows.iter().flatten().nth(i))
}

/// The newest message still shown that has inline buttons: the one `N` presses.
pub fn latest_with_buttons(messages: &[BotMessage]) -> Option<&BotMessage> {
    messages.iter().rev().find(|m| !m.deleted && m.buttons.iter().any(|r| !r.is_empty()))
}

#[cfg(test)]
mod tests {
    use fake_telegram::CallbackAnswer;

    use super::*;

    fn button(text: &str) -> Button {
        Button { text: text.into(), callback_data: Some(format!("cb:{text}")), url: None }
    }

    fn msg(id: i32, text: &str, buttons: Vec<Vec<Button>>) -> BotMessage {
        BotMessage {
            chat_id: 1001,
            message_id: id,
            text: text.into(),
            parse_mode: None,
            buttons,
            reply_keyboard: None,
            remove_keyboard: false,
            kind: MsgKind::Text,
            file: None,
            location: None,
            deleted: false,
            edited: false,
            raw: serde_json::Value::Null,
        }
    }

    fn names() -> ChatNames {
        let mut names = ChatNames::default();
        names.insert(1001, "Ani");
        names
    }

    #[test]
    fn buttons_are_numbered_in_reading_order_across_rows() {
        let rows = vec![vec![button("Setuju"), button("Tidak setuju")], vec![], vec![button("Batal")]];
        assert_eq!(button_rows(&rows), vec!["[1] Setuju  [2] Tidak setuju", "[3] Batal"]);
        let pressed: Vec<_> = (0..=4).map(|n| button_at(&rows, n).map(|b| b.text.as_str())).collect();
        assert_eq!(pressed, vec![None, Some("Setuju"), Some("Tidak setuju"), Some("Batal"), None]);
    }

    #[test]
    fn a_link_button_shows_where_it_goes() {
        let rows = vec![vec![Button { text: "Situs".into(), callback_data: None, url: Some("https://x.id".into()) }]];
        assert_eq!(button_rows(&rows), vec!["[1] Situs <https://x.id>"]);
    }

    #[test]
    fn a_message_is_prefixed_with_its_chat_and_indented() {
        let mut t = Transcript::new(names());
        let m = msg(5, "Halo\nApa kabar?", vec![vec![button("Setuju")]]);
        assert_eq!(t.show(&BotEvent::NewMessage(m)), "[Ani]\n  Halo\n  Apa kabar?\n  [1] Setuju");
        assert_eq!(t.show(&BotEvent::Edited(msg(5, "Oke", vec![]))), "[Ani] (diubah)\n  Oke");
    }

    #[test]
    fn an_edit_that_keeps_the_text_shows_only_the_buttons() {
        let mut t = Transcript::new(names());
        t.show(&BotEvent::NewMessage(msg(5, "Pilih", vec![vec![button("A")]])));
        let swapped = t.show(&BotEvent::Edited(msg(5, "Pilih", vec![vec![button("B"), button("C")]])));
        assert_eq!(swapped, "[Ani] (diubah): tombol baru\n  [1] B  [2] C");
        assert_eq!(t.show(&BotEvent::Edited(msg(5, "Pilih", vec![]))), "[Ani] (diubah): tombol dihapus");
        let unseen = t.show(&BotEvent::Edited(msg(6, "Baru", vec![])));
        assert_eq!(unseen, "[Ani] (diubah)\n  Baru", "an edit of a message shown before the sandbox started");
    }

    #[test]
    fn deletions_toasts_and_unknown_chats_are_noted() {
        let mut t = Transcript::new(names());
        let deleted = BotEvent::Deleted { chat_id: -5, message_id: 9 };
        assert_eq!(t.show(&deleted), "[chat -5] (pesan #9 dihapus)");
        let answer = |text: Option<&str>| {
            BotEvent::CallbackAnswer(CallbackAnswer {
                callback_query_id: "q".into(),
                user_id: 1001,
                chat_id: 1001,
                text: text.map(str::to_string),
                show_alert: false,
            })
        };
        assert_eq!(t.show(&answer(Some("Tombol ini sudah tidak berlaku."))), "! Tombol ini sudah tidak berlaku.");
        assert_eq!(t.show(&answer(None)), "");
    }

    #[test]
    fn the_newest_shown_message_with_buttons_is_the_one_pressed() {
        let mut old = msg(1, "lama", vec![vec![button("A")]]);
        let newer_deleted = BotMessage { deleted: true, ..msg(2, "hapus", vec![vec![button("B")]]) };
        let plain = msg(3, "teks saja", vec![]);
        assert_eq!(
            latest_with_buttons(&[old.clone(), newer_deleted.clone(), plain.clone()]).map(|m| m.message_id),
            Some(1)
        );
        old.buttons.clear();
        assert!(latest_with_buttons(&[old, newer_deleted, plain]).is_none());
    }
}
