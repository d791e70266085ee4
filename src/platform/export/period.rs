//! Report periods: whole local days from `from` to `to` inclusive, chosen with a
//! button (this week, this month, last month) or typed as `1/11/2026 - 30/11/2026`.

use chrono::{Datelike, Duration, NaiveDate, TimeZone};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

/// Longest period a report may cover, so a typo (`2062`) cannot ask for decades.
pub const MAX_DAYS: i64 = 366 * 3;
/// Years a period may fall in: any date a report can mean, and far from the ends of
/// the calendar (`+262142-12-31` plus a day overflowed and panicked).
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// The period shortcuts offered as buttons.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preset {
    ThisWeek,
    ThisMonth,
    LastMonth,
}

/// Why a typed period was refused (each has its own message).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodError {
    Format,
    Order,
    TooLong,
    /// A date outside [`YEARS`].
    OutOfRange,
}

impl PeriodError {
    pub fn message_key(self) -> &'static str {
        match self {
            PeriodError::Format => "rep-period-format",
            PeriodError::Order => "rep-period-order",
            PeriodError::TooLong => "rep-period-too-long",
            PeriodError::OutOfRange => "rep-period-range",
        }
    }
}

impl Period {
    /// The period a preset means on the local day of `now`.
    pub fn preset(preset: Preset, now: i64, tz: Tz) -> Period {
        let today = tz.timestamp_opt(now, 0).single().map(|t| t.date_naive()).unwrap_or_default();
        let month_start = today.with_day(1).unwrap_or(today);
        match preset {
            Preset::ThisWeek => {
                let monday = today - Duration::days(today.weekday().num_days_from_monday() as i64);
                Period { from: monday, to: today }
            }
            Preset::ThisMonth => Period { from: month_start, to: today },
            Preset::LastMonth => {
                let last_day = month_start - Duration::days(1);
                Period { from: last_day.with_day(1).unwrap_or(last_day), to: last_day }
            }
        }
    }

    /// `1/11/2026 - 30/11/2026` (day/month/year; `-`, `–` or `s/d` between; ISO
    /// dates `2026-11-01` are accepted too).
    pub fn parse(input: &str) -> Result<Period, PeriodError> {
        let text = input.trim().replace('–', " - ").replace("s/d", " - ").replace(" sampai ", " - ");
        let parts: Vec<&str> = text.split(" - ").map(str::trim).filter(|p| !p.is_empty()).collect();
        let [from, to] = parts.as_slice() else { return Err(PeriodError::Format) };
        Period::new(parse_date(from)?, parse_date(to)?)
    }

    pub fn new(from: NaiveDate, to: NaiveDate) -> Result<Period, PeriodError> {
        if !YEARS.contains(&from.year()) || !YEARS.contains(&to.year()) {
            return Err(PeriodError::OutOfRange);
        }
        if to < from {
            return Err(PeriodError::Order);
        }
        if (to - from).num_days() >= MAX_DAYS {
            return Err(PeriodError::TooLong);
        }
        Ok(Period { from, to })
    }

    /// Unix seconds `[start, end)` covering the local days of the period.
    pub fn bounds(&self, tz: Tz) -> (i64, i64) {
        (local_midnight(self.from, tz), local_midnight(self.day_after(), tz))
    }

    /// `01/11/2026 – 30/11/2026`, for messages and the summary sheet.
    pub fn label(&self) -> String {
        format!("{} – {}", self.from.format("%d/%m/%Y"), self.to.format("%d/%m/%Y"))
    }

    /// `2026-11` for a whole month, `2026-11-01_2026-11-30` otherwise; used in file names.
    pub fn slug(&self) -> String {
        let whole_month = self.from.day() == 1
            && self.from.year() == self.to.year()
            && self.from.month() == self.to.month()
            && self.day_after().day() == 1;
        if whole_month { self.from.format("%Y-%m").to_string() } else { format!("{}_{}", self.from, self.to) }
    }

    /// The day after `to`; [`Period::new`] keeps it far from the calendar's end, and
    /// the last day stands in for it if a period was ever built around that check.
    fn day_after(&self) -> NaiveDate {
        self.to.succ_opt().unwrap_or(self.to)
    }
}

fn parse_date(s: &str) -> Result<NaiveDate, PeriodError> {
    NaiveDate::parse_from_str(s, "%d/%m/%Y")
        .or_else(|_| NaiveDate::parse_from_str(s, "%d-%m-%Y"))
        .or_else(|_| NaiveDate::parse_from_str(s, "%Y-%m-%d"))
        .map_err(|_| PeriodError::Format)
}

/// Unix seconds of local midnight starting `day` (the earliest instant on a DST gap).
pub fn local_midnight(day: NaiveDate, tz: Tz) -> i64 {
    let naive = day.and_hms_opt(0, 0, 0).unwrap_or_default();
    tz.from_local_datetime(&naive).earliest().map(|t| t.timestamp()).unwrap_or_else(|| naive.and_utc().timestamp())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn typed_periods_parse_in_indonesian_order() {
        assert_eq!(Period::parse("1/11/2026 - 30/11/2026"), Ok(Period { from: d(2026, 11, 1), to: d(2026, 11, 30) }));
        assert_eq!(Period::parse("2026-11-01 - 2026-11-30").map(|p| p.to), Ok(d(2026, 11, 30)));
        assert_eq!(Period::parse("1/11/2026 s/d 3/11/2026").map(|p| p.to), Ok(d(2026, 11, 3)));
        assert_eq!(Period::parse("30/11/2026 - 1/11/2026"), Err(PeriodError::Order));
        assert_eq!(Period::parse("November"), Err(PeriodError::Format));
        assert_eq!(Period::parse("31/02/2026 - 1/3/2026"), Err(PeriodError::Format));
        assert_eq!(Period::parse("1/1/2020 - 1/1/2030"), Err(PeriodError::TooLong));
        assert_eq!(Period::parse("+262142-12-30 - +262142-12-31"), Err(PeriodError::OutOfRange));
        assert_eq!(Period::parse("31/12/1999 - 1/1/2000"), Err(PeriodError::OutOfRange));
        assert_eq!(Period::parse("31/12/2100 - 1/1/2101"), Err(PeriodError::OutOfRange));
        assert!(Period::parse("1/1/2000 - 31/12/2000").is_ok() && Period::parse("1/1/2100 - 31/12/2100").is_ok());
    }

    #[test]
    fn presets_follow_the_local_calendar() {
        let tz: Tz = "Asia/Jakarta".parse().unwrap();
        // Wednesday 2026-11-18 10:00 WIB.
        let now = local_midnight(d(2026, 11, 18), tz) + 10 * 3600;
        assert_eq!(Period::preset(Preset::ThisWeek, now, tz), Period { from: d(2026, 11, 16), to: d(2026, 11, 18) });
        assert_eq!(Period::preset(Preset::ThisMonth, now, tz).from, d(2026, 11, 1));
        assert_eq!(Period::preset(Preset::LastMonth, now, tz), Period { from: d(2026, 10, 1), to: d(2026, 10, 31) });
        let p = Period { from: d(2026, 11, 1), to: d(2026, 11, 30) };
        assert_eq!(p.slug(), "2026-11");
        assert_eq!(p.bounds(tz).1 - p.bounds(tz).0, 30 * 86_400);
    }
}
