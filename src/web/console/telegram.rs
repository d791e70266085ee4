//! The console's handle on the Bot API, for pages that call Telegram themselves
//! (ticket photos, recalling an announcement): an axum extension of every console
//! request.

use teloxide::prelude::*;

use super::{ConsoleError, Ctx};

/// The console's Telegram client, built once per listener: every photo view (and
/// recall) reuses its connections instead of setting up a new client (and TLS) per
/// request.
#[derive(Clone)]
pub struct Telegram(Option<Bot>);

impl Telegram {
    pub fn new(ctx: &Ctx) -> Self {
        Self(ctx.config.token.as_ref().map(|token| {
            let bot = Bot::new(token.expose());
            match &ctx.config.api_url {
                Some(url) => bot.set_api_url(url.clone()),
                None => bot,
            }
        }))
    }

    pub fn bot(&self) -> Result<&Bot, ConsoleError> {
        self.0.as_ref().ok_or_else(|| ConsoleError::Telegram("no bot token configured".into()))
    }
}
