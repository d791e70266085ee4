//! SQL of answering: one response per resident and survey (a unique row claimed with
//! `ON CONFLICT DO NOTHING`), answers saved one question at a time (each once), and
//! the submission (a conditional update, so a double tap submits once).

use sqlx::Row;
use crate::kernel::members::UserId;

use super::model::SurveyId;
use crate::platform::db::{Db, DbResult};
use crate::platform::fingerprint::{self, Scope};

/// A resident's response to one survey.
#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    pub id: i64,
    pub submitted: bool,
}

pub async fn find(db: &Db, survey_id: SurveyId, user_id: UserId) -> DbResult<Option<Response>> {
    let r = sqlx::query("SELECT id, submitted_at FROM survey_responses WHERE survey_id = $1 AND user_id = $2")
        .bind(survey_id)
        .bind(user_id)
        .fetch_optional(&db.pool)
        .await?;
    r.map(|r| Ok(Response { id: r.try_get("id")?, submitted: r.try_get::<Option<i64>, _>("submitted_at")?.is_some() })).transpose()
}

/// A response kept after its respondent erased their data (`$1` survey, `$2`
/// fingerprint), answers first.
const DROP_ERASED: [&str; 2] = [
    "DELETE FROM survey_answers WHERE response_id IN \
     (SELECT id FROM survey_responses WHERE survey_id = $1 AND respondent = $2 AND user_id IS NULL)",
    "DELETE FROM survey_responses WHERE survey_id = $1 AND respondent = $2 AND user_id IS NULL",
];

/// The resident's response, started now unless one exists. A response this person
/// gave before erasing their data (found by its fingerprint, no longer by id) is
/// replaced: they may answer again, and only the new answer counts.
pub async fn start(db: &Db, survey_id: SurveyId, user_id: UserId, area_path: &str, now: i64) -> DbResult<Response> {
    let respondent = fingerprint::of(&fingerprint::secret(db, now).await?, Scope::Survey, survey_id.get(), user_id);
    let mut tx = db.begin().await?;
    for sql in DROP_ERASED {
        sqlx::query(sql).bind(survey_id).bind(respondent).execute(&mut *tx).await?;
    }
    sqlx::query(
        "INSERT INTO survey_responses (survey_id, user_id, respondent, area_path, started_at) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT DO NOTHING",
    )
    .bind(survey_id)
    .bind(user_id)
    .bind(respondent)
    .bind(area_path)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(find(db, survey_id, user_id).await?.expect("the response just claimed"))
}

/// Gives responses stored before fingerprints their fingerprint; run at start-up.
pub async fn rekey(db: &Db, now: i64) -> DbResult<u64> {
    let select = "SELECT id, survey_id AS item, user_id FROM survey_responses \
                  WHERE respondent IS NULL AND user_id IS NOT NULL ORDER BY id LIMIT 500";
    fingerprint::rekey(db, now, Scope::Survey, select, "UPDATE survey_responses SET respondent = $1 WHERE id = $2").await
}

/// Ids of the questions answered so far.
pub async fn answered(db: &Db, response_id: i64) -> DbResult<Vec<i64>> {
    let rows = sqlx::query("SELECT question_id FROM survey_answers WHERE response_id = $1")
        .bind(response_id)
        .fetch_all(&db.pool)
        .await?;
    rows.iter().map(|r| r.try_get("question_id").map_err(Into::into)).collect()
}

/// What was answered: an option index or scale value, or a text.
#[derive(Debug, Clone, PartialEq)]
pub enum Given {
    Choice(i64),
    Text(String),
}

/// Saves one answer, once: `false` when that question was answered already (a stale
/// or repeated press) or the response is submitted.
pub async fn save(db: &Db, response_id: i64, question_id: i64, given: &Given, now: i64) -> DbResult<bool> {
    let (choice, text) = match given {
        Given::Choice(n) => (Some(*n), None),
        Given::Text(s) => (None, Some(s.as_str())),
    };
    let saved = sqlx::query(
        "INSERT INTO survey_answers (response_id, question_id, choice, answer, answered_at) \
         SELECT $1, $2, $3, $4, $5 WHERE EXISTS (SELECT 1 FROM survey_responses WHERE id = $1 AND submitted_at IS NULL) \
         ON CONFLICT (response_id, question_id) DO NOTHING RETURNING response_id",
    )
    .bind(response_id)
    .bind(question_id)
    .bind(choice)
    .bind(text)
    .bind(now)
    .fetch_optional(&db.pool)
    .await?;
    Ok(saved.is_some())
}

/// Marks the response submitted, once.
pub async fn submit(db: &Db, response_id: i64, now: i64) -> DbResult<bool> {
    let done = sqlx::query("UPDATE survey_responses SET submitted_at = $1 WHERE id = $2 AND submitted_at IS NULL")
        .bind(now)
        .bind(response_id)
        .execute(&db.pool)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Submitted responses of a survey.
pub async fn count_submitted(db: &Db, survey_id: SurveyId) -> DbResult<i64> {
    let r = sqlx::query("SELECT COUNT(*) AS n FROM survey_responses WHERE survey_id = $1 AND submitted_at IS NOT NULL")
        .bind(survey_id)
        .fetch_one(&db.pool)
        .await?;
    Ok(r.try_get("n")?)
}

/// Ids of the surveys the resident has submitted (for `/survei`'s list).
pub async fn submitted_by(db: &Db, user_id: UserId) -> DbResult<Vec<SurveyId>> {
    let rows = sqlx::query("SELECT survey_id FROM survey_responses WHERE user_id = $1 AND submitted_at IS NOT NULL")
        .bind(user_id)
        .fetch_all(&db.pool)
        .await?;
    rows.iter().map(|r| r.try_get("survey_id").map_err(Into::into)).collect()
}
