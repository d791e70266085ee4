//! Pacing within Telegram's flood limits, shared by the outbox worker and the
//! handlers' replies ([`super::ReplyBot`]) of one process.
//!
//! Each limit is a sliding window ("at most `max` sends in any `per`"), which is how
//! Telegram (and the fake) count. A send occupies its slot from the moment it is
//! granted until its answer arrives, and is then remembered with the time of the
//! answer, so however long the request travelled, the server saw it no later than
//! we recorded it and the next window cannot overlap.
//!
//! 429s: `retry_after` pauses the chat it came from. It also pauses the whole
//! process when it came from a private chat (Telegram's per-user limit is loose, so a
//! 429 there means the bot as a whole is too fast) or when three or more arrive within
//! a second (a burst: the global limit, whatever chat reported it).
//!
//! Replies go first: the worker leaves `reply_reserve` slots of every second to
//! them, and while a reply waits for the global budget the worker gets no slot. A
//! reply waiting for its own chat's window does not hold the worker back. The
//! worker's slots are also spaced evenly over the second instead of taken in one
//! burst, so the window frees a slot every few milliseconds and an answer never
//! waits long for one.
//!
//! Paid broadcast ([`super::paid`]): a process may have a second, separate global
//! window ([`RateLimiter::with_paid_lane`], e.g. 1,000/s) from which the paid lane's
//! worker takes its slots ([`RateLimiter::paid_slot`]); per-chat windows and 429
//! pauses are shared with everything else.

mod slot;
mod window;

use std::collections::{HashMap, VecDeque};
use std::pin::pin;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use tokio::sync::Notify;
use tokio::time::{Duration, Instant};

pub use slot::Slot;
use slot::{WaitingReply, nap};
pub use window::Rate;
use window::Window;

/// 429s within one second from different chats that count as a global flood.
const BURST_429: usize = 3;
/// Idle chat entries are forgotten after this many granted slots.
const PRUNE_EVERY: u64 = 512;
/// How late a timer may wake the worker without pushing its schedule back.
const TIMER_SLACK: Duration = Duration::from_millis(2);
/// Waiters re-check at least this often, whatever they wait for.
const MAX_NAP: Duration = Duration::from_secs(1);

/// The windows one process enforces.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Limits {
    pub global: Rate,
    /// Slots of the global window the worker leaves free for answers.
    pub reply_reserve: usize,
    /// Into one group or supergroup (negative chat id).
    pub group: Rate,
    /// Into one private chat (positive chat id).
    pub private: Rate,
}

/// Why a chat cannot take a message now, and when to look again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotYet {
    /// Its window or a 429 pause ends then.
    Until(Instant),
    /// A message to it is in flight (messages to one chat go one at a time).
    Busy,
}

#[derive(Debug, Default)]
struct Chat {
    window: Window,
    paused_until: Option<Instant>,
}

#[derive(Debug, Default)]
struct State {
    global: Window,
    global_paused_until: Option<Instant>,
    /// The worker's next slot comes no earlier than this (even spacing).
    worker_next: Option<Instant>,
    chats: HashMap<i64, Chat>,
    replies_waiting: usize,
    recent_429: VecDeque<(Instant, i64)>,
    granted: u64,
    /// Sends of the paid lane, counted apart from `global`.
    paid: Window,
}

/// Shared pacing state of one process; see the module docs.
#[derive(Debug)]
pub struct RateLimiter {
    limits: Limits,
    /// The paid lane's global window, if this process has one.
    paid: Option<Rate>,
    state: Mutex<State>,
    changed: Notify,
}

impl RateLimiter {
    pub fn new(limits: Limits) -> Arc<Self> {
        Self::with_paid_lane(limits, None)
    }

    /// A limiter that also paces paid-broadcast sends within `paid` (see the module docs).
    pub fn with_paid_lane(limits: Limits, paid: Option<Rate>) -> Arc<Self> {
        Arc::new(Self { limits, paid, state: Mutex::new(State::default()), changed: Notify::new() })
    }

    /// For the paid lane's worker: a slot of the paid window (the free window when
    /// this process has no paid lane), not spaced: the paid window is wide, and the
    /// chat is added with [`RateLimiter::take_chat`] as for the worker.
    pub async fn paid_slot(self: &Arc<Self>) -> Slot {
        let Some(rate) = self.paid else { return self.worker_slot().await };
        loop {
            let mut notified = pin!(self.changed.notified());
            notified.as_mut().enable();
            let wake_at = {
                let mut st = self.lock();
                let now = Instant::now();
                match st.global_paused_until.filter(|u| *u > now) {
                    Some(until) => Some(until),
                    None => {
                        st.paid.prune(rate, now);
                        match st.paid.check(rate) {
                            Ok(()) => {
                                let mut slot = self.grant(&mut st, None);
                                st.global.in_flight -= 1;
                                st.paid.in_flight += 1;
                                slot.paid = true;
                                return slot;
                            }
                            Err(at) => at,
                        }
                    }
                }
            };
            nap(notified, wake_at).await;
        }
    }

    pub fn limits(&self) -> Limits {
        self.limits
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn rate_of(&self, chat: i64) -> Rate {
        if chat < 0 { self.limits.group } else { self.limits.private }
    }

    /// For a handler's answer into `chat` (`None`: a chat we cannot name, paced
    /// globally only). Waits for the chat, then for the global budget ahead of the worker.
    pub async fn reply_slot(self: &Arc<Self>, chat: Option<i64>) -> Slot {
        let mut waiting = WaitingReply { limiter: self, counted: false };
        loop {
            let mut notified = pin!(self.changed.notified());
            notified.as_mut().enable();
            let wake_at = {
                let mut st = self.lock();
                let now = Instant::now();
                match self.check_chat(&mut st, chat, now, false) {
                    Err(at) => {
                        waiting.set(&mut st, false);
                        at
                    }
                    Ok(()) => match self.check_global(&mut st, now, 0) {
                        Ok(()) => {
                            waiting.set(&mut st, false);
                            return self.grant(&mut st, chat);
                        }
                        Err(at) => {
                            waiting.set(&mut st, true);
                            at
                        }
                    },
                }
            };
            nap(notified, wake_at).await;
        }
    }

    /// For the worker: a global slot, granted only while no reply is waiting.
    /// The chat is added with [`RateLimiter::take_chat`] once the row is known.
    pub async fn worker_slot(self: &Arc<Self>) -> Slot {
        loop {
            let mut notified = pin!(self.changed.notified());
            notified.as_mut().enable();
            let wake_at = {
                let mut st = self.lock();
                let now = Instant::now();
                let spaced = st.worker_next.filter(|t| *t > now);
                match self.check_global(&mut st, now, self.limits.reply_reserve) {
                    Ok(()) if spaced.is_some() => spaced,
                    Ok(()) if st.replies_waiting == 0 => {
                        // From the schedule, not from `now`: waking a little late
                        // (the timer ticks in milliseconds) must not add up.
                        let due = st.worker_next.map_or(now, |t| t.max(now.checked_sub(TIMER_SLACK).unwrap_or(now)));
                        st.worker_next = Some(due + self.worker_gap());
                        let mut slot = self.grant(&mut st, None);
                        slot.worker = true;
                        return slot;
                    }
                    Ok(()) => None,
                    Err(at) => at,
                }
            };
            nap(notified, wake_at).await;
        }
    }

    /// Adds `chat` to a worker's slot if the chat can take a message now and has
    /// none in flight (so one chat's messages keep their order).
    pub fn take_chat(&self, slot: &mut Slot, chat: i64) -> Result<(), NotYet> {
        debug_assert!(slot.chat.is_none(), "a slot serves one chat");
        let mut st = self.lock();
        let now = Instant::now();
        match self.check_chat(&mut st, Some(chat), now, true) {
            Ok(()) => {
                st.chats.entry(chat).or_default().window.in_flight += 1;
                slot.chat = Some(chat);
                Ok(())
            }
            Err(Some(at)) => Err(NotYet::Until(at)),
            Err(None) => Err(NotYet::Busy),
        }
    }

    /// Records a 429 from `chat`; returns true when it paused the whole process.
    pub fn too_many_requests(&self, chat: i64, retry_after: Duration) -> bool {
        let mut st = self.lock();
        let now = Instant::now();
        let until = now + retry_after;
        let entry = st.chats.entry(chat).or_default();
        entry.paused_until = entry.paused_until.max(Some(until));
        st.recent_429.retain(|(t, c)| *t + Duration::from_secs(1) > now && *c != chat);
        st.recent_429.push_back((now, chat));
        let global = chat > 0 || st.recent_429.len() >= BURST_429;
        if global {
            st.global_paused_until = st.global_paused_until.max(Some(until));
        }
        global
    }

    /// Pauses every send for `wait`: Telegram itself is failing (5xx, no answer),
    /// so no chat would get through and every try only adds to its load.
    pub fn pause_all(&self, wait: Duration) {
        let mut st = self.lock();
        let until = Instant::now() + wait;
        st.global_paused_until = st.global_paused_until.max(Some(until));
    }

    /// Remembers a send made before this process started (read from the outbox),
    /// so a restart does not grant a chat a fresh window.
    pub fn remember_send(&self, chat: i64, at: Instant) {
        let mut st = self.lock();
        let window = &mut st.chats.entry(chat).or_default().window;
        let pos = window.done.partition_point(|t| *t <= at);
        window.done.insert(pos, at);
    }

    /// Chats with state in memory (for the benchmark's memory figures and tests).
    pub fn tracked_chats(&self) -> usize {
        self.lock().chats.len()
    }

    /// Even spacing of the worker's share of the global window.
    fn worker_gap(&self) -> Duration {
        let g = self.limits.global;
        g.per / g.max.saturating_sub(self.limits.reply_reserve).max(1) as u32
    }

    /// The global window, less `reserve` slots kept for others.
    fn check_global(&self, st: &mut State, now: Instant, reserve: usize) -> Result<(), Option<Instant>> {
        if let Some(until) = st.global_paused_until.filter(|u| *u > now) {
            return Err(Some(until));
        }
        let rate = self.limits.global;
        st.global.prune(rate, now);
        st.global.check(Rate::new(rate.max.saturating_sub(reserve), rate.per))
    }

    fn check_chat(&self, st: &mut State, chat: Option<i64>, now: Instant, exclusive: bool) -> Result<(), Option<Instant>> {
        let Some(chat) = chat else { return Ok(()) };
        let rate = self.rate_of(chat);
        let Some(c) = st.chats.get_mut(&chat) else { return Ok(()) };
        if let Some(until) = c.paused_until.filter(|u| *u > now) {
            return Err(Some(until));
        }
        if exclusive && c.window.in_flight > 0 {
            return Err(None);
        }
        c.window.prune(rate, now);
        c.window.check(rate)
    }

    fn grant(self: &Arc<Self>, st: &mut State, chat: Option<i64>) -> Slot {
        st.global.in_flight += 1;
        if let Some(chat) = chat {
            st.chats.entry(chat).or_default().window.in_flight += 1;
        }
        st.granted += 1;
        if st.granted.is_multiple_of(PRUNE_EVERY) {
            self.forget_idle(st);
        }
        Slot { limiter: self.clone(), chat, global_open: true, used: true, worker: false, paid: false }
    }

    fn forget_idle(&self, st: &mut State) {
        let now = Instant::now();
        let limits = self.limits;
        st.chats.retain(|id, c| {
            c.window.prune(if *id < 0 { limits.group } else { limits.private }, now);
            !(c.window.is_idle() && c.paused_until.is_none_or(|u| u <= now))
        });
    }

    /// Ends a slot's part in the windows: the global one (`paid`: the paid lane's)
    /// and its chat's.
    fn release(&self, global: bool, chat: Option<i64>, used: bool, paid: bool) {
        let mut st = self.lock();
        let now = Instant::now();
        if global {
            let window = if paid { &mut st.paid } else { &mut st.global };
            window.in_flight -= 1;
            if used {
                window.done.push_back(now);
            }
        }
        if let Some(c) = chat.and_then(|id| st.chats.get_mut(&id)) {
            c.window.in_flight -= 1;
            if used {
                c.window.done.push_back(now);
            }
        }
        drop(st);
        self.changed.notify_waiters();
    }
}

#[cfg(test)]
mod tests;
