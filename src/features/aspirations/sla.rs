//! Service level (as on LAPOR!): how long a ticket may wait for its first response.
//!
//! Only Monday–Friday in the KIM's time zone count, from the moment of submission: a
//! ticket sent on Friday at 20:00 has 4 hours of Friday, then Monday, Tuesday, and 20
//! hours of Wednesday. National holidays (and *cuti bersama*) are not known to the bot;
//! list them in `KIMBOT_HOLIDAYS` (`2026-12-25,2026-12-26`) and they count as weekend.

use chrono::{Datelike, Days, NaiveDate, TimeZone, Weekday};
use chrono_tz::Tz;


pub use crate::platform::config::SlaConfig;

/// The service-level arithmetic; the settings themselves are read in `platform::config`.
impl SlaConfig {
    fn is_working(&self, day: NaiveDate) -> bool {
        !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) && !self.holidays.contains(&day)
    }

    /// The instant (Unix seconds) at which a ticket submitted at `created_at` has
    /// waited `working_days` full working days in `tz`; working time is summed day by
    /// day, so a weekend or holiday in between simply does not count.
    pub fn deadline(&self, created_at: i64, tz: Tz) -> i64 {
        let mut remaining = i64::from(self.working_days) * 86_400;
        let mut cursor = created_at;
        // Bounded: 60 working days never need more than a few hundred calendar days,
        // unless the holiday list covers whole years; then give up at ~3 years.
        for _ in 0..1100 {
            let Some(local) = tz.timestamp_opt(cursor, 0).single() else { break };
            let day = local.date_naive();
            let next_midnight = day
                .checked_add_days(Days::new(1))
                .and_then(|d| tz.from_local_datetime(&d.and_hms_opt(0, 0, 0)?).earliest())
                .map_or(cursor + 86_400, |t| t.timestamp());
            if self.is_working(day) {
                let span = next_midnight - cursor;
                if span >= remaining {
                    return cursor + remaining;
                }
                remaining -= span;
            }
            cursor = next_midnight;
        }
        cursor + remaining
    }

    /// A lower bound of every deadline (no weekend can shorten the wait), so the
    /// database can skip young tickets before the exact check in Rust.
    pub fn earliest_created_due(&self, now: i64) -> i64 {
        now - i64::from(self.working_days) * 86_400
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WIB: Tz = chrono_tz::Asia::Jakarta;

    /// Unix seconds of a local WIB time.
    fn wib(y: i32, m: u32, d: u32, h: u32, min: u32) -> i64 {
        WIB.with_ymd_and_hms(y, m, d, h, min, 0).unwrap().timestamp()
    }

    #[test]
    fn deadlines_skip_weekends_and_listed_holidays() {
        // 2026-11-27 is a Friday; 2026-11-23 a Monday.
        let plain = SlaConfig::default();
        let with_holiday = SlaConfig { holidays: [NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()].into(), ..plain.clone() };
        let one_day = SlaConfig { working_days: 1, ..plain.clone() };
        let cases = [
            ("monday morning", &plain, wib(2026, 11, 23, 9, 0), wib(2026, 11, 26, 9, 0)),
            ("wednesday noon runs into the weekend", &plain, wib(2026, 11, 25, 12, 0), wib(2026, 11, 30, 12, 0)),
            ("friday evening", &plain, wib(2026, 11, 27, 20, 0), wib(2026, 12, 2, 20, 0)),
            ("saturday counts from monday", &plain, wib(2026, 11, 28, 10, 0), wib(2026, 12, 3, 0, 0)),
            ("sunday night counts from monday", &plain, wib(2026, 11, 29, 23, 59), wib(2026, 12, 3, 0, 0)),
            ("a holiday in between", &with_holiday, wib(2026, 11, 23, 9, 0), wib(2026, 11, 27, 9, 0)),
            ("one day from friday", &one_day, wib(2026, 11, 27, 8, 0), wib(2026, 11, 30, 8, 0)),
            ("one day from midnight", &one_day, wib(2026, 11, 26, 0, 0), wib(2026, 11, 27, 0, 0)),
        ];
        for (name, config, sent, due) in cases {
            assert_eq!(config.deadline(sent, WIB), due, "{name}");
            assert!(sent <= config.earliest_created_due(due), "{name}: the SQL pre-filter keeps it");
        }
    }

    #[test]
    fn the_same_instant_is_judged_in_the_kims_own_zone() {
        // Friday 23:30 WIB is already Saturday 01:30 WIT: no Friday time counts there.
        let sent = wib(2026, 11, 27, 23, 30);
        let config = SlaConfig { working_days: 1, ..SlaConfig::default() };
        assert_eq!(config.deadline(sent, WIB), wib(2026, 11, 30, 23, 30));
        assert_eq!(config.deadline(sent, chrono_tz::Asia::Jayapura), wib(2026, 11, 30, 22, 0));
    }
}
