//! Dates and times as coordinators type them and residents read them, always in the
//! KIM's time zone (WIB, WITA or WIT). Stored as Unix seconds, UTC. One reader for
//! every typed date (trainings, scheduled announcements), so the same words work
//! everywhere.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Timelike};
use chrono_tz::Tz;

/// Why typed text is not a usable date and time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum WhenError {
    /// Not in a shape we read (e.g. "besok pagi").
    #[error("not a date and time")]
    Format,
    /// The shape is right but the day or hour does not exist (31/02, 25:00).
    #[error("no such date or time")]
    Invalid,
}

/// Parses `25/12 08:00`, `25/12/2026 08.00`, `2026-12-25 08:00` or `25-12-2026 8:00`,
/// with an optional trailing zone word (WIB/WITA/WIT) and the words "pukul"/"jam".
/// Without a year the next such day is meant: this year, unless it has passed.
pub fn parse_local(input: &str, now: i64, tz: Tz) -> Result<i64, WhenError> {
    let words = words(input);
    let [date, time] = words.as_slice() else { return Err(WhenError::Format) };
    let (y, m, d) = parse_date(date)?;
    let time = parse_time(time)?;
    let today = local(now, tz).date_naive();
    let date = match y {
        Some(y) => NaiveDate::from_ymd_opt(y, m, d).ok_or(WhenError::Invalid)?,
        None => {
            let this_year = NaiveDate::from_ymd_opt(today.year(), m, d);
            match this_year {
                Some(date) if date >= today => date,
                _ => NaiveDate::from_ymd_opt(today.year() + 1, m, d).ok_or(WhenError::Invalid)?,
            }
        }
    };
    to_utc(date.and_time(time), tz)
}

/// Whether the typed date names its year (`25/12/2026`, `2026-12-25`). Without one,
/// [`parse_local`] takes the next such day, which may be a year away: callers can
/// ask before reading "yesterday" as next year.
pub fn names_year(input: &str) -> bool {
    words(input).first().is_some_and(|date| matches!(parse_date(date), Ok((Some(_), _, _))))
}

/// Parses an end time: a full date and time as [`parse_local`], or just a time
/// (`12:00`), meaning the same day as `start`.
pub fn parse_end(input: &str, start: i64, now: i64, tz: Tz) -> Result<i64, WhenError> {
    let words = words(input);
    if let [only] = words.as_slice() {
        let time = parse_time(only)?;
        return to_utc(local(start, tz).date_naive().and_time(time), tz);
    }
    parse_local(input, now, tz)
}

/// The moment in the KIM's zone.
pub fn local(ts: i64, tz: Tz) -> DateTime<Tz> {
    tz.timestamp_opt(ts, 0).single().unwrap_or_else(|| tz.timestamp_opt(0, 0).unwrap())
}

/// `hour:minute` on the day before `ts` (local), as Unix seconds: the evening
/// reminder's time.
pub fn day_before_at(ts: i64, hour: u32, tz: Tz) -> i64 {
    let day = local(ts, tz).date_naive().pred_opt().unwrap_or(NaiveDate::MIN);
    let at = day.and_time(NaiveTime::from_hms_opt(hour, 0, 0).unwrap_or(NaiveTime::MIN));
    to_utc(at, tz).unwrap_or(ts - 86_400)
}

/// Parts a message needs to show a moment: weekday and month as short English
/// codes (the message files pick the words), numbers, and the zone's abbreviation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parts {
    pub weekday: &'static str,
    pub day: u32,
    pub month: &'static str,
    pub year: i32,
    pub time: String,
    pub zone: String,
}

pub fn parts(ts: i64, tz: Tz) -> Parts {
    const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let t = local(ts, tz);
    Parts {
        weekday: WEEKDAYS[t.weekday().num_days_from_monday() as usize],
        day: t.day(),
        month: MONTHS[t.month0() as usize],
        year: t.year(),
        time: format!("{:02}:{:02}", t.hour(), t.minute()),
        zone: t.format("%Z").to_string(),
    }
}

/// "12/01/2026 14:05 WIB": how tickets, the console, reports and `/datasaya` show a
/// moment, so a resident sees one date format everywhere.
pub fn stamp(ts: i64, tz: Tz) -> String {
    match tz.timestamp_opt(ts, 0).single() {
        Some(t) => t.format("%d/%m/%Y %H:%M %Z").to_string(),
        None => ts.to_string(),
    }
}

/// Like [`stamp`], to the second: for the audit log, where the order of acts a
/// few seconds apart matters.
pub fn stamp_seconds(ts: i64, tz: Tz) -> String {
    match tz.timestamp_opt(ts, 0).single() {
        Some(t) => t.format("%d/%m/%Y %H:%M:%S %Z").to_string(),
        None => ts.to_string(),
    }
}

/// Whether two moments fall on the same local day.
pub fn same_day(a: i64, b: i64, tz: Tz) -> bool {
    local(a, tz).date_naive() == local(b, tz).date_naive()
}

fn words(input: &str) -> Vec<String> {
    const NOISE: [&str; 5] = ["pukul", "jam", "wib", "wita", "wit"];
    input
        .split(|c: char| c.is_whitespace() || c == ',')
        .map(str::to_lowercase)
        .filter(|w| !w.is_empty() && !NOISE.contains(&w.as_str()))
        .collect()
}

/// `(year, month, day)` from `25/12`, `25/12/2026`, `25-12-26` or `2026-12-25`.
fn parse_date(s: &str) -> Result<(Option<i32>, u32, u32), WhenError> {
    let parts: Vec<&str> = s.split(['/', '-', '.']).collect();
    let num = |p: &str| -> Result<u32, WhenError> {
        if p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()) {
            return Err(WhenError::Format);
        }
        p.parse().map_err(|_| WhenError::Format)
    };
    let year = |p: &str| -> Result<i32, WhenError> {
        match (p.len(), num(p)?) {
            (2, y) => Ok(2000 + y as i32),
            (4, y) => Ok(y as i32),
            _ => Err(WhenError::Format),
        }
    };
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 => Ok((Some(year(y)?), num(m)?, num(d)?)),
        [d, m, y] if d.len() <= 2 && m.len() <= 2 => Ok((Some(year(y)?), num(m)?, num(d)?)),
        [d, m] if d.len() <= 2 && m.len() <= 2 => Ok((None, num(m)?, num(d)?)),
        _ => Err(WhenError::Format),
    }
}

/// `08:00`, `8:00` or `08.00`.
fn parse_time(s: &str) -> Result<NaiveTime, WhenError> {
    let (h, m) = s.split_once([':', '.']).ok_or(WhenError::Format)?;
    let digits = |p: &str| !p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit());
    if !digits(h) || m.len() != 2 || !digits(m) {
        return Err(WhenError::Format);
    }
    let (h, m) = (h.parse().map_err(|_| WhenError::Format)?, m.parse().map_err(|_| WhenError::Format)?);
    NaiveTime::from_hms_opt(h, m, 0).ok_or(WhenError::Invalid)
}

fn to_utc(at: NaiveDateTime, tz: Tz) -> Result<i64, WhenError> {
    tz.from_local_datetime(&at).earliest().map(|t| t.timestamp()).ok_or(WhenError::Invalid)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::Asia::{Jakarta, Jayapura, Makassar};

    /// 2026-11-30 10:00 WIB.
    const NOW: i64 = 1_796_007_600;

    fn wib(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> i64 {
        Jakarta.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap().timestamp()
    }

    #[test]
    fn typed_dates_are_read_in_the_kims_zone() {
        assert_eq!(local(NOW, Jakarta).format("%Y-%m-%d %H:%M").to_string(), "2026-11-30 10:00");
        let cases: &[(&str, Result<i64, WhenError>)] = &[
            ("25/12 08:00", Ok(wib(2026, 12, 25, 8, 0))),
            ("25/12 8.30", Ok(wib(2026, 12, 25, 8, 30))),
            ("  25/12   08:00 WIB ", Ok(wib(2026, 12, 25, 8, 0))),
            ("25/12/2027 08:00", Ok(wib(2027, 12, 25, 8, 0))),
            ("25-12-27 pukul 08.00", Ok(wib(2027, 12, 25, 8, 0))),
            ("2026-12-25 08:00", Ok(wib(2026, 12, 25, 8, 0))),
            ("30/11 09:00", Ok(wib(2026, 11, 30, 9, 0))),
            ("5/1 07:00", Ok(wib(2027, 1, 5, 7, 0))),
            ("29/11 08:00", Ok(wib(2027, 11, 29, 8, 0))),
            ("2026-12-25, 08:00", Ok(wib(2026, 12, 25, 8, 0))),
            ("31/02 08:00", Err(WhenError::Invalid)),
            ("25/12 25:00", Err(WhenError::Invalid)),
            ("25/12 08:61", Err(WhenError::Invalid)),
            ("25/12", Err(WhenError::Format)),
            ("08:00", Err(WhenError::Format)),
            ("besok pagi", Err(WhenError::Format)),
            ("25/12 0800", Err(WhenError::Format)),
            ("25/12 08:0", Err(WhenError::Format)),
            ("12025-12-25 08:00", Err(WhenError::Format)),
            ("25/12/202 08:00", Err(WhenError::Format)),
            ("", Err(WhenError::Format)),
            ("25/12 08:00 extra", Err(WhenError::Format)),
        ];
        for (input, want) in cases {
            assert_eq!(parse_local(input, NOW, Jakarta), *want, "{input:?}");
        }
    }

    #[test]
    fn the_same_wall_time_is_earlier_in_zones_further_east() {
        let jakarta = parse_local("25/12 08:00", NOW, Jakarta).unwrap();
        assert_eq!(parse_local("25/12 08:00", NOW, Makassar).unwrap(), jakarta - 3600);
        assert_eq!(parse_local("25/12 08:00", NOW, Jayapura).unwrap(), jakarta - 7200);
    }

    #[test]
    fn an_end_given_as_a_time_is_on_the_start_day() {
        let start = wib(2026, 12, 25, 8, 0);
        assert_eq!(parse_end("12:00", start, NOW, Jakarta), Ok(wib(2026, 12, 25, 12, 0)));
        assert_eq!(parse_end("26/12 12:00", start, NOW, Jakarta), Ok(wib(2026, 12, 26, 12, 0)));
        assert_eq!(parse_end("siang", start, NOW, Jakarta), Err(WhenError::Format));
    }

    #[test]
    fn the_evening_before_is_six_pm_local_on_the_previous_day() {
        assert_eq!(day_before_at(wib(2026, 12, 25, 8, 0), 18, Jakarta), wib(2026, 12, 24, 18, 0));
        assert_eq!(day_before_at(wib(2027, 1, 1, 0, 30), 18, Jakarta), wib(2026, 12, 31, 18, 0));
    }

    #[test]
    fn parts_name_the_zone_as_residents_know_it() {
        let p = parts(wib(2026, 12, 25, 8, 5), Jakarta);
        assert_eq!((p.weekday, p.day, p.month, p.year, p.time.as_str(), p.zone.as_str()), ("fri", 25, "dec", 2026, "08:05", "WIB"));
        assert_eq!(parts(NOW, Makassar).zone, "WITA");
        assert_eq!(parts(NOW, Jayapura).zone, "WIT");
    }
}
