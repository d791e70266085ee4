//! "New cek fakta requests in your area" notices to staff, at most one per minute
//! each, so a resident who sends many requests cannot flood the staff of an area with
//! Personal-priority messages: a count in `fact_check_notices`, sent by the kernel's
//! [`CountNotice`] like the aspirations' notices (the claim keeps two processes from
//! sending the same count; staff who never agreed to the bot's notice have theirs
//! held until they do). The count is added in its own transaction right after the
//! request is stored: a crash in between loses a notice, never a request (it still
//! waits in `/cekfakta antrian`).

use tokio::sync::watch;

use crate::kernel::members::staff_notices::CountNotice;
use crate::platform::db::{Db, DbResult, SharedClock};
use crate::platform::delivery::Outbox;

const NOTICE: CountNotice =
    CountNotice { table: "fact_check_notices", message: "fc-staff-new", source: "factcheck:notice", job: "cek fakta notices" };

/// Counts one new request for each of `staff`.
pub async fn add_pending(db: &Db, staff: &[i64]) -> DbResult<()> {
    let mut tx = db.begin().await?;
    NOTICE.add_pending(&mut tx, staff).await?;
    tx.commit().await?;
    Ok(())
}

/// Sends the pending count to each of `staff` whose last notice is a minute old.
pub async fn flush(db: &Db, outbox: &Outbox, staff: &[i64], now: i64) -> DbResult<usize> {
    NOTICE.flush(db, outbox, staff, now).await
}

/// Background loop: sends counts that waited out their minute, until `stop`.
pub async fn run(db: Db, outbox: Outbox, clock: SharedClock, stop: watch::Receiver<bool>) {
    NOTICE.run(db, outbox, clock, stop).await
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
