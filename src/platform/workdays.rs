//! Working days as Indonesian government offices keep them: Monday–Friday in a given
//! time zone, minus the national holidays and *cuti bersama* decreed each year, minus
//! any extra days an operator lists (`KIMBOT_HOLIDAYS`). Service levels count in these
//! days (LAPOR!: a stage has "n hari kerja"), so every deadline of the bot asks one
//! [`WorkCalendar`] instead of keeping its own weekend rule.
//!
//! The built-in list ([`NATIONAL`]) comes from the yearly joint decree of the Minister
//! of Religious Affairs, the Minister of Manpower and the Minister of Administrative
//! Reform (*SKB 3 Menteri* on *Hari Libur Nasional dan Cuti Bersama*):
//! - 2026: SKB No. 1497 Tahun 2025, No. 2 Tahun 2025, No. 5 Tahun 2025 (announced
//!   19 September 2025 by the Coordinating Minister for Human Development and Culture):
//!   17 national holidays and 8 days of *cuti bersama*.
//! - 2027: SKB No. 1205, No. 3, No. 2 Tahun 2026 (15 September 2026): 18 national
//!   holidays (Isra Mikraj falls twice, 5 January and 26 December) and 8 days of
//!   *cuti bersama*. We read it as transcribed by public holiday calendars, not from
//!   the decree's PDF itself; operators should compare it with the decree and add or
//!   correct days with `KIMBOT_HOLIDAYS`.
//!
//! A later change of a decree (e.g. a moved Idulfitri after the *sidang isbat*) or a
//! regional holiday is not known here: list it in `KIMBOT_HOLIDAYS`. Years after 2027
//! have no built-in days until a release adds them; then only weekends and the listed
//! days count.

use std::collections::BTreeSet;

use chrono::{Datelike, Days, NaiveDate, TimeZone, Weekday};
use chrono_tz::Tz;

/// What a built-in day off is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayOff {
    /// *Hari libur nasional*.
    National,
    /// *Cuti bersama*: government offices close.
    CutiBersama,
}

/// The built-in days off as `(year, month, day, kind, name)`, sorted by date. Days
/// falling on a weekend are listed too, so the list reads like the decree.
pub const NATIONAL: &[(i32, u32, u32, DayOff, &str)] = &[
    (2026, 1, 1, DayOff::National, "Tahun Baru 2026 Masehi"),
    (2026, 1, 16, DayOff::National, "Isra Mikraj Nabi Muhammad SAW"),
    (2026, 2, 16, DayOff::CutiBersama, "Tahun Baru Imlek 2577 Kongzili"),
    (2026, 2, 17, DayOff::National, "Tahun Baru Imlek 2577 Kongzili"),
    (2026, 3, 18, DayOff::CutiBersama, "Hari Suci Nyepi (Tahun Baru Saka 1948)"),
    (2026, 3, 19, DayOff::National, "Hari Suci Nyepi (Tahun Baru Saka 1948)"),
    (2026, 3, 20, DayOff::CutiBersama, "Idulfitri 1447 Hijriah"),
    (2026, 3, 21, DayOff::National, "Idulfitri 1447 Hijriah"),
    (2026, 3, 22, DayOff::National, "Idulfitri 1447 Hijriah"),
    (2026, 3, 23, DayOff::CutiBersama, "Idulfitri 1447 Hijriah"),
    (2026, 3, 24, DayOff::CutiBersama, "Idulfitri 1447 Hijriah"),
    (2026, 4, 3, DayOff::National, "Wafat Yesus Kristus"),
    (2026, 4, 5, DayOff::National, "Kebangkitan Yesus Kristus (Paskah)"),
    (2026, 5, 1, DayOff::National, "Hari Buruh Internasional"),
    (2026, 5, 14, DayOff::National, "Kenaikan Yesus Kristus"),
    (2026, 5, 15, DayOff::CutiBersama, "Kenaikan Yesus Kristus"),
    (2026, 5, 27, DayOff::National, "Iduladha 1447 Hijriah"),
    (2026, 5, 28, DayOff::CutiBersama, "Iduladha 1447 Hijriah"),
    (2026, 5, 31, DayOff::National, "Hari Raya Waisak 2570 BE"),
    (2026, 6, 1, DayOff::National, "Hari Lahir Pancasila"),
    (2026, 6, 16, DayOff::National, "1 Muharam Tahun Baru Islam 1448 Hijriah"),
    (2026, 8, 17, DayOff::National, "Proklamasi Kemerdekaan"),
    (2026, 8, 25, DayOff::National, "Maulid Nabi Muhammad SAW"),
    (2026, 12, 24, DayOff::CutiBersama, "Kelahiran Yesus Kristus"),
    (2026, 12, 25, DayOff::National, "Kelahiran Yesus Kristus"),
    (2027, 1, 1, DayOff::National, "Tahun Baru 2027 Masehi"),
    (2027, 1, 5, DayOff::National, "Isra Mikraj Nabi Muhammad SAW 1448 Hijriah"),
    (2027, 2, 5, DayOff::CutiBersama, "Tahun Baru Imlek 2578 Kongzili"),
    (2027, 2, 6, DayOff::National, "Tahun Baru Imlek 2578 Kongzili"),
    (2027, 3, 8, DayOff::National, "Hari Suci Nyepi (Tahun Baru Saka 1949)"),
    (2027, 3, 9, DayOff::CutiBersama, "Idulfitri 1448 Hijriah"),
    (2027, 3, 10, DayOff::National, "Idulfitri 1448 Hijriah"),
    (2027, 3, 11, DayOff::National, "Idulfitri 1448 Hijriah"),
    (2027, 3, 12, DayOff::CutiBersama, "Idulfitri 1448 Hijriah"),
    (2027, 3, 15, DayOff::CutiBersama, "Idulfitri 1448 Hijriah"),
    (2027, 3, 25, DayOff::CutiBersama, "Wafat Yesus Kristus"),
    (2027, 3, 26, DayOff::National, "Wafat Yesus Kristus"),
    (2027, 3, 28, DayOff::National, "Kebangkitan Yesus Kristus (Paskah)"),
    (2027, 5, 1, DayOff::National, "Hari Buruh Internasional"),
    (2027, 5, 6, DayOff::National, "Kenaikan Yesus Kristus"),
    (2027, 5, 17, DayOff::National, "Iduladha 1448 Hijriah"),
    (2027, 5, 18, DayOff::CutiBersama, "Iduladha 1448 Hijriah"),
    (2027, 5, 19, DayOff::CutiBersama, "Hari Raya Waisak 2571 BE"),
    (2027, 5, 20, DayOff::National, "Hari Raya Waisak 2571 BE"),
    (2027, 6, 1, DayOff::National, "Hari Lahir Pancasila"),
    (2027, 6, 6, DayOff::National, "1 Muharam Tahun Baru Islam 1449 Hijriah"),
    (2027, 8, 15, DayOff::National, "Maulid Nabi Muhammad SAW"),
    (2027, 8, 17, DayOff::National, "Proklamasi Kemerdekaan"),
    (2027, 12, 24, DayOff::CutiBersama, "Kelahiran Yesus Kristus"),
    (2027, 12, 25, DayOff::National, "Kelahiran Yesus Kristus"),
    (2027, 12, 26, DayOff::National, "Isra Mikraj Nabi Muhammad SAW 1449 Hijriah"),
];

/// Seconds in a (zone-less) day: a working day is worth this much time.
const DAY: i64 = 86_400;

/// Which days count as working days: Monday–Friday, minus the built-in national
/// holidays and *cuti bersama* (unless built without them) and the extra days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkCalendar {
    builtin: bool,
    extra: BTreeSet<NaiveDate>,
}

impl Default for WorkCalendar {
    /// Indonesia's calendar with no extra days.
    fn default() -> Self {
        Self::indonesia(BTreeSet::new())
    }
}

impl WorkCalendar {
    /// The built-in national holidays and *cuti bersama* plus `extra` days off.
    pub fn indonesia(extra: BTreeSet<NaiveDate>) -> Self {
        Self { builtin: true, extra }
    }

    /// Only weekends and `extra` days off (tests, or an operator who lists every day).
    pub fn weekends_only(extra: BTreeSet<NaiveDate>) -> Self {
        Self { builtin: false, extra }
    }

    /// The extra days off (from `KIMBOT_HOLIDAYS`).
    pub fn extra(&self) -> &BTreeSet<NaiveDate> {
        &self.extra
    }

    /// The built-in day off on `day`, if any (even when this calendar ignores them).
    pub fn builtin_day_off(day: NaiveDate) -> Option<(DayOff, &'static str)> {
        let key = (day.year(), day.month(), day.day());
        NATIONAL
            .binary_search_by(|(y, m, d, _, _)| (*y, *m, *d).cmp(&key))
            .ok()
            .map(|i| (NATIONAL[i].3, NATIONAL[i].4))
    }

    /// Whether `day` is a working day.
    pub fn is_working(&self, day: NaiveDate) -> bool {
        let weekend = matches!(day.weekday(), Weekday::Sat | Weekday::Sun);
        let day_off = self.extra.contains(&day) || (self.builtin && Self::builtin_day_off(day).is_some());
        !weekend && !day_off
    }

    /// The instant (Unix seconds) at which `n_days` full working days have passed
    /// since `start`, judged in `tz`: working time is summed day by day, so a weekend
    /// or holiday in between simply does not count, and a start on a day off counts
    /// from the next working midnight.
    pub fn deadline(&self, start: i64, n_days: u32, tz: Tz) -> i64 {
        self.after_working(start, i64::from(n_days) * DAY, tz)
    }

    /// The instant at which `working` seconds of working time have passed since
    /// `start` in `tz`: what [`Self::deadline`] counts in, and what a fraction of a
    /// service level (the reminder at 80 %) needs.
    pub fn after_working(&self, start: i64, working: i64, tz: Tz) -> i64 {
        let mut remaining = working.max(0);
        let mut cursor = start;
        // Bounded: 60 working days never need more than a few hundred calendar days,
        // unless the holiday list covers whole years; then give up at ~3 years.
        for _ in 0..1100 {
            let Some((day, next_midnight)) = local_day(cursor, tz) else { break };
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

    /// Working time (seconds) between `start` and `now` in `tz`: what a stage has
    /// used of its service level. 0 when `now` is not after `start`.
    pub fn elapsed_working(&self, start: i64, now: i64, tz: Tz) -> i64 {
        let mut elapsed = 0;
        let mut cursor = start;
        while cursor < now {
            let Some((day, next_midnight)) = local_day(cursor, tz) else { break };
            let until = next_midnight.min(now);
            if self.is_working(day) {
                elapsed += until - cursor;
            }
            cursor = until;
        }
        elapsed
    }

    /// A lower bound of every deadline of `n_days` (no day off can shorten a wait),
    /// so SQL can skip young rows before the exact check in Rust: a row started after
    /// this instant cannot be due at `now`.
    pub fn earliest_start_due(now: i64, n_days: u32) -> i64 {
        now - i64::from(n_days) * DAY
    }
}

/// The local date of `at` in `tz` and the instant of the next local midnight.
fn local_day(at: i64, tz: Tz) -> Option<(NaiveDate, i64)> {
    let day = tz.timestamp_opt(at, 0).single()?.date_naive();
    let next_midnight = day
        .checked_add_days(Days::new(1))
        .and_then(|d| tz.from_local_datetime(&d.and_hms_opt(0, 0, 0)?).earliest())
        .map_or(at + DAY, |t| t.timestamp());
    Some((day, next_midnight))
}

#[cfg(test)]
mod tests {
    use super::*;

    const WIB: Tz = chrono_tz::Asia::Jakarta;
    const WIT: Tz = chrono_tz::Asia::Jayapura;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// Unix seconds of a local time in `tz`.
    fn at(tz: Tz, y: i32, m: u32, d: u32, h: u32, min: u32) -> i64 {
        tz.with_ymd_and_hms(y, m, d, h, min, 0).unwrap().timestamp()
    }

    #[test]
    fn the_built_in_list_is_sorted_real_dates_and_covers_both_years() {
        for pair in NATIONAL.windows(2) {
            assert!((pair[0].0, pair[0].1, pair[0].2) < (pair[1].0, pair[1].1, pair[1].2), "{pair:?}");
        }
        for (y, m, d, _, name) in NATIONAL {
            assert!(NaiveDate::from_ymd_opt(*y, *m, *d).is_some(), "{name}");
        }
        let count = |year: i32, kind: DayOff| NATIONAL.iter().filter(|h| h.0 == year && h.3 == kind).count();
        assert_eq!((count(2026, DayOff::National), count(2026, DayOff::CutiBersama)), (17, 8), "SKB 2026: 17 + 8");
        assert_eq!((count(2027, DayOff::National), count(2027, DayOff::CutiBersama)), (18, 8), "SKB 2027: 18 + 8");
    }

    #[test]
    fn weekends_national_holidays_cuti_bersama_and_extra_days_are_not_working_days() {
        let cal = WorkCalendar::indonesia([date(2026, 12, 31)].into());
        let cases = [
            ("an ordinary Monday", date(2026, 11, 23), true),
            ("Saturday", date(2026, 11, 28), false),
            ("Sunday", date(2026, 11, 29), false),
            ("Proklamasi, a Monday", date(2026, 8, 17), false),
            ("cuti bersama before Christmas", date(2026, 12, 24), false),
            ("Christmas", date(2026, 12, 25), false),
            ("an extra day from KIMBOT_HOLIDAYS", date(2026, 12, 31), false),
            ("Idulfitri 2027", date(2027, 3, 10), false),
            ("a Tuesday after Idulfitri's cuti bersama", date(2027, 3, 16), true),
        ];
        for (name, day, working) in cases {
            assert_eq!(cal.is_working(day), working, "{name}");
        }
        assert!(WorkCalendar::weekends_only(BTreeSet::new()).is_working(date(2026, 12, 24)), "without the built-in list");
        assert_eq!(WorkCalendar::builtin_day_off(date(2026, 3, 23)).map(|d| d.0), Some(DayOff::CutiBersama));
    }

    #[test]
    fn deadlines_skip_weekends_and_the_christmas_holidays_of_2026() {
        let cal = WorkCalendar::default();
        let plain = WorkCalendar::weekends_only(BTreeSet::new());
        // Wednesday 23 December 2026, 10:00: Thursday 24 (cuti bersama) and Friday 25
        // (Christmas) and the weekend do not count, so three working days end on
        // Wednesday 30 December at 10:00.
        let sent = at(WIB, 2026, 12, 23, 10, 0);
        assert_eq!(cal.deadline(sent, 3, WIB), at(WIB, 2026, 12, 30, 10, 0));
        assert_eq!(plain.deadline(sent, 3, WIB), at(WIB, 2026, 12, 28, 10, 0), "weekends only");
        // Idulfitri 2026: from Thursday 19 March (Nyepi) nothing counts until
        // Wednesday 25 March.
        assert_eq!(cal.deadline(at(WIB, 2026, 3, 18, 9, 0), 1, WIB), at(WIB, 2026, 3, 26, 0, 0));
    }

    #[test]
    fn elapsed_working_time_counts_only_working_hours_of_the_zone() {
        let cal = WorkCalendar::default();
        let sent = at(WIB, 2026, 12, 23, 10, 0);
        let cases = [
            ("same instant", sent, 0),
            ("before the start", sent - 3600, 0),
            ("end of the day", at(WIB, 2026, 12, 24, 0, 0), 14 * 3600),
            ("over the holidays", at(WIB, 2026, 12, 28, 6, 0), 20 * 3600),
            ("at the deadline", cal.deadline(sent, 3, WIB), 3 * DAY),
        ];
        for (name, now, want) in cases {
            assert_eq!(cal.elapsed_working(sent, now, WIB), want, "{name}");
        }
    }

    #[test]
    fn the_same_instant_is_judged_in_each_zone() {
        // Friday 27 November 2026, 23:30 WIB is already Saturday 01:30 WIT: no Friday
        // time counts in Jayapura.
        let plain = WorkCalendar::weekends_only(BTreeSet::new());
        let sent = at(WIB, 2026, 11, 27, 23, 30);
        assert_eq!(plain.deadline(sent, 1, WIB), at(WIB, 2026, 11, 30, 23, 30));
        assert_eq!(plain.deadline(sent, 1, WIT), at(WIB, 2026, 11, 30, 22, 0));
        assert_eq!(plain.elapsed_working(sent, at(WIB, 2026, 11, 28, 0, 0), WIB), 1800);
        assert_eq!(plain.elapsed_working(sent, at(WIB, 2026, 11, 28, 0, 0), WIT), 0);
    }

    #[test]
    fn the_sql_prefilter_never_drops_a_due_row() {
        let cal = WorkCalendar::default();
        for start in [at(WIB, 2026, 12, 23, 10, 0), at(WIB, 2027, 3, 5, 16, 0), at(WIT, 2026, 11, 28, 1, 0)] {
            for n in [1, 3, 5, 10] {
                let due = cal.deadline(start, n, WIB);
                assert!(start <= WorkCalendar::earliest_start_due(due, n), "{start} + {n}");
            }
        }
    }
}
