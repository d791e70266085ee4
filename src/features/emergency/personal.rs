//! Emergency warnings' part of a person's data: the warnings they sent (as author).
//! The copies residents received are outbox rows, covered by the platform's own
//! declaration. Erasure keeps each warning (it was an official act, and is audited)
//! with [`ERASED_USER`] as its author; nothing else here names a person.

use crate::platform::personal::{ERASED_USER, Erasure, Hook, PersonalData, Tx, export_nothing};

pub const DATA: PersonalData = PersonalData {
    owner: "emergency",
    erases: &[("emergencies", "author_id")],
    keeps: &[],
    erase,
    export: export_nothing,
};

fn erase<'a, 'c>(tx: &'a mut Tx, e: &'a mut Erasure<'c>) -> Hook<'a, ()> {
    Box::pin(async move {
        sqlx::query("UPDATE emergencies SET author_id = $2 WHERE author_id = $1").bind(e.user_id).bind(ERASED_USER).execute(&mut **tx).await?;
        Ok(())
    })
}
