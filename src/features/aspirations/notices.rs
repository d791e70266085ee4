//! "New aspirations in your area" notices to staff, at most one per minute each.
//!
//! A submission adds one to `staff_notices.pending` of every staff member whose area
//! holds the KIM (in the submitting transaction). Sending is a claim: read
//! `(pending, last_sent_at)`, then `UPDATE … SET pending = pending - n, last_sent_at =
//! now WHERE last_sent_at = <read value>`; only the process whose update matched
//! queues the notice, in the same transaction. The first submission of a quiet minute
//! is announced at once (the submitting handler flushes); later ones wait for the
//! background [`run`] loop, which sends the count once the minute is over.
//!
//! Staff granted their role before they ever agreed to the bot's notice (`/start`)
//! cannot be messaged and could not act on it: their count is held, not sent, and
//! the loop sends it within a second of their agreeing ([`STARTED`]).

use std::time::Duration;

use sqlx::{Any, Row, Transaction};
use tokio::sync::watch;

use crate::platform::db::{Db, DbResult, SharedClock};
use crate::platform::delivery::{Outbox, Outgoing, Priority};
use crate::platform::i18n::{Arg, ta};
use crate::kernel::members::Kim;

/// At most one notice per staff member in this many seconds.
pub const BATCH_SECS: i64 = 60;
/// How often the background loop looks for counts whose minute is over.
const POLL: Duration = Duration::from_secs(1);

/// The staff member agreed to the bot's notice and has not withdrawn it: the bot can
/// reach them and `/antrian` answers them. Matched on the `staff_notices` row.
const STARTED: &str = "EXISTS (SELECT 1 FROM consents c WHERE c.user_id = staff_notices.staff_id \
                       AND c.purpose = 'membership' AND c.withdrawn_at IS NULL)";

/// Staff whose area holds the KIM's kelurahan.
pub async fn staff_for(db: &Db, kim: &Kim) -> DbResult<Vec<i64>> {
    crate::kernel::members::roles::staff_covering(db, &kim.area_path).await
}

/// Counts one new aspiration for each of `staff` (inside the submission).
pub async fn add_pending(tx: &mut Transaction<'_, Any>, staff: &[i64]) -> DbResult<()> {
    for staff_id in staff {
        sqlx::query(
            "INSERT INTO staff_notices (staff_id, pending, last_sent_at) VALUES ($1, 1, 0) \
             ON CONFLICT (staff_id) DO UPDATE SET pending = staff_notices.pending + 1",
        )
        .bind(staff_id)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// Sends the pending count to each of `staff` whose last notice is a minute old;
/// returns how many notices were queued.
pub async fn flush(db: &Db, outbox: &Outbox, staff: &[i64], now: i64) -> DbResult<usize> {
    let mut sent = 0;
    for staff_id in staff {
        if flush_one(db, outbox, *staff_id, now).await? {
            sent += 1;
        }
    }
    if sent > 0 {
        outbox.wake();
    }
    Ok(sent)
}

async fn flush_one(db: &Db, outbox: &Outbox, staff_id: i64, now: i64) -> DbResult<bool> {
    let lang = crate::kernel::members::users::language(db, staff_id).await?;
    let mut tx = db.begin().await?;
    let sql = format!("SELECT pending, last_sent_at FROM staff_notices WHERE staff_id = $1 AND {STARTED}");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(staff_id)
        .fetch_optional(&mut *tx)
        .await?;
    let Some(row) = row else { return Ok(false) };
    let (pending, last): (i64, i64) = (row.try_get("pending")?, row.try_get("last_sent_at")?);
    if pending <= 0 || now - last < BATCH_SECS {
        return Ok(false);
    }
    let claimed = sqlx::query(
        "UPDATE staff_notices SET pending = pending - $1, last_sent_at = $2 \
         WHERE staff_id = $3 AND last_sent_at = $4 AND pending >= $1",
    )
    .bind(pending)
    .bind(now)
    .bind(staff_id)
    .bind(last)
    .execute(&mut *tx)
    .await?;
    if claimed.rows_affected() != 1 {
        return Ok(false);
    }
    let text = ta(lang, "asp-staff-notice", &[("count", Arg::from(pending))]);
    let notice = Outgoing::text(staff_id, text, Priority::Personal, Some("aspirations:notice".into()));
    outbox.enqueue_in(&mut tx, &[notice]).await?;
    tx.commit().await?;
    Ok(true)
}

/// Staff with a count waiting whose minute is over.
pub async fn due(db: &Db, now: i64) -> DbResult<Vec<i64>> {
    let sql = format!("SELECT staff_id FROM staff_notices WHERE pending > 0 AND last_sent_at <= $1 AND {STARTED}");
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(now - BATCH_SECS)
        .fetch_all(&db.pool)
        .await?;
    rows.iter().map(|r| Ok(r.try_get("staff_id")?)).collect()
}

/// Background loop: sends counts that waited out their minute, until `stop`.
pub async fn run(db: Db, outbox: Outbox, clock: SharedClock, stop: watch::Receiver<bool>) {
    crate::platform::scheduler::every("staff notices", POLL, stop, || async {
        let now = clock.now();
        flush(&db, &outbox, &due(&db, now).await?, now).await
    })
    .await;
}

#[cfg(test)]
mod tests {
    use crate::platform::i18n::{Arg, Lang, ta};

    #[test]
    fn the_notice_counts_in_each_language() {
        let say = |lang, n: i64| ta(lang, "asp-staff-notice", &[("count", Arg::from(n))]);
        assert!(say(Lang::Id, 1).contains("1 aspirasi baru"));
        assert!(say(Lang::Id, 3).contains("3 aspirasi baru"));
        assert!(say(Lang::En, 1).contains("1 new aspiration in"));
        assert!(say(Lang::En, 3).contains("3 new aspirations"));
    }
}
