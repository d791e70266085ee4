//! `/dasbor` in private chat: a one-time link to the web console for coordinators,
//! staff and admins; residents get a friendly refusal. Kept in one small file so it
//! moves easily into the per-feature command registration.

use teloxide::requests::HasPayload;
use teloxide::types::LinkPreviewOptions;

use super::auth;
use super::staff::may_use_console;
use crate::bot::HandlerError;
use crate::bot::keyboards::Command;
use crate::bot::turn::Turn;
use crate::platform::audit;
use crate::platform::i18n::{Arg, ta};

/// Handles `/dasbor`; `Ok(false)` for any other command.
pub async fn on_command(turn: &Turn<'_>, cmd: &Command<'_>) -> Result<bool, HandlerError> {
    if !matches!(cmd.name.as_str(), "dasbor" | "console") {
        return Ok(false);
    }
    if !may_use_console(&turn.who.actor) {
        turn.say("console-bot-refused").await?;
        return Ok(true);
    }
    let now = turn.now();
    let token = auth::create_link(&turn.ctx.db, turn.who.user_id, now).await?;
    audit::record(&turn.ctx.db, Some(turn.who.user_id), "console.link", "", now).await?;
    let args = [("link", Arg::from(super::login_url(turn.ctx, &token))), ("minutes", Arg::from(auth::LINK_TTL / 60))];
    let text = ta(turn.lang(), "console-bot-link", &args);
    let no_preview = LinkPreviewOptions { is_disabled: true, url: None, prefer_small_media: false, prefer_large_media: false, show_above_text: false };
    let mut request = turn.bot.send_message(turn.chat, text);
    request.payload_mut().link_preview_options = Some(no_preview);
    request.await?;
    Ok(true)
}
