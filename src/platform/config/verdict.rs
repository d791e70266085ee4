//! When the resident's verdict on a done ticket is chased and given up
//! (`KIMBOT_VERDICT_REMINDER_DAYS`, `KIMBOT_VERDICT_CLOSE_DAYS`), read here with every
//! other setting; the verdict itself is `features::aspirations::verdict`.

use super::ConfigError;

/// Seconds in a day: these settings count calendar days, not working days, since the
/// resident answers from home whatever the office's calendar says.
const DAY: i64 = 86_400;

/// The verdict's two clocks, in calendar days after the question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VerdictConfig {
    /// One reminder to a resident who has not answered (default 3).
    pub reminder_days: u32,
    /// The round closes as `unrated` (default 10); always after the reminder.
    pub close_days: u32,
}

impl Default for VerdictConfig {
    fn default() -> Self {
        Self { reminder_days: 3, close_days: 10 }
    }
}

impl VerdictConfig {
    /// Reads `KIMBOT_VERDICT_REMINDER_DAYS` (1–60, default 3) and
    /// `KIMBOT_VERDICT_CLOSE_DAYS` (2–120, default 10), which must be later.
    pub fn from_lookup<'a>(get: impl Fn(&str) -> Option<&'a str>) -> Result<Self, ConfigError> {
        let defaults = Self::default();
        let reminder_days = super::number(&get, "KIMBOT_VERDICT_REMINDER_DAYS", defaults.reminder_days.into(), 1, 60)? as u32;
        let close_days = super::number(&get, "KIMBOT_VERDICT_CLOSE_DAYS", defaults.close_days.into(), 2, 120)? as u32;
        if close_days <= reminder_days {
            return Err(ConfigError::VerdictCloseBeforeReminder { reminder: reminder_days, close: close_days });
        }
        Ok(Self { reminder_days, close_days })
    }

    /// Seconds after the question at which the one reminder goes out.
    pub fn remind_after(&self) -> i64 {
        i64::from(self.reminder_days) * DAY
    }

    /// Seconds after the question at which an unanswered round closes as `unrated`.
    pub fn close_after(&self) -> i64 {
        i64::from(self.close_days) * DAY
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(pairs: &[(&str, &str)]) -> Result<VerdictConfig, ConfigError> {
        let map: std::collections::HashMap<_, _> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        VerdictConfig::from_lookup(|k| map.get(k).map(String::as_str))
    }

    #[test]
    fn the_verdict_days_are_read_and_the_close_must_come_after_the_reminder() {
        assert_eq!(read(&[]).unwrap(), VerdictConfig { reminder_days: 3, close_days: 10 });
        let set = read(&[("KIMBOT_VERDICT_REMINDER_DAYS", "1"), ("KIMBOT_VERDICT_CLOSE_DAYS", "2")]).unwrap();
        assert_eq!((set.remind_after(), set.close_after()), (86_400, 2 * 86_400));
        let bad = [
            [("KIMBOT_VERDICT_REMINDER_DAYS", "0"), ("KIMBOT_VERDICT_CLOSE_DAYS", "10")],
            [("KIMBOT_VERDICT_REMINDER_DAYS", "3"), ("KIMBOT_VERDICT_CLOSE_DAYS", "3")],
            [("KIMBOT_VERDICT_REMINDER_DAYS", "12"), ("KIMBOT_VERDICT_CLOSE_DAYS", "")],
            [("KIMBOT_VERDICT_REMINDER_DAYS", "3"), ("KIMBOT_VERDICT_CLOSE_DAYS", "tiga")],
        ];
        for pairs in bad {
            let err = read(&pairs).unwrap_err().to_string();
            assert!(err.starts_with("KIMBOT_VERDICT_"), "{pairs:?}: {err}");
        }
    }
}
