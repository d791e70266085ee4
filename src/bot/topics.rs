//! Forum topics (issue 27). In a forum supergroup, `/hubungkan` typed inside a topic
//! makes that topic the destination of every kimbot post ([`linked_here`]), and
//! `/topik` typed in a topic offers a button per kind of post (announcements,
//! trainings, polls, cek fakta clarifications, or all) to send that kind there.
//! The presser's rights are checked again on every press: a forged or stale press,
//! or one by someone who may not manage the group's KIM, changes nothing.

use std::sync::Arc;

use teloxide::prelude::*;
use teloxide::requests::HasPayload;
use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup, ThreadId};

use super::registry::Registry;
use super::{HandlerError, HandlerResult};
use crate::kernel::members::topics::TopicKind;
use crate::kernel::members::{Actor, Kim, UserId, areas, groups, roles, topics};
use crate::platform::audit;
use crate::platform::ctx::AppCtx;
use crate::platform::delivery::ReplyBot;
use crate::platform::i18n::{Arg, Lang, t, ta};

/// The callback prefix of `/topik`'s buttons (one of the core's).
pub use super::callback::TOPIC_PREFIX as PREFIX;
/// Groups are community spaces: the bot speaks Indonesian there.
const LANG: Lang = Lang::Id;

/// The topic a group message was typed in, if it was typed in one.
pub fn thread_of(msg: &Message) -> Option<ThreadId> {
    msg.thread_id.filter(|_| msg.is_topic_message)
}

/// After `/hubungkan` succeeded: typed in a topic, that topic takes every post;
/// typed in General, earlier topic choices are dropped. Returns the line to add.
pub async fn linked_here(ctx: &AppCtx, msg: &Message) -> Result<Option<String>, HandlerError> {
    let chat = msg.chat.id.0;
    match thread_of(msg) {
        Some(thread) => {
            topics::clear(&ctx.db, chat).await?;
            topics::set(&ctx.db, chat, topics::ALL, i64::from(thread.0.0), ctx.now()).await?;
            Ok(Some(t(LANG, "topic-linked-here")))
        }
        None => {
            topics::clear(&ctx.db, chat).await?;
            Ok(None)
        }
    }
}

/// The KIM of a linked group, if `actor` may manage it.
async fn managed_kim(ctx: &AppCtx, chat: i64, actor: &Actor) -> Result<Result<Kim, &'static str>, HandlerError> {
    let kim = match groups::get(&ctx.db, chat).await?.and_then(|g| g.kim_id) {
        Some(id) => areas::kim_by_id(&ctx.db, id).await?,
        None => None,
    };
    Ok(match kim {
        None => Err("group-not-linked"),
        Some(kim) if actor.can_manage_kim(&kim) => Ok(kim),
        Some(_) => Err("topic-denied"),
    })
}

/// `/topik` in a group: the kind buttons, in the topic it was typed in.
pub async fn command(bot: &ReplyBot, ctx: &AppCtx, registry: &Registry, msg: &Message, actor: &Actor) -> HandlerResult {
    let chat = msg.chat.id;
    let Some(thread) = thread_of(msg) else {
        bot.send_message(chat, t(LANG, "topic-not-in-topic")).await?;
        return Ok(());
    };
    let (text, keys) = match managed_kim(ctx, chat.0, actor).await? {
        Ok(_) => (t(LANG, "topic-choose"), Some(keyboard(ctx, registry.topic_kinds(), chat.0, i64::from(thread.0.0)).await?)),
        Err(key) => (t(LANG, key), None),
    };
    let mut request = bot.send_message(chat, text);
    request.payload_mut().message_thread_id = Some(thread);
    request.payload_mut().reply_markup = keys.map(Into::into);
    request.await?;
    Ok(())
}

/// A button per kind; ✅ on the kinds that go to this topic now.
async fn keyboard(ctx: &AppCtx, kinds: &[TopicKind], chat: i64, thread: i64) -> Result<InlineKeyboardMarkup, HandlerError> {
    let chosen = topics::of_group(&ctx.db, chat).await?;
    let rows = kinds.iter().map(|kind| {
        let here = chosen.iter().any(|(k, th)| k == kind.code && *th == thread);
        let label = format!("{} {}", if here { "✅" } else { "▫️" }, t(LANG, &kind.label_key()));
        vec![InlineKeyboardButton::callback(label, format!("{PREFIX}:{}:{thread}", kind.code))]
    });
    Ok(InlineKeyboardMarkup::new(rows))
}

/// `tp:<kind>:<thread>` → (kind, thread); anything else is forged.
fn parse(kinds: &[TopicKind], data: &str) -> Option<(&'static str, i64)> {
    let mut parts = data.split(':');
    let (Some(PREFIX), Some(kind), Some(thread), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
        return None;
    };
    let kind = kinds.iter().map(|k| k.code).find(|k| *k == kind)?;
    Some((kind, thread.parse().ok().filter(|t: &i64| *t > 0)?))
}

/// Whether a press is one of `/topik`'s (in a group).
pub fn is_topic_press(q: &CallbackQuery) -> bool {
    let in_group = q.message.as_ref().is_some_and(|m| m.chat().is_group() || m.chat().is_supergroup());
    in_group && q.data.as_deref().is_some_and(|d| d.starts_with("tp:"))
}

/// A kind button pressed: checked against the presser's rights of this moment.
pub async fn on_press(bot: ReplyBot, q: CallbackQuery, ctx: Arc<AppCtx>, registry: Arc<Registry>) -> HandlerResult {
    let Some(message) = q.message.as_ref() else { return Ok(()) };
    let (chat, message_id) = (message.chat().id, message.id());
    let parsed = q.data.as_deref().and_then(|data| parse(registry.topic_kinds(), data));
    let actor = roles::actor(&ctx.db, UserId(q.from.id.0 as i64), ctx.config.is_admin(q.from.id)).await?;
    let allowed = match parsed {
        Some(_) => managed_kim(&ctx, chat.0, &actor).await?,
        None => Err("stale-button"),
    };
    let (Some((kind, thread)), Ok(_)) = (parsed, &allowed) else {
        let key = allowed.err().unwrap_or("stale-button");
        bot.answer_callback_query(q.id.clone()).text(t(LANG, key)).show_alert(true).await?;
        return Ok(());
    };
    topics::set(&ctx.db, chat.0, kind, thread, ctx.now()).await?;
    let detail = format!("chat={} kind={kind} thread={thread}", chat.0);
    audit::record(&ctx.db, Some(actor.user_id), "group.topic", &detail, ctx.now()).await?;
    let kind_name = t(LANG, &topics::label_key(kind));
    let done = ta(LANG, "topic-set", &[("kind", Arg::from(kind_name))]);
    bot.answer_callback_query(q.id.clone()).text(done.clone()).await?;
    let keys = keyboard(&ctx, registry.topic_kinds(), chat.0, thread).await?;
    bot.edit_message_text(chat, message_id, format!("{}\n\n{done}", t(LANG, "topic-choose"))).reply_markup(keys).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_known_kinds_and_real_threads_parse() {
        let kinds = [TopicKind { code: "training", order: 1 }, TopicKind { code: "poll", order: 2 }, topics::EVERY];
        let parse = |data| parse(&kinds, data);
        assert_eq!(parse("tp:training:12"), Some(("training", 12)));
        assert_eq!(parse("tp:all:3"), Some((topics::ALL, 3)));
        for forged in ["tp:training", "tp:nope:1", "tp:poll:0", "tp:poll:-4", "tp:poll:1:2", "xx:poll:1", "tp:poll:x"] {
            assert_eq!(parse(forged), None, "{forged}");
        }
    }
}
