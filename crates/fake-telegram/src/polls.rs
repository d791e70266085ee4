//! Native polls: `sendPoll`, `stopPoll`, and people answering them.
//!
//! As on Telegram: `is_anonymous` defaults to true; a chat can refuse non-anonymous
//! polls (channels do; see [`FakeTelegram::refuse_named_polls`]); an answer to a
//! non-anonymous poll reaches the bot as a `poll_answer` naming the person, and
//! every change of the counts as a `poll` update (so is its final state when the
//! bot stops it); a stopped poll takes no answers.

use serde_json::{Value, json};

use crate::FakeTelegram;
use crate::faults::ApiErr;
use crate::json;
use crate::messages::{check_can_send, target_chat};
use crate::params;
use crate::state::{BotEvent, BotMessage, MsgKind, State};

/// A poll the bot sent, with every answer given so far.
#[derive(Clone, Debug, PartialEq)]
pub struct FakePoll {
    pub id: String,
    pub chat_id: i64,
    pub message_id: i32,
    pub question: String,
    pub options: Vec<String>,
    pub anonymous: bool,
    pub multiple: bool,
    pub closed: bool,
    /// Current answers per user (an empty list is removed: a retraction).
    pub votes: std::collections::BTreeMap<i64, Vec<u8>>,
}

impl FakePoll {
    /// Telegram's `Poll` object with the current counts.
    pub fn to_json(&self) -> Value {
        let options: Vec<Value> = self
            .options
            .iter()
            .enumerate()
            .map(|(i, text)| {
                let n = self.votes.values().filter(|v| v.contains(&(i as u8))).count();
                json!({ "text": text, "voter_count": n })
            })
            .collect();
        json!({ "id": self.id, "question": self.question, "options": options,
                "total_voter_count": self.votes.len(), "is_closed": self.closed,
                "is_anonymous": self.anonymous, "type": "regular",
                "allows_multiple_answers": self.multiple })
    }
}

/// sendPoll, with Telegram's limits: question 1-300 characters, 2-10 options of
/// 1-100 characters each.
pub fn send(st: &mut State, p: &Value, events: &mut Vec<BotEvent>) -> Result<Value, ApiErr> {
    let chat_id = target_chat(st, p, true)?;
    check_can_send(st, chat_id)?;
    let thread = crate::forum::thread_for(st, chat_id, p)?;
    let question = params::str_of(p, "question").unwrap_or_default();
    if !(1..=300).contains(&question.chars().count()) {
        return Err(ApiErr::bad_request("poll question length must not exceed 300"));
    }
    let options: Vec<String> = match params::json_of(p, "options") {
        Some(Value::Array(list)) => list
            .iter()
            .map(|o| o.get("text").and_then(Value::as_str).or(o.as_str()).unwrap_or_default().to_owned())
            .collect(),
        _ => Vec::new(),
    };
    if !(2..=10).contains(&options.len()) {
        return Err(ApiErr::bad_request("poll must have at least 2 option"));
    }
    if options.iter().any(|o| !(1..=100).contains(&o.chars().count())) {
        return Err(ApiErr::bad_request("poll options length must not exceed 100"));
    }
    let anonymous = p.get("is_anonymous").is_none() || params::bool_of(p, "is_anonymous");
    if !anonymous && st.named_polls_refused.contains(&chat_id) {
        return Err(ApiErr::bad_request("non-anonymous polls can't be sent to channel chats"));
    }
    if let Err(retry_after) = st.faults.check_send(chat_id, &mut st.stats) {
        st.stats.too_many_requests += 1;
        return Err(ApiErr::too_many(retry_after));
    }
    let message_id = st.next_msg_id(chat_id);
    st.next_poll += 1;
    let poll = FakePoll {
        id: format!("poll-{}", st.next_poll),
        chat_id,
        message_id,
        question: question.clone(),
        options,
        anonymous,
        multiple: params::bool_of(p, "allows_multiple_answers"),
        closed: false,
        votes: Default::default(),
    };
    let chat = st.chats.get(&chat_id).map(json::chat).unwrap_or_default();
    let mut raw = json::message_base(message_id, chat, json::bot_user());
    raw["poll"] = poll.to_json();
    crate::forum::mark(&mut raw, thread, p);
    st.polls.push(poll);
    let msg = BotMessage {
        chat_id,
        message_id,
        text: question,
        parse_mode: None,
        buttons: Vec::new(),
        reply_keyboard: None,
        remove_keyboard: false,
        kind: MsgKind::Text,
        file: None,
        location: None,
        deleted: false,
        edited: false,
        raw: raw.clone(),
    };
    Ok(crate::messages::record_sent(st, msg, events))
}

/// stopPoll: closes the poll of that message and returns it with its final counts.
pub fn stop(st: &mut State, p: &Value) -> Result<Value, ApiErr> {
    let chat_id = target_chat(st, p, true)?;
    check_can_send(st, chat_id)?;
    let message_id = params::i64_of(p, "message_id").unwrap_or_default() as i32;
    let poll = st
        .polls
        .iter_mut()
        .find(|x| x.chat_id == chat_id && x.message_id == message_id)
        .ok_or_else(|| ApiErr::bad_request("message with poll to stop not found"))?;
    if poll.closed {
        return Err(ApiErr::bad_request("poll has already been closed"));
    }
    poll.closed = true;
    let final_state = poll.to_json();
    // As Telegram: a bot hears the final state of a poll it stopped as a `poll` update.
    st.queue_update(json!({ "poll": final_state.clone() }));
    Ok(final_state)
}

impl FakeTelegram {
    /// Every poll the bot sent, in order.
    pub fn polls(&self) -> Vec<FakePoll> {
        self.lock().polls.clone()
    }

    /// Makes `chat_id` refuse non-anonymous polls, as a channel does.
    pub fn refuse_named_polls(&self, chat_id: i64) {
        self.lock().named_polls_refused.insert(chat_id);
    }

    /// `user_id` answers the newest poll in `chat_id` with `options` (empty:
    /// retracts). Returns false, queuing nothing, when there is no open poll there.
    pub fn answer_poll(&self, user_id: i64, chat_id: i64, options: &[u8]) -> bool {
        let done = {
            let mut st = self.lock();
            let user = st.users.get(&user_id).map(json::user).unwrap_or_else(|| json!({ "id": user_id, "is_bot": false, "first_name": "?" }));
            let Some(poll) = st.polls.iter_mut().rev().find(|x| x.chat_id == chat_id) else { return false };
            if poll.closed {
                return false;
            }
            if options.is_empty() {
                poll.votes.remove(&user_id);
            } else {
                poll.votes.insert(user_id, options.to_vec());
            }
            let (anonymous, id, counts) = (poll.anonymous, poll.id.clone(), poll.to_json());
            if !anonymous {
                st.queue_update(json!({ "poll_answer": { "poll_id": id, "user": user, "option_ids": options } }));
            }
            st.queue_update(json!({ "poll": counts }));
            true
        };
        self.changed();
        done
    }
}
