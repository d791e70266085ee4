//! "New cek fakta requests in your area" notices to staff, at most one per minute
//! each, so a resident who sends many requests cannot flood the staff of an area with
//! Personal-priority messages. Works like the aspirations' notices
//! ([`crate::features::aspirations::notices`]) on its own table, `fact_check_notices`:
//! a request adds one to `pending` of every staff member covering its area; the first
//! of a quiet minute is announced at once, later ones are counted and sent together
//! by [`run`] once the minute is over. Sending is a claim on `last_sent_at`, so two
//! processes never send the same count. The count is added in its own transaction
//! right after the request is stored: a crash in between loses a notice, never a
//! request (it still waits in `/cekfakta antrian`).

use std::time::Duration;

use sqlx::Row;
use tokio::sync::watch;

use crate::platform::db::{Db, DbResult, SharedClock};
use crate::platform::delivery::{Outbox, Outgoing, Priority};
use crate::platform::i18n::{Arg, ta};

/// At most one notice per staff member in this many seconds.
pub const BATCH_SECS: i64 = 60;
/// How often the background loop looks for counts whose minute is over.
const POLL: Duration = Duration::from_secs(1);

/// Counts one new request for each of `staff`.
pub async fn add_pending(db: &Db, staff: &[i64]) -> DbResult<()> {
    let mut tx = db.begin().await?;
    for staff_id in staff {
        sqlx::query(
            "INSERT INTO fact_check_notices (staff_id, pending, last_sent_at) VALUES ($1, 1, 0) \
             ON CONFLICT (staff_id) DO UPDATE SET pending = fact_check_notices.pending + 1",
        )
        .bind(staff_id)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Sends the pending count to each of `staff` whose last notice is a minute old.
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
    let row = sqlx::query("SELECT pending, last_sent_at FROM fact_check_notices WHERE staff_id = $1")
        .bind(staff_id)
        .fetch_optional(&mut *tx)
        .await?;
    let Some(row) = row else { return Ok(false) };
    let (pending, last): (i64, i64) = (row.try_get("pending")?, row.try_get("last_sent_at")?);
    if pending <= 0 || now - last < BATCH_SECS {
        return Ok(false);
    }
    let claimed = sqlx::query(
        "UPDATE fact_check_notices SET pending = pending - $1, last_sent_at = $2 \
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
    let text = ta(lang, "fc-staff-new", &[("count", Arg::from(pending))]);
    let notice = Outgoing::text(staff_id, text, Priority::Personal, Some("factcheck:notice".into()));
    outbox.enqueue_in(&mut tx, &[notice]).await?;
    tx.commit().await?;
    Ok(true)
}

/// Staff with a count waiting whose minute is over.
pub async fn due(db: &Db, now: i64) -> DbResult<Vec<i64>> {
    let rows = sqlx::query("SELECT staff_id FROM fact_check_notices WHERE pending > 0 AND last_sent_at <= $1")
        .bind(now - BATCH_SECS)
        .fetch_all(&db.pool)
        .await?;
    rows.iter().map(|r| Ok(r.try_get("staff_id")?)).collect()
}

/// Background loop: sends counts that waited out their minute, until `stop`.
pub async fn run(db: Db, outbox: Outbox, clock: SharedClock, stop: watch::Receiver<bool>) {
    crate::platform::scheduler::every("cek fakta notices", POLL, stop, || async {
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
        let say = |lang, n: i64| ta(lang, "fc-staff-new", &[("count", Arg::from(n))]);
        assert!(say(Lang::Id, 1).contains("1 permintaan cek fakta baru"), "{}", say(Lang::Id, 1));
        assert!(say(Lang::Id, 3).contains("3 permintaan cek fakta baru"));
        assert!(say(Lang::En, 1).contains("1 new fact-check request from"), "{}", say(Lang::En, 1));
        assert!(say(Lang::En, 3).contains("3 new fact-check requests"));
    }
}
