//! The delivery report of one run in the chat — per group: sent, failed (with the
//! reason), or waiting — with "refresh", and recall: deleting the run's messages from
//! every group it reached, within Telegram's 48 hours.

use super::super::model::{Announcement, AnnouncementId};
use super::super::recall::recall_run;
use super::super::render::{keyboard, when};
use super::super::report::{Standing, per_group, reason};
use super::super::runs::{self, DeliveryState, Run};
use super::show;
use super::super::store;
use super::Btn;
use crate::platform::db::DbResult;
use crate::platform::i18n::{Arg, Lang, t, ta};
use crate::bot::HandlerError;
use crate::bot::turn::{At, Turn};

/// Groups listed by name at most; the totals always count all.
const REPORT_LINES: usize = 40;

/// The announcement and run, if this person may see them; `None` reads as stale.
async fn load(turn: &Turn<'_>, id: i64, n: i64) -> DbResult<Option<(Announcement, Run)>> {
    let Some(ann) = store::get(&turn.ctx.db, id).await? else { return Ok(None) };
    if !ann.manageable_by(&turn.who.actor) {
        return Ok(None);
    }
    Ok(runs::run(&turn.ctx.db, AnnouncementId(id), n).await?.map(|run| (ann, run)))
}

/// Groups whose message was in flight when a worker stopped dead and was sent
/// again: they may have it twice (Telegram cannot tell us whether the first try landed).
fn in_flight(rows: &[DeliveryState]) -> Vec<String> {
    let mut titles: Vec<String> = Vec::new();
    for row in rows.iter().filter(|r| r.resent != 0) {
        if !titles.contains(&row.title) {
            titles.push(row.title.clone());
        }
    }
    titles
}

fn render_report(lang: Lang, ann: &Announcement, run: &Run, rows: &[DeliveryState], (now, reactions): (i64, i64)) -> String {
    let groups = per_group(rows);
    let yes_no = |b: bool| Arg::from(if b { "yes" } else { "no" });
    let header = [
        ("id", Arg::from(ann.id)),
        ("run", Arg::from(run.n)),
        ("when", Arg::from(when(lang, run.fired_at, ann.tz))),
        ("late", yes_no(run.late != 0)),
        ("recalled", yes_no(run.recalled_at.is_some())),
    ];
    let mut lines = vec![ta(lang, "ann-report-header", &header)];
    for (_, title, standing) in groups.iter().take(REPORT_LINES) {
        let title = if title.is_empty() { t(lang, "ann-report-erased") } else { title.clone() };
        lines.push(match standing {
            Standing::Sent => ta(lang, "ann-report-sent", &[("group", Arg::from(title))]),
            Standing::Waiting => ta(lang, "ann-report-waiting", &[("group", Arg::from(title))]),
            Standing::Failed(e) => {
                ta(lang, "ann-report-failed", &[("group", Arg::from(title)), ("reason", Arg::from(reason(lang, e)))])
            }
        });
    }
    if groups.len() > REPORT_LINES {
        lines.push(ta(lang, "ann-report-more", &[("count", Arg::from((groups.len() - REPORT_LINES) as i64))]));
    }
    let count = |f: fn(&Standing) -> bool| Arg::from(groups.iter().filter(|(_, _, s)| f(s)).count() as i64);
    let totals = [
        ("sent", count(|s| *s == Standing::Sent)),
        ("failed", count(|s| matches!(s, Standing::Failed(_)))),
        ("waiting", count(|s| *s == Standing::Waiting)),
    ];
    let repeated = in_flight(rows);
    if !repeated.is_empty() {
        let args = [("count", Arg::from(repeated.len() as i64)), ("groups", Arg::from(repeated.join(", ")))];
        lines.push(ta(lang, "ann-report-resent", &args));
    }
    lines.push(String::new());
    lines.push(if groups.is_empty() {
        t(lang, "ann-report-no-groups")
    } else {
        ta(lang, "ann-report-totals", &totals)
    });
    if reactions > 0 {
        lines.push(ta(lang, "ann-report-reactions", &[("count", Arg::from(reactions))]));
    }
    // The time of reading: "Perbarui" always shows something new, even when no
    // group changed, so a press is never met with silence.
    lines.push(ta(lang, "ann-report-as-of", &[("time", Arg::from(clock_time(now, ann.tz)))]));
    lines.join("\n")
}

/// "10:32:05" in the announcement's zone.
fn clock_time(unix: i64, tz: chrono_tz::Tz) -> String {
    use chrono::TimeZone;
    tz.timestamp_opt(unix, 0).single().map(|t| t.format("%H:%M:%S %Z").to_string()).unwrap_or_default()
}

/// Shows the report (editing the message pressed on, or as a new message).
pub async fn show(turn: &Turn<'_>, id: i64, n: i64, at: Option<At>) -> Result<bool, HandlerError> {
    let Some((ann, run)) = load(turn, id, n).await? else { return Ok(false) };
    let lang = turn.lang();
    let rows = runs::deliveries(&turn.ctx.db, run.id).await?;
    let kb = keyboard(vec![
        vec![(t(lang, "ann-btn-refresh"), Btn::Report(id, n))],
        vec![(t(lang, "ann-btn-recall"), Btn::Recall(id, n))],
    ]);
    let reactions = crate::platform::delivery::reactions::total_for_source(&turn.ctx.db, &ann.source(run.n)).await?;
    let text = render_report(lang, &ann, &run, &rows, (turn.now(), reactions));
    let Some(at) = at else {
        show::show(turn, None, text, Some(kb)).await?;
        return Ok(true);
    };
    // Pressed again within the same second: the report cannot change, and Telegram
    // refuses an identical edit, so a pop-up is the only visible answer.
    if !show::edit_if_changed(turn, at, text, Some(kb)).await? {
        let time = clock_time(turn.now(), ann.tz);
        turn.toast(ta(lang, "ann-report-unchanged", &[("time", Arg::from(time))]));
    }
    Ok(true)
}

pub async fn ask_recall(turn: &Turn<'_>, id: i64, n: i64, at: At) -> Result<bool, HandlerError> {
    let Some((_, run)) = load(turn, id, n).await? else { return Ok(false) };
    let lang = turn.lang();
    let groups = per_group(&runs::deliveries(&turn.ctx.db, run.id).await?);
    let sent = groups.iter().filter(|(_, _, s)| *s == Standing::Sent).count() as i64;
    let text = ta(lang, "ann-recall-ask", &[("id", Arg::from(id)), ("groups", Arg::from(sent))]);
    let kb = keyboard(vec![
        vec![(t(lang, "ann-btn-recall-yes"), Btn::RecallYes(id, n))],
        vec![(t(lang, "btn-back"), Btn::Report(id, n))],
    ]);
    show::show(turn, Some(at), text, Some(kb)).await?;
    Ok(true)
}

/// Deletes every sent message of the run, group by group ([`recall_run`], the
/// console's too), and says how it went.
pub async fn recall(turn: &Turn<'_>, id: i64, n: i64, at: At) -> Result<bool, HandlerError> {
    let Some((_, run)) = load(turn, id, n).await? else { return Ok(false) };
    let outcome = recall_run(turn.ctx, turn.bot, turn.who.user_id, id, &run).await?;
    let lang = turn.lang();
    let mut lines = vec![ta(lang, "ann-recalled", &[("groups", Arg::from(outcome.deleted))])];
    for (count, key) in [
        (outcome.too_old, "ann-recall-too-old"),
        (outcome.waiting, "ann-recall-waiting"),
        (outcome.failed, "ann-recall-failed"),
    ] {
        if count > 0 {
            lines.push(ta(lang, key, &[("groups", Arg::from(count))]));
        }
    }
    let mut rows = vec![vec![(t(lang, "ann-btn-refresh"), Btn::Report(id, n))]];
    if outcome.waiting > 0 {
        rows.push(vec![(t(lang, "ann-btn-recall-again"), Btn::RecallYes(id, n))]);
    }
    show::show(turn, Some(at), lines.join("\n"), Some(keyboard(rows))).await?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(chat_id: i64, title: &str, status: &str) -> DeliveryState {
        DeliveryState {
            chat_id,
            title: title.into(),
            sent_chat_id: chat_id,
            status: status.into(),
            error: None,
            message_id: None,
            updated_at: 0,
            resent: 0,
        }
    }

    #[test]
    fn copies_to_people_who_erased_their_data_count_one_each() {
        let rows = [row(-1, "RT 01", "sent"), row(-1, "RT 01", "sent"), row(0, "", "sent"), row(0, "", "failed")];

        let groups = per_group(&rows);

        assert_eq!(groups.len(), 3, "{groups:?}");
        assert_eq!(groups.iter().filter(|(chat, ..)| *chat == 0).count(), 2);
    }
}
