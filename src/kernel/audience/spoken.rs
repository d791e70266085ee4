//! Repeating schedules in words: the shapes people say ("every Monday at 08:00",
//! "on the 1st of January, April, July and October") read from a stored expression,
//! so `/jadwal` and the review show words instead of the crontab line.

use super::cron::{CronExpr, DAYS};

/// The common repeating shapes, so people read "every Monday at 08:00" rather than
/// `0 8 * * MON`. Times are "HH:MM"; days are ranges of indexes into Sunday-first
/// [`DAYS`] (`(1, 5)` = Monday–Friday).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shape {
    Daily { times: Vec<String> },
    Weekly { days: Vec<(usize, usize)>, times: Vec<String> },
    Monthly { dates: Vec<u32>, times: Vec<String> },
}

/// A schedule as people say it: its [`Shape`], in the months chosen (empty: every
/// month) as ranges of month numbers (`(1, 1)` = January, `(1, 6)` = January–June).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spoken {
    pub shape: Shape,
    pub months: Vec<(u32, u32)>,
}

impl CronExpr {
    /// The schedule as one of the [`Shape`]s people say in words, in chosen months or
    /// every month; `None` for anything else (steps or ranges of hours, ranges of
    /// dates), shown as the line.
    pub fn spoken(&self) -> Option<Spoken> {
        let fields: Vec<&str> = self.quartz().split_whitespace().collect();
        let ["0", minute, hours, dom, month, dow] = fields.as_slice() else { return None };
        let minute: u32 = minute.parse().ok().filter(|m| *m < 60)?;
        let times = hours
            .split(',')
            .map(|h| h.parse::<u32>().ok().filter(|h| *h < 24).map(|h| format!("{h:02}:{minute:02}")))
            .collect::<Option<Vec<_>>>()?;
        let shape = match (*dom, *dow) {
            ("*" | "?", "*" | "?") => Shape::Daily { times },
            ("*" | "?", days) => Shape::Weekly { days: day_ranges(days)?, times },
            (dates, "*" | "?") => {
                let dates = dates.split(',').map(|d| d.parse().ok().filter(|d| (1..=31).contains(d))).collect::<Option<_>>()?;
                Shape::Monthly { dates, times }
            }
            _ => return None,
        };
        Some(Spoken { shape, months: month_ranges(month)? })
    }
}

/// Month names as the crate reads them (January first).
const MONTHS: [&str; 12] = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

/// A month field (`*`, `1,4,7,10`, `JAN-JUN`, `*/3`, `2-12/2`) → the months it names as
/// ranges, runs of three or more kept together (`[(1, 6)]`), the rest one by one;
/// empty for every month, `None` for what we do not read.
fn month_ranges(field: &str) -> Option<Vec<(u32, u32)>> {
    let chosen = chosen_months(field)?;
    if chosen.iter().all(|c| *c) {
        return Some(Vec::new());
    }
    let mut out = Vec::new();
    let mut m = 0;
    while m < 12 {
        if !chosen[m] {
            m += 1;
            continue;
        }
        let start = m;
        while m + 1 < 12 && chosen[m + 1] {
            m += 1;
        }
        if m - start >= 2 {
            out.push((start as u32 + 1, m as u32 + 1));
        } else {
            out.extend((start..=m).map(|i| (i as u32 + 1, i as u32 + 1)));
        }
        m += 1;
    }
    Some(out)
}

/// The months a field names, January first; `None` for what we do not read
/// (a range running past December, a month that is not one).
fn chosen_months(field: &str) -> Option<[bool; 12]> {
    let month = |token: &str| -> Option<u32> {
        let n = match token.parse::<u32>() {
            Ok(n) => n,
            Err(_) => MONTHS.iter().position(|m| *m == token)? as u32 + 1,
        };
        (1..=12).contains(&n).then_some(n)
    };
    let mut chosen = [false; 12];
    for item in field.split(',') {
        let (range, step) = match item.split_once('/') {
            Some((r, s)) => (r, s.parse::<u32>().ok().filter(|s| (1..12).contains(s))?),
            None => (item, 1),
        };
        let (first, last) = match range.split_once('-') {
            _ if range == "*" || range == "?" => (1, 12),
            Some((a, b)) => (month(a)?, month(b)?),
            None if step == 1 => (month(range)?, month(range)?),
            None => (month(range)?, 12),
        };
        if first > last {
            return None;
        }
        for m in (first..=last).step_by(step as usize) {
            chosen[m as usize - 1] = true;
        }
    }
    Some(chosen)
}

/// `MON-FRI,SUN` (as [`write_days`] writes it) → `[(1, 5), (0, 0)]`.
fn day_ranges(field: &str) -> Option<Vec<(usize, usize)>> {
    let index = |name: &str| DAYS.iter().position(|d| *d == name);
    field
        .split(',')
        .map(|item| match item.split_once('-') {
            Some((a, b)) => Some((index(a)?, index(b)?)),
            None => index(item).map(|i| (i, i)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kernel::audience::cron::to_quartz;

    #[test]
    fn common_schedules_have_a_shape_in_words_and_the_rest_none() {
        let spoken = |line: &str| CronExpr::from_quartz(&to_quartz(line).unwrap()).unwrap().spoken();
        let every_month = |shape: Shape| Some(Spoken { shape, months: Vec::new() });
        let times = |t: &[&str]| t.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(spoken("0 7 * * *"), every_month(Shape::Daily { times: times(&["07:00"]) }));
        assert_eq!(spoken("0 6 * * SUN"), every_month(Shape::Weekly { days: vec![(0, 0)], times: times(&["06:00"]) }));
        assert_eq!(spoken("30 8 * * 1-5"), every_month(Shape::Weekly { days: vec![(1, 5)], times: times(&["08:30"]) }));
        assert_eq!(spoken("0 8 * * 6,0"), every_month(Shape::Weekly { days: vec![(0, 0), (6, 6)], times: times(&["08:00"]) }));
        assert_eq!(spoken("0 7,17 * * *"), every_month(Shape::Daily { times: times(&["07:00", "17:00"]) }));
        assert_eq!(spoken("0 9 1,15 * *"), every_month(Shape::Monthly { dates: vec![1, 15], times: times(&["09:00"]) }));
        for line in ["*/30 8 * * *", "0 8-17 * * *", "0 */2 * * *", "0 8 1-7 * *"] {
            assert_eq!(spoken(line), None, "{line}");
        }
    }

    #[test]
    fn chosen_months_read_as_ranges_of_three_or_more_and_single_months_otherwise() {
        let months = |line: &str| CronExpr::from_quartz(&to_quartz(line).unwrap()).unwrap().spoken().map(|s| s.months);
        let cases: [(&str, Option<Vec<(u32, u32)>>); 11] = [
            ("0 7 1 * *", Some(vec![])),
            ("0 7 1 1,4,7,10 *", Some(vec![(1, 1), (4, 4), (7, 7), (10, 10)])),
            ("0 7 1 jan,apr,jul,oct *", Some(vec![(1, 1), (4, 4), (7, 7), (10, 10)])),
            ("0 7 1 */3 *", Some(vec![(1, 1), (4, 4), (7, 7), (10, 10)])),
            ("15 9 1,15 jan-jun *", Some(vec![(1, 6)])),
            ("0 8 * 6,7 *", Some(vec![(6, 6), (7, 7)])),
            ("0 8 * 1-3,12 MON", Some(vec![(1, 3), (12, 12)])),
            ("0 8 * 2-12/2 *", Some(vec![(2, 2), (4, 4), (6, 6), (8, 8), (10, 10), (12, 12)])),
            ("0 8 * 3/4 *", Some(vec![(3, 3), (7, 7), (11, 11)])),
            ("0 8 * 1-12 *", Some(vec![])),
            ("0 8 1 jan-mar,apr-jun *", Some(vec![(1, 6)])),
        ];
        for (line, want) in cases {
            assert_eq!(months(line), want, "{line}");
        }
        for field in ["NOV-FEB", "13", "JAN/0", "FOO", "1,,2"] {
            assert_eq!(month_ranges(field), None, "{field}");
        }
    }
}
