//! `/umumkan`, second half: when. Send now, at a typed date and time, or repeating
//! (presets or a cron expression); a schedule is shown — for a repeating one with
//! its next three times in the KIM's zone — before it is saved.

use chrono::TimeZone;
use chrono_tz::Tz;

use crate::kernel::audience::cron::{CronError, CronExpr};
use super::super::fire;
use super::super::model::{Schedule, Target};
use super::super::render::{self, keyboard, when};
use super::super::store::{self, NewAnnouncement};
use crate::kernel::audience::targets::{self, Scope};
use super::{Btn, Dialog, Draft, Plan};
use crate::kernel::audience::when::{self as typed, WhenError};
use super::compose;
use crate::platform::audit;
use crate::platform::db::DbResult;
use crate::platform::i18n::{Arg, t, ta};
use crate::bot::turn::{At, Turn};
use crate::bot::{HandlerError, HandlerResult};

/// The repeat buttons: crontab line and label key. Only ever appended to: old
/// buttons carry the index.
pub const PRESETS: [(&str, &str); 6] = [
    ("0 7 * * *", "ann-preset-daily"),
    ("0 8 * * MON", "ann-preset-monday"),
    ("0 8 1 * *", "ann-preset-monthly"),
    ("0 7 * * MON-FRI", "ann-preset-weekdays"),
    ("0 6 * * SUN", "ann-preset-sunday"),
    ("0 13 * * FRI", "ann-preset-friday"),
];

/// The draft's target, checked again against the presser's rights.
async fn scope_of(turn: &Turn<'_>, draft: &Draft) -> DbResult<Option<(Target, Scope)>> {
    let Some(target) = draft.target.clone() else { return Ok(None) };
    let scope = targets::scope(&turn.ctx.db, turn.ctx.config.tz, &turn.who.actor, &target).await?;
    Ok(scope.map(|s| (target, s)))
}

/// The chosen target no longer works — a picked group left (bot removed, unlinked)
/// or the person's rights changed: say which, and offer the targets again, rather
/// than answering the press as stale.
async fn target_lost(turn: &Turn<'_>, draft: Draft) -> Result<bool, HandlerError> {
    let left = match &draft.target {
        Some(Target::Groups(ids)) => compose::left_groups(turn, &draft, ids).await?,
        _ => Vec::new(),
    };
    let note = if left.is_empty() { t(turn.lang(), "ann-target-gone") } else { compose::left_note(turn, &left) };
    turn.send(note).await?;
    compose::show_targets(turn, draft, None).await
}

/// After the preview: to whom, how many groups now, and the "when" buttons.
pub async fn choices(turn: &Turn<'_>, draft: Draft, at: Option<At>) -> Result<bool, HandlerError> {
    let Some((target, scope)) = scope_of(turn, &draft).await? else { return target_lost(turn, draft).await };
    let lang = turn.lang();
    let groups = targets::resolve(&turn.ctx.db, &turn.who.actor, &target).await?.len() as i64;
    let label = render::target_label(lang, &target, &scope.name);
    let key = if matches!(target, Target::Umkm(_)) { "ann-choices-umkm" } else { "ann-choices" };
    let text = ta(lang, key, &[("target", Arg::from(label)), ("groups", Arg::from(groups))]);
    let share = if draft.share_off { "ann-btn-share-off" } else { "ann-btn-share-on" };
    let kb = keyboard(vec![
        vec![(t(lang, "ann-btn-send-now"), Btn::SendNow)],
        vec![(t(lang, "ann-btn-at"), Btn::AskAt)],
        vec![(t(lang, "ann-btn-repeat"), Btn::AskRepeat)],
        vec![(t(lang, share), Btn::Share)],
        vec![(t(lang, "ann-btn-retarget"), Btn::Retarget), (t(lang, "ann-btn-rewrite"), Btn::Rewrite)],
    ]);
    turn.set_dialog(Dialog::Preview(draft)).await?;
    super::show::show(turn, at, text, Some(kb)).await?;
    Ok(true)
}

/// The WhatsApp share toggle: flips it and shows the choices again, saying which.
pub async fn toggle_share(turn: &Turn<'_>, mut draft: Draft, at: At) -> Result<bool, HandlerError> {
    draft.share_off = !draft.share_off;
    turn.toast(t(turn.lang(), if draft.share_off { "ann-share-off" } else { "ann-share-on" }));
    choices(turn, draft, Some(at)).await
}

async fn save(
    turn: &Turn<'_>,
    draft: &Draft,
    target: Target,
    scope: Scope,
    schedule: Schedule,
    first: i64,
) -> DbResult<i64> {
    let new = NewAnnouncement {
        author_id: turn.who.user_id.get(),
        kim_id: scope.kim_id,
        area_path: scope.area_path,
        content: draft.content.clone(),
        target,
        target_name: scope.name,
        schedule,
        tz: scope.tz,
        first_run: first,
        share_off: draft.share_off,
        clarification: draft.clarification,
    };
    store::insert(&turn.ctx.db, &new, turn.now()).await
}

pub async fn send_now(turn: &Turn<'_>, draft: Draft, at: At) -> Result<bool, HandlerError> {
    let Some((target, scope)) = scope_of(turn, &draft).await? else { return target_lost(turn, draft).await };
    let groups = targets::resolve(&turn.ctx.db, &turn.who.actor, &target).await?.len() as i64;
    let to_umkm = matches!(target, Target::Umkm(_));
    if groups == 0 {
        turn.say(if to_umkm { "ann-no-umkm" } else { "ann-no-active-groups" }).await?;
        return Ok(true);
    }
    let now = turn.now();
    let id = save(turn, &draft, target, scope, Schedule::Now, now).await?;
    // The scheduler may take it first; either way run 1 goes out exactly once.
    fire::fire(turn.ctx, id, now).await?;
    let detail = format!("id={id} groups={groups}");
    audit::record(&turn.ctx.db, Some(turn.who.user_id), "announcement.send", &detail, now).await?;
    turn.end().await?;
    let args = [("id", Arg::from(id)), ("groups", Arg::from(groups))];
    let key = if to_umkm { "ann-sent-umkm" } else { "ann-sent" };
    super::show::show(turn, Some(at), ta(turn.lang(), key, &args), None).await?;
    super::run_report::show(turn, id, 1, None).await
}

fn zone(tz: Tz, now: i64) -> String {
    tz.timestamp_opt(now, 0).single().map(|t| t.format("%Z").to_string()).unwrap_or_else(|| tz.name().to_string())
}

pub async fn ask_at(turn: &Turn<'_>, draft: Draft, at: At) -> Result<bool, HandlerError> {
    let Some((_, scope)) = scope_of(turn, &draft).await? else { return target_lost(turn, draft).await };
    let text = ta(turn.lang(), "ann-ask-at", &[("zone", Arg::from(zone(scope.tz, turn.now())))]);
    turn.set_dialog(Dialog::AskAt(draft)).await?;
    super::show::show(turn, Some(at), text, Some(keyboard(vec![vec![(t(turn.lang(), "btn-back"), Btn::Back)]]))).await?;
    Ok(true)
}

pub async fn on_time_typed(turn: &Turn<'_>, draft: Draft, text: &str) -> HandlerResult {
    let Some((_, scope)) = scope_of(turn, &draft).await? else { return target_lost(turn, draft).await.map(drop) };
    let key = match typed::parse(text, turn.now(), scope.tz) {
        Ok(unix) => return confirm_screen(turn, draft, Plan::At(unix), scope.tz, None).await.map(drop),
        Err(WhenError::Format) => "ann-when-format",
        Err(WhenError::NoSuchDate) => "ann-when-no-such-date",
        Err(WhenError::Past) => "ann-when-past",
        Err(WhenError::NextYear(at)) => return ask_next_year(turn, draft, at, scope.tz).await,
    };
    turn.say_with(key, &[("zone", Arg::from(zone(scope.tz, turn.now())))]).await
}

/// "That day has passed this year. Did you mean Kamis, 03/12/2027 08:00 WIB?" with
/// "yes, next year" and "type again": a past day is never quietly moved a year on.
async fn ask_next_year(turn: &Turn<'_>, draft: Draft, at: i64, tz: Tz) -> HandlerResult {
    let lang = turn.lang();
    let year = chrono::Datelike::year(&crate::platform::when::local(at, tz)).to_string();
    let text = ta(lang, "ann-when-next-year", &[("when", Arg::from(when(lang, at, tz)))]);
    let kb = keyboard(vec![
        vec![(ta(lang, "ann-btn-next-year", &[("year", Arg::from(year))]), Btn::NextYear)],
        vec![(t(lang, "ann-btn-type-again"), Btn::AskAt)],
    ]);
    turn.set_dialog(Dialog::NextYear { draft, at }).await?;
    turn.send_with_buttons(text, kb).await
}

/// "Yes, next year": the usual "save this schedule?" screen for that moment.
pub async fn next_year(turn: &Turn<'_>, draft: Draft, unix: i64, at: At) -> Result<bool, HandlerError> {
    let Some((_, scope)) = scope_of(turn, &draft).await? else { return target_lost(turn, draft).await };
    confirm_screen(turn, draft, Plan::At(unix), scope.tz, Some(at)).await
}

pub async fn ask_repeat(turn: &Turn<'_>, draft: Draft, at: At) -> Result<bool, HandlerError> {
    let lang = turn.lang();
    let mut rows: Vec<Vec<(String, Btn)>> =
        PRESETS.iter().enumerate().map(|(i, (_, key))| vec![(t(lang, key), Btn::Preset(i as u8))]).collect();
    rows.push(vec![(t(lang, "ann-btn-type-cron"), Btn::TypeCron)]);
    rows.push(vec![(t(lang, "btn-back"), Btn::Back)]);
    turn.set_dialog(Dialog::AskRepeat(draft)).await?;
    super::show::show(turn, Some(at), t(lang, "ann-ask-repeat"), Some(keyboard(rows))).await?;
    Ok(true)
}

pub async fn preset(turn: &Turn<'_>, draft: Draft, n: u8, at: At) -> Result<bool, HandlerError> {
    let Some((_, scope)) = scope_of(turn, &draft).await? else { return target_lost(turn, draft).await };
    let Some((line, _)) = PRESETS.get(usize::from(n)) else { return Ok(false) };
    let Ok(expr) = CronExpr::from_crontab(line, turn.now(), scope.tz) else { return Ok(false) };
    confirm_screen(turn, draft, Plan::Cron(expr.quartz().to_string()), scope.tz, Some(at)).await
}

pub async fn ask_cron(turn: &Turn<'_>, draft: Draft, at: At) -> Result<bool, HandlerError> {
    let Some((_, scope)) = scope_of(turn, &draft).await? else { return target_lost(turn, draft).await };
    let text = ta(turn.lang(), "ann-ask-cron", &[("zone", Arg::from(zone(scope.tz, turn.now())))]);
    turn.set_dialog(Dialog::AskCron(draft)).await?;
    super::show::show(turn, Some(at), text, Some(keyboard(vec![vec![(t(turn.lang(), "btn-back"), Btn::Back)]]))).await?;
    Ok(true)
}

pub async fn on_cron_typed(turn: &Turn<'_>, draft: Draft, text: &str) -> HandlerResult {
    let Some((_, scope)) = scope_of(turn, &draft).await? else { return target_lost(turn, draft).await.map(drop) };
    let key = match CronExpr::from_crontab(text, turn.now(), scope.tz) {
        Ok(expr) => {
            return confirm_screen(turn, draft, Plan::Cron(expr.quartz().into()), scope.tz, None).await.map(drop);
        }
        Err(CronError::FieldCount(_)) => "ann-cron-fields",
        Err(CronError::Weekday(_)) => "ann-cron-weekday",
        Err(CronError::DayAndWeekday) => "ann-cron-day-and-weekday",
        Err(CronError::Invalid(_)) => "ann-cron-invalid",
        Err(CronError::NeverRuns) => "ann-cron-never",
        Err(CronError::TooFrequent) => "ann-cron-too-often",
    };
    let shown: String = text.chars().take(60).collect();
    turn.say_with(key, &[("cron", Arg::from(shown))]).await
}

/// Shows what will happen (the time, or the next three runs) with "save" and "back".
async fn confirm_screen(
    turn: &Turn<'_>,
    draft: Draft,
    plan: Plan,
    tz: Tz,
    at: Option<At>,
) -> Result<bool, HandlerError> {
    let lang = turn.lang();
    let text = match &plan {
        Plan::At(unix) => ta(lang, "ann-confirm-at", &[("when", Arg::from(when(lang, *unix, tz)))]),
        Plan::Cron(quartz) => {
            let Ok(expr) = CronExpr::from_quartz(quartz) else { return Ok(false) };
            let runs: Vec<String> =
                expr.next_runs(turn.now(), tz, 3).into_iter().map(|r| format!("• {}", when(lang, r, tz))).collect();
            let args = [("cron", Arg::from(render::cron_words(lang, &expr))), ("runs", Arg::from(runs.join("\n")))];
            ta(lang, "ann-confirm-cron", &args)
        }
    };
    let kb = keyboard(vec![vec![(t(lang, "ann-btn-confirm"), Btn::Confirm)], vec![(t(lang, "btn-back"), Btn::Back)]]);
    turn.set_dialog(Dialog::Confirm { draft, plan }).await?;
    super::show::show(turn, at, text, Some(kb)).await?;
    Ok(true)
}

/// "Save": the schedule is stored; the scheduler fires it from here on.
pub async fn confirm(turn: &Turn<'_>, draft: Draft, plan: Plan, at: At) -> Result<bool, HandlerError> {
    let Some((target, scope)) = scope_of(turn, &draft).await? else { return target_lost(turn, draft).await };
    let (now, tz) = (turn.now(), scope.tz);
    let (schedule, first) = match plan {
        Plan::At(unix) if unix <= now => {
            turn.set_dialog(Dialog::AskAt(draft)).await?;
            turn.say_with("ann-when-past", &[("zone", Arg::from(zone(tz, now)))]).await?;
            return Ok(true);
        }
        Plan::At(unix) => (Schedule::At(unix), unix),
        Plan::Cron(quartz) => {
            let Ok(expr) = CronExpr::from_quartz(&quartz) else { return Ok(false) };
            let Some(first) = expr.next_after(now, tz) else { return Ok(false) };
            (Schedule::Cron(expr), first)
        }
    };
    let kind = schedule.kind();
    let id = save(turn, &draft, target, scope, schedule, first).await?;
    let detail = format!("id={id} schedule={kind} first={first}");
    audit::record(&turn.ctx.db, Some(turn.who.user_id), "announcement.schedule", &detail, now).await?;
    turn.end().await?;
    let args = [("id", Arg::from(id)), ("when", Arg::from(when(turn.lang(), first, tz)))];
    super::show::show(turn, Some(at), ta(turn.lang(), "ann-scheduled", &args), None).await?;
    Ok(true)
}
