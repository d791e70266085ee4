//! The numbers of *Ringkasan* for a period and a set of KIMs, read at scale.
//!
//! Triggers (migration 0040) keep per-week tallies of the tickets — submitted, still
//! open, overdue, and a histogram of times to first response — so a year over a
//! million tickets reads a few thousand tally rows. A period rarely starts and ends
//! on tally-week boundaries, so its whole weeks come from the tallies and its first
//! and last days straight from `aspirations`: the counts are exact in any time zone.
//! Both sources go through one `UNION ALL`, grouped in SQL.

use std::collections::BTreeMap;

use sqlx::Row;

use crate::platform::db::{Db, DbResult};

/// Tally weeks start on Monday 00:00 WIB: `(created_at + WEEK_SHIFT) / WEEK`.
pub const WEEK_SHIFT: i64 = 284_400;
pub const WEEK: i64 = 604_800;

/// Upper bounds (seconds) of the first-response histogram's buckets, as in the
/// migration's triggers; one more bucket holds everything longer.
pub const RESPONSE_BOUNDS: [i64; 16] = {
    let hours = [1, 2, 4, 8, 12, 24, 36, 48, 72, 96, 120, 168, 240, 336, 504, 720];
    let mut out = [0; 16];
    let mut i = 0;
    while i < 16 {
        out[i] = hours[i] * 3600;
        i += 1;
    }
    out
};

/// The tally week a moment falls in.
pub fn week_of(ts: i64) -> i64 {
    (ts + WEEK_SHIFT).div_euclid(WEEK)
}

/// The first second of tally week `week`.
pub fn week_start(week: i64) -> i64 {
    week * WEEK - WEEK_SHIFT
}

/// Submitted, still open and overdue tickets.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub n: i64,
    pub open: i64,
    pub overdue: i64,
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, o: Counts) {
        self.n += o.n;
        self.open += o.open;
        self.overdue += o.overdue;
    }
}

/// Everything the page shows about aspirations.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tallies {
    /// (KIM id, category code) → counts.
    pub by_kim_category: BTreeMap<(i64, String), Counts>,
    /// (tally week, category code) → submitted.
    pub by_week: BTreeMap<(i64, String), i64>,
    /// Tickets per first-response bucket (see [`RESPONSE_BOUNDS`]).
    pub response: [i64; 17],
}

impl Tallies {
    pub fn total(&self) -> Counts {
        let mut all = Counts::default();
        self.by_kim_category.values().for_each(|c| all += *c);
        all
    }

    pub fn by_category(&self) -> BTreeMap<&str, Counts> {
        let mut out: BTreeMap<&str, Counts> = BTreeMap::new();
        for ((_, category), c) in &self.by_kim_category {
            *out.entry(category.as_str()).or_default() += *c;
        }
        out
    }

    pub fn by_kim(&self) -> BTreeMap<i64, Counts> {
        let mut out: BTreeMap<i64, Counts> = BTreeMap::new();
        for ((kim, _), c) in &self.by_kim_category {
            *out.entry(*kim).or_default() += *c;
        }
        out
    }

    /// The median time to first response in seconds, estimated within its histogram
    /// bucket by linear interpolation (as Prometheus does for quantiles); `Err(lower
    /// bound)` when the median lies in the open-ended last bucket.
    pub fn median_response(&self) -> Option<Result<i64, i64>> {
        let total: i64 = self.response.iter().sum();
        if total <= 0 {
            return None;
        }
        let rank = (total - 1) as f64 / 2.0;
        let mut before = 0;
        for (i, &n) in self.response.iter().enumerate() {
            if n > 0 && (before + n) as f64 > rank {
                let lo = if i == 0 { 0 } else { RESPONSE_BOUNDS[i - 1] };
                let Some(&hi) = RESPONSE_BOUNDS.get(i) else { return Some(Err(lo)) };
                let share = (rank - before as f64 + 0.5) / n as f64;
                return Some(Ok(lo + ((hi - lo) as f64 * share).round() as i64));
            }
            before += n;
        }
        None
    }
}

/// `[from, to)` cut into whole tally weeks (inclusive) and the seconds outside them.
pub fn split(from: i64, to: i64) -> (Option<(i64, i64)>, Vec<(i64, i64)>) {
    if from >= to {
        return (None, Vec::new());
    }
    let first = week_of(from) + i64::from(week_start(week_of(from)) != from);
    let last = week_of(to) - 1;
    if first > last {
        return (None, vec![(from, to)]);
    }
    let mut raw = Vec::new();
    if from < week_start(first) {
        raw.push((from, week_start(first)));
    }
    if week_start(last + 1) < to {
        raw.push((week_start(last + 1), to));
    }
    (Some((first, last)), raw)
}

/// The SQL `CASE` giving the histogram bucket of `expr` (seconds).
fn bucket_case(expr: &str) -> String {
    let whens: Vec<String> = RESPONSE_BOUNDS.iter().enumerate().map(|(i, b)| format!("WHEN {expr} < {b} THEN {i}")).collect();
    format!("CASE {} ELSE {} END", whens.join(" "), RESPONSE_BOUNDS.len())
}

const OPEN: &str = "CASE WHEN status IN ('selesai', 'ditolak') THEN 0 ELSE 1 END";
const OVERDUE: &str = "CASE WHEN status = 'diterima' AND overdue_at IS NOT NULL THEN 1 ELSE 0 END";

/// `UNION ALL` arms: the tallies of whole weeks, then the raw ranges. `tally` and
/// `raw` are the select lists of each; `raw_where` is added to the raw arms. The
/// unary `+` keeps SQLite from walking the `(kim_id, id)` index once per KIM (all of
/// a KIM's tickets, every year) instead of the range of `created_at`.
fn source(kims: &str, weeks: Option<(i64, i64)>, raw: &[(i64, i64)], arms: (&str, &str, &str), raw_where: &str) -> String {
    let (table, tally, raw_cols) = arms;
    let mut parts = Vec::new();
    if let Some((first, last)) = weeks {
        parts.push(format!("SELECT {tally} FROM {table} WHERE week >= {first} AND week <= {last} AND kim_id IN ({kims})"));
    }
    for (a, b) in raw {
        parts.push(format!(
            "SELECT {raw_cols} FROM aspirations WHERE created_at >= {a} AND created_at < {b} AND +kim_id IN ({kims}){raw_where}"
        ));
    }
    parts.join(" UNION ALL ")
}

/// The tallies of tickets submitted in `[from, to)` in `kims`.
pub async fn gather(db: &Db, kims: &[i64], from: i64, to: i64) -> DbResult<Tallies> {
    let mut out = Tallies::default();
    let (weeks, raw) = split(from, to);
    if kims.is_empty() || (weeks.is_none() && raw.is_empty()) {
        return Ok(out);
    }
    // Our own ids, formatted as integers: nothing typed reaches this SQL.
    let kims: String = kims.iter().map(i64::to_string).collect::<Vec<_>>().join(", ");
    let counts = (
        "aspiration_tallies",
        "week, kim_id, category, n, n_open, n_overdue",
        &*format!("(created_at + {WEEK_SHIFT}) / {WEEK} AS week, kim_id, category, 1 AS n, {OPEN} AS n_open, {OVERDUE} AS n_overdue"),
    );
    let from_counts = source(&kims, weeks, &raw, counts, "");
    let sql = format!(
        "SELECT kim_id, category, CAST(SUM(n) AS BIGINT) AS n, CAST(SUM(n_open) AS BIGINT) AS n_open, \
         CAST(SUM(n_overdue) AS BIGINT) AS n_overdue FROM ({from_counts}) s GROUP BY kim_id, category"
    );
    for row in sqlx::query(sqlx::AssertSqlSafe(sql)).fetch_all(&db.pool).await? {
        let counts = Counts { n: row.try_get("n")?, open: row.try_get("n_open")?, overdue: row.try_get("n_overdue")? };
        out.by_kim_category.insert((row.try_get("kim_id")?, row.try_get("category")?), counts);
    }
    let sql = format!("SELECT week, category, CAST(SUM(n) AS BIGINT) AS n FROM ({from_counts}) s GROUP BY week, category");
    for row in sqlx::query(sqlx::AssertSqlSafe(sql)).fetch_all(&db.pool).await? {
        out.by_week.insert((row.try_get("week")?, row.try_get("category")?), row.try_get("n")?);
    }
    let response = (
        "aspiration_response_tallies",
        "bucket, n",
        &*format!("{} AS bucket, 1 AS n", bucket_case("first_response_at - created_at")),
    );
    let from_response = source(&kims, weeks, &raw, response, " AND first_response_at IS NOT NULL");
    let sql = format!("SELECT bucket, CAST(SUM(n) AS BIGINT) AS n FROM ({from_response}) s GROUP BY bucket");
    for row in sqlx::query(sqlx::AssertSqlSafe(sql)).fetch_all(&db.pool).await? {
        let bucket: i64 = row.try_get("bucket")?;
        if let Some(slot) = usize::try_from(bucket).ok().and_then(|b| out.response.get_mut(b)) {
            *slot += row.try_get::<i64, _>("n")?;
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tally_weeks_start_on_monday_midnight_wib() {
        // Monday 2026-11-30 00:00 WIB.
        let monday = 1_795_971_600;
        assert_eq!(week_start(week_of(monday)), monday);
        assert_eq!(week_of(monday - 1), week_of(monday) - 1);
        assert_eq!(week_of(monday + WEEK - 1), week_of(monday));
    }

    #[test]
    fn a_period_is_whole_weeks_plus_its_ragged_ends() {
        let monday = 1_795_971_600;
        assert_eq!(split(monday, monday + 2 * WEEK), (Some((week_of(monday), week_of(monday) + 1)), vec![]));
        let (weeks, raw) = split(monday - 3600, monday + WEEK + 7200);
        assert_eq!(weeks, Some((week_of(monday), week_of(monday))));
        assert_eq!(raw, vec![(monday - 3600, monday), (monday + WEEK, monday + WEEK + 7200)]);
        assert_eq!(split(monday + 10, monday + 20), (None, vec![(monday + 10, monday + 20)]));
        assert_eq!(split(monday + 10, monday + WEEK + 20), (None, vec![(monday + 10, monday + WEEK + 20)]));
        assert_eq!(split(5, 5), (None, vec![]));
    }

    #[test]
    fn the_median_is_interpolated_within_its_bucket() {
        let mut t = Tallies::default();
        assert_eq!(t.median_response(), None);
        t.response[5] = 1; // 12–24 h
        assert_eq!(t.median_response(), Some(Ok(18 * 3600)));
        t.response[0] = 1; // under 1 h
        t.response[8] = 1; // 48–72 h
        assert_eq!(t.median_response(), Some(Ok(18 * 3600)));
        let mut late = Tallies::default();
        late.response[16] = 3;
        assert_eq!(late.median_response(), Some(Err(720 * 3600)));
    }
}
