//! Everything the bot sends to a chat other than the one it is answering goes
//! through a persistent outbox drained by a [`worker`]: notices to residents,
//! announcements to groups, reminders. Rows survive restarts; the outcome of each
//! send (message id, or failure reason) is recorded per chat.
//!
//! Pacing is ours, not teloxide's `Throttle`: one [`limiter::RateLimiter`] per
//! process holds Telegram's windows (30/s overall, 20/min per group, ~1/s per
//! private chat) for both the worker and the handlers' direct answers
//! ([`ReplyBot`]), answers first. Tunables: [`config::DeliveryConfig`].
//!
//! Several processes: each claims rows with a conditional UPDATE (`FOR UPDATE SKIP
//! LOCKED` on PostgreSQL), so no row is sent twice; the global budget is split with
//! `KIMBOT_SEND_SHARE`. Per-chat windows live in each process, so two processes
//! could together exceed one group's 20/min if that group alone has more than 20
//! messages queued at once (a 429 then pauses it; nothing is lost).

pub mod answers;
pub mod config;
pub mod limiter;
pub mod outbox;
pub mod paid;
pub mod reactions;
pub mod reply_bot;
pub mod report;
pub mod send;
pub mod topics;
pub mod worker;

pub use config::DeliveryConfig;
pub use limiter::RateLimiter;
pub use reply_bot::ReplyBot;
pub use report::{Delivery, Summary};


use serde::{Deserialize, Serialize};
use teloxide::types::MessageEntity;
use crate::platform::queue::worker::Wake;

use crate::platform::db::{Db, DbResult, SharedClock};

/// Lower goes first within the shared sending budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Priority {
    /// An emergency warning (`/darurat`): ahead of every other queued message.
    Emergency = -1,
    /// Answers a person is waiting for.
    Reply = 0,
    /// A personal notice (ticket status change, reminder).
    Personal = 1,
    /// One of many copies of a broadcast.
    Broadcast = 2,
}

/// An inline button on an outgoing message: callback `data`, or — when `data` is an
/// `https://` address (see [`ButtonSpec::link`]) — a link button that opens it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ButtonSpec {
    pub label: String,
    pub data: String,
}

impl ButtonSpec {
    /// A button opening `url` (e.g. a `t.me/<bot>?start=…` deep link). Callback data
    /// never starts with `https://` (feature prefixes are short codes), so the stored
    /// form needs no new field and rows queued before stay readable.
    pub fn link(label: String, url: String) -> ButtonSpec {
        ButtonSpec { label, data: url }
    }

    /// The address of a link button.
    pub fn url(&self) -> Option<&str> {
        self.data.starts_with("https://").then_some(self.data.as_str())
    }
}

/// What to send. `entities` carry the author's formatting (bold, italic, links) of
/// the text or caption, as Telegram gave them; empty for plain text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Body {
    Text {
        text: String,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        buttons: Vec<Vec<ButtonSpec>>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        entities: Vec<MessageEntity>,
    },
    Photo {
        file_id: String,
        caption: Option<String>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        entities: Vec<MessageEntity>,
        /// Buttons under the photo (a training poster's "Daftar").
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        buttons: Vec<Vec<ButtonSpec>>,
    },
    Document {
        file_id: String,
        caption: Option<String>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        entities: Vec<MessageEntity>,
        /// Buttons under the document (its "Bagikan ke WhatsApp").
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        buttons: Vec<Vec<ButtonSpec>>,
    },
    /// A native poll, non-anonymous so each answer names its person (a chat that
    /// refuses that, a channel, gets it anonymous). Telegram's poll id is recorded.
    Poll { question: String, options: Vec<String>, multiple: bool },
    /// Closes a poll the bot sent as `message_id` in this chat.
    StopPoll { message_id: i64 },
    /// Deletes a message the bot sent (recall); Telegram allows it for 48 hours.
    Delete { message_id: i64 },
    /// Replaces the inline buttons of the message sent for outbox row `post`
    /// (editMessageReplyMarkup), e.g. a training post's "Daftar" once it is full.
    /// Queued behind the post in the same chat; the worker looks up its message id
    /// when it sends, so the edit may be queued before the post has gone out.
    EditButtons { post: i64, buttons: Vec<Vec<ButtonSpec>> },
    /// A picture the bot drew itself (a poll's result chart, ~40 kB), uploaded when the
    /// row is sent: it has no Telegram file id yet. `hex` is the file, hex-encoded so
    /// the row stays JSON text on both databases.
    DrawnPhoto { name: String, hex: String, caption: Option<String> },
}

impl Body {
    /// A picture made by the bot (`bytes`, shown as file `name`), uploaded when sent.
    pub fn drawn_photo(name: &str, bytes: &[u8], caption: Option<String>) -> Body {
        Body::DrawnPhoto { name: name.to_string(), hex: hex::encode(bytes), caption }
    }
}

/// One message for one chat.
#[derive(Debug, Clone)]
pub struct Outgoing {
    pub chat_id: i64,
    pub body: Body,
    pub priority: Priority,
    /// What the message belongs to (`"aspiration:12"`), for reports and recall.
    pub source: Option<String>,
}

impl Outgoing {
    pub fn text(chat_id: i64, text: String, priority: Priority, source: Option<String>) -> Self {
        Self { chat_id, body: Body::Text { text, buttons: Vec::new(), entities: Vec::new() }, priority, source }
    }
}

/// How a batch of messages is queued beyond its rows (see [`Outbox::enqueue_posts_in`]
/// and [`Outbox::enqueue_protected_in`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SendOptions {
    /// The kind of group post (a feature's declared `TopicKind` code): a forum
    /// group gets it in the topic chosen for that kind.
    pub kind: Option<&'static str>,
    /// Telegram keeps the message from being forwarded or saved (personal data).
    pub protect: bool,
    /// Sent with `allow_paid_broadcast` by the paid lane (see [`paid`]).
    pub paid: bool,
}

/// The handle features use to queue messages; cheap to clone.
#[derive(Debug, Clone)]
pub struct Outbox {
    db: Db,
    clock: SharedClock,
    wake: Wake,
    /// Wakes the paid-broadcast lane's worker (see [`paid`]), which waits apart.
    paid_wake: Wake,
}

impl Outbox {
    pub fn new(db: Db, clock: SharedClock) -> Self {
        Self { db, clock, wake: Wake::new(), paid_wake: Wake::new() }
    }

    /// Queues messages (in one transaction) and wakes the worker.
    pub async fn enqueue(&self, items: &[Outgoing]) -> DbResult<Vec<i64>> {
        let mut tx = self.db.begin().await?;
        let ids = self.enqueue_in(&mut tx, items).await?;
        tx.commit().await?;
        self.wake();
        Ok(ids)
    }

    /// Queues messages inside the caller's transaction, so a state change and the
    /// notice about it commit together. Call [`Outbox::wake`] after the commit.
    pub async fn enqueue_in(
        &self,
        tx: &mut sqlx::Transaction<'_, sqlx::Any>,
        items: &[Outgoing],
    ) -> DbResult<Vec<i64>> {
        outbox::insert(tx, items, self.clock.now()).await
    }

    /// Queues messages to be sent with Telegram's paid broadcast
    /// (`allow_paid_broadcast`), inside the caller's transaction; see [`paid`]. Call
    /// [`Outbox::wake`] after the commit.
    pub async fn enqueue_paid_in(
        &self,
        tx: &mut sqlx::Transaction<'_, sqlx::Any>,
        items: &[Outgoing],
    ) -> DbResult<Vec<i64>> {
        let options = SendOptions { paid: true, ..SendOptions::default() };
        outbox::insert_with(tx, items, self.clock.now(), &options).await
    }

    /// Queues many messages at once inside the caller's transaction (multi-row
    /// inserts; no ids returned), marked for the paid lane when `paid`. Call
    /// [`Outbox::wake`] after the commit.
    pub async fn enqueue_bulk_in(
        &self,
        tx: &mut sqlx::Transaction<'_, sqlx::Any>,
        items: &[Outgoing],
        paid: bool,
    ) -> DbResult<u64> {
        outbox::insert_bulk(tx, items, self.clock.now(), paid).await
    }

    /// Queues group posts of `kind` inside the caller's transaction: in a forum group
    /// each goes to the topic chosen for that kind (`/topik`), else to the topic the
    /// group was linked in, else to General. Call [`Outbox::wake`] after the commit.
    pub async fn enqueue_posts_in(
        &self,
        tx: &mut sqlx::Transaction<'_, sqlx::Any>,
        items: &[Outgoing],
        kind: &'static str,
    ) -> DbResult<Vec<i64>> {
        let options = SendOptions { kind: Some(kind), ..SendOptions::default() };
        outbox::insert_with(tx, items, self.clock.now(), &options).await
    }

    /// Queues messages that carry personal data (a resident's words to staff) inside
    /// the caller's transaction: Telegram keeps them from being forwarded or saved.
    /// Call [`Outbox::wake`] after the commit.
    pub async fn enqueue_protected_in(
        &self,
        tx: &mut sqlx::Transaction<'_, sqlx::Any>,
        items: &[Outgoing],
    ) -> DbResult<Vec<i64>> {
        let options = SendOptions { protect: true, ..SendOptions::default() };
        outbox::insert_with(tx, items, self.clock.now(), &options).await
    }

    /// Tells the workers in this process that rows are waiting.
    pub fn wake(&self) {
        self.wake.wake();
        self.paid_wake.wake();
    }

    pub(crate) fn paid_waker(&self) -> Wake {
        self.paid_wake.clone()
    }

    pub(crate) fn waker(&self) -> Wake {
        self.wake.clone()
    }

    /// How far the messages of `source` got (for announcement reports).
    pub async fn summary(&self, source: &str) -> DbResult<Summary> {
        report::summary(&self.db, source).await
    }

    /// Every row of `source`, with Telegram's message ids (for recall) and reasons.
    pub async fn deliveries(&self, source: &str) -> DbResult<Vec<Delivery>> {
        report::deliveries(&self.db, source).await
    }

    /// Stops what of `source` is still queued; returns how many rows were stopped.
    pub async fn cancel(&self, source: &str) -> DbResult<u64> {
        report::cancel(&self.db, source, self.clock.now()).await
    }
}
