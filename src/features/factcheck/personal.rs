//! Cek fakta's part of a person's data: the requests a resident sent and the verdicts
//! a staff member gave. Erasure keeps both (a verdict serves everyone who receives the
//! same rumour) with [`ERASED_USER`](crate::platform::personal::ERASED_USER) in place of the person, and drops the photo the
//! resident attached.

use crate::platform::personal::{Erasure, Hook, PersonalData, Tx, export_nothing, reassign};

pub const DATA: PersonalData = PersonalData {
    owner: "factcheck",
    erases: &[("fact_checks", "user_id"), ("fact_checks", "answered_by")],
    keeps: &[],
    erase,
    export: export_nothing,
};

fn erase<'a, 'c>(tx: &'a mut Tx, e: &'a mut Erasure<'c>) -> Hook<'a, ()> {
    Box::pin(async move {
        sqlx::query("UPDATE fact_checks SET photo = NULL WHERE user_id = $1").bind(e.user_id).execute(&mut **tx).await?;
        reassign(tx, e.user_id, DATA.erases).await
    })
}
