//! The polling loop: due feeds are claimed (one process per feed and tick), fetched,
//! and their new items turned into drafts for coordinators; failures are counted,
//! and staff hear once when a feed turns unhealthy and once when it recovers (the
//! admins hear it when no staff cover the feed's area, so nobody misses it).
//!
//! Like the announcement announcements' scheduler, it looks for due
//! rows every second on the injectable clock, so tests move a
//! [`ManualClock`](crate::platform::db::ManualClock) instead of sleeping.
//! [`poll_now`] is the same poll for "Periksa sekarang" in `/sumber`.

use std::sync::Arc;
use std::time::Duration;
use crate::kernel::members::UserId;

use futures_util::StreamExt;
use tokio::sync::watch;

use super::drafts::{self, MAX_PER_POLL};
use super::fetch::{FetchError, Fetched, Fetcher, Item, Validators};
use super::schedule;
use super::store::{self, Feed, UNHEALTHY_AFTER};
use crate::platform::ctx::AppCtx;
use crate::platform::db::DbResult;
use crate::platform::delivery::{Outgoing, Priority};
use crate::platform::i18n::{Arg, ta};

/// How often the loop looks for due feeds.
const LOOK_EVERY: Duration = Duration::from_secs(1);
/// Due feeds taken per look.
const BATCH: i64 = 20;
/// Feeds fetched at once, so one slow server (up to the 20 s timeout) does not hold
/// up the others.
const CONCURRENT: usize = 4;
/// "Periksa sekarang" fetches a feed at most once a minute (across processes), so
/// impatient presses never hammer somebody else's server.
pub const POLL_NOW_GAP: i64 = 60;

/// What one poll found, for the person who asked for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Read; this many items were new.
    Fresh(usize),
    /// The server said nothing changed (304).
    NotModified,
    /// Not readable; the stored [`FetchError::kind`].
    Failed(String),
}

pub struct Poller {
    ctx: Arc<AppCtx>,
    fetcher: Fetcher,
}

impl Poller {
    pub fn new(ctx: Arc<AppCtx>) -> Result<Self, FetchError> {
        let fetcher = Fetcher::new(ctx.config.outbound)?;
        Ok(Self { ctx, fetcher })
    }

    /// Runs until `stop` turns true.
    pub async fn run(self, stop: watch::Receiver<bool>) {
        crate::platform::scheduler::every("programme feeds", LOOK_EVERY, stop, || self.tick()).await;
    }

    /// Polls every feed due now that this process manages to claim; returns how many.
    pub async fn tick(&self) -> DbResult<usize> {
        let now = self.ctx.now();
        let mut claimed = Vec::new();
        for feed in store::due(&self.ctx.db, now, BATCH).await? {
            let next = schedule::next_after(&feed.cron, now, self.ctx.config.tz);
            // A feed another process claimed first is skipped for this tick.
            if store::claim(&self.ctx.db, feed.id, feed.next_poll_at, next, now).await? {
                claimed.push(feed);
            }
        }
        let polled = claimed.len();
        futures_util::stream::iter(claimed)
            .for_each_concurrent(CONCURRENT, |feed| async move {
                if let Err(error) = poll(&self.ctx, &self.fetcher, &feed).await {
                    tracing::error!(%error, feed = feed.id, "could not record a feed poll");
                }
            })
            .await;
        Ok(polled)
    }
}

/// Polls `feed` at once ("Periksa sekarang"), unless it was fetched less than
/// [`POLL_NOW_GAP`] ago by anyone: then `None`. The claim is a conditional update,
/// so two presses (or two processes) fetch it once.
pub async fn poll_now(ctx: &AppCtx, feed: &Feed) -> DbResult<Option<Outcome>> {
    if !store::claim_now(&ctx.db, feed.id, ctx.now(), POLL_NOW_GAP).await? {
        return Ok(None);
    }
    let fetcher = match Fetcher::new(ctx.config.outbound) {
        Ok(fetcher) => fetcher,
        Err(error) => return Ok(Some(Outcome::Failed(error.kind()))),
    };
    poll(ctx, &fetcher, feed).await.map(Some)
}

/// One fetch of `feed`, recorded: items taken and drafted, health counted.
async fn poll(ctx: &AppCtx, fetcher: &Fetcher, feed: &Feed) -> DbResult<Outcome> {
    let metrics = &ctx.ops.metrics;
    match fetcher.fetch(&feed.url, &feed.validators).await {
        Ok(Fetched::NotModified) => {
            metrics.feed_poll("not_modified");
            succeeded(ctx, feed, None, Vec::new()).await?;
            Ok(Outcome::NotModified)
        }
        Ok(Fetched::Items(items, validators)) => {
            metrics.feed_poll("ok");
            succeeded(ctx, feed, Some(validators), items).await.map(Outcome::Fresh)
        }
        Err(error) => {
            metrics.feed_poll("failed");
            tracing::warn!(feed = feed.id, url = %feed.url, reason = %error, "feed poll failed");
            failed(ctx, feed, &error).await?;
            Ok(Outcome::Failed(error.kind()))
        }
    }
}

/// Records a good poll, takes the new items and offers the newest as drafts;
/// returns how many items were new.
async fn succeeded(ctx: &AppCtx, feed: &Feed, validators: Option<Validators>, items: Vec<Item>) -> DbResult<usize> {
    let (db, now) = (&ctx.db, ctx.now());
    let coordinators = if items.is_empty() { Vec::new() } else { drafts::coordinators_in(db, &feed.area_path).await? };
    let told = if feed.healthy { Vec::new() } else { health_recipients(ctx, feed).await? };
    let mut tx = db.begin().await?;
    let recovered = store::record_success(&mut tx, feed.id, validators.as_ref(), now).await?;
    let mut messages = Vec::new();
    let mut fresh = 0;
    for item in &items {
        let Some(item_id) = store::take_item(&mut tx, feed.id, item, now).await? else { continue };
        fresh += 1;
        if fresh <= MAX_PER_POLL {
            messages.extend(drafts::offer(&mut tx, item_id, item, &coordinators, now).await?);
        }
    }
    if recovered {
        messages.extend(health_notices(ctx, feed, &told, "feed-recovered").await?);
    }
    ctx.outbox.enqueue_in(&mut tx, &messages).await?;
    tx.commit().await?;
    if !messages.is_empty() {
        ctx.outbox.wake();
    }
    tracing::info!(feed = feed.id, fresh, drafts = messages.len(), "feed polled");
    Ok(fresh)
}

/// Counts a failure; the poll that makes the feed unhealthy tells its staff.
async fn failed(ctx: &AppCtx, feed: &Feed, error: &FetchError) -> DbResult<()> {
    let told = health_recipients(ctx, feed).await?;
    let mut tx = ctx.db.begin().await?;
    if store::record_failure(&mut tx, feed.id, &error.to_string(), &error.kind()).await? {
        let feed = Feed { last_error_kind: Some(error.kind()), ..feed.clone() };
        let notices = health_notices(ctx, &feed, &told, "feed-unhealthy").await?;
        ctx.outbox.enqueue_in(&mut tx, &notices).await?;
        tx.commit().await?;
        ctx.outbox.wake();
        return Ok(());
    }
    tx.commit().await?;
    Ok(())
}

/// Who hears about a feed's health: the staff covering its area, or, when no staff
/// cover it, the admins (`KIMBOT_ADMINS`), so a broken feed never goes unnoticed.
pub async fn health_recipients(ctx: &AppCtx, feed: &Feed) -> DbResult<Vec<i64>> {
    let staff = crate::kernel::members::roles::staff_covering(&ctx.db, &feed.area_path).await?;
    if !staff.is_empty() {
        return Ok(staff);
    }
    Ok(ctx.config.admins.iter().map(|a| a.0 as i64).collect())
}

async fn health_notices(ctx: &AppCtx, feed: &Feed, to: &[i64], key: &str) -> DbResult<Vec<Outgoing>> {
    let mut out = Vec::new();
    for user in to {
        let lang = crate::kernel::members::users::language(&ctx.db, UserId(*user)).await?;
        let args = [
            ("id", Arg::from(feed.id)),
            ("url", Arg::from(feed.url.as_str())),
            ("count", Arg::from(UNHEALTHY_AFTER)),
            ("error", Arg::from(super::bot::render::error_text(lang, feed.last_error_kind.as_deref()))),
        ];
        let source = Some(format!("feed-health:{}", feed.id));
        out.push(Outgoing::text(*user, ta(lang, key, &args), Priority::Personal, source));
    }
    Ok(out)
}
