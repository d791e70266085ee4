//! SQL of trainings: insert, read with live seat counts, listings for residents and
//! coordinators, participants, attendance and feedback. Seat changes (register,
//! withdraw, waitlist) are in [`super::seats`], where they are made atomic.

use sqlx::Row;
use crate::kernel::members::{KimId, UserId};

use super::form::NewTraining;
use super::model::{Seat, Status, Training, TrainingId, Venue, targets_to_text};
use crate::platform::db::{Db, DbResult};

type Tx = sqlx::Transaction<'static, sqlx::Any>;

/// Every column of [`Training`]; append `WHERE …`.
pub(crate) const SELECT: &str = "SELECT t.id, t.kim_id, t.title, t.organiser, t.description, t.starts_at, t.ends_at, \
     t.place, t.lat_e6, t.lon_e6, t.online_url, t.quota, t.deadline_at, t.targets, t.poster, t.status, \
     k.code AS kim_code, k.name AS kim_name, k.kelurahan_id, a.path AS area_path, k.tz AS kim_tz, \
     (SELECT COUNT(*) FROM training_registrations r WHERE r.training_id = t.id AND r.status = 'registered') AS registered, \
     (SELECT COUNT(*) FROM training_registrations r WHERE r.training_id = t.id AND r.status = 'waitlisted') AS waitlisted \
     FROM trainings t JOIN kims k ON k.id = t.kim_id JOIN areas a ON a.id = k.kelurahan_id";

fn venue_columns(v: &Venue) -> (Option<&str>, Option<i64>, Option<i64>, Option<&str>) {
    match v {
        Venue::Place { text, pin } => (Some(text.as_str()), pin.map(|p| p.0), pin.map(|p| p.1), None),
        Venue::Online { url } => (None, None, None, Some(url.as_str())),
    }
}

pub async fn insert(db: &Db, t: &NewTraining, by: UserId, now: i64) -> DbResult<i64> {
    let (place, lat, lon, url) = venue_columns(&t.venue);
    let row = sqlx::query(
        "INSERT INTO trainings (kim_id, title, organiser, description, starts_at, ends_at, place, lat_e6, lon_e6, \
         online_url, quota, deadline_at, targets, poster, status, created_by, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 'open', $15, $16, $16) RETURNING id",
    )
    .bind(t.kim_id)
    .bind(&t.title)
    .bind(&t.organiser)
    .bind(&t.description)
    .bind(t.starts_at)
    .bind(t.ends_at)
    .bind(place)
    .bind(lat)
    .bind(lon)
    .bind(url)
    .bind(t.quota)
    .bind(t.deadline_at)
    .bind(targets_to_text(&t.targets))
    .bind(t.poster.as_deref())
    .bind(by)
    .bind(now)
    .fetch_one(&db.pool)
    .await?;
    Ok(row.try_get("id")?)
}

pub async fn get(db: &Db, id: i64) -> DbResult<Option<Training>> {
    let sql = format!("{SELECT} WHERE t.id = $1");
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(&db.pool).await?)
}

pub async fn get_in(tx: &mut Tx, id: i64) -> DbResult<Option<Training>> {
    let sql = format!("{SELECT} WHERE t.id = $1");
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(&mut **tx).await?)
}

/// Trainings of a KIM residents can still look at: not cancelled, not started.
pub async fn upcoming_for_kim(db: &Db, kim_id: KimId, now: i64) -> DbResult<Vec<Training>> {
    let sql = format!("{SELECT} WHERE t.kim_id = $1 AND t.status <> 'cancelled' AND t.starts_at > $2 ORDER BY t.starts_at, t.id");
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(kim_id).bind(now).fetch_all(&db.pool).await?)
}

/// Trainings that started after `since` (or are still to come), newest first; the
/// caller keeps those the person may manage.
pub async fn since(db: &Db, since: i64) -> DbResult<Vec<Training>> {
    let sql = format!("{SELECT} WHERE t.starts_at >= $1 ORDER BY t.starts_at DESC, t.id DESC");
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(since).fetch_all(&db.pool).await?)
}

/// Marks a training closed or cancelled if it is in one of the statuses `from`.
/// Returns whether it changed (a second press changes nothing).
pub async fn set_status_in(tx: &mut Tx, id: i64, to: Status, from: &[Status], now: i64) -> DbResult<bool> {
    let mut changed = false;
    for status in from {
        let done = sqlx::query("UPDATE trainings SET status = $1, updated_at = $2 WHERE id = $3 AND status = $4")
            .bind(to.as_str())
            .bind(now)
            .bind(id)
            .bind(status.as_str())
            .execute(&mut **tx)
            .await?;
        changed |= done.rows_affected() == 1;
    }
    Ok(changed)
}

/// Moves a training; a deadline that would fall after the new start is dropped
/// (registration then stays open until the start).
pub async fn reschedule_in(tx: &mut Tx, id: TrainingId, starts_at: i64, ends_at: i64, now: i64) -> DbResult<()> {
    sqlx::query(
        "UPDATE trainings SET starts_at = $1, ends_at = $2, \
         deadline_at = CASE WHEN deadline_at > $1 THEN NULL ELSE deadline_at END, updated_at = $3 WHERE id = $4",
    )
    .bind(starts_at)
    .bind(ends_at)
    .bind(now)
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn set_venue_in(tx: &mut Tx, id: i64, venue: &Venue, now: i64) -> DbResult<()> {
    let (place, lat, lon, url) = venue_columns(venue);
    sqlx::query(
        "UPDATE trainings SET place = $1, lat_e6 = $2, lon_e6 = $3, online_url = $4, updated_at = $5 WHERE id = $6",
    )
    .bind(place)
    .bind(lat)
    .bind(lon)
    .bind(url)
    .bind(now)
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Someone to tell about a change: registered or waitlisted, in their language.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct Recipient {
    pub user_id: i64,
    pub language: String,
    pub status: String,
}

pub async fn audience_in(tx: &mut Tx, training_id: i64) -> DbResult<Vec<Recipient>> {
    Ok(sqlx::query_as(
        "SELECT r.user_id, COALESCE(u.language, 'id') AS language, r.status FROM training_registrations r \
         LEFT JOIN users u ON u.id = r.user_id \
         WHERE r.training_id = $1 AND r.status IN ('registered', 'waitlisted') ORDER BY r.seq",
    )
    .bind(training_id)
    .fetch_all(&mut **tx)
    .await?)
}

/// One line of the participants list and the CSV export.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct Participant {
    pub registration_id: i64,
    pub user_id: i64,
    pub first_name: Option<String>,
    pub username: Option<String>,
    pub status: String,
    pub seq: i64,
    pub attended: Option<i64>,
    pub created_at: i64,
}

/// Registered people in arrival order, then the waitlist in arrival order.
pub async fn participants(db: &Db, training_id: i64) -> DbResult<Vec<Participant>> {
    Ok(sqlx::query_as(
        "SELECT r.id AS registration_id, r.user_id, u.first_name, u.username, r.status, r.seq, r.attended, r.created_at \
         FROM training_registrations r LEFT JOIN users u ON u.id = r.user_id \
         WHERE r.training_id = $1 AND r.status IN ('registered', 'waitlisted') \
         ORDER BY CASE WHEN r.status = 'registered' THEN 0 ELSE 1 END, r.seq",
    )
    .bind(training_id)
    .fetch_all(&db.pool)
    .await?)
}

/// Records presence (`true`) or absence of a registered or waitlisted person;
/// `false` when the registration is not one of this training's (forged or stale
/// button, or withdrawn).
pub async fn mark_attendance(db: &Db, training_id: TrainingId, registration_id: i64, present: bool, now: i64) -> DbResult<bool> {
    let done = sqlx::query(
        "UPDATE training_registrations SET attended = $1, updated_at = $2 \
         WHERE id = $3 AND training_id = $4 AND status IN ('registered', 'waitlisted')",
    )
    .bind(i64::from(present))
    .bind(now)
    .bind(registration_id)
    .bind(training_id)
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A person's own registration, with the training.
#[derive(Debug, Clone, PartialEq)]
pub struct Mine {
    pub training: Training,
    pub seat: Seat,
}

/// My registrations and waitlist places for trainings that have not started.
pub async fn mine(db: &Db, user_id: UserId, now: i64) -> DbResult<Vec<Mine>> {
    let sql = format!(
        "{SELECT} WHERE t.status <> 'cancelled' AND t.starts_at > $1 AND t.id IN \
         (SELECT training_id FROM training_registrations WHERE user_id = $2 AND status IN ('registered', 'waitlisted')) \
         ORDER BY t.starts_at, t.id"
    );
    let trainings: Vec<Training> =
        sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(now).bind(user_id).fetch_all(&db.pool).await?;
    let mut out = Vec::with_capacity(trainings.len());
    for training in trainings {
        if let Some(seat) = seat_of(db, training.id, user_id).await? {
            out.push(Mine { training, seat });
        }
    }
    Ok(out)
}

/// Where a person stands in a training, if registered or waiting.
pub async fn seat_of(db: &Db, training_id: i64, user_id: UserId) -> DbResult<Option<Seat>> {
    let row = sqlx::query(
        "SELECT r.status, (SELECT COUNT(*) FROM training_registrations w WHERE w.training_id = r.training_id \
         AND w.status = 'waitlisted' AND w.seq <= r.seq) AS position \
         FROM training_registrations r WHERE r.training_id = $1 AND r.user_id = $2",
    )
    .bind(training_id)
    .bind(user_id)
    .fetch_optional(&db.pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let status: String = row.try_get("status")?;
    Ok(match status.as_str() {
        "registered" => Some(Seat::Registered),
        "waitlisted" => Some(Seat::Waitlisted(row.try_get("position")?)),
        _ => None,
    })
}

/// Stores (or replaces) a person's rating; only someone who held a seat may rate.
pub async fn rate(db: &Db, training_id: TrainingId, user_id: UserId, rating: i64, now: i64) -> DbResult<bool> {
    let seated = sqlx::query(
        "SELECT 1 AS one FROM training_registrations WHERE training_id = $1 AND user_id = $2 AND status = 'registered'",
    )
    .bind(training_id)
    .bind(user_id)
    .fetch_optional(&db.pool)
    .await?;
    if seated.is_none() {
        return Ok(false);
    }
    sqlx::query(
        "INSERT INTO training_feedback (training_id, user_id, rating, created_at, updated_at) VALUES ($1, $2, $3, $4, $4) \
         ON CONFLICT (training_id, user_id) DO UPDATE SET rating = excluded.rating, updated_at = excluded.updated_at",
    )
    .bind(training_id)
    .bind(user_id)
    .bind(rating)
    .bind(now)
    .execute(&db.pool)
    .await?;
    Ok(true)
}

pub async fn comment(db: &Db, training_id: TrainingId, user_id: UserId, comment: &str, now: i64) -> DbResult<bool> {
    let done = sqlx::query(
        "UPDATE training_feedback SET comment = $1, updated_at = $2 WHERE training_id = $3 AND user_id = $4",
    )
    .bind(comment)
    .bind(now)
    .bind(training_id)
    .bind(user_id)
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The people registered (seated) for training `id` whose membership consent stands,
/// by user id, with their language: whom a training's survey may reach.
pub async fn seated_members(db: &Db, id: i64) -> DbResult<Vec<(i64, String)>> {
    let rows = sqlx::query(
        "SELECT u.id, u.language FROM training_registrations r JOIN users u ON u.id = r.user_id \
         WHERE r.training_id = $1 AND r.status = 'registered' \
           AND EXISTS (SELECT 1 FROM consents c WHERE c.user_id = u.id AND c.purpose = $2 AND c.withdrawn_at IS NULL) \
         ORDER BY u.id",
    )
    .bind(id)
    .bind(crate::kernel::members::users::PURPOSE_MEMBERSHIP)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(|r| Ok((r.try_get("id")?, r.try_get("language")?))).collect()
}

/// Whether `user_id` holds a seat (registered, not waitlisted) for training `id`.
pub async fn is_seated(db: &Db, id: i64, user_id: UserId) -> DbResult<bool> {
    let r = sqlx::query("SELECT COUNT(*) AS n FROM training_registrations WHERE training_id = $1 AND user_id = $2 AND status = 'registered'")
        .bind(id)
        .bind(user_id)
        .fetch_one(&db.pool)
        .await?;
    Ok(r.try_get::<i64, _>("n")? > 0)
}
