//! SQL of announcements, their runs and deliveries. Every state change that two
//! processes could race on is a conditional UPDATE (claims, pause, cancel).

use chrono_tz::Tz;
use sqlx::Row;
use crate::kernel::members::UserId;

use crate::kernel::audience::cron::CronExpr;
use super::model::{Announcement, AnnouncementId, Content, Media, Schedule, Status, Target};
use crate::platform::db::{Db, DbError, DbResult};

pub type Tx = sqlx::Transaction<'static, sqlx::Any>;

/// What the compose dialogue hands over to be saved.
#[derive(Debug, Clone)]
pub struct NewAnnouncement {
    pub author_id: i64,
    pub kim_id: Option<i64>,
    pub area_path: String,
    pub content: Content,
    pub target: Target,
    pub target_name: String,
    pub schedule: Schedule,
    pub tz: Tz,
    pub first_run: i64,
    /// The author turned the WhatsApp share button off.
    pub share_off: bool,
    /// A cek fakta clarification (forum groups may give those their own topic).
    pub clarification: bool,
}

pub async fn insert(db: &Db, new: &NewAnnouncement, now: i64) -> DbResult<i64> {
    let entities = serde_json::to_string(&new.content.entities).map_err(|e| DbError::Corrupt(e.to_string()))?;
    let cron = match &new.schedule {
        Schedule::Cron(expr) => Some(expr.quartz().to_string()),
        _ => None,
    };
    let row = sqlx::query(
        "INSERT INTO announcements (author_id, kim_id, area_path, text, entities, media_kind, media_file_id, \
         target_kind, target_ref, target_name, schedule_kind, cron, tz, status, next_run_at, created_at, updated_at, \
         share_off, clarification) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'scheduled', $14, $15, $15, $16, $17) RETURNING id",
    )
    .bind(new.author_id)
    .bind(new.kim_id)
    .bind(&new.area_path)
    .bind(&new.content.text)
    .bind(entities)
    .bind(new.content.media.as_ref().map(Media::kind))
    .bind(new.content.media.as_ref().map(|m| m.file_id().to_string()))
    .bind(new.target.kind())
    .bind(new.target.reference())
    .bind(&new.target_name)
    .bind(new.schedule.kind())
    .bind(cron)
    .bind(new.tz.name())
    .bind(new.first_run)
    .bind(now)
    .bind(i64::from(new.share_off))
    .bind(i64::from(new.clarification))
    .fetch_one(&db.pool)
    .await?;
    Ok(row.try_get("id")?)
}

const COLUMNS: &str = "SELECT id, author_id, kim_id, area_path, text, entities, media_kind, media_file_id, \
     target_kind, target_ref, target_name, schedule_kind, cron, tz, status, next_run_at, runs, last_run_at, \
     last_late, share_off, clarification FROM announcements";

#[derive(sqlx::FromRow)]
struct AnnRow {
    id: i64,
    author_id: i64,
    kim_id: Option<i64>,
    area_path: String,
    text: String,
    entities: String,
    media_kind: Option<String>,
    media_file_id: Option<String>,
    target_kind: String,
    target_ref: String,
    target_name: String,
    schedule_kind: String,
    cron: Option<String>,
    tz: String,
    status: String,
    next_run_at: Option<i64>,
    runs: i64,
    last_run_at: Option<i64>,
    last_late: i64,
    share_off: i64,
    clarification: i64,
}

impl AnnRow {
    fn into_model(self) -> DbResult<Announcement> {
        let corrupt = |what: &str| DbError::Corrupt(format!("announcement {}: bad {what}", self.id));
        let schedule = match (self.schedule_kind.as_str(), &self.cron) {
            ("now", _) => Schedule::Now,
            ("at", _) => Schedule::At(self.next_run_at.unwrap_or_default()),
            ("cron", Some(expr)) => Schedule::Cron(CronExpr::from_quartz(expr).map_err(|_| corrupt("cron"))?),
            _ => return Err(corrupt("schedule")),
        };
        Ok(Announcement {
            id: self.id,
            author_id: UserId(self.author_id),
            kim_id: self.kim_id,
            content: Content {
                entities: serde_json::from_str(&self.entities).map_err(|_| corrupt("entities"))?,
                media: Media::from_parts(self.media_kind.as_deref(), self.media_file_id.clone()),
                text: self.text.clone(),
            },
            target: Target::parse(&self.target_kind, &self.target_ref).ok_or_else(|| corrupt("target"))?,
            tz: self.tz.parse().map_err(|_| corrupt("tz"))?,
            status: Status::parse(&self.status).ok_or_else(|| corrupt("status"))?,
            schedule,
            area_path: self.area_path,
            target_name: self.target_name,
            next_run_at: self.next_run_at,
            runs: self.runs,
            last_run_at: self.last_run_at,
            last_late: self.last_late != 0,
            share_off: self.share_off != 0,
            clarification: self.clarification != 0,
        })
    }
}

pub async fn get(db: &Db, id: i64) -> DbResult<Option<Announcement>> {
    let sql = format!("{COLUMNS} WHERE id = $1");
    let row: Option<AnnRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(&db.pool).await?;
    row.map(AnnRow::into_model).transpose()
}

/// The newest `limit` announcements of any status, newest first (the console's list;
/// the caller keeps those the person may manage).
pub async fn newest(db: &Db, limit: i64) -> DbResult<Vec<Announcement>> {
    let sql = format!("{COLUMNS} ORDER BY id DESC LIMIT $1");
    let rows: Vec<AnnRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(limit).fetch_all(&db.pool).await?;
    rows.into_iter().map(AnnRow::into_model).collect()
}

/// Scheduled and paused sends that are still to come, soonest first (for `/jadwal`).
pub async fn pending(db: &Db) -> DbResult<Vec<Announcement>> {
    let sql = format!(
        "{COLUMNS} WHERE status IN ('scheduled', 'paused') AND schedule_kind <> 'now' ORDER BY next_run_at, id"
    );
    let rows: Vec<AnnRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql)).fetch_all(&db.pool).await?;
    rows.into_iter().map(AnnRow::into_model).collect()
}

/// Ids of scheduled announcements due at `now`, oldest due first.
pub async fn due(db: &Db, now: i64, limit: i64) -> DbResult<Vec<i64>> {
    let rows = sqlx::query(
        "SELECT id FROM announcements WHERE status = 'scheduled' AND next_run_at <= $1 ORDER BY next_run_at, id LIMIT $2",
    )
    .bind(now)
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(|r| Ok(r.try_get("id")?)).collect()
}

/// How a claim leaves the row: the next due time (or none), and the status after.
pub struct Claim {
    pub id: i64,
    pub due: i64,
    pub next: Option<i64>,
    pub late: bool,
}

/// Takes one due run: only the caller whose `due` still matches wins, so two
/// processes never fire the same run. Returns the run number.
pub async fn claim(tx: &mut Tx, c: &Claim, now: i64) -> DbResult<Option<i64>> {
    let status = if c.next.is_some() { Status::Scheduled } else { Status::Done };
    let row = sqlx::query(
        "UPDATE announcements SET next_run_at = $1, status = $2, runs = runs + 1, last_run_at = $3, \
         last_late = $4, updated_at = $3 \
         WHERE id = $5 AND status = 'scheduled' AND next_run_at = $6 RETURNING runs",
    )
    .bind(c.next)
    .bind(status.as_str())
    .bind(now)
    .bind(i64::from(c.late))
    .bind(c.id)
    .bind(c.due)
    .fetch_optional(&mut **tx)
    .await?;
    row.map(|r| r.try_get("runs")).transpose().map_err(Into::into)
}

/// Stops a scheduled or paused announcement for good.
pub async fn cancel(db: &Db, id: i64, now: i64) -> DbResult<bool> {
    let done = sqlx::query(
        "UPDATE announcements SET status = 'cancelled', next_run_at = NULL, updated_at = $1 \
         WHERE id = $2 AND status IN ('scheduled', 'paused')",
    )
    .bind(now)
    .bind(id)
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Holds a scheduled announcement; `next_run_at` is left alone so a run being fired
/// at this moment is not undone or repeated.
pub async fn pause(db: &Db, id: i64, now: i64) -> DbResult<bool> {
    let done = sqlx::query(
        "UPDATE announcements SET status = 'paused', updated_at = $1 WHERE id = $2 AND status = 'scheduled'",
    )
    .bind(now)
    .bind(id)
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Lets a paused announcement run again from `next` (paused rows are never fired, so
/// setting the time here cannot race the scheduler), answered for by `author` from
/// now on (see [`super::handover::author_on_resume`]).
pub async fn resume(db: &Db, id: AnnouncementId, next: Option<i64>, author: i64, now: i64) -> DbResult<bool> {
    let status = if next.is_some() { Status::Scheduled } else { Status::Done };
    let done = sqlx::query(
        "UPDATE announcements SET status = $1, next_run_at = $2, updated_at = $3, author_id = $4 \
         WHERE id = $5 AND status = 'paused'",
    )
    .bind(status.as_str())
    .bind(next)
    .bind(now)
    .bind(author)
    .bind(id)
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected() == 1)
}


/// The run time of the most overdue scheduled announcement (`None`: none due): the
/// scheduler's backlog, as `/metrics` reports it.
pub fn oldest_due(db: &Db, now: i64) -> std::pin::Pin<Box<dyn std::future::Future<Output = DbResult<Option<i64>>> + Send + '_>> {
    Box::pin(async move {
        let due: Option<i64> = sqlx::query("SELECT MIN(next_run_at) FROM announcements WHERE status = 'scheduled' AND next_run_at <= $1")
            .bind(now)
            .fetch_one(&db.pool)
            .await?
            .try_get(0)?;
        Ok(due)
    })
}
