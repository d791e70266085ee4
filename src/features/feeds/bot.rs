//! `/sumber` for staff and admins: the feeds of their area with health and a remove
//! button each; sending a URL adds one (area buttons limited to the person's scope,
//! then schedule buttons). Draft buttons ([`super::review`]) go to coordinators.
//!
//! Role and scope are checked on every message and press; a press that no longer
//! fits the dialogue step is refused as stale by the router.

use serde::{Deserialize, Serialize};
use teloxide::types::{InlineKeyboardMarkup, Message};

use super::buttons::Btn;
use super::schedule::{self, PRESETS};
use super::store::{self, Feed, NewFeed};
use super::{render, review};
use crate::features::announcements::targets::{may_target_area, offered_areas};
use crate::features::members::permissions::{Action, may};
use crate::platform::audit;
use crate::platform::i18n::{Arg, t, ta};
use crate::features::members::{Actor, Role, areas};
use crate::bot::keyboards::button;
use crate::bot::feature::{At, Command, CommandSpec, Current, HandlerError, HandlerResult, Turn};

/// Longest URL accepted (a feed address is rarely over 200 characters).
const URL_MAX: usize = 500;

crate::chat_feature! {
    /// Programme feeds, as plugged into the bot.
    pub struct Feeds {
        name: "feeds",
        dialog: Dialog as "Feed",
        buttons: Btn,
        commands: [
            CommandSpec::new("sumber", Role::Staff, "help-line-sumber").aliases(&["feeds"]).denied("feed-not-allowed"),
        ],
    }
}

/// Where a staff member stands in `/sumber` (stored as JSON per chat).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "step")]
pub enum Dialog {
    /// The list shown; a typed URL adds a feed.
    AskUrl,
    /// Area buttons shown for this URL.
    AskArea { url: String },
    /// Schedule buttons shown.
    AskEvery { url: String, area_id: i64 },
}

fn is_staff(actor: &Actor) -> bool {
    may(actor, Action::ManageFeeds)
}

/// Staff see and manage feeds inside their areas; admins all of them.
pub fn may_manage(actor: &Actor, feed: &Feed) -> bool {
    may(actor, Action::Oversee(&feed.area_path))
}

/// Handles `/sumber`; `Ok(false)` when the command is not ours.
pub async fn on_command(turn: &Turn<'_>, cmd: &Command<'_>) -> Result<bool, HandlerError> {
    if !matches!(cmd.name.as_str(), "sumber" | "feeds") {
        return Ok(false);
    }
    if !is_staff(&turn.who.actor) {
        turn.say("feed-not-allowed").await?;
        return Ok(true);
    }
    show_list(turn, None).await?;
    Ok(true)
}

/// The feeds this person manages, with a remove button each; waits for a URL.
async fn show_list(turn: &Turn<'_>, at: Option<At>) -> HandlerResult {
    let lang = turn.lang();
    let feeds: Vec<Feed> =
        store::list(&turn.ctx.db).await?.into_iter().filter(|f| may_manage(&turn.who.actor, f)).collect();
    let mut text = t(lang, if feeds.is_empty() { "feed-list-empty" } else { "feed-list-header" });
    let mut rows = Vec::new();
    for feed in &feeds {
        text = format!("{text}\n\n{}", render::line(lang, feed, turn.ctx.config.tz));
        let label = ta(lang, "feed-btn-remove", &[("id", Arg::from(feed.id))]);
        rows.push(vec![button(label, Btn::Remove(feed.id))]);
    }
    text = format!("{text}\n\n{}", t(lang, "feed-ask-url"));
    turn.set_dialog(Dialog::AskUrl).await?;
    render::show(turn, at, text, (!rows.is_empty()).then(|| InlineKeyboardMarkup::new(rows))).await
}

pub async fn on_message(turn: &Turn<'_>, dialog: Dialog, msg: &Message) -> HandlerResult {
    if !is_staff(&turn.who.actor) {
        turn.end().await?;
        return turn.say("feed-not-allowed").await;
    }
    match dialog {
        Dialog::AskUrl => on_url(turn, msg.text().unwrap_or_default().trim()).await,
        _ => turn.say("feed-use-buttons").await,
    }
}

async fn on_url(turn: &Turn<'_>, typed: &str) -> HandlerResult {
    let Some(url) = valid_url(typed) else { return turn.say("feed-url-bad").await };
    let rows: Vec<_> = offered_areas(&turn.ctx.db, &turn.who.actor)
        .await?
        .into_iter()
        .map(|a| vec![button(render::area_label(turn.lang(), &a), Btn::Area(a.id))])
        .collect();
    if rows.is_empty() {
        return turn.say("feed-no-areas").await;
    }
    turn.set_dialog(Dialog::AskArea { url }).await?;
    turn.send_with_buttons(t(turn.lang(), "feed-ask-area"), InlineKeyboardMarkup::new(rows)).await
}

/// An absolute http(s) URL with a host, at most [`URL_MAX`] long.
pub fn valid_url(typed: &str) -> Option<String> {
    if typed.len() > URL_MAX || typed.contains(char::is_whitespace) {
        return None;
    }
    let url = url::Url::parse(typed).ok()?;
    (matches!(url.scheme(), "http" | "https") && url.host_str().is_some()).then(|| url.to_string())
}

pub async fn on_button(turn: &Turn<'_>, state: Current<Dialog>, btn: Btn, at: At) -> Result<bool, HandlerError> {
    match btn {
        Btn::Preview(id) => return review::preview(turn, id).await,
        Btn::Announce(id) => return review::announce(turn, id, at).await,
        Btn::Dismiss(id) => return review::dismiss(turn, id, at).await,
        _ => {}
    }
    if !is_staff(&turn.who.actor) {
        return Ok(false);
    }
    match (state, btn) {
        (_, Btn::Remove(id)) => remove(turn, id, at).await,
        (Current::Mine(Dialog::AskArea { url }), Btn::Area(area_id)) => ask_every(turn, url, area_id, at).await,
        (Current::Mine(Dialog::AskEvery { url, area_id }), Btn::Every(n)) => save(turn, &url, area_id, n, at).await,
        _ => Ok(false),
    }
}

async fn ask_every(turn: &Turn<'_>, url: String, area_id: i64, at: At) -> Result<bool, HandlerError> {
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

async fn save(turn: &Turn<'_>, url: &str, area_id: i64, preset: u8, at: At) -> Result<bool, HandlerError> {
    let (db, tz, now) = (&turn.ctx.db, turn.ctx.config.tz, turn.now());
    let Some(area) = areas::area_by_id(db, area_id).await?.filter(|a| may_target_area(&turn.who.actor, a)) else {
        return Ok(false);
    };
    let Ok(expr) = schedule::parse(PRESETS[usize::from(preset)].0, now, tz) else { return Ok(false) };
    let next_poll_at = schedule::next_after(expr.quartz(), now, tz);
    let new = NewFeed { url, area_id, cron: expr.quartz(), next_poll_at, created_by: Some(turn.who.user_id) };
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
    render::show(turn, Some(at), ta(turn.lang(), "feed-saved", &args), None).await?;
    Ok(true)
}

async fn remove(turn: &Turn<'_>, id: i64, at: At) -> Result<bool, HandlerError> {
    let db = &turn.ctx.db;
    let Some(feed) = store::get(db, id).await? else {
        turn.say("feed-gone").await?;
        return Ok(true);
    };
    if !may_manage(&turn.who.actor, &feed) {
        return Ok(false);
    }
    if store::remove(db, id).await? {
        audit::record(db, Some(turn.who.user_id), "feed.remove", &format!("feed={id} url={}", feed.url), turn.now()).await?;
    }
    turn.say_with("feed-removed", &[("id", Arg::from(id)), ("url", Arg::from(feed.url))]).await?;
    show_list(turn, Some(at)).await?;
    Ok(true)
}
