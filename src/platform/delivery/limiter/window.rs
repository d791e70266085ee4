//! A sliding window over sends: the unit of every limit.

use std::collections::VecDeque;

use tokio::time::{Duration, Instant};

/// At most `max` sends in any window of `per`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rate {
    pub max: usize,
    pub per: Duration,
}

impl Rate {
    pub fn new(max: usize, per: Duration) -> Self {
        Self { max: max.max(1), per }
    }
}

#[derive(Debug, Default)]
pub(super) struct Window {
    pub(super) done: VecDeque<Instant>,
    pub(super) in_flight: usize,
}

impl Window {
    pub(super) fn prune(&mut self, rate: Rate, now: Instant) {
        while self.done.front().is_some_and(|t| *t + rate.per <= now) {
            self.done.pop_front();
        }
    }

    /// `Ok` if one more send fits now; else when it will (`None`: when a send in
    /// flight is answered). Call after [`Window::prune`].
    pub(super) fn check(&self, rate: Rate) -> Result<(), Option<Instant>> {
        let used = self.done.len() + self.in_flight;
        if used < rate.max {
            return Ok(());
        }
        Err(self.done.get(used - rate.max).map(|t| *t + rate.per))
    }

    pub(super) fn is_idle(&self) -> bool {
        self.done.is_empty() && self.in_flight == 0
    }
}
