//! Service level (as on LAPOR!): how long a ticket may wait for its first response.
//!
//! Only working days in the KIM's time zone count, from the moment of submission: a
//! ticket sent on Friday at 20:00 has 4 hours of Friday, then Monday, Tuesday, and 20
//! hours of Wednesday. Which days work is the
//! [`WorkCalendar`](crate::platform::workdays::WorkCalendar)'s: Monday–Friday minus
//! Indonesia's national holidays and *cuti bersama* (built in for 2026 and 2027) and
//! the days listed in `KIMBOT_HOLIDAYS` (`2026-12-31,2027-01-04`).

use chrono_tz::Tz;

pub use crate::platform::config::SlaConfig;
use crate::platform::workdays::WorkCalendar;

/// The first-response deadline; the settings themselves are read in `platform::config`.
impl SlaConfig {
    /// The instant (Unix seconds) at which a ticket submitted at `created_at` has
    /// waited `working_days` full working days in `tz`.
    pub fn deadline(&self, created_at: i64, tz: Tz) -> i64 {
        self.calendar.deadline(created_at, self.working_days, tz)
    }

    /// A lower bound of every deadline (no weekend can shorten the wait), so the
    /// database can skip young tickets before the exact check in Rust.
    pub fn earliest_created_due(&self, now: i64) -> i64 {
        WorkCalendar::earliest_start_due(now, self.working_days)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use chrono::{NaiveDate, TimeZone};

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
        let listed = WorkCalendar::indonesia([NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()].into());
        let with_holiday = SlaConfig { calendar: listed, ..plain.clone() };
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
            ("christmas without configuration", &plain, wib(2026, 12, 23, 10, 0), wib(2026, 12, 30, 10, 0)),
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
        let config = SlaConfig { working_days: 1, calendar: WorkCalendar::weekends_only(BTreeSet::new()), ..SlaConfig::default() };
        assert_eq!(config.deadline(sent, WIB), wib(2026, 11, 30, 23, 30));
        assert_eq!(config.deadline(sent, chrono_tz::Asia::Jayapura), wib(2026, 11, 30, 22, 0));
    }
}
