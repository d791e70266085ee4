//! Announcements' part of a person's data: what they authored, and the copies of
//! announcements sent to them in private as a registered UMKM (a delivery row holds
//! their chat id and business name).
//!
//! Erasure pauses every schedule of theirs and hands it to the staff covering its
//! area ([`handover`]); what they authored stays with [`ERASED_USER`] as author. A
//! copy sent to them stays in its run's report, counted, as "a person who erased
//! their data": one row per run, without chat id, business name or message id.

use super::handover::{self, Why};
use crate::platform::personal::{ERASED_USER, Erasure, Hook, PersonalData, Tx, export_nothing};

pub const DATA: PersonalData = PersonalData {
    owner: "announcements",
    erases: &[("announcements", "author_id"), ("announcement_deliveries", "chat_id")],
    keeps: &[],
    erase,
    export: export_nothing,
};

/// A photo and its long text are two rows of one copy: one per run is kept.
const ONE_PER_RUN: &str = "DELETE FROM announcement_deliveries WHERE chat_id = $1 AND id NOT IN \
     (SELECT MIN(id) FROM announcement_deliveries WHERE chat_id = $1 GROUP BY run_id)";

/// Statements run with `$1` = the person, `$2` = [`ERASED_USER`], in this order.
const ANONYMISE: &[&str] = &[
    // Copies still waiting are not sent any more; the report says so.
    "UPDATE outbox SET chat_id = $2, message_id = NULL, status = CASE WHEN status IN ('queued', 'sending') \
     THEN 'failed' ELSE status END, error = CASE WHEN status IN ('queued', 'sending') THEN 'erased' ELSE error END \
     WHERE chat_id = $1 AND id IN (SELECT outbox_id FROM announcement_deliveries WHERE chat_id = $1)",
    "UPDATE announcement_deliveries SET chat_id = $2, title = '' WHERE chat_id = $1",
    "UPDATE announcements SET author_id = $2 WHERE author_id = $1",
];

fn erase<'a, 'c>(tx: &'a mut Tx, e: &'a mut Erasure<'c>) -> Hook<'a, ()> {
    Box::pin(async move {
        let admins: Vec<i64> = e.ctx.config.admins.iter().map(|a| a.0 as i64).collect();
        let paused = handover::pause_all_of(tx, &e.ctx.db, e.user_id, Why::Erased, &admins, e.now).await?;
        e.schedules_paused += paused;
        sqlx::query(ONE_PER_RUN).bind(e.user_id).execute(&mut **tx).await?;
        for &sql in ANONYMISE {
            sqlx::query(sql).bind(e.user_id).bind(ERASED_USER).execute(&mut **tx).await?;
        }
        Ok(())
    })
}
