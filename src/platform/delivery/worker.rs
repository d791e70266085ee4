//! The delivery worker: takes a global sending slot, claims the most urgent due row
//! whose chat can take a message now, and sends it in its own task, so up to
//! `concurrency` sends are in flight and one slow chat never holds up the others.
//!
//! Telegram's answer decides what happens to the row:
//! - 429 `retry_after`: back in the queue, and the chat (maybe everyone) pauses;
//! - group upgraded to a supergroup: the group and its queued rows move to the new id;
//! - 403 (kicked, blocked): failed, with the chat's other queued rows; a group is marked left;
//! - network trouble, 5xx, timeout: retried with growing backoff, then failed;
//!   but when sends fail so one after another (Telegram down), every send pauses,
//!   the pause growing to [`LONGEST_OUTAGE_PAUSE_SECS`], and no row is given up
//!   until Telegram answers again: an outage is not the message's fault;
//! - any other 400: failed, with Telegram's reason.
//!
//! An outcome the database does not take (it went away mid-send) is kept in memory
//! and written first when the database answers again; until then the worker claims
//! nothing (see [`Worker::write_unwritten`]). So a database restart can repeat at
//! most the sends in hand when it went away (≤ `concurrency`, plus a paid batch
//! never sent: those are given back), and in one process usually none: the kept
//! outcome is written before the row's lease is reclaimed.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use teloxide::Bot;
use async_trait::async_trait;
use tokio::sync::{OwnedSemaphorePermit, watch};
use tokio::task::JoinSet;
use tokio::time::Instant;

use super::limiter::{NotYet, RateLimiter, Slot};
use super::outbox::{self, Claimed, Post, Retry};
use super::paid::Lane;
use super::send::{self, Outcome};
use super::{Body, DeliveryConfig, Outbox};
use crate::platform::db::{Db, DbResult, SharedClock};
use crate::platform::ops::Ops;
use crate::platform::queue::Claim;
use crate::platform::queue::worker::{Drain, Pace, Wake};
use crate::kernel::members::{GroupStatus, groups};

/// Longest backoff between two tries after a transient failure.
const MAX_BACKOFF_SECS: i64 = 300;
/// Rows the paid lane's worker claims at once (see [`outbox::claim_batch`]): held
/// `sending` for the few milliseconds until their turn; on a stop the rest are given
/// back (a process killed outright leaves them to the lease, flagged `resent`).
const PAID_BATCH: usize = 32;
/// Prefix of transient reasons that are not Telegram's (kept in the row's error).
const NOT_TELEGRAM: &str = "here: ";
/// Longest pause of every send while Telegram keeps failing.
const LONGEST_OUTAGE_PAUSE_SECS: u64 = 30;
/// Telegram failures in a row from which Telegram counts as down.
const DOWN_AFTER_FAILURES: u32 = 2;
/// Wait between two tries to write the outcomes the database refused.
const UNWRITTEN_RETRY: Duration = Duration::from_millis(500);
/// Chats a worker skips from memory at most; beyond that a waiting chat's rows are
/// deferred in the database instead (which costs a write per chat, and whole seconds).
const MAX_HELD_CHATS: usize = 64;

pub struct Worker {
    db: Db,
    bot: Bot,
    clock: SharedClock,
    wake: Wake,
    limiter: Arc<RateLimiter>,
    config: DeliveryConfig,
    name: String,
    /// Chats that cannot take a message before the instant given (one in flight,
    /// or a full window). Held in memory with the limiter's monotonic instants, not
    /// as `not_before` in the database, whose whole seconds come from the app clock.
    held: Mutex<HashMap<i64, Instant>>,
    /// Send outcomes, Telegram's answers and the heartbeat behind `/readyz`.
    ops: Arc<Ops>,
    /// The rows it claims and the window it takes slots from (see [`super::paid`]).
    lane: Lane,
    /// Rows the paid lane claimed ahead, oldest first.
    claimed_ahead: Mutex<std::collections::VecDeque<Claimed>>,
    /// Transient failures of Telegram in a row (reset by any answer of it).
    trouble: Mutex<u32>,
    /// Outcomes Telegram gave that the database refused, to write before any new
    /// claim: a worker that keeps claiming and sending while it cannot record would
    /// send every such row twice once the lease gives it back.
    unwritten: Mutex<Vec<(Claimed, Outcome)>>,
}

impl Worker {
    pub fn new(db: Db, bot: Bot, clock: SharedClock, outbox: &Outbox, limiter: Arc<RateLimiter>, config: DeliveryConfig) -> Self {
        let name = format!("{}-{}-{:04x}", std::process::id(), clock.now(), rand::random::<u16>());
        Self {
            db,
            bot,
            clock,
            wake: outbox.waker(),
            limiter,
            config,
            name,
            held: Mutex::new(HashMap::new()),
            ops: Arc::default(),
            lane: Lane::All,
            claimed_ahead: Mutex::default(),
            trouble: Mutex::new(0),
            unwritten: Mutex::default(),
        }
    }

    /// Drains only the rows of `lane`; the paid lane waits on its own wake-up.
    pub fn with_lane(mut self, lane: Lane, outbox: &Outbox) -> Self {
        self.lane = lane;
        if lane == Lane::Paid {
            self.wake = outbox.paid_waker();
        }
        self
    }

    /// Reports into the application's metrics and liveness signals.
    pub fn with_ops(mut self, ops: Arc<Ops>) -> Self {
        self.ops = ops;
        self
    }

    /// Claims the next due row whose chat is free. A row whose chat must wait is
    /// given back and its chat skipped until then (see [`Worker::hold`]).
    async fn pick(&self, slot: &mut Slot) -> DbResult<Option<Claimed>> {
        loop {
            let now = self.clock.now();
            let skip = self.held_chats();
            let Some(row) = self.next_row(now, &skip).await? else { return Ok(None) };
            match self.limiter.take_chat(slot, row.chat_id) {
                Ok(()) => return Ok(Some(row)),
                Err(not_yet) => self.hold(&row, not_yet, now).await?,
            }
        }
    }

    /// The next row of this worker's lane: one claim per row, or for the paid lane
    /// from a batch claimed ahead.
    async fn next_row(&self, now: i64, skip: &[i64]) -> DbResult<Option<Claimed>> {
        if self.lane != Lane::Paid {
            return outbox::claim_in_lane(&self.db, &self.name, now, skip, self.lane).await;
        }
        if let Some(row) = self.claimed_ahead.lock().expect("claimed rows lock").pop_front() {
            return Ok(Some(row));
        }
        let rows = outbox::claim_batch(&self.db, &self.name, now, skip, self.lane, PAID_BATCH).await?;
        let mut ahead = self.claimed_ahead.lock().expect("claimed rows lock");
        ahead.extend(rows);
        Ok(ahead.pop_front())
    }

    /// Chats to skip now; forgets the ones whose wait is over.
    fn held_chats(&self) -> Vec<i64> {
        let mut held = self.held.lock().expect("held chats lock");
        let now = Instant::now();
        held.retain(|_, until| *until > now);
        held.keys().copied().collect()
    }

    /// Puts `row` back for later: in memory while few chats wait, else in the database.
    async fn hold(&self, row: &Claimed, not_yet: NotYet, now: i64) -> DbResult<()> {
        let until = match not_yet {
            // Freed as soon as the send in flight is recorded (see `deliver`).
            NotYet::Busy => Instant::now() + self.config.request_timeout,
            NotYet::Until(at) => at,
        };
        let in_memory = {
            let mut held = self.held.lock().expect("held chats lock");
            let fits = held.len() < MAX_HELD_CHATS;
            if fits {
                held.insert(row.chat_id, until);
            }
            fits
        };
        if in_memory {
            outbox::unclaim(&self.db, self.claim(row), now).await.map(drop)
        } else {
            outbox::defer_chat(&self.db, self.claim(row), row.chat_id, now + secs_until(not_yet), now).await
        }
    }

    /// The send to `chat` is over: its next row may be claimed (the limiter decides when).
    fn release(&self, chat: i64) {
        self.held.lock().expect("held chats lock").remove(&chat);
        self.wake.wake();
    }

    /// Sends one row and records the outcome before the chat is free again, so a
    /// 403 fails the chat's other rows before any of them can be claimed.
    async fn deliver(self: Arc<Self>, row: Claimed, mut slot: Slot, lane: OwnedSemaphorePermit) {
        let outcome = self.attempt(&row).await;
        slot.answered();
        self.observe(&row, &outcome);
        self.watch_telegram(&outcome);
        if let Outcome::TooMany(wait) = &outcome
            && self.limiter.too_many_requests(row.chat_id, *wait)
        {
            tracing::warn!(chat = row.chat_id, wait_secs = wait.as_secs(), "delivery: flood limit, every send pauses");
        }
        if let Err(error) = self.record(&row, outcome.clone()).await {
            tracing::error!(row = row.id, %error, "delivery: outcome not recorded; no new claims until the database takes it");
            self.unwritten.lock().expect("unwritten outcomes lock").push((row.clone(), outcome));
        }
        drop(slot);
        drop(lane);
        self.release(row.chat_id);
    }

    /// Sends the row; an edit of an earlier row's message first looks up that
    /// message (waiting while the row is unsent, failing when it never went out).
    async fn attempt(&self, row: &Claimed) -> Outcome {
        let timeout = self.config.request_timeout;
        let Body::EditButtons { post, buttons } = &row.body else { return send::attempt(&self.bot, row, timeout).await };
        match outbox::post(&self.db, *post).await {
            Ok(Post::Sent(message_id)) => send::edit_buttons(&self.bot, row.chat_id, message_id, buttons, timeout).await,
            Ok(Post::Pending) => Outcome::Transient { reason: format!("{NOT_TELEGRAM}row {post} to edit is not sent yet"), maybe_delivered: false },
            Ok(Post::Undelivered) => Outcome::Failed(format!("row {post} to edit was never delivered")),
            Err(error) => Outcome::Transient { reason: format!("{NOT_TELEGRAM}cannot read row {post}: {error}"), maybe_delivered: false },
        }
    }

    /// Counts the outcome; any answer from Telegram itself shows it is reachable.
    fn observe(&self, row: &Claimed, outcome: &Outcome) {
        let label = match outcome {
            Outcome::Sent(..) => "ok",
            Outcome::TooMany(_) => "429",
            Outcome::Migrated(_) => "migrated",
            Outcome::Forbidden(_) => "403",
            Outcome::TopicGone(_) => "topic_gone",
            Outcome::Transient { .. } if row.attempts + 1 < i64::from(self.config.max_attempts) || self.telegram_down() => "retry",
            Outcome::Transient { .. } | Outcome::Failed(_) => "failed",
        };
        self.ops.metrics.send(label);
        if !matches!(outcome, Outcome::Transient { .. }) {
            self.ops.telegram_reached();
        }
    }

    /// Counts Telegram's failures in a row; from the second one every send pauses,
    /// doubling up to [`LONGEST_OUTAGE_PAUSE_SECS`], so an outage costs a few
    /// requests a minute instead of one per queued row.
    fn watch_telegram(&self, outcome: &Outcome) {
        let mut trouble = self.trouble.lock().expect("trouble lock");
        match outcome {
            Outcome::Transient { reason, .. } if !reason.starts_with(NOT_TELEGRAM) => {
                *trouble += 1;
                if *trouble >= DOWN_AFTER_FAILURES {
                    let pause = Duration::from_secs((1_u64 << (*trouble - 1).min(5)).min(LONGEST_OUTAGE_PAUSE_SECS));
                    self.limiter.pause_all(pause);
                    tracing::warn!(failures = *trouble, pause_secs = pause.as_secs(), %reason, "delivery: Telegram is failing; every send pauses");
                }
            }
            Outcome::Transient { .. } => {}
            _ => {
                if *trouble >= DOWN_AFTER_FAILURES {
                    tracing::warn!(failures = *trouble, "delivery: Telegram answers again");
                }
                *trouble = 0;
            }
        }
    }

    /// Whether Telegram counts as down (its failures are then no row's fault).
    fn telegram_down(&self) -> bool {
        *self.trouble.lock().expect("trouble lock") >= DOWN_AFTER_FAILURES
    }

    /// The claim this worker holds on `row`; outcomes are written only under it.
    fn claim<'a>(&'a self, row: &Claimed) -> Claim<'a> {
        Claim { id: row.id, worker: &self.name }
    }

    async fn record(&self, row: &Claimed, outcome: Outcome) -> DbResult<()> {
        if !self.write_outcome(row, outcome).await? {
            tracing::warn!(row = row.id, "delivery: row was reclaimed meanwhile; outcome dropped");
        }
        Ok(())
    }

    /// Writes what Telegram's answer means; `false` when the row is no longer ours.
    async fn write_outcome(&self, row: &Claimed, outcome: Outcome) -> DbResult<bool> {
        let now = self.clock.now();
        match outcome {
            Outcome::Sent(message_id, poll_id) => outbox::mark_sent_poll(&self.db, self.claim(row), message_id, poll_id.as_deref(), now).await,
            Outcome::TooMany(wait) => {
                let reason = format!("429 retry after {} s", wait.as_secs());
                let r = Retry { chat_id: row.chat_id, not_before: now + wait.as_secs() as i64 + 1, reason: &reason, maybe_delivered: false };
                outbox::retry_later(&self.db, self.claim(row), &r, now).await
            }
            Outcome::Migrated(new) => {
                groups::migrate(&self.db, row.chat_id, new, now).await?;
                outbox::move_chat(&self.db, self.claim(row), row.chat_id, new, now).await?;
                let reason = format!("group moved to {new}");
                let r = Retry { chat_id: new, not_before: now, reason: &reason, maybe_delivered: false };
                outbox::retry_later(&self.db, self.claim(row), &r, now).await
            }
            Outcome::Forbidden(reason) => self.give_up_on_chat(row, &reason, now).await.map(|()| true),
            Outcome::TopicGone(_) => super::topics::fall_back(&self.db, self.claim(row), row, now).await,
            Outcome::Transient { reason, maybe_delivered } if row.attempts + 1 < i64::from(self.config.max_attempts) || self.telegram_down() => {
                // While Telegram is down the pause of every send paces the tries; a
                // row's own growing backoff would only hold it back (up to 5 min) after
                // Telegram returns.
                let backoff = if self.telegram_down() { 1 } else { 2_i64.saturating_pow(row.attempts.clamp(0, 30) as u32).min(MAX_BACKOFF_SECS) };
                let r = Retry { chat_id: row.chat_id, not_before: now + backoff, reason: &reason, maybe_delivered };
                outbox::retry_later(&self.db, self.claim(row), &r, now).await
            }
            Outcome::Transient { reason, .. } => {
                let reason = format!("gave up after {} tries: {reason}", row.attempts + 1);
                tracing::warn!(row = row.id, chat = row.chat_id, %reason, "delivery failed");
                outbox::mark_failed(&self.db, self.claim(row), &reason, now).await
            }
            Outcome::Failed(reason) => {
                tracing::warn!(row = row.id, chat = row.chat_id, %reason, "delivery failed");
                outbox::mark_failed(&self.db, self.claim(row), &reason, now).await
            }
        }
    }

    /// 403: nothing more can reach this chat; a group is marked as left.
    async fn give_up_on_chat(&self, row: &Claimed, reason: &str, now: i64) -> DbResult<()> {
        if !outbox::mark_failed(&self.db, self.claim(row), reason, now).await? {
            tracing::warn!(row = row.id, "delivery: row was reclaimed meanwhile; outcome dropped");
        }
        let others = outbox::fail_chat(&self.db, self.claim(row), row.chat_id, reason, now).await?;
        if row.chat_id < 0
            && let Some(g) = groups::get(&self.db, row.chat_id).await?
        {
            groups::set_status(&self.db, g.chat_id, &g.title, GroupStatus::Left, now).await?;
        }
        tracing::warn!(chat = row.chat_id, others, %reason, "delivery: chat unreachable, its queue failed");
        Ok(())
    }

    /// Writes the outcomes the database refused earlier, oldest first; `false` while
    /// it still refuses (the caller then claims nothing and tries again later). Runs
    /// before the stale rows are reclaimed, so a kept outcome wins over its lease.
    async fn write_unwritten(&self) -> bool {
        let pending: Vec<(Claimed, Outcome)> = std::mem::take(&mut *self.unwritten.lock().expect("unwritten outcomes lock"));
        if pending.is_empty() {
            return true;
        }
        let count = pending.len();
        let mut rest = pending.into_iter();
        while let Some((row, outcome)) = rest.next() {
            if let Err(error) = self.record(&row, outcome.clone()).await {
                tracing::debug!(row = row.id, %error, "delivery: database still refuses the outcome");
                let mut unwritten = self.unwritten.lock().expect("unwritten outcomes lock");
                unwritten.push((row, outcome));
                unwritten.extend(rest);
                return false;
            }
        }
        tracing::warn!(outcomes = count, "delivery: the database took the kept outcomes; claiming again");
        true
    }

    async fn reclaim_stale(&self) {
        match outbox::reclaim_stale(&self.db, self.config.lease.as_secs() as i64, self.clock.now()).await {
            Ok(0) => {}
            Ok(n) => tracing::warn!(rows = n, "delivery: rows left sending by a stopped worker are queued again (resent)"),
            Err(error) => tracing::error!(%error, "delivery: cannot reclaim stale rows"),
        }
    }

    /// Fills the per-chat windows with the last minute of sends, so a restart in
    /// the middle of a broadcast does not give every chat a fresh budget.
    async fn remember_recent_sends(&self) {
        let now_unix = self.clock.now();
        let now = Instant::now();
        match outbox::sent_since(&self.db, now_unix - 60).await {
            Ok(sends) => {
                for (chat, sent_at) in sends {
                    // Recorded in whole seconds: assume the end of that second.
                    let age = Duration::from_secs((now_unix - sent_at - 1).max(0) as u64);
                    if let Some(at) = now.checked_sub(age) {
                        self.limiter.remember_send(chat, at);
                    }
                }
            }
            Err(error) => tracing::error!(%error, "delivery: cannot read recent sends; per-chat windows start empty"),
        }
    }
}

/// Whole seconds until a chat may send again (at least one: `not_before` is in seconds).
fn secs_until(not_yet: NotYet) -> i64 {
    match not_yet {
        NotYet::Busy => 1,
        NotYet::Until(at) => (at.saturating_duration_since(Instant::now()).as_secs_f64().ceil() as i64).max(1),
    }
}

#[async_trait]
impl Drain for Worker {
    fn pace(&self) -> Pace {
        Pace { concurrency: self.config.concurrency, lease: self.config.lease, clock: self.clock.clone() }
    }

    fn tick(&self) {
        self.ops.delivery_heartbeat();
    }

    async fn start(&self) {
        self.remember_recent_sends().await;
    }

    async fn reclaim(&self) {
        if self.write_unwritten().await {
            self.reclaim_stale().await;
        }
    }

    /// Rows the paid lane claimed ahead and never sent go back to the queue as they
    /// were (not flagged `resent`: no request for them went out).
    async fn finish(&self) {
        if !self.write_unwritten().await {
            let left = self.unwritten.lock().expect("unwritten outcomes lock").len();
            tracing::error!(outcomes = left, "delivery: stopping with outcomes the database refused; those rows are sent again after their lease");
        }
        let ahead: Vec<Claimed> = self.claimed_ahead.lock().expect("claimed rows lock").drain(..).collect();
        for row in &ahead {
            if let Err(error) = outbox::unclaim(&self.db, self.claim(row), self.clock.now()).await {
                tracing::warn!(row = row.id, %error, "delivery: a row claimed ahead stays claimed until its lease ends");
            }
        }
    }

    async fn step(self: Arc<Self>, lane: OwnedSemaphorePermit, tasks: &mut JoinSet<()>, stop: &mut watch::Receiver<bool>) {
        if !self.write_unwritten().await {
            tokio::select! {
                _ = tokio::time::sleep(UNWRITTEN_RETRY) => {}
                _ = stop.changed() => {}
            }
            return;
        }
        let next_slot = async {
            match self.lane {
                Lane::Paid => self.limiter.paid_slot().await,
                Lane::All | Lane::Free => self.limiter.worker_slot().await,
            }
        };
        let mut slot = tokio::select! {
            slot = next_slot => slot,
            _ = stop.changed() => return,
        };
        match self.pick(&mut slot).await {
            Ok(Some(row)) => {
                tasks.spawn(self.clone().deliver(row, slot, lane));
            }
            Ok(None) => {
                slot.cancel();
                self.wake.idle(stop).await;
            }
            Err(error) => {
                slot.cancel();
                tracing::error!(%error, "delivery: cannot claim from the outbox");
                self.wake.idle(stop).await;
            }
        }
    }
}
