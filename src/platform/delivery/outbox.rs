//! SQL of the outbox: insert, claim the next due row, record outcomes, and the
//! per-chat moves that Telegram's answers call for.
//!
//! A row is `queued` until a worker claims it (`sending`, with `claimed_by` and
//! `claimed_at`) right before the request goes out, then `sent` or `failed`, or
//! `queued` again with a later `not_before`. `attempts` counts finished tries;
//! `claimed_by` keeps the worker that sent or failed a row. Claim, reclaim and the
//! rule that only the current claimer records an outcome: [`crate::platform::queue`].

use sqlx::Row;
use sqlx::any::AnyRow;

use super::{Body, Outgoing};
use crate::platform::db::{Db, DbError, DbResult};
use crate::platform::queue::{Claim, Table};

/// A kind of outbox `source` a feature owns (`poll`, `training` …): the text before
/// the first `:` of `kind:id[:detail]`. Features declare theirs as constants and
/// write and read sources only through it, so no feature spells another's prefix
/// and a stored row is read back by parsing, not by string matching.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SourceKind {
    pub prefix: &'static str,
}

impl SourceKind {
    pub const fn new(prefix: &'static str) -> SourceKind {
        SourceKind { prefix }
    }

    /// `kind:id`.
    pub fn of(self, id: i64) -> Source {
        Source { kind: self, id, detail: None }
    }

    /// `kind:id:detail` (an announcement's run: `announcement:7:run:2`).
    pub fn with(self, id: i64, detail: impl Into<String>) -> Source {
        Source { kind: self, id, detail: Some(detail.into()) }
    }

    /// A `LIKE` pattern for SQL that must narrow rows to this kind before reading
    /// them (`source LIKE 'poll:%'`). It is a coarse filter only (SQLite's `LIKE`
    /// ignores case, and `_` in a prefix matches any character): read what it
    /// finds back with [`SourceKind::id_in`].
    pub fn like(self) -> String {
        format!("{}:%", self.prefix)
    }

    /// The id of a stored source of this kind (`None` for another kind or a
    /// malformed one).
    pub fn id_in(self, stored: &str) -> Option<i64> {
        Source::parse(stored).filter(|s| s.kind == self.prefix).map(|s| s.id)
    }
}

/// What an outbox row belongs to, as written: `kind:id[:detail]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    kind: SourceKind,
    id: i64,
    detail: Option<String>,
}

impl Source {
    /// Reads a stored source back: its kind's prefix, the id, and the detail
    /// after a second `:` if any.
    pub fn parse(stored: &str) -> Option<Parsed<'_>> {
        let (kind, rest) = stored.split_once(':')?;
        let (id, detail) = match rest.split_once(':') {
            Some((id, detail)) => (id, Some(detail)),
            None => (rest, None),
        };
        Some(Parsed { kind, id: id.parse().ok()?, detail })
    }

    pub fn kind(&self) -> SourceKind {
        self.kind
    }

    pub fn id(&self) -> i64 {
        self.id
    }
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.detail {
            Some(detail) => write!(f, "{}:{}:{detail}", self.kind.prefix, self.id),
            None => write!(f, "{}:{}", self.kind.prefix, self.id),
        }
    }
}

/// A source as [`super::Outgoing::source`] carries it.
impl From<Source> for Option<String> {
    fn from(source: Source) -> Option<String> {
        Some(source.to_string())
    }
}

/// A stored source read back by [`Source::parse`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parsed<'a> {
    pub kind: &'a str,
    pub id: i64,
    pub detail: Option<&'a str>,
}

/// A claimed row, ready to send.
#[derive(Debug, Clone)]
pub struct Claimed {
    pub id: i64,
    pub chat_id: i64,
    pub body: Body,
    pub attempts: i64,
    pub resent: bool,
    /// Sent with `allow_paid_broadcast` (see [`super::paid`]).
    pub paid: bool,
    /// The forum topic to post in (`None`: General, or no forum).
    pub thread: Option<i64>,
    /// Sent with `protect_content` (personal data: no forwarding or saving).
    pub protect: bool,
}

pub async fn insert(tx: &mut sqlx::Transaction<'_, sqlx::Any>, items: &[Outgoing], now: i64) -> DbResult<Vec<i64>> {
    insert_with(tx, items, now, &super::SendOptions::default()).await
}

/// [`insert`] with `options`: a post kind picks each group's forum topic for it
/// (the kind's own, else the group's topic for every kind), `protect` and `paid`
/// mark the rows.
pub async fn insert_with(tx: &mut sqlx::Transaction<'_, sqlx::Any>, items: &[Outgoing], now: i64, options: &super::SendOptions) -> DbResult<Vec<i64>> {
    let mut ids = Vec::with_capacity(items.len());
    // No kind: both lookups look for "" and find nothing.
    let (kind, all) = match options.kind {
        Some(kind) => (kind, crate::kernel::members::topics::ALL),
        None => ("", ""),
    };
    for item in items {
        let body = serde_json::to_string(&item.body).map_err(|e| DbError::Corrupt(e.to_string()))?;
        let row = sqlx::query(
            "INSERT INTO outbox (chat_id, priority, body, source, status, not_before, created_at, updated_at, thread, protect, paid) \
             VALUES ($1, $2, $3, $4, 'queued', $5, $5, $5, \
             COALESCE((SELECT thread FROM group_topics WHERE group_chat = $1 AND kind = $6), \
                      (SELECT thread FROM group_topics WHERE group_chat = $1 AND kind = $7)), $8, $9) RETURNING id",
        )
        .bind(item.chat_id)
        .bind(item.priority as i64)
        .bind(body)
        .bind(item.source.as_deref())
        .bind(now)
        .bind(kind)
        .bind(all)
        .bind(i64::from(options.protect))
        .bind(i64::from(options.paid))
        .fetch_one(&mut **tx)
        .await?;
        ids.push(row.try_get("id")?);
    }
    Ok(ids)
}

/// Rows per statement of [`insert_bulk`] (seven values each, well under both
/// backends' limits on bound values).
const BULK_ROWS: usize = 100;

/// Inserts many rows with a few multi-row statements instead of one per row (an
/// emergency warning to thousands of chats, inside one transaction that must not
/// hold the warning back); returns how many. No ids: callers that need them use [`insert`].
pub async fn insert_bulk(tx: &mut sqlx::Transaction<'_, sqlx::Any>, items: &[Outgoing], now: i64, paid: bool) -> DbResult<u64> {
    let mut inserted = 0;
    for chunk in items.chunks(BULK_ROWS) {
        let values: Vec<String> = (0..chunk.len())
            .map(|i| {
                let b = i * 7;
                format!("(${}, ${}, ${}, ${}, 'queued', ${}, ${}, ${}, ${})", b + 1, b + 2, b + 3, b + 4, b + 5, b + 6, b + 6, b + 7)
            })
            .collect();
        let sql = format!(
            "INSERT INTO outbox (chat_id, priority, body, source, status, not_before, created_at, updated_at, paid) VALUES {}",
            values.join(", ")
        );
        // Only placeholders are generated; the values are bound.
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for item in chunk {
            let body = serde_json::to_string(&item.body).map_err(|e| DbError::Corrupt(e.to_string()))?;
            query = query.bind(item.chat_id).bind(item.priority as i64).bind(body).bind(item.source.clone()).bind(now).bind(now).bind(i64::from(paid));
        }
        inserted += query.execute(&mut **tx).await?.rows_affected();
    }
    Ok(inserted)
}

/// The outbox as a claimable queue: the most urgent row first, per chat.
pub static TABLE: Table = Table {
    name: "outbox",
    state: "status",
    due: "not_before",
    order: "priority, id",
    group: "chat_id",
    on_claim: "",
    // The chat may already have it.
    on_reclaim: "resent = 1, attempts = attempts + 1, ",
    returning: "id, chat_id, body, attempts, resent, paid, thread, protect",
};

/// Claims the most urgent due row for `worker`, leaving out the chats in `skip`
/// (ones this worker knows cannot take a message yet); it belongs to that worker alone.
pub async fn claim_next(db: &Db, worker: &str, now: i64, skip: &[i64]) -> DbResult<Option<Claimed>> {
    claim_in_lane(db, worker, now, skip, super::paid::Lane::All).await
}

/// [`claim_next`] among the rows of one lane (paid broadcast or not).
pub async fn claim_in_lane(db: &Db, worker: &str, now: i64, skip: &[i64], lane: super::paid::Lane) -> DbResult<Option<Claimed>> {
    let row = TABLE.claim_where(db, worker, now, skip, lane.filter()).await?;
    row.map(|r| decode_claimed(&r)).transpose()
}

/// Claims up to `limit` due rows of `lane` at once, oldest first (the paid lane's
/// worker, whose sends are quick enough that a claim per row would cost more than
/// the send), leaving out the chats in `skip` as [`claim_next`] does.
pub async fn claim_batch(db: &Db, worker: &str, now: i64, skip: &[i64], lane: super::paid::Lane, limit: usize) -> DbResult<Vec<Claimed>> {
    let rows = TABLE.claim_many(db, worker, now, skip, lane.filter(), limit).await?;
    let mut claimed = rows.iter().map(decode_claimed).collect::<DbResult<Vec<_>>>()?;
    claimed.sort_by_key(|c| c.id);
    Ok(claimed)
}

/// Gives a claimed row back unsent and unchanged, for this worker to skip its chat
/// for a while (kept in memory; see `defer_chat` for the persistent variant).
pub async fn unclaim(db: &Db, claim: Claim<'_>, now: i64) -> DbResult<bool> {
    let sql = TABLE.outcome_sql("status = 'queued', claimed_by = NULL, claimed_at = NULL, updated_at = $1", 1);
    let done = TABLE.held(sqlx::query(sqlx::AssertSqlSafe(sql)).bind(now), claim).execute(&db.pool).await?;
    Ok(done.rows_affected() == 1)
}

fn decode_claimed(row: &AnyRow) -> DbResult<Claimed> {
    let body: String = row.try_get("body")?;
    Ok(Claimed {
        id: row.try_get("id")?,
        chat_id: row.try_get("chat_id")?,
        body: serde_json::from_str(&body).map_err(|e| DbError::Corrupt(format!("outbox body: {e}")))?,
        attempts: row.try_get("attempts")?,
        resent: row.try_get::<i64, _>("resent")? != 0,
        paid: row.try_get::<i64, _>("paid")? != 0,
        thread: row.try_get("thread")?,
        protect: row.try_get::<i64, _>("protect")? != 0,
    })
}

/// Gives a claimed row back unsent, and keeps every queued row of its chat until
/// `until`, because the chat's window is full (or it has a message in flight).
pub async fn defer_chat(db: &Db, claim: Claim<'_>, chat_id: i64, until: i64, now: i64) -> DbResult<()> {
    let mut tx = db.begin().await?;
    let set = "status = 'queued', claimed_by = NULL, claimed_at = NULL, not_before = $1, updated_at = $2";
    let sql = TABLE.outcome_sql(set, 2);
    TABLE.held(sqlx::query(sqlx::AssertSqlSafe(sql)).bind(until).bind(now), claim).execute(&mut *tx).await?;
    sqlx::query("UPDATE outbox SET not_before = $1, updated_at = $2 WHERE chat_id = $3 AND status = 'queued' AND not_before < $1")
        .bind(until)
        .bind(now)
        .bind(chat_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// Records a send; `false` when the row is no longer this worker's claim (it was
/// reclaimed after a stall) and nothing was written.
pub async fn mark_sent(db: &Db, claim: Claim<'_>, message_id: i64, now: i64) -> DbResult<bool> {
    mark_sent_poll(db, claim, message_id, None, now).await
}

/// [`mark_sent`] with Telegram's poll id, for a poll (answers name only that id).
pub async fn mark_sent_poll(db: &Db, claim: Claim<'_>, message_id: i64, poll_id: Option<&str>, now: i64) -> DbResult<bool> {
    let set = "status = 'sent', message_id = $1, sent_at = $2, attempts = attempts + 1, updated_at = $2, telegram_poll = $3";
    let sql = TABLE.outcome_sql(set, 3);
    let query = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(message_id).bind(now).bind(poll_id);
    let done = TABLE.held(query, claim).execute(&db.pool).await?;
    Ok(done.rows_affected() == 1)
}

/// Records a failure, under the same claim rule as [`mark_sent`].
pub async fn mark_failed(db: &Db, claim: Claim<'_>, reason: &str, now: i64) -> DbResult<bool> {
    let sql = TABLE.outcome_sql("status = 'failed', error = $1, attempts = attempts + 1, updated_at = $2", 2);
    let query = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(reason.to_string()).bind(now);
    let done = TABLE.held(query, claim).execute(&db.pool).await?;
    Ok(done.rows_affected() == 1)
}

/// What to change when a row goes back in the queue.
#[derive(Debug, Clone, PartialEq)]
pub struct Retry<'a> {
    /// The chat to send to (a migration changes it).
    pub chat_id: i64,
    pub not_before: i64,
    pub reason: &'a str,
    /// The last attempt may have reached the chat (timeout).
    pub maybe_delivered: bool,
}

/// Queues the row again, under the same claim rule as [`mark_sent`].
pub async fn retry_later(db: &Db, claim: Claim<'_>, retry: &Retry<'_>, now: i64) -> DbResult<bool> {
    let set = "status = 'queued', chat_id = $1, not_before = $2, attempts = attempts + 1, error = $3, \
               resent = CASE WHEN $4 = 1 THEN 1 ELSE resent END, claimed_by = NULL, claimed_at = NULL, updated_at = $5";
    let sql = TABLE.outcome_sql(set, 5);
    let query = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(retry.chat_id)
        .bind(retry.not_before)
        .bind(retry.reason.to_string())
        .bind(i64::from(retry.maybe_delivered))
        .bind(now);
    let done = TABLE.held(query, claim).execute(&db.pool).await?;
    Ok(done.rows_affected() == 1)
}

/// Fails every queued row of a chat the bot can no longer write to.
///
/// Rows of the chat this worker holds in `sending` other than `claim`'s own are taken
/// too: they were claimed while the chat was busy and are about to be given back, so
/// skipping them would let one of them be sent after the 403.
pub async fn fail_chat(db: &Db, claim: Claim<'_>, chat_id: i64, reason: &str, now: i64) -> DbResult<u64> {
    let done = sqlx::query(
        "UPDATE outbox SET status = 'failed', error = $1, updated_at = $2 WHERE chat_id = $3 \
         AND (status = 'queued' OR (status = 'sending' AND claimed_by = $4 AND id <> $5))",
    )
    .bind(reason)
    .bind(now)
    .bind(chat_id)
    .bind(claim.worker)
    .bind(claim.id)
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected())
}

/// Moves the queued rows of a group that became a supergroup to its new id.
/// Rows this worker holds in `sending` for the old id move too (see [`fail_chat`]).
pub async fn move_chat(db: &Db, claim: Claim<'_>, old: i64, new: i64, now: i64) -> DbResult<u64> {
    let done = sqlx::query(
        "UPDATE outbox SET chat_id = $1, updated_at = $2 WHERE chat_id = $3 \
         AND (status = 'queued' OR (status = 'sending' AND claimed_by = $4 AND id <> $5))",
    )
    .bind(new)
    .bind(now)
    .bind(old)
    .bind(claim.worker)
    .bind(claim.id)
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected())
}

/// Rows left `sending` longer than the lease belong to a worker that died: back in
/// the queue, flagged `resent`, as the chat may already have them.
pub async fn reclaim_stale(db: &Db, lease_secs: i64, now: i64) -> DbResult<u64> {
    TABLE.reclaim_stale(db, lease_secs, now).await
}

/// (chat, sent_at) of every send since `since`, for the per-chat windows.
pub async fn sent_since(db: &Db, since: i64) -> DbResult<Vec<(i64, i64)>> {
    let rows = sqlx::query("SELECT chat_id, sent_at FROM outbox WHERE sent_at >= $1")
        .bind(since)
        .fetch_all(&db.pool)
        .await?;
    rows.iter().map(|r| Ok((r.try_get("chat_id")?, r.try_get("sent_at")?))).collect()
}

/// Where an earlier row stands, for an edit of the message it sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Post {
    /// Sent as this message.
    Sent(i64),
    /// Still queued or being sent: the edit has to wait.
    Pending,
    /// Failed, or no such row: there is nothing to edit.
    Undelivered,
}

/// Where row `id` stands, read when an edit of its message is about to be sent.
pub async fn post(db: &Db, id: i64) -> DbResult<Post> {
    let row = sqlx::query("SELECT status, message_id FROM outbox WHERE id = $1").bind(id).fetch_optional(&db.pool).await?;
    let Some(row) = row else { return Ok(Post::Undelivered) };
    let status: String = row.try_get("status")?;
    Ok(match (status.as_str(), row.try_get::<Option<i64>, _>("message_id")?) {
        ("sent", Some(message_id)) => Post::Sent(message_id),
        ("queued" | "sending", _) => Post::Pending,
        _ => Post::Undelivered,
    })
}

/// When the next queued row becomes due, if any.
pub async fn next_due(db: &Db) -> DbResult<Option<i64>> {
    let row = sqlx::query("SELECT MIN(not_before) AS due FROM outbox WHERE status = 'queued'").fetch_one(&db.pool).await?;
    Ok(row.try_get::<Option<i64>, _>("due")?)
}

#[cfg(test)]
mod tests {
    use super::*;

    const POLL: SourceKind = SourceKind::new("poll");

    #[test]
    fn sources_are_written_as_kind_id_and_detail_and_read_back() {
        assert_eq!(POLL.of(12).to_string(), "poll:12");
        assert_eq!(SourceKind::new("announcement").with(7, "run:2").to_string(), "announcement:7:run:2");
        assert_eq!(Source::parse("announcement:7:run:2"), Some(Parsed { kind: "announcement", id: 7, detail: Some("run:2") }));
        assert_eq!(Option::<String>::from(POLL.of(3)).as_deref(), Some("poll:3"));
        assert_eq!(POLL.like(), "poll:%");
    }

    #[test]
    fn only_a_source_of_the_kind_with_a_numeric_id_yields_an_id() {
        assert_eq!(POLL.id_in("poll:12"), Some(12));
        for other in ["poll_stop:12", "POLL:12", "poll:", "poll:x", "poll", "", "survey:notice", "pollx:1"] {
            assert_eq!(POLL.id_in(other), None, "{other}");
        }
    }
}
