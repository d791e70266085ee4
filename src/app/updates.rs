//! Where updates come from: long polling (the default; one process per token), or
//! Telegram's webhook (`KIMBOT_TELEGRAM_WEBHOOK_URL`; any number of processes
//! behind a load balancer, each update handled once thanks to the update-id claim).

use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::Poll;
use std::time::Duration;

use axum::Router;
use futures_util::Stream;
use teloxide::prelude::*;
use teloxide::stop::{StopFlag, StopToken, mk_stop_token};
use teloxide::types::AllowedUpdate;
use teloxide::update_listeners::{Polling, StatefulListener, UpdateListener};
use tokio::sync::mpsc::{self, UnboundedReceiver};

use super::{AppCtx, AppError};
use crate::platform::config::TelegramWebhook;
use crate::platform::intake::Acks;

/// The update kinds the bot handles, asked for in both modes.
pub const ALLOWED_UPDATES: [AllowedUpdate; 6] = [
    AllowedUpdate::Message,
    AllowedUpdate::CallbackQuery,
    AllowedUpdate::MyChatMember,
    AllowedUpdate::Poll,
    AllowedUpdate::PollAnswer,
    // Reactions on group posts, counted in reports (issue 27).
    AllowedUpdate::MessageReactionCount,
];
/// Long-poll timeout: how long one getUpdates call waits for news.
const POLL_TIMEOUT: Duration = Duration::from_secs(10);
/// Where a generated webhook secret is kept, shared by every process.
const SECRET_KEY: &str = "telegram_webhook_secret";

/// Long polling; removes a webhook left from webhook mode first (Telegram refuses
/// `getUpdates` while one is set).
pub async fn polling(bot: Bot) -> impl UpdateListener<Err = teloxide::RequestError> {
    Polling::builder(bot)
        .timeout(POLL_TIMEOUT)
        .allowed_updates(ALLOWED_UPDATES.to_vec())
        .backoff_strategy(poll_backoff)
        .delete_webhook()
        .await
        .build()
}

/// Wait before the next `getUpdates` after `errors` failed ones in a row. teloxide's
/// own doubles up to 64 s, so residents waited up to a minute after Telegram came
/// back from an outage; capped at [`LONGEST_POLL_BACKOFF`] the bot still asks only
/// every 15 s while Telegram is down (issue 28, fault 4).
fn poll_backoff(errors: u32) -> Duration {
    Duration::from_secs(1 << errors.min(4)).min(LONGEST_POLL_BACKOFF)
}

/// Longest wait between two `getUpdates` calls while they fail.
const LONGEST_POLL_BACKOFF: Duration = Duration::from_secs(15);

/// Registers the webhook with Telegram (URL, secret, update kinds) and returns the
/// listener the dispatcher reads and the route that feeds it.
pub async fn webhook(ctx: &AppCtx, bot: &Bot, hook: &TelegramWebhook, acks: Arc<Acks>) -> Result<(impl UpdateListener<Err = Infallible> + use<>, Router), AppError> {
    let secret = match &hook.secret {
        Some(secret) => secret.expose().to_string(),
        None => {
            let make = || hex::encode(rand::random::<[u8; 32]>());
            crate::platform::settings::get_or_init(&ctx.db, SECRET_KEY, make, ctx.now()).await?
        }
    };
    let api = bot.api_url().to_string();
    bot.set_webhook(hook.url.clone())
        .secret_token(secret.clone())
        .allowed_updates(ALLOWED_UPDATES.to_vec())
        .await
        .map_err(|source| AppError::Telegram { url: api, source })?;
    ctx.ops.telegram_reached();
    tracing::info!(url = %hook.url, "webhook set; updates arrive over HTTP");
    let (tx, rx) = mpsc::unbounded_channel();
    let (token, flag) = mk_stop_token();
    let routes = crate::web::telegram::routes(hook.url.path(), secret, tx, acks, flag.clone());
    let listener = StatefulListener::new(Incoming { rx, token, flag }, stream_of, token_of);
    Ok((listener, routes))
}

/// What the webhook route has received and the dispatcher not yet taken.
struct Incoming {
    rx: UnboundedReceiver<Update>,
    token: StopToken,
    flag: StopFlag,
}

/// The received updates; once the dispatcher stops the listener, what is already
/// received is still handed over, then the stream ends.
fn stream_of(incoming: &mut Incoming) -> impl Stream<Item = Result<Update, Infallible>> + Send + '_ {
    futures_util::stream::poll_fn(move |cx| {
        if Pin::new(&mut incoming.flag).poll(cx).is_ready() {
            return Poll::Ready(incoming.rx.try_recv().ok().map(Ok));
        }
        incoming.rx.poll_recv(cx).map(|update| update.map(Ok))
    })
}

fn token_of(incoming: &mut Incoming) -> StopToken {
    incoming.token.clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polling_backs_off_doubling_up_to_fifteen_seconds() {
        let waits: Vec<u64> = (0..8).map(|n| poll_backoff(n).as_secs()).collect();
        assert_eq!(waits, [1, 2, 4, 8, 15, 15, 15, 15]);
    }
}
