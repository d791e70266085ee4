//! The end of a poll: closing on time (a job), closing early ("Tutup sekarang"), and
//! recalling ("Tarik"). Each starts with a claim on the poll row (a conditional
//! UPDATE), so with several processes or a double press it happens once. Then
//! `stopPoll` (and, for a recall, delete) goes to every copy through the outbox,
//! and the final result with its chart goes to the author.

use std::collections::BTreeMap;
use std::sync::Arc;
use crate::kernel::members::UserId;

use tokio::sync::watch;

use super::model::{Tally, bar, percent, tally};
use super::store::{self, Poll, RESULT_SOURCE};
use super::{chart, ends};
use crate::platform::audit;
use crate::platform::ctx::AppCtx;
use crate::platform::db::DbResult;
use crate::platform::delivery::{Body, Outgoing, Priority};
use crate::platform::text::clip;
use crate::platform::i18n::{Arg, Lang, t, ta};
use crate::platform::scheduler::{POLL, every};

/// Due (or unsettled) polls taken per look.
const BATCH: i64 = 20;

/// The closing job: looks for due polls every second until `stop`.
pub async fn run(ctx: Arc<AppCtx>, stop: watch::Receiver<bool>) {
    every("poll closing", POLL, stop, || tick(&ctx)).await;
}

/// Closes every due poll this process claims, and sweeps closed polls whose copies
/// were still in flight (see [`ends`]); returns how many polls it closed.
pub async fn tick(ctx: &AppCtx) -> DbResult<usize> {
    let now = ctx.now();
    let mut closed = 0;
    for id in store::due(&ctx.db, now, BATCH).await? {
        if !store::claim_status(&ctx.db, id, "closed", now).await? {
            continue; // another process (or an early close) took it
        }
        closed += 1;
        let Some(poll) = store::get(&ctx.db, id).await? else { continue };
        if let Err(error) = finish(ctx, &poll, None).await {
            tracing::error!(%error, poll = id, "poll closed, but stopping its copies failed");
        }
        if poll.author_id != UserId(0) {
            let lang = crate::kernel::members::users::language(&ctx.db, poll.author_id).await?;
            if let Err(error) = queue_result(ctx, poll.author_id.get(), lang, &poll).await {
                tracing::error!(%error, poll = id, "could not queue a poll's final result for its author");
            }
        }
    }
    for id in ends::unsettled(&ctx.db, BATCH).await? {
        let Some(poll) = store::get(&ctx.db, id).await? else { continue };
        match ends::sweep(ctx, &poll).await {
            Ok(swept) if swept.queued > 0 => tracing::info!(poll = id, ends = swept.queued, "poll copies sent after closing are stopped too"),
            Ok(_) => {}
            // The next tick tries again; the other polls go on.
            Err(error) => tracing::error!(%error, poll = id, "could not sweep a closed poll's copies"),
        }
    }
    Ok(closed)
}

/// After a close claim: unsent copies are cancelled, every sent copy is stopped
/// (copies in flight by a later sweep), and the close is audited (`by` None: on time).
pub async fn finish(ctx: &AppCtx, poll: &Poll, by: Option<i64>) -> DbResult<()> {
    let swept = ends::sweep(ctx, poll).await?;
    let how = if by.is_some() { "early" } else { "on_time" };
    let detail = format!("id={} chats={} how={how}", poll.id, swept.sent);
    audit::record(&ctx.db, by.map(UserId), "poll.close", &detail, ctx.now()).await
}

/// After a recall claim (`poll` as it is now, recalled): unsent copies cancelled;
/// sent ones stopped (unless stopped at closing) and deleted (Telegram allows that
/// for 48 hours; older ones stay, stopped). Returns how many copies were sent.
pub async fn recall(ctx: &AppCtx, poll: &Poll, by: UserId) -> DbResult<usize> {
    let swept = ends::sweep(ctx, poll).await?;
    audit::record(&ctx.db, Some(by), "poll.recall", &format!("id={} chats={}", poll.id, swept.sent), ctx.now()).await?;
    Ok(swept.sent)
}

/// The result as text, and the tally behind it. Counts only: no resident is named.
pub async fn result(ctx: &AppCtx, lang: Lang, poll: &Poll) -> DbResult<(String, Tally)> {
    let db = &ctx.db;
    let tally = tally(poll.options.len(), &store::votes(db, poll.id).await?, &store::anonymous_totals(db, poll.id).await?);
    let total = tally.total.voters;
    let when = crate::kernel::audience::words::when(lang, poll.closes_at, ctx.config.tz);
    let args = [
        ("id", Arg::from(poll.id)),
        ("question", Arg::from(poll.question.clone())),
        ("status", Arg::from(t(lang, &format!("poll-status-{}", poll.status)))),
        ("closes", Arg::from(when)),
        ("target", Arg::from(poll.target_label.clone())),
        ("count", Arg::from(total as i64)),
    ];
    let mut parts = vec![ta(lang, "poll-result", &args)];
    for (i, option) in poll.options.iter().enumerate() {
        let n = tally.total.options[i];
        parts.push(format!("{}. {option}\n{} {n} ({}%)", i + 1, bar(percent(n, total)), percent(n, total)));
    }
    if !tally.by_kim.is_empty() {
        parts.push(breakdown(ctx, lang, &tally).await?);
    }
    Ok((parts.join("\n\n"), tally))
}

/// Lines per KIM (with each option's count) and per kecamatan.
async fn breakdown(ctx: &AppCtx, lang: Lang, tally: &Tally) -> DbResult<String> {
    let places = store::kim_places(&ctx.db).await?;
    let mut by_kecamatan: BTreeMap<String, u64> = BTreeMap::new();
    let mut lines = vec![t(lang, "poll-result-by-kim")];
    for (kim, counts) in &tally.by_kim {
        let (name, kecamatan) = kim.and_then(|k| places.get(&k).cloned()).unwrap_or_else(|| (t(lang, "poll-result-no-kim"), t(lang, "poll-result-no-kim")));
        *by_kecamatan.entry(kecamatan).or_default() += counts.voters;
        let detail = counts.options.iter().enumerate().map(|(i, n)| format!("{}: {n}", i + 1)).collect::<Vec<_>>().join(" · ");
        lines.push(ta(lang, "poll-result-line", &[("name", Arg::from(name)), ("count", Arg::from(counts.voters as i64)), ("detail", Arg::from(detail))]));
    }
    lines.push(String::new());
    lines.push(t(lang, "poll-result-by-kecamatan"));
    for (name, n) in by_kecamatan {
        lines.push(ta(lang, "poll-result-line", &[("name", Arg::from(name)), ("count", Arg::from(n as i64)), ("detail", Arg::from(""))]));
    }
    Ok(lines.join("\n"))
}

/// Queues the final result and its chart for `chat` in the outbox, so pacing, 429
/// and 403 apply to it as to every other message (the text first: same priority,
/// older row). A chart that cannot be drawn is logged; the text still goes.
pub async fn queue_result(ctx: &AppCtx, chat: i64, lang: Lang, poll: &Poll) -> DbResult<()> {
    let (text, tally) = result(ctx, lang, poll).await?;
    let text = clip(&ta(lang, "poll-final", &[("result", Arg::from(text))]), MAX_TEXT);
    let source: Option<String> = RESULT_SOURCE.of(poll.id).into();
    let mut items = vec![Outgoing::text(chat, text, Priority::Personal, source.clone())];
    match chart_png(poll, &tally, lang) {
        Ok(png) => {
            let caption = ta(lang, "poll-chart-caption", &[("id", Arg::from(poll.id))]);
            let body = Body::drawn_photo(&format!("jajak-{}.png", poll.id), &png, Some(caption));
            items.push(Outgoing { chat_id: chat, body, priority: Priority::Personal, source });
        }
        Err(error) => tracing::error!(%error, poll = poll.id, "poll chart not drawn"),
    }
    ctx.outbox.enqueue(&items).await?;
    Ok(())
}

/// Telegram's limit on a message's text.
const MAX_TEXT: usize = 4096;

/// The chart as PNG bytes (plotters draws into a file).
fn chart_png(poll: &Poll, tally: &Tally, lang: Lang) -> Result<Vec<u8>, String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let path = dir.path().join("chart.png");
    chart::render(&poll.question, &poll.options, tally, lang, &path).map_err(|e| e.to_string())?;
    std::fs::read(&path).map_err(|e| e.to_string())
}
