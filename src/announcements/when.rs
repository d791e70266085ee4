//! A date and time typed by a person (`25/12 08:00`, `2026-12-25 08:00`), read in the
//! KIM's time zone and turned into a Unix time that must lie in the future.

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use chrono_tz::Tz;

/// Why a typed time was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum WhenError {
    #[error("not a date and time")]
    Format,
    #[error("no such date or time")]
    NoSuchDate,
    #[error("already past")]
    Past,
}

/// Parses `DD/MM HH:MM`, `DD/MM/YYYY HH:MM`, `YYYY-MM-DD HH:MM` (also `-` between day
/// and month, and `.` in the time, as often written in Indonesia). Without a year, the
/// next such date is meant: a day already behind us this year is next year's.
pub fn parse(input: &str, now: i64, tz: Tz) -> Result<i64, WhenError> {
    let parts: Vec<&str> = input.split_whitespace().collect();
    let [date, time] = parts.as_slice() else { return Err(WhenError::Format) };
    let time = parse_time(time)?;
    let today = tz.timestamp_opt(now, 0).single().ok_or(WhenError::Format)?.date_naive();
    let (year, month, day) = parse_date(date)?;
    let date = match year {
        Some(y) => NaiveDate::from_ymd_opt(y, month, day).ok_or(WhenError::NoSuchDate)?,
        None => {
            let this_year = NaiveDate::from_ymd_opt(today.year(), month, day);
            match this_year {
                Some(d) if d >= today => d,
                _ => NaiveDate::from_ymd_opt(today.year() + 1, month, day).ok_or(WhenError::NoSuchDate)?,
            }
        }
    };
    let local = NaiveDateTime::new(date, time);
    // A local time that a clock change skips or repeats is refused rather than guessed.
    let at = tz.from_local_datetime(&local).single().ok_or(WhenError::NoSuchDate)?.timestamp();
    if at <= now {
        return Err(WhenError::Past);
    }
    Ok(at)
}

fn parse_time(s: &str) -> Result<NaiveTime, WhenError> {
    let (h, m) = s.split_once([':', '.']).ok_or(WhenError::Format)?;
    // Minutes are always written with two digits (`8:05`, not `8:5`).
    if m.len() != 2 {
        return Err(WhenError::Format);
    }
    let (h, m): (u32, u32) = (number(h, 2)?, number(m, 2)?);
    NaiveTime::from_hms_opt(h, m, 0).ok_or(WhenError::NoSuchDate)
}

/// (year, month, day) from `DD/MM`, `DD/MM/YYYY`, `DD-MM-YYYY` or `YYYY-MM-DD`.
fn parse_date(s: &str) -> Result<(Option<i32>, u32, u32), WhenError> {
    let fields: Vec<&str> = s.split(['/', '-']).collect();
    match fields.as_slice() {
        [y, m, d] if y.len() == 4 => Ok((Some(number(y, 4)?), number(m, 2)?, number(d, 2)?)),
        [d, m, y] if y.len() == 4 => Ok((Some(number(y, 4)?), number(m, 2)?, number(d, 2)?)),
        [d, m] => Ok((None, number(m, 2)?, number(d, 2)?)),
        _ => Err(WhenError::Format),
    }
}

/// Digits only, at most `max_len` of them.
fn number<T: std::str::FromStr>(s: &str, max_len: usize) -> Result<T, WhenError> {
    if s.is_empty() || s.len() > max_len || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(WhenError::Format);
    }
    s.parse().map_err(|_| WhenError::Format)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jakarta(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> i64 {
        let naive = NaiveDate::from_ymd_opt(y, mo, d).unwrap().and_hms_opt(h, mi, 0).unwrap();
        chrono_tz::Asia::Jakarta.from_local_datetime(&naive).unwrap().timestamp()
    }

    #[test]
    fn typed_dates_and_times_are_read_in_the_kims_zone() {
        let tz = chrono_tz::Asia::Jakarta;
        let now = jakarta(2026, 12, 20, 10, 0);
        let cases: [(&str, Result<i64, WhenError>); 20] = [
            ("25/12 08:00", Ok(jakarta(2026, 12, 25, 8, 0))),
            ("25/12 8:00", Ok(jakarta(2026, 12, 25, 8, 0))),
            ("25/12 08.00", Ok(jakarta(2026, 12, 25, 8, 0))),
            ("25-12 08:00", Ok(jakarta(2026, 12, 25, 8, 0))),
            ("2026-12-25 08:00", Ok(jakarta(2026, 12, 25, 8, 0))),
            ("25/12/2026 08:00", Ok(jakarta(2026, 12, 25, 8, 0))),
            ("  25/12   08:00 ", Ok(jakarta(2026, 12, 25, 8, 0))),
            ("20/12 10:01", Ok(jakarta(2026, 12, 20, 10, 1))),
            ("05/01 07:30", Ok(jakarta(2027, 1, 5, 7, 30))),
            ("29/02 08:00", Err(WhenError::NoSuchDate)),
            ("20/12 10:00", Err(WhenError::Past)),
            ("20/12 09:59", Err(WhenError::Past)),
            ("2025-12-25 08:00", Err(WhenError::Past)),
            ("31/02/2027 08:00", Err(WhenError::NoSuchDate)),
            ("25/12 24:00", Err(WhenError::NoSuchDate)),
            ("25/13 08:00", Err(WhenError::NoSuchDate)),
            ("25/12", Err(WhenError::Format)),
            ("besok 08:00", Err(WhenError::Format)),
            ("25/12 8:5", Err(WhenError::Format)),
            ("25/12/26 08:00", Err(WhenError::Format)),
        ];
        for (typed, want) in cases {
            assert_eq!(parse(typed, now, tz), want, "{typed}");
        }
    }

    #[test]
    fn the_same_words_mean_an_earlier_instant_further_east() {
        let now = jakarta(2026, 12, 20, 10, 0);
        let wib = parse("25/12 08:00", now, chrono_tz::Asia::Jakarta).unwrap();
        let wit = parse("25/12 08:00", now, chrono_tz::Asia::Jayapura).unwrap();
        assert_eq!(wib - wit, 2 * 3600);
    }
}
