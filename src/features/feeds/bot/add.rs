//! Adding a feed in `/sumber`: the typed address is fetched once at once, so staff
//! learn straight away whether it is reachable and parses ("2 items, newest …"), or
//! why not, and may still keep it (it is tried again on its schedule) or drop it.
//! Then the area (limited to the person's scope) and the schedule.

use teloxide::types::InlineKeyboardMarkup;

use super::{Dialog, valid_url};
use super::super::buttons::Btn;
use super::super::fetch::{Fetched, Fetcher, Validators};
use super::super::schedule::{self, PRESETS};
use super::super::store::{self, NewFeed};
use super::render;
use crate::bot::feature::{At, HandlerError, HandlerResult, Turn};
use crate::bot::keyboards::button;
use crate::kernel::audience::targets::{may_target_area, offered_areas};
use crate::kernel::members::areas;
use crate::platform::audit;
use crate::platform::i18n::{Arg, t, ta};

/// A URL typed at the list: checked by fetching it once, then the area question
/// (readable) or keep / drop (not readable).
pub async fn on_url(turn: &Turn<'_>, typed: &str) -> HandlerResult {
    let Some(url) = valid_url(typed) else { return turn.say("feed-url-bad").await };
    let lang = turn.lang();
    // A slow programme site can take up to the fetch timeout: say what is happening.
    turn.say("feed-checking").await?;
    let checked = match Fetcher::new(turn.ctx.config.outbound) {
        Ok(fetcher) => fetcher.fetch(&url, &Validators::default()).await,
        Err(error) => Err(error),
    };
    let intro = match checked {
        Ok(Fetched::Items(items, _)) => match items.first() {
            Some(newest) => {
                let args = [("count", Arg::from(items.len() as i64)), ("title", Arg::from(newest.title.as_str()))];
                ta(lang, "feed-checked-ok", &args)
            }
            None => t(lang, "feed-checked-empty"),
        },
        Ok(Fetched::NotModified) => t(lang, "feed-checked-empty"),
        Err(error) => {
            let text = ta(lang, "feed-checked-bad", &[("error", Arg::from(render::error_text(lang, Some(&error.kind()))))]);
            let rows = vec![vec![button(t(lang, "feed-btn-keep"), Btn::Keep), button(t(lang, "feed-btn-drop"), Btn::Drop)]];
            turn.set_dialog(Dialog::Unreadable { url }).await?;
            return turn.send_with_buttons(text, InlineKeyboardMarkup::new(rows)).await;
        }
    };
    ask_area(turn, url, intro, None).await
}

/// Keep or drop an address that could not be read.
pub async fn on_unreadable(turn: &Turn<'_>, url: String, keep: bool, at: At) -> Result<bool, HandlerError> {
    if keep {
        ask_area(turn, url, t(turn.lang(), "feed-kept-unreadable"), Some(at)).await?;
    } else {
        turn.set_dialog(Dialog::AskUrl).await?;
        render::show(turn, Some(at), t(turn.lang(), "feed-dropped"), None).await?;
    }
    Ok(true)
}

/// The area buttons for `url`, after `intro` (what the check found).
async fn ask_area(turn: &Turn<'_>, url: String, intro: String, at: Option<At>) -> HandlerResult {
    let rows: Vec<_> = offered_areas(&turn.ctx.db, &turn.who.actor)
        .await?
        .into_iter()
        .map(|a| vec![button(render::area_label(turn.lang(), &a), Btn::Area(a.id))])
        .collect();
    if rows.is_empty() {
        turn.end().await?;
        return turn.say("feed-no-areas").await;
    }
    turn.set_dialog(Dialog::AskArea { url }).await?;
    let text = format!("{intro}\n\n{}", t(turn.lang(), "feed-ask-area"));
    render::show(turn, at, text, Some(InlineKeyboardMarkup::new(rows))).await
}

pub async fn ask_every(turn: &Turn<'_>, url: String, area_id: i64, at: At) -> Result<bool, HandlerError> {
    let area = areas::area_by_id(&turn.ctx.db, area_id).await?;
    if !area.is_some_and(|a| may_target_area(&turn.who.actor, &a)) {
        return Ok(false);
    }
    let rows: Vec<_> = PRESETS
        .iter()
        .enumerate()
        .map(|(i, (_, key))| vec![button(t(turn.lang(), key), Btn::Every(i as u8))])
        .collect();
    turn.set_dialog(Dialog::AskEvery { url, area_id }).await?;
    render::show(turn, Some(at), t(turn.lang(), "feed-ask-every"), Some(InlineKeyboardMarkup::new(rows))).await?;
    Ok(true)
}

pub async fn save(turn: &Turn<'_>, url: &str, area_id: i64, preset: u8, at: At) -> Result<bool, HandlerError> {
    let (db, tz, now) = (&turn.ctx.db, turn.ctx.config.tz, turn.now());
    let Some(area) = areas::area_by_id(db, area_id).await?.filter(|a| may_target_area(&turn.who.actor, a)) else {
        return Ok(false);
    };
    let Ok(expr) = schedule::parse(PRESETS[usize::from(preset)].0, now, tz) else { return Ok(false) };
    let next_poll_at = schedule::next_after(expr.quartz(), now, tz);
    let new = NewFeed { url, area_id, cron: expr.quartz(), next_poll_at, created_by: Some(turn.who.user_id.get()) };
    let id = match store::add(db, &new, now).await {
        Ok(id) => id,
        Err(e) if e.is_unique_violation() => {
            turn.end().await?;
            render::show(turn, Some(at), t(turn.lang(), "feed-url-exists"), None).await?;
            return Ok(true);
        }
        Err(e) => return Err(e.into()),
    };
    audit::record(db, Some(turn.who.user_id), "feed.add", &format!("feed={id} url={url} area={}", area.path), now).await?;
    turn.end().await?;
    let args = [
        ("id", Arg::from(id)),
        ("url", Arg::from(url)),
        ("area", Arg::from(area.name)),
        ("every", Arg::from(t(turn.lang(), PRESETS[usize::from(preset)].1))),
        ("when", Arg::from(render::when(next_poll_at, tz))),
    ];
    let check = InlineKeyboardMarkup::new(vec![vec![button(t(turn.lang(), "feed-btn-check-now"), Btn::Check(id))]]);
    render::show(turn, Some(at), ta(turn.lang(), "feed-saved", &args), Some(check)).await?;
    Ok(true)
}
