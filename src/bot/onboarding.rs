//! `/start`: privacy notice and consent, language, and joining a KIM by deep link,
//! typed code, or menus kota → kecamatan → kelurahan → KIM.

use teloxide::prelude::*;

use super::kim_menu::{choose_kim, top_menu};
use super::who::Who;
use crate::platform::ctx::AppCtx;
use super::registry::Registry;
use super::{Dlg, HandlerError, HandlerResult, State, invites, keyboards};
use crate::platform::delivery::ReplyBot;
use crate::platform::i18n::{Arg, Lang, t, ta};
use crate::kernel::members::{self, KimId, NOTICE_VERSION, UserId, areas, users};
use super::link::DeepLink;

pub use super::turn::At;

/// Deep-link payloads starting with this are role invites, not KIM codes.
pub use crate::kernel::members::roles::INVITE_PREFIX;

pub async fn start(bot: &ReplyBot, ctx: &AppCtx, registry: &Registry, dlg: &Dlg, who: &Who, args: &str) -> HandlerResult {
    let payload = Some(args.trim()).filter(|p| !p.is_empty()).map(str::to_string);
    let chat = ChatId(who.user_id.get());
    let Some(member) = &who.member else {
        let lang = who.lang;
        dlg.update(State::Notice { lang, payload }).await?;
        bot.send_message(chat, notice_text(lang)).reply_markup(keyboards::notice(lang)).await?;
        return Ok(());
    };
    if let Some(payload) = payload {
        return after_consent(bot, ctx, registry, dlg, who.user_id, who.lang, Some(payload)).await;
    }
    match member.kim_id.map(|id| areas::kim_by_id(&ctx.db, id)) {
        Some(kim) => match kim.await? {
            Some(kim) => {
                let args = [("name", Arg::from(&who.first_name)), ("kim", Arg::from(kim.name))];
                bot.send_message(chat, ta(who.lang, "welcome-back", &args)).await?;
                Ok(())
            }
            None => choose_kim(bot, ctx, dlg, chat, who.lang).await,
        },
        None => choose_kim(bot, ctx, dlg, chat, who.lang).await,
    }
}

fn notice_text(lang: Lang) -> String {
    ta(lang, "notice", &[("version", Arg::from(NOTICE_VERSION))])
}

/// Something other than a press arrived while the notice is open (a command, a
/// typed word): the question comes again with its buttons, so the answer is at hand
/// instead of scrolled away above.
pub async fn ask_again(bot: &ReplyBot, chat: ChatId, lang: Lang) -> HandlerResult {
    let text = format!("{}\n\n{}", t(lang, "notice-reminder"), notice_text(lang));
    bot.send_message(chat, text).reply_markup(keyboards::notice(lang)).await?;
    Ok(())
}

/// Consent given: store the member and a receipt, then go on with the deep link.
#[allow(clippy::too_many_arguments)]
pub async fn agree(
    bot: &ReplyBot,
    ctx: &AppCtx,
    registry: &Registry,
    dlg: &Dlg,
    who: &Who,
    at: At,
    lang: Lang,
    payload: Option<String>,
) -> Result<bool, HandlerError> {
    let profile = users::Profile {
        user_id: who.user_id,
        first_name: &who.first_name,
        username: who.username.as_deref(),
        language: lang.code(),
    };
    users::agree(&ctx.db, &profile, ctx.now()).await?;
    bot.edit_message_reply_markup(at.0, at.1).await?;
    after_consent(bot, ctx, registry, dlg, who.user_id, lang, payload).await?;
    Ok(true)
}

async fn after_consent(
    bot: &ReplyBot,
    ctx: &AppCtx,
    registry: &Registry,
    dlg: &Dlg,
    user_id: UserId, lang: Lang, payload: Option<String>) -> HandlerResult {
    let chat = ChatId(user_id.get());
    match payload {
        Some(p) if p.starts_with(INVITE_PREFIX) => {
            dlg.exit().await?;
            invites::claim(bot, ctx, registry, user_id, lang, &p[INVITE_PREFIX.len()..]).await
        }
        Some(p) => match registry.link(&p) {
            Some(link) => open_link(bot, ctx, dlg, link, user_id, lang, &p).await,
            None => match areas::kim_by_code(&ctx.db, &p).await? {
                Some(kim) => join(bot, ctx, dlg, user_id, lang, None, kim).await,
                None => {
                    say_code_not_found(bot, chat, lang, &p).await?;
                    choose_kim(bot, ctx, dlg, chat, lang).await
                }
            },
        },
        None => choose_kim(bot, ctx, dlg, chat, lang).await,
    }
}

/// A feature's deep link (e.g. the "Daftar" button of a training's group post).
/// Someone without a KIM joins the link's KIM first (it came from that KIM's
/// group), then the feature answers.
async fn open_link(bot: &ReplyBot, ctx: &AppCtx, dlg: &Dlg, link: &dyn DeepLink, user_id: UserId, lang: Lang, payload: &str) -> HandlerResult {
    let has_kim = users::get(&ctx.db, user_id).await?.and_then(|m| m.kim_id).is_some();
    let kim = link.kim(ctx, payload).await?;
    match (&kim, has_kim) {
        (Some(kim), false) => join(bot, ctx, dlg, user_id, lang, None, kim.clone()).await?,
        _ => dlg.exit().await?,
    }
    link.open(bot, ctx, user_id, lang, payload).await?;
    if kim.is_none() && !has_kim {
        return choose_kim(bot, ctx, dlg, ChatId(user_id.get()), lang).await;
    }
    Ok(())
}

pub async fn decline(bot: &ReplyBot, dlg: &Dlg, at: At, lang: Lang) -> Result<bool, HandlerError> {
    dlg.exit().await?;
    bot.edit_message_text(at.0, at.1, t(lang, "declined")).await?;
    Ok(true)
}

/// Shows the notice again in the other language; the choice is kept for after consent.
pub async fn relabel_notice(bot: &ReplyBot, dlg: &Dlg, at: At, lang: Lang, payload: Option<String>) -> Result<bool, HandlerError> {
    dlg.update(State::Notice { lang, payload }).await?;
    bot.edit_message_text(at.0, at.1, notice_text(lang)).reply_markup(keyboards::notice(lang)).await?;
    Ok(true)
}

/// Moves through the area menu by editing the same message.
pub async fn show_area(bot: &ReplyBot, ctx: &AppCtx, at: At, lang: Lang, id: i64) -> Result<bool, HandlerError> {
    let (text, keyboard) = if id == 0 {
        top_menu(ctx, lang).await?
    } else {
        let Some(area) = areas::area_by_id(&ctx.db, id).await? else { return Ok(false) };
        let back = area.parent_id.unwrap_or(0);
        let place = Arg::from(&area.name);
        if area.kind == "kelurahan" {
            let kims = areas::kims_in_kelurahan(&ctx.db, area.id).await?;
            let key = if kims.is_empty() { "choose-kim-none-here" } else { "choose-kim-pick-kim" };
            (ta(lang, key, &[("area", place)]), keyboards::kims(lang, &kims, back))
        } else {
            let children = areas::children(&ctx.db, Some(area.id)).await?;
            // Say what the buttons are: kecamatan under a kota, kelurahan under a kecamatan.
            let key = match children.first().map(|c| c.kind.as_str()) {
                Some("kecamatan") => "choose-kim-pick-kecamatan",
                _ => "choose-kim-pick-kelurahan",
            };
            (ta(lang, key, &[("area", place)]), keyboards::areas(lang, &children, Some(back)))
        }
    };
    bot.edit_message_text(at.0, at.1, text).reply_markup(keyboard).await?;
    Ok(true)
}

pub async fn join_by_id(bot: &ReplyBot, ctx: &AppCtx, dlg: &Dlg, who: &Who, at: Option<At>, kim_id: KimId) -> Result<bool, HandlerError> {
    let Some(kim) = areas::open_kim_by_id(&ctx.db, kim_id).await? else { return Ok(false) };
    join(bot, ctx, dlg, who.user_id, who.lang, at, kim).await?;
    Ok(true)
}

pub async fn on_code_typed(bot: &ReplyBot, ctx: &AppCtx, dlg: &Dlg, who: &Who, text: &str) -> HandlerResult {
    let chat = ChatId(who.user_id.get());
    let code = areas::normalize_code(text);
    let kim = if areas::is_valid_code(&code) { areas::kim_by_code(&ctx.db, &code).await? } else { None };
    match kim {
        Some(kim) => join(bot, ctx, dlg, who.user_id, who.lang, None, kim).await,
        None => {
            say_code_not_found(bot, chat, who.lang, text).await?;
            let (text, keyboard) = top_menu(ctx, who.lang).await?;
            bot.send_message(chat, text).reply_markup(keyboard).await?;
            Ok(())
        }
    }
}

async fn say_code_not_found(bot: &ReplyBot, chat: ChatId, lang: Lang, typed: &str) -> HandlerResult {
    // Echo at most a short prefix: the user may have pasted a whole paragraph.
    let shown: String = typed.trim().chars().take(24).collect();
    bot.send_message(chat, ta(lang, "kim-not-found-menu", &[("code", Arg::from(shown))])).await?;
    Ok(())
}

async fn join(
    bot: &ReplyBot,
    ctx: &AppCtx,
    dlg: &Dlg,
    user_id: UserId,
    lang: Lang,
    at: Option<At>,
    kim: members::Kim,
) -> HandlerResult {
    users::set_kim(&ctx.db, user_id, kim.id, ctx.now()).await?;
    dlg.exit().await?;
    let args = [("kim", Arg::from(&kim.name)), ("area", Arg::from(members::display_path(&kim.area_path)))];
    let text = ta(lang, "kim-joined", &args);
    match at {
        Some((chat, id)) => bot.edit_message_text(chat, id, text).await.map(drop)?,
        None => bot.send_message(ChatId(user_id.get()), text).await.map(drop)?,
    }
    Ok(())
}
