//! Trainings' part of a person's data: seats and waitlist places, reminders,
//! feedback, invitations received, and as coordinator the trainings they created and
//! the invitations they sent.
//!
//! Erasure first gives every seat and waitlist place back through the trainings'
//! own path (the waitlist moves up and the promoted person is told, in the same
//! transaction), then deletes the person's rows; trainings and invitations they made
//! stay with [`ERASED_USER`] as their maker.

use chrono_tz::Tz;
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;
use crate::kernel::members::UserId;

use super::actions;
use super::seats::SeatError;
use crate::platform::db::{Db, DbResult};
use crate::platform::i18n::{Arg, Lang, t, ta};
use crate::platform::personal::{ERASED_USER, Erasure, Hook, PersonalData, Section, Tx, json, or_dash, rows, section, when};

pub const DATA: PersonalData = PersonalData {
    owner: "trainings",
    erases: &[
        ("training_registrations", "user_id"),
        ("training_feedback", "user_id"),
        ("training_invitations", "user_id"),
        ("training_invitations", "invited_by"),
        ("trainings", "created_by"),
    ],
    keeps: &[],
    erase,
    export,
};

/// Statements run with `$1` = the person, children before parents.
const DELETE: &[&str] = &[
    "DELETE FROM training_reminders WHERE registration_id IN (SELECT id FROM training_registrations WHERE user_id = $1)",
    "DELETE FROM training_registrations WHERE user_id = $1",
    "DELETE FROM training_feedback WHERE user_id = $1",
    "DELETE FROM training_invitations WHERE user_id = $1",
];

/// Statements run with `$1` = the person, `$2` = [`ERASED_USER`].
const ANONYMISE: &[&str] = &[
    "UPDATE training_invitations SET invited_by = $2 WHERE invited_by = $1",
    "UPDATE trainings SET created_by = $2 WHERE created_by = $1",
];

fn erase<'a, 'c>(tx: &'a mut Tx, e: &'a mut Erasure<'c>) -> Hook<'a, ()> {
    Box::pin(async move {
        let freed = give_back_seats(tx, e).await?;
        e.seats_freed += freed;
        for &sql in DELETE {
            sqlx::query(sql).bind(e.user_id).execute(&mut **tx).await?;
        }
        for &sql in ANONYMISE {
            sqlx::query(sql).bind(e.user_id).bind(ERASED_USER).execute(&mut **tx).await?;
        }
        Ok(())
    })
}

/// Withdraws every seat and waitlist place of trainings still to come. Trainings
/// already started keep nothing of the person either: their rows are deleted after.
async fn give_back_seats(tx: &mut Tx, e: &Erasure<'_>) -> DbResult<usize> {
    let held = sqlx::query(
        "SELECT training_id FROM training_registrations WHERE user_id = $1 AND status IN ('registered', 'waitlisted') \
         ORDER BY training_id",
    )
    .bind(e.user_id)
    .fetch_all(&mut **tx)
    .await?;
    let mut freed = 0;
    for row in held {
        let training_id: i64 = row.try_get("training_id")?;
        match actions::withdraw_in(e.ctx, tx, super::model::TrainingId(training_id), e.user_id, e.now).await {
            Ok(_) => freed += 1,
            Err(SeatError::Db(err)) => return Err(err),
            Err(SeatError::Refused(_) | SeatError::NotRegistered | SeatError::NotFound) => {}
        }
    }
    Ok(freed)
}

fn export(db: &Db, user_id: UserId) -> Hook<'_, Box<dyn Section>> {
    Box::pin(async move {
        Ok(Box::new(Trainings {
            trainings: rows(db, SEATS, user_id, seat).await?,
            training_feedback: rows(db, FEEDBACK, user_id, feedback).await?,
            training_invitations: rows(db, INVITATIONS, user_id, invitation).await?,
        }) as Box<dyn Section>)
    })
}

/// The person's seats, ratings and invitations.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Trainings {
    pub trainings: Vec<TrainingSeat>,
    pub training_feedback: Vec<Feedback>,
    /// Private invitations to trainings sent to the person's UMKM.
    pub training_invitations: Vec<Invitation>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrainingSeat {
    pub training_id: i64,
    pub title: String,
    pub starts_at: i64,
    pub status: String,
    pub attended: Option<bool>,
    pub registered_at: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Feedback {
    pub training_id: i64,
    pub title: String,
    pub rating: i64,
    pub comment: Option<String>,
    pub at: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Invitation {
    pub training_id: i64,
    pub title: String,
    pub invited_at: i64,
}

impl Section for Trainings {
    fn is_empty(&self) -> bool {
        self.trainings.is_empty() && self.training_feedback.is_empty() && self.training_invitations.is_empty()
    }

    fn fields(&self) -> Vec<(&'static str, serde_json::Value)> {
        vec![
            ("trainings", json(&self.trainings)),
            ("training_feedback", json(&self.training_feedback)),
            ("training_invitations", json(&self.training_invitations)),
        ]
    }

    fn pieces(&self, lang: Lang, tz: Tz) -> Vec<String> {
        let seats = self.trainings.iter().map(|s| {
            let status = t(lang, &format!("privacy-seat-{}", s.status));
            let args =
                [("title", Arg::from(&s.title)), ("start", Arg::from(when(s.starts_at, tz))), ("status", Arg::from(status))];
            ta(lang, "privacy-data-training", &args)
        });
        let invitations = self.training_invitations.iter().map(|i| {
            let args = [("title", Arg::from(&i.title)), ("at", Arg::from(when(i.invited_at, tz)))];
            ta(lang, "privacy-data-invitation", &args)
        });
        let feedback = self.training_feedback.iter().map(|f| {
            let args =
                [("title", Arg::from(&f.title)), ("rating", Arg::from(f.rating)), ("comment", or_dash(f.comment.as_deref()))];
            ta(lang, "privacy-data-feedback-item", &args)
        });
        [
            section(lang, "privacy-data-trainings-header", seats),
            section(lang, "privacy-data-invitations-header", invitations),
            section(lang, "privacy-data-feedback-header", feedback),
        ]
        .into_iter()
        .flatten()
        .collect()
    }
}

const SEATS: &str = "SELECT r.training_id, t.title, t.starts_at, r.status, r.attended, r.created_at \
     FROM training_registrations r JOIN trainings t ON t.id = r.training_id WHERE r.user_id = $1 ORDER BY r.id";

fn seat(r: &AnyRow) -> DbResult<TrainingSeat> {
    Ok(TrainingSeat {
        training_id: r.try_get("training_id")?,
        title: r.try_get("title")?,
        starts_at: r.try_get("starts_at")?,
        status: r.try_get("status")?,
        attended: r.try_get::<Option<i64>, _>("attended")?.map(|a| a != 0),
        registered_at: r.try_get("created_at")?,
    })
}

const FEEDBACK: &str = "SELECT f.training_id, t.title, f.rating, f.comment, f.created_at FROM training_feedback f \
     JOIN trainings t ON t.id = f.training_id WHERE f.user_id = $1 ORDER BY f.id";

fn feedback(r: &AnyRow) -> DbResult<Feedback> {
    Ok(Feedback {
        training_id: r.try_get("training_id")?,
        title: r.try_get("title")?,
        rating: r.try_get("rating")?,
        comment: r.try_get("comment")?,
        at: r.try_get("created_at")?,
    })
}

const INVITATIONS: &str = "SELECT i.training_id, t.title, i.created_at FROM training_invitations i \
     JOIN trainings t ON t.id = i.training_id WHERE i.user_id = $1 ORDER BY i.id";

fn invitation(r: &AnyRow) -> DbResult<Invitation> {
    Ok(Invitation { training_id: r.try_get("training_id")?, title: r.try_get("title")?, invited_at: r.try_get("created_at")? })
}
