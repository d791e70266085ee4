//! "New work in your area" counts to staff, at most one message per minute each:
//! each feature with new work for staff keeps its own count table
//! (`staff_id`, `pending`, `last_sent_at`) and describes it with a [`CountNotice`];
//! the counting, the claim and the loop are here, once.
//!
//! A new item adds one to `pending` of every staff member covering its area. Sending
//! is a claim: read `(pending, last_sent_at)`, then `UPDATE … SET pending = pending -
//! n, last_sent_at = now WHERE last_sent_at = <read value>`; only the process whose
//! update matched queues the notice, in the same transaction, so two processes never
//! send the same count. The first item of a quiet minute is announced at once (the
//! submitting handler flushes); later ones wait for [`CountNotice::run`], which sends
//! the count once the minute is over.
//!
//! Staff granted their role before they ever agreed to the bot's notice (`/start`)
//! cannot be messaged and could not act on it: their count is held, not sent, and the
//! loop sends it within a second of their agreeing.

use std::time::Duration;
use crate::kernel::members::UserId;

use sqlx::{Any, Row, Transaction};
use tokio::sync::watch;

use crate::platform::db::{Db, DbResult, SharedClock};
use crate::platform::delivery::{Outbox, Outgoing, Priority};
use crate::platform::i18n::{Arg, ta};

/// At most one notice per staff member in this many seconds.
pub const BATCH_SECS: i64 = 60;
/// How often the background loop looks for counts whose minute is over.
const POLL: Duration = Duration::from_secs(1);

/// One kind of count: its table (owned by its feature), the message that says the
/// count (`$count`), the outbox source and the loop's name in the logs.
#[derive(Debug, Clone, Copy)]
pub struct CountNotice {
    pub table: &'static str,
    pub message: &'static str,
    pub source: &'static str,
    pub job: &'static str,
}

impl CountNotice {
    /// The staff member agreed to the bot's notice and has not withdrawn it.
    fn started(&self) -> String {
        format!(
            "EXISTS (SELECT 1 FROM consents c WHERE c.user_id = {}.staff_id AND c.purpose = 'membership' AND c.withdrawn_at IS NULL)",
            self.table
        )
    }

    /// Counts one new item for each of `staff`, inside the caller's transaction.
    pub async fn add_pending(&self, tx: &mut Transaction<'_, Any>, staff: &[i64]) -> DbResult<()> {
        let table = self.table;
        let sql = format!(
            "INSERT INTO {table} (staff_id, pending, last_sent_at) VALUES ($1, 1, 0) \
             ON CONFLICT (staff_id) DO UPDATE SET pending = {table}.pending + 1"
        );
        for staff_id in staff {
            sqlx::query(sqlx::AssertSqlSafe(sql.clone())).bind(staff_id).execute(&mut **tx).await?;
        }
        Ok(())
    }

    /// Sends the pending count to each of `staff` whose last notice is a minute old;
    /// returns how many notices were queued.
    pub async fn flush(&self, db: &Db, outbox: &Outbox, staff: &[i64], now: i64) -> DbResult<usize> {
        let mut sent = 0;
        for staff_id in staff {
            if self.flush_one(db, outbox, UserId(*staff_id), now).await? {
                sent += 1;
            }
        }
        if sent > 0 {
            outbox.wake();
        }
        Ok(sent)
    }

    async fn flush_one(&self, db: &Db, outbox: &Outbox, staff_id: UserId, now: i64) -> DbResult<bool> {
        let (table, started) = (self.table, self.started());
        let lang = super::users::language(db, staff_id).await?;
        let mut tx = db.begin().await?;
        let sql = format!("SELECT pending, last_sent_at FROM {table} WHERE staff_id = $1 AND {started}");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(staff_id).fetch_optional(&mut *tx).await?;
        let Some(row) = row else { return Ok(false) };
        let (pending, last): (i64, i64) = (row.try_get("pending")?, row.try_get("last_sent_at")?);
        if pending <= 0 || now - last < BATCH_SECS {
            return Ok(false);
        }
        let claim = format!(
            "UPDATE {table} SET pending = pending - $1, last_sent_at = $2 WHERE staff_id = $3 AND last_sent_at = $4 AND pending >= $1"
        );
        let claimed = sqlx::query(sqlx::AssertSqlSafe(claim)).bind(pending).bind(now).bind(staff_id).bind(last).execute(&mut *tx).await?;
        if claimed.rows_affected() != 1 {
            return Ok(false);
        }
        let text = ta(lang, self.message, &[("count", Arg::from(pending))]);
        let notice = Outgoing::text(staff_id.get(), text, Priority::Personal, Some(self.source.into()));
        outbox.enqueue_in(&mut tx, &[notice]).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Staff with a count waiting whose minute is over.
    pub async fn due(&self, db: &Db, now: i64) -> DbResult<Vec<i64>> {
        let sql = format!("SELECT staff_id FROM {} WHERE pending > 0 AND last_sent_at <= $1 AND {}", self.table, self.started());
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(now - BATCH_SECS).fetch_all(&db.pool).await?;
        rows.iter().map(|r| Ok(r.try_get("staff_id")?)).collect()
    }

    /// Background loop: sends counts that waited out their minute, until `stop`.
    pub async fn run(self, db: Db, outbox: Outbox, clock: SharedClock, stop: watch::Receiver<bool>) {
        crate::platform::scheduler::every(self.job, POLL, stop, || async {
            let now = clock.now();
            self.flush(&db, &outbox, &self.due(&db, now).await?, now).await
        })
        .await;
    }
}
