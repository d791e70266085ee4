//! The author's preview of an announcement; showing a screen in place is
//! [`crate::kernel::audience::bot`]'s.

use teloxide::requests::HasPayload;
use teloxide::types::InputFile;

use super::super::fire::bodies;
use super::super::model::Content;
use crate::bot::HandlerResult;
use crate::bot::turn::Turn;
use crate::platform::delivery::Body;
pub use crate::kernel::audience::bot::{edit_if_changed, show};

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
