//! "New cek fakta requests in your area" notices to staff, at most one per minute
//! each, so a resident who sends many requests cannot flood the staff of an area with
//! Personal-priority messages: a count in `fact_check_notices`, sent by the kernel's
//! [`CountNotice`] like the aspirations' notices (the claim keeps two processes from
//! sending the same count; staff who never agreed to the bot's notice have theirs
//! held until they do). The count is added in its own transaction right after the
//! request is stored: a crash in between loses a notice, never a request (it still
//! waits in `/cekfakta antrian`).


use crate::kernel::members::staff_notices::CountNotice;
use crate::platform::db::{Db, DbResult};

/// The count, its message and its table.
pub const NOTICE: CountNotice =
    CountNotice { table: "fact_check_notices", message: "fc-staff-new", source: "factcheck:notice", job: "cek fakta notices" };

/// Counts one new request for each of `staff`.
pub async fn add_pending(db: &Db, staff: &[i64]) -> DbResult<()> {
    let mut tx = db.begin().await?;
    NOTICE.add_pending(&mut tx, staff).await?;
    tx.commit().await?;
    Ok(())
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
