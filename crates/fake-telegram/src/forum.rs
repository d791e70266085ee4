//! Forum supergroups and their topics, and reactions on the bot's messages.
//!
//! As on Telegram: a message sent with `message_thread_id` lands in that topic (its
//! JSON carries `message_thread_id` and `is_topic_message`); a topic that was
//! deleted, or one that never existed, answers 400 `message thread not found`; a
//! closed one answers 400 `TOPIC_CLOSED`. Topics are made with `createForumTopic`
//! (or [`FakeTelegram::create_topic`]) and closed or deleted by the bot or a test.
//! Reactions reach the bot as `message_reaction_count` updates carrying the totals.

use std::collections::{HashMap, HashSet};

use serde_json::{Value, json};

use crate::FakeTelegram;
use crate::faults::ApiErr;
use crate::json;
use crate::messages::target_chat;
use crate::params;
use crate::state::State;

/// A topic of a forum.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Topic {
    pub name: String,
    pub closed: bool,
    pub deleted: bool,
}

/// Which chats are forums and their topics, keyed by (chat, thread id).
#[derive(Debug, Default)]
pub struct Forums {
    pub forums: HashSet<i64>,
    pub topics: HashMap<(i64, i64), Topic>,
}

/// The topic a send asks for, checked as Telegram would; `None`: General.
pub(crate) fn thread_for(st: &State, chat_id: i64, p: &Value) -> Result<Option<i64>, ApiErr> {
    let Some(thread) = params::i64_of(p, "message_thread_id") else { return Ok(None) };
    match st.forum.topics.get(&(chat_id, thread)) {
        Some(t) if t.deleted => Err(ApiErr::bad_request("message thread not found")),
        Some(t) if t.closed => Err(ApiErr::bad_request("TOPIC_CLOSED")),
        Some(_) => Ok(Some(thread)),
        None => Err(ApiErr::bad_request("message thread not found")),
    }
}

/// Marks a sent message's JSON with its topic and its protection.
pub(crate) fn mark(raw: &mut Value, thread: Option<i64>, p: &Value) {
    if let Some(thread) = thread {
        raw["message_thread_id"] = json!(thread);
        raw["is_topic_message"] = json!(true);
        raw["chat"]["is_forum"] = json!(true);
    }
    if params::bool_of(p, "protect_content") {
        raw["has_protected_content"] = json!(true);
    }
}

/// createForumTopic / closeForumTopic / reopenForumTopic / deleteForumTopic.
pub(crate) fn dispatch(st: &mut State, method: &str, p: &Value) -> Option<Result<Value, ApiErr>> {
    let run = |st: &mut State| -> Result<Value, ApiErr> {
        let chat_id = target_chat(st, p, false)?;
        if !st.forum.forums.contains(&chat_id) {
            return Err(ApiErr::bad_request("the chat is not a forum"));
        }
        if method == "createforumtopic" {
            let name = params::str_of(p, "name").unwrap_or_default();
            let thread = create(st, chat_id, &name);
            return Ok(json!({ "message_thread_id": thread, "name": name, "icon_color": 7322096 }));
        }
        let thread = params::i64_of(p, "message_thread_id").unwrap_or_default();
        let topic = st.forum.topics.get_mut(&(chat_id, thread)).filter(|t| !t.deleted);
        let Some(topic) = topic else { return Err(ApiErr::bad_request("message thread not found")) };
        match method {
            "closeforumtopic" => topic.closed = true,
            "reopenforumtopic" => topic.closed = false,
            _ => topic.deleted = true,
        }
        Ok(json!(true))
    };
    match method {
        "createforumtopic" | "closeforumtopic" | "reopenforumtopic" | "deleteforumtopic" => Some(run(st)),
        _ => None,
    }
}

/// A new topic; its id is the id of the service message that opens it, as on Telegram.
fn create(st: &mut State, chat_id: i64, name: &str) -> i64 {
    let thread = i64::from(st.next_msg_id(chat_id));
    st.forum.topics.insert((chat_id, thread), Topic { name: name.to_owned(), closed: false, deleted: false });
    thread
}

impl FakeTelegram {
    /// Makes a supergroup a forum (topics on).
    pub fn make_forum(&self, chat_id: i64) {
        self.lock().forum.forums.insert(chat_id);
    }

    /// A person opens a topic in forum `chat_id`; returns its thread id.
    pub fn create_topic(&self, chat_id: i64, name: &str) -> i64 {
        let mut st = self.lock();
        st.forum.forums.insert(chat_id);
        create(&mut st, chat_id, name)
    }

    /// Closes a topic (sends into it answer `TOPIC_CLOSED`).
    pub fn close_topic(&self, chat_id: i64, thread: i64) {
        if let Some(t) = self.lock().forum.topics.get_mut(&(chat_id, thread)) {
            t.closed = true;
        }
    }

    /// Deletes a topic (sends into it answer `message thread not found`).
    pub fn delete_topic(&self, chat_id: i64, thread: i64) {
        if let Some(t) = self.lock().forum.topics.get_mut(&(chat_id, thread)) {
            t.deleted = true;
        }
    }

    /// The topic a bot message landed in (`None`: General or no forum).
    pub fn thread_of(&self, chat_id: i64, message_id: i32) -> Option<i64> {
        self.lock().message(chat_id, message_id).and_then(|m| m.raw["message_thread_id"].as_i64())
    }

    /// People's reactions on a bot message now total `total` (one emoji kind): the
    /// bot gets a `message_reaction_count` update, as in a group where reactions are
    /// anonymous to bots.
    pub fn react(&self, chat_id: i64, message_id: i32, total: u64) {
        {
            let mut st = self.lock();
            let chat = st.chats.get(&chat_id).map(json::chat).unwrap_or_default();
            let reactions = if total == 0 { json!([]) } else { json!([{ "type": { "type": "emoji", "emoji": "👍" }, "total_count": total }]) };
            st.queue_update(json!({ "message_reaction_count": {
                "chat": chat, "message_id": message_id, "date": json::now(), "reactions": reactions,
            }}));
        }
        self.changed();
    }
}
