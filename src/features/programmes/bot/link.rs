//! The "Daftar" link of a programme's group post (`t.me/<bot>?start=prg_<id>`): the
//! programme's card in private chat, as `/program` shows it.

use teloxide::prelude::*;
use teloxide::types::InlineKeyboardMarkup;

use super::Btn;
use super::ui::bk;
use crate::bot::HandlerResult;
use crate::bot::link::DeepLink;
use crate::features::programmes::model::{LINK_PREFIX, parse_link};
use crate::features::programmes::{render, store};
use crate::kernel::members::{Kim, UserId};
use crate::platform::ctx::AppCtx;
use crate::platform::db::DbResult;
use crate::platform::delivery::ReplyBot;
use crate::platform::i18n::{Lang, t};

/// The programme link as the bot's `/start` sees it.
pub struct ProgrammeLink;

#[async_trait::async_trait]
impl DeepLink for ProgrammeLink {
    fn prefix(&self) -> &'static str {
        LINK_PREFIX
    }

    /// A programme belongs to an area, not to one KIM: nobody is moved into a KIM by it.
    async fn kim(&self, _: &AppCtx, _: &str) -> DbResult<Option<Kim>> {
        Ok(None)
    }

    async fn open(&self, bot: &ReplyBot, ctx: &AppCtx, user_id: UserId, lang: Lang, payload: &str) -> HandlerResult {
        let chat = ChatId(user_id.chat());
        let found = match parse_link(payload) {
            Some(id) => store::get(&ctx.db, crate::features::programmes::model::ProgrammeId(id)).await?,
            None => None,
        };
        let Some(p) = found else {
            bot.send_message(chat, t(lang, "prg-not-found")).await?;
            return Ok(());
        };
        let keys = InlineKeyboardMarkup::new(vec![vec![bk(lang, "prg-btn-apply", Btn::Apply(p.id.get()))]]);
        bot.send_message(chat, render::card(lang, &p, ctx.config.tz)).reply_markup(keys).await?;
        Ok(())
    }
}
