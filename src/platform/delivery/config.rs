//! Delivery tunables, with Telegram's published limits as defaults.
//!
//! | variable | default | meaning |
//! |---|---|---|
//! | `KIMBOT_SEND_PER_SECOND` | 30 | messages per second across all chats (Telegram: ~30) |
//! | `KIMBOT_SEND_GROUP_PER_MINUTE` | 20 | messages per minute into one group (Telegram: 20) |
//! | `KIMBOT_SEND_PRIVATE_PER_SECOND` | 1 | messages per second into one private chat, averaged over 5 s |
//! | `KIMBOT_SEND_REPLY_RESERVE` | 1 | of those, slots per second the outbox leaves to answers, so a resident never waits behind a broadcast |
//! | `KIMBOT_SEND_SHARE` | 100 | percent of the global budget this process may use (several processes: make them sum to 100) |
//! | `KIMBOT_SEND_CONCURRENCY` | 16 | sends in flight at once, so one slow chat never blocks the others |
//! | `KIMBOT_SEND_TIMEOUT_SECS` | 15 | per-request timeout; the attempt is retried with backoff |
//! | `KIMBOT_SEND_LEASE_SECS` | 60 | a row `sending` for longer belonged to a dead process and is sent again (flagged `resent`) |
//! | `KIMBOT_SEND_MAX_ATTEMPTS` | 8 | tries on timeouts, network errors and 5xx before a row fails |

use std::time::Duration;

use super::limiter::{Limits, Rate};
use crate::platform::config::ConfigError;

/// The private-chat limit is averaged over this many seconds, so a reply and its
/// follow-up go out together (Telegram tolerates short bursts).
pub const PRIVATE_WINDOW_SECS: u64 = 5;

#[derive(Debug, Clone, PartialEq)]
pub struct DeliveryConfig {
    pub per_second: u32,
    pub group_per_minute: u32,
    pub private_per_second: u32,
    pub reply_reserve: u32,
    pub share_percent: u32,
    pub concurrency: usize,
    pub request_timeout: Duration,
    pub lease: Duration,
    pub max_attempts: u32,
}

impl Default for DeliveryConfig {
    fn default() -> Self {
        Self {
            per_second: 30,
            group_per_minute: 20,
            private_per_second: 1,
            reply_reserve: 1,
            share_percent: 100,
            concurrency: 16,
            request_timeout: Duration::from_secs(15),
            lease: Duration::from_secs(60),
            max_attempts: 8,
        }
    }
}

impl DeliveryConfig {
    /// Reads the `KIMBOT_SEND_*` variables through `get` (unset or empty = default).
    pub fn from_lookup<'a>(get: impl Fn(&str) -> Option<&'a str>) -> Result<Self, ConfigError> {
        let d = Self::default();
        let num = |key, default, min, max| crate::platform::config::number(&get, key, default, min, max);
        let config = Self {
            per_second: num("KIMBOT_SEND_PER_SECOND", d.per_second.into(), 1, 1_000_000)? as u32,
            group_per_minute: num("KIMBOT_SEND_GROUP_PER_MINUTE", d.group_per_minute.into(), 1, 1_000_000)? as u32,
            private_per_second: num("KIMBOT_SEND_PRIVATE_PER_SECOND", d.private_per_second.into(), 1, 1_000_000)? as u32,
            reply_reserve: num("KIMBOT_SEND_REPLY_RESERVE", d.reply_reserve.into(), 0, 1_000_000)? as u32,
            share_percent: num("KIMBOT_SEND_SHARE", d.share_percent.into(), 1, 100)? as u32,
            concurrency: num("KIMBOT_SEND_CONCURRENCY", d.concurrency as u64, 1, 1000)? as usize,
            request_timeout: Duration::from_secs(num("KIMBOT_SEND_TIMEOUT_SECS", d.request_timeout.as_secs(), 1, 600)?),
            lease: Duration::from_secs(num("KIMBOT_SEND_LEASE_SECS", d.lease.as_secs(), 2, 86_400)?),
            max_attempts: num("KIMBOT_SEND_MAX_ATTEMPTS", d.max_attempts.into(), 1, 100)? as u32,
        };
        if config.lease <= config.request_timeout {
            return Err(ConfigError::LeaseTooShort {
                lease: config.lease.as_secs(),
                timeout: config.request_timeout.as_secs(),
            });
        }
        Ok(config)
    }

    /// The windows the rate limiter enforces in this process.
    pub fn limits(&self) -> Limits {
        let global = (u64::from(self.per_second) * u64::from(self.share_percent) / 100).max(1);
        Limits {
            global: Rate::new(global as usize, Duration::from_secs(1)),
            // Never the whole budget: the outbox must keep at least one slot.
            reply_reserve: (self.reply_reserve as usize).min(global as usize - 1),
            group: Rate::new(self.group_per_minute as usize, Duration::from_secs(60)),
            private: Rate::new(
                (self.private_per_second as u64 * PRIVATE_WINDOW_SECS) as usize,
                Duration::from_secs(PRIVATE_WINDOW_SECS),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn parse(pairs: &[(&str, &str)]) -> Result<DeliveryConfig, ConfigError> {
        let env: HashMap<&str, &str> = pairs.iter().copied().collect();
        DeliveryConfig::from_lookup(|k| env.get(k).copied())
    }

    #[test]
    fn defaults_are_telegrams_limits() {
        let c = parse(&[]).unwrap();
        assert_eq!(c, DeliveryConfig::default());
        let l = c.limits();
        assert_eq!(l.global, Rate::new(30, Duration::from_secs(1)));
        assert_eq!(l.group, Rate::new(20, Duration::from_secs(60)));
        assert_eq!(l.private, Rate::new(5, Duration::from_secs(5)));
        assert_eq!(l.reply_reserve, 1);
    }

    #[test]
    fn a_share_splits_the_global_budget_but_never_to_zero() {
        let half = parse(&[("KIMBOT_SEND_SHARE", "50")]).unwrap();
        assert_eq!(half.limits().global.max, 15);
        let tiny = parse(&[("KIMBOT_SEND_PER_SECOND", "1"), ("KIMBOT_SEND_SHARE", "10")]).unwrap();
        assert_eq!(tiny.limits().global.max, 1);
        assert_eq!(tiny.limits().reply_reserve, 0, "the outbox keeps the only slot");
    }

    #[test]
    fn bad_values_name_the_variable() {
        for (key, value) in [
            ("KIMBOT_SEND_PER_SECOND", "0"),
            ("KIMBOT_SEND_SHARE", "150"),
            ("KIMBOT_SEND_CONCURRENCY", "many"),
            ("KIMBOT_SEND_TIMEOUT_SECS", "-1"),
        ] {
            let err = parse(&[(key, value)]).unwrap_err().to_string();
            assert!(err.starts_with(key), "{err}");
        }
        let err = parse(&[("KIMBOT_SEND_TIMEOUT_SECS", "30"), ("KIMBOT_SEND_LEASE_SECS", "20")]).unwrap_err();
        assert!(err.to_string().starts_with("KIMBOT_SEND_LEASE_SECS"), "{err}");
    }
}
