//! `/dasbor` in private chat: a one-time link to the web console for coordinators,
//! staff and admins; residents get a friendly refusal.

use teloxide::requests::HasPayload;
use teloxide::types::LinkPreviewOptions;

use super::auth;
use super::staff::may_use_console;
use async_trait::async_trait;
use teloxide::types::Message;

use crate::bot::feature::{At, ChatFeature, Command, CommandSpec, Current, HandlerError, HandlerResult, NoButtons, NoDialog, Turn};
use crate::kernel::members::Role;
use crate::platform::audit;
use crate::platform::i18n::{Arg, ta};

/// The console's chat side, as plugged into the bot: one command, no dialogue.
pub struct Console;

#[async_trait]
impl ChatFeature for Console {
    type Dialog = NoDialog;
    type Button = NoButtons;
    const NAME: &'static str = "console";
    const COMMANDS: &'static [CommandSpec] = &[
        CommandSpec::new("dasbor", Role::Coordinator, "help-line-dasbor").aliases(&["console"]).denied("console-bot-refused"),
        // Agency officers log in too, to their agency's queue: their own help line.
        CommandSpec::new("dasbor", Role::Officer, "help-line-dasbor-opd").aliases(&["console"]).denied("console-bot-refused"),
    ];

    async fn on_command(turn: &Turn<'_>, cmd: &Command<'_>) -> Result<bool, HandlerError> {
        on_command(turn, cmd).await
    }

    async fn on_message(_: &Turn<'_>, dialog: NoDialog, _: &Message) -> HandlerResult {
        match dialog {}
    }

    async fn on_button(_: &Turn<'_>, _: Current<NoDialog>, button: NoButtons, _: At) -> Result<bool, HandlerError> {
        match button {}
    }
}

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
