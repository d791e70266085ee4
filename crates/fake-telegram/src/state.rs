//! What the fake remembers: the call log, the bot's messages per chat, known
//! chats and users, pending updates. Everything sits in one [`State`] behind a
//! mutex so that tests can inspect a consistent snapshot (see
//! [`FakeTelegram::wait_until`](crate::FakeTelegram::wait_until)).

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::time::Instant;

use serde_json::Value;
use teloxide::types::BotCommand;

use crate::faults::{Faults, Stats};

/// One HTTP call the bot made.
#[derive(Clone, Debug)]
pub struct Call {
    /// Lowercase method name, e.g. `sendmessage`.
    pub method: String,
    /// Parameters as JSON (multipart text fields parsed; files described as
    /// `{"file_name":..,"size":..}`).
    pub params: Value,
    /// The full response body sent back.
    pub response: Value,
    pub at: Instant,
}

/// An inline keyboard button of a bot message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Button {
    pub text: String,
    pub callback_data: Option<String>,
    pub url: Option<String>,
}

/// What kind of message the bot sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MsgKind {
    Text,
    Photo,
    Document,
    Location,
}

impl MsgKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MsgKind::Text => "text",
            MsgKind::Photo => "photo",
            MsgKind::Document => "document",
            MsgKind::Location => "location",
        }
    }
}

impl PartialEq<&str> for MsgKind {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// A message the bot sent, as the fake stores it (latest state, or a snapshot
/// in the event log).
#[derive(Clone, Debug, PartialEq)]
pub struct BotMessage {
    pub chat_id: i64,
    pub message_id: i32,
    /// Text, or caption for media (empty when none). Markup is kept verbatim.
    pub text: String,
    /// `parse_mode` as sent (`HTML`, `MarkdownV2`, ...).
    pub parse_mode: Option<String>,
    /// Inline keyboard rows.
    pub buttons: Vec<Vec<Button>>,
    /// Reply keyboard rows (button texts, including request_contact ones).
    pub reply_keyboard: Option<Vec<Vec<String>>>,
    /// The message carried `reply_markup: {"remove_keyboard": true}`.
    pub remove_keyboard: bool,
    pub kind: MsgKind,
    /// Photo/document: the uploaded file's name, or the file_id/URL sent.
    pub file: Option<String>,
    pub location: Option<(f64, f64)>,
    pub deleted: bool,
    pub edited: bool,
    /// The Telegram `Message` JSON the fake answered with (kept up to date on edits).
    pub raw: Value,
}

impl BotMessage {
    /// All inline button labels, row by row flattened.
    pub fn button_texts(&self) -> Vec<&str> {
        self.buttons
            .iter()
            .flatten()
            .map(|b| b.text.as_str())
            .collect()
    }

    /// The first inline button whose text contains `label`.
    pub fn button(&self, label: &str) -> Option<&Button> {
        let all = || self.buttons.iter().flatten();
        all()
            .find(|b| b.text == label)
            .or_else(|| all().find(|b| b.text.contains(label)))
    }
}

/// Something the bot did that a watcher (the sandbox) may want to show.
#[derive(Clone, Debug, PartialEq)]
pub enum BotEvent {
    NewMessage(BotMessage),
    Edited(BotMessage),
    Deleted { chat_id: i64, message_id: i32 },
    CallbackAnswer(CallbackAnswer),
}

/// The bot's answer to a button press.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CallbackAnswer {
    pub callback_query_id: String,
    pub user_id: i64,
    pub chat_id: i64,
    pub text: Option<String>,
    pub show_alert: bool,
}

/// A `setMyCommands` result: commands for a scope and language.
#[derive(Clone, Debug, PartialEq)]
pub struct CommandSet {
    /// The scope JSON as given; `{"type":"default"}` when the call had none.
    pub scope: Value,
    pub language_code: Option<String>,
    pub commands: Vec<BotCommand>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChatType {
    Private,
    Group,
    Supergroup,
}

impl ChatType {
    pub fn as_str(self) -> &'static str {
        match self {
            ChatType::Private => "private",
            ChatType::Group => "group",
            ChatType::Supergroup => "supergroup",
        }
    }
}

/// A chat the fake knows (so that `getChat` and sends to it work).
#[derive(Clone, Debug, PartialEq)]
pub struct ChatInfo {
    pub id: i64,
    pub kind: ChatType,
    /// Group title, or the user's first name for private chats.
    pub title: String,
    pub username: Option<String>,
}

/// A simulated Telegram user.
#[derive(Clone, Debug, PartialEq)]
pub struct UserInfo {
    pub id: i64,
    pub first_name: String,
    pub last_name: Option<String>,
    pub username: Option<String>,
    pub language_code: Option<String>,
}

/// Where a pressed button came from, to attribute `answerCallbackQuery`.
#[derive(Clone, Debug)]
pub(crate) struct PendingCallback {
    pub user_id: i64,
    pub chat_id: i64,
}

/// The fake's whole memory. Public fields are for inspection in
/// [`FakeTelegram::wait_until`](crate::FakeTelegram::wait_until); mutate it only
/// through the fake's methods.
#[derive(Debug, Default)]
pub struct State {
    pub calls: Vec<Call>,
    pub chats: BTreeMap<i64, ChatInfo>,
    pub users: HashMap<i64, UserInfo>,
    /// Current state of every bot message, per chat, in send order.
    pub messages: BTreeMap<i64, Vec<BotMessage>>,
    /// Per chat: snapshots of new and edited bot messages, in order; this is
    /// what `next_message` walks through.
    pub events: BTreeMap<i64, Vec<BotMessage>>,
    pub my_commands: Vec<CommandSet>,
    pub callback_answers: Vec<CallbackAnswer>,
    pub stats: Stats,
    /// The bot's membership status per group (`member`, `kicked`, ...).
    pub bot_status: HashMap<i64, String>,
    /// Users' statuses in groups, keyed by (chat_id, user_id).
    pub member_status: HashMap<(i64, i64), String>,
    /// Private chats whose user blocked the bot.
    pub blocked_by: std::collections::HashSet<i64>,
    /// Old group id -> new supergroup id.
    pub migrated: HashMap<i64, i64>,
    /// The client address of every file download, in order: which connection a
    /// client used shows whether it reuses one (e.g. the console's photo proxy).
    pub file_download_peers: Vec<std::net::SocketAddr>,
    /// Every update ever queued, with its id (for re-delivery tests).
    pub update_log: Vec<Value>,
    pub(crate) updates: VecDeque<(i64, Value)>,
    pub(crate) raw_updates: Vec<(i64, Value)>,
    pub(crate) next_update_id: i64,
    pub(crate) next_message_id: HashMap<i64, i32>,
    pub(crate) callbacks: HashMap<String, PendingCallback>,
    pub(crate) next_callback: u64,
    pub(crate) next_file: u64,
    pub(crate) read_cursor: HashMap<i64, usize>,
    pub(crate) allowed_updates: Option<Vec<String>>,
    pub(crate) webhook_url: String,
    /// `secret_token` of the last setWebhook, sent back with every webhook POST.
    pub(crate) webhook_secret: Option<String>,
    /// Telegram's record of the last failed webhook POST: (unix time, message).
    pub(crate) webhook_error: Option<(i64, String)>,
    pub(crate) faults: Faults,
    /// Webhook connections at once (setWebhook's `max_connections`).
    pub(crate) webhook_max_connections: usize,
    /// How long a webhook POST may take before it counts as failed.
    pub(crate) webhook_timeout: std::time::Duration,
    pub(crate) in_flight: crate::webhook::InFlight,
    /// Failed webhook tries per update id not yet confirmed (for the backoff).
    pub(crate) webhook_failures_of: HashMap<i64, u32>,
    /// Update ids the webhook confirmed (2xx), in order; an id twice means the
    /// update was delivered again after a confirmed delivery (never, on Telegram).
    pub webhook_confirmed: Vec<i64>,
    pub(crate) shutdown: bool,
    /// Polls the bot sent (see `polls`).
    pub polls: Vec<crate::polls::FakePoll>,
    pub(crate) next_poll: u64,
    /// Forum supergroups and their topics (see `forum`).
    pub forum: crate::forum::Forums,
    /// Chats that take only anonymous polls (channels).
    pub(crate) named_polls_refused: std::collections::HashSet<i64>,
}

impl State {
    pub(crate) fn new() -> Self {
        Self {
            next_update_id: 100_000,
            webhook_max_connections: crate::webhook::DEFAULT_MAX_CONNECTIONS,
            webhook_timeout: std::time::Duration::from_secs(60),
            ..Self::default()
        }
    }

    /// The next message id in a chat (user and bot messages share it, as on Telegram).
    pub(crate) fn next_msg_id(&mut self, chat_id: i64) -> i32 {
        let n = self.next_message_id.entry(chat_id).or_insert(0);
        *n += 1;
        *n
    }

    pub(crate) fn file_id(&mut self, prefix: &str) -> (String, String) {
        self.next_file += 1;
        (
            format!("{prefix}-fake-file-{}", self.next_file),
            format!("uniq{}", self.next_file),
        )
    }

    /// Queues an update (an object like `{"message": {...}}`), giving it a fresh id.
    pub(crate) fn queue_update(&mut self, mut update: Value) -> i64 {
        let id = self.next_update_id;
        self.next_update_id += 1;
        update["update_id"] = Value::from(id);
        self.update_log.push(update.clone());
        self.updates.push_back((id, update));
        id
    }

    pub(crate) fn message(&self, chat_id: i64, message_id: i32) -> Option<&BotMessage> {
        self.messages
            .get(&chat_id)?
            .iter()
            .find(|m| m.message_id == message_id)
    }

    pub(crate) fn message_mut(&mut self, chat_id: i64, message_id: i32) -> Option<&mut BotMessage> {
        self.messages
            .get_mut(&chat_id)?
            .iter_mut()
            .find(|m| m.message_id == message_id)
    }

    /// The bot messages of a chat (latest state).
    pub fn chat_messages(&self, chat_id: i64) -> &[BotMessage] {
        self.messages
            .get(&chat_id)
            .map(Vec::as_slice)
            .unwrap_or_default()
    }

    /// Calls to one method (case-insensitive).
    pub fn calls_to(&self, method: &str) -> Vec<&Call> {
        let m = method.to_ascii_lowercase();
        self.calls.iter().filter(|c| c.method == m).collect()
    }
}
