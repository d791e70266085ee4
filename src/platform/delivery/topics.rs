//! A forum topic that is gone. Telegram refuses a post into a deleted topic
//! (`message thread not found`) or a closed one (`TOPIC_CLOSED`); the post then goes
//! to the group's General instead, with every other queued row for that topic, the
//! group forgets the topic, and whoever linked the group is told once.

use super::outbox::{Claimed, TABLE};
use super::{Outgoing, Priority};
use crate::kernel::members::{topics, users};
use crate::platform::ids::UserId;
use crate::platform::db::{Db, DbResult};
use crate::platform::i18n::{Arg, t, ta};
use crate::platform::queue::Claim;

/// The outbox source of the notice that a group's topic is gone (`topic:<chat id>`).
const TOPIC_SOURCE: super::outbox::SourceKind = super::outbox::SourceKind::new("topic");

/// Whether Telegram's refusal means the row's topic cannot take messages.
pub fn is_topic_gone(reason: &str) -> bool {
    ["message thread not found", "TOPIC_CLOSED", "TOPIC_DELETED"].iter().any(|s| reason.contains(s))
}

/// Requeues `row` (held under `claim`) for General at once, and with it the chat's
/// other queued rows for the same topic; forgets the topic and, the first time,
/// queues a notice to the coordinator who linked the group. `false` when the row
/// is no longer this worker's.
pub async fn fall_back(db: &Db, claim: Claim<'_>, row: &Claimed, now: i64) -> DbResult<bool> {
    let Some(thread) = row.thread else { return Ok(false) };
    let mut tx = db.begin().await?;
    let set = "status = 'queued', thread = NULL, claimed_by = NULL, claimed_at = NULL, not_before = $1, updated_at = $1";
    let sql = TABLE.outcome_sql(set, 1);
    let done = TABLE.held(sqlx::query(sqlx::AssertSqlSafe(sql)).bind(now), claim).execute(&mut *tx).await?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    sqlx::query("UPDATE outbox SET thread = NULL, updated_at = $1 WHERE chat_id = $2 AND thread = $3 AND status = 'queued'")
        .bind(now)
        .bind(row.chat_id)
        .bind(thread)
        .execute(&mut *tx)
        .await?;
    let kinds = topics::forget_thread(&mut tx, row.chat_id, thread).await?;
    if !kinds.is_empty()
        && let Some((title, coordinator)) = topics::linker(&mut tx, row.chat_id).await?
    {
        let lang = users::language(db, UserId(coordinator)).await?;
        let names: Vec<String> = kinds.iter().map(|k| t(lang, &topics::label_key(k))).collect();
        let args = [("group", Arg::from(title)), ("kinds", Arg::from(names.join(", ")))];
        let notice = Outgoing::text(coordinator, ta(lang, "topic-gone-notice", &args), Priority::Personal, TOPIC_SOURCE.of(row.chat_id).into());
        super::outbox::insert(&mut tx, &[notice], now).await?;
    }
    tx.commit().await?;
    tracing::warn!(chat = row.chat_id, thread, "delivery: forum topic gone; posting to General");
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deleted_and_closed_topics_are_recognised() {
        assert!(is_topic_gone("Bad Request: message thread not found"));
        assert!(is_topic_gone("Bad Request: TOPIC_CLOSED"));
        assert!(!is_topic_gone("Bad Request: chat not found"));
    }
}
