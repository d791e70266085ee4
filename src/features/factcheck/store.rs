//! SQL of cek fakta: requests with their per-year number, the open queue, verdicts
//! (given once: a conditional update), and finding an earlier verdict again.

use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};
use crate::kernel::members::UserId;

use super::model::{Verdict, check_number};
use crate::features::webhooks;
use crate::platform::db::{Db, DbResult};

/// A message to be checked, as received.
#[derive(Debug, Clone, PartialEq)]
pub struct NewCheck {
    pub user_id: i64,
    pub kim_id: i64,
    pub area_path: String,
    pub body: String,
    pub link: Option<String>,
    pub photo: Option<String>,
    pub content_hash: String,
}

/// A verdict with its explanation.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub verdict: Verdict,
    pub explanation: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    pub id: i64,
    pub number: String,
    pub user_id: i64,
    pub kim_id: i64,
    pub area_path: String,
    pub body: String,
    pub link: Option<String>,
    pub photo: Option<String>,
    pub answer: Option<Answer>,
    /// The claim checked, in staff's words (see [`name_claim`]).
    pub claim: Option<String>,
    pub created_at: i64,
}

const COLUMNS: &str = "SELECT id, number, user_id, kim_id, area_path, body, link, photo, verdict, explanation, claim, created_at FROM fact_checks";

fn row(r: &AnyRow) -> DbResult<Check> {
    let verdict: Option<String> = r.try_get("verdict")?;
    let explanation: Option<String> = r.try_get("explanation")?;
    let answer = match (verdict.as_deref().and_then(Verdict::parse), explanation) {
        (Some(verdict), Some(explanation)) => Some(Answer { verdict, explanation }),
        _ => None,
    };
    Ok(Check {
        id: r.try_get("id")?,
        number: r.try_get("number")?,
        user_id: r.try_get("user_id")?,
        kim_id: r.try_get("kim_id")?,
        area_path: r.try_get("area_path")?,
        body: r.try_get("body")?,
        link: r.try_get("link")?,
        photo: r.try_get("photo")?,
        answer,
        claim: r.try_get("claim")?,
        created_at: r.try_get("created_at")?,
    })
}

/// Stores a request under the next number of `year`; `known` answers it at once
/// (the same rumour was checked before), by the staff member who answered that, and
/// queues its `factcheck.verdict` webhooks in the same transaction.
pub async fn create(db: &Db, new: &NewCheck, year: i32, now: i64, known: Option<(&Answer, i64)>) -> DbResult<Check> {
    let mut tx = db.begin().await?;
    let seq: i64 = sqlx::query(
        "INSERT INTO fact_check_counters (year, last_seq) VALUES ($1, 1) \
         ON CONFLICT (year) DO UPDATE SET last_seq = fact_check_counters.last_seq + 1 RETURNING last_seq",
    )
    .bind(i64::from(year))
    .fetch_one(&mut *tx)
    .await?
    .try_get("last_seq")?;
    let number = check_number(year, seq);
    let (status, verdict, explanation, by, at) = match known {
        Some((a, by)) => ("answered", Some(a.verdict.code()), Some(a.explanation.clone()), Some(by), Some(now)),
        None => ("open", None, None, None, None),
    };
    let id: i64 = sqlx::query(
        "INSERT INTO fact_checks (number, user_id, kim_id, area_path, body, link, photo, content_hash, status, verdict, \
         explanation, answered_by, created_at, answered_at, repeat) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id",
    )
    .bind(&number)
    .bind(new.user_id)
    .bind(new.kim_id)
    .bind(&new.area_path)
    .bind(&new.body)
    .bind(&new.link)
    .bind(&new.photo)
    .bind(&new.content_hash)
    .bind(status)
    .bind(verdict)
    .bind(explanation)
    .bind(by)
    .bind(now)
    .bind(at)
    .bind(i64::from(known.is_some()))
    .fetch_one(&mut *tx)
    .await?
    .try_get("id")?;
    if known.is_some() {
        webhooks::store::enqueue(&mut tx, &super::webhook::verdict(id), now).await?;
    }
    tx.commit().await?;
    Ok(get(db, id).await?.expect("the row just inserted"))
}

pub async fn get(db: &Db, id: i64) -> DbResult<Option<Check>> {
    let r = sqlx::query(sqlx::AssertSqlSafe(format!("{COLUMNS} WHERE id = $1"))).bind(id).fetch_optional(&db.pool).await?;
    r.as_ref().map(row).transpose()
}

/// An earlier staff verdict on the same content, and the request it was given on.
#[derive(Debug, Clone, PartialEq)]
pub struct Known {
    pub answer: Answer,
    /// The staff member who gave it (0 once erased).
    pub by: i64,
    /// The request the verdict was given on (`CEK-…`) and when it was given.
    pub number: String,
    pub answered_at: i64,
}

/// The latest staff verdict on the same content: the same normalised text (a link sent
/// alone is keyed by the link, see [`content_hash`](super::model::content_hash)). A
/// shared link alone is not the same content: a hoax may cite an official page. Repeats
/// answered at once are skipped, so the earlier request cited is one staff checked (of
/// those one verdict answered together, the first that asked).
pub async fn known_answer(db: &Db, content_hash: &str) -> DbResult<Option<Known>> {
    let r = sqlx::query(
        "SELECT number, verdict, explanation, answered_by, answered_at FROM fact_checks WHERE status = 'answered' \
         AND repeat = 0 AND content_hash = $1 ORDER BY answered_at DESC, id ASC LIMIT 1",
    )
    .bind(content_hash)
    .fetch_optional(&db.pool)
    .await?;
    let Some(r) = r else { return Ok(None) };
    let verdict: String = r.try_get("verdict")?;
    let Some(verdict) = Verdict::parse(&verdict) else { return Ok(None) };
    let by: Option<i64> = r.try_get("answered_by")?;
    let answered_at: Option<i64> = r.try_get("answered_at")?;
    Ok(Some(Known {
        answer: Answer { verdict, explanation: r.try_get("explanation")? },
        by: by.unwrap_or(0),
        number: r.try_get("number")?,
        answered_at: answered_at.unwrap_or_default(),
    }))
}

/// Other requests citing the same link with different text, newest first: a hint for
/// staff ("mirip CEK-…"), never an answer. Repeats answered at once are left out.
pub async fn similar(db: &Db, check: &Check, limit: i64) -> DbResult<Vec<(String, Option<Verdict>)>> {
    let Some(link) = &check.link else { return Ok(Vec::new()) };
    let rows = sqlx::query(
        "SELECT number, verdict FROM fact_checks WHERE link = $1 AND id <> $2 AND repeat = 0 \
         AND content_hash <> (SELECT content_hash FROM fact_checks WHERE id = $2) ORDER BY id DESC LIMIT $3",
    )
    .bind(link)
    .bind(check.id)
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            let verdict: Option<String> = r.try_get("verdict")?;
            Ok((r.try_get("number")?, verdict.as_deref().and_then(Verdict::parse)))
        })
        .collect()
}

/// How many requests `user_id` sent to staff since `since` (repeats answered at once
/// cost staff nothing and are not counted), and when the oldest of them was sent.
pub async fn sent_since(db: &Db, user_id: UserId, since: i64) -> DbResult<(i64, Option<i64>)> {
    let r = sqlx::query(
        "SELECT COUNT(*) AS n, MIN(created_at) AS oldest FROM fact_checks WHERE user_id = $1 AND repeat = 0 AND created_at > $2",
    )
    .bind(user_id)
    .bind(since)
    .fetch_one(&db.pool)
    .await?;
    Ok((r.try_get("n")?, r.try_get("oldest")?))
}

/// Every request of `user_id`, oldest first (for `/datasaya`).
pub async fn of_user(db: &Db, user_id: UserId) -> DbResult<Vec<Check>> {
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!("{COLUMNS} WHERE user_id = $1 ORDER BY id"))).bind(user_id).fetch_all(&db.pool).await?;
    rows.iter().map(row).collect()
}

/// Open requests after `after_id`, oldest first (the caller keeps those in scope).
pub async fn open_after(db: &Db, after_id: i64, limit: i64) -> DbResult<Vec<Check>> {
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!("{COLUMNS} WHERE status = 'open' AND id > $1 ORDER BY id LIMIT $2")))
        .bind(after_id)
        .bind(limit)
        .fetch_all(&db.pool)
        .await?;
    rows.iter().map(row).collect()
}

/// Gives the verdict on `id` and on every other open request with the same content,
/// once: `None` when `id` was answered already (by someone else, or a double tap).
/// Returns the requests answered, for telling their residents. Each one's
/// `factcheck.verdict` webhooks are queued in the verdict's own transaction.
pub async fn answer(db: &Db, id: i64, answer: &Answer, by: UserId, now: i64) -> DbResult<Option<Vec<Check>>> {
    let mut tx = db.begin().await?;
    let hash: Option<String> = sqlx::query("SELECT content_hash FROM fact_checks WHERE id = $1 AND status = 'open'")
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?
        .map(|r| r.try_get("content_hash"))
        .transpose()?;
    let Some(hash) = hash else { return Ok(None) };
    let ids = set_answer(&mut tx, &hash, id, answer, by, now).await?;
    for answered in &ids {
        webhooks::store::enqueue(&mut tx, &super::webhook::verdict(*answered), now).await?;
    }
    tx.commit().await?;
    let mut told = Vec::with_capacity(ids.len());
    for id in ids {
        told.extend(get(db, id).await?);
    }
    Ok(Some(told))
}

/// Staff name the claim of open request `id` before giving its verdict; the verdict
/// carries it to the other requests it answers. False when `id` is no longer open.
pub async fn name_claim(db: &Db, id: i64, claim: &str) -> DbResult<bool> {
    let done = sqlx::query("UPDATE fact_checks SET claim = $1 WHERE id = $2 AND status = 'open'").bind(claim).bind(id).execute(&db.pool).await?;
    Ok(done.rows_affected() == 1)
}

async fn set_answer(tx: &mut Transaction<'_, Any>, hash: &str, id: i64, answer: &Answer, by: UserId, now: i64) -> DbResult<Vec<i64>> {
    let rows = sqlx::query(
        "UPDATE fact_checks SET status = 'answered', verdict = $1, explanation = $2, answered_by = $3, answered_at = $4, \
         claim = (SELECT c.claim FROM fact_checks c WHERE c.id = $5) \
         WHERE status = 'open' AND (id = $5 OR content_hash = $6) RETURNING id",
    )
    .bind(answer.verdict.code())
    .bind(&answer.explanation)
    .bind(by)
    .bind(now)
    .bind(id)
    .bind(hash)
    .fetch_all(&mut **tx)
    .await?;
    rows.iter().map(|r| r.try_get("id").map_err(Into::into)).collect()
}

/// The latest staff verdicts, newest first, one per content (for `/cekfakta daftar`):
/// repeats answered at once would list the same verdict again.
pub async fn latest_answered(db: &Db, limit: i64) -> DbResult<Vec<Check>> {
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "{COLUMNS} WHERE id IN (SELECT MAX(id) FROM fact_checks WHERE status = 'answered' AND repeat = 0 GROUP BY content_hash) \
         ORDER BY answered_at DESC, id DESC LIMIT $1"
    )))
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(row).collect()
}
