//! SQL of surveys: the survey and its questions, who it reaches, and ending it
//! (once: a conditional update). Responses and answers are in [`super::responses`].

use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};
use crate::kernel::members::{KimId, UserId};

use super::model::{Draft, Kind, Question, Status, SurveyId};
use crate::kernel::members::users::PURPOSE_MEMBERSHIP;
use crate::features::privacy::PURPOSE_NEWS;
use crate::platform::db::{Db, DbResult};

/// A sent survey.
#[derive(Debug, Clone, PartialEq)]
pub struct Survey {
    pub id: SurveyId,
    pub title: String,
    pub author_id: UserId,
    /// Reach: one KIM (`Some`), or everything under `area_path`.
    pub kim_id: Option<i64>,
    /// Reach instead: the registered participants of this training (its feedback form).
    pub training_id: Option<i64>,
    pub area_path: String,
    pub reach_name: String,
    pub status: Status,
    pub closes_at: i64,
    pub sent_count: i64,
    pub created_at: i64,
    /// Reach instead: only the people invited by name ([`super::people`]).
    pub named: bool,
}

impl Survey {
    /// Open and not past its closing time.
    pub fn accepts_answers(&self, now: i64) -> bool {
        self.status == Status::Open && now < self.closes_at
    }

    /// The status as people should see it: an open survey past its closing time is closed.
    pub fn shown_status(&self, now: i64) -> Status {
        if self.status == Status::Open && now >= self.closes_at { Status::Closed } else { self.status }
    }

    /// Whether a resident of `kim_id` living under `path` is within its reach (a
    /// training's form: see [`may_answer`]).
    pub fn reaches(&self, kim_id: KimId, path: &str) -> bool {
        match self.kim_id {
            Some(k) => k == kim_id.get(),
            None => crate::kernel::members::covers(&self.area_path, path),
        }
    }
}

/// A stored question with its id (what answers point at) and 1-based position.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredQuestion {
    pub id: i64,
    pub position: i64,
    pub q: Question,
}

/// Where a new survey goes.
#[derive(Debug, Clone, PartialEq)]
pub struct Reach {
    pub kim_id: Option<i64>,
    pub training_id: Option<i64>,
    pub area_id: Option<i64>,
    pub area_path: String,
    pub name: String,
}

pub(super) const COLUMNS: &str =
    "SELECT id, title, author_id, kim_id, training_id, area_path, reach_name, status, closes_at, sent_count, created_at, named FROM surveys";

pub(super) fn row(r: &AnyRow) -> DbResult<Survey> {
    Ok(Survey {
        id: r.try_get("id")?,
        title: r.try_get("title")?,
        author_id: r.try_get("author_id")?,
        kim_id: r.try_get("kim_id")?,
        training_id: r.try_get("training_id")?,
        area_path: r.try_get("area_path")?,
        reach_name: r.try_get("reach_name")?,
        status: Status::parse(&r.try_get::<String, _>("status")?),
        closes_at: r.try_get("closes_at")?,
        sent_count: r.try_get("sent_count")?,
        created_at: r.try_get("created_at")?,
        named: r.try_get::<i64, _>("named")? != 0,
    })
}

/// Stores a drafted survey, open, with its questions, inside the caller's transaction
/// (which also queues the invitations).
pub async fn create(tx: &mut Transaction<'_, Any>, draft: &Draft, author: UserId, reach: &Reach, closes_at: i64, now: i64) -> DbResult<SurveyId> {
    let id: SurveyId = sqlx::query(
        "INSERT INTO surveys (title, author_id, kim_id, area_id, training_id, area_path, reach_name, status, closes_at, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', $8, $9) RETURNING id",
    )
    .bind(&draft.title)
    .bind(author)
    .bind(reach.kim_id)
    .bind(reach.area_id)
    .bind(reach.training_id)
    .bind(&reach.area_path)
    .bind(&reach.name)
    .bind(closes_at)
    .bind(now)
    .fetch_one(&mut **tx)
    .await?
    .try_get("id")?;
    for (i, q) in draft.questions.iter().enumerate() {
        sqlx::query("INSERT INTO survey_questions (survey_id, position, kind, prompt, options) VALUES ($1, $2, $3, $4, $5)")
            .bind(id)
            .bind(i as i64 + 1)
            .bind(q.kind.code())
            .bind(&q.prompt)
            .bind(q.options.join("\n"))
            .execute(&mut **tx)
            .await?;
    }
    Ok(id)
}

pub async fn set_sent_count(tx: &mut Transaction<'_, Any>, id: SurveyId, n: i64) -> DbResult<()> {
    sqlx::query("UPDATE surveys SET sent_count = $1 WHERE id = $2").bind(n).bind(id).execute(&mut **tx).await?;
    Ok(())
}

pub async fn get(db: &Db, id: SurveyId) -> DbResult<Option<Survey>> {
    let r = sqlx::query(sqlx::AssertSqlSafe(format!("{COLUMNS} WHERE id = $1"))).bind(id).fetch_optional(&db.pool).await?;
    r.as_ref().map(row).transpose()
}

/// The latest surveys, newest first, after skipping the `offset` newest (the CLI's
/// list, which acts as the office; chat lists go through [`super::listing`]).
pub async fn latest(db: &Db, limit: i64, offset: i64) -> DbResult<Vec<Survey>> {
    let sql = format!("{COLUMNS} ORDER BY id DESC LIMIT $1 OFFSET $2");
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(limit).bind(offset).fetch_all(&db.pool).await?;
    rows.iter().map(row).collect()
}

/// Surveys open at `now`, newest first.
pub async fn open_now(db: &Db, now: i64) -> DbResult<Vec<Survey>> {
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!("{COLUMNS} WHERE status = 'open' AND closes_at > $1 ORDER BY id DESC")))
        .bind(now)
        .fetch_all(&db.pool)
        .await?;
    rows.iter().map(row).collect()
}

pub async fn questions(db: &Db, survey_id: SurveyId) -> DbResult<Vec<StoredQuestion>> {
    let rows = sqlx::query("SELECT id, position, kind, prompt, options FROM survey_questions WHERE survey_id = $1 ORDER BY position")
        .bind(survey_id)
        .fetch_all(&db.pool)
        .await?;
    rows.iter()
        .map(|r| {
            let options: String = r.try_get("options")?;
            let kind: String = r.try_get("kind")?;
            Ok(StoredQuestion {
                id: r.try_get("id")?,
                position: r.try_get("position")?,
                q: Question {
                    kind: Kind::parse(&kind).unwrap_or(Kind::Text),
                    prompt: r.try_get("prompt")?,
                    options: options.lines().map(String::from).collect(),
                },
            })
        })
        .collect()
}

/// Someone to invite, with the language to write in.
#[derive(Debug, Clone, PartialEq)]
pub struct Recipient {
    pub user_id: i64,
    pub language: String,
}

/// Members within the reach whose consents to membership and to programme news both
/// stand (`/berhenti` or erasure ends them); for a training's form, its registered
/// participants who are still members (they signed up for the training, so its
/// feedback form is part of it, not programme news).
pub async fn recipients(db: &Db, reach: &Reach) -> DbResult<Vec<Recipient>> {
    if let Some(training) = reach.training_id {
        return participants(db, training).await;
    }
    let rows = sqlx::query(
        "SELECT u.id, u.language, u.kim_id, a.path FROM users u JOIN kims k ON k.id = u.kim_id \
         JOIN areas a ON a.id = k.kelurahan_id \
         WHERE EXISTS (SELECT 1 FROM consents c WHERE c.user_id = u.id AND c.purpose = $1 AND c.withdrawn_at IS NULL) \
           AND EXISTS (SELECT 1 FROM consents c WHERE c.user_id = u.id AND c.purpose = $2 AND c.withdrawn_at IS NULL) \
         ORDER BY u.id",
    )
    .bind(PURPOSE_MEMBERSHIP)
    .bind(PURPOSE_NEWS)
    .fetch_all(&db.pool)
    .await?;
    let mut out = Vec::new();
    for r in rows {
        let within = match reach.kim_id {
            Some(k) => r.try_get::<i64, _>("kim_id")? == k,
            None => crate::kernel::members::covers(&reach.area_path, &r.try_get::<String, _>("path")?),
        };
        if within {
            out.push(Recipient { user_id: r.try_get("id")?, language: r.try_get("language")? });
        }
    }
    Ok(out)
}

async fn participants(db: &Db, training: i64) -> DbResult<Vec<Recipient>> {
    let seated = crate::features::trainings::store::seated_members(db, training).await?;
    Ok(seated.into_iter().map(|(user_id, language)| Recipient { user_id, language }).collect())
}

/// Whether `user_id` (a resident of `kim_id` under `path`) may answer `s`: within
/// its reach, registered for its training, or invited by name.
pub async fn may_answer(db: &Db, s: &Survey, user_id: UserId, kim_id: KimId, path: &str) -> DbResult<bool> {
    if s.named {
        return super::people::is_invited(db, s.id, user_id).await;
    }
    let Some(training) = s.training_id else { return Ok(s.reaches(kim_id, path)) };
    crate::features::trainings::store::is_seated(db, training, user_id).await
}

/// Closes or recalls an open survey, once: `false` when it was no longer open (a
/// double tap, another process, or the other action first).
pub async fn end(db: &Db, id: SurveyId, to: Status, by: UserId, now: i64) -> DbResult<bool> {
    let done = sqlx::query("UPDATE surveys SET status = $1, ended_at = $2, ended_by = $3 WHERE id = $4 AND status = 'open'")
        .bind(to.code())
        .bind(now)
        .bind(by)
        .bind(id)
        .execute(&db.pool)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Drops the invitations of a recalled survey that have not gone out yet.
pub async fn drop_unsent(db: &Db, id: SurveyId) -> DbResult<u64> {
    let done = sqlx::query("DELETE FROM outbox WHERE source = $1 AND status = 'queued'").bind(source(id)).execute(&db.pool).await?;
    Ok(done.rows_affected())
}

/// The outbox source of a survey's invitations (`survey:<id>`).
pub const SOURCE: crate::platform::delivery::outbox::SourceKind = crate::platform::delivery::outbox::SourceKind::new("survey");

/// The outbox `source` of a survey's invitations.
pub fn source(id: SurveyId) -> String {
    SOURCE.of(id.get()).to_string()
}
