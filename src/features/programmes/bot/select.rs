//! `/seleksi`: selection in chat for small programmes. The programmes the person
//! manages; a page of applicants waiting for a decision, each with "Terima",
//! "Daftar tunggu" and "Tolak" (a rejection asks for the reason). Another area's
//! programme looks exactly like a missing one.

use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup};

use super::ui::{b, bk, column, manages, may_create};
use super::{Btn, Dialog};
use crate::bot::feature::{HandlerError, HandlerResult, Turn};
use crate::features::programmes::apps;
use crate::features::programmes::decide::{self, DecideError, Decision};
use crate::features::programmes::model::{AppStatus, Programme, ProgrammeId};
use crate::features::programmes::{render, store};
use crate::platform::i18n::{Arg, t, ta};

const PAGE: i64 = 5;

/// The programmes the person manages, newest first.
pub async fn list(turn: &Turn<'_>) -> HandlerResult {
    if !may_create(&turn.who.actor) {
        return turn.say("prg-not-allowed").await;
    }
    let mine: Vec<Programme> = store::all(&turn.ctx.db, 200).await?.into_iter().filter(|p| manages(&turn.who.actor, p)).take(10).collect();
    if mine.is_empty() {
        return turn.say("prg-manage-none").await;
    }
    let rows = mine.iter().map(|p| b(format!("{} ({}/{})", p.name, p.accepted, p.quota), Btn::Manage(p.id.get()))).collect();
    turn.send_with_buttons(t(turn.lang(), "prg-manage-list"), column(rows)).await
}

/// The programme, if the person manages it.
async fn managed(turn: &Turn<'_>, id: ProgrammeId) -> Result<Option<Programme>, HandlerError> {
    Ok(store::get(&turn.ctx.db, id).await?.filter(|p| manages(&turn.who.actor, p)))
}

/// One page of applicants waiting (submitted first, then the waitlist).
async fn page(turn: &Turn<'_>, p: &Programme, page: i64) -> HandlerResult {
    let lang = turn.lang();
    let db = &turn.ctx.db;
    let mut waiting = apps::list(db, p.id, Some(AppStatus::Submitted), 1000, 0).await?;
    waiting.extend(apps::list(db, p.id, Some(AppStatus::Waitlisted), 1000, 0).await?);
    let head = ta(lang, "prg-manage-head", &[("name", Arg::from(p.name.as_str())), ("accepted", Arg::from(p.accepted)), ("quota", Arg::from(p.quota))]);
    let shown: Vec<_> = waiting.iter().skip((page * PAGE) as usize).take(PAGE as usize).collect();
    if shown.is_empty() {
        return turn.send(format!("{head}\n\n{}", t(lang, "prg-manage-empty"))).await;
    }
    let mut rows: Vec<Vec<InlineKeyboardButton>> = Vec::new();
    let mut lines = vec![head];
    for a in &shown {
        lines.push(render::applicant(lang, a));
        let mut row = vec![b(format!("✅ {}", short(&a.number)), Btn::Decide(a.id, 'a'))];
        if a.status == AppStatus::Submitted {
            row.push(b(format!("⏳ {}", short(&a.number)), Btn::Decide(a.id, 'w')));
        }
        row.push(b(format!("❌ {}", short(&a.number)), Btn::Decide(a.id, 'r')));
        rows.push(row);
    }
    if (page + 1) * PAGE < waiting.len() as i64 {
        rows.push(vec![bk(lang, "prg-btn-more", Btn::ManagePage(p.id.get(), page + 1))]);
    }
    turn.send_with_buttons(lines.join("\n\n"), InlineKeyboardMarkup::new(rows)).await
}

/// `000123` of `PRG-2026-000123`: enough on a narrow button.
fn short(number: &str) -> &str {
    number.rsplit('-').next().unwrap_or(number)
}

/// Tells the person deciding what came of it.
async fn decided(turn: &Turn<'_>, p: &Programme, id: i64, decision: Decision) -> HandlerResult {
    let lang = turn.lang();
    match decide::decide(turn.ctx, p, id, &decision, turn.who.user_id).await {
        Ok(a) => {
            let args = [("number", Arg::from(a.number.as_str())), ("status", Arg::from(t(lang, a.status.key())))];
            turn.say_with("prg-decided", &args).await
        }
        Err(DecideError::Full) => turn.say_with("prg-quota-full", &[("quota", Arg::from(p.quota))]).await,
        Err(DecideError::Stale | DecideError::NotFound) => turn.say("prg-decided-already").await,
        Err(DecideError::Db(e)) => Err(e.into()),
    }
}

pub async fn on_button(turn: &Turn<'_>, btn: Btn) -> Result<bool, HandlerError> {
    match btn {
        Btn::Manage(id) | Btn::ManagePage(id, _) => {
            let Some(p) = managed(turn, ProgrammeId(id)).await? else { return Ok(false) };
            let n = if let Btn::ManagePage(_, n) = btn { n.max(0) } else { 0 };
            page(turn, &p, n).await?;
        }
        Btn::Decide(id, d) => {
            let Some(a) = apps::get(&turn.ctx.db, id).await? else { return Ok(false) };
            let Some(p) = managed(turn, a.programme_id).await? else { return Ok(false) };
            match d {
                'a' => decided(turn, &p, id, Decision::Accept).await?,
                'w' => decided(turn, &p, id, Decision::Waitlist).await?,
                _ => {
                    turn.set_dialog(Dialog::Reason { programme_id: p.id, application_id: id }).await?;
                    turn.say_with("prg-ask-reason", &[("number", Arg::from(a.number.as_str()))]).await?;
                }
            }
        }
        _ => return Ok(false),
    }
    Ok(true)
}

/// The typed reason of a rejection.
pub async fn on_reason(turn: &Turn<'_>, programme_id: ProgrammeId, application_id: i64, text: &str) -> HandlerResult {
    if text.is_empty() || text.chars().count() > 500 {
        return turn.send(ta(turn.lang(), "prg-bad-text", &[("max", Arg::from(500))])).await;
    }
    turn.end().await?;
    let Some(p) = managed(turn, programme_id).await? else { return turn.say("prg-not-found").await };
    decided(turn, &p, application_id, Decision::Reject(text.to_string())).await
}
