//! Feeds' part of a person's data: the feeds a staff member added and the drafts a
//! coordinator opened or dismissed. Erasure keeps both (they belong to the area's
//! programme, not to the person) with [`ERASED_USER`] in place of the person.

use crate::platform::personal::{ERASED_USER, Erasure, Hook, PersonalData, Tx, export_nothing};

pub const DATA: PersonalData = PersonalData {
    owner: "feeds",
    erases: &[("feeds", "created_by"), ("feed_drafts", "acted_by")],
    keeps: &[],
    erase,
    export: export_nothing,
};

fn erase<'a, 'c>(tx: &'a mut Tx, e: &'a mut Erasure<'c>) -> Hook<'a, ()> {
    Box::pin(async move {
        for sql in [
            "UPDATE feeds SET created_by = $2 WHERE created_by = $1",
            "UPDATE feed_drafts SET acted_by = $2 WHERE acted_by = $1",
        ] {
            sqlx::query(sql).bind(e.user_id).bind(ERASED_USER).execute(&mut **tx).await?;
        }
        Ok(())
    })
}
