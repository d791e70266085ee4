//! When a feed is polled: a cron schedule in the configured zone, every 30 minutes
//! unless staff choose otherwise, and never more often than every 5 minutes (a
//! programme site is somebody else's server).
//!
//! Reuses the announcements' crontab conversion (5 fields, weekday names), with a
//! shorter minimum gap than announcements allow.

use chrono_tz::Tz;

use crate::kernel::audience::cron::{CronError, CronExpr, to_quartz};

/// Every 30 minutes, as typed in crontab form.
pub const DEFAULT_EVERY: &str = "*/30 * * * *";
/// Polls closer together than this are refused.
pub const MIN_GAP_SECS: i64 = 300;

/// The schedules offered as buttons (crontab form), the default first; the message
/// key names each one.
pub const PRESETS: [(&str, &str); 4] = [
    (DEFAULT_EVERY, "feed-every-30m"),
    ("0 * * * *", "feed-every-1h"),
    ("0 */6 * * *", "feed-every-6h"),
    ("0 6 * * *", "feed-every-day"),
];

/// Why a schedule was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScheduleError {
    #[error(transparent)]
    Cron(#[from] CronError),
    #[error("polls more often than every 5 minutes")]
    TooFrequent,
}

/// Parses a 5-field crontab line and checks it runs, at most every 5 minutes.
pub fn parse(crontab: &str, now: i64, tz: Tz) -> Result<CronExpr, ScheduleError> {
    let expr = CronExpr::from_quartz(&to_quartz(crontab)?)?;
    let runs = expr.next_runs(now, tz, 12);
    if runs.is_empty() {
        return Err(CronError::NeverRuns.into());
    }
    if runs.windows(2).any(|w| w[1] - w[0] < MIN_GAP_SECS) {
        return Err(ScheduleError::TooFrequent);
    }
    Ok(expr)
}

/// The next poll of a stored (quartz) schedule after `now`; an unreadable one falls
/// back to the default, so a feed is never stuck.
pub fn next_after(quartz: &str, now: i64, tz: Tz) -> i64 {
    let expr = CronExpr::from_quartz(quartz).ok().or_else(|| parse(DEFAULT_EVERY, now, tz).ok());
    expr.and_then(|e| e.next_after(now, tz)).unwrap_or(now + 1800)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TZ: Tz = chrono_tz::Asia::Jakarta;
    /// 2026-12-20 10:07:00 WIB.
    const NOW: i64 = 1_797_736_020;

    #[test]
    fn the_default_polls_on_the_hour_and_half_hour() {
        let expr = parse(DEFAULT_EVERY, NOW, TZ).unwrap();
        assert_eq!(expr.next_runs(NOW, TZ, 2), vec![NOW + 23 * 60, NOW + 53 * 60]);
        assert_eq!(next_after(expr.quartz(), NOW, TZ), NOW + 23 * 60);
    }

    #[test]
    fn schedules_more_often_than_every_five_minutes_are_refused() {
        assert_eq!(parse("* * * * *", NOW, TZ).unwrap_err(), ScheduleError::TooFrequent);
        assert_eq!(parse("*/2 * * * *", NOW, TZ).unwrap_err(), ScheduleError::TooFrequent);
        assert!(parse("*/5 * * * *", NOW, TZ).is_ok());
        assert!(matches!(parse("every hour", NOW, TZ), Err(ScheduleError::Cron(_))));
    }

    #[test]
    fn every_preset_is_accepted() {
        for (crontab, _) in PRESETS {
            assert!(parse(crontab, NOW, TZ).is_ok(), "{crontab}");
        }
    }
}
