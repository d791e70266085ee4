//! SQL of verdict rounds (`aspiration_verdicts`). Every decision about a round is a
//! conditional UPDATE on the round's own row (`… AND outcome IS NULL`), so a double
//! press, a second process or the job racing the resident changes it once.

use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};
use crate::kernel::members::UserId;

use super::{Outcome, Round};
use crate::features::aspirations::model::AspirationId;
use crate::platform::db::{Db, DbError, DbResult};

const COLUMNS: &str = "SELECT id, aspiration_id, asked_at, outcome, score, comment, answered_at, reminded_at FROM aspiration_verdicts";

fn round_from(row: &AnyRow) -> DbResult<Round> {
    let outcome: Option<String> = row.try_get("outcome")?;
    let outcome = match outcome {
        Some(code) => Some(Outcome::parse(&code).ok_or_else(|| DbError::Corrupt(format!("verdict outcome {code}")))?),
        None => None,
    };
    Ok(Round {
        id: row.try_get("id")?,
        aspiration_id: row.try_get("aspiration_id")?,
        asked_at: row.try_get("asked_at")?,
        outcome,
        score: row.try_get("score")?,
        comment: row.try_get("comment")?,
        answered_at: row.try_get("answered_at")?,
        reminded_at: row.try_get("reminded_at")?,
    })
}

/// Starts a round for a ticket that just became done; a round still waiting from an
/// earlier closing (undone, then closed again) is set aside as `replaced`.
pub async fn open(tx: &mut Transaction<'_, Any>, aspiration_id: AspirationId, now: i64) -> DbResult<i64> {
    sqlx::query("UPDATE aspiration_verdicts SET outcome = $1, answered_at = $2 WHERE aspiration_id = $3 AND outcome IS NULL")
        .bind(Outcome::Replaced.as_str())
        .bind(now)
        .bind(aspiration_id)
        .execute(&mut **tx)
        .await?;
    let row = sqlx::query("INSERT INTO aspiration_verdicts (aspiration_id, asked_at) VALUES ($1, $2) RETURNING id")
        .bind(aspiration_id)
        .bind(now)
        .fetch_one(&mut **tx)
        .await?;
    Ok(row.try_get("id")?)
}

pub async fn round(db: &Db, id: i64) -> DbResult<Option<Round>> {
    let sql = format!("{COLUMNS} WHERE id = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(&db.pool).await?;
    row.as_ref().map(round_from).transpose()
}

/// The newest round of a ticket that was not set aside: what staff see.
pub async fn latest(db: &Db, aspiration_id: AspirationId) -> DbResult<Option<Round>> {
    let sql = format!("{COLUMNS} WHERE aspiration_id = $1 AND (outcome IS NULL OR outcome <> $2) ORDER BY id DESC LIMIT 1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(aspiration_id)
        .bind(Outcome::Replaced.as_str())
        .fetch_optional(&db.pool)
        .await?;
    row.as_ref().map(round_from).transpose()
}

/// Records the score unless the round was already decided.
pub async fn claim_rating(tx: &mut Transaction<'_, Any>, id: i64, score: u8, now: i64) -> DbResult<bool> {
    let done = sqlx::query("UPDATE aspiration_verdicts SET outcome = $1, score = $2, answered_at = $3 WHERE id = $4 AND outcome IS NULL")
        .bind(Outcome::Rated.as_str())
        .bind(i64::from(score))
        .bind(now)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Adds the one comment to a rated round.
pub async fn add_comment(db: &Db, id: i64, text: &str) -> DbResult<bool> {
    let done = sqlx::query("UPDATE aspiration_verdicts SET comment = $1 WHERE id = $2 AND outcome = $3 AND comment IS NULL")
        .bind(text)
        .bind(id)
        .bind(Outcome::Rated.as_str())
        .execute(&db.pool)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Marks the waiting round of a ticket its resident reopens as `not_solved`; gives its
/// id (`None`: no round was waiting, e.g. a ticket that was refused, not done).
pub async fn close_not_solved(tx: &mut Transaction<'_, Any>, aspiration_id: AspirationId, now: i64) -> DbResult<Option<i64>> {
    let row = sqlx::query("UPDATE aspiration_verdicts SET outcome = $1, answered_at = $2 WHERE aspiration_id = $3 AND outcome IS NULL RETURNING id")
        .bind(Outcome::NotSolved.as_str())
        .bind(now)
        .bind(aspiration_id)
        .fetch_optional(&mut **tx)
        .await?;
    row.map(|r| Ok(r.try_get("id")?)).transpose()
}

/// A waiting round the job looks at, with what its message needs.
#[derive(Debug, Clone)]
pub struct Waiting {
    pub id: i64,
    pub aspiration_id: AspirationId,
    pub ticket: String,
    pub user_id: i64,
    pub reopened: bool,
}

/// Rounds of done tickets asked at or before `asked_before` and still waiting;
/// `unreminded`: only those not reminded yet.
pub async fn waiting(db: &Db, asked_before: i64, unreminded: bool, limit: i64) -> DbResult<Vec<Waiting>> {
    let sql = format!(
        "SELECT v.id, v.aspiration_id, a.ticket, a.user_id, a.reopened_at FROM aspiration_verdicts v \
         JOIN aspirations a ON a.id = v.aspiration_id \
         WHERE v.outcome IS NULL AND v.asked_at <= $1 AND a.status = 'selesai' {} ORDER BY v.id LIMIT $2",
        if unreminded { "AND v.reminded_at IS NULL" } else { "" }
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(asked_before).bind(limit).fetch_all(&db.pool).await?;
    rows.iter()
        .map(|r| {
            Ok(Waiting {
                id: r.try_get("id")?,
                aspiration_id: r.try_get("aspiration_id")?,
                ticket: r.try_get("ticket")?,
                user_id: r.try_get("user_id")?,
                reopened: r.try_get::<Option<i64>, _>("reopened_at")?.is_some(),
            })
        })
        .collect()
}

/// The one reminder of a round, unless it was sent or the round decided meanwhile.
pub async fn claim_reminder(tx: &mut Transaction<'_, Any>, id: i64, now: i64) -> DbResult<bool> {
    let done = sqlx::query("UPDATE aspiration_verdicts SET reminded_at = $1 WHERE id = $2 AND reminded_at IS NULL AND outcome IS NULL")
        .bind(now)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Closes a round without an answer as `unrated`, unless it was decided meanwhile.
pub async fn claim_unrated(tx: &mut Transaction<'_, Any>, id: i64, now: i64) -> DbResult<bool> {
    let done = sqlx::query("UPDATE aspiration_verdicts SET outcome = $1, answered_at = $2 WHERE id = $3 AND outcome IS NULL")
        .bind(Outcome::Unrated.as_str())
        .bind(now)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Erasure: the comments of a person's tickets go (the score stays, it says nothing
/// about who gave it once the ticket is anonymous).
pub async fn erase_comments(tx: &mut Transaction<'static, Any>, user_id: UserId) -> DbResult<u64> {
    let done = sqlx::query(
        "UPDATE aspiration_verdicts SET comment = NULL WHERE comment IS NOT NULL \
         AND aspiration_id IN (SELECT id FROM aspirations WHERE user_id = $1)",
    )
    .bind(user_id)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected())
}

/// `/datasaya`: the decided verdicts on one ticket, oldest first.
pub async fn of_ticket(db: &Db, aspiration_id: AspirationId) -> DbResult<Vec<Round>> {
    let sql = format!("{COLUMNS} WHERE aspiration_id = $1 AND outcome IN ('rated', 'not_solved', 'unrated') ORDER BY id");
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(aspiration_id).fetch_all(&db.pool).await?;
    rows.iter().map(round_from).collect()
}
