//! The delivery worker: claims due outbox rows and sends them, recording each
//! outcome. Telegram's answers decide what happens next:
//! - 429 `retry_after`: back in the queue, not before then;
//! - group upgraded to a supergroup: the group row and the message move to the new id;
//! - 403 (kicked, blocked): failed for good, and a group is marked as left;
//! - network trouble and 5xx: retried with growing backoff, then failed;
//! - any other 400: failed, with Telegram's reason.

use std::sync::Arc;
use std::time::Duration;

use teloxide::prelude::*;
use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup, InputFile};
use teloxide::{ApiError, RequestError};
use tokio::sync::{Notify, watch};

use super::outbox::{self, Claimed};
use super::{Body, Outbox};
use crate::db::{Db, DbResult, SharedClock};
use crate::members::{GroupStatus, groups};

/// A row not confirmed within this many seconds belongs to a dead worker.
const LEASE_SECS: i64 = 120;
/// Transient failures are retried this many times before the row fails.
const MAX_ATTEMPTS: i64 = 8;

pub struct Worker {
    db: Db,
    bot: Bot,
    clock: SharedClock,
    wake: Arc<Notify>,
    name: String,
}

/// What became of one send.
#[derive(Debug, PartialEq)]
pub enum Outcome {
    Sent(i64),
    RetryAt { chat_id: i64, at: i64, reason: String },
    Failed(String),
}

impl Worker {
    pub fn new(db: Db, bot: Bot, clock: SharedClock, outbox: &Outbox) -> Self {
        let name = format!("{}-{}", std::process::id(), clock.now());
        Self { db, bot, clock, wake: outbox.waker(), name }
    }

    /// Runs until `stop` turns true; the row in hand is finished first.
    pub async fn run(self, mut stop: watch::Receiver<bool>) {
        loop {
            if *stop.borrow() {
                return;
            }
            let sent = match self.tick().await {
                Ok(n) => n,
                Err(error) => {
                    tracing::error!(%error, "delivery tick failed");
                    0
                }
            };
            if sent == 0 {
                tokio::select! {
                    _ = self.wake.notified() => {}
                    _ = tokio::time::sleep(Duration::from_secs(1)) => {}
                    _ = stop.changed() => {}
                }
            }
        }
    }

    /// Sends one batch of due rows; returns how many were handled.
    pub async fn tick(&self) -> DbResult<usize> {
        let now = self.clock.now();
        outbox::reclaim_stale(&self.db, LEASE_SECS, now).await?;
        let batch = outbox::claim(&self.db, &self.name, now, 20).await?;
        for row in &batch {
            let outcome = self.send(row).await;
            self.record(row, outcome).await?;
        }
        Ok(batch.len())
    }

    async fn send(&self, row: &Claimed) -> Outcome {
        let chat = ChatId(row.chat_id);
        let result = match &row.body {
            Body::Text { text, buttons, entities } => {
                let mut request = self.bot.send_message(chat, text);
                request.entities = (!entities.is_empty()).then(|| entities.clone());
                if buttons.is_empty() { request.await } else { request.reply_markup(keyboard(buttons)).await }
            }
            Body::Photo { file_id, caption, entities } => {
                let mut request = self.bot.send_photo(chat, InputFile::file_id(file_id.clone().into()));
                request.caption = caption.clone();
                request.caption_entities = (!entities.is_empty()).then(|| entities.clone());
                request.await
            }
            Body::Document { file_id, caption, entities } => {
                let mut request = self.bot.send_document(chat, InputFile::file_id(file_id.clone().into()));
                request.caption = caption.clone();
                request.caption_entities = (!entities.is_empty()).then(|| entities.clone());
                request.await
            }
        };
        match result {
            Ok(message) => Outcome::Sent(i64::from(message.id.0)),
            Err(error) => classify(row, error, self.clock.now()),
        }
    }

    async fn record(&self, row: &Claimed, outcome: Outcome) -> DbResult<()> {
        let now = self.clock.now();
        match outcome {
            Outcome::Sent(message_id) => outbox::mark_sent(&self.db, row.id, message_id, now).await,
            Outcome::RetryAt { chat_id, at, reason } => {
                if chat_id != row.chat_id {
                    groups::migrate(&self.db, row.chat_id, chat_id, now).await?;
                }
                outbox::retry_later(&self.db, row.id, chat_id, at, &reason, now).await
            }
            Outcome::Failed(reason) => {
                if is_forbidden(&reason) && row.chat_id < 0 {
                    if let Some(g) = groups::get(&self.db, row.chat_id).await? {
                        groups::set_status(&self.db, g.chat_id, &g.title, GroupStatus::Left, now).await?;
                    }
                }
                tracing::warn!(row = row.id, chat = row.chat_id, %reason, "delivery failed");
                outbox::mark_failed(&self.db, row.id, &reason, now).await
            }
        }
    }
}

fn keyboard(rows: &[Vec<super::ButtonSpec>]) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new(
        rows.iter()
            .map(|r| r.iter().map(|b| InlineKeyboardButton::callback(b.label.clone(), b.data.clone())).collect::<Vec<_>>()),
    )
}

/// Maps Telegram's answer to what to do with the row.
pub fn classify(row: &Claimed, error: RequestError, now: i64) -> Outcome {
    match error {
        RequestError::RetryAfter(wait) => Outcome::RetryAt {
            chat_id: row.chat_id,
            at: now + i64::from(wait.seconds()),
            reason: format!("429 retry after {}s", wait.seconds()),
        },
        RequestError::MigrateToChatId(new) => {
            Outcome::RetryAt { chat_id: new.0, at: now, reason: format!("migrated to {}", new.0) }
        }
        RequestError::Api(api) => {
            let reason = api_reason(&api);
            Outcome::Failed(reason)
        }
        RequestError::Network(_) | RequestError::Io(_) | RequestError::InvalidJson { .. }
            if row.attempts + 1 < MAX_ATTEMPTS =>
        {
            let backoff = 2_i64.pow(row.attempts.clamp(0, 10) as u32).min(600);
            Outcome::RetryAt { chat_id: row.chat_id, at: now + backoff, reason: format!("transient: {error}") }
        }
        other => Outcome::Failed(format!("gave up: {other}")),
    }
}

/// Telegram's own description where teloxide knows it (`Forbidden: …`), so reports
/// and the forbidden check read the same text whatever teloxide's variant.
fn api_reason(api: &ApiError) -> String {
    match api {
        ApiError::Unknown(text) => text.clone(),
        ApiError::BotKicked => "Forbidden: bot was kicked from the group chat".into(),
        ApiError::CantInitiateConversation => "Forbidden: bot can't initiate conversation with a user".into(),
        other => other.to_string(),
    }
}

fn is_forbidden(reason: &str) -> bool {
    reason.starts_with("Forbidden:")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(attempts: i64) -> Claimed {
        Claimed { id: 1, chat_id: -5, body: Body::Text { text: "x".into(), buttons: vec![], entities: vec![] }, attempts }
    }

    #[test]
    fn telegram_answers_map_to_retry_move_or_failure() {
        let now = 1000;
        let retry = classify(&row(0), RequestError::RetryAfter(teloxide::types::Seconds::from_seconds(9)), now);
        assert!(matches!(retry, Outcome::RetryAt { at: 1009, chat_id: -5, .. }), "{retry:?}");
        let moved = classify(&row(0), RequestError::MigrateToChatId(ChatId(-1005)), now);
        assert!(matches!(moved, Outcome::RetryAt { chat_id: -1005, at: 1000, .. }), "{moved:?}");
        let kicked = classify(&row(0), RequestError::Api(ApiError::Unknown("Forbidden: bot was kicked from the group chat".into())), now);
        assert!(matches!(&kicked, Outcome::Failed(r) if is_forbidden(r)), "{kicked:?}");
        let blocked = classify(&row(0), RequestError::Api(ApiError::BotBlocked), now);
        assert!(matches!(&blocked, Outcome::Failed(r) if is_forbidden(r)), "{blocked:?}");
        let bad = classify(&row(0), RequestError::Api(ApiError::MessageTextIsEmpty), now);
        assert!(matches!(&bad, Outcome::Failed(r) if !is_forbidden(r)), "{bad:?}");
    }
}
