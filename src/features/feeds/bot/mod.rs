//! `/sumber` for staff and admins: the feeds of their area with health, a
//! "Periksa sekarang" (poll now) and a remove button each (removal is confirmed
//! first); sending a URL adds one ([`self::add`]). Draft buttons
//! ([`self::review`]) go to coordinators.
//!
//! Role and scope are checked on every message and press; a press that no longer
//! fits the dialogue step is refused as stale by the router.

pub mod add;
pub mod review;
pub mod render;

use serde::{Deserialize, Serialize};
use teloxide::types::{InlineKeyboardMarkup, Message};

use super::buttons::Btn;
use super::poll::{self, Outcome};
use super::store::{self, Feed};
use crate::kernel::members::permissions::{Action, may};
use crate::platform::audit;
use crate::platform::i18n::{Arg, t, ta};
use crate::kernel::members::{Actor, Role};
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
    /// The typed URL could not be read: keep or drop buttons shown.
    Unreadable { url: String },
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

/// The feeds this person manages, with "check now" and remove buttons each; waits
/// for a URL.
async fn show_list(turn: &Turn<'_>, at: Option<At>) -> HandlerResult {
    let lang = turn.lang();
    let feeds: Vec<Feed> =
        store::list(&turn.ctx.db).await?.into_iter().filter(|f| may_manage(&turn.who.actor, f)).collect();
    let mut text = t(lang, if feeds.is_empty() { "feed-list-empty" } else { "feed-list-header" });
    let mut rows = Vec::new();
    for feed in &feeds {
        text = format!("{text}\n\n{}", render::line(lang, feed, turn.ctx.config.tz));
        let id = [("id", Arg::from(feed.id))];
        rows.push(vec![
            button(ta(lang, "feed-btn-check", &id), Btn::Check(feed.id)),
            button(ta(lang, "feed-btn-remove", &id), Btn::Remove(feed.id)),
        ]);
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
        Dialog::AskUrl => add::on_url(turn, msg.text().unwrap_or_default().trim()).await,
        _ => turn.say("feed-use-buttons").await,
    }
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
        (_, Btn::Remove(id)) => ask_remove(turn, id, at).await,
        (_, Btn::RemoveYes(id)) => remove(turn, id, at).await,
        (_, Btn::Check(id)) => check_now(turn, id).await,
        (_, Btn::List) => show_list(turn, Some(at)).await.map(|()| true),
        (Current::Mine(Dialog::Unreadable { url }), Btn::Keep) => add::on_unreadable(turn, url, true, at).await,
        (Current::Mine(Dialog::Unreadable { url }), Btn::Drop) => add::on_unreadable(turn, url, false, at).await,
        (Current::Mine(Dialog::AskArea { url }), Btn::Area(area_id)) => add::ask_every(turn, url, area_id, at).await,
        (Current::Mine(Dialog::AskEvery { url, area_id }), Btn::Every(n)) => add::save(turn, &url, area_id, n, at).await,
        _ => Ok(false),
    }
}

/// The feed behind a list button, if the presser manages it; a feed removed
/// meanwhile is answered kindly (`Err(())` means "answered").
async fn managed(turn: &Turn<'_>, id: i64) -> Result<Result<Option<Feed>, ()>, HandlerError> {
    let Some(feed) = store::get(&turn.ctx.db, id).await? else {
        turn.say("feed-gone").await?;
        return Ok(Err(()));
    };
    Ok(Ok(may_manage(&turn.who.actor, &feed).then_some(feed)))
}

/// "Remove #3?" with what goes with it; nothing is removed yet.
async fn ask_remove(turn: &Turn<'_>, id: i64, at: At) -> Result<bool, HandlerError> {
    let feed = match managed(turn, id).await? {
        Err(()) => return Ok(true),
        Ok(None) => return Ok(false),
        Ok(Some(feed)) => feed,
    };
    let lang = turn.lang();
    let text = ta(lang, "feed-remove-confirm", &[("id", Arg::from(id)), ("url", Arg::from(feed.url.as_str()))]);
    let keys = vec![vec![button(t(lang, "feed-btn-remove-yes"), Btn::RemoveYes(id)), button(t(lang, "feed-btn-back"), Btn::List)]];
    render::show(turn, Some(at), text, Some(InlineKeyboardMarkup::new(keys))).await?;
    Ok(true)
}

async fn remove(turn: &Turn<'_>, id: i64, at: At) -> Result<bool, HandlerError> {
    let db = &turn.ctx.db;
    let feed = match managed(turn, id).await? {
        Err(()) => return Ok(true),
        Ok(None) => return Ok(false),
        Ok(Some(feed)) => feed,
    };
    if store::remove(db, id).await? {
        audit::record(db, Some(turn.who.user_id), "feed.remove", &format!("feed={id} url={}", feed.url), turn.now()).await?;
    }
    turn.say_with("feed-removed", &[("id", Arg::from(id)), ("url", Arg::from(feed.url))]).await?;
    show_list(turn, Some(at)).await?;
    Ok(true)
}

/// "Periksa sekarang": polls the feed now (drafts and health as on its schedule)
/// and says what came of it.
async fn check_now(turn: &Turn<'_>, id: i64) -> Result<bool, HandlerError> {
    let feed = match managed(turn, id).await? {
        Err(()) => return Ok(true),
        Ok(None) => return Ok(false),
        Ok(Some(feed)) => feed,
    };
    let lang = turn.lang();
    let id_arg = ("id", Arg::from(id));
    let text = match poll::poll_now(turn.ctx, &feed).await? {
        None => ta(lang, "feed-check-too-soon", &[id_arg]),
        Some(Outcome::Fresh(0) | Outcome::NotModified) => ta(lang, "feed-check-nothing-new", &[id_arg]),
        Some(Outcome::Fresh(n)) => ta(lang, "feed-check-fresh", &[id_arg, ("count", Arg::from(n as i64))]),
        Some(Outcome::Failed(kind)) => {
            ta(lang, "feed-check-failed", &[id_arg, ("error", Arg::from(render::error_text(lang, Some(&kind))))])
        }
    };
    turn.send(text).await?;
    Ok(true)
}

