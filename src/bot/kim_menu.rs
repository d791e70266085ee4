//! The KIM menu `/start` ends in: its first level, and opening it as the bot layer's
//! own dialogue. Apart from onboarding so a [`Turn`](super::turn::Turn) can open it
//! without the turn depending on the onboarding handlers.

use teloxide::prelude::*;
use teloxide::types::InlineKeyboardMarkup;

use super::{Dlg, HandlerError, HandlerResult, State, keyboards};
use crate::kernel::members::areas;
use crate::platform::ctx::AppCtx;
use crate::platform::delivery::ReplyBot;
use crate::platform::i18n::{Arg, Lang, t, ta};

/// Asks for a KIM: code or menus. With no KIM loaded yet, says so and ends.
pub async fn choose_kim(bot: &ReplyBot, ctx: &AppCtx, dlg: &Dlg, chat: ChatId, lang: Lang) -> HandlerResult {
    if areas::count_kims(&ctx.db).await? == 0 {
        dlg.exit().await?;
        bot.send_message(chat, t(lang, "no-kims")).await?;
        return Ok(());
    }
    dlg.update(State::ChooseKim).await?;
    let (text, keyboard) = top_menu(ctx, lang).await?;
    bot.send_message(chat, text).reply_markup(keyboard).await?;
    Ok(())
}

/// The first level of the area menu; a single city is skipped straight to its kecamatan.
pub(super) async fn top_menu(ctx: &AppCtx, lang: Lang) -> Result<(String, InlineKeyboardMarkup), HandlerError> {
    let mut level = areas::children(&ctx.db, None).await?;
    if let [only] = level.as_slice() {
        level = areas::children(&ctx.db, Some(only.id)).await?;
    }
    let example = areas::example_code(&ctx.db).await?;
    Ok((ta(lang, "choose-kim", &[("code", Arg::from(example))]), keyboards::areas(lang, &level, None)))
}
