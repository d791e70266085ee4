//! A date and time typed by a person (`25/12 08:00`, `2026-12-25 08:00`), read in the
//! KIM's time zone and turned into a Unix time that must lie in the future.

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
    /// No year typed and the day has passed this year: it would mean this moment,
    /// next year — far enough away that the person is asked first.
    #[error("the day has passed this year")]
    NextYear(i64),
}

/// A day without a year that lies further ahead than this was most likely meant in
/// the past ("03/12" typed on 4 December), not next year.
const ASK_BEYOND_SECS: i64 = 183 * 86_400;

/// Reads the forms [`crate::platform::when::parse_local`] knows (`25/12 08:00`,
/// `2026-12-25 08:00`, `25/12/2026 pukul 08.00 WIB` …) and requires the moment to lie
/// in the future: a scheduled announcement cannot be sent in the past.
pub fn parse(input: &str, now: i64, tz: Tz) -> Result<i64, WhenError> {
    let at = crate::platform::when::parse_local(input, now, tz).map_err(|e| match e {
        crate::platform::when::WhenError::Format => WhenError::Format,
        crate::platform::when::WhenError::Invalid => WhenError::NoSuchDate,
    })?;
    if at <= now {
        return Err(WhenError::Past);
    }
    if at - now > ASK_BEYOND_SECS && !crate::platform::when::names_year(input) {
        return Err(WhenError::NextYear(at));
    }
    Ok(at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, TimeZone};

    fn jakarta(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> i64 {
        let naive = NaiveDate::from_ymd_opt(y, mo, d).unwrap().and_hms_opt(h, mi, 0).unwrap();
        chrono_tz::Asia::Jakarta.from_local_datetime(&naive).unwrap().timestamp()
    }

    #[test]
    fn typed_dates_and_times_are_read_in_the_kims_zone() {
        let tz = chrono_tz::Asia::Jakarta;
        let now = jakarta(2026, 12, 20, 10, 0);
        let cases: [(&str, Result<i64, WhenError>); 26] = [
            ("19/12 08:00", Err(WhenError::NextYear(jakarta(2027, 12, 19, 8, 0)))),
            ("03/12 08:00", Err(WhenError::NextYear(jakarta(2027, 12, 3, 8, 0)))),
            ("19/12/2027 08:00", Ok(jakarta(2027, 12, 19, 8, 0))),
            ("03/06 08:00", Ok(jakarta(2027, 6, 3, 8, 0))),
            ("25/12/2026 pukul 08.00 WIB", Ok(jakarta(2026, 12, 25, 8, 0))),
            ("25/12 08:00 extra", Err(WhenError::Format)),
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
            ("25/12/26 08:00", Ok(jakarta(2026, 12, 25, 8, 0))),
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
