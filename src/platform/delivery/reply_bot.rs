//! The bot as handlers hold it. Answers to the person who just wrote are sent
//! directly (not through the outbox), but within the same flood budget as the
//! outbox worker and ahead of it: a resident never waits behind a broadcast, and a
//! broadcast never pushes an answer into a 429.
//!
//! `ReplyBot` derefs to teloxide's [`Bot`], so every method works as before; the
//! ones that put a message into a chat (`send_*`, `edit_message_*`) are shadowed
//! by paced versions taking the same arguments and setters. Those answers are
//! journaled on the update being handled ([`super::answers`]): marked pending
//! before the send, recorded after it, so an update handled again after a lost
//! process gives recorded answers back instead of sending them, and counts the ones
//! it sends again that may have gone out (`processed_updates.resent_answers`).

use std::future::{Future, IntoFuture};
use std::ops::Deref;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use teloxide::RequestError;
use teloxide::payloads;
use teloxide::prelude::*;
use teloxide::requests::{HasPayload, JsonRequest, MultipartRequest, Output, Request};
use teloxide::types::{InputFile, MessageId, Recipient};

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::answers;
use super::limiter::RateLimiter;

/// A 429 on an answer is waited out and the answer tried once more, if the wait
/// is at most this long; a person is waiting for it.
const REPLY_RETRY_MAX_WAIT: Duration = Duration::from_secs(10);

#[derive(Clone, Debug)]
pub struct ReplyBot {
    bot: Bot,
    limiter: Arc<RateLimiter>,
}

impl Deref for ReplyBot {
    type Target = Bot;
    fn deref(&self) -> &Bot {
        &self.bot
    }
}

/// A request that waits for a sending slot before it goes out.
#[must_use = "requests do nothing until awaited"]
pub struct Paced<R> {
    inner: R,
    chat: Option<i64>,
    limiter: Arc<RateLimiter>,
}

impl ReplyBot {
    pub fn new(bot: Bot, limiter: Arc<RateLimiter>) -> Self {
        Self { bot, limiter }
    }

    fn pace<R>(&self, chat: &Recipient, inner: R) -> Paced<R> {
        let chat = match chat {
            Recipient::Id(id) => Some(id.0),
            Recipient::ChannelUsername(_) => None,
        };
        Paced { inner, chat, limiter: self.limiter.clone() }
    }

    pub fn send_message<C: Into<Recipient>, T: Into<String>>(&self, chat_id: C, text: T) -> Paced<JsonRequest<payloads::SendMessage>> {
        let chat = chat_id.into();
        self.pace(&chat, self.bot.send_message(chat.clone(), text))
    }

    pub fn send_photo<C: Into<Recipient>>(&self, chat_id: C, photo: InputFile) -> Paced<MultipartRequest<payloads::SendPhoto>> {
        let chat = chat_id.into();
        self.pace(&chat, self.bot.send_photo(chat.clone(), photo))
    }

    pub fn send_document<C: Into<Recipient>>(&self, chat_id: C, document: InputFile) -> Paced<MultipartRequest<payloads::SendDocument>> {
        let chat = chat_id.into();
        self.pace(&chat, self.bot.send_document(chat.clone(), document))
    }

    pub fn edit_message_text<C: Into<Recipient>, T: Into<String>>(
        &self,
        chat_id: C,
        message_id: MessageId,
        text: T,
    ) -> Paced<JsonRequest<payloads::EditMessageText>> {
        let chat = chat_id.into();
        self.pace(&chat, self.bot.edit_message_text(chat.clone(), message_id, text))
    }

    pub fn edit_message_caption<C: Into<Recipient>>(&self, chat_id: C, message_id: MessageId) -> Paced<JsonRequest<payloads::EditMessageCaption>> {
        let chat = chat_id.into();
        self.pace(&chat, self.bot.edit_message_caption(chat.clone(), message_id))
    }

    pub fn edit_message_reply_markup<C: Into<Recipient>>(
        &self,
        chat_id: C,
        message_id: MessageId,
    ) -> Paced<JsonRequest<payloads::EditMessageReplyMarkup>> {
        let chat = chat_id.into();
        self.pace(&chat, self.bot.edit_message_reply_markup(chat.clone(), message_id))
    }
}

/// Setters (`.reply_markup(..)`, `.caption(..)`) work through the payload.
impl<R: HasPayload> HasPayload for Paced<R> {
    type Payload = R::Payload;
    fn payload_mut(&mut self) -> &mut Self::Payload {
        self.inner.payload_mut()
    }
    fn payload_ref(&self) -> &Self::Payload {
        self.inner.payload_ref()
    }
}

impl<R> IntoFuture for Paced<R>
where
    R: Request<Err = RequestError> + Send + Sync + 'static,
    Output<R>: Send + Sync + Serialize + DeserializeOwned,
{
    type Output = Result<Output<R>, RequestError>;
    type IntoFuture = Pin<Box<dyn Future<Output = Self::Output> + Send>>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(async move {
            let turn = answers::next_turn();
            if let Some(given) = turn.as_ref().and_then(answers::Turn::given_before::<Output<R>>) {
                return Ok(given);
            }
            let result = self.send(turn.as_ref()).await;
            if let (Some(turn), Ok(output)) = (turn, &result) {
                turn.sent(output).await;
            }
            result
        })
    }
}

impl<R> Paced<R>
where
    R: Request<Err = RequestError> + Send + Sync + 'static,
    Output<R>: Send,
{
    /// Sends within the reply budget; a short 429 is waited out and tried once more.
    /// The journal's pending mark is written once the slot is ours, right before
    /// the first try: an answer still waiting for its slot has not gone out.
    async fn send(&self, turn: Option<&answers::Turn>) -> Result<Output<R>, RequestError> {
        let mut retried = false;
        loop {
            let slot = self.limiter.reply_slot(self.chat).await;
            if let Some(turn) = turn.filter(|_| !retried) {
                turn.sending().await;
            }
            let result = self.inner.send_ref().await;
            drop(slot);
            match result {
                Err(RequestError::RetryAfter(wait)) if !retried && wait.duration() <= REPLY_RETRY_MAX_WAIT => {
                    tracing::warn!(chat = ?self.chat, wait_secs = wait.seconds(), "answer hit the flood limit; retrying once");
                    self.limiter.too_many_requests(self.chat.unwrap_or(1), wait.duration());
                    retried = true;
                }
                other => return other,
            }
        }
    }
}
