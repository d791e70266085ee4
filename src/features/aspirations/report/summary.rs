//! Counts gathered while the detail streams past: category × status, per kecamatan
//! and kelurahan, per week and category (for the chart), and the times to first response and to
//! closure. Times are kept as a histogram of whole minutes, so the medians need
//! memory for distinct durations, not for every row.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate, TimeZone};
use chrono_tz::Tz;

use super::query::AspRow;
use crate::platform::export::minutes::Minutes;

#[derive(Debug, Default)]
pub struct Stats {
    pub rows: u64,
    /// (category code, status) → count.
    pub by_category_status: BTreeMap<(String, String), u64>,
    /// Kecamatan name → counts.
    pub by_kecamatan: BTreeMap<String, Counts>,
    /// (kecamatan, kelurahan) → counts: two kelurahan may share a name.
    pub by_kelurahan: BTreeMap<(String, String), Counts>,
    /// (Monday of the local week, category code) → count.
    pub by_week: BTreeMap<(NaiveDate, String), u64>,
    pub to_response: Minutes,
    pub to_closure: Minutes,
}

/// Tickets of one area: all, closed (selesai or ditolak), flagged overdue.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub all: u64,
    pub closed: u64,
    pub overdue: u64,
}

impl Counts {
    fn add(&mut self, closed: bool, overdue: bool) {
        self.all += 1;
        self.closed += u64::from(closed);
        self.overdue += u64::from(overdue);
    }
}

impl Stats {
    pub fn add(&mut self, row: &AspRow, tz: Tz) {
        self.rows += 1;
        *self.by_category_status.entry((row.category.clone(), row.status.clone())).or_default() += 1;
        let closed = matches!(row.status.as_str(), "selesai" | "ditolak");
        self.by_kecamatan.entry(row.kecamatan.clone()).or_default().add(closed, row.overdue);
        self.by_kelurahan.entry((row.kecamatan.clone(), row.kelurahan.clone())).or_default().add(closed, row.overdue);
        *self.by_week.entry((week_of(row.created_at, tz), row.category.clone())).or_default() += 1;
        if let Some(at) = row.first_response_at {
            self.to_response.add(at - row.created_at);
        }
        if let Some(at) = row.closed_at {
            self.to_closure.add(at - row.created_at);
        }
    }

    pub fn count(&self, category: &str, status: &str) -> u64 {
        self.by_category_status.get(&(category.to_string(), status.to_string())).copied().unwrap_or(0)
    }
}

/// The Monday starting the local week of `ts`.
pub fn week_of(ts: i64, tz: Tz) -> NaiveDate {
    let day = tz.timestamp_opt(ts, 0).single().map(|t| t.date_naive()).unwrap_or_default();
    day - Duration::days(day.weekday().num_days_from_monday() as i64)
}
