//! The polling loop: due feeds are claimed (one process per feed and tick), fetched,
//! and their new items turned into drafts for coordinators; failures are counted,
//! and staff hear once when a feed turns unhealthy and once when it recovers.
//!
//! Like the announcement [`Scheduler`](crate::platform::scheduler::Scheduler), it looks for due
//! rows every second on the injectable clock, so tests move a
//! [`ManualClock`](crate::platform::db::ManualClock) instead of sleeping.

use std::sync::Arc;
use std::time::Duration;

use futures_util::StreamExt;
use tokio::sync::watch;

use super::drafts::{self, MAX_PER_POLL};
use super::fetch::{FetchError, Fetched, Fetcher, Item, Validators};
use super::schedule;
use super::store::{self, Feed, UNHEALTHY_AFTER};
use crate::platform::db::DbResult;
use crate::platform::delivery::{Outgoing, Priority};
use crate::platform::i18n::{Arg, ta};
use crate::platform::ctx::AppCtx;

/// How often the loop looks for due feeds.
const LOOK_EVERY: Duration = Duration::from_secs(1);
/// Due feeds taken per look.
const BATCH: i64 = 20;
/// Feeds fetched at once, so one slow server (up to the 20 s timeout) does not hold
/// up the others.
const CONCURRENT: usize = 4;

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
                if let Err(error) = self.poll(&feed).await {
                    tracing::error!(%error, feed = feed.id, "could not record a feed poll");
                }
            })
            .await;
        Ok(polled)
    }

    async fn poll(&self, feed: &Feed) -> DbResult<()> {
        match self.fetcher.fetch(&feed.url, &feed.validators).await {
            Ok(Fetched::NotModified) => self.succeeded(feed, None, Vec::new()).await,
            Ok(Fetched::Items(items, validators)) => self.succeeded(feed, Some(validators), items).await,
            Err(error) => {
                tracing::warn!(feed = feed.id, url = %feed.url, reason = %error, "feed poll failed");
                self.failed(feed, &error).await
            }
        }
    }

    /// Records a good poll, takes the new items and offers the newest as drafts.
    async fn succeeded(&self, feed: &Feed, validators: Option<Validators>, items: Vec<Item>) -> DbResult<()> {
        let (db, now) = (&self.ctx.db, self.ctx.now());
        let coordinators = if items.is_empty() { Vec::new() } else { drafts::coordinators_in(db, &feed.area_path).await? };
        let staff = if feed.healthy { Vec::new() } else { crate::features::members::roles::staff_covering(db, &feed.area_path).await? };
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
            messages.extend(self.staff_notices(db, feed, &staff, "feed-recovered").await?);
        }
        self.ctx.outbox.enqueue_in(&mut tx, &messages).await?;
        tx.commit().await?;
        if !messages.is_empty() {
            self.ctx.outbox.wake();
        }
        tracing::info!(feed = feed.id, fresh, drafts = messages.len(), "feed polled");
        Ok(())
    }

    /// Counts a failure; the poll that makes the feed unhealthy tells its staff.
    async fn failed(&self, feed: &Feed, error: &FetchError) -> DbResult<()> {
        let db = &self.ctx.db;
        let staff = crate::features::members::roles::staff_covering(db, &feed.area_path).await?;
        let mut tx = db.begin().await?;
        if store::record_failure(&mut tx, feed.id, &error.to_string(), &error.kind()).await? {
            let feed = Feed { last_error_kind: Some(error.kind()), ..feed.clone() };
            let notices = self.staff_notices(db, &feed, &staff, "feed-unhealthy").await?;
            self.ctx.outbox.enqueue_in(&mut tx, &notices).await?;
            tx.commit().await?;
            self.ctx.outbox.wake();
            return Ok(());
        }
        tx.commit().await?;
        Ok(())
    }

    async fn staff_notices(&self, db: &crate::platform::db::Db, feed: &Feed, staff: &[i64], key: &str) -> DbResult<Vec<Outgoing>> {
        let mut out = Vec::new();
        for user in staff {
            let lang = crate::features::aspirations::store::language(db, *user).await?;
            let args = [
                ("id", Arg::from(feed.id)),
                ("url", Arg::from(feed.url.as_str())),
                ("count", Arg::from(UNHEALTHY_AFTER)),
                ("error", Arg::from(super::render::error_text(lang, feed.last_error_kind.as_deref()))),
            ];
            let source = Some(format!("feed-health:{}", feed.id));
            out.push(Outgoing::text(*user, ta(lang, key, &args), Priority::Personal, source));
        }
        Ok(out)
    }
}
