//! Settings of the HTTP listener (console, `/healthz`, `/readyz`, `/metrics`, the
//! Telegram webhook).
//!
//! | variable | default | meaning |
//! |---|---|---|
//! | `KIMBOT_HTTP_ADDR` | 127.0.0.1:8080 | where to listen; `off`: no listener |
//! | `KIMBOT_METRICS_TOKEN` | none | bearer token of `/metrics` (at least 16 characters) |
//! | `KIMBOT_HTTP_HEADER_TIMEOUT_SECS` | 15 | a request's head must arrive within this; also how long an idle connection is kept |
//! | `KIMBOT_HTTP_BODY_TIMEOUT_SECS` | 30 | a request's body must arrive within this |
//! | `KIMBOT_HTTP_MAX_CONNECTIONS` | 256 | connections served at once; more wait to be accepted |

use std::net::SocketAddr;
use std::time::Duration;

use super::{ConfigError, DEFAULT_HTTP_ADDR, Secret, number};

/// Shortest metrics token accepted: a short one can be guessed by trying.
pub const MIN_METRICS_TOKEN_CHARS: usize = 16;

/// Settings of the HTTP listener.
#[derive(Debug, Clone)]
pub struct HttpConfig {
    /// Where to listen (`KIMBOT_HTTP_ADDR`, default 127.0.0.1:8080); `None`: no
    /// listener (`off`).
    pub addr: Option<SocketAddr>,
    /// `/metrics` is served only when this is set, to requests carrying it as a
    /// bearer token (`KIMBOT_METRICS_TOKEN`).
    pub metrics_token: Option<Secret>,
    /// Timeouts and the connection cap, so slow or idle clients cannot hold the
    /// process's sockets (and with them its file descriptors).
    pub limits: HttpLimits,
}

/// How long a client may take and how many may be served at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HttpLimits {
    /// A request's head must be complete within this after the connection opens or
    /// after the previous answer (so it is also the idle keep-alive timeout).
    pub header_timeout: Duration,
    /// A request's body must be complete within this after its head.
    pub body_timeout: Duration,
    /// Connections served at once; further ones wait in the listen queue.
    pub max_connections: usize,
}

impl Default for HttpLimits {
    fn default() -> Self {
        Self { header_timeout: Duration::from_secs(15), body_timeout: Duration::from_secs(30), max_connections: 256 }
    }
}

impl HttpConfig {
    pub(super) fn from_lookup<'a>(get: impl Fn(&str) -> Option<&'a str>) -> Result<Self, ConfigError> {
        let addr = match get("KIMBOT_HTTP_ADDR").unwrap_or(DEFAULT_HTTP_ADDR) {
            off if ["off", "none", "no", "0"].contains(&off.to_ascii_lowercase().as_str()) => None,
            raw => Some(raw.parse().map_err(|_| ConfigError::BadHttpAddr(raw.to_string()))?),
        };
        let metrics_token = get("KIMBOT_METRICS_TOKEN").map(Secret::new);
        if let Some(token) = &metrics_token
            && token.expose().chars().count() < MIN_METRICS_TOKEN_CHARS
        {
            return Err(ConfigError::ShortMetricsToken);
        }
        Ok(Self { addr, metrics_token, limits: HttpLimits::from_lookup(get)? })
    }
}

impl HttpLimits {
    fn from_lookup<'a>(get: impl Fn(&str) -> Option<&'a str>) -> Result<Self, ConfigError> {
        let d = Self::default();
        let secs = |key, default: Duration, max| number(&get, key, default.as_secs(), 1, max).map(Duration::from_secs);
        Ok(Self {
            header_timeout: secs("KIMBOT_HTTP_HEADER_TIMEOUT_SECS", d.header_timeout, 30)?,
            body_timeout: secs("KIMBOT_HTTP_BODY_TIMEOUT_SECS", d.body_timeout, 600)?,
            max_connections: number(&get, "KIMBOT_HTTP_MAX_CONNECTIONS", d.max_connections as u64, 1, 10_000)? as usize,
        })
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn parse(pairs: &[(&str, &str)]) -> Result<HttpConfig, ConfigError> {
        let env: HashMap<&str, &str> = pairs.iter().copied().collect();
        HttpConfig::from_lookup(|k| env.get(k).copied())
    }

    #[test]
    fn a_metrics_token_shorter_than_sixteen_characters_is_refused() {
        assert_eq!(parse(&[("KIMBOT_METRICS_TOKEN", "abc123")]).unwrap_err(), ConfigError::ShortMetricsToken);
        assert_eq!(parse(&[("KIMBOT_METRICS_TOKEN", &"x".repeat(15))]).unwrap_err(), ConfigError::ShortMetricsToken);
        let ok = parse(&[("KIMBOT_METRICS_TOKEN", &"x".repeat(16))]).unwrap();
        assert_eq!(ok.metrics_token.unwrap().expose().len(), 16);
        let message = ConfigError::ShortMetricsToken.to_string();
        assert!(message.starts_with("KIMBOT_METRICS_TOKEN") && !message.contains('\n'), "{message}");
    }

    #[test]
    fn listener_limits_default_to_bounded_values_and_stay_within_thirty_seconds_for_headers() {
        assert_eq!(parse(&[]).unwrap().limits, HttpLimits::default());
        assert!(HttpLimits::default().header_timeout <= Duration::from_secs(30));
        let set = parse(&[("KIMBOT_HTTP_HEADER_TIMEOUT_SECS", "2"), ("KIMBOT_HTTP_MAX_CONNECTIONS", "3")]).unwrap().limits;
        assert_eq!((set.header_timeout, set.max_connections), (Duration::from_secs(2), 3));
        for (key, value) in [("KIMBOT_HTTP_HEADER_TIMEOUT_SECS", "31"), ("KIMBOT_HTTP_BODY_TIMEOUT_SECS", "0"), ("KIMBOT_HTTP_MAX_CONNECTIONS", "x")] {
            assert!(parse(&[(key, value)]).unwrap_err().to_string().starts_with(key), "{key}");
        }
    }
}
