//! `/umumkan`, first half: the content, then whom it goes to (all groups of my KIM,
//! chosen groups, or — staff — a kecamatan, the whole city, or registered UMKM), then
//! the preview.

use teloxide::types::Message;

use super::super::model::{Content, Media, Target};
use super::plan;
use super::super::render::{self, keyboard};
use crate::kernel::audience::targets;
use super::{Btn, Dialog, Draft};
use crate::platform::i18n::{Arg, t, ta};
use crate::kernel::members::{GroupStatus, areas, groups};
use crate::bot::turn::{At, Turn};
use crate::bot::{HandlerError, HandlerResult};

/// Groups shown in the checklist at most (by title); larger areas use area targets.
const CHECKLIST_MAX: usize = 40;

pub async fn start(turn: &Turn<'_>) -> HandlerResult {
    turn.set_dialog(Dialog::Compose(Draft::default())).await?;
    turn.say("ann-compose").await
}

/// Text replaces the text; a photo or document is attached (its caption, if any,
/// replaces the text). Formatting comes along as Telegram's entities.
pub async fn on_content(turn: &Turn<'_>, mut draft: Draft, msg: &Message) -> HandlerResult {
    let content = &mut draft.content;
    if let Some(text) = msg.text() {
        content.text = text.to_string();
        content.entities = Content::formatting(msg.entities().unwrap_or_default());
    } else if let Some(best) = msg.photo().and_then(|sizes| sizes.last()) {
        content.media = Some(Media::Photo(best.file.id.0.clone()));
        take_caption(content, msg);
    } else if let Some(doc) = msg.document() {
        content.media = Some(Media::Document(doc.file.id.0.clone()));
        take_caption(content, msg);
    } else {
        return turn.say("ann-content-kind").await;
    }
    let media = content.media.as_ref().map_or("none", Media::kind);
    let args = [("media", Arg::from(media)), ("chars", Arg::from(content.text.chars().count() as i64))];
    let text = ta(turn.lang(), "ann-content-saved", &args);
    turn.set_dialog(Dialog::Compose(draft)).await?;
    turn.send_with_buttons(text, keyboard(vec![vec![(t(turn.lang(), "ann-btn-next"), Btn::Next)]])).await
}

fn take_caption(content: &mut Content, msg: &Message) {
    if let Some(caption) = msg.caption().filter(|c| !c.trim().is_empty()) {
        content.text = caption.to_string();
        content.entities = Content::formatting(msg.caption_entities().unwrap_or_default());
    }
}

/// "Write it again": the content is cleared, the rest kept.
pub async fn rewrite(turn: &Turn<'_>, mut draft: Draft, at: At) -> Result<bool, HandlerError> {
    draft.content = Content::default();
    turn.set_dialog(Dialog::Compose(draft)).await?;
    super::show::show(turn, Some(at), t(turn.lang(), "ann-compose"), None).await?;
    Ok(true)
}

/// The target menu, offering only what this person may reach.
pub async fn show_targets(turn: &Turn<'_>, draft: Draft, at: Option<At>) -> Result<bool, HandlerError> {
    let (lang, actor, db) = (turn.lang(), &turn.who.actor, &turn.ctx.db);
    let mut rows = Vec::new();
    for kim in areas::kims_by_ids(db, &actor.coordinator_kims).await? {
        rows.push(vec![(ta(lang, "ann-btn-all-of-kim", &[("name", Arg::from(kim.name))]), Btn::AllOfKim(kim.id.get()))]);
    }
    let offered = targets::offered_areas(db, actor).await?;
    let staff = !offered.is_empty();
    for area in offered {
        let args = [("name", Arg::from(area.name)), ("kind", Arg::from(area.kind))];
        rows.push(vec![(ta(lang, "ann-btn-area", &args), Btn::Area(area.id))]);
    }
    if staff {
        rows.push(vec![(t(lang, "ann-btn-umkm"), Btn::Umkm)]);
    }
    rows.push(vec![(t(lang, "ann-btn-pick"), Btn::Pick)]);
    rows.push(vec![(t(lang, "ann-btn-rewrite"), Btn::Rewrite)]);
    turn.set_dialog(Dialog::Target(draft)).await?;
    super::show::show(turn, at, t(lang, "ann-choose-target"), Some(keyboard(rows))).await?;
    Ok(true)
}

/// A target chosen: checked against the presser's rights, then the preview.
pub async fn choose(turn: &Turn<'_>, mut draft: Draft, target: Target, at: At) -> Result<bool, HandlerError> {
    let tz = turn.ctx.config.tz;
    let Some(scope) = targets::scope(&turn.ctx.db, tz, &turn.who.actor, &target).await? else {
        return Ok(false);
    };
    let label = render::target_label(turn.lang(), &target, &scope.name);
    draft.target = Some(target);
    super::show::show(turn, Some(at), ta(turn.lang(), "ann-target-chosen", &[("target", Arg::from(label))]), None).await?;
    super::show::preview(turn, &draft.content).await?;
    plan::choices(turn, draft, None).await
}

/// The group checklist, editing the message pressed on (`at`) or sent anew; `note`
/// (why it is shown again) goes on top.
pub async fn checklist(turn: &Turn<'_>, draft: Draft, at: Option<At>, note: Option<String>) -> Result<bool, HandlerError> {
    let lang = turn.lang();
    let groups = targets::reachable(&turn.ctx.db, &turn.who.actor, CHECKLIST_MAX).await?;
    let mut rows: Vec<Vec<(String, Btn)>> = groups
        .iter()
        .map(|g| {
            let mark = if draft.picked.contains(&g.chat_id) { "✅" } else { "▫️" };
            vec![(format!("{mark} {}", g.title), Btn::Toggle(g.chat_id))]
        })
        .collect();
    let count = Arg::from(draft.picked.len() as i64);
    if !groups.is_empty() {
        rows.push(vec![(ta(lang, "ann-btn-picked", &[("count", count)]), Btn::Picked)]);
    }
    rows.push(vec![(t(lang, "btn-back"), Btn::Retarget)]);
    let text = t(lang, if groups.is_empty() { "ann-pick-empty" } else { "ann-pick" });
    let text = note.into_iter().chain([text]).collect::<Vec<_>>().join("\n\n");
    turn.set_dialog(Dialog::Target(draft)).await?;
    super::show::show(turn, at, text, Some(keyboard(rows))).await?;
    Ok(true)
}

/// Ticks or unticks a group — only one this person may reach. A group that left
/// (bot removed, unlinked) is named as such and dropped; a forged chat id of
/// another KIM's group is refused and nothing changes.
pub async fn toggle(turn: &Turn<'_>, mut draft: Draft, chat: i64, at: At) -> Result<bool, HandlerError> {
    let reachable = targets::reachable(&turn.ctx.db, &turn.who.actor, usize::MAX).await?;
    if !reachable.iter().any(|g| g.chat_id == chat) {
        let left = left_groups(turn, &draft, &[chat]).await?;
        if left.is_empty() {
            return Ok(false);
        }
        draft.picked.retain(|c| *c != chat);
        return checklist(turn, draft, Some(at), Some(left_note(turn, &left))).await;
    }
    match draft.picked.iter().position(|c| *c == chat) {
        Some(i) => {
            draft.picked.remove(i);
        }
        None => draft.picked.push(chat),
    }
    checklist(turn, draft, Some(at), None).await
}

/// Checklist done. Groups that left meanwhile are named and dropped; with none
/// ticked the checklist comes again as a new message saying so (the old one loses
/// its buttons), so every press of "Selesai" gets a visible answer.
pub async fn picked(turn: &Turn<'_>, mut draft: Draft, at: At) -> Result<bool, HandlerError> {
    let reachable = targets::reachable(&turn.ctx.db, &turn.who.actor, usize::MAX).await?;
    let gone: Vec<i64> = draft.picked.iter().copied().filter(|c| !reachable.iter().any(|g| g.chat_id == *c)).collect();
    let left = left_groups(turn, &draft, &gone).await?;
    draft.picked.retain(|c| !gone.contains(c));
    let mut notes: Vec<String> = (!left.is_empty()).then(|| left_note(turn, &left)).into_iter().collect();
    if draft.picked.is_empty() {
        notes.push(t(turn.lang(), "ann-pick-none"));
        turn.bot.edit_message_reply_markup(at.0, at.1).await?;
        return checklist(turn, draft, None, Some(notes.join("\n"))).await;
    }
    if !notes.is_empty() {
        turn.send(notes.join("\n")).await?;
    }
    let target = Target::Groups(draft.picked.clone());
    choose(turn, draft, target, at).await
}

/// Titles of the groups among `chats` that this person picked or could reach
/// before and that are no longer active (a guessed id of another area's group
/// stays unnamed, like a missing one).
pub async fn left_groups(turn: &Turn<'_>, draft: &Draft, chats: &[i64]) -> Result<Vec<String>, HandlerError> {
    let mut titles = Vec::new();
    for chat in chats {
        let Some(group) = groups::get(&turn.ctx.db, *chat).await? else { continue };
        let theirs = match group.kim_id {
            Some(kim) => areas::kim_by_id(&turn.ctx.db, kim).await?.is_some_and(|k| turn.who.actor.can_manage_kim(&k)),
            None => false,
        };
        let active = group.status() == GroupStatus::Active && theirs;
        if !active && (theirs || draft.picked.contains(chat)) {
            titles.push(group.title);
        }
    }
    Ok(titles)
}

/// "RT 07 is no longer connected (the bot was removed or the group unlinked)."
pub fn left_note(turn: &Turn<'_>, titles: &[String]) -> String {
    let args = [("groups", Arg::from(titles.join(", "))), ("count", Arg::from(titles.len() as i64))];
    ta(turn.lang(), "ann-groups-left", &args)
}
