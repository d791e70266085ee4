//! One-time invite codes for roles: `/undang` creates one, a deep link
//! `t.me/<bot>?start=inv-<code>` (or `/start inv-<code>`) claims it.

use super::registry::Registry;
use teloxide::prelude::*;

use super::onboarding::INVITE_PREFIX;
use super::who::Who;
use crate::platform::ctx::AppCtx;
use crate::features::members::permissions::{Action, may};
use super::{HandlerResult, help};
use crate::platform::delivery::ReplyBot;
use crate::platform::audit;
use crate::platform::i18n::{Arg, Lang, t, ta};
use crate::features::members::roles::{self, INVITE_DAYS, Scope};
use crate::features::members::{Role, areas, users};

pub async fn create(bot: &ReplyBot, ctx: &AppCtx, who: &Who, chat: ChatId, args: &str) -> HandlerResult {
    let lang = who.lang;
    if who.actor.role() < Role::Staff {
        bot.send_message(chat, t(lang, "not-allowed-staff")).await?;
        return Ok(());
    }
    let (kind, rest) = args.split_once(char::is_whitespace).unwrap_or((args, ""));
    let rest = rest.trim();
    let scope = match kind.to_lowercase().as_str() {
        "koordinator" | "coordinator" if !rest.is_empty() => match areas::kim_by_code(&ctx.db, rest).await? {
            Some(kim) if who.actor.can_invite_coordinator_for(&kim) => Scope::Kim(kim),
            Some(_) => return reply(bot, chat, t(lang, "not-allowed-staff")).await,
            None => {
                let shown: String = rest.chars().take(24).collect();
                return reply(bot, chat, ta(lang, "kim-not-found", &[("code", Arg::from(shown))])).await;
            }
        },
        "staf" | "staff" if !rest.is_empty() => {
            if !may(&who.actor, Action::InviteStaff) {
                return reply(bot, chat, t(lang, "not-allowed-admin")).await;
            }
            match pick_area(ctx, lang, rest).await? {
                Ok(area) => Scope::Area(area),
                Err(message) => return reply(bot, chat, message).await,
            }
        }
        _ => return reply(bot, chat, t(lang, "invite-usage")).await,
    };
    let code = roles::create_invite(&ctx.db, &scope, who.user_id, ctx.now()).await?;
    let detail = format!("role={} scope={}", scope.role().as_str(), scope.label());
    audit::record(&ctx.db, Some(who.user_id), "invite.create", &detail, ctx.now()).await?;
    let args = [
        ("role", Arg::from(t(lang, scope.role().message_key()))),
        ("scope", Arg::from(scope.label())),
        ("days", Arg::from(INVITE_DAYS)),
        ("link", Arg::from(ctx.deep_link(&format!("{INVITE_PREFIX}{code}")))),
    ];
    reply(bot, chat, ta(lang, "invite-created", &args)).await
}

/// One kota or kecamatan by name, or the message explaining why not.
async fn pick_area(ctx: &AppCtx, lang: Lang, name: &str) -> Result<Result<crate::features::members::Area, String>, super::HandlerError> {
    let shown: String = name.chars().take(60).collect();
    let mut found = areas::find_scope_areas(&ctx.db, name).await?;
    Ok(match found.len() {
        0 => Err(ta(lang, "area-not-found", &[("name", Arg::from(shown))])),
        1 => Ok(found.remove(0)),
        _ => {
            let options = found.iter().map(|a| a.path.clone()).collect::<Vec<_>>().join("; ");
            Err(ta(lang, "area-ambiguous", &[("name", Arg::from(shown)), ("options", Arg::from(options))]))
        }
    })
}

async fn reply(bot: &ReplyBot, chat: ChatId, text: String) -> HandlerResult {
    bot.send_message(chat, text).await?;
    Ok(())
}

/// Claims a code for a person who has consented.
pub async fn claim(bot: &ReplyBot, ctx: &AppCtx, registry: &Registry, user_id: i64, lang: Lang, code: &str) -> HandlerResult {
    let chat = ChatId(user_id);
    let code = code.trim().to_uppercase();
    let Some(scope) = roles::claim_invite(&ctx.db, &code, user_id, ctx.now()).await? else {
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
    let actor = roles::actor(&ctx.db, user_id, ctx.config.is_admin(UserId(user_id as u64))).await?;
    let shown = users::get(&ctx.db, user_id).await?.and_then(|m| m.menu_role);
    help::refresh_menu(bot, ctx, registry, user_id, lang, actor.role(), shown.as_deref()).await
}
