//! Closing on time: a periodic job marks every open survey past its closing time
//! closed and tells its author the results, in the author's language. The claim is a
//! conditional `UPDATE … WHERE status = 'open' … RETURNING`, in the same transaction
//! that queues the notice, so with several processes each survey is closed and
//! announced once. (Answers stop at the closing time whether or not this ran: every
//! answer checks it.)

use std::sync::Arc;
use std::time::Duration;
use crate::kernel::members::UserId;

use sqlx::Row;
use tokio::sync::watch;

use super::model::SurveyId;
use super::{render, results, store};
use crate::platform::audit;
use crate::platform::ctx::AppCtx;
use crate::platform::db::{DbError, DbResult};
use crate::platform::delivery::{Outgoing, Priority};
use crate::platform::i18n::t;
use crate::platform::personal::ERASED_USER;

const POLL: Duration = Duration::from_secs(2);

pub async fn run(ctx: Arc<AppCtx>, stop: watch::Receiver<bool>) {
    crate::platform::scheduler::every("survey closing", POLL, stop, || close_due(&ctx, ctx.now())).await;
}

/// Closes the surveys due at `now`; returns how many.
pub async fn close_due(ctx: &AppCtx, now: i64) -> DbResult<usize> {
    let mut tx = ctx.db.begin().await?;
    let rows = sqlx::query("UPDATE surveys SET status = 'closed', ended_at = closes_at WHERE status = 'open' AND closes_at <= $1 RETURNING id")
        .bind(now)
        .fetch_all(&mut *tx)
        .await?;
    let mut items = Vec::new();
    for r in &rows {
        let id: SurveyId = r.try_get("id")?;
        audit::record_in(&mut tx, None, "survey.closed_on_time", &format!("survey={id}"), now).await?;
        if let Some(notice) = notice(ctx, id, now).await? {
            items.push(notice);
        }
    }
    ctx.outbox.enqueue_in(&mut tx, &items).await?;
    tx.commit().await.map_err(DbError::from)?;
    ctx.outbox.wake();
    Ok(rows.len())
}

/// The results for the author (none once the author erased their data).
async fn notice(ctx: &AppCtx, id: SurveyId, now: i64) -> DbResult<Option<Outgoing>> {
    let Some(s) = store::get(&ctx.db, id).await?.filter(|s| s.author_id != UserId(ERASED_USER)) else { return Ok(None) };
    let author = s.author_id;
    let lang = crate::kernel::members::users::language(&ctx.db, author).await?;
    let mut r = results::load(&ctx.db, s).await?;
    // Read outside the claiming transaction: show what the claim just wrote.
    r.survey.status = super::model::Status::Closed;
    let text = format!("{}\n\n{}", t(lang, "sv-closed-on-time"), render::summary(lang, &r, ctx.config.tz, now));
    Ok(Some(Outgoing::text(author.get(), text, Priority::Personal, Some(format!("survey-closed:{id}")))))
}
