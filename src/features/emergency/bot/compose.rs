//! The `/darurat` dialogue: area, warning, review, send. The area and the cost are
//! checked again on every step, so a stale review or a forged area sends nothing.

use teloxide::types::{InlineKeyboardMarkup, Message};

use super::super::model::{self, Cost, Reach};
use super::super::store::{self, NewWarning, Reader};
use super::{Btn, Dialog, Draft};
use crate::bot::feature::{At, HandlerError, HandlerResult, Turn};
use crate::bot::keyboards::button;
use crate::kernel::audience::bot::show;
use crate::kernel::audience::Target;
use crate::kernel::audience::targets::{self, TargetGroup};
use crate::kernel::members::{Area, areas};
use crate::platform::delivery::{Body, Outgoing, Priority};
use crate::platform::i18n::{Arg, Lang, t, ta};

/// The areas this person may warn, as buttons (editing `at`, or a new message).
pub async fn areas(turn: &Turn<'_>, at: Option<At>) -> Result<bool, HandlerError> {
    let lang = turn.lang();
    let offered = targets::offered_areas(&turn.ctx.db, &turn.who.actor).await?;
    if offered.is_empty() {
        turn.end().await?;
        show(turn, at, t(lang, "emergency-no-areas"), None).await?;
        return Ok(true);
    }
    let rows = offered.into_iter().map(|a| {
        let args = [("name", Arg::from(a.name)), ("kind", Arg::from(a.kind))];
        vec![button(ta(lang, "emergency-btn-area", &args), Btn::Area(a.id))]
    });
    turn.set_dialog(Dialog::Area).await?;
    show(turn, at, t(lang, "emergency-choose-area"), Some(InlineKeyboardMarkup::new(rows))).await?;
    Ok(true)
}

/// The area, if this person may warn it (a forged or no longer permitted one: `None`).
async fn area_of(turn: &Turn<'_>, id: i64) -> Result<Option<Area>, HandlerError> {
    let area = areas::area_by_id(&turn.ctx.db, id).await?;
    Ok(area.filter(|a| targets::may_target_area(&turn.who.actor, a)))
}

pub async fn on_dialog_button(turn: &Turn<'_>, dialog: Dialog, btn: Btn, at: At) -> Result<bool, HandlerError> {
    use Dialog as D;
    match (dialog, btn) {
        (D::Area, Btn::Area(id)) => {
            let Some(area) = area_of(turn, id).await? else { return Ok(false) };
            ask_content(turn, Draft { area_id: area.id, ..Draft::default() }, &area, at).await
        }
        (D::Compose { .. } | D::Review { .. }, Btn::Areas) => areas(turn, Some(at)).await,
        (D::Review { draft }, Btn::Rewrite) => {
            let Some(area) = area_of(turn, draft.area_id).await? else { return areas(turn, Some(at)).await };
            ask_content(turn, Draft { area_id: area.id, ..Draft::default() }, &area, at).await
        }
        (D::Review { draft }, Btn::Send) => send(turn, draft, at).await,
        _ => Ok(false),
    }
}

async fn ask_content(turn: &Turn<'_>, draft: Draft, area: &Area, at: At) -> Result<bool, HandlerError> {
    let text = ta(turn.lang(), "emergency-compose", &[("area", Arg::from(area.name.clone()))]);
    turn.set_dialog(Dialog::Compose { draft }).await?;
    show(turn, Some(at), text, None).await?;
    Ok(true)
}

/// Text replaces the text; a photo is attached, its caption (if any) the text.
pub async fn on_content(turn: &Turn<'_>, mut draft: Draft, msg: &Message) -> HandlerResult {
    if let Some(text) = msg.text() {
        draft.text = text.trim().to_string();
    } else if let Some(best) = msg.photo().and_then(|sizes| sizes.last()) {
        draft.photo = Some(best.file.id.0.clone());
        if let Some(caption) = msg.caption().filter(|c| !c.trim().is_empty()) {
            draft.text = caption.trim().to_string();
        }
    } else {
        return turn.say("emergency-content-kind").await;
    }
    let max = model::text_max(draft.photo.is_some());
    let chars = draft.text.chars().count();
    if chars > max {
        draft.text.clear();
        turn.set_dialog(Dialog::Compose { draft }).await?;
        return turn.say_with("emergency-too-long", &[("chars", Arg::from(chars as i64)), ("max", Arg::from(max as i64))]).await;
    }
    if draft.text.is_empty() {
        turn.set_dialog(Dialog::Compose { draft }).await?;
        return turn.say("emergency-need-text").await;
    }
    review(turn, draft).await
}

/// Who a warning to `area` reaches right now.
async fn reach(turn: &Turn<'_>, area: &Area) -> Result<(Vec<TargetGroup>, Vec<Reader>), HandlerError> {
    let groups = targets::resolve(&turn.ctx.db, &turn.who.actor, &Target::Area(area.id)).await?;
    let readers = store::readers_in(&turn.ctx.db, &area.path).await?;
    Ok((groups, readers))
}

/// The review: the warning, how far it goes, how it goes (and what it can cost).
async fn review(turn: &Turn<'_>, draft: Draft) -> HandlerResult {
    let lang = turn.lang();
    let Some(area) = area_of(turn, draft.area_id).await? else {
        turn.say("emergency-area-gone").await?;
        return areas(turn, None).await.map(drop);
    };
    let (groups, readers) = reach(turn, &area).await?;
    let reach = Reach { groups: groups.len() as u64, people: readers.len() as u64 };
    let again = |rows: Vec<Vec<(String, Btn)>>| InlineKeyboardMarkup::new(rows.into_iter().map(|r| r.into_iter().map(|(l, b)| button(l, b)).collect::<Vec<_>>()));
    let other_area = vec![(t(lang, "emergency-btn-areas"), Btn::Areas)];
    let area_arg = ("area", Arg::from(area.name.clone()));
    turn.set_dialog(Dialog::Review { draft: draft.clone() }).await?;
    if reach.messages() == 0 {
        return turn.send_with_buttons(ta(lang, "emergency-nobody", &[area_arg]), again(vec![other_area])).await;
    }
    let lane = match model::cost(reach, &turn.ctx.config.emergency) {
        Cost::OverBudget { stars, max } => return turn.send_with_buttons(over_budget(lang, reach, stars, max), again(vec![other_area])).await,
        Cost::Free => t(lang, "emergency-lane-free"),
        Cost::Paid { stars } => ta(lang, "emergency-lane-paid", &[("messages", Arg::from(reach.messages() as i64)), ("stars", Arg::from(stars as i64))]),
    };
    let args = [
        area_arg,
        ("groups", Arg::from(reach.groups as i64)),
        ("people", Arg::from(reach.people as i64)),
        ("messages", Arg::from(reach.messages() as i64)),
        ("lane", Arg::from(lane)),
        ("text", Arg::from(draft.text.clone())),
        ("photo", Arg::from(if draft.photo.is_some() { "yes" } else { "no" })),
    ];
    let keys = again(vec![
        vec![(t(lang, "emergency-btn-send"), Btn::Send)],
        vec![(t(lang, "emergency-btn-rewrite"), Btn::Rewrite), (t(lang, "emergency-btn-areas"), Btn::Areas)],
    ]);
    turn.send_with_buttons(ta(lang, "emergency-review", &args), keys).await
}

fn over_budget(lang: Lang, reach: Reach, stars: u64, max: u64) -> String {
    let args = [("messages", Arg::from(reach.messages() as i64)), ("stars", Arg::from(stars as i64)), ("max", Arg::from(max as i64))];
    ta(lang, "emergency-over-budget", &args)
}

/// Sends: area, reach and cost checked once more, then stored, queued and audited at once.
async fn send(turn: &Turn<'_>, draft: Draft, at: At) -> Result<bool, HandlerError> {
    let lang = turn.lang();
    let Some(area) = area_of(turn, draft.area_id).await? else { return Ok(false) };
    let (groups, readers) = reach(turn, &area).await?;
    let reach = Reach { groups: groups.len() as u64, people: readers.len() as u64 };
    let paid_stars = match model::cost(reach, &turn.ctx.config.emergency) {
        _ if reach.messages() == 0 => return Ok(false),
        Cost::OverBudget { stars, max } => {
            turn.edit(at, over_budget(lang, reach, stars, max), None).await?;
            return Ok(true);
        }
        Cost::Free => None,
        Cost::Paid { stars } => Some(stars),
    };
    let new = NewWarning {
        author_id: turn.who.user_id,
        area_id: area.id,
        area_path: &area.path,
        area_name: &area.name,
        body: &draft.text,
        photo: draft.photo.as_deref(),
        groups: reach.groups as i64,
        people: reach.people as i64,
        paid_stars,
    };
    let build = |id: i64| copies(id, &draft, &area.name, &groups, &readers);
    let id = store::create(&turn.ctx.db, &turn.ctx.outbox, &new, build, turn.now()).await?;
    turn.end().await?;
    let args = [("id", Arg::from(id)), ("groups", Arg::from(reach.groups as i64)), ("people", Arg::from(reach.people as i64))];
    let keys = InlineKeyboardMarkup::new(vec![vec![button(t(lang, "emergency-btn-recall"), Btn::Recall(id))]]);
    turn.edit(at, ta(lang, "emergency-sent", &args), Some(keys)).await?;
    Ok(true)
}

/// One copy per group (in Indonesian) and per resident (in their language), with
/// the warning's header; all ahead of every other queued message.
fn copies(id: i64, draft: &Draft, area: &str, groups: &[TargetGroup], readers: &[Reader]) -> Vec<Outgoing> {
    let source = Some(store::source(id));
    let body = |lang: Lang| {
        let header = ta(lang, "emergency-header", &[("area", Arg::from(area.to_string()))]);
        let text = format!("{header}\n\n{}", draft.text);
        match &draft.photo {
            Some(file_id) => Body::Photo { file_id: file_id.clone(), caption: Some(text), entities: Vec::new(), buttons: Vec::new() },
            None => Body::Text { text, buttons: Vec::new(), entities: Vec::new() },
        }
    };
    let to_groups = groups.iter().map(|g| (g.chat_id, Lang::Id));
    let to_people = readers.iter().map(|r| (r.user_id, Lang::from_code(&r.language).unwrap_or_default()));
    to_groups
        .chain(to_people)
        .map(|(chat_id, lang)| Outgoing { chat_id, body: body(lang), priority: Priority::Emergency, source: source.clone() })
        .collect()
}
