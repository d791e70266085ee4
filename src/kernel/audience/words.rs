//! An audience's words: a time in the KIM's zone, whom a message is for, a repeating
//! schedule said as people say it. Announcements, polls, surveys and the console
//! show them alike (the texts are the `ann-` keys of `announcements.ftl`, where
//! they were first written).

use chrono::{Datelike, TimeZone};
use chrono_tz::Tz;

use super::cron::CronExpr;
use super::spoken::{Shape, Spoken};
use super::target::Target;
use crate::platform::i18n::{Arg, Lang, t, ta};

/// Weekday names, Monday first (chrono's `num_days_from_monday`).
const WEEKDAYS: [&str; 7] =
    ["ann-day-mon", "ann-day-tue", "ann-day-wed", "ann-day-thu", "ann-day-fri", "ann-day-sat", "ann-day-sun"];

/// "Senin, 21/12/2026 08:00 WIB": a time as people in that zone read it.
pub fn when(lang: Lang, unix: i64, tz: Tz) -> String {
    let Some(local) = tz.timestamp_opt(unix, 0).single() else { return unix.to_string() };
    let day = t(lang, WEEKDAYS[local.weekday().num_days_from_monday() as usize]);
    format!("{day}, {}", local.format("%d/%m/%Y %H:%M %Z"))
}

/// "every group of KIM Bukit Lama", "3 chosen groups", "every KIM group in Ilir Barat I".
pub fn target_label(lang: Lang, target: &Target, name: &str) -> String {
    let key = match target {
        Target::Kim(_) => "ann-target-kim",
        Target::Groups(_) => "ann-target-groups",
        Target::Area(_) => "ann-target-area",
        Target::Umkm(filter) => match super::segment::segment(target.kind()) {
            Some(segment) => return (segment.label)(lang, name, filter.sector.as_ref(), filter.need.as_ref()),
            None => "ann-target-area",
        },
    };
    ta(lang, key, &[("name", Arg::from(name))])
}

/// Day names Sunday first, as [`Shape`] counts them.
const DAYS_FROM_SUNDAY: [&str; 7] =
    ["ann-day-sun", "ann-day-mon", "ann-day-tue", "ann-day-wed", "ann-day-thu", "ann-day-fri", "ann-day-sat"];

/// Month names, January first.
const MONTHS: [&str; 12] = [
    "ann-month-jan", "ann-month-feb", "ann-month-mar", "ann-month-apr", "ann-month-may", "ann-month-jun",
    "ann-month-jul", "ann-month-aug", "ann-month-sep", "ann-month-oct", "ann-month-nov", "ann-month-dec",
];

/// "setiap Senin–Jumat pukul 08:00" / "every Monday–Friday at 08:00", "setiap tanggal
/// 1 Januari, April, Juli dan Oktober pukul 07:00"; a shape we cannot say in words
/// stays the crontab line it is.
pub fn cron_words(lang: Lang, expr: &CronExpr) -> String {
    let Some(Spoken { shape, months }) = expr.spoken() else {
        return ta(lang, "ann-cron-raw", &[("cron", Arg::from(expr.crontab()))]);
    };
    let months = (!months.is_empty()).then(|| month_list(lang, &months));
    let day = |i: usize| t(lang, DAYS_FROM_SUNDAY[i % 7]);
    let times = |times: Vec<String>| Arg::from(times.join(", "));
    let words = match shape {
        Shape::Daily { times: ts } => ta(lang, "ann-cron-daily", &[("times", times(ts))]),
        Shape::Weekly { days, times: ts } => {
            let days: Vec<String> = days
                .into_iter()
                .map(|(a, b)| if a == b { day(a) } else { format!("{}–{}", day(a), day(b)) })
                .collect();
            ta(lang, "ann-cron-weekly", &[("days", Arg::from(days.join(", "))), ("times", times(ts))])
        }
        Shape::Monthly { dates, times: ts } => {
            let dates: Vec<String> = dates.iter().map(u32::to_string).collect();
            let dates = Arg::from(dates.join(", "));
            return match months {
                Some(months) => ta(lang, "ann-cron-monthly-in", &[("dates", dates), ("months", Arg::from(months)), ("times", times(ts))]),
                None => ta(lang, "ann-cron-monthly", &[("dates", dates), ("times", times(ts))]),
            };
        }
    };
    match months {
        Some(months) => ta(lang, "ann-cron-in-months", &[("schedule", Arg::from(words)), ("months", Arg::from(months))]),
        None => words,
    }
}

/// "Januari, April, Juli dan Oktober", "Januari–Juni dan Desember".
fn month_list(lang: Lang, ranges: &[(u32, u32)]) -> String {
    let name = |m: u32| t(lang, MONTHS[(m as usize + 11) % 12]);
    let mut items: Vec<String> =
        ranges.iter().map(|&(a, b)| if a == b { name(a) } else { format!("{}–{}", name(a), name(b)) }).collect();
    match items.pop() {
        Some(last) if !items.is_empty() => {
            ta(lang, "ann-list-and", &[("first", Arg::from(items.join(", "))), ("last", Arg::from(last))])
        }
        Some(last) => last,
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_in_the_zone_they_happen_in() {
        assert_eq!(when(Lang::Id, 1_798_160_400, chrono_tz::Asia::Jakarta), "Jumat, 25/12/2026 08:00 WIB");
        assert_eq!(when(Lang::En, 1_798_160_400, chrono_tz::Asia::Makassar), "Friday, 25/12/2026 09:00 WITA");
    }

    #[test]
    fn repeating_schedules_read_as_words_in_both_languages() {
        let words = |lang: Lang, line: &str| cron_words(lang, &CronExpr::from_crontab(line, 0, chrono_tz::Asia::Jakarta).unwrap());
        let cases = [
            ("0 6 * * SUN", "setiap Minggu pukul 06:00", "every Sunday at 06:00"),
            ("0 7 * * *", "setiap hari pukul 07:00", "every day at 07:00"),
            ("30 7 * * 1-5", "setiap Senin–Jumat pukul 07:30", "every Monday–Friday at 07:30"),
            ("0 8 * * 6,0", "setiap Minggu, Sabtu pukul 08:00", "every Sunday, Saturday at 08:00"),
            ("0 9 1,15 * *", "setiap tanggal 1, 15 pukul 09:00", "on day 1, 15 of every month at 09:00"),
            ("0 8 * * fri-mon", "setiap Minggu, Senin, Jumat, Sabtu pukul 08:00", "every Sunday, Monday, Friday, Saturday at 08:00"),
            ("0 7 1 1,4,7,10 *", "setiap tanggal 1 Januari, April, Juli dan Oktober pukul 07:00", "on day 1 of January, April, July and October at 07:00"),
            ("15 9 1,15 jan-jun *", "setiap tanggal 1, 15 Januari–Juni pukul 09:15", "on day 1, 15 of January–June at 09:15"),
            ("0 7 * 12 *", "setiap hari pukul 07:00 pada bulan Desember", "every day at 07:00 in December"),
            ("0 8 * 6,7 MON", "setiap Senin pukul 08:00 pada bulan Juni dan Juli", "every Monday at 08:00 in June and July"),
            ("0 8 * 1-3,8 *", "setiap hari pukul 08:00 pada bulan Januari–Maret dan Agustus", "every day at 08:00 in January–March and August"),
            ("0 8 * */2 1-5", "setiap Senin–Jumat pukul 08:00 pada bulan Januari, Maret, Mei, Juli, September dan November", "every Monday–Friday at 08:00 in January, March, May, July, September and November"),
            ("0 8-17 1 jan *", "jadwal cron 0 8-17 1 JAN *", "cron schedule 0 8-17 1 JAN *"),
        ];
        for (line, id, en) in cases {
            assert_eq!((words(Lang::Id, line).as_str(), words(Lang::En, line).as_str()), (id, en), "{line}");
        }
    }
}
