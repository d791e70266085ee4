//! Deep links a feature answers (`t.me/<bot>?start=<prefix>…`): `/start` hands a
//! payload with a registered prefix to its owner, so the bot layer names no feature.

use async_trait::async_trait;

use super::HandlerResult;
use crate::kernel::members::{Kim, UserId};
use crate::platform::ctx::AppCtx;
use crate::platform::db::DbResult;
use crate::platform::delivery::ReplyBot;
use crate::platform::i18n::Lang;

/// A feature's deep link, registered next to its chat plug.
#[async_trait]
pub trait DeepLink: Send + Sync {
    /// The payload prefix it owns (unique across features; never the invite prefix).
    fn prefix(&self) -> &'static str;
    /// The KIM the link belongs to: someone without a KIM joins it first, since the
    /// link came from that KIM's group.
    async fn kim(&self, ctx: &AppCtx, payload: &str) -> DbResult<Option<Kim>>;
    /// Answers the link in private chat.
    async fn open(&self, bot: &ReplyBot, ctx: &AppCtx, user_id: UserId, lang: Lang, payload: &str) -> HandlerResult;
}
