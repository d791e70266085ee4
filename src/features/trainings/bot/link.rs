//! The "Daftar" link of a training's group post (`t.me/<bot>?start=tr_<id>`): the
//! training's card in private chat with its register button, as `/pelatihan` shows
//! it. Registered as a [`DeepLink`], so `/start` hands such payloads here.

use teloxide::prelude::*;
use teloxide::types::InlineKeyboardMarkup;

use super::Btn;
use crate::bot::link::DeepLink;
use super::ui::bk;
use crate::bot::HandlerResult;
use crate::kernel::members::{Kim, UserId, users};
use crate::features::trainings::model::{Status, parse_link};
use crate::features::trainings::{render, store};
use crate::platform::ctx::AppCtx;
use crate::platform::db::DbResult;
use crate::platform::delivery::ReplyBot;
use crate::platform::i18n::{Arg, Lang, t, ta};

pub use crate::features::trainings::model::LINK_PREFIX;

/// The KIM of the training a link names, so someone without a KIM can join it
/// first (the post came from its group); `None` for a link to no live training.
pub async fn kim_of_link(ctx: &AppCtx, payload: &str) -> DbResult<Option<Kim>> {
    let Some(id) = parse_link(payload) else { return Ok(None) };
    Ok(store::get(&ctx.db, id).await?.filter(|t| t.status() != Status::Cancelled).map(|t| t.kim()))
}

/// Sends the linked training's card to `user_id`: with "Daftar" ("Daftar tunggu"
/// when full) or "Batal ikut" for a member of its KIM; for anyone else, the card
/// and whose training it is (registering stays for that KIM's residents).
pub async fn send_card(bot: &ReplyBot, ctx: &AppCtx, user_id: UserId, lang: Lang, payload: &str) -> HandlerResult {
    let chat = ChatId(user_id.get());
    let found = match parse_link(payload) {
        Some(id) => store::get(&ctx.db, id).await?,
        None => None,
    };
    let Some(tr) = found else {
        bot.send_message(chat, t(lang, "training-link-gone")).await?;
        return Ok(());
    };
    let (now, tz) = (ctx.now(), tr.tz(ctx.config.tz));
    let seat = store::seat_of(&ctx.db, tr.id, user_id).await?;
    let mut text = render::card(lang, &tr, seat, now, tz);
    let mut rows = Vec::new();
    if users::get(&ctx.db, user_id).await?.and_then(|m| m.kim_id) != Some(tr.kim_id) {
        text = format!("{text}\n\n{}", ta(lang, "training-link-other-kim", &[("kim", Arg::from(&tr.kim_name))]));
    } else if seat.is_some() {
        rows.push(vec![bk(lang, "training-btn-withdraw", Btn::Withdraw(tr.id))]);
    } else if tr.refusal(now).is_none() {
        rows.push(vec![bk(lang, render::register_key(&tr), Btn::Register(tr.id))]);
    }
    let request = bot.send_message(chat, text);
    if rows.is_empty() { request.await? } else { request.reply_markup(InlineKeyboardMarkup::new(rows)).await? };
    Ok(())
}

/// The training link as the bot's `/start` sees it.
pub struct TrainingLink;

#[async_trait::async_trait]
impl DeepLink for TrainingLink {
    fn prefix(&self) -> &'static str {
        LINK_PREFIX
    }

    async fn kim(&self, ctx: &AppCtx, payload: &str) -> DbResult<Option<Kim>> {
        kim_of_link(ctx, payload).await
    }

    async fn open(&self, bot: &ReplyBot, ctx: &AppCtx, user_id: UserId, lang: Lang, payload: &str) -> HandlerResult {
        send_card(bot, ctx, user_id, lang, payload).await
    }
}
