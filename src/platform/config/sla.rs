//! Service-level settings (`KIMBOT_SLA_WORKING_DAYS`, `KIMBOT_HOLIDAYS`), read here with
//! every other setting; the working-day arithmetic is the
//! [`WorkCalendar`](crate::platform::workdays::WorkCalendar)'s, used by the aspirations
//! (`features::aspirations::sla`).

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::ConfigError;
use crate::platform::workdays::WorkCalendar;

/// Service levels per stage, in working days; 0 turns a stage's flag off.
///
/// The stages are those of SP4N-LAPOR!: the office answers or sends the ticket on
/// (`working_days`), the agency that received it answers first (`opd_response_days`),
/// and the agency finishes (`opd_done_days`, counted from the disposition).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlaConfig {
    /// Diskominfo: submission to first response or disposition (`KIMBOT_SLA_WORKING_DAYS`).
    pub working_days: u32,
    /// Agency: disposition to its first response (`KIMBOT_SLA_OPD_RESPONSE_DAYS`).
    pub opd_response_days: u32,
    /// Agency: disposition to done (`KIMBOT_SLA_OPD_DONE_DAYS`).
    pub opd_done_days: u32,
    /// Indonesia's national holidays and *cuti bersama* (built in), plus the days
    /// listed in `KIMBOT_HOLIDAYS`.
    pub calendar: WorkCalendar,
}

impl Default for SlaConfig {
    fn default() -> Self {
        Self { working_days: 3, opd_response_days: 5, opd_done_days: 10, calendar: WorkCalendar::default() }
    }
}

impl SlaConfig {
    /// Reads `KIMBOT_SLA_WORKING_DAYS` (0–60, default 3),
    /// `KIMBOT_SLA_OPD_RESPONSE_DAYS` (0–60, default 5), `KIMBOT_SLA_OPD_DONE_DAYS`
    /// (0–120, default 10) and `KIMBOT_HOLIDAYS` (days
    /// off added to the built-in national holidays and *cuti bersama*).
    pub fn from_lookup<'a>(get: impl Fn(&str) -> Option<&'a str>) -> Result<Self, ConfigError> {
        let mut config = Self::default();
        let days = super::number(&get, "KIMBOT_SLA_WORKING_DAYS", config.working_days.into(), 0, 60)?;
        config.working_days = days as u32;
        config.opd_response_days = super::number(&get, "KIMBOT_SLA_OPD_RESPONSE_DAYS", config.opd_response_days.into(), 0, 60)? as u32;
        config.opd_done_days = super::number(&get, "KIMBOT_SLA_OPD_DONE_DAYS", config.opd_done_days.into(), 0, 120)? as u32;
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
        let stages = read(&[("KIMBOT_SLA_OPD_RESPONSE_DAYS", "2"), ("KIMBOT_SLA_OPD_DONE_DAYS", "20")]).unwrap();
        assert_eq!((stages.working_days, stages.opd_response_days, stages.opd_done_days), (3, 2, 20));
        assert_eq!(read(&[("KIMBOT_HOLIDAYS", "2026-12-25, 2026-12-26")]).unwrap().calendar.extra().len(), 2);
        for bad in [("KIMBOT_SLA_WORKING_DAYS", "-1"), ("KIMBOT_SLA_WORKING_DAYS", "61"), ("KIMBOT_SLA_OPD_DONE_DAYS", "121"), ("KIMBOT_HOLIDAYS", "25/12/2026")] {
            assert!(read(&[bad]).is_err(), "{bad:?}");
        }
    }
}
