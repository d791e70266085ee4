//! Groups: greeting when added, `/hubungkan` and `/putuskan`, and following removal,
//! restriction and supergroup migration so the group table stays true. (`/grupsaya`,
//! the list in private chat, is the members feature's.)

use std::sync::Arc;

use teloxide::prelude::*;
use teloxide::requests::HasPayload;
use teloxide::types::UserId as TgUserId;
use teloxide::types::{ChatMemberKind, ChatMemberUpdated};

use super::keyboards::parse_command;
use super::registry::Registry;
use super::private::apologize;
use crate::platform::ctx::AppCtx;
use super::HandlerResult;
use crate::platform::delivery::ReplyBot;
use crate::platform::audit;
use crate::platform::i18n::{Arg, Lang, t, ta};
use crate::kernel::members::{GroupStatus, UserId, areas, groups, roles};

/// Groups are community spaces: the bot speaks Indonesian there.
const GROUP_LANG: Lang = Lang::Id;

pub async fn on_my_chat_member(bot: ReplyBot, upd: ChatMemberUpdated, ctx: Arc<AppCtx>) -> HandlerResult {
    if !(upd.chat.is_group() || upd.chat.is_supergroup()) {
        return Ok(());
    }
    let chat_id = upd.chat.id.0;
    let title = upd.chat.title().unwrap_or_default();
    let status = status_of(&upd.new_chat_member.kind);
    let newly_present = status == GroupStatus::Active && !upd.old_chat_member.kind.is_present();
    let before = groups::get(&ctx.db, chat_id).await?;
    groups::set_status(&ctx.db, chat_id, title, status, ctx.now()).await?;
    let detail = format!("chat={chat_id} status={} by={}", status.as_str(), upd.from.id.0);
    audit::record(&ctx.db, Some(UserId(upd.from.id.0 as i64)), "group.status", &detail, ctx.now()).await?;
    let linked = before.is_some_and(|g| g.kim_id.is_some());
    if newly_present && !linked {
        bot.send_message(upd.chat.id, t(GROUP_LANG, "group-hello")).await?;
    }
    Ok(())
}

fn status_of(kind: &ChatMemberKind) -> GroupStatus {
    match kind {
        k if !k.is_present() => GroupStatus::Left,
        ChatMemberKind::Restricted(r) if !r.can_send_messages => GroupStatus::Restricted,
        _ => GroupStatus::Active,
    }
}

pub async fn on_group_message(bot: ReplyBot, msg: Message, ctx: Arc<AppCtx>, registry: Arc<Registry>) -> HandlerResult {
    let chat = msg.chat.id;
    match handle_group_message(&bot, &msg, &ctx, &registry).await {
        Ok(()) => Ok(()),
        Err(e) => apologize(&bot, chat, GROUP_LANG, e).await,
    }
}

async fn handle_group_message(bot: &ReplyBot, msg: &Message, ctx: &AppCtx, registry: &Registry) -> HandlerResult {
    if let Some(new) = msg.migrate_to_chat_id() {
        return migrate(ctx, msg.chat.id.0, new.0).await;
    }
    if let Some(old) = msg.migrate_from_chat_id() {
        return migrate(ctx, old.0, msg.chat.id.0).await;
    }
    let Some(cmd) = parse_command(msg.text().unwrap_or_default(), &ctx.bot_username) else {
        return Ok(()); // group chatter is not for us
    };
    let Some(from) = msg.from.as_ref() else { return Ok(()) };
    let actor = roles::actor(&ctx.db, UserId(from.id.0 as i64), ctx.config.is_admin(from.id)).await?;
    let title = msg.chat.title().unwrap_or_default();
    let reply = match cmd.name.as_str() {
        "hubungkan" => {
            let (reply, linked) = link(bot, ctx, msg.chat.id.0, title, &actor, cmd.args).await?;
            let here = if linked { super::topics::linked_here(ctx, msg).await? } else { None };
            here.map_or(reply.clone(), |line| format!("{reply}\n{line}"))
        }
        "topik" => return super::topics::command(bot, ctx, registry, msg, &actor).await,
        "putuskan" => unlink(ctx, msg.chat.id.0, &actor).await?,
        "bantuan" | "help" | "start" => super::help::group_help(GROUP_LANG),
        _ if cmd.addressed => ta(GROUP_LANG, "unknown-command", &[("cmd", Arg::from(format!("/{}", cmd.name)))]),
        _ => return Ok(()), // maybe another bot's command
    };
    // An answer to a command typed in a forum topic stays in that topic.
    let mut request = bot.send_message(msg.chat.id, reply);
    request.payload_mut().message_thread_id = super::topics::thread_of(msg);
    request.await?;
    Ok(())
}

async fn migrate(ctx: &AppCtx, old: i64, new: i64) -> HandlerResult {
    if groups::migrate(&ctx.db, old, new, ctx.now()).await? {
        audit::record(&ctx.db, None, "group.migrate", &format!("chat={old} to={new}"), ctx.now()).await?;
    }
    Ok(())
}

/// `/hubungkan CODE`: the answer, and whether the group is now linked.
async fn link(bot: &ReplyBot, ctx: &AppCtx, chat_id: i64, title: &str, actor: &crate::kernel::members::Actor, code: &str) -> Result<(String, bool), super::HandlerError> {
    match link_checked(bot, ctx, chat_id, title, actor, code).await? {
        Ok(done) => Ok((done, true)),
        Err(refusal) => Ok((refusal, false)),
    }
}

/// The sender must act for the new KIM, for the KIM the group is linked to now (if
/// another), and be an administrator of the group; `Err` holds the refusal.
async fn link_checked(bot: &ReplyBot, ctx: &AppCtx, chat_id: i64, title: &str, actor: &crate::kernel::members::Actor, code: &str) -> Result<Result<String, String>, super::HandlerError> {
    if code.is_empty() {
        let example = areas::example_code(&ctx.db).await?;
        return Ok(Err(ta(GROUP_LANG, "group-link-usage", &[("code", Arg::from(example))])));
    }
    let shown: String = code.chars().take(24).collect();
    let Some(kim) = areas::kim_by_code(&ctx.db, code).await? else {
        return Ok(Err(ta(GROUP_LANG, "kim-not-found", &[("code", Arg::from(shown))])));
    };
    if !actor.can_manage_kim(&kim) {
        return Ok(Err(ta(GROUP_LANG, "group-link-denied", &[("kim", Arg::from(&kim.name))])));
    }
    let current = groups::get(&ctx.db, chat_id).await?.and_then(|g| g.kim_id);
    if let Some(current) = current.filter(|id| *id != kim.id) {
        let held = areas::kim_by_id(&ctx.db, current).await?;
        if let Some(held) = held.filter(|k| !actor.can_manage_kim(k)) {
            return Ok(Err(ta(GROUP_LANG, "group-link-taken", &[("kim", Arg::from(&held.name))])));
        }
    }
    if !is_chat_admin(bot, chat_id, actor.user_id).await {
        return Ok(Err(t(GROUP_LANG, "group-link-not-admin")));
    }
    if !groups::link(&ctx.db, chat_id, title, kim.id, current, actor.user_id, ctx.now()).await? {
        // Relinked by someone else between the check and now: name who holds it.
        let held = match groups::get(&ctx.db, chat_id).await?.and_then(|g| g.kim_id) {
            Some(id) => areas::kim_by_id(&ctx.db, id).await?.map(|k| k.name),
            None => None,
        };
        return Ok(Err(ta(GROUP_LANG, "group-link-taken", &[("kim", Arg::from(held.unwrap_or_default()))])));
    }
    let detail = format!("chat={chat_id} kim={}", kim.code);
    audit::record(&ctx.db, Some(actor.user_id), "group.link", &detail, ctx.now()).await?;
    Ok(Ok(ta(GROUP_LANG, "group-linked", &[("kim", Arg::from(&kim.name))])))
}

/// Whether Telegram says `user_id` is the group's creator or an administrator. An
/// error (the bot cannot see members) counts as no: linking is refused, not guessed.
async fn is_chat_admin(bot: &ReplyBot, chat_id: i64, user_id: UserId) -> bool {
    match bot.get_chat_member(ChatId(chat_id), TgUserId(user_id.get() as u64)).await {
        Ok(member) => member.is_privileged(),
        Err(e) => {
            tracing::warn!(chat_id, user_id = user_id.get(), error = %e, "getChatMember failed; not linking");
            false
        }
    }
}

async fn unlink(ctx: &AppCtx, chat_id: i64, actor: &crate::kernel::members::Actor) -> Result<String, super::HandlerError> {
    let kim = match groups::get(&ctx.db, chat_id).await?.and_then(|g| g.kim_id) {
        Some(id) => areas::kim_by_id(&ctx.db, id).await?,
        None => None,
    };
    let Some(kim) = kim else { return Ok(t(GROUP_LANG, "group-not-linked")) };
    if !actor.can_manage_kim(&kim) {
        return Ok(ta(GROUP_LANG, "group-unlink-denied", &[("kim", Arg::from(&kim.name))]));
    }
    groups::unlink(&ctx.db, chat_id, ctx.now()).await?;
    let detail = format!("chat={chat_id} kim={}", kim.code);
    audit::record(&ctx.db, Some(actor.user_id), "group.unlink", &detail, ctx.now()).await?;
    Ok(ta(GROUP_LANG, "group-unlinked", &[("kim", Arg::from(&kim.name))]))
}
