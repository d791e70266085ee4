//! "New aspirations in your area" notices to staff, at most one per minute each: a
//! count in `staff_notices`, sent by the kernel's [`CountNotice`] (the claim that
//! keeps two processes from sending the same count, and the hold for staff who never
//! agreed to the bot's notice, are described there). A submission adds one to the
//! count of every staff member whose area holds the KIM, in the submitting
//! transaction; the first of a quiet minute is announced at once by the submitting
//! handler, later ones by the job running [`NOTICE`] once the minute is over.

use sqlx::{Any, Transaction};

use crate::kernel::members::Kim;
pub use crate::kernel::members::staff_notices::BATCH_SECS;
use crate::kernel::members::staff_notices::CountNotice;
use crate::platform::db::{Db, DbResult};

/// The count, its message and its table.
pub const NOTICE: CountNotice =
    CountNotice { table: "staff_notices", message: "asp-staff-notice", source: "aspirations:notice", job: "staff notices" };

/// Staff whose area holds the KIM's kelurahan.
pub async fn staff_for(db: &Db, kim: &Kim) -> DbResult<Vec<i64>> {
    crate::kernel::members::roles::staff_covering(db, &kim.area_path).await
}

/// Counts one new aspiration for each of `staff` (inside the submission).
pub async fn add_pending(tx: &mut Transaction<'_, Any>, staff: &[i64]) -> DbResult<()> {
    NOTICE.add_pending(tx, staff).await
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
