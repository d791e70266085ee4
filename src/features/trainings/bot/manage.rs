//! `/peserta`: the trainings a coordinator (their KIM) or staff member (their area)
//! manages, and per training the participants, CSV export, attendance, moving,
//! closing registration and cancelling. Every press checks the role again.

use teloxide::prelude::*;
use teloxide::types::{InlineKeyboardMarkup, InputFile};

use super::Btn;
use super::ui::{self, b, bk};
use crate::platform::audit;
use crate::platform::i18n::{Arg, t, ta};
use crate::kernel::members::Role;
use crate::bot::turn::{At, Turn};
use crate::bot::{HandlerError, HandlerResult};
use crate::features::trainings::model::{Status, Training};
use crate::features::trainings::{actions, export, render, store};

/// Trainings that started more than this long ago drop off the list.
const KEEP_SECS: i64 = 30 * 86_400;
/// The participants message stays well inside Telegram's 4096 characters.
const LIST_BUDGET: usize = 3500;

pub async fn list(turn: &Turn<'_>, at: Option<At>, page: i64) -> HandlerResult {
    let lang = turn.lang();
    if turn.who.actor.role() < Role::Coordinator {
        return turn.say("not-allowed-coordinator").await;
    }
    let all = store::since(&turn.ctx.db, turn.now() - KEEP_SECS).await?;
    let mine: Vec<Training> = all.into_iter().filter(|t| turn.who.actor.can_manage_kim(&t.kim())).collect();
    if mine.is_empty() {
        return match at {
            Some(at) => ui::edit(turn, at, t(lang, "training-manage-none"), None).await,
            None => turn.say("training-manage-none").await,
        };
    }
    let (page, shown) = ui::page_of(&mine, page);
    let mut rows: Vec<_> = shown
        .iter()
        .map(|tr| {
            let mark = match tr.status() {
                Status::Open => "",
                Status::Closed => "🔒 ",
                Status::Cancelled => "❌ ",
            };
            let label = format!("{mark}{} · {}/{}", ui::short(tr, tr.tz(turn.ctx.config.tz)), tr.registered, tr.quota);
            vec![b(label, Btn::Manage(tr.id))]
        })
        .collect();
    rows.push(ui::pager(page, mine.len(), Btn::ManagePage));
    let kb = InlineKeyboardMarkup::new(rows);
    match at {
        Some(at) => ui::edit(turn, at, t(lang, "training-manage-header"), Some(kb)).await,
        None => turn.send_with_buttons(t(lang, "training-manage-header"), kb).await,
    }
}

pub async fn on_button(turn: &Turn<'_>, btn: Btn, at: At) -> Result<bool, HandlerError> {
    if let Btn::ManagePage(page) = btn {
        if turn.who.actor.role() < Role::Coordinator {
            return Ok(false);
        }
        list(turn, Some(at), page).await?;
        return Ok(true);
    }
    let (Btn::Manage(id) | Btn::People(id) | Btn::Csv(id) | Btn::Close(id) | Btn::CloseYes(id) | Btn::Cancel(id) | Btn::CancelYes(id)) = btn
    else {
        return Ok(false);
    };
    let Some(tr) = ui::managed(turn, id).await? else { return Ok(false) };
    let now = turn.now();
    // The card offers these only while they make sense; older or forged presses are stale.
    let too_late = match btn {
        Btn::Close(_) | Btn::CloseYes(_) => now >= tr.starts_at,
        Btn::Cancel(_) | Btn::CancelYes(_) => now >= tr.ends_at,
        _ => false,
    };
    if too_late {
        return Ok(false);
    }
    let lang = turn.lang();
    match btn {
        Btn::Manage(_) => card(turn, &tr, at, None).await?,
        Btn::People(_) => people(turn, &tr, at).await?,
        Btn::Csv(_) => csv(turn, &tr).await?,
        Btn::Close(_) | Btn::Cancel(_) => {
            let (key, yes, yes_key) = match btn {
                Btn::Close(_) => ("training-close-confirm", Btn::CloseYes(id), "training-btn-close-yes"),
                _ => ("training-cancel-confirm", Btn::CancelYes(id), "training-btn-cancel-yes"),
            };
            let args = [("title", Arg::from(&tr.title)), ("count", Arg::from(tr.registered + tr.waitlisted))];
            let kb = InlineKeyboardMarkup::new(vec![vec![bk(lang, yes_key, yes), bk(lang, "btn-back", Btn::Manage(id))]]);
            ui::edit(turn, at, ta(lang, key, &args), Some(kb)).await?;
        }
        Btn::CloseYes(_) => {
            actions::close(turn.ctx, turn.who.user_id, id).await?;
            card(turn, &tr, at, Some(t(lang, "training-closed-done"))).await?;
        }
        _ => {
            let told = tr.registered + tr.waitlisted;
            let note = if actions::cancel(turn.ctx, turn.who.user_id, id).await? {
                ta(lang, "training-cancelled-done", &[("count", Arg::from(told))])
            } else {
                t(lang, "training-line-cancelled")
            };
            card(turn, &tr, at, Some(note)).await?;
        }
    }
    Ok(true)
}

/// The management card of one training, read fresh, with the buttons that still
/// make sense for its state.
pub async fn card(turn: &Turn<'_>, tr: &Training, at: At, note: Option<String>) -> HandlerResult {
    let lang = turn.lang();
    let tr = store::get(&turn.ctx.db, tr.id).await?.unwrap_or_else(|| tr.clone());
    let (now, id, tz) = (turn.now(), tr.id, tr.tz(turn.ctx.config.tz));
    let mut lines: Vec<String> = note.into_iter().collect();
    lines.extend(render::head(lang, &tr, tz));
    lines.extend(render::availability(lang, &tr, now, tz));
    let counts = [("registered", Arg::from(tr.registered)), ("quota", Arg::from(tr.quota)), ("waiting", Arg::from(tr.waitlisted))];
    lines.push(ta(lang, "training-manage-counts", &counts));
    let live = tr.status() != Status::Cancelled;
    let mut rows = vec![
        vec![bk(lang, "training-btn-people", Btn::People(id)), bk(lang, "training-btn-csv", Btn::Csv(id))],
        vec![bk(lang, "training-btn-attendance", Btn::Attend(id, 0))],
    ];
    if live && now < tr.starts_at {
        rows.push(vec![bk(lang, "training-btn-edit-time", Btn::EditTime(id)), bk(lang, "training-btn-edit-venue", Btn::EditPlace(id))]);
    }
    if tr.status() == Status::Open && now < tr.starts_at {
        rows.push(vec![bk(lang, "training-btn-close", Btn::Close(id))]);
    }
    if live && now < tr.ends_at {
        rows.push(vec![bk(lang, "training-btn-cancel", Btn::Cancel(id))]);
    }
    rows.push(vec![bk(lang, "btn-back", Btn::ManagePage(0))]);
    ui::edit(turn, at, lines.join("\n"), Some(InlineKeyboardMarkup::new(rows))).await
}

async fn people(turn: &Turn<'_>, tr: &Training, at: At) -> HandlerResult {
    let lang = turn.lang();
    let all = store::participants(&turn.ctx.db, tr.id).await?;
    let (seated, waiting): (Vec<_>, Vec<_>) = all.iter().partition(|p| p.status == "registered");
    let mut lines = vec![ta(lang, "training-people-header", &[("title", Arg::from(&tr.title))])];
    let counts = [("count", Arg::from(seated.len() as i64)), ("quota", Arg::from(tr.quota))];
    lines.push(ta(lang, "training-people-registered", &counts));
    let name = |p: &store::Participant| {
        let first = p.first_name.clone().unwrap_or_else(|| p.user_id.to_string());
        p.username.as_ref().map_or(first.clone(), |u| format!("{first} (@{u})"))
    };
    let mut used = 0;
    let mut hidden = 0;
    let mut push = |lines: &mut Vec<String>, line: String| {
        used += line.len();
        if used > LIST_BUDGET { hidden += 1 } else { lines.push(line) }
    };
    for (i, p) in seated.iter().enumerate() {
        push(&mut lines, format!("{}. {}", i + 1, name(p)));
    }
    lines.push(ta(lang, "training-people-waitlist", &[("count", Arg::from(waiting.len() as i64))]));
    for (i, p) in waiting.iter().enumerate() {
        push(&mut lines, format!("{}. {}", i + 1, name(p)));
    }
    if hidden > 0 {
        lines.push(ta(lang, "training-people-more", &[("count", Arg::from(hidden as i64))]));
    }
    let kb = InlineKeyboardMarkup::new(vec![vec![
        bk(lang, "training-btn-csv", Btn::Csv(tr.id)),
        bk(lang, "btn-back", Btn::Manage(tr.id)),
    ]]);
    ui::edit(turn, at, lines.join("\n"), Some(kb)).await
}

/// Sends the participants as a CSV document and records the export (personal data
/// leaves the bot here).
async fn csv(turn: &Turn<'_>, tr: &Training) -> HandlerResult {
    let people = store::participants(&turn.ctx.db, tr.id).await?;
    let bytes = export::csv(turn.lang(), &people, tr.tz(turn.ctx.config.tz))
        .map_err(|e| crate::platform::db::DbError::Corrupt(format!("csv: {e}")))?;
    // Recorded before the file leaves, so no export goes unlogged.
    let detail = format!("training={} rows={}", tr.id, people.len());
    audit::record(&turn.ctx.db, Some(turn.who.user_id), "training.export", &detail, turn.now()).await?;
    let file = InputFile::memory(bytes).file_name(export::file_name(tr.id));
    let caption = ta(turn.lang(), "training-csv-caption", &[("title", Arg::from(&tr.title)), ("count", Arg::from(people.len() as i64))]);
    turn.bot.send_document(turn.chat, file).caption(caption).await?;
    Ok(())
}
