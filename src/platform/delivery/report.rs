//! What became of the messages of one `source` (an announcement run, a ticket):
//! counts for a report, the rows for recall, and cancelling what is still queued.

use sqlx::Row;

use crate::platform::db::{Db, DbResult};

/// Counts per state of one source's rows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub queued: i64,
    /// In a worker's hands right now.
    pub sending: i64,
    pub sent: i64,
    pub failed: i64,
    /// Rows tried again after an attempt whose outcome is unknown (a worker killed
    /// mid-send, a timeout): their chat may show the message twice.
    pub resent: i64,
}

impl Summary {
    pub fn total(&self) -> i64 {
        self.queued + self.sending + self.sent + self.failed
    }

    /// Nothing left to send.
    pub fn is_finished(&self) -> bool {
        self.queued == 0 && self.sending == 0
    }
}

/// One row as a report shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivery {
    pub id: i64,
    pub chat_id: i64,
    pub status: String,
    pub message_id: Option<i64>,
    pub error: Option<String>,
    pub attempts: i64,
    pub resent: bool,
}

pub async fn summary(db: &Db, source: &str) -> DbResult<Summary> {
    let rows = sqlx::query("SELECT status, resent, COUNT(*) AS n FROM outbox WHERE source = $1 GROUP BY status, resent")
        .bind(source)
        .fetch_all(&db.pool)
        .await?;
    let mut s = Summary::default();
    for row in rows {
        let n: i64 = row.try_get("n")?;
        match row.try_get::<String, _>("status")?.as_str() {
            "queued" => s.queued += n,
            "sending" => s.sending += n,
            "sent" => s.sent += n,
            _ => s.failed += n,
        }
        if row.try_get::<i64, _>("resent")? != 0 {
            s.resent += n;
        }
    }
    Ok(s)
}

pub async fn deliveries(db: &Db, source: &str) -> DbResult<Vec<Delivery>> {
    let rows = sqlx::query(
        "SELECT id, chat_id, status, message_id, error, attempts, resent FROM outbox WHERE source = $1 ORDER BY id",
    )
    .bind(source)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Delivery {
                id: r.try_get("id")?,
                chat_id: r.try_get("chat_id")?,
                status: r.try_get("status")?,
                message_id: r.try_get("message_id")?,
                error: r.try_get("error")?,
                attempts: r.try_get("attempts")?,
                resent: r.try_get::<i64, _>("resent")? != 0,
            })
        })
        .collect()
}

/// Fails the rows of `source` not yet sent (rows in flight still finish).
pub async fn cancel(db: &Db, source: &str, now: i64) -> DbResult<u64> {
    let done = sqlx::query("UPDATE outbox SET status = 'failed', error = 'cancelled', updated_at = $1 WHERE source = $2 AND status = 'queued'")
        .bind(now)
        .bind(source)
        .execute(&db.pool)
        .await?;
    Ok(done.rows_affected())
}
