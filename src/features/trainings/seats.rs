//! Registering, withdrawing and moving the waitlist up, each decided inside one
//! transaction that holds the training's lock: never more seats than the quota,
//! even when many residents press "Daftar" at the same moment, and the waitlist
//! strictly first come, first served.
//!
//! A change that makes the training full, or not full any more, also queues the
//! relabelling of its group posts' "Daftar" button in the same transaction ([`posts`]).
//!
//! The lock: SQLite's `BEGIN IMMEDIATE` (from [`Db::begin`]) serialises writers;
//! on PostgreSQL the training row is locked with `SELECT … FOR UPDATE` before
//! anything is counted (each later statement sees what earlier holders committed).

use sqlx::Row;
use crate::kernel::members::UserId;

use super::model::{Refusal, Seat, Status, Training, TrainingId, next_seat};
use super::{posts, store};
use crate::platform::config::Backend;
use crate::platform::db::{Db, DbError};

type Tx = sqlx::Transaction<'static, sqlx::Any>;

#[derive(Debug, thiserror::Error)]
pub enum SeatError {
    #[error("no such training")]
    NotFound,
    #[error("refused: {0:?}")]
    Refused(Refusal),
    #[error("not registered")]
    NotRegistered,
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<sqlx::Error> for SeatError {
    fn from(e: sqlx::Error) -> Self {
        SeatError::Db(e.into())
    }
}

/// What pressing "Daftar" did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Registration {
    New(Seat),
    /// Pressed again: nothing changed.
    Already(Seat),
}

/// Takes the training's lock for the rest of `tx` and reads it.
pub async fn lock(tx: &mut Tx, backend: Backend, training_id: i64) -> Result<Training, SeatError> {
    if backend == Backend::Postgres {
        sqlx::query("SELECT id FROM trainings WHERE id = $1 FOR UPDATE").bind(training_id).fetch_optional(&mut **tx).await?;
    }
    store::get_in(tx, training_id).await?.ok_or(SeatError::NotFound)
}

/// Registers `user_id`, or puts them at the end of the waitlist when all seats are
/// taken. Refused for cancelled, closed, past-deadline and started trainings.
pub async fn register(db: &Db, training_id: i64, user_id: UserId, now: i64) -> Result<Registration, SeatError> {
    let mut tx = db.begin().await?;
    let training = lock(&mut tx, db.backend, training_id).await?;
    if training.status() == Status::Cancelled {
        return Err(SeatError::Refused(Refusal::Cancelled));
    }
    if let Some(seat) = seat_in(&mut tx, training_id, user_id).await? {
        return Ok(Registration::Already(seat));
    }
    if let Some(refusal) = training.refusal(now) {
        return Err(SeatError::Refused(refusal));
    }
    let seat = next_seat(training.registered, training.waitlisted, training.quota);
    let seq: i64 = sqlx::query("UPDATE trainings SET next_seq = next_seq + 1 WHERE id = $1 RETURNING next_seq")
        .bind(training_id)
        .fetch_one(&mut *tx)
        .await?
        .try_get("next_seq")?;
    let status = if seat == Seat::Registered { "registered" } else { "waitlisted" };
    sqlx::query(
        "INSERT INTO training_registrations (training_id, user_id, status, seq, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT (training_id, user_id) DO UPDATE SET status = excluded.status, \
         seq = excluded.seq, attended = NULL, created_at = excluded.created_at, updated_at = excluded.updated_at",
    )
    .bind(training_id)
    .bind(user_id)
    .bind(status)
    .bind(seq)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    let after = match seat {
        Seat::Registered => counted(&training, 1, 0),
        Seat::Waitlisted(_) => counted(&training, 0, 1),
    };
    posts::relabel_if_crossed(&mut tx, &training, &after, now).await?;
    tx.commit().await?;
    Ok(Registration::New(seat))
}

/// The training with its counts moved by one seat change (read under the lock, so
/// exact): what its group posts' "Daftar" label is decided from.
fn counted(tr: &Training, registered: i64, waitlisted: i64) -> Training {
    Training { registered: tr.registered + registered, waitlisted: tr.waitlisted + waitlisted, ..tr.clone() }
}

/// The person moved up from the waitlist by a withdrawal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Promoted {
    pub user_id: i64,
    pub language: String,
}

/// What a withdrawal did; the caller tells the promoted person within the same
/// transaction and commits.
#[derive(Debug, Clone, PartialEq)]
pub struct Withdrawn {
    pub training: Training,
    pub was: Seat,
    pub promoted: Option<Promoted>,
}

/// Cancels `user_id`'s registration or waitlist place. A freed seat goes to the
/// first person on the waitlist while the training has not started.
pub async fn withdraw_in(tx: &mut Tx, backend: Backend, training: TrainingId, user_id: UserId, now: i64) -> Result<Withdrawn, SeatError> {
    let training_id = training.get();
    let training = lock(tx, backend, training_id).await?;
    if now >= training.starts_at {
        return Err(SeatError::Refused(Refusal::Started));
    }
    let was = seat_in(tx, training_id, user_id).await?.ok_or(SeatError::NotRegistered)?;
    sqlx::query("UPDATE training_registrations SET status = 'cancelled', updated_at = $1 WHERE training_id = $2 AND user_id = $3")
        .bind(now)
        .bind(training_id)
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    let promoted = match (was, training.status()) {
        (Seat::Registered, Status::Open | Status::Closed) => promote_first(tx, training_id, now).await?,
        _ => None,
    };
    let after = match (was, &promoted) {
        (Seat::Registered, Some(_)) => counted(&training, 0, -1),
        (Seat::Registered, None) => counted(&training, -1, 0),
        (Seat::Waitlisted(_), _) => counted(&training, 0, -1),
    };
    posts::relabel_if_crossed(tx, &training, &after, now).await?;
    Ok(Withdrawn { training, was, promoted })
}

async fn promote_first(tx: &mut Tx, training_id: i64, now: i64) -> Result<Option<Promoted>, SeatError> {
    let first = sqlx::query(
        "SELECT r.id, r.user_id, COALESCE(u.language, 'id') AS language FROM training_registrations r \
         LEFT JOIN users u ON u.id = r.user_id WHERE r.training_id = $1 AND r.status = 'waitlisted' ORDER BY r.seq LIMIT 1",
    )
    .bind(training_id)
    .fetch_optional(&mut **tx)
    .await?;
    let Some(first) = first else { return Ok(None) };
    let id: i64 = first.try_get("id")?;
    sqlx::query("UPDATE training_registrations SET status = 'registered', updated_at = $1 WHERE id = $2")
        .bind(now)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(Some(Promoted { user_id: first.try_get("user_id")?, language: first.try_get("language")? }))
}

/// Where a person stands, read inside the locked transaction.
async fn seat_in(tx: &mut Tx, training_id: i64, user_id: UserId) -> Result<Option<Seat>, SeatError> {
    let row = sqlx::query(
        "SELECT r.status, (SELECT COUNT(*) FROM training_registrations w WHERE w.training_id = r.training_id \
         AND w.status = 'waitlisted' AND w.seq <= r.seq) AS position \
         FROM training_registrations r WHERE r.training_id = $1 AND r.user_id = $2",
    )
    .bind(training_id)
    .bind(user_id)
    .fetch_optional(&mut **tx)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let status: String = row.try_get("status")?;
    Ok(match status.as_str() {
        "registered" => Some(Seat::Registered),
        "waitlisted" => Some(Seat::Waitlisted(row.try_get("position")?)),
        _ => None,
    })
}
