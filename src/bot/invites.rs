//! Claiming one-time role invites: a deep link `t.me/<bot>?start=inv-<code>` (or
//! `/start inv-<code>`) after consent. `/undang`, which creates them, is the
//! members feature's.

use super::registry::Registry;
use teloxide::prelude::*;
use teloxide::types::UserId as TgUserId;

use crate::platform::ctx::AppCtx;
use super::{HandlerResult, help};
use crate::platform::delivery::ReplyBot;
use crate::platform::audit;
use crate::platform::i18n::{Arg, Lang, t, ta};
use crate::kernel::members::roles::{self, Scope};
use crate::kernel::members::{UserId, users};

async fn reply(bot: &ReplyBot, chat: ChatId, text: String) -> HandlerResult {
    bot.send_message(chat, text).await?;
    Ok(())
}

/// Claims a code for a person who has consented.
pub async fn claim(bot: &ReplyBot, ctx: &AppCtx, registry: &Registry, user_id: UserId, lang: Lang, code: &str) -> HandlerResult {
    let chat = ChatId(user_id.get());
    let code = code.trim().to_uppercase();
    let is_admin = |id: UserId| ctx.config.is_admin(TgUserId(id.get() as u64));
    let Some(scope) = roles::claim_invite(&ctx.db, &code, user_id, ctx.now(), is_admin).await? else {
        return reply(bot, chat, t(lang, "invite-invalid")).await;
    };
    let detail = format!("user={user_id} role={} scope={} via=invite", scope.role().as_str(), scope.label());
    audit::record(&ctx.db, Some(user_id), "role.grant", &detail, ctx.now()).await?;
    if let Scope::Kim(kim) = &scope {
        let member = users::get(&ctx.db, user_id).await?;
        if member.is_some_and(|m| m.kim_id.is_none()) {
            users::set_kim(&ctx.db, user_id, kim.id, ctx.now()).await?;
        }
    }
    let args = [("role", Arg::from(t(lang, scope.role().message_key()))), ("scope", Arg::from(scope.label()))];
    reply(bot, chat, ta(lang, "invite-claimed", &args)).await?;
    let actor = roles::actor(&ctx.db, user_id, ctx.config.is_admin(TgUserId(user_id.get() as u64))).await?;
    let shown = users::get(&ctx.db, user_id).await?.and_then(|m| m.menu_role);
    help::refresh_menu(bot, ctx, registry, user_id, lang, actor.role(), shown.as_deref()).await
}
