//! Typed settings read from the environment (teloxide and sqlx conventions).
//!
//! Every setting is parsed once at start-up; a missing or malformed one becomes a
//! [`ConfigError`] whose `Display` is a single line saying which variable and how to
//! fix it, so `main` can print it and exit without a backtrace.

use std::collections::HashMap;
use std::fmt;

use chrono_tz::Tz;
use teloxide::types::UserId;
use url::Url;

pub use crate::platform::delivery::config::DeliveryConfig;

mod emergency;
mod http;
mod map;
mod pools;
mod sla;
mod verdict;
mod webhooks;

pub use emergency::{EmergencyConfig, PaidBroadcast};
pub use http::{HttpConfig, HttpLimits, MIN_METRICS_TOKEN_CHARS};
pub use map::MapConfig;
pub use pools::PoolConfig;
pub use sla::SlaConfig;
pub use verdict::VerdictConfig;
pub use webhooks::WebhookConfig;

/// Default database: an embedded SQLite file next to the binary's working directory.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://kimbot.db?mode=rwc";
/// Where console links point when `KIMBOT_PUBLIC_URL` is not set (the default HTTP address).
pub const DEFAULT_PUBLIC_URL: &str = "http://127.0.0.1:8080";
/// Where the HTTP listener (console, health, metrics) binds when `KIMBOT_HTTP_ADDR` is not set.
pub const DEFAULT_HTTP_ADDR: &str = "127.0.0.1:8080";

/// A bot token that never shows up in logs or `Debug` output.
#[derive(Clone)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }
    /// The raw value, for the one place that needs it (the Telegram client).
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

/// Why the configuration could not be built.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ConfigError {
    #[error(
        "TELOXIDE_TOKEN is not set: get a token from @BotFather and run `TELOXIDE_TOKEN=123:ABC kimbot run` (or try `kimbot sandbox`, which needs no token)"
    )]
    MissingToken,
    #[error("TELOXIDE_TOKEN looks wrong (expected <digits>:<letters>, as given by @BotFather)")]
    MalformedToken,
    #[error("TELOXIDE_API_URL is not a valid URL ({0}): use e.g. https://api.telegram.org")]
    BadApiUrl(String),
    #[error("KIMBOT_MAP_TILES must be an http(s) tile template with {{z}}, {{x}} and {{y}}, e.g. https://tile.openstreetmap.org/{{z}}/{{x}}/{{y}}.png (got {0:?})")]
    BadMapTiles(String),
    #[error(
        "DATABASE_URL must start with sqlite:// or postgres:// (got {0:?}); default is {DEFAULT_DATABASE_URL}"
    )]
    BadDatabaseUrl(String),
    #[error("KIMBOT_ADMINS must be comma-separated Telegram user ids, e.g. 12345,67890 (bad entry {0:?})")]
    BadAdmins(String),
    #[error("KIMBOT_TZ is not a known time zone ({0:?}); use e.g. Asia/Jakarta, Asia/Makassar or Asia/Jayapura")]
    BadTimeZone(String),
    #[error("{key} must be a whole number from {min} to {max} (got {value:?})")]
    BadNumber { key: &'static str, value: String, min: u64, max: u64 },
    #[error(
        "KIMBOT_SEND_LEASE_SECS ({lease}) must be longer than KIMBOT_SEND_TIMEOUT_SECS ({timeout}), or a live send could be repeated"
    )]
    LeaseTooShort { lease: u64, timeout: u64 },
    #[error("{key} must be 1/true/yes or 0/false/no (got {value:?})")]
    BadFlag { key: &'static str, value: String },
    #[error("KIMBOT_PUBLIC_URL is not a valid URL: {0}")]
    BadPublicUrl(String),
    #[error("KIMBOT_HOLIDAYS must be comma-separated dates like 2026-12-25 (bad entry {0:?})")]
    BadHolidays(String),
    #[error("KIMBOT_VERDICT_CLOSE_DAYS ({close}) must be more than KIMBOT_VERDICT_REMINDER_DAYS ({reminder}): the reminder comes before the close")]
    VerdictCloseBeforeReminder { reminder: u32, close: u32 },
    #[error("KIMBOT_HTTP_ADDR must be host:port like 127.0.0.1:8080, or off (got {0:?})")]
    BadHttpAddr(String),
    #[error("KIMBOT_METRICS_TOKEN must be at least {MIN_METRICS_TOKEN_CHARS} characters: make one with `openssl rand -hex 32`")]
    ShortMetricsToken,
    #[error("KIMBOT_TELEGRAM_WEBHOOK_URL must be an https:// URL ending in the path Telegram should POST to ({0})")]
    BadTelegramWebhookUrl(String),
    #[error("KIMBOT_TELEGRAM_WEBHOOK_SECRET must be 1-256 characters of A-Z, a-z, 0-9, _ and - (Telegram's rule)")]
    BadTelegramWebhookSecret,
    #[error("KIMBOT_EMERGENCY_STAFF must be comma-separated Telegram user ids, e.g. 12345,67890 (bad entry {0:?})")]
    BadEmergencyStaff(String),
    #[error("KIMBOT_PAID_BROADCAST=1 needs a budget: set KIMBOT_PAID_BROADCAST_MAX_STARS to the most Stars one emergency warning may cost")]
    MissingPaidBudget,
}

/// Which database engine `DATABASE_URL` points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Settings shared by every subcommand.
#[derive(Debug, Clone)]
pub struct Config {
    pub database_url: String,
    pub backend: Backend,
    pub admins: Vec<UserId>,
    pub tz: Tz,
    pub api_url: Option<Url>,
    /// Present only when a subcommand needs Telegram; see [`Config::require_token`].
    pub token: Option<Secret>,
    /// Sending rates, concurrency and timeouts (`KIMBOT_SEND_*`).
    pub delivery: DeliveryConfig,
    /// Webhook request timeout, concurrency and lease (`KIMBOT_WEBHOOK_*`).
    pub webhooks: WebhookConfig,
    /// Whether feeds and webhooks may reach non-public addresses
    /// (`KIMBOT_OUTBOUND_ALLOW_PRIVATE`, default no).
    pub outbound: crate::platform::outbound::Guard,
    /// Working days a ticket may wait for a first response, and holidays
    /// (`KIMBOT_SLA_WORKING_DAYS`, `KIMBOT_HOLIDAYS`).
    pub sla: SlaConfig,
    /// When the resident's verdict is chased and closed unrated
    /// (`KIMBOT_VERDICT_REMINDER_DAYS`, `KIMBOT_VERDICT_CLOSE_DAYS`).
    pub verdict: VerdictConfig,
    /// Base of links the bot hands out to the web console (`KIMBOT_PUBLIC_URL`,
    /// default `http://127.0.0.1:8080`); an https URL makes the session cookie `Secure`.
    pub public_url: Url,
    /// The HTTP listener (console, `/healthz`, `/readyz`, `/metrics`).
    pub http: HttpConfig,
    /// Webhook mode (`KIMBOT_TELEGRAM_WEBHOOK_URL`); `None`: long polling.
    pub telegram_webhook: Option<TelegramWebhook>,
    /// Who may send emergency warnings, and the paid broadcast (`KIMBOT_EMERGENCY_STAFF`,
    /// `KIMBOT_PAID_BROADCAST*`).
    pub emergency: EmergencyConfig,
    /// The console map's tiles (`KIMBOT_MAP_TILES`).
    pub map: MapConfig,
    /// Database pool sizes (`KIMBOT_DB_JOURNAL_CONNECTIONS`).
    pub pools: PoolConfig,
}

/// Telegram POSTs updates to `url` (through a reverse proxy to the HTTP listener,
/// same path) with `secret` in `X-Telegram-Bot-Api-Secret-Token`.
#[derive(Debug, Clone)]
pub struct TelegramWebhook {
    pub url: Url,
    /// `KIMBOT_TELEGRAM_WEBHOOK_SECRET`; when absent one is generated and kept in the
    /// database, so every process of the bot uses the same.
    pub secret: Option<Secret>,
}

impl TelegramWebhook {
    fn from_lookup<'a>(get: impl Fn(&str) -> Option<&'a str>) -> Result<Option<Self>, ConfigError> {
        let Some(raw) = get("KIMBOT_TELEGRAM_WEBHOOK_URL") else { return Ok(None) };
        let url = Url::parse(raw).map_err(|e| ConfigError::BadTelegramWebhookUrl(e.to_string()))?;
        // Telegram itself only POSTs to https; plain http is accepted for a local
        // Bot API server (and the tests' fake).
        if !matches!(url.scheme(), "https" | "http") || url.path().len() < 2 {
            return Err(ConfigError::BadTelegramWebhookUrl(format!("got {raw:?}")));
        }
        let secret = get("KIMBOT_TELEGRAM_WEBHOOK_SECRET").map(Secret::new);
        if let Some(s) = &secret
            && !valid_webhook_secret(s.expose())
        {
            return Err(ConfigError::BadTelegramWebhookSecret);
        }
        Ok(Some(Self { url, secret }))
    }
}

/// Telegram's rule for `secret_token`: 1-256 characters of `A-Za-z0-9_-`.
pub fn valid_webhook_secret(secret: &str) -> bool {
    (1..=256).contains(&secret.len()) && secret.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

impl Config {
    /// Reads the process environment.
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_map(&std::env::vars().collect())
    }

    /// Reads settings from a map, so tests need not touch the process environment.
    pub fn from_map(env: &HashMap<String, String>) -> Result<Self, ConfigError> {
        let get = |k: &str| env.get(k).map(|v| v.trim()).filter(|v| !v.is_empty());
        let database_url = get("DATABASE_URL").unwrap_or(DEFAULT_DATABASE_URL).to_string();
        let backend = parse_backend(&database_url)?;
        let admins = get("KIMBOT_ADMINS").map(parse_admins).transpose()?.unwrap_or_default();
        let tz = match get("KIMBOT_TZ") {
            Some(name) => name.parse().map_err(|_| ConfigError::BadTimeZone(name.to_string()))?,
            None => chrono_tz::Asia::Jakarta,
        };
        let api_url = get("TELOXIDE_API_URL")
            .map(|u| Url::parse(u).map_err(|e| ConfigError::BadApiUrl(e.to_string())))
            .transpose()?;
        let token = get("TELOXIDE_TOKEN").map(Secret::new);
        let delivery = DeliveryConfig::from_lookup(get)?;
        let webhooks = WebhookConfig::from_lookup(get)?;
        let outbound = crate::platform::outbound::Guard { allow_private: flag(get("KIMBOT_OUTBOUND_ALLOW_PRIVATE"), "KIMBOT_OUTBOUND_ALLOW_PRIVATE")? };
        let sla = SlaConfig::from_lookup(get)?;
        let verdict = VerdictConfig::from_lookup(get)?;
        let public_url = Url::parse(get("KIMBOT_PUBLIC_URL").unwrap_or(DEFAULT_PUBLIC_URL))
            .map_err(|e| ConfigError::BadPublicUrl(e.to_string()))?;
        let http = HttpConfig::from_lookup(get)?;
        let telegram_webhook = TelegramWebhook::from_lookup(get)?;
        let emergency = EmergencyConfig::from_lookup(get)?;
        let map = MapConfig::from_lookup(get)?;
        let pools = PoolConfig::from_lookup(get)?;
        Ok(Self { database_url, backend, admins, tz, api_url, token, delivery, webhooks, outbound, sla, verdict, public_url, http, telegram_webhook, emergency, map, pools })
    }

    /// The bot token, checked for shape; `run` calls this before touching anything else.
    pub fn require_token(&self) -> Result<Secret, ConfigError> {
        let token = self.token.clone().ok_or(ConfigError::MissingToken)?;
        let (id, rest) = token.expose().split_once(':').ok_or(ConfigError::MalformedToken)?;
        if id.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()) || rest.is_empty() {
            return Err(ConfigError::MalformedToken);
        }
        Ok(token)
    }

    pub fn is_admin(&self, user: UserId) -> bool {
        self.admins.contains(&user)
    }
}

/// A whole-number setting `key` in `min..=max`, read through `get` (unset or empty:
/// `default`). Shared by every block of settings, so each says the same in the
/// same words when it is wrong.
pub fn number<'a>(get: impl Fn(&str) -> Option<&'a str>, key: &'static str, default: u64, min: u64, max: u64) -> Result<u64, ConfigError> {
    let Some(raw) = get(key) else { return Ok(default) };
    match raw.parse::<u64>() {
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        _ => Err(ConfigError::BadNumber { key, value: raw.to_string(), min, max }),
    }
}

/// An on/off setting; unset means off.
fn flag(value: Option<&str>, key: &'static str) -> Result<bool, ConfigError> {
    match value.map(str::to_ascii_lowercase).as_deref() {
        None | Some("0" | "false" | "no") => Ok(false),
        Some("1" | "true" | "yes") => Ok(true),
        Some(_) => Err(ConfigError::BadFlag { key, value: value.unwrap_or_default().to_string() }),
    }
}

fn parse_backend(url: &str) -> Result<Backend, ConfigError> {
    if url.starts_with("sqlite:") {
        Ok(Backend::Sqlite)
    } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        Ok(Backend::Postgres)
    } else {
        Err(ConfigError::BadDatabaseUrl(url.to_string()))
    }
}

fn parse_admins(list: &str) -> Result<Vec<UserId>, ConfigError> {
    list.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| s.parse::<u64>().map(UserId).map_err(|_| ConfigError::BadAdmins(s.to_string())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn defaults_to_sqlite_in_jakarta_time_with_no_admins() {
        let c = Config::from_map(&env(&[])).unwrap();
        assert_eq!(c.database_url, DEFAULT_DATABASE_URL);
        assert_eq!(c.backend, Backend::Sqlite);
        assert_eq!(c.tz, chrono_tz::Asia::Jakarta);
        assert!(c.admins.is_empty());
        assert_eq!(c.require_token().unwrap_err(), ConfigError::MissingToken);
        assert_eq!(c.http.addr, Some(DEFAULT_HTTP_ADDR.parse().unwrap()));
        assert!(c.http.metrics_token.is_none());
    }

    #[test]
    fn the_http_listener_can_be_moved_or_turned_off() {
        for (value, expected) in [("off", None), ("OFF", None), ("0.0.0.0:9000", Some("0.0.0.0:9000".parse().unwrap()))] {
            let c = Config::from_map(&env(&[("KIMBOT_HTTP_ADDR", value)])).unwrap();
            assert_eq!(c.http.addr, expected, "{value}");
        }
    }

    #[test]
    fn bad_settings_are_each_named_in_the_error() {
        let cases = [
            (("DATABASE_URL", "mysql://x"), "DATABASE_URL"),
            (("KIMBOT_ADMINS", "12,abc"), "KIMBOT_ADMINS"),
            (("KIMBOT_TZ", "Mars/Olympus"), "KIMBOT_TZ"),
            (("TELOXIDE_API_URL", "not a url"), "TELOXIDE_API_URL"),
            (("KIMBOT_HTTP_ADDR", "localhost"), "KIMBOT_HTTP_ADDR"),
        ];
        for ((key, value), named) in cases {
            let err = Config::from_map(&env(&[(key, value)])).unwrap_err().to_string();
            assert!(err.starts_with(named), "{err}");
            assert!(!err.contains('\n'), "one line: {err}");
        }
    }

    #[test]
    fn token_shape_is_checked() {
        for (token, ok) in [("123:ABC", true), ("abc", false), (":x", false), ("12x:ab", false)] {
            let c = Config::from_map(&env(&[("TELOXIDE_TOKEN", token)])).unwrap();
            assert_eq!(c.require_token().is_ok(), ok, "{token}");
        }
    }

    #[test]
    fn admins_and_postgres_are_parsed() {
        let c = Config::from_map(&env(&[
            ("KIMBOT_ADMINS", " 1, 22 ,"),
            ("DATABASE_URL", "postgres://u@h/db"),
            ("KIMBOT_TZ", "Asia/Makassar"),
        ]))
        .unwrap();
        assert_eq!(c.admins, vec![UserId(1), UserId(22)]);
        assert_eq!(c.backend, Backend::Postgres);
        assert!(!format!("{c:?}").contains("123:"));
    }
}
