//! Service levels per stage (as on SP4N-LAPOR!): each stage of a ticket has a clock
//! in working days, a reminder to whoever holds the ticket at 80 % and an escalation
//! at 100 %.
//!
//! | stage | runs from → until | days | reminder (80 %) | escalation (100 %) |
//! |---|---|---|---|---|
//! | [`Stage::Office`] | submission → first response or disposition | `working_days` (3) | staff of the area | the overdue flag to staff ([`super::overdue`]) |
//! | [`Stage::OpdResponse`] | disposition → accept, progress, return or done | `opd_response_days` (5) | the agency's officers | officers and staff of the area |
//! | [`Stage::OpdDone`] | disposition → done | `opd_done_days` (10) | the agency's officers | officers and staff of the area |
//!
//! A new disposition (sent on, or sent again after a return) starts new agency
//! clocks: the job claims each reminder and escalation once per ticket, stage and
//! disposition ([`store`], [`job`]). This module is the arithmetic only, free of the
//! bot and the database, so the chat card, the console pages and the staff queue
//! ([`reading`]) show the same "time left" the job acts on.

pub mod job;
pub mod store;

use chrono_tz::Tz;

use super::model::{Status, local_time};
use crate::platform::config::SlaConfig;
use crate::platform::i18n::{Arg, Lang, t, ta};

/// Seconds in a working day.
const DAY: i64 = 86_400;
/// The share of a stage (per cent) at which its holder is reminded.
pub const REMIND_AT_PERCENT: i64 = 80;

/// A stage of a ticket with its own service level (stored as its snake_case code).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stage {
    /// Diskominfo: submission to first response or disposition.
    Office,
    /// The agency holding the ticket: disposition to its first response.
    OpdResponse,
    /// The agency holding the ticket: disposition to done.
    OpdDone,
}

impl Stage {
    pub const ALL: [Stage; 3] = [Stage::Office, Stage::OpdResponse, Stage::OpdDone];

    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Office => "office",
            Stage::OpdResponse => "opd_response",
            Stage::OpdDone => "opd_done",
        }
    }

    pub fn parse(code: &str) -> Option<Stage> {
        Self::ALL.into_iter().find(|s| s.as_str() == code)
    }

    /// The stage's service level in working days (0: turned off).
    pub fn days(self, sla: &SlaConfig) -> u32 {
        match self {
            Stage::Office => sla.working_days,
            Stage::OpdResponse => sla.opd_response_days,
            Stage::OpdDone => sla.opd_done_days,
        }
    }

    /// Its name in `lang` ("Tanggapan pertama OPD" …).
    pub fn label(self, lang: Lang) -> String {
        t(lang, &format!("asp-sla-stage-{}", self.as_str().replace('_', "-")))
    }
}

/// What the job sends at a point of a stage (stored as its snake_case code).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// At 80 %: to whoever holds the ticket.
    Reminder,
    /// At 100 %: the stage's deadline has passed.
    Escalation,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Reminder => "reminder",
            Level::Escalation => "escalation",
        }
    }
}

/// One stage's clock for one ticket (and disposition): the instants of its reminder
/// and its deadline, judged in the KIM's zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StageClock {
    pub stage: Stage,
    pub days: u32,
    pub started_at: i64,
    pub remind_at: i64,
    pub due_at: i64,
}

impl StageClock {
    /// The clock of `stage` started at `started_at`; `None` when the stage's service
    /// level is turned off (0 days).
    pub fn new(sla: &SlaConfig, stage: Stage, started_at: i64, tz: Tz) -> Option<StageClock> {
        let days = stage.days(sla);
        if days == 0 {
            return None;
        }
        let full = i64::from(days) * DAY;
        let remind_at = sla.calendar.after_working(started_at, full * REMIND_AT_PERCENT / 100, tz);
        let due_at = sla.calendar.after_working(started_at, full, tz);
        Some(StageClock { stage, days, started_at, remind_at, due_at })
    }

    /// What is due at `now`: nothing before 80 %, the reminder until the deadline,
    /// the escalation from it on.
    pub fn level_at(&self, now: i64) -> Option<Level> {
        if now >= self.due_at {
            Some(Level::Escalation)
        } else if now >= self.remind_at {
            Some(Level::Reminder)
        } else {
            None
        }
    }

    /// A lower bound of the start of every clock of `days` whose `level` is due at
    /// `now` (no day off shortens a wait), so SQL can skip younger rows.
    pub fn earliest_start_due(now: i64, days: u32, level: Level) -> i64 {
        let full = i64::from(days) * DAY;
        now - match level {
            Level::Reminder => full * REMIND_AT_PERCENT / 100,
            Level::Escalation => full,
        }
    }
}

/// The agency side of a ticket, for [`running`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AgencyTimes {
    pub disposed_at: i64,
    pub first_response_at: Option<i64>,
    /// Still held by the agency (sent or accepted).
    pub open: bool,
}

/// What tells which stage's clock runs on a ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Facts {
    pub status: Status,
    pub created_at: i64,
    /// Staff replied to the resident (a first response, like a status change).
    pub staff_replied: bool,
    /// The latest disposition, if any.
    pub disposition: Option<AgencyTimes>,
}

/// The clock running on a ticket now: the agency's first response until it came,
/// then the agency's done; the office's while the ticket is new and unanswered;
/// `None` for answered, closed or agency-less tickets in later statuses, and for
/// stages turned off.
pub fn running(sla: &SlaConfig, facts: &Facts, tz: Tz) -> Option<StageClock> {
    if let Some(d) = facts.disposition.filter(|d| d.open) {
        let response = d.first_response_at.is_none().then(|| StageClock::new(sla, Stage::OpdResponse, d.disposed_at, tz)).flatten();
        return response.or_else(|| StageClock::new(sla, Stage::OpdDone, d.disposed_at, tz));
    }
    if facts.status == Status::Diterima && !facts.staff_replied {
        return StageClock::new(sla, Stage::Office, facts.created_at, tz);
    }
    None
}

/// A running clock read at an instant: what a card or a queue shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading {
    pub clock: StageClock,
    /// Working seconds left; 0 once the deadline passed.
    pub left: i64,
    pub late: bool,
}

/// The ticket's running stage and its working time left at `now` — the one function
/// a queue needs for a "time left" column.
pub fn reading(sla: &SlaConfig, facts: &Facts, now: i64, tz: Tz) -> Option<Reading> {
    let clock = running(sla, facts, tz)?;
    let used = sla.calendar.elapsed_working(clock.started_at, now, tz);
    let left = (i64::from(clock.days) * DAY - used).max(0);
    Some(Reading { clock, left, late: now >= clock.due_at })
}

/// "2 hari 3 jam kerja", "5 jam kerja", "kurang dari 1 jam kerja".
pub fn left_text(lang: Lang, left: i64) -> String {
    let (days, hours) = (left / DAY, (left % DAY) / 3600);
    match (days, hours) {
        (0, 0) => t(lang, "asp-sla-left-minutes"),
        (0, h) => ta(lang, "asp-sla-left-hours", &[("hours", Arg::from(h))]),
        (d, h) => ta(lang, "asp-sla-left-days", &[("days", Arg::from(d)), ("hours", Arg::from(h))]),
    }
}

/// One line for a card or a page: "⏱ Tanggapan pertama OPD: sisa 2 hari 3 jam kerja
/// (batas 10/12/2026 10:00 WIB)" or "⏰ … lewat batas 5 hari kerja (10/12/2026 …)".
pub fn line(lang: Lang, r: &Reading, tz: Tz) -> String {
    let stage = Arg::from(r.clock.stage.label(lang));
    let due = Arg::from(local_time(r.clock.due_at, tz));
    if r.late {
        ta(lang, "asp-sla-line-late", &[("stage", stage), ("days", Arg::from(i64::from(r.clock.days))), ("due", due)])
    } else {
        ta(lang, "asp-sla-line", &[("stage", stage), ("left", Arg::from(left_text(lang, r.left))), ("due", due)])
    }
}

/// A short cell for a queue table: "sisa 2 hari 3 jam kerja" or "lewat batas".
pub fn cell(lang: Lang, r: &Reading) -> String {
    if r.late { t(lang, "asp-sla-cell-late") } else { ta(lang, "asp-sla-cell-left", &[("left", Arg::from(left_text(lang, r.left)))]) }
}

#[cfg(test)]
mod tests;
