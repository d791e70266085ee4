//! A fake Telegram Bot API server for kimbot's end-to-end tests and its
//! terminal sandbox.
//!
//! The real teloxide client talks HTTP to this server (axum on 127.0.0.1),
//! so the whole bot — polling loop, dispatcher, error handling — runs as in
//! production. The test plays the people on the other side:
//!
//! ```no_run
//! # async fn demo() {
//! use fake_telegram::{FakeTelegram, FailRule, Failure};
//! let fake = FakeTelegram::start().await;
//! let bot = fake.bot(); // teloxide::Bot pointed at the fake (or use fake.api_url())
//! // ... spawn the bot under test with `bot` ...
//! let ani = fake.user(1001, "Ani");
//! ani.send("/start KIM01").await;
//! let reply = ani.next_message().await;   // waits up to 10 s
//! assert!(reply.text.contains("Selamat"));
//! ani.press("Setuju").await;              // inline button -> callback_query update
//! let g = fake.group(-100500, "KIM Bukit Lama");
//! g.add_bot(&ani).await;                  // my_chat_member: left -> member
//! ani.in_group(&g).send("/hubungkan KIM01").await;
//! fake.fail_next(FailRule::method("sendMessage", Failure::TooManyRequests { retry_after: 1 }));
//! # }
//! ```
//!
//! Layout: `server` (HTTP, parameter parsing, long polling), `methods` and
//! `messages` (Bot API semantics), `state` (what is remembered), `people`
//! (the user/group side), `faults` (scripted failures, flood limits),
//! `json` (Telegram-shaped JSON).

pub mod balancer;
mod faults;
mod forum;
mod json;
mod messages;
mod methods;
mod outage;
mod params;
mod people;
mod polls;
mod server;
mod state;
mod webhook;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use serde_json::Value;
use tokio::sync::{Notify, broadcast};

pub use balancer::Balancer;
pub use faults::{ApiErr, FailRule, Failure, Limits, OutageMode, Stats};
pub use forum::{Forums, Topic};
pub use people::{Group, Person};
pub use polls::FakePoll;
pub use state::{
    BotEvent, BotMessage, Button, Call, CallbackAnswer, ChatInfo, ChatType, CommandSet, MsgKind,
    State, UserInfo,
};

/// Any token works; this one has the right shape.
pub const TOKEN: &str = "123456:TEST-TOKEN";
/// The bot's user id (the token's prefix, as on Telegram).
pub const BOT_ID: i64 = 123456;
pub const BOT_USERNAME: &str = "kimbot_test_bot";
pub const BOT_NAME: &str = "KIM Bot (test)";

/// Handle to a running fake server; cheap to clone, all clones share state.
#[derive(Clone)]
pub struct FakeTelegram {
    inner: Arc<Inner>,
}

struct Inner {
    state: Mutex<State>,
    /// Woken on every state change; waiters re-check their condition.
    changed: Notify,
    events: broadcast::Sender<BotEvent>,
    addr: SocketAddr,
    stop: Notify,
}

impl FakeTelegram {
    /// Starts on 127.0.0.1 with a random port, on the current tokio runtime.
    /// Panics if it cannot bind (this is a test helper).
    pub async fn start() -> FakeTelegram {
        let addr = SocketAddr::from(([127, 0, 0, 1], 0));
        Self::start_on(addr)
            .await
            .expect("fake-telegram: cannot bind 127.0.0.1:0")
    }

    /// Starts on the given address (port 0 picks a free one).
    pub async fn start_on(addr: SocketAddr) -> std::io::Result<FakeTelegram> {
        let listener = tokio::net::TcpListener::bind(addr).await?;
        let addr = listener.local_addr()?;
        let (events, _) = broadcast::channel(1024);
        let inner = Inner {
            state: Mutex::new(State::new()),
            changed: Notify::new(),
            events,
            addr,
            stop: Notify::new(),
        };
        let fake = FakeTelegram {
            inner: Arc::new(inner),
        };
        webhook::spawn(fake.clone());
        let app = server::router(fake.clone());
        let stopper = fake.clone();
        tokio::spawn(async move {
            let stop = async move { stopper.inner.stop.notified().await };
            let app = app.into_make_service_with_connect_info::<SocketAddr>();
            if let Err(e) = axum::serve(listener, app)
                .with_graceful_shutdown(stop)
                .await
            {
                tracing::error!("fake-telegram server stopped: {e}");
            }
        });
        tracing::info!(%addr, "fake-telegram listening");
        Ok(fake)
    }

    /// Stops accepting connections and releases held `getUpdates` calls.
    pub fn shutdown(&self) {
        self.lock().shutdown = true;
        self.changed();
        self.inner.stop.notify_one();
    }

    pub fn addr(&self) -> SocketAddr {
        self.inner.addr
    }

    /// Base URL for `TELOXIDE_API_URL` / `Bot::set_api_url`, e.g. `http://127.0.0.1:PORT/`.
    pub fn api_url(&self) -> String {
        format!("http://{}/", self.inner.addr)
    }

    /// A teloxide `Bot` with [`TOKEN`] pointed at this server.
    pub fn bot(&self) -> teloxide::Bot {
        let url = url::Url::parse(&self.api_url()).expect("valid api url");
        teloxide::Bot::new(TOKEN).set_api_url(url)
    }

    pub fn bot_username(&self) -> &'static str {
        BOT_USERNAME
    }

    /// Every call so far (including `getUpdates`).
    pub fn calls(&self) -> Vec<Call> {
        self.lock().calls.clone()
    }

    /// Calls to one method, matched case-insensitively.
    pub fn calls_to(&self, method: &str) -> Vec<Call> {
        self.lock().calls_to(method).into_iter().cloned().collect()
    }

    /// The bot's messages in a chat (current state, deleted ones included).
    pub fn messages(&self, chat_id: i64) -> Vec<BotMessage> {
        self.lock().chat_messages(chat_id).to_vec()
    }

    /// Every `setMyCommands` result currently in force.
    pub fn my_commands(&self) -> Vec<CommandSet> {
        self.lock().my_commands.clone()
    }

    /// All `answerCallbackQuery` answers.
    pub fn callback_answers(&self) -> Vec<CallbackAnswer> {
        self.lock().callback_answers.clone()
    }

    pub fn stats(&self) -> Stats {
        self.lock().stats.clone()
    }

    /// Scripts a failure for upcoming calls (rules are tried in order).
    pub fn fail_next(&self, rule: FailRule) {
        self.lock().faults.rules.push(rule);
    }

    /// Drops all scripted failures that have not fired.
    pub fn clear_failures(&self) {
        self.lock().faults.rules.clear();
    }

    /// Turns Telegram's flood limits on or off (off by default).
    pub fn enforce_limits(&self, on: bool) {
        self.lock().faults.enforce = on;
    }

    /// Replaces the limits used when enforcement is on.
    pub fn set_limits(&self, limits: Limits) {
        self.lock().faults.limits = limits;
    }

    /// Every bot message, edit, delete and callback answer from now on.
    pub fn subscribe(&self) -> broadcast::Receiver<BotEvent> {
        self.inner.events.subscribe()
    }

    /// Reads the state under the lock.
    pub fn with_state<T>(&self, f: impl FnOnce(&State) -> T) -> T {
        f(&self.lock())
    }

    /// Waits until `cond` holds over the recorded state; false on timeout.
    pub async fn wait_until(
        &self,
        mut cond: impl FnMut(&State) -> bool,
        timeout: Duration,
    ) -> bool {
        let deadline = tokio::time::Instant::now() + timeout;
        self.wait_for(deadline, |st| cond(st).then_some(()))
            .await
            .is_some()
    }

    /// Queues an update object without id (e.g. `{"message": {...}}`); returns the id given.
    pub fn push_update(&self, update: Value) -> i64 {
        let id = self.lock().queue_update(update);
        self.changed();
        id
    }

    /// Delivers an update with its own `update_id` (possibly an old one) exactly
    /// once, on the next `getUpdates`, regardless of offset: Telegram's
    /// at-least-once delivery, for testing that the bot deduplicates.
    /// Accepts a JSON value or a `teloxide::types::Update`. Panics without `update_id`.
    pub fn push_raw_update(&self, update: impl serde::Serialize) -> i64 {
        let v = serde_json::to_value(update).expect("update serializes");
        let id = v
            .get("update_id")
            .and_then(Value::as_i64)
            .expect("raw update needs an update_id");
        {
            let mut st = self.lock();
            st.next_update_id = st.next_update_id.max(id + 1);
            st.raw_updates.push((id, v));
        }
        self.changed();
        id
    }

    /// Makes `getWebhookInfo` report a failed webhook delivery, as Telegram does
    /// when the bot's URL did not answer.
    pub fn set_webhook_error(&self, message: &str) {
        let at = chrono::Utc::now().timestamp();
        self.lock().webhook_error = Some((at, message.to_owned()));
        self.changed();
    }

    /// The URL of the webhook currently set (empty: none, long polling).
    pub fn webhook_url(&self) -> String {
        self.lock().webhook_url.clone()
    }

    /// Every update queued so far (with ids), oldest first.
    pub fn update_log(&self) -> Vec<Value> {
        self.lock().update_log.clone()
    }

    /// Updates queued and not yet confirmed by the bot.
    pub fn pending_updates(&self) -> usize {
        let st = self.lock();
        st.updates.len() + st.raw_updates.len()
    }

    pub(crate) fn lock(&self) -> MutexGuard<'_, State> {
        self.inner
            .state
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    pub(crate) fn changed(&self) {
        self.inner.changed.notify_waiters();
    }

    pub(crate) fn publish(&self, events: Vec<BotEvent>) {
        for e in events {
            // No subscribers is fine.
            let _ = self.inner.events.send(e);
        }
    }

    /// Re-evaluates `f` on every state change until it yields or the deadline passes.
    pub(crate) async fn wait_for<T>(
        &self,
        deadline: tokio::time::Instant,
        mut f: impl FnMut(&mut State) -> Option<T>,
    ) -> Option<T> {
        loop {
            let notified = self.inner.changed.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            if let Some(t) = f(&mut self.lock()) {
                return Some(t);
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                return f(&mut self.lock());
            }
        }
    }
}
