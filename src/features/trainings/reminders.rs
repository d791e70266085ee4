//! Reminders in residents' chats: the evening before (18:00 local), two hours before
//! the start, and a one-question feedback after the end.
//!
//! A background loop looks for due reminders every few seconds. Each one is claimed
//! by inserting its key (registration, kind, start time) into `training_reminders`
//! in the same transaction that queues the message, so a restart or a second
//! process never sends it twice. Only seats that still stand in trainings that are
//! not cancelled get one; a moved training has a new start, hence new keys, so its
//! reminders move with it.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::time::Duration;

use chrono_tz::Tz;
use sqlx::Row;
use tokio::sync::watch;

use super::model::Training;
use super::{render, store, when};
use crate::platform::db::{Db, DbResult, SharedClock};
use crate::platform::buttons::Payload;
use crate::platform::delivery::{Body, ButtonSpec, Outbox, Outgoing, Priority};
use crate::platform::i18n::{Arg, Lang, ta};

/// Local hour of the evening-before reminder.
pub const EVENING_HOUR: u32 = 18;
/// The second reminder goes this long before the start.
pub const SOON: i64 = 2 * 3600;
/// Feedback is asked only this long after the end (not after a long outage).
pub const FEEDBACK_WINDOW: i64 = 3 * 86_400;
/// How often the loop looks; reminders are due to the minute, so this is plenty.
const PERIOD: Duration = Duration::from_secs(2);
/// No reminder is due earlier than this before a start (18:00 the day before).
const LOOKAHEAD: i64 = 2 * 86_400;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Evening,
    Soon,
    Feedback,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Evening => "day_before",
            Kind::Soon => "two_hours",
            Kind::Feedback => "feedback",
        }
    }
}

/// Which reminders are due at `now` for a seat taken at `seated_at`. A reminder is
/// skipped once the next one is due, and for seats taken after its time (whoever
/// registers late has just seen the details).
pub fn due(start: i64, end: i64, seated_at: i64, now: i64, tz: Tz) -> Vec<Kind> {
    let evening = when::day_before_at(start, EVENING_HOUR, tz);
    let soon = start - SOON;
    let mut kinds = Vec::new();
    if evening <= now && now < soon && seated_at < evening {
        kinds.push(Kind::Evening);
    }
    if soon <= now && now < start && seated_at < soon {
        kinds.push(Kind::Soon);
    }
    if end <= now && now < end + FEEDBACK_WINDOW {
        kinds.push(Kind::Feedback);
    }
    kinds
}

pub struct Reminders {
    db: Db,
    clock: SharedClock,
    outbox: Outbox,
    tz: Tz,
}

/// A seat that may need a reminder.
struct Candidate {
    registration_id: i64,
    user_id: i64,
    seated_at: i64,
    absent: bool,
    training_id: i64,
    starts_at: i64,
    ends_at: i64,
    language: String,
}

impl Reminders {
    pub fn new(db: Db, clock: SharedClock, outbox: Outbox, tz: Tz) -> Self {
        Self { db, clock, outbox, tz }
    }

    /// Runs until `stop` turns true.
    pub async fn run(self, stop: watch::Receiver<bool>) {
        crate::platform::scheduler::every("training reminders", PERIOD, stop, || self.tick()).await;
    }

    /// Queues every reminder due now that no process has sent; returns how many.
    pub async fn tick(&self) -> DbResult<usize> {
        let now = self.clock.now();
        let mut trainings: HashMap<i64, Option<Training>> = HashMap::new();
        let mut queued = 0;
        for c in self.candidates(now).await? {
            let training = match trainings.entry(c.training_id) {
                Entry::Occupied(e) => e.into_mut(),
                Entry::Vacant(e) => e.insert(store::get(&self.db, c.training_id).await?),
            };
            let Some(training) = training.as_ref() else { continue };
            let tz = training.tz(self.tz);
            for kind in due(c.starts_at, c.ends_at, c.seated_at, now, tz) {
                if kind == Kind::Feedback && c.absent {
                    continue;
                }
                let message = self.message(kind, &c, training, tz);
                if self.claim_and_queue(kind, &c, message, now).await? {
                    queued += 1;
                }
            }
        }
        if queued > 0 {
            self.outbox.wake();
        }
        Ok(queued)
    }

    async fn candidates(&self, now: i64) -> DbResult<Vec<Candidate>> {
        let rows = sqlx::query(
            "SELECT r.id, r.user_id, r.created_at, r.attended, t.id AS training_id, t.starts_at, t.ends_at, \
             COALESCE(u.language, 'id') AS language FROM training_registrations r \
             JOIN trainings t ON t.id = r.training_id LEFT JOIN users u ON u.id = r.user_id \
             WHERE r.status = 'registered' AND t.status <> 'cancelled' AND t.starts_at <= $1 AND t.ends_at > $2",
        )
        .bind(now + LOOKAHEAD)
        .bind(now - FEEDBACK_WINDOW)
        .fetch_all(&self.db.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(Candidate {
                    registration_id: r.try_get("id")?,
                    user_id: r.try_get("user_id")?,
                    seated_at: r.try_get("created_at")?,
                    absent: r.try_get::<Option<i64>, _>("attended")? == Some(0),
                    training_id: r.try_get("training_id")?,
                    starts_at: r.try_get("starts_at")?,
                    ends_at: r.try_get("ends_at")?,
                    language: r.try_get("language")?,
                })
            })
            .collect()
    }

    fn message(&self, kind: Kind, c: &Candidate, tr: &Training, tz: Tz) -> Outgoing {
        let lang = Lang::from_code(&c.language).unwrap_or_default();
        let source: Option<String> = super::model::SOURCE.of(tr.id).into();
        let body = match kind {
            Kind::Evening => Body::Text { text: render::notice(lang, "training-reminder-evening", tr, tz), buttons: vec![], entities: Vec::new() },
            Kind::Soon => Body::Text { text: render::notice(lang, "training-reminder-soon", tr, tz), buttons: vec![], entities: Vec::new() },
            Kind::Feedback => Body::Text {
                text: ta(lang, "training-feedback-ask", &[("title", Arg::from(&tr.title))]),
                buttons: vec![rating_buttons(lang, tr.id)],
                entities: Vec::new(),
            },
        };
        Outgoing { chat_id: c.user_id, body, priority: Priority::Personal, source }
    }

    /// Claims the reminder's key and queues it in one transaction; `false` when it
    /// was already sent, or the seat or training no longer stands as read.
    async fn claim_and_queue(&self, kind: Kind, c: &Candidate, message: Outgoing, now: i64) -> DbResult<bool> {
        let mut tx = self.db.begin().await?;
        let claimed = sqlx::query(
            "INSERT INTO training_reminders (registration_id, kind, for_start, sent_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (registration_id, kind, for_start) DO NOTHING RETURNING id",
        )
        .bind(c.registration_id)
        .bind(kind.as_str())
        .bind(c.starts_at)
        .bind(now)
        .fetch_optional(&mut *tx)
        .await?;
        if claimed.is_none() {
            return Ok(false);
        }
        let still = sqlx::query(
            "SELECT 1 AS one FROM training_registrations r JOIN trainings t ON t.id = r.training_id \
             WHERE r.id = $1 AND r.status = 'registered' AND t.status <> 'cancelled' AND t.starts_at = $2 AND t.ends_at = $3",
        )
        .bind(c.registration_id)
        .bind(c.starts_at)
        .bind(c.ends_at)
        .fetch_optional(&mut *tx)
        .await?;
        if still.is_none() {
            return Ok(false);
        }
        self.outbox.enqueue_in(&mut tx, &[message]).await?;
        tx.commit().await?;
        Ok(true)
    }
}

/// "1 ⭐" … "5 ⭐", each answering the feedback question.
fn rating_buttons(lang: Lang, training_id: i64) -> Vec<ButtonSpec> {
    (1..=5)
        .map(|n| ButtonSpec {
            label: ta(lang, "training-btn-rate", &[("n", Arg::from(n))]),
            data: crate::features::trainings::bot::Btn::Rate(training_id, n).callback_data(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use chrono_tz::Asia::Jakarta;

    fn wib(d: u32, h: u32, m: u32) -> i64 {
        Jakarta.with_ymd_and_hms(2026, 12, d, h, m, 0).unwrap().timestamp()
    }

    #[test]
    fn reminders_fall_due_the_evening_before_two_hours_before_and_after_the_end() {
        let (start, end, seated) = (wib(25, 8, 0), wib(25, 12, 0), wib(20, 9, 0));
        let cases = [
            (wib(24, 17, 59), vec![]),
            (wib(24, 18, 0), vec![Kind::Evening]),
            (wib(25, 5, 59), vec![Kind::Evening]),
            (wib(25, 6, 0), vec![Kind::Soon]),
            (wib(25, 7, 59), vec![Kind::Soon]),
            (wib(25, 8, 0), vec![]),
            (wib(25, 12, 0), vec![Kind::Feedback]),
            (wib(28, 12, 0), vec![]),
        ];
        for (now, want) in cases {
            assert_eq!(due(start, end, seated, now, Jakarta), want, "at {now}");
        }
    }

    #[test]
    fn a_seat_taken_after_a_reminders_time_skips_that_reminder() {
        let (start, end) = (wib(25, 8, 0), wib(25, 12, 0));
        assert_eq!(due(start, end, wib(24, 19, 0), wib(24, 20, 0), Jakarta), vec![]);
        assert_eq!(due(start, end, wib(24, 19, 0), wib(25, 6, 30), Jakarta), vec![Kind::Soon]);
        assert_eq!(due(start, end, wib(25, 7, 0), wib(25, 7, 30), Jakarta), vec![]);
    }
}
