//! Emergency broadcast settings (`/darurat`), read with every other setting; the
//! feature itself is `features::emergency`.
//!
//! | variable | default | meaning |
//! |---|---|---|
//! | `KIMBOT_EMERGENCY_STAFF` | (none) | Telegram user ids of staff who may send emergency warnings in their own areas (admins always may) |
//! | `KIMBOT_PAID_BROADCAST` | 0 | 1: warnings go out as Telegram paid broadcasts (`allow_paid_broadcast`, up to 1,000 messages/s, paid in Stars) |
//! | `KIMBOT_PAID_BROADCAST_MAX_STARS` | (required with the above) | the most Stars one warning may cost; a bigger one is refused |
//! | `KIMBOT_PAID_BROADCAST_PER_SECOND` | 1000 | the paid lane's window (Telegram: 1,000/s) |
//! | `KIMBOT_PAID_BROADCAST_CONCURRENCY` | 64 | paid sends in flight at once |

use super::{ConfigError, flag, number};

/// Who may send warnings besides admins, and the paid broadcast, if on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EmergencyConfig {
    /// Staff granted the right. The right is a setting, not a role in the database:
    /// it is rare, given by the operator who also pays for it, and has to be there
    /// when the database is busy with the warning itself.
    pub staff: Vec<i64>,
    pub paid: Option<PaidBroadcast>,
}

/// Telegram's paid broadcast, with the operator's budget per warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaidBroadcast {
    pub max_stars: u64,
    pub per_second: u32,
    pub concurrency: usize,
}

impl EmergencyConfig {
    pub fn from_lookup<'a>(get: impl Fn(&str) -> Option<&'a str>) -> Result<Self, ConfigError> {
        let staff = match get("KIMBOT_EMERGENCY_STAFF") {
            Some(list) => list
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|s| s.parse::<i64>().ok().filter(|id| *id > 0).ok_or_else(|| ConfigError::BadEmergencyStaff(s.to_string())))
                .collect::<Result<Vec<_>, _>>()?,
            None => Vec::new(),
        };
        let paid = if flag(get("KIMBOT_PAID_BROADCAST"), "KIMBOT_PAID_BROADCAST")? {
            if get("KIMBOT_PAID_BROADCAST_MAX_STARS").is_none() {
                return Err(ConfigError::MissingPaidBudget);
            }
            Some(PaidBroadcast {
                max_stars: number(&get, "KIMBOT_PAID_BROADCAST_MAX_STARS", 0, 1, 10_000_000)?,
                per_second: number(&get, "KIMBOT_PAID_BROADCAST_PER_SECOND", 1000, 1, 1000)? as u32,
                concurrency: number(&get, "KIMBOT_PAID_BROADCAST_CONCURRENCY", 64, 1, 1000)? as usize,
            })
        } else {
            None
        };
        Ok(Self { staff, paid })
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn read(pairs: &[(&str, &str)]) -> Result<EmergencyConfig, ConfigError> {
        let map: HashMap<_, _> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        EmergencyConfig::from_lookup(|k| map.get(k).map(String::as_str))
    }

    #[test]
    fn paid_broadcast_is_off_unless_asked_for_and_then_needs_a_budget() {
        assert_eq!(read(&[]).unwrap(), EmergencyConfig::default());
        assert_eq!(read(&[("KIMBOT_PAID_BROADCAST", "1")]), Err(ConfigError::MissingPaidBudget));
        let on = read(&[("KIMBOT_PAID_BROADCAST", "1"), ("KIMBOT_PAID_BROADCAST_MAX_STARS", "500")]).unwrap();
        assert_eq!(on.paid, Some(PaidBroadcast { max_stars: 500, per_second: 1000, concurrency: 64 }));
    }

    #[test]
    fn bad_values_are_refused_with_the_variable_named() {
        let staff = read(&[("KIMBOT_EMERGENCY_STAFF", "12, 34")]).unwrap();
        assert_eq!(staff.staff, vec![12, 34]);
        for bad in [
            [("KIMBOT_EMERGENCY_STAFF", "12,abc"), ("", "")],
            [("KIMBOT_PAID_BROADCAST", "maybe"), ("", "")],
            [("KIMBOT_PAID_BROADCAST", "1"), ("KIMBOT_PAID_BROADCAST_MAX_STARS", "0")],
            [("KIMBOT_PAID_BROADCAST_PER_SECOND", "2000"), ("KIMBOT_PAID_BROADCAST", "1")],
        ] {
            let err = read(&bad).unwrap_err().to_string();
            assert!(err.contains("KIMBOT_"), "{err}");
        }
    }
}
