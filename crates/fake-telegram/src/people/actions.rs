//! Button presses, reading the bot's replies, and group membership changes.

use std::time::Duration;

use serde_json::json;

use super::{DEFAULT_WAIT, Group, Person};
use crate::json;
use crate::state::{BotMessage, CallbackAnswer, ChatInfo, ChatType, PendingCallback};

impl Person {
    /// Presses the inline button labelled `label` on the newest non-deleted
    /// bot message in this chat that has one (exact label first, then
    /// substring, then case-insensitive substring). Returns the callback
    /// query id. Panics, listing the buttons, if there is none.
    pub async fn press(&self, label: &str) -> String {
        let found = {
            let st = self.fake.lock();
            let msgs = st.chat_messages(self.chat_id);
            let lower = label.to_lowercase();
            msgs.iter().rev().filter(|m| !m.deleted).find_map(|m| {
                let all = || m.buttons.iter().flatten();
                all()
                    .find(|b| b.text == label)
                    .or_else(|| all().find(|b| b.text.contains(label)))
                    .or_else(|| all().find(|b| b.text.to_lowercase().contains(&lower)))
                    .map(|b| (m.message_id, b.clone()))
            })
        };
        let Some((message_id, button)) = found else {
            panic!(
                "no button {label:?} in chat {}\n{}",
                self.chat_id,
                self.fake.dump_chat(self.chat_id)
            );
        };
        let Some(data) = button.callback_data else {
            panic!(
                "button {:?} has no callback_data (url: {:?})",
                button.text, button.url
            );
        };
        self.press_data(message_id, &data).await
    }

    /// Pushes a callback query with arbitrary `data` for `message_id` (which
    /// need not have such a button: for forged-button tests).
    pub async fn press_data(&self, message_id: i32, data: &str) -> String {
        let from = self.user_json();
        let id = {
            let mut st = self.fake.lock();
            st.next_callback += 1;
            let id = format!("cbq-{}-{}", self.user_id, st.next_callback);
            st.callbacks.insert(
                id.clone(),
                PendingCallback {
                    user_id: self.user_id,
                    chat_id: self.chat_id,
                },
            );
            let message = match st.message(self.chat_id, message_id) {
                Some(m) if !m.deleted => m.raw.clone(),
                _ => {
                    let chat = st
                        .chats
                        .get(&self.chat_id)
                        .map(json::chat)
                        .unwrap_or_default();
                    json!({ "chat": chat, "message_id": message_id, "date": 0 })
                }
            };
            st.queue_update(json!({ "callback_query": {
                "id": id, "from": from, "message": message,
                "chat_instance": format!("ci{}", self.chat_id), "data": data,
            }}));
            id
        };
        self.fake.changed();
        id
    }

    /// The next new or edited bot message in this chat (waits up to 10 s).
    pub async fn next_message(&self) -> BotMessage {
        self.fake.next_message_in(self.chat_id, DEFAULT_WAIT).await
    }

    pub async fn next_message_within(&self, timeout: Duration) -> BotMessage {
        self.fake.next_message_in(self.chat_id, timeout).await
    }

    /// The newest non-deleted bot message in this chat, without waiting.
    pub fn last_message(&self) -> Option<BotMessage> {
        self.fake.last_in(self.chat_id)
    }

    /// All bot messages in this chat (current state).
    pub fn messages(&self) -> Vec<BotMessage> {
        self.fake.messages(self.chat_id)
    }

    /// Asserts nothing new arrives in this chat within `d`.
    pub async fn expect_no_message(&self, d: Duration) {
        self.fake.expect_no_message_in(self.chat_id, d).await
    }

    /// Marks everything the bot sent to this chat so far as read.
    pub fn skip_unread(&self) {
        let mut st = self.fake.lock();
        let n = st.events.get(&self.chat_id).map_or(0, Vec::len);
        st.read_cursor.insert(self.chat_id, n);
    }

    /// The bot's answers to this user's button presses.
    pub fn callback_answers(&self) -> Vec<CallbackAnswer> {
        let st = self.fake.lock();
        st.callback_answers
            .iter()
            .filter(|a| a.user_id == self.user_id)
            .cloned()
            .collect()
    }

    /// Blocks the bot: sends to this user then fail with 403, and the bot gets
    /// a `my_chat_member` update (member -> kicked) as on Telegram.
    pub async fn block_bot(&self) {
        self.fake.lock().blocked_by.insert(self.user_id);
        self.fake
            .bot_status_update(self.user_id, self.user_json(), "kicked");
    }

    pub async fn unblock_bot(&self) {
        self.fake.lock().blocked_by.remove(&self.user_id);
        self.fake
            .bot_status_update(self.user_id, self.user_json(), "member");
    }
}

impl Group {
    pub fn id(&self) -> i64 {
        self.info.id
    }

    pub fn title(&self) -> &str {
        &self.info.title
    }

    /// `my_chat_member`: the bot goes from its current status (`left`) to `member`.
    pub async fn add_bot(&self, by: &Person) {
        self.set_bot_status(by, "member").await
    }

    /// `my_chat_member`: the bot is kicked; sends then answer 403.
    pub async fn remove_bot(&self, by: &Person) {
        self.set_bot_status(by, "kicked").await
    }

    /// `my_chat_member` to any status: `member`, `administrator`,
    /// `restricted` (cannot send), `left`, `kicked`.
    pub async fn set_bot_status(&self, by: &Person, status: &str) {
        self.fake
            .lock()
            .member_status
            .entry((self.info.id, by.id()))
            .or_insert_with(|| "member".into());
        self.fake
            .bot_status_update(self.info.id, by.user_json(), status);
    }

    /// A group admin deletes one of the bot's messages (no update reaches the bot,
    /// as on Telegram); later edits of it answer "message to edit not found".
    pub fn delete_bot_message(&self, message_id: i32) {
        let mut st = self.fake.lock();
        if let Some(m) = st.message_mut(self.info.id, message_id) {
            m.deleted = true;
        }
    }

    /// Sets a user's status in this group (for `getChatMember`), no update sent.
    pub fn set_member_status(&self, who: &Person, status: &str) {
        self.fake
            .lock()
            .member_status
            .insert((self.info.id, who.id()), status.to_owned());
    }

    /// Upgrades the group as Telegram does: a service message with
    /// `migrate_to_chat_id` in the old chat and one with
    /// `migrate_from_chat_id` in the new supergroup. Afterwards calls to the
    /// old id answer 400 with `migrate_to_chat_id`. Returns the supergroup.
    pub async fn migrate_to_supergroup(&self, new_id: i64) -> Group {
        let old_id = self.info.id;
        let info = ChatInfo {
            id: new_id,
            kind: ChatType::Supergroup,
            ..self.info.clone()
        };
        {
            let mut st = self.fake.lock();
            st.chats.insert(new_id, info.clone());
            st.migrated.insert(old_id, new_id);
            if let Some(s) = st.bot_status.get(&old_id).cloned() {
                st.bot_status.insert(new_id, s);
            }
            let moved: Vec<_> = st
                .member_status
                .iter()
                .filter(|((c, _), _)| *c == old_id)
                .map(|((_, u), s)| ((new_id, *u), s.clone()))
                .collect();
            st.member_status.extend(moved);
            let old_msg_id = st.next_msg_id(old_id);
            let mut old = json::message_base(
                old_msg_id,
                json::chat(&self.info),
                json::group_anonymous_bot(),
            );
            old["migrate_to_chat_id"] = json!(new_id);
            st.queue_update(json!({ "message": old }));
            let new_msg_id = st.next_msg_id(new_id);
            let new_chat = json::chat(&info);
            let mut new =
                json::message_base(new_msg_id, new_chat.clone(), json::group_anonymous_bot());
            new["sender_chat"] = new_chat;
            new["migrate_from_chat_id"] = json!(old_id);
            st.queue_update(json!({ "message": new }));
        }
        self.fake.changed();
        Group {
            fake: self.fake.clone(),
            info,
        }
    }

    /// The next new or edited bot message in this group (waits up to 10 s).
    pub async fn next_message(&self) -> BotMessage {
        self.fake.next_message_in(self.info.id, DEFAULT_WAIT).await
    }

    pub async fn next_message_within(&self, timeout: Duration) -> BotMessage {
        self.fake.next_message_in(self.info.id, timeout).await
    }

    pub fn last_message(&self) -> Option<BotMessage> {
        self.fake.last_in(self.info.id)
    }

    pub fn messages(&self) -> Vec<BotMessage> {
        self.fake.messages(self.info.id)
    }

    pub async fn expect_no_message(&self, d: Duration) {
        self.fake.expect_no_message_in(self.info.id, d).await
    }
}
