//! A granted send, and the helpers a waiting caller uses.

use std::sync::Arc;

use tokio::time::Instant;

use super::{MAX_NAP, RateLimiter, State};

/// A granted send. Dropping it means the send is over (answered, failed or timed
/// out) and starts its time in the windows; [`Slot::cancel`] gives it back unused.
#[derive(Debug)]
pub struct Slot {
    pub(super) limiter: Arc<RateLimiter>,
    pub(super) chat: Option<i64>,
    pub(super) global_open: bool,
    pub(super) used: bool,
    /// Granted by [`RateLimiter::worker_slot`] (and so spaced).
    pub(super) worker: bool,
    /// Granted by [`RateLimiter::paid_slot`]: counted in the paid window.
    pub(super) paid: bool,
}

impl Slot {
    pub fn chat(&self) -> Option<i64> {
        self.chat
    }

    /// Telegram answered: the global part of the slot starts its second now,
    /// while the chat stays busy until the outcome is recorded.
    pub fn answered(&mut self) {
        if std::mem::take(&mut self.global_open) {
            self.limiter.release(true, None, true, self.paid);
        }
    }

    /// Gives the slot back without counting a send (nothing was sent), and its
    /// place in the worker's spacing with it.
    pub fn cancel(mut self) {
        self.used = false;
        if self.worker {
            let gap = self.limiter.worker_gap();
            let mut st = self.limiter.lock();
            st.worker_next = st.worker_next.map(|t| t - gap);
        }
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.limiter.release(self.global_open, self.chat, self.used, self.paid);
    }
}

/// Keeps `replies_waiting` true even when a reply's future is dropped mid-wait.
pub(super) struct WaitingReply<'a> {
    pub(super) limiter: &'a RateLimiter,
    pub(super) counted: bool,
}

impl WaitingReply<'_> {
    pub(super) fn set(&mut self, st: &mut State, waiting: bool) {
        if waiting != self.counted {
            if waiting {
                st.replies_waiting += 1;
            } else {
                st.replies_waiting -= 1;
                self.limiter.changed.notify_waiters();
            }
            self.counted = waiting;
        }
    }
}

impl Drop for WaitingReply<'_> {
    fn drop(&mut self) {
        if self.counted {
            self.limiter.lock().replies_waiting -= 1;
            self.limiter.changed.notify_waiters();
        }
    }
}

/// Sleeps until `at`, a change, or [`MAX_NAP`], whichever comes first.
pub(super) async fn nap(notified: std::pin::Pin<&mut tokio::sync::futures::Notified<'_>>, at: Option<Instant>) {
    let cap = Instant::now() + MAX_NAP;
    let until = at.map_or(cap, |t| t.min(cap));
    tokio::select! {
        _ = notified => {}
        _ = tokio::time::sleep_until(until) => {}
    }
}
