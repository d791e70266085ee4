//! Repeating schedules: the 5-field crontab people know (`m h dom mon dow`, Sunday
//! as 0 or 7, day names) converted to the `cron` crate's 6-field, seconds-first
//! Quartz form, where day-of-week 1 means *Sunday* (TECH-NOTES.md). We never hand
//! the crate a weekday number: days are rewritten as names (`MON-FRI`), so the stored
//! expression reads the same to people and to the crate.

use std::str::FromStr;

use chrono::TimeZone;
use chrono_tz::Tz;

/// Day names in crontab order (0 = Sunday), as the crate and people read them.
pub(super) const DAYS: [&str; 7] = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

/// Recurring sends closer together than this are refused: an announcement every
/// minute is a mistake, and groups would mute the bot.
pub const MIN_GAP_SECS: i64 = 3600;

/// Why a typed expression was refused; each maps to its own explanation.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CronError {
    #[error("expected 5 fields, got {0}")]
    FieldCount(usize),
    #[error("bad day of week {0:?}")]
    Weekday(String),
    #[error("day of month and day of week both set")]
    DayAndWeekday,
    #[error("not a valid schedule: {0}")]
    Invalid(String),
    #[error("never runs")]
    NeverRuns,
    #[error("runs more often than once an hour")]
    TooFrequent,
}

/// A validated repeating schedule, in the crate's form (`0 0 8 * * MON-FRI`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CronExpr {
    quartz: String,
    schedule: cron::Schedule,
}

impl CronExpr {
    /// Parses what a person typed (5 fields) and checks that it runs, and not too often.
    pub fn from_crontab(input: &str, now: i64, tz: Tz) -> Result<CronExpr, CronError> {
        let quartz = to_quartz(input)?;
        let expr = CronExpr::from_quartz(&quartz)?;
        let runs = expr.next_runs(now, tz, 6);
        if runs.is_empty() {
            return Err(CronError::NeverRuns);
        }
        if runs.windows(2).any(|w| w[1] - w[0] < MIN_GAP_SECS) {
            return Err(CronError::TooFrequent);
        }
        Ok(expr)
    }

    /// Reads a stored expression (already converted and checked when saved).
    pub fn from_quartz(quartz: &str) -> Result<CronExpr, CronError> {
        let schedule = cron::Schedule::from_str(quartz).map_err(|e| CronError::Invalid(e.to_string()))?;
        Ok(CronExpr { quartz: quartz.to_string(), schedule })
    }

    /// The form stored and given to the crate.
    pub fn quartz(&self) -> &str {
        &self.quartz
    }

    /// The 5-field form shown to people: the stored one without its seconds.
    pub fn crontab(&self) -> String {
        self.quartz.split_whitespace().skip(1).collect::<Vec<_>>().join(" ")
    }

    /// The next `n` run times strictly after `after`, read in `tz`, as Unix seconds.
    pub fn next_runs(&self, after: i64, tz: Tz, n: usize) -> Vec<i64> {
        let Some(start) = tz.timestamp_opt(after, 0).single() else { return Vec::new() };
        self.schedule.after(&start).take(n).map(|t| t.timestamp()).collect()
    }

    pub fn next_after(&self, after: i64, tz: Tz) -> Option<i64> {
        self.next_runs(after, tz, 1).first().copied()
    }
}

/// `m h dom mon dow` → `0 m h dom mon DOW` with weekdays as names.
pub fn to_quartz(input: &str) -> Result<String, CronError> {
    let fields: Vec<String> = input.split_whitespace().map(str::to_uppercase).collect();
    let [minute, hour, dom, month, dow] = fields.as_slice() else {
        return Err(CronError::FieldCount(fields.len()));
    };
    let dow = weekdays(dow)?;
    if dom != "*" && dom != "?" && dow != "*" {
        // The crate would need both to match (AND); crontab means either (OR).
        return Err(CronError::DayAndWeekday);
    }
    Ok(format!("0 {minute} {hour} {dom} {month} {dow}"))
}

/// A crontab day-of-week field as the set of days it names, written back as names.
fn weekdays(field: &str) -> Result<String, CronError> {
    let bad = || CronError::Weekday(field.to_string());
    if field == "*" || field == "?" {
        return Ok("*".into());
    }
    let mut days = [false; 7];
    for item in field.split(',') {
        let (range, step) = match item.split_once('/') {
            Some((r, s)) => (r, s.parse::<usize>().ok().filter(|s| (1..7).contains(s)).ok_or_else(bad)?),
            None => (item, 1),
        };
        let (first, last) = match range {
            "*" => (0, 6),
            r => match r.split_once('-') {
                Some((a, b)) => (day(a).ok_or_else(bad)?, day(b).ok_or_else(bad)?),
                None if step == 1 => (day(r).ok_or_else(bad)?, day(r).ok_or_else(bad)?),
                None => (day(r).ok_or_else(bad)?, 6),
            },
        };
        // A range may wrap past Saturday (FRI-MON); 7 is Sunday, as in crontab.
        let span = (last + 7 - first) % 7;
        for offset in (0..=span).step_by(step) {
            days[(first + offset) % 7] = true;
        }
    }
    Ok(write_days(&days))
}

/// A day token: 0–7 (0 and 7 are Sunday) or an English or Indonesian name.
fn day(token: &str) -> Option<usize> {
    if let Ok(n) = token.parse::<usize>() {
        return (n <= 7).then_some(n % 7);
    }
    const NAMES: [(&str, &str, &str); 7] = [
        ("SUN", "SUNDAY", "MINGGU"),
        ("MON", "MONDAY", "SENIN"),
        ("TUE", "TUESDAY", "SELASA"),
        ("WED", "WEDNESDAY", "RABU"),
        ("THU", "THURSDAY", "KAMIS"),
        ("FRI", "FRIDAY", "JUMAT"),
        ("SAT", "SATURDAY", "SABTU"),
    ];
    NAMES.iter().position(|(short, long, id)| token == *short || token == *long || token == *id || token == &id[..3])
}

/// Days as names, runs of three or more as ranges: `MON-FRI`, `SUN,SAT`.
fn write_days(days: &[bool; 7]) -> String {
    if days.iter().all(|d| *d) {
        return "*".into();
    }
    let mut parts = Vec::new();
    let mut i = 0;
    while i < 7 {
        if !days[i] {
            i += 1;
            continue;
        }
        let start = i;
        while i + 1 < 7 && days[i + 1] {
            i += 1;
        }
        match i - start {
            0 => parts.push(DAYS[start].to_string()),
            1 => parts.push(format!("{},{}", DAYS[start], DAYS[i])),
            _ => parts.push(format!("{}-{}", DAYS[start], DAYS[i])),
        }
        i += 1;
    }
    parts.join(",")
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn crontab_lines_convert_to_the_crates_form_with_weekday_names() {
        let cases = [
            ("0 7 * * *", "0 0 7 * * *"),
            ("0 8 * * 1", "0 0 8 * * MON"),
            ("0 8 * * 0", "0 0 8 * * SUN"),
            ("0 8 * * 7", "0 0 8 * * SUN"),
            ("0 8 * * 1-5", "0 0 8 * * MON-FRI"),
            ("0 8 * * mon-fri", "0 0 8 * * MON-FRI"),
            ("30 6 * * 5-7", "0 30 6 * * SUN,FRI,SAT"),
            ("0 8 * * 6,0", "0 0 8 * * SUN,SAT"),
            ("0 8 * * 0-6", "0 0 8 * * *"),
            ("0 8 * * */2", "0 0 8 * * SUN,TUE,THU,SAT"),
            ("0 8 * * fri-mon", "0 0 8 * * SUN,MON,FRI,SAT"),
            ("0 8 * * senin,jumat", "0 0 8 * * MON,FRI"),
            ("0 8 * * Sen-Rab", "0 0 8 * * MON-WED"),
            ("0 8 * * 1,3,5", "0 0 8 * * MON,WED,FRI"),
            ("0 8 1 * *", "0 0 8 1 * *"),
            ("15 9 1,15 jan-jun *", "0 15 9 1,15 JAN-JUN *"),
            ("  0   7  *  * * ", "0 0 7 * * *"),
        ];
        for (crontab, quartz) in cases {
            assert_eq!(to_quartz(crontab).as_deref(), Ok(quartz), "{crontab}");
        }
    }

    #[test]
    fn bad_lines_are_refused_with_a_reason() {
        let now = jakarta(2026, 12, 20, 10, 0);
        let tz = chrono_tz::Asia::Jakarta;
        let cases = [
            ("0 8 * *", CronError::FieldCount(4)),
            ("0 0 8 * * MON", CronError::FieldCount(6)),
            ("0 8 * * 8", CronError::Weekday("8".into())),
            ("0 8 * * funday", CronError::Weekday("FUNDAY".into())),
            ("0 8 * * 1/9", CronError::Weekday("1/9".into())),
            ("0 8 1 * MON", CronError::DayAndWeekday),
            ("* * * * *", CronError::TooFrequent),
            ("*/30 8 * * *", CronError::TooFrequent),
            ("0 8 31 2 *", CronError::NeverRuns),
        ];
        for (line, want) in cases {
            assert_eq!(CronExpr::from_crontab(line, now, tz), Err(want), "{line}");
        }
        for line in ["61 8 * * *", "0 25 * * *", "0 8 32 * *", "0 8 * 13 *", "x 8 * * *"] {
            assert!(matches!(CronExpr::from_crontab(line, now, tz), Err(CronError::Invalid(_))), "{line}");
        }
    }

    fn jakarta(y: i32, m: u32, d: u32, h: u32, min: u32) -> i64 {
        let naive = NaiveDate::from_ymd_opt(y, m, d).unwrap().and_hms_opt(h, min, 0).unwrap();
        chrono_tz::Asia::Jakarta.from_local_datetime(&naive).unwrap().timestamp()
    }

    #[test]
    fn the_next_three_runs_are_read_in_jakarta_time() {
        let tz = chrono_tz::Asia::Jakarta;
        // Sunday 20 December 2026, 10:00 WIB.
        let now = jakarta(2026, 12, 20, 10, 0);
        let cases = [
            ("0 8 * * MON", [jakarta(2026, 12, 21, 8, 0), jakarta(2026, 12, 28, 8, 0), jakarta(2027, 1, 4, 8, 0)]),
            ("0 7 * * *", [jakarta(2026, 12, 21, 7, 0), jakarta(2026, 12, 22, 7, 0), jakarta(2026, 12, 23, 7, 0)]),
            ("0 8 1 * *", [jakarta(2027, 1, 1, 8, 0), jakarta(2027, 2, 1, 8, 0), jakarta(2027, 3, 1, 8, 0)]),
            (
                "30 10 * * 0",
                [jakarta(2026, 12, 20, 10, 30), jakarta(2026, 12, 27, 10, 30), jakarta(2027, 1, 3, 10, 30)],
            ),
            ("0 8 * * 5-7", [jakarta(2026, 12, 25, 8, 0), jakarta(2026, 12, 26, 8, 0), jakarta(2026, 12, 27, 8, 0)]),
        ];
        for (line, want) in cases {
            let expr = CronExpr::from_crontab(line, now, tz).unwrap();
            assert_eq!(expr.next_runs(now, tz, 3), want, "{line}");
        }
        // 08:00 WIB is 01:00 UTC: the zone, not UTC, decides the hour.
        assert_eq!(jakarta(2026, 12, 21, 8, 0) % 86_400, 3600);
    }

    #[test]
    fn the_shown_form_drops_the_seconds_and_keeps_names() {
        let expr = CronExpr::from_crontab("0 8 * * 1-5", 0, chrono_tz::Asia::Jakarta).unwrap();
        assert_eq!(expr.quartz(), "0 0 8 * * MON-FRI");
        assert_eq!(expr.crontab(), "0 8 * * MON-FRI");
        assert_eq!(CronExpr::from_quartz(expr.quartz()).unwrap(), expr);
    }
}
