//! A coordinator's answer to a draft: Pratinjau shows it, Umumkan hands it over to
//! `/umumkan` with it written in ([`Compose::Announcement`]) (straight to choosing targets; nothing is sent until the
//! coordinator confirms there), Abaikan dismisses it for the KIM.
//!
//! A press by someone who does not coordinate the KIM is refused as stale; a second
//! Umumkan or Abaikan, or any press after dismissal, gets a friendly explanation.

use super::super::drafts::{self, Draft};
use super::render;
use crate::kernel::audience::can_announce;
use crate::kernel::members::KimId;
use crate::platform::i18n::{Arg, ta};
use crate::bot::HandlerError;
use crate::bot::feature::Compose;
use crate::bot::handover;
use crate::bot::turn::{At, Turn};

/// The draft, if the presser may act on it.
async fn load(turn: &Turn<'_>, id: i64) -> Result<Option<Draft>, HandlerError> {
    let actor = &turn.who.actor;
    let draft = drafts::get(&turn.ctx.db, id).await?;
    Ok(draft.filter(|d| can_announce(actor) && (actor.is_admin || actor.coordinator_kims.contains(&KimId(d.kim_id)))))
}

/// Answers a press on a dismissed draft; `true` when it was dismissed.
async fn dismissed_already(turn: &Turn<'_>, draft: &Draft) -> Result<bool, HandlerError> {
    if draft.status != "dismissed" {
        return Ok(false);
    }
    turn.say("feed-draft-was-dismissed").await?;
    Ok(true)
}

pub async fn preview(turn: &Turn<'_>, id: i64) -> Result<bool, HandlerError> {
    let Some(draft) = load(turn, id).await? else { return Ok(false) };
    if dismissed_already(turn, &draft).await? {
        return Ok(true);
    }
    // Exactly the text an announcement would start from (content, not interface text).
    turn.send(draft.announcement_text()).await?;
    Ok(true)
}

pub async fn announce(turn: &Turn<'_>, id: i64, at: At) -> Result<bool, HandlerError> {
    let Some(draft) = load(turn, id).await? else { return Ok(false) };
    if dismissed_already(turn, &draft).await? {
        return Ok(true);
    }
    if !drafts::transition(&turn.ctx.db, id, &["new"], "opened", turn.who.user_id, turn.now()).await? {
        turn.say("feed-draft-was-opened").await?;
        return Ok(true);
    }
    let title = Arg::from(draft.title.as_str());
    render::show(turn, Some(at), ta(turn.lang(), "feed-draft-opened", &[("title", title)]), None).await?;
    handover::compose(turn, Compose::Announcement, draft.announcement_text()).await?;
    Ok(true)
}

pub async fn dismiss(turn: &Turn<'_>, id: i64, at: At) -> Result<bool, HandlerError> {
    let Some(draft) = load(turn, id).await? else { return Ok(false) };
    if dismissed_already(turn, &draft).await? {
        return Ok(true);
    }
    if !drafts::transition(&turn.ctx.db, id, &["new", "opened"], "dismissed", turn.who.user_id, turn.now()).await? {
        turn.say("feed-draft-was-dismissed").await?;
        return Ok(true);
    }
    let title = Arg::from(draft.title.as_str());
    render::show(turn, Some(at), ta(turn.lang(), "feed-draft-dismissed", &[("title", title)]), None).await?;
    Ok(true)
}
