//! Service-level settings (`KIMBOT_SLA_WORKING_DAYS`, `KIMBOT_HOLIDAYS`), read here with
//! every other setting; the working-day arithmetic is the
//! [`WorkCalendar`](crate::platform::workdays::WorkCalendar)'s, used by the aspirations
//! (`features::aspirations::sla`).

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::ConfigError;
use crate::platform::workdays::WorkCalendar;

/// Working days a ticket may wait for its first response; 0 turns the flag off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlaConfig {
    pub working_days: u32,
    /// Indonesia's national holidays and *cuti bersama* (built in), plus the days
    /// listed in `KIMBOT_HOLIDAYS`.
    pub calendar: WorkCalendar,
}

impl Default for SlaConfig {
    fn default() -> Self {
        Self { working_days: 3, calendar: WorkCalendar::default() }
    }
}

impl SlaConfig {
    /// Reads `KIMBOT_SLA_WORKING_DAYS` (0–60, default 3) and `KIMBOT_HOLIDAYS` (days
    /// off added to the built-in national holidays and *cuti bersama*).
    pub fn from_lookup<'a>(get: impl Fn(&str) -> Option<&'a str>) -> Result<Self, ConfigError> {
        let mut config = Self::default();
        let days = super::number(&get, "KIMBOT_SLA_WORKING_DAYS", config.working_days.into(), 0, 60)?;
        config.working_days = days as u32;
        let mut extra = BTreeSet::new();
        if let Some(raw) = get("KIMBOT_HOLIDAYS") {
            for day in raw.split(',').map(str::trim).filter(|d| !d.is_empty()) {
                let date = NaiveDate::parse_from_str(day, "%Y-%m-%d").map_err(|_| ConfigError::BadHolidays(day.to_string()))?;
                extra.insert(date);
            }
        }
        config.calendar = WorkCalendar::indonesia(extra);
        Ok(config)
    }

    pub fn enabled(&self) -> bool {
        self.working_days > 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_are_read_and_checked() {
        let read = |pairs: &[(&str, &str)]| {
            let map: std::collections::HashMap<_, _> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
            SlaConfig::from_lookup(|k| map.get(k).map(String::as_str))
        };
        assert_eq!(read(&[]).unwrap(), SlaConfig::default());
        assert!(!read(&[("KIMBOT_SLA_WORKING_DAYS", "0")]).unwrap().enabled());
        assert_eq!(read(&[("KIMBOT_HOLIDAYS", "2026-12-25, 2026-12-26")]).unwrap().calendar.extra().len(), 2);
        for bad in [("KIMBOT_SLA_WORKING_DAYS", "-1"), ("KIMBOT_SLA_WORKING_DAYS", "61"), ("KIMBOT_HOLIDAYS", "25/12/2026")] {
            assert!(read(&[bad]).is_err(), "{bad:?}");
        }
    }
}
