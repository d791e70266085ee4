//! The chat screens of composing for an audience (announcements, polls, alerts,
//! feeds): edit the message a button was on without tripping "not modified".

use teloxide::ApiError;
use teloxide::RequestError;
use teloxide::types::InlineKeyboardMarkup;

use crate::bot::HandlerResult;
use crate::bot::turn::{At, Turn};

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
