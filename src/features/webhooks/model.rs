//! Webhook domain: event lists, endpoint validation, delivery ids and the retry
//! schedule. Plain Rust, no SQL or HTTP. The events themselves are declared by the
//! features that send them ([`super::payload::DeclaredEvent`]).

use url::Url;

use super::payload::Event;

/// Shortest secret accepted: an HMAC key should not be guessable.
pub const SECRET_MIN: usize = 16;

/// Why an endpoint was refused; each message says what to type instead.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvalidEndpoint {
    #[error("{url:?} is not a valid URL ({reason}); use e.g. https://example.go.id/kimbot-hook")]
    BadUrl { url: String, reason: String },
    #[error("webhook URLs must start with http:// or https:// (got {0}://)")]
    Scheme(String),
    #[error("unknown event {name:?}; known events: {known}")]
    UnknownEvent { name: String, known: String },
    /// Carries an example list: the first known events.
    #[error("no events given: use e.g. --events {0}")]
    NoEvents(String),
    #[error("the secret is {0} characters; use at least 16 (or leave --secret out to have one generated)")]
    ShortSecret(usize),
}

/// Checks an endpoint URL: absolute, http or https, with a host.
pub fn check_url(raw: &str) -> Result<Url, InvalidEndpoint> {
    let bad = |reason: String| InvalidEndpoint::BadUrl { url: raw.to_string(), reason };
    let url = Url::parse(raw.trim()).map_err(|e| bad(e.to_string()))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(InvalidEndpoint::Scheme(url.scheme().to_string()));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(bad("no host".into()));
    }
    Ok(url)
}

/// Parses `a,b` into events among `known`, without repeats, in `known` order.
pub fn parse_events(list: &str, known: &[Event]) -> Result<Vec<Event>, InvalidEndpoint> {
    let mut wanted = Vec::new();
    for name in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let event = known.iter().find(|e| e.name == name);
        wanted.push(event.ok_or_else(|| InvalidEndpoint::UnknownEvent { name: name.to_string(), known: events_text(known).replace(',', ", ") })?.name);
    }
    let events: Vec<Event> = known.iter().copied().filter(|e| wanted.contains(&e.name)).collect();
    if events.is_empty() { Err(InvalidEndpoint::NoEvents(events_text(&known[..known.len().min(2)]))) } else { Ok(events) }
}

/// The stored form of an event list: `thing.created,thing.closed`.
pub fn events_text(events: &[Event]) -> String {
    events.iter().map(|e| e.name).collect::<Vec<_>>().join(",")
}

pub fn check_secret(secret: &str) -> Result<(), InvalidEndpoint> {
    let len = secret.chars().count();
    if len < SECRET_MIN { Err(InvalidEndpoint::ShortSecret(len)) } else { Ok(()) }
}

/// A fresh random secret (256 bits, hex) for staff who did not bring one.
pub fn new_secret() -> String {
    hex::encode(rand::random::<[u8; 32]>())
}

/// A delivery id shaped like a UUID v4: random, so receivers can use it as an
/// idempotency key without learning how many events kimbot has sent.
pub fn new_delivery_id() -> String {
    let mut b = rand::random::<[u8; 16]>();
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h = hex::encode(b);
    format!("{}-{}-{}-{}-{}", &h[0..8], &h[8..12], &h[12..16], &h[16..20], &h[20..32])
}

/// First wait after a failed try; it doubles with each further try.
pub const FIRST_BACKOFF_SECS: i64 = 30;
/// Longest wait between two tries.
pub const MAX_BACKOFF_SECS: i64 = 3_600;
/// Tries stop this long after the first one.
pub const RETRY_WINDOW_SECS: i64 = 86_400;

/// Wait after `attempts` failed tries (1 → 30 s, 2 → 60 s, … capped at 1 h).
pub fn backoff_secs(attempts: i64) -> i64 {
    let doublings = (attempts - 1).clamp(0, 20) as u32;
    (FIRST_BACKOFF_SECS << doublings).min(MAX_BACKOFF_SECS)
}

/// When to try again after a transient failure at `now`, or `None` when the day
/// since the first try is over. The last try falls exactly at the day's end.
pub fn next_attempt(first_attempt_at: i64, attempts: i64, now: i64) -> Option<i64> {
    let deadline = first_attempt_at + RETRY_WINDOW_SECS;
    if now >= deadline {
        return None;
    }
    Some((now + backoff_secs(attempts)).min(deadline))
}

#[cfg(test)]
mod tests;
