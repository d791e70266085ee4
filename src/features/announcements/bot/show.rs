//! Showing things in the chat: editing the message a button was on without tripping
//! "not modified", and the author's preview of an announcement. Polls use them too.

use teloxide::ApiError;
use teloxide::RequestError;
use teloxide::requests::HasPayload;
use teloxide::types::{InlineKeyboardMarkup, InputFile};

use super::super::fire::bodies;
use super::super::model::Content;
use crate::bot::HandlerResult;
use crate::bot::turn::{At, Turn};
use crate::platform::delivery::Body;

/// Edits the message a button was on, or sends a new one; an edit that changes
/// nothing (a refresh with no news) is not an error.
pub async fn show(turn: &Turn<'_>, at: Option<At>, text: String, kb: Option<InlineKeyboardMarkup>) -> HandlerResult {
    let Some(at) = at else {
        return match kb {
            Some(kb) => turn.send_with_buttons(text, kb).await,
            None => turn.send(text).await,
        };
    };
    edit_if_changed(turn, at, text, kb).await.map(drop)
}

/// Edits the message a button was on; `false` when Telegram refused because nothing
/// would change (the caller may then say so with a pop-up).
pub async fn edit_if_changed(turn: &Turn<'_>, at: At, text: String, kb: Option<InlineKeyboardMarkup>) -> Result<bool, crate::bot::HandlerError> {
    match turn.edit(at, text, kb).await {
        Err(crate::bot::HandlerError::Telegram(RequestError::Api(ApiError::MessageNotModified))) => Ok(false),
        other => other.map(|()| true),
    }
}

/// Sends the announcement to the author's own chat exactly as groups will get it.
pub async fn preview(turn: &Turn<'_>, content: &Content) -> HandlerResult {
    for body in bodies(content) {
        match body {
            Body::Text { text, entities, .. } => {
                let mut request = turn.bot.send_message(turn.chat, text);
                request.payload_mut().entities = (!entities.is_empty()).then_some(entities);
                request.await?;
            }
            Body::Photo { file_id, caption, entities, .. } => {
                let mut request = turn.bot.send_photo(turn.chat, InputFile::file_id(file_id.into()));
                request.payload_mut().caption = caption;
                request.payload_mut().caption_entities = (!entities.is_empty()).then_some(entities);
                request.await?;
            }
            Body::Document { file_id, caption, entities, .. } => {
                let mut request = turn.bot.send_document(turn.chat, InputFile::file_id(file_id.into()));
                request.payload_mut().caption = caption;
                request.payload_mut().caption_entities = (!entities.is_empty()).then_some(entities);
                request.await?;
            }
            // An announcement's content never makes these.
            Body::Poll { .. } | Body::StopPoll { .. } | Body::Delete { .. } | Body::EditButtons { .. } | Body::DrawnPhoto { .. } => {}
        }
    }
    Ok(())
}
