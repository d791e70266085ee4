//! The answers an update has had, so that handling it again answers again only
//! what may not have gone out, and counts what may have gone out twice.
//!
//! An update is handled again when its first handling died unfinished (a `kill -9`
//! between the handler's answer and the claim being marked finished): Telegram
//! delivers it again and, after the claim's grace, another delivery takes it over.
//! Each answer a handler sends through [`super::ReplyBot`] has a place n in the
//! update's journal (`processed_updates.answers`, a JSON array): before the send
//! the place is written `"pending"`, after Telegram returns it holds Telegram's
//! message. The delivery that takes the update over reads the list, and the n-th
//! answer of its handling stands for the n-th of the first:
//!
//! - a recorded message is given back (returned, nothing sent);
//! - a `"pending"` place was being sent at the kill: Telegram may or may not have
//!   taken it, and Telegram has no idempotency key to ask, so it is sent again and
//!   counted in `processed_updates.resent_answers` (kept after the update is
//!   finished), as the outbox flags a repeated send `resent`;
//! - a place never written (or `null`) was not being sent: sent, not counted.
//!
//! So a resident is answered twice only for an answer counted there, and at most
//! one per update in flight at the kill (a handler's answers go one after another).
//! Exactly once is not possible: the process can die after Telegram took the
//! answer and before the record. That window is one journal write, kept short by
//! the journal's own small pool ([`Db::journal`], `KIMBOT_DB_JOURNAL_CONNECTIONS`),
//! so the write never waits behind the handlers' queries for a connection. The
//! price is one more write per answer (the pending mark, before the send). If the
//! pending mark cannot be written the answer is sent anyway (logged): a resident
//! waits for it; a takeover would then resend it uncounted. Marking the update
//! finished clears the list.
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

/// The journal's mark of an answer being sent (a JSON string; Telegram's
/// messages are objects).
const PENDING: &str = "pending";

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
    /// The earlier handling's answers, then this one's.
    given: Vec<Entry>,
}

/// One place of the journal.
#[derive(Debug, Clone, PartialEq)]
enum Entry {
    /// Not written (JSON `null`): its send had not started.
    Unknown,
    /// Written before the send: Telegram may have taken it.
    Pending,
    /// Telegram's message, as JSON.
    Sent(String),
}

impl Entry {
    fn read(value: &serde_json::Value) -> Self {
        match value {
            serde_json::Value::Null => Entry::Unknown,
            serde_json::Value::String(mark) if mark == PENDING => Entry::Pending,
            other => Entry::Sent(other.to_string()),
        }
    }

    fn json(&self) -> String {
        match self {
            Entry::Unknown => "null".to_string(),
            Entry::Pending => format!("\"{PENDING}\""),
            Entry::Sent(json) => json.clone(),
        }
    }
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
                Ok(list) => state.given = list.iter().map(Entry::read).collect(),
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
        (seq, state.given.get(seq).cloned().unwrap_or(Entry::Unknown))
    };
    Some(Turn { journal, seq, earlier })
}

/// One answer of a journaled update.
#[derive(Debug)]
pub struct Turn {
    journal: Arc<Journal>,
    seq: usize,
    /// What the earlier handling left in this place.
    earlier: Entry,
}

impl Turn {
    /// The earlier handling's answer in this place, if it recorded one that reads as `T`.
    pub fn given_before<T: DeserializeOwned>(&self) -> Option<T> {
        let Entry::Sent(earlier) = &self.earlier else { return None };
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

    /// Marks this answer as being sent; call right before the send. An answer the
    /// earlier handling had begun to send (or sent, unreadably) is counted as
    /// possibly twice in the same write, so the count holds before the resident
    /// can see a second copy. A failed write is logged, and the answer goes out.
    pub async fn sending(&self) {
        let again = self.earlier != Entry::Unknown;
        if again {
            tracing::warn!(update_id = self.journal.update_id, answer = self.seq, "an earlier handling of the update may have sent this answer; sending it again (counted in resent_answers)");
        }
        self.record(Entry::Pending, again).await;
    }

    /// Records the message Telegram returned for this answer (a failed write is
    /// logged: the answer went out, only a later takeover would send it again,
    /// counted).
    pub async fn sent<T: Serialize>(self, output: &T) {
        let Ok(json) = serde_json::to_string(output) else { return };
        self.record(Entry::Sent(json), false).await;
    }

    /// Writes the whole list with this place set to `entry` (and one more answer
    /// counted as resent if `resent`), on the journal's own pool.
    async fn record(&self, entry: Entry, resent: bool) {
        let _writing = self.journal.writing.lock().await;
        let list = {
            let mut state = self.journal.lock();
            if state.given.len() <= self.seq {
                state.given.resize(self.seq + 1, Entry::Unknown);
            }
            state.given[self.seq] = entry;
            format!("[{}]", state.given.iter().map(Entry::json).collect::<Vec<_>>().join(","))
        };
        let recorded = sqlx::query("UPDATE processed_updates SET answers = $1, resent_answers = resent_answers + $2 WHERE update_id = $3 AND done = 0")
            .bind(list)
            .bind(i64::from(resent))
            .bind(self.journal.update_id)
            .execute(&self.journal.db.journal)
            .await;
        if let Err(error) = recorded {
            tracing::warn!(update_id = self.journal.update_id, %error, "could not journal an answer; a takeover of this update may answer again uncounted");
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

    async fn claim_row(db: &Db, id: i64) {
        sqlx::query("INSERT INTO processed_updates (update_id, processed_at, done) VALUES ($1, 0, 0)").bind(id).execute(&db.pool).await.unwrap();
    }

    /// The journal and the resent count of update `id`.
    async fn row(db: &Db, id: i64) -> (Option<String>, i64) {
        use sqlx::Row;
        let row = sqlx::query("SELECT answers, resent_answers FROM processed_updates WHERE update_id = $1").bind(id).fetch_one(&db.pool).await.unwrap();
        (row.try_get(0).unwrap(), row.try_get(1).unwrap())
    }

    /// One answer sent as `ReplyBot` sends it: given back, or marked, sent, recorded.
    async fn answer(output: i64) -> i64 {
        let turn = next_turn().unwrap();
        if let Some(given) = turn.given_before::<i64>() {
            return given;
        }
        turn.sending().await;
        turn.sent(&output).await;
        output
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
    async fn an_answer_is_pending_while_it_is_sent_then_recorded() {
        let (db, _dir) = temp_db().await;
        claim_row(&db, 5).await;
        scoped(db.clone(), 5, async {
            claimed(None);
            let turn = next_turn().unwrap();
            turn.sending().await;
            assert_eq!(row(&db, 5).await, (Some(r#"["pending"]"#.to_string()), 0), "marked before the send");
            turn.sent(&10_i64).await;
            assert_eq!(row(&db, 5).await, (Some("[10]".to_string()), 0), "replaced by Telegram's message");
        })
        .await;
    }

    #[tokio::test]
    async fn a_takeover_gives_the_recorded_answers_in_order_and_only_those() {
        let (db, _dir) = temp_db().await;
        claim_row(&db, 7).await;
        scoped(db.clone(), 7, async {
            claimed(None);
            answer(10).await;
            answer(11).await;
        })
        .await;
        let (recorded, resent) = row(&db, 7).await;
        assert_eq!((recorded.as_deref(), resent), (Some("[10,11]"), 0));
        scoped(db.clone(), 7, async {
            claimed(recorded.as_deref());
            assert_eq!(answer(20).await, 10);
            assert_eq!(answer(21).await, 11);
            assert_eq!(answer(22).await, 22, "a third answer is new");
        })
        .await;
        assert_eq!(row(&db, 7).await, (Some("[10,11,22]".to_string()), 0), "nothing counted as resent");
    }

    #[tokio::test]
    async fn a_takeover_sends_a_pending_answer_again_and_counts_it() {
        let (db, _dir) = temp_db().await;
        claim_row(&db, 9).await;
        // The first handling: one answer recorded, the second killed mid-send.
        scoped(db.clone(), 9, async {
            claimed(None);
            answer(10).await;
            next_turn().unwrap().sending().await;
        })
        .await;
        let (recorded, _) = row(&db, 9).await;
        assert_eq!(recorded.as_deref(), Some(r#"[10,"pending"]"#));
        scoped(db.clone(), 9, async {
            claimed(recorded.as_deref());
            assert_eq!(answer(20).await, 10, "the recorded answer is given back");
            let turn = next_turn().unwrap();
            assert_eq!(turn.given_before::<i64>(), None, "a pending answer is not given back");
            turn.sending().await;
            assert_eq!(row(&db, 9).await.1, 1, "counted before it goes out");
            turn.sent(&21_i64).await;
            assert_eq!(answer(22).await, 22);
        })
        .await;
        assert_eq!(row(&db, 9).await, (Some("[10,21,22]".to_string()), 1), "only the pending one counted");
        sqlx::query("UPDATE processed_updates SET done = 1, answers = NULL WHERE update_id = 9").execute(&db.pool).await.unwrap();
        assert_eq!(row(&db, 9).await, (None, 1), "the count outlives the finished update");
    }

    #[test]
    fn journal_entries_read_back_as_written() {
        let list: Vec<serde_json::Value> = serde_json::from_str(r#"[null,"pending",{"message_id":3},true]"#).unwrap();
        let entries: Vec<Entry> = list.iter().map(Entry::read).collect();
        assert_eq!(entries[..2], [Entry::Unknown, Entry::Pending]);
        let again: Vec<String> = entries.iter().map(Entry::json).collect();
        assert_eq!(again.join(","), r#"null,"pending",{"message_id":3},true"#);
    }
}
