//! Cek fakta's part of a person's data: the requests a resident sent and the verdicts
//! a staff member gave. Erasure keeps both (a verdict serves everyone who receives the
//! same rumour) with [`ERASED_USER`] in place of the person, and drops the photo the
//! resident attached.

use crate::platform::personal::{ERASED_USER, Erasure, Hook, PersonalData, Tx, export_nothing};

pub const DATA: PersonalData = PersonalData {
    owner: "factcheck",
    erases: &[("fact_checks", "user_id"), ("fact_checks", "answered_by")],
    keeps: &[],
    erase,
    export: export_nothing,
};

fn erase<'a, 'c>(tx: &'a mut Tx, e: &'a mut Erasure<'c>) -> Hook<'a, ()> {
    Box::pin(async move {
        for sql in [
            "UPDATE fact_checks SET user_id = $2, photo = NULL WHERE user_id = $1",
            "UPDATE fact_checks SET answered_by = $2 WHERE answered_by = $1",
        ] {
            sqlx::query(sql).bind(e.user_id).bind(ERASED_USER).execute(&mut **tx).await?;
        }
        Ok(())
    })
}
