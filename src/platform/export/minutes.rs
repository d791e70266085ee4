//! Durations kept as a histogram of whole minutes, so a median over a million
//! tickets needs a few thousand counters instead of every value.

use std::collections::BTreeMap;

/// A histogram of durations in whole minutes.
#[derive(Debug, Default)]
pub struct Minutes(BTreeMap<i64, u64>);

impl Minutes {
    pub fn add(&mut self, seconds: i64) {
        *self.0.entry(seconds.max(0) / 60).or_default() += 1;
    }

    /// The median in days (mean of the two middle values for an even count).
    pub fn median_days(&self) -> Option<f64> {
        let n: u64 = self.0.values().sum();
        if n == 0 {
            return None;
        }
        let (lo, hi) = ((n - 1) / 2, n / 2);
        let (a, b) = (self.nth(lo)?, self.nth(hi)?);
        Some((a + b) as f64 / 2.0 / 1440.0)
    }

    fn nth(&self, k: u64) -> Option<i64> {
        let mut seen = 0;
        for (minutes, count) in &self.0 {
            seen += count;
            if seen > k {
                return Some(*minutes);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_come_from_the_histogram() {
        let mut m = Minutes::default();
        assert_eq!(m.median_days(), None);
        for days in [1, 3, 2] {
            m.add(days * 86_400);
        }
        assert_eq!(m.median_days(), Some(2.0));
        m.add(4 * 86_400);
        assert_eq!(m.median_days(), Some(2.5));
    }
}
