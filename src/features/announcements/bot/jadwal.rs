//! `/jadwal`: scheduled and repeating announcements this person may manage (their
//! KIM's; staff: their area's), with cancel (asked first), pause and resume per item.

use super::super::model::{Announcement, AnnouncementId, Schedule, Status};
use super::super::render::{keyboard, schedule_label, target_label, when};
use super::super::{handover, store};
use super::Btn;
use crate::platform::audit;
use crate::platform::i18n::{Arg, Lang, t, ta};
use crate::bot::HandlerError;
use crate::bot::turn::{At, Turn};

/// Items shown at most; the oldest-due come first.
const LIST_MAX: usize = 10;

/// Shows the list (editing `at` after a button), with `note` on top.
pub async fn list(turn: &Turn<'_>, at: Option<At>, note: Option<String>) -> Result<bool, HandlerError> {
    let lang = turn.lang();
    let mine: Vec<Announcement> = store::pending(&turn.ctx.db)
        .await?
        .into_iter()
        .filter(|a| a.manageable_by(&turn.who.actor))
        .take(LIST_MAX)
        .collect();
    let mut parts: Vec<String> = note.into_iter().collect();
    if mine.is_empty() {
        parts.push(t(lang, "ann-jadwal-empty"));
    } else {
        parts.push(t(lang, "ann-jadwal-header"));
        parts.extend(mine.iter().map(|a| item(lang, a)));
    }
    let mut rows: Vec<Vec<(String, Btn)>> = mine.iter().map(|a| buttons(lang, a)).collect();
    rows.push(vec![(t(lang, "ann-btn-history"), Btn::History(0))]);
    super::show::show(turn, at, parts.join("\n\n"), Some(keyboard(rows))).await?;
    Ok(true)
}

fn item(lang: Lang, a: &Announcement) -> String {
    let next = match (a.status, a.next_run_at) {
        (Status::Paused, _) => t(lang, "ann-jadwal-paused"),
        (_, Some(next)) => ta(lang, "ann-jadwal-next", &[("when", Arg::from(when(lang, next, a.tz)))]),
        (_, None) => String::new(),
    };
    let last = match a.last_run_at {
        Some(last) => {
            let late = Arg::from(if a.last_late { "yes" } else { "no" });
            ta(lang, "ann-jadwal-last", &[("when", Arg::from(when(lang, last, a.tz))), ("late", late)])
        }
        None => String::new(),
    };
    let args = [
        ("id", Arg::from(a.id)),
        ("schedule", Arg::from(schedule_label(lang, a))),
        ("target", Arg::from(target_label(lang, &a.target, &a.target_name))),
        ("text", Arg::from(a.content.snippet(80))),
    ];
    let lines = [ta(lang, "ann-jadwal-item", &args), next, last];
    lines.into_iter().filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n")
}

fn buttons(lang: Lang, a: &Announcement) -> Vec<(String, Btn)> {
    let id = Arg::from(a.id);
    let toggle = match a.status {
        Status::Paused => (ta(lang, "ann-btn-resume", &[("id", id.clone())]), Btn::Resume(a.id)),
        _ => (ta(lang, "ann-btn-pause", &[("id", id.clone())]), Btn::Pause(a.id)),
    };
    vec![toggle, (ta(lang, "ann-btn-cancel", &[("id", id)]), Btn::Cancel(a.id))]
}

/// "Cancel #3?": what stops, with "yes" and "back". Cancelling cannot be undone,
/// and a repeating one would otherwise vanish with one mistaken tap.
pub async fn ask_cancel(turn: &Turn<'_>, id: i64, at: At) -> Result<bool, HandlerError> {
    let Some(ann) = store::get(&turn.ctx.db, id).await?.filter(|a| a.manageable_by(&turn.who.actor)) else {
        return Ok(false);
    };
    let lang = turn.lang();
    if !matches!(ann.status, Status::Scheduled | Status::Paused) {
        return list(turn, Some(at), Some(ta(lang, "ann-jadwal-not-pending", &[("id", Arg::from(id))]))).await;
    }
    let args = [("id", Arg::from(id)), ("schedule", Arg::from(schedule_label(lang, &ann))), ("text", Arg::from(ann.content.snippet(80)))];
    let kb = keyboard(vec![vec![
        (ta(lang, "ann-btn-cancel-yes", &[("id", Arg::from(id))]), Btn::CancelYes(id)),
        (t(lang, "btn-back"), Btn::Jadwal),
    ]]);
    super::show::show(turn, Some(at), ta(lang, "ann-jadwal-cancel-ask", &args), Some(kb)).await?;
    Ok(true)
}

/// Cancel (confirmed), pause or resume one item, then show the list again. Each is
/// a conditional update from the expected status: a stale or second press changes
/// nothing and the list says the item is no longer pending.
pub async fn act(turn: &Turn<'_>, btn: Btn, at: At) -> Result<bool, HandlerError> {
    let (Btn::CancelYes(id) | Btn::Pause(id) | Btn::Resume(id)) = btn else { return Ok(false) };
    let Some(ann) = store::get(&turn.ctx.db, id).await? else { return Ok(false) };
    if !ann.manageable_by(&turn.who.actor) {
        return Ok(false);
    }
    let (db, now) = (&turn.ctx.db, turn.now());
    let (done, action, key) = match btn {
        Btn::CancelYes(_) => (store::cancel(db, id, now).await?, "announcement.cancel", "ann-jadwal-cancelled"),
        Btn::Pause(_) => (store::pause(db, id, now).await?, "announcement.pause", "ann-jadwal-paused-now"),
        _ => {
            // A repeating send resumes at its next time from now, not with the ones
            // missed while paused; a one-off keeps its time (sent at once, late, if past).
            let next = match &ann.schedule {
                Schedule::Cron(expr) => expr.next_after(now, ann.tz),
                Schedule::At(_) | Schedule::Now => ann.next_run_at,
            };
            let author_is_admin = turn.ctx.config.is_admin(teloxide::types::UserId(ann.author_id.get() as u64));
            let author = handover::author_on_resume(db, &ann, turn.who.user_id, author_is_admin).await?;
            (store::resume(db, AnnouncementId(id), next, author, now).await?, "announcement.resume", "ann-jadwal-resumed")
        }
    };
    if !done {
        let note = ta(turn.lang(), "ann-jadwal-not-pending", &[("id", Arg::from(id))]);
        return list(turn, Some(at), Some(note)).await;
    }
    audit::record(db, Some(turn.who.user_id), action, &format!("id={id}"), now).await?;
    list(turn, Some(at), Some(ta(turn.lang(), key, &[("id", Arg::from(id))]))).await
}
