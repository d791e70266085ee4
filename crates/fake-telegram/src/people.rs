//! The human side: a [`Person`] sends messages and presses buttons, a
//! [`Group`] gets the bot added, removed or migrated. Each action queues the
//! update Telegram would send; reading helpers wait for the bot's replies.
//!
//! These are test assertions: they panic with a dump of the chat when the
//! expected thing does not happen.

use std::time::Duration;

use serde_json::{Value, json};

use crate::FakeTelegram;
use crate::json;
use crate::state::{BotMessage, ChatInfo, ChatType, State, UserInfo};

/// How long `next_message` waits by default.
pub const DEFAULT_WAIT: Duration = Duration::from_secs(10);

/// A Telegram user, acting in their private chat with the bot or in a group.
#[derive(Clone)]
pub struct Person {
    fake: FakeTelegram,
    user_id: i64,
    chat_id: i64,
}

/// A group or supergroup chat.
#[derive(Clone)]
pub struct Group {
    fake: FakeTelegram,
    info: ChatInfo,
}

impl FakeTelegram {
    /// A user (language `id`); their private chat id equals the user id.
    /// Calling it again with the same id returns the same user.
    pub fn user(&self, id: i64, first_name: &str) -> Person {
        let mut st = self.lock();
        st.users.entry(id).or_insert_with(|| UserInfo {
            id,
            first_name: first_name.to_owned(),
            last_name: None,
            username: None,
            language_code: Some("id".into()),
        });
        let title = first_name.to_owned();
        st.chats.entry(id).or_insert(ChatInfo {
            id,
            kind: ChatType::Private,
            title,
            username: None,
        });
        Person {
            fake: self.clone(),
            user_id: id,
            chat_id: id,
        }
    }

    /// A basic group (`type: "group"`).
    pub fn group(&self, id: i64, title: &str) -> Group {
        self.group_of(id, title, ChatType::Group)
    }

    /// A supergroup (`type: "supergroup"`; ids usually look like -100...).
    pub fn supergroup(&self, id: i64, title: &str) -> Group {
        self.group_of(id, title, ChatType::Supergroup)
    }

    fn group_of(&self, id: i64, title: &str, kind: ChatType) -> Group {
        let info = ChatInfo {
            id,
            kind,
            title: title.to_owned(),
            username: None,
        };
        self.lock().chats.insert(id, info.clone());
        Group {
            fake: self.clone(),
            info,
        }
    }

    /// Waits for the next new or edited bot message in `chat_id` not yet read
    /// through any handle of that chat; panics with a dump on timeout.
    pub async fn next_message_in(&self, chat_id: i64, timeout: Duration) -> BotMessage {
        let deadline = tokio::time::Instant::now() + timeout;
        let got = self
            .wait_for(deadline, |st| {
                let cursor = st.read_cursor.get(&chat_id).copied().unwrap_or(0);
                let msg = st.events.get(&chat_id)?.get(cursor)?.clone();
                st.read_cursor.insert(chat_id, cursor + 1);
                Some(msg)
            })
            .await;
        match got {
            Some(m) => m,
            None => panic!(
                "no new bot message in chat {chat_id} within {timeout:?}\n{}",
                self.dump_chat(chat_id)
            ),
        }
    }

    /// Asserts that no new or edited message arrives in `chat_id` within `d`.
    pub async fn expect_no_message_in(&self, chat_id: i64, d: Duration) {
        let deadline = tokio::time::Instant::now() + d;
        let unread = |st: &mut State| {
            let cursor = st.read_cursor.get(&chat_id).copied().unwrap_or(0);
            st.events.get(&chat_id)?.get(cursor).cloned()
        };
        if let Some(m) = self.wait_for(deadline, unread).await {
            panic!(
                "expected no message in chat {chat_id}, got {m:#?}\n{}",
                self.dump_chat(chat_id)
            );
        }
    }

    /// The chat's messages and recent failed calls, for panic messages.
    pub fn dump_chat(&self, chat_id: i64) -> String {
        let st = self.lock();
        let mut out = format!("bot messages in chat {chat_id}:\n");
        for m in st.chat_messages(chat_id) {
            let flags = match (m.deleted, m.edited) {
                (true, _) => " [deleted]",
                (false, true) => " [edited]",
                _ => "",
            };
            out += &format!(
                "  #{} {}{flags}: {:?} buttons={:?}\n",
                m.message_id,
                m.kind.as_str(),
                m.text,
                m.button_texts()
            );
        }
        out += "recent failed calls:\n";
        for c in st
            .calls
            .iter()
            .rev()
            .filter(|c| c.response["ok"] == false)
            .take(10)
        {
            out += &format!(
                "  {} {} -> {}\n",
                c.method, c.params, c.response["description"]
            );
        }
        out
    }

    fn last_in(&self, chat_id: i64) -> Option<BotMessage> {
        self.lock()
            .chat_messages(chat_id)
            .iter()
            .rev()
            .find(|m| !m.deleted)
            .cloned()
    }

    fn message_update(&self, chat_id: i64, from: Value, fill: impl FnOnce(&mut Value)) -> i32 {
        let id = {
            let mut st = self.lock();
            let id = st.next_msg_id(chat_id);
            let chat = st.chats.get(&chat_id).map(json::chat).unwrap_or_default();
            let mut msg = json::message_base(id, chat, from);
            fill(&mut msg);
            st.queue_update(json!({ "message": msg }));
            id
        };
        self.changed();
        id
    }

    fn bot_status_update(&self, chat_id: i64, from: Value, new_status: &str) {
        {
            let mut st = self.lock();
            let old = st
                .bot_status
                .get(&chat_id)
                .cloned()
                .unwrap_or_else(|| "left".into());
            st.bot_status.insert(chat_id, new_status.to_owned());
            let chat = st.chats.get(&chat_id).map(json::chat).unwrap_or_default();
            st.queue_update(json!({ "my_chat_member": {
                "chat": chat, "from": from, "date": json::now(),
                "old_chat_member": json::chat_member(json::bot_user(), &old),
                "new_chat_member": json::chat_member(json::bot_user(), new_status),
            }}));
        }
        self.changed();
    }
}

impl Person {
    pub fn id(&self) -> i64 {
        self.user_id
    }

    /// The chat this handle acts in (own private chat, or a group).
    pub fn chat_id(&self) -> i64 {
        self.chat_id
    }

    /// The same user acting in a group chat.
    pub fn in_group(&self, g: &Group) -> Person {
        Person {
            chat_id: g.info.id,
            ..self.clone()
        }
    }

    /// Gives the user a `@username`.
    pub fn with_username(self, username: &str) -> Person {
        if let Some(u) = self.fake.lock().users.get_mut(&self.user_id) {
            u.username = Some(username.to_owned());
        }
        self
    }

    /// Sets the user's `language_code` (`None` to omit it).
    pub fn with_language(self, code: Option<&str>) -> Person {
        if let Some(u) = self.fake.lock().users.get_mut(&self.user_id) {
            u.language_code = code.map(str::to_owned);
        }
        self
    }

    pub(crate) fn user_json(&self) -> Value {
        self.fake
            .lock()
            .users
            .get(&self.user_id)
            .map(json::user)
            .unwrap_or_default()
    }

    fn push_message(&self, fill: impl FnOnce(&mut Value)) -> i32 {
        self.fake
            .message_update(self.chat_id, self.user_json(), fill)
    }

    /// Sends text; a leading `/command` gets a `bot_command` entity. Returns the message id.
    pub async fn send(&self, text: &str) -> i32 {
        self.push_message(|m| {
            m["text"] = json!(text);
            let entities = json::command_entities(text);
            if !entities.is_empty() {
                m["entities"] = json!(entities);
            }
        })
    }

    /// Sends text inside forum topic `thread` of the group this handle acts in; a
    /// leading `/command` gets its entity. Returns the message id.
    pub async fn send_in_topic(&self, thread: i64, text: &str) -> i32 {
        self.push_message(|m| {
            m["text"] = json!(text);
            m["message_thread_id"] = json!(thread);
            m["is_topic_message"] = json!(true);
            m["chat"]["is_forum"] = json!(true);
            let entities = json::command_entities(text);
            if !entities.is_empty() {
                m["entities"] = json!(entities);
            }
        })
    }

    /// Sends text as a reply to one of the bot's messages.
    pub async fn reply_to(&self, message_id: i32, text: &str) -> i32 {
        let replied = self
            .fake
            .lock()
            .message(self.chat_id, message_id)
            .map(|m| m.raw.clone());
        self.push_message(|m| {
            m["text"] = json!(text);
            if let Some(r) = replied {
                m["reply_to_message"] = r;
            }
        })
    }

    /// Shares the user's own phone number (the "share contact" button).
    pub async fn share_contact(&self, phone: &str) -> i32 {
        let first_name = self.user_json()["first_name"].clone();
        self.push_message(|m| {
            m["contact"] =
                json!({ "phone_number": phone, "first_name": first_name, "user_id": self.user_id });
        })
    }

    /// Shares someone else's contact card (`user_id` as given, possibly none).
    pub async fn share_contact_of(
        &self,
        phone: &str,
        first_name: &str,
        user_id: Option<i64>,
    ) -> i32 {
        self.push_message(|m| {
            m["contact"] = json!({ "phone_number": phone, "first_name": first_name });
            if let Some(id) = user_id {
                m["contact"]["user_id"] = json!(id);
            }
        })
    }

    pub async fn send_photo(&self) -> i32 {
        self.send_photo_with_caption("").await
    }

    pub async fn send_photo_with_caption(&self, caption: &str) -> i32 {
        let (fid, uniq) = self.fake.lock().file_id("photo");
        self.push_message(|m| {
            m["photo"] = json::photo_sizes(&fid, &uniq, 54_321);
            if !caption.is_empty() {
                m["caption"] = json!(caption);
            }
        })
    }

    pub async fn send_document(&self, file_name: &str) -> i32 {
        let (fid, uniq) = self.fake.lock().file_id("document");
        self.push_message(|m| m["document"] = json::document(&fid, &uniq, file_name, 12_345))
    }

    pub async fn send_location(&self, latitude: f64, longitude: f64) -> i32 {
        self.push_message(|m| {
            m["location"] = json!({ "latitude": latitude, "longitude": longitude })
        })
    }
}

mod actions;
