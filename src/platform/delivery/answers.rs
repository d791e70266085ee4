//! The answers an update has had, so that handling it again does not answer again.
//!
//! An update is handled again when its first handling died unfinished (a `kill -9`
//! between the handler's answer and the claim being marked finished): Telegram
//! delivers it again and, after the claim's grace, another delivery takes it over.
//! Each answer a handler sends through [`super::ReplyBot`] is recorded on the
//! update's claim (`processed_updates.answers`, Telegram's returned message) right
//! after Telegram took it; the delivery that takes the update over reads them, and
//! its handler's first answers are given from there (the recorded message is
//! returned, nothing is sent): the n-th answer of the second handling stands for
//! the n-th of the first. So a resident is answered twice only for an answer whose
//! send had returned and whose record was not yet written at the kill: one
//! database write per answer in flight. Marking the update finished clears the list.
//!
//! The journal is task-local, scoped around each update by the dispatcher
//! (`app::ack`); it is active once the update is claimed (`bot::dedup`). Sends from
//! tasks a handler spawns are not journaled.

use std::future::Future;
use std::sync::{Arc, Mutex};

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::platform::db::Db;

tokio::task_local! {
    static JOURNAL: Arc<Journal>;
}

/// One update's answers: those an earlier handling gave, and those given here.
#[derive(Debug)]
pub struct Journal {
    db: Db,
    update_id: i64,
    state: Mutex<State>,
    /// Records are written one at a time, in order (each writes the whole list).
    writing: tokio::sync::Mutex<()>,
}

#[derive(Debug, Default)]
struct State {
    /// Claimed by this delivery: its answers are recorded.
    active: bool,
    /// Answers handed out so far (given again, or sent).
    next: usize,
    /// The earlier handling's answers, then this one's (Telegram's messages as JSON).
    given: Vec<String>,
}

/// Runs `handling` (one update's handlers) with a journal for `update_id`.
pub async fn scoped<F: Future>(db: Db, update_id: i64, handling: F) -> F::Output {
    let journal = Arc::new(Journal { db, update_id, state: Mutex::default(), writing: tokio::sync::Mutex::new(()) });
    JOURNAL.scope(journal, handling).await
}

/// The claim is this delivery's: answers are journaled from now on, after the
/// `earlier` ones (what an unfinished earlier handling recorded, a JSON array).
/// A no-op outside [`scoped`].
pub fn claimed(earlier: Option<&str>) {
    let _ = JOURNAL.try_with(|journal| {
        let mut state = journal.lock();
        state.active = true;
        if let Some(earlier) = earlier {
            match serde_json::from_str::<Vec<serde_json::Value>>(earlier) {
                Ok(list) => state.given = list.iter().map(serde_json::Value::to_string).collect(),
                Err(error) => tracing::warn!(update_id = journal.update_id, %error, "unreadable answers of an earlier handling; answering afresh"),
            }
        }
    });
}

/// The next answer's place in the current update's journal, if it keeps one.
pub fn next_turn() -> Option<Turn> {
    let journal = JOURNAL.try_with(Arc::clone).ok()?;
    let (seq, earlier) = {
        let mut state = journal.lock();
        if !state.active {
            return None;
        }
        let seq = state.next;
        state.next += 1;
        (seq, state.given.get(seq).cloned())
    };
    Some(Turn { journal, seq, earlier })
}

/// One answer of a journaled update.
#[derive(Debug)]
pub struct Turn {
    journal: Arc<Journal>,
    seq: usize,
    earlier: Option<String>,
}

impl Turn {
    /// The earlier handling's answer in this place, if it gave one that reads as `T`.
    pub fn given_before<T: DeserializeOwned>(&self) -> Option<T> {
        let earlier = self.earlier.as_deref()?;
        match serde_json::from_str(earlier) {
            Ok(output) => {
                tracing::info!(update_id = self.journal.update_id, answer = self.seq, "answer given by an earlier handling of the update; not sent again");
                Some(output)
            }
            Err(error) => {
                tracing::warn!(update_id = self.journal.update_id, %error, "an earlier answer does not read back; sending it again");
                None
            }
        }
    }

    /// Records that Telegram took this answer (a failed write is logged: the
    /// answer went out, only a later takeover would send it again).
    pub async fn sent<T: Serialize>(self, output: &T) {
        let Ok(json) = serde_json::to_string(output) else { return };
        let _writing = self.journal.writing.lock().await;
        let list = {
            let mut state = self.journal.lock();
            if state.given.len() <= self.seq {
                state.given.resize(self.seq + 1, "null".to_string());
            }
            state.given[self.seq] = json;
            format!("[{}]", state.given.join(","))
        };
        let recorded = sqlx::query("UPDATE processed_updates SET answers = $1 WHERE update_id = $2 AND done = 0")
            .bind(list)
            .bind(self.journal.update_id)
            .execute(&self.journal.db.pool)
            .await;
        if let Err(error) = recorded {
            tracing::warn!(update_id = self.journal.update_id, %error, "could not record an answer; a takeover of this update would send it again");
        }
    }
}

impl Journal {
    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn temp_db() -> (Db, tempfile::TempDir) {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("answers.db").display());
        let db = Db::connect(&url, crate::platform::config::Backend::Sqlite).await.unwrap();
        db.migrate().await.unwrap();
        (db, dir)
    }

    #[tokio::test]
    async fn nothing_is_journaled_before_the_claim_or_outside_a_scope() {
        assert!(next_turn().is_none());
        let (db, _dir) = temp_db().await;
        scoped(db, 1, async {
            assert!(next_turn().is_none(), "not claimed yet");
            claimed(None);
            assert!(next_turn().is_some_and(|t| t.given_before::<i64>().is_none()));
        })
        .await;
    }

    #[tokio::test]
    async fn a_takeover_gives_the_recorded_answers_in_order_and_only_those() {
        let (db, _dir) = temp_db().await;
        sqlx::query("INSERT INTO processed_updates (update_id, processed_at, done) VALUES (7, 0, 0)").execute(&db.pool).await.unwrap();
        scoped(db.clone(), 7, async {
            claimed(None);
            next_turn().unwrap().sent(&10_i64).await;
            next_turn().unwrap().sent(&11_i64).await;
        })
        .await;
        let recorded: Option<String> = sqlx::query_scalar("SELECT answers FROM processed_updates WHERE update_id = 7").fetch_one(&db.pool).await.unwrap();
        assert_eq!(recorded.as_deref(), Some("[10,11]"));
        scoped(db, 7, async {
            claimed(recorded.as_deref());
            assert_eq!(next_turn().unwrap().given_before::<i64>(), Some(10));
            assert_eq!(next_turn().unwrap().given_before::<i64>(), Some(11));
            assert_eq!(next_turn().unwrap().given_before::<i64>(), None, "a third answer is new");
        })
        .await;
    }
}
