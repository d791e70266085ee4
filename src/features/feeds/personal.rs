//! Feeds' part of a person's data: the feeds a staff member added and the drafts a
//! coordinator opened or dismissed. Erasure keeps both (they belong to the area's
//! programme, not to the person) with [`ERASED_USER`](crate::platform::personal::ERASED_USER) in place of the person.

use crate::platform::personal::{Erasure, Hook, PersonalData, Tx, export_nothing, reassign};

pub const DATA: PersonalData = PersonalData {
    owner: "feeds",
    erases: &[("feeds", "created_by"), ("feed_drafts", "acted_by")],
    keeps: &[],
    erase,
    export: export_nothing,
};

fn erase<'a, 'c>(tx: &'a mut Tx, e: &'a mut Erasure<'c>) -> Hook<'a, ()> {
    Box::pin(reassign(tx, e.user_id, DATA.erases))
}
