//! The console's part of a person's data: login links and sessions. Erasure
//! deletes both, which also logs the person out at once.

use crate::platform::personal::{Erasure, Hook, PersonalData, Tx, export_nothing};

pub const DATA: PersonalData = PersonalData {
    owner: "console",
    erases: &[("console_logins", "user_id"), ("console_sessions", "user_id")],
    keeps: &[],
    erase,
    export: export_nothing,
};

fn erase<'a, 'c>(tx: &'a mut Tx, e: &'a mut Erasure<'c>) -> Hook<'a, ()> {
    Box::pin(async move {
        for sql in ["DELETE FROM console_logins WHERE user_id = $1", "DELETE FROM console_sessions WHERE user_id = $1"] {
            sqlx::query(sql).bind(e.user_id).execute(&mut **tx).await?;
        }
        Ok(())
    })
}
