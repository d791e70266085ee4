//! A panic while handling one update stays with that update. Uncaught, it would
//! kill teloxide's worker for the chat, and the chat's next update would then stop
//! the whole dispatcher (`TX is dead`). Caught here: logged with the update id, the
//! person gets the usual apology, and the next update is handled as always.

use std::ops::ControlFlow;
use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use crate::kernel::members::UserId;

use futures_util::FutureExt;
use teloxide::dispatching::DpHandlerDescription;
use teloxide::dptree::di::DependencyMap;
use teloxide::dptree::{self, Cont, Handler, HandlerDescription, HandlerSignature};
use teloxide::prelude::*;

use crate::bot::HandlerResult;
use crate::platform::ctx::AppCtx;
use crate::platform::delivery::ReplyBot;
use crate::platform::i18n::{Lang, t};
use crate::platform::telemetry::panic_text;

type Schema = Handler<'static, HandlerResult, DpHandlerDescription>;

/// `schema` behind a panic guard: an entry-like link, like the timer in
/// [`super::observe`], so the schema's description is unchanged.
pub fn contained(schema: Schema) -> Schema {
    let guard: Schema = dptree::from_fn_with_description(
        DpHandlerDescription::entry(),
        move |deps: DependencyMap, cont: Cont<'static, HandlerResult>| async move {
            let kept = deps.clone();
            let handled = AssertUnwindSafe(async move {
                #[cfg(debug_assertions)]
                probe(&deps.get::<Update>());
                cont(deps).await
            });
            match handled.catch_unwind().await {
                Ok(flow) => flow,
                Err(panic) => {
                    let update = kept.get::<Update>();
                    tracing::error!(update_id = update.id.0, panic = panic_text(panic.as_ref()), "update handler panicked");
                    apologize(&kept, &update).await;
                    ControlFlow::Break(Ok(()))
                }
            }
        },
        HandlerSignature::Entry,
    );
    guard.chain(schema)
}

/// Tells the person in a private chat that something went wrong, in their language.
/// Groups are not told: the failure is in the log, and a group should not hear of it.
pub(super) async fn apologize(deps: &DependencyMap, update: &Update) {
    let Some(chat) = update.chat().filter(|c| c.is_private()) else { return };
    let ctx = deps.get::<Arc<AppCtx>>();
    let bot = deps.get::<ReplyBot>();
    let lang = match update.from() {
        Some(user) => crate::kernel::members::users::language(&ctx.db, UserId(user.id.0 as i64))
            .await
            .unwrap_or_else(|_| Lang::guess(user.language_code.as_deref())),
        None => Lang::Id,
    };
    if let Err(error) = bot.send_message(chat.id, t(lang, "error-generic")).await {
        tracing::warn!(update_id = update.id.0, %error, "could not apologise after a panic");
    }
}

/// Test builds only: a message whose text is an armed probe panics inside the guard.
#[cfg(debug_assertions)]
fn probe(update: &Update) {
    if let teloxide::types::UpdateKind::Message(message) = &update.kind
        && let Some(text) = message.text()
    {
        crate::platform::probe::fire(text);
    }
}
