//! Managing sent surveys: a paged list of those the person may manage (coordinators:
//! the ones they wrote; staff: also every survey inside their area; admins: all), a card
//! per survey with its results in chat, "close now" and "recall" (each asked twice,
//! each done once and audited). A survey outside the presser's reach reads as missing.

use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup};

use super::rows;
use super::super::buttons::Btn;
use super::super::listing::{self, Page};
pub use super::super::listing::{label_at, manageable, may_manage};
use super::super::model::{Status, SurveyId};
use super::super::results;
use super::super::store::{self, Survey};
use super::super::render;
use crate::bot::feature::{At, CallbackData, HandlerError, Turn};
use crate::bot::keyboards::button;
use crate::platform::audit;
use crate::platform::i18n::{Arg, t, ta};

/// Surveys on one page of the chat's lists (`/survei` → manage, `/laporan`).
pub const PER_PAGE: i64 = 10;

/// Page `number` of the surveys the person in `turn` may manage, newest first;
/// `None` for a forged page number (see [`listing::page`]).
pub async fn visible(turn: &Turn<'_>, number: i64) -> Result<Option<Page>, HandlerError> {
    Ok(listing::page(&turn.ctx.db, &turn.who.actor, number, PER_PAGE).await?)
}


/// `/survei` → "Survei yang saya kelola": page `number` of them, each a button to its card.
pub async fn list(turn: &Turn<'_>, number: i64, at: At) -> Result<bool, HandlerError> {
    let lang = turn.lang();
    let Some(page) = visible(turn, number).await? else { return Ok(false) };
    if page.surveys.is_empty() {
        turn.edit(at, t(lang, "sv-manage-empty"), None).await?;
        return Ok(true);
    }
    let keys = keyboard(turn, &page, Btn::Card, Btn::ManagePage);
    turn.edit(at, heading(turn, "sv-manage-choose", &page), Some(keys)).await?;
    Ok(true)
}

/// The list's text: `key`, then "Halaman 2 dari 3" when there is more than one page.
pub fn heading(turn: &Turn<'_>, key: &str, page: &Page) -> String {
    let lang = turn.lang();
    if page.pages == 1 {
        return t(lang, key);
    }
    let args = [("page", Arg::from(page.number + 1)), ("pages", Arg::from(page.pages)), ("total", Arg::from(page.total))];
    format!("{}\n{}", t(lang, key), ta(lang, "sv-page", &args))
}

/// A button per survey on the page (`pick` makes its payload), then "◀️ Sebelumnya" /
/// "Berikutnya ▶️" (`to_page`) where there is a page before or after.
pub fn keyboard<B: CallbackData>(turn: &Turn<'_>, page: &Page, pick: impl Fn(i64) -> B, to_page: impl Fn(i64) -> B) -> InlineKeyboardMarkup {
    let lang = turn.lang();
    let mut rows: Vec<Vec<InlineKeyboardButton>> = page.surveys.iter().map(|s| vec![button(label(turn, s), pick(s.id.get()))]).collect();
    let mut nav = Vec::new();
    if page.has_prev() {
        nav.push(button(t(lang, "sv-btn-prev"), to_page(page.number - 1)));
    }
    if page.has_next() {
        nav.push(button(t(lang, "sv-btn-next"), to_page(page.number + 1)));
    }
    if !nav.is_empty() {
        rows.push(nav);
    }
    InlineKeyboardMarkup::new(rows)
}

/// `🟢 Title` / `⏹ Title` / `🗑 Title`, for list buttons.
pub fn label(turn: &Turn<'_>, s: &Survey) -> String {
    label_at(s, turn.now())
}


async fn managed(turn: &Turn<'_>, id: SurveyId) -> Result<Option<Survey>, HandlerError> {
    Ok(store::get(&turn.ctx.db, id).await?.filter(|s| may_manage(&turn.who.actor, s)))
}

pub async fn card(turn: &Turn<'_>, id: SurveyId, at: At) -> Result<bool, HandlerError> {
    let Some(s) = managed(turn, id).await? else { return Ok(false) };
    let lang = turn.lang();
    let r = results::load(&turn.ctx.db, s).await?;
    let s = &r.survey;
    let mut buttons = vec![(t(lang, "sv-btn-results"), Btn::Results(s.id.get()))];
    if s.accepts_answers(turn.now()) {
        buttons.push((t(lang, "sv-btn-close"), Btn::Close(s.id.get())));
        buttons.push((t(lang, "sv-btn-recall"), Btn::Recall(s.id.get())));
    }
    // Back to the list (its first page): the card is no dead end.
    buttons.push((t(lang, "btn-back"), Btn::Manage));
    let args = [
        ("title", Arg::from(s.title.clone())),
        ("reach", Arg::from(s.reach_name.clone())),
        ("status", Arg::from(t(lang, &format!("sv-status-{}", s.shown_status(turn.now()).code())))),
        ("closes", Arg::from(render::when(s.closes_at, turn.ctx.config.tz))),
        ("sent", Arg::from(s.sent_count)),
        ("respondents", Arg::from(r.respondents)),
    ];
    turn.edit(at, ta(lang, "sv-card", &args), Some(rows(buttons))).await?;
    Ok(true)
}

/// The results in chat, as a new message (the card stays for more presses).
pub async fn results(turn: &Turn<'_>, id: SurveyId) -> Result<bool, HandlerError> {
    let Some(s) = managed(turn, id).await? else { return Ok(false) };
    let r = results::load(&turn.ctx.db, s).await?;
    turn.send(render::summary(turn.lang(), &r, turn.ctx.config.tz, turn.now())).await?;
    Ok(true)
}

/// "Close now?" / "Recall?" with yes and back.
pub async fn ask(turn: &Turn<'_>, btn: &Btn, id: SurveyId, at: At) -> Result<bool, HandlerError> {
    let Some(s) = managed(turn, id).await?.filter(|s| s.accepts_answers(turn.now())) else { return Ok(false) };
    let lang = turn.lang();
    let (key, yes) = match btn {
        Btn::Close(_) => ("sv-close-ask", Btn::CloseYes(id.get())),
        _ => ("sv-recall-ask", Btn::RecallYes(id.get())),
    };
    let keys = rows(vec![(t(lang, "sv-btn-yes"), yes), (t(lang, "btn-back"), Btn::Card(id.get()))]);
    turn.edit(at, ta(lang, key, &[("title", Arg::from(s.title))]), Some(keys)).await?;
    Ok(true)
}

/// Closes or recalls, once; a recall also drops invitations not sent yet.
pub async fn end(turn: &Turn<'_>, btn: &Btn, id: SurveyId, at: At) -> Result<bool, HandlerError> {
    let Some(s) = managed(turn, id).await? else { return Ok(false) };
    let (to, action, key) = match btn {
        Btn::CloseYes(_) => (Status::Closed, "survey.close", "sv-closed-now"),
        _ => (Status::Recalled, "survey.recall", "sv-recalled-now"),
    };
    let db = &turn.ctx.db;
    let now = turn.now();
    if !store::end(db, id, to, turn.who.user_id, now).await? {
        return Ok(false);
    }
    let dropped = if to == Status::Recalled { store::drop_unsent(db, id).await? } else { 0 };
    audit::record(db, Some(turn.who.user_id), action, &format!("survey={id} unsent_dropped={dropped}"), now).await?;
    let back = rows(vec![(t(turn.lang(), "btn-back"), Btn::Manage)]);
    turn.edit(at, ta(turn.lang(), key, &[("title", Arg::from(s.title))]), Some(back)).await?;
    Ok(true)
}
