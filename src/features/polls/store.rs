//! SQL of polls: the poll rows, their closing claims, the answers per person and
//! chat, anonymous chats' totals, and who a poll reaches in private chat.

use std::collections::HashMap;
use crate::kernel::members::UserId;

use sqlx::Row;
use sqlx::any::AnyRow;

use super::model::{ChatTotals, PollId, Vote};
use crate::kernel::audience::Target;
use crate::features::privacy::PURPOSE_NEWS;
use crate::platform::db::{Db, DbError, DbResult};
use crate::platform::delivery::outbox::SourceKind;
use crate::platform::delivery::{Body, Outbox, Outgoing, Priority};
use crate::platform::fingerprint::{self, Scope};

/// A poll, for forum topics.
pub const TOPIC: crate::kernel::members::topics::TopicKind = crate::kernel::members::topics::TopicKind { code: "poll", order: 30 };

/// A poll as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Poll {
    pub id: i64,
    pub author_id: UserId,
    pub question: String,
    pub options: Vec<String>,
    pub multiple: bool,
    pub target: Target,
    pub target_label: String,
    pub area_path: String,
    pub private_chats: bool,
    /// `open`, `closed` or `recalled`.
    pub status: String,
    pub closes_at: i64,
}

impl Poll {
    pub fn is_open(&self) -> bool {
        self.status == "open"
    }

    /// The outbox source of its copies.
    pub fn source(&self) -> String {
        source(self.id)
    }
}

/// The outbox source of a poll's copies (`poll:<id>`); stops and deletes use
/// [`STOP_SOURCE`], the result sent to its author [`RESULT_SOURCE`].
pub const SOURCE: SourceKind = SourceKind::new("poll");
/// The stopPoll and delete requests of a poll's copies (`poll_stop:<id>`).
pub const STOP_SOURCE: SourceKind = SourceKind::new("poll_stop");
/// A poll's final result to its author (`poll_result:<id>`).
pub const RESULT_SOURCE: SourceKind = SourceKind::new("poll_result");

/// The outbox source of a poll's copies.
pub fn source(id: i64) -> String {
    SOURCE.of(id).to_string()
}

const COLUMNS: &str = "SELECT id, author_id, question, options, multiple, target, target_label, area_path, private_chats, \
                       status, closes_at FROM polls";

fn corrupt(e: serde_json::Error) -> DbError {
    DbError::Corrupt(format!("poll: {e}"))
}

fn row(r: &AnyRow) -> DbResult<Poll> {
    let options: String = r.try_get("options")?;
    let target: String = r.try_get("target")?;
    Ok(Poll {
        id: r.try_get("id")?,
        author_id: r.try_get("author_id")?,
        question: r.try_get("question")?,
        options: serde_json::from_str(&options).map_err(corrupt)?,
        multiple: r.try_get::<i64, _>("multiple")? != 0,
        target: serde_json::from_str(&target).map_err(corrupt)?,
        target_label: r.try_get("target_label")?,
        area_path: r.try_get("area_path")?,
        private_chats: r.try_get::<i64, _>("private_chats")? != 0,
        status: r.try_get("status")?,
        closes_at: r.try_get("closes_at")?,
    })
}

/// A poll about to be created, and the chats it goes to.
pub struct NewPoll<'a> {
    pub author_id: UserId,
    pub question: &'a str,
    pub options: &'a [String],
    pub multiple: bool,
    pub target: &'a Target,
    pub target_label: &'a str,
    pub area_path: &'a str,
    pub private_chats: bool,
    pub closes_at: i64,
    pub chats: &'a [i64],
}

/// Stores the poll and queues one copy per chat, in one transaction.
pub async fn create(db: &Db, outbox: &Outbox, new: &NewPoll<'_>, now: i64) -> DbResult<i64> {
    let mut tx = db.begin().await?;
    let id: i64 = sqlx::query(
        "INSERT INTO polls (author_id, question, options, multiple, target, target_label, area_path, private_chats, \
         status, created_at, closes_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'open', $9, $10) RETURNING id",
    )
    .bind(new.author_id)
    .bind(new.question)
    .bind(serde_json::to_string(new.options).map_err(corrupt)?)
    .bind(i64::from(new.multiple))
    .bind(serde_json::to_string(new.target).map_err(corrupt)?)
    .bind(new.target_label)
    .bind(new.area_path)
    .bind(i64::from(new.private_chats))
    .bind(now)
    .bind(new.closes_at)
    .fetch_one(&mut *tx)
    .await?
    .try_get("id")?;
    let body = Body::Poll { question: new.question.to_string(), options: new.options.to_vec(), multiple: new.multiple };
    let items: Vec<Outgoing> = new
        .chats
        .iter()
        .map(|chat| Outgoing { chat_id: *chat, body: body.clone(), priority: Priority::Broadcast, source: Some(source(id)) })
        .collect();
    outbox.enqueue_posts_in(&mut tx, &items, TOPIC.code).await?;
    tx.commit().await?;
    outbox.wake();
    Ok(id)
}

pub async fn get(db: &Db, id: i64) -> DbResult<Option<Poll>> {
    let sql = format!("{COLUMNS} WHERE id = $1");
    let found = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(&db.pool).await?;
    found.as_ref().map(row).transpose()
}

/// The author's latest polls, newest first.
pub async fn by_author(db: &Db, author_id: UserId, limit: i64) -> DbResult<Vec<Poll>> {
    let sql = format!("{COLUMNS} WHERE author_id = $1 ORDER BY id DESC LIMIT $2");
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(author_id).bind(limit).fetch_all(&db.pool).await?;
    rows.iter().map(row).collect()
}

/// Open polls whose closing time has come.
pub async fn due(db: &Db, now: i64, limit: i64) -> DbResult<Vec<i64>> {
    let rows = sqlx::query("SELECT id FROM polls WHERE status = 'open' AND closes_at <= $1 ORDER BY closes_at, id LIMIT $2")
        .bind(now)
        .bind(limit)
        .fetch_all(&db.pool)
        .await?;
    rows.iter().map(|r| r.try_get("id").map_err(Into::into)).collect()
}

/// Moves an open poll to `closed`, or an open or closed one to `recalled`; true for
/// the one process (or press) that did it.
pub async fn claim_status(db: &Db, id: i64, to: &str, now: i64) -> DbResult<bool> {
    let sql = match to {
        "recalled" => "UPDATE polls SET status = 'recalled', settled = 0, closed_at = COALESCE(closed_at, $1) WHERE id = $2 AND status IN ('open', 'closed')",
        _ => "UPDATE polls SET status = 'closed', closed_at = $1 WHERE id = $2 AND status = 'open'",
    };
    let done = sqlx::query(sql).bind(now).bind(id).execute(&db.pool).await?;
    Ok(done.rows_affected() == 1)
}

/// Which poll and chat a Telegram poll id belongs to.
pub async fn copy_of(db: &Db, telegram_poll_id: &str) -> DbResult<Option<(PollId, i64)>> {
    let found = sqlx::query("SELECT source, chat_id FROM outbox WHERE telegram_poll = $1 AND source LIKE $2 ORDER BY id LIMIT 1")
        .bind(telegram_poll_id)
        .bind(SOURCE.like())
        .fetch_optional(&db.pool)
        .await?;
    let Some(r) = found else { return Ok(None) };
    let source: String = r.try_get("source")?;
    Ok(SOURCE.id_in(&source).map(|id| (PollId(id), r.try_get("chat_id").unwrap_or_default())))
}

/// The KIM a chat belongs to: a linked group's, or a resident's own. A copy sent to a
/// group that has since become a supergroup still names the old id: followed.
pub async fn chat_kim(db: &Db, chat_id: i64) -> DbResult<Option<i64>> {
    let sql = if chat_id < 0 {
        "SELECT kim_id FROM tg_groups WHERE chat_id = COALESCE((SELECT new_chat FROM chat_migrations WHERE old_chat = $1), $1)"
    } else {
        "SELECT kim_id FROM users WHERE id = $1"
    };
    let found = sqlx::query(sql).bind(chat_id).fetch_optional(&db.pool).await?;
    Ok(found.map(|r| r.try_get::<Option<i64>, _>("kim_id")).transpose()?.flatten())
}

/// One person's answer through one chat (no choices: taken back); an older update
/// never overwrites a newer one (they arrive in no particular order). `vote.voter` is
/// the person's fingerprint in this poll; `user_id` is kept (for `/datasaya`) only
/// while they are a member: a group member who never started the bot leaves a count.
pub async fn record_vote(db: &Db, poll_id: PollId, chat_id: i64, user_id: UserId, vote: &Vote) -> DbResult<()> {
    let choices = vote.choices.iter().map(usize::to_string).collect::<Vec<_>>().join(",");
    sqlx::query(
        "INSERT INTO poll_votes (poll_id, voter, chat_id, kim_id, choices, seq, user_id) \
         VALUES ($1, $2, $3, $4, $5, $6, (SELECT id FROM users WHERE id = $7)) \
         ON CONFLICT (poll_id, voter, chat_id) DO UPDATE SET choices = excluded.choices, kim_id = excluded.kim_id, \
         seq = excluded.seq, user_id = excluded.user_id WHERE poll_votes.seq < excluded.seq",
    )
    .bind(poll_id)
    .bind(vote.voter)
    .bind(chat_id)
    .bind(vote.kim_id)
    .bind(choices)
    .bind(vote.seq)
    .bind(user_id)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// Replaces the Telegram ids that answers stored before fingerprints held (`voter > 0`)
/// with the fingerprints; run at start-up, before any update is handled. Returns how
/// many answers were rekeyed.
pub async fn rekey_voters(db: &Db, now: i64) -> DbResult<u64> {
    let select = "SELECT id, poll_id AS item, voter AS user_id FROM poll_votes WHERE voter > 0 ORDER BY id LIMIT 500";
    fingerprint::rekey(db, now, Scope::Poll, select, "UPDATE poll_votes SET voter = $1 WHERE id = $2").await
}

/// Telegram's totals of an anonymous copy as of update `seq` (a later one wins).
pub async fn record_totals(db: &Db, poll_id: PollId, chat_id: i64, totals: &ChatTotals, seq: i64, now: i64) -> DbResult<()> {
    let counts = totals.counts.iter().map(u64::to_string).collect::<Vec<_>>().join(",");
    sqlx::query(
        "INSERT INTO poll_chat_totals (poll_id, chat_id, kim_id, counts, voters, seq, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7) \
         ON CONFLICT (poll_id, chat_id) DO UPDATE SET counts = excluded.counts, voters = excluded.voters, seq = excluded.seq, \
         updated_at = excluded.updated_at WHERE poll_chat_totals.seq < excluded.seq",
    )
    .bind(poll_id)
    .bind(chat_id)
    .bind(totals.kim_id)
    .bind(counts)
    .bind(totals.voters as i64)
    .bind(seq)
    .bind(now)
    .execute(&db.pool)
    .await?;
    Ok(())
}

fn numbers<T: std::str::FromStr>(text: &str) -> Vec<T> {
    text.split(',').filter_map(|n| n.parse().ok()).collect()
}

/// Every answer to a poll (all chats).
pub async fn votes(db: &Db, poll_id: i64) -> DbResult<Vec<Vote>> {
    let rows = sqlx::query("SELECT voter, kim_id, choices, seq FROM poll_votes WHERE poll_id = $1").bind(poll_id).fetch_all(&db.pool).await?;
    rows.iter()
        .map(|r| {
            let choices: String = r.try_get("choices")?;
            Ok(Vote { voter: r.try_get("voter")?, kim_id: r.try_get("kim_id")?, choices: numbers(&choices), seq: r.try_get("seq")? })
        })
        .collect()
}

pub async fn anonymous_totals(db: &Db, poll_id: i64) -> DbResult<Vec<ChatTotals>> {
    let rows = sqlx::query("SELECT kim_id, counts, voters FROM poll_chat_totals WHERE poll_id = $1").bind(poll_id).fetch_all(&db.pool).await?;
    rows.iter()
        .map(|r| {
            let counts: String = r.try_get("counts")?;
            Ok(ChatTotals { kim_id: r.try_get("kim_id")?, counts: numbers(&counts), voters: r.try_get::<i64, _>("voters")? as u64 })
        })
        .collect()
}

/// KIM id → (KIM name, kecamatan name), for the breakdown.
pub async fn kim_places(db: &Db) -> DbResult<HashMap<i64, (String, String)>> {
    let rows = sqlx::query(
        "SELECT k.id, k.name, COALESCE(p.name, a.name) AS kecamatan FROM kims k JOIN areas a ON a.id = k.kelurahan_id \
         LEFT JOIN areas p ON p.id = a.parent_id",
    )
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(|r| Ok((r.try_get("id")?, (r.try_get("name")?, r.try_get("kecamatan")?)))).collect()
}

/// Residents who agreed to programme news, with their KIM's id and area path.
pub async fn news_readers(db: &Db) -> DbResult<Vec<(i64, i64, String)>> {
    let rows = sqlx::query(
        "SELECT u.id, u.kim_id, a.path FROM users u JOIN kims k ON k.id = u.kim_id JOIN areas a ON a.id = k.kelurahan_id \
         WHERE EXISTS (SELECT 1 FROM consents c WHERE c.user_id = u.id AND c.purpose = $1 AND c.withdrawn_at IS NULL) ORDER BY u.id",
    )
    .bind(PURPOSE_NEWS)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(|r| Ok((r.try_get("id")?, r.try_get("kim_id")?, r.try_get("path")?))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows queued before the sources were typed must still be found.
    #[test]
    fn poll_sources_keep_the_strings_already_stored() {
        assert_eq!(source(12), "poll:12");
        assert_eq!(STOP_SOURCE.of(12).to_string(), "poll_stop:12");
        assert_eq!(RESULT_SOURCE.of(12).to_string(), "poll_result:12");
        assert_eq!(SOURCE.id_in("poll:12"), Some(12));
        assert_eq!(SOURCE.id_in("poll_stop:12"), None);
    }
}
