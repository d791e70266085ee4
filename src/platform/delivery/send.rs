//! One send: the Telegram request for an outbox row, under a timeout, and what
//! Telegram's answer means for the row.

use std::time::Duration;

use teloxide::prelude::*;
use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup, InputFile, InputPollOption, MessageId, ThreadId};
use teloxide::{ApiError, RequestError};

use super::outbox::Claimed;
use super::{Body, ButtonSpec};

/// What became of one attempt.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Delivered; Telegram's message id (and poll id, for a poll).
    Sent(i64, Option<String>),
    /// 429: wait this long before writing to this chat (and maybe to anyone).
    TooMany(Duration),
    /// The group became a supergroup with this id.
    Migrated(i64),
    /// 403: kicked, blocked, not a member. No message to this chat can succeed.
    Forbidden(String),
    /// Worth another try later: network trouble, 5xx, no answer in time.
    Transient { reason: String, maybe_delivered: bool },
    /// Any other refusal (400): trying again would fail the same way.
    Failed(String),
    /// 400: the forum topic of the row was deleted or closed (see [`super::topics`]).
    TopicGone(String),
}

/// Sends `row`, giving up after `timeout` (teloxide itself waits 10 s after a 5xx
/// before it returns, and a hung connection would hold a slot for good).
pub async fn attempt(bot: &Bot, row: &Claimed, timeout: Duration) -> Outcome {
    if row.paid {
        return timed(super::paid::request(bot, row), timeout).await;
    }
    match timed(request(bot, row), timeout).await {
        // Without a topic of ours the answer cannot be about one.
        Outcome::TopicGone(reason) if row.thread.is_none() => Outcome::Failed(reason),
        outcome => outcome,
    }
}

/// Replaces the buttons of message `message_id` (an [`Body::EditButtons`] row whose
/// post the worker found sent). An edit that changes nothing counts as done.
pub async fn edit_buttons(bot: &Bot, chat_id: i64, message_id: i64, buttons: &[Vec<ButtonSpec>], timeout: Duration) -> Outcome {
    let edit = async {
        let request = bot.edit_message_reply_markup(ChatId(chat_id), MessageId(message_id as i32));
        match request.reply_markup(keyboard(buttons)).await {
            Ok(_) | Err(RequestError::Api(ApiError::MessageNotModified)) => Ok((message_id, None)),
            Err(e) => Err(e),
        }
    };
    timed(edit, timeout).await
}

async fn timed(request: impl Future<Output = Result<(i64, Option<String>), RequestError>>, timeout: Duration) -> Outcome {
    match tokio::time::timeout(timeout, request).await {
        Ok(Ok((message_id, poll_id))) => Outcome::Sent(message_id, poll_id),
        Ok(Err(error)) => classify(error),
        Err(_) => Outcome::Transient { reason: format!("no answer within {} s", timeout.as_secs()), maybe_delivered: true },
    }
}

/// The message id (the poll's, for stop and delete) and, for a poll, the poll id.
pub(super) async fn request(bot: &Bot, row: &Claimed) -> Result<(i64, Option<String>), RequestError> {
    let chat = ChatId(row.chat_id);
    let sent = |m: Message| (i64::from(m.id.0), None);
    let (thread, protect) = (row.thread.map(|t| ThreadId(MessageId(t as i32))), row.protect.then_some(true));
    match &row.body {
        Body::Text { text, buttons, entities } => {
            let mut request = bot.send_message(chat, text);
            (request.message_thread_id, request.protect_content) = (thread, protect);
            request.entities = (!entities.is_empty()).then(|| entities.clone());
            let message = if buttons.is_empty() { request.await? } else { request.reply_markup(keyboard(buttons)).await? };
            Ok(sent(message))
        }
        Body::Photo { file_id, caption, entities, buttons } => {
            let mut request = bot.send_photo(chat, InputFile::file_id(file_id.clone().into()));
            (request.message_thread_id, request.protect_content) = (thread, protect);
            request.caption = caption.clone();
            request.caption_entities = (!entities.is_empty()).then(|| entities.clone());
            let message = if buttons.is_empty() { request.await? } else { request.reply_markup(keyboard(buttons)).await? };
            Ok(sent(message))
        }
        Body::Document { file_id, caption, entities, buttons } => {
            let mut request = bot.send_document(chat, InputFile::file_id(file_id.clone().into()));
            (request.message_thread_id, request.protect_content) = (thread, protect);
            request.caption = caption.clone();
            request.caption_entities = (!entities.is_empty()).then(|| entities.clone());
            let message = if buttons.is_empty() { request.await? } else { request.reply_markup(keyboard(buttons)).await? };
            Ok(sent(message))
        }
        Body::DrawnPhoto { name, hex, caption } => {
            let mut request = bot.send_photo(chat, drawn_file(name, hex)?);
            (request.message_thread_id, request.protect_content) = (thread, protect);
            request.caption = caption.clone();
            request.await.map(sent)
        }
        Body::Poll { question, options, multiple } => send_poll(bot, chat, thread, question, options, *multiple).await,
        Body::StopPoll { message_id } => {
            let poll = bot.stop_poll(chat, MessageId(*message_id as i32)).await?;
            Ok((*message_id, Some(poll.id.0)))
        }
        Body::Delete { message_id } => {
            bot.delete_message(chat, MessageId(*message_id as i32)).await?;
            Ok((*message_id, None))
        }
        // Needs the post's message id, which only the worker looks up (`edit_buttons`).
        Body::EditButtons { post, .. } => {
            Err(RequestError::Api(ApiError::Unknown(format!("the edit of row {post} came without its message id"))))
        }
    }
}

/// The file of a [`Body::DrawnPhoto`]. One that does not decode is refused as Telegram
/// would refuse a bad file id (never retried).
fn drawn_file(name: &str, hex: &str) -> Result<InputFile, RequestError> {
    let bytes = hex::decode(hex).map_err(|_| RequestError::Api(ApiError::Unknown("Bad Request: stored picture unreadable".into())))?;
    Ok(InputFile::memory(bytes).file_name(name.to_string()))
}

/// Telegram's refusal of a non-anonymous poll (channels take only anonymous ones).
const ANONYMOUS_ONLY: &str = "non-anonymous polls can't be sent";

/// A non-anonymous poll, or an anonymous one where the chat accepts nothing else
/// (its answers then arrive only as totals in `poll` updates).
async fn send_poll(bot: &Bot, chat: ChatId, thread: Option<ThreadId>, question: &str, options: &[String], multiple: bool) -> Result<(i64, Option<String>), RequestError> {
    let options = || options.iter().map(|o| InputPollOption::new(o.clone())).collect::<Vec<_>>();
    let poll = |anonymous: bool| {
        let mut request = bot.send_poll(chat, question, options()).is_anonymous(anonymous).allows_multiple_answers(multiple);
        request.message_thread_id = thread;
        request
    };
    let named = poll(false).await;
    let message = match named {
        Err(RequestError::Api(ApiError::Unknown(text))) if text.contains(ANONYMOUS_ONLY) => poll(true).await?,
        other => other?,
    };
    let poll_id = message.poll().map(|p| p.id.0.clone());
    Ok((i64::from(message.id.0), poll_id))
}

fn keyboard(rows: &[Vec<ButtonSpec>]) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new(
        rows.iter()
            .map(|r| r.iter().map(button).collect::<Vec<_>>()),
    )
}

/// A link button when the spec holds an address that parses, else a callback button.
fn button(b: &ButtonSpec) -> InlineKeyboardButton {
    match b.url().and_then(|u| url::Url::parse(u).ok()) {
        Some(url) => InlineKeyboardButton::url(b.label.clone(), url),
        None => InlineKeyboardButton::callback(b.label.clone(), b.data.clone()),
    }
}

/// Maps teloxide's error to what to do with the row.
pub fn classify(error: RequestError) -> Outcome {
    match error {
        RequestError::RetryAfter(wait) => Outcome::TooMany(wait.duration()),
        RequestError::MigrateToChatId(new) => Outcome::Migrated(new.0),
        RequestError::Api(api) => {
            let reason = api_reason(&api);
            if reason.starts_with("Forbidden:") {
                Outcome::Forbidden(reason)
            } else if super::topics::is_topic_gone(&reason) {
                Outcome::TopicGone(reason)
            } else if is_server_error(&reason) {
                Outcome::Transient { reason, maybe_delivered: false }
            } else {
                Outcome::Failed(reason)
            }
        }
        RequestError::Network(e) => {
            Outcome::Transient { reason: format!("network: {e}"), maybe_delivered: e.is_timeout() }
        }
        other @ (RequestError::Io(_) | RequestError::InvalidJson { .. }) => {
            Outcome::Transient { reason: other.to_string(), maybe_delivered: false }
        }
    }
}

/// Telegram's own description where teloxide knows it (`Forbidden: …`), so reports
/// and the checks above read the same text whatever teloxide's variant.
fn api_reason(api: &ApiError) -> String {
    match api {
        ApiError::Unknown(text) => text.clone(),
        ApiError::BotKicked => "Forbidden: bot was kicked from the group chat".into(),
        ApiError::BotKickedFromSupergroup => "Forbidden: bot was kicked from the supergroup chat".into(),
        ApiError::BotKickedFromChannel => "Forbidden: bot was kicked from the channel chat".into(),
        ApiError::BotBlocked => "Forbidden: bot was blocked by the user".into(),
        ApiError::UserDeactivated => "Forbidden: user is deactivated".into(),
        ApiError::CantInitiateConversation => "Forbidden: bot can't initiate conversation with a user".into(),
        ApiError::CantTalkWithBots => "Forbidden: bot can't send messages to bots".into(),
        other => other.to_string(),
    }
}

/// 5xx answers reach us as API errors with the gateway's text.
fn is_server_error(reason: &str) -> bool {
    ["Internal Server Error", "Bad Gateway", "Service Unavailable", "Gateway Timeout"]
        .iter()
        .any(|s| reason.contains(s))
}

#[cfg(test)]
mod tests {
    use teloxide::types::Seconds;

    use super::*;

    #[test]
    fn telegram_answers_map_to_retry_move_or_failure() {
        let cases = [
            (RequestError::RetryAfter(Seconds::from_seconds(9)), Outcome::TooMany(Duration::from_secs(9))),
            (RequestError::MigrateToChatId(ChatId(-1005)), Outcome::Migrated(-1005)),
            (
                RequestError::Api(ApiError::Unknown("Forbidden: bot was kicked from the group chat".into())),
                Outcome::Forbidden("Forbidden: bot was kicked from the group chat".into()),
            ),
            (RequestError::Api(ApiError::BotBlocked), Outcome::Forbidden("Forbidden: bot was blocked by the user".into())),
            (
                RequestError::Api(ApiError::Unknown("Internal Server Error".into())),
                Outcome::Transient { reason: "Internal Server Error".into(), maybe_delivered: false },
            ),
        ];
        for (error, expected) in cases {
            assert_eq!(classify(error), expected);
        }
        let unreadable = drawn_file("chart.png", "not hex").map(drop).unwrap_err();
        assert!(matches!(classify(unreadable), Outcome::Failed(_)), "a stored file that does not decode is never retried");
        let Body::DrawnPhoto { name, hex, .. } = Body::drawn_photo("chart.png", b"png", None) else { unreachable!() };
        assert!(drawn_file(&name, &hex).is_ok());
        let bad = classify(RequestError::Api(ApiError::MessageTextIsEmpty));
        assert!(matches!(bad, Outcome::Failed(_)), "{bad:?}");
    }
}
