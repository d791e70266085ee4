//! How the handling of one update ended, told back to whoever delivered it.
//!
//! In webhook mode Telegram gets its `200` only once the update has been handled:
//! an update acknowledged before that would be lost with the process (a `kill -9`,
//! a lost machine), since Telegram never sends an acknowledged update again. When
//! the update could not be recorded (the database is down or full) or another
//! process holds it unfinished, the answer is `503`, and Telegram delivers it again
//! later. In polling mode nobody waits; an update that could not be recorded is
//! lost (teloxide has confirmed it already), and the person is asked to try again.
//!
//! The claim (`bot::dedup`) reports through a task-local [`Verdict`] that the
//! dispatcher link in `app` scopes around each update.

use std::cell::Cell;
use std::collections::HashMap;
use std::future::Future;
use std::sync::Mutex;

use tokio::sync::oneshot;

/// What became of one delivery of an update.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Verdict {
    /// Handled here, or a copy already handled: confirm it.
    #[default]
    Handled,
    /// Claimed by another delivery that has not finished (yet): deliver again later.
    Busy,
    /// Could not be recorded (database unreachable, disk full): not handled.
    Unrecorded,
}

/// The claim's report for the update being handled.
#[derive(Clone, Copy, Debug, Default)]
pub struct Report {
    pub verdict: Verdict,
    /// This delivery claimed the update (so it marks it finished afterwards).
    pub claimed: bool,
}

tokio::task_local! {
    static REPORT: Cell<Report>;
}

/// Runs `handling` with a fresh report, and returns the report with its result.
pub async fn scoped<F: Future>(handling: F) -> (F::Output, Report) {
    REPORT
        .scope(Cell::new(Report::default()), async move {
            let out = handling.await;
            (out, REPORT.with(Cell::get))
        })
        .await
}

/// Records how the claim went (a no-op outside [`scoped`], e.g. in unit tests).
pub fn report(report: Report) {
    let _ = REPORT.try_with(|cell| cell.set(report));
}

/// Webhook deliveries waiting for their update's verdict, by update id.
#[derive(Debug, Default)]
pub struct Acks {
    waiting: Mutex<HashMap<u32, Vec<oneshot::Sender<Verdict>>>>,
}

impl Acks {
    /// Registers a delivery before its update is handed to the dispatcher.
    pub fn wait_for(&self, update_id: u32) -> oneshot::Receiver<Verdict> {
        let (tx, rx) = oneshot::channel();
        self.lock().entry(update_id).or_default().push(tx);
        rx
    }

    /// Tells every delivery waiting for `update_id`; false when none waited
    /// (polling mode).
    pub fn settle(&self, update_id: u32, verdict: Verdict) -> bool {
        let Some(waiting) = self.lock().remove(&update_id) else { return false };
        for tx in waiting {
            let _ = tx.send(verdict);
        }
        true
    }

    /// Forgets a delivery that stopped waiting (its answer went out already).
    pub fn forget(&self, update_id: u32) {
        let mut waiting = self.lock();
        if let Some(list) = waiting.get_mut(&update_id) {
            list.retain(|tx| !tx.is_closed());
            if list.is_empty() {
                waiting.remove(&update_id);
            }
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<u32, Vec<oneshot::Sender<Verdict>>>> {
        self.waiting.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_claims_report_reaches_the_scope_and_only_it() {
        report(Report { verdict: Verdict::Busy, claimed: false });
        let ((), got) = scoped(async { report(Report { verdict: Verdict::Unrecorded, claimed: false }) }).await;
        assert_eq!(got.verdict, Verdict::Unrecorded);
        let ((), fresh) = scoped(async {}).await;
        assert_eq!(fresh.verdict, Verdict::Handled);
    }

    #[tokio::test]
    async fn every_waiting_delivery_hears_the_verdict_once() {
        let acks = Acks::default();
        let (a, b) = (acks.wait_for(7), acks.wait_for(7));
        assert!(acks.settle(7, Verdict::Busy));
        assert_eq!((a.await.unwrap(), b.await.unwrap()), (Verdict::Busy, Verdict::Busy));
        assert!(!acks.settle(7, Verdict::Handled), "nobody waits any more");
    }
}
