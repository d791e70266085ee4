//! The review screen of `/pelatihanbaru`, publishing, and the optional
//! announcement to the KIM's groups (through the outbox), then the offer to invite
//! matching UMKM ([`super::invite`]).

use teloxide::types::InlineKeyboardMarkup;

use super::ui::{self, b, bk};
use super::{Btn, Dialog, Step};
use crate::platform::i18n::{Arg, Lang, t, ta};
use crate::kernel::members::{GroupStatus, KimId, areas, groups};
use crate::bot::turn::{At, Turn};
use crate::bot::{HandlerError, HandlerResult};
use crate::features::trainings::form::Draft;
use crate::features::trainings::{actions, render, store};

/// Shows the whole draft with "Terbitkan", "Ubah …" and "Batal"; `problem` (a rule
/// the draft breaks, e.g. the start has passed meanwhile) comes first.
pub async fn show_review(turn: &Turn<'_>, draft: Draft, problem: Option<String>) -> HandlerResult {
    let lang = turn.lang();
    let mut lines: Vec<String> = problem.into_iter().collect();
    lines.push(t(lang, "training-review-header"));
    lines.extend(summary(turn, &draft));
    turn.set_dialog(Dialog::Compose { draft: Box::new(draft), step: Step::Review, review: true }).await?;
    turn.send_with_buttons(lines.join("\n"), review_keyboard(lang)).await
}

fn summary(turn: &Turn<'_>, d: &Draft) -> Vec<String> {
    let lang = turn.lang();
    let tz = d.tz(turn.ctx.config.tz);
    let dash = || "-".to_string();
    let when = match (d.starts_at, d.ends_at) {
        (Some(s), Some(e)) => render::span(lang, s, e, tz),
        _ => dash(),
    };
    let deadline = match (d.deadline_at, d.starts_at) {
        (Some(dl), _) => render::moment(lang, dl, tz),
        (None, _) => t(lang, "training-until-start"),
    };
    let targets = if d.targets.is_empty() { t(lang, "training-targets-all") } else { render::targets(lang, &d.targets) };
    let poster = t(lang, if d.poster.is_some() { "training-poster-yes" } else { "training-poster-no" });
    let line = |key: &str, value: String| ta(lang, key, &[("value", Arg::from(value))]);
    vec![
        line("training-review-title", d.title.clone().unwrap_or_else(dash)),
        line("training-review-organiser", d.organiser.clone().unwrap_or_else(dash)),
        line("training-review-description", d.description.clone().unwrap_or_else(dash)),
        line("training-review-when", when),
        d.venue.as_ref().map_or_else(dash, |v| render::venue(lang, v)),
        line("training-review-quota", d.quota.map_or_else(dash, |q| q.to_string())),
        line("training-review-deadline", deadline),
        line("training-review-targets", targets),
        line("training-review-poster", poster),
    ]
}

fn review_keyboard(lang: Lang) -> InlineKeyboardMarkup {
    let edit = |key: &str, step: Step| bk(lang, key, Btn::Edit(step));
    InlineKeyboardMarkup::new(vec![
        vec![bk(lang, "training-btn-publish", Btn::Publish)],
        vec![edit("training-btn-edit-title", Step::Title), edit("training-btn-edit-organiser", Step::Organiser)],
        vec![edit("training-btn-edit-description", Step::Description), edit("training-btn-edit-when", Step::Start)],
        vec![edit("training-btn-edit-place", Step::Place), edit("training-btn-edit-quota", Step::Quota)],
        vec![edit("training-btn-edit-deadline", Step::Deadline), edit("training-btn-edit-targets", Step::Targets)],
        vec![edit("training-btn-edit-poster", Step::Poster), bk(lang, "training-btn-discard", Btn::Discard)],
    ])
}

/// Publishes the draft (rules checked again against the clock and the person's
/// role), then offers to announce it in the KIM's groups.
pub async fn publish(turn: &Turn<'_>, draft: Draft, at: At) -> Result<bool, HandlerError> {
    let new = match draft.finish(turn.now()) {
        Ok(new) => new,
        Err(e) => {
            show_review(turn, draft, Some(ui::field_error(turn.lang(), &e))).await?;
            return Ok(true);
        }
    };
    let kim = areas::kim_by_id(&turn.ctx.db, new.kim_id).await?;
    if !kim.as_ref().is_some_and(|k| turn.who.actor.can_manage_kim(k)) {
        return Ok(false);
    }
    let id = actions::publish(turn.ctx, turn.who.user_id, &new).await?;
    ui::edit(turn, at, ta(turn.lang(), "training-published", &[("title", Arg::from(&new.title))]), None).await?;
    let chats = active_groups(turn, new.kim_id).await?;
    if chats.is_empty() {
        turn.end().await?;
        turn.say("training-published-no-groups").await?;
    } else {
        let chosen: Vec<i64> = chats.iter().map(|g| g.0).collect();
        let kb = groups_keyboard(turn.lang(), &chats, &chosen, false);
        turn.set_dialog(Dialog::Announce { training_id: id, chosen, share_off: false }).await?;
        turn.send_with_buttons(t(turn.lang(), "training-announce-ask"), kb).await?;
    }
    // Registered UMKM that match hear of it only if they agreed to programme news.
    super::invite::offer(turn, id).await?;
    Ok(true)
}

/// (chat id, title) of the KIM's groups the bot can still post in.
async fn active_groups(turn: &Turn<'_>, kim_id: KimId) -> Result<Vec<(i64, String)>, HandlerError> {
    let all = groups::of_kims(&turn.ctx.db, &[kim_id]).await?;
    Ok(all.into_iter().filter(|g| g.status() == GroupStatus::Active).map(|g| (g.chat_id, g.title)).collect())
}

fn groups_keyboard(lang: Lang, chats: &[(i64, String)], chosen: &[i64], share_off: bool) -> InlineKeyboardMarkup {
    let mut rows: Vec<_> = chats
        .iter()
        .map(|(id, title)| {
            let mark = if chosen.contains(id) { "✅" } else { "▫️" };
            vec![b(format!("{mark} {title}"), Btn::Group(*id))]
        })
        .collect();
    rows.push(vec![bk(lang, if share_off { "ann-btn-share-off" } else { "ann-btn-share-on" }, Btn::Share)]);
    rows.push(vec![bk(lang, "training-btn-announce", Btn::Announce), bk(lang, "training-btn-no-announce", Btn::NoAnnounce)]);
    InlineKeyboardMarkup::new(rows)
}

pub async fn on_button(turn: &Turn<'_>, dialog: Option<Dialog>, btn: Btn, at: At) -> Result<bool, HandlerError> {
    let Some(Dialog::Announce { training_id, mut chosen, mut share_off }) = dialog else { return Ok(false) };
    let Some(training) = ui::managed(turn, training_id).await? else { return Ok(false) };
    let lang = turn.lang();
    let chats = active_groups(turn, training.kim_id).await?;
    match btn {
        Btn::Group(chat) if chats.iter().any(|g| g.0 == chat) => {
            match chosen.iter().position(|c| *c == chat) {
                Some(i) => {
                    chosen.remove(i);
                }
                None => chosen.push(chat),
            }
            ui::edit(turn, at, t(lang, "training-announce-ask"), Some(groups_keyboard(lang, &chats, &chosen, share_off))).await?;
            turn.set_dialog(Dialog::Announce { training_id, chosen, share_off }).await?;
        }
        Btn::Share => {
            share_off = !share_off;
            turn.toast(t(lang, if share_off { "ann-share-off" } else { "ann-share-on" }));
            ui::edit(turn, at, t(lang, "training-announce-ask"), Some(groups_keyboard(lang, &chats, &chosen, share_off))).await?;
            turn.set_dialog(Dialog::Announce { training_id, chosen, share_off }).await?;
        }
        Btn::Announce if !chosen.is_empty() => {
            let targets: Vec<i64> = chosen.into_iter().filter(|c| chats.iter().any(|g| g.0 == *c)).collect();
            let fresh = store::get(&turn.ctx.db, training_id).await?.unwrap_or(training);
            let n = actions::announce_with(turn.ctx, turn.who.user_id, &fresh, &targets, !share_off).await?;
            turn.end().await?;
            ui::edit(turn, at, ta(lang, "training-announce-queued", &[("count", Arg::from(n as i64))]), None).await?;
        }
        // "Umumkan" with no group ticked is not "don't announce": say so, every press.
        Btn::Announce => turn.say("training-announce-none").await?,
        Btn::NoAnnounce => {
            turn.end().await?;
            ui::edit(turn, at, t(lang, "training-announce-skipped"), None).await?;
        }
        _ => return Ok(false),
    }
    Ok(true)
}
