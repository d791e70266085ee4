//! Webhook tunables.
//!
//! | variable | default | meaning |
//! |---|---|---|
//! | `KIMBOT_WEBHOOK_TIMEOUT_SECS` | 10 | per-request timeout (connect, send, answer) |
//! | `KIMBOT_WEBHOOK_CONCURRENCY` | 8 | requests in flight at once, to different endpoints |
//! | `KIMBOT_WEBHOOK_LEASE_SECS` | 120 | a delivery `sending` longer belonged to a dead process and is sent again |

use std::time::Duration;

use super::ConfigError;

#[derive(Debug, Clone, PartialEq)]
pub struct WebhookConfig {
    pub request_timeout: Duration,
    pub concurrency: usize,
    pub lease: Duration,
}

impl Default for WebhookConfig {
    fn default() -> Self {
        Self { request_timeout: Duration::from_secs(10), concurrency: 8, lease: Duration::from_secs(120) }
    }
}

impl WebhookConfig {
    /// Reads the `KIMBOT_WEBHOOK_*` variables through `get` (unset or empty = default).
    pub fn from_lookup<'a>(get: impl Fn(&str) -> Option<&'a str>) -> Result<Self, ConfigError> {
        let d = Self::default();
        let num = |key, default, min, max| super::number(&get, key, default, min, max);
        let config = Self {
            request_timeout: Duration::from_secs(num("KIMBOT_WEBHOOK_TIMEOUT_SECS", d.request_timeout.as_secs(), 1, 300)?),
            concurrency: num("KIMBOT_WEBHOOK_CONCURRENCY", d.concurrency as u64, 1, 256)? as usize,
            lease: Duration::from_secs(num("KIMBOT_WEBHOOK_LEASE_SECS", d.lease.as_secs(), 2, 86_400)?),
        };
        // A live request must never outlast its lease, or another process resends it.
        if config.lease <= config.request_timeout {
            return Err(ConfigError::BadNumber {
                key: "KIMBOT_WEBHOOK_LEASE_SECS",
                value: config.lease.as_secs().to_string(),
                min: config.request_timeout.as_secs() + 1,
                max: 86_400,
            });
        }
        Ok(config)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn parse(pairs: &[(&str, &str)]) -> Result<WebhookConfig, ConfigError> {
        let env: HashMap<&str, &str> = pairs.iter().copied().collect();
        WebhookConfig::from_lookup(|k| env.get(k).copied())
    }

    #[test]
    fn webhook_settings_default_to_a_ten_second_timeout() {
        assert_eq!(parse(&[]).unwrap(), WebhookConfig::default());
        assert_eq!(parse(&[("KIMBOT_WEBHOOK_TIMEOUT_SECS", "3")]).unwrap().request_timeout, Duration::from_secs(3));
    }

    #[test]
    fn bad_webhook_settings_name_the_variable() {
        for (key, value) in [("KIMBOT_WEBHOOK_TIMEOUT_SECS", "0"), ("KIMBOT_WEBHOOK_CONCURRENCY", "x")] {
            assert!(parse(&[(key, value)]).unwrap_err().to_string().starts_with(key));
        }
        let short = parse(&[("KIMBOT_WEBHOOK_TIMEOUT_SECS", "30"), ("KIMBOT_WEBHOOK_LEASE_SECS", "20")]);
        assert!(short.unwrap_err().to_string().starts_with("KIMBOT_WEBHOOK_LEASE_SECS"));
    }
}
