//! Webhook domain: event names, endpoint validation, delivery ids and the retry
//! schedule. Plain Rust, no SQL or HTTP.

use url::Url;

/// What happened to a ticket or a fact-check request. The name is what receivers see
/// in `event` and in the `X-Kimbot-Event` header, and what staff type in `--events`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event {
    Created,
    StatusChanged,
    Replied,
    /// A cek fakta request got its verdict (from staff, or at once from an earlier
    /// verdict on the same content).
    FactCheckVerdict,
}

impl Event {
    pub const ALL: [Event; 4] = [Event::Created, Event::StatusChanged, Event::Replied, Event::FactCheckVerdict];

    pub fn name(self) -> &'static str {
        match self {
            Event::Created => "aspiration.created",
            Event::StatusChanged => "aspiration.status_changed",
            Event::Replied => "aspiration.replied",
            Event::FactCheckVerdict => "factcheck.verdict",
        }
    }

    pub fn parse(name: &str) -> Option<Event> {
        Event::ALL.into_iter().find(|e| e.name() == name)
    }
}

/// Shortest secret accepted: an HMAC key should not be guessable.
pub const SECRET_MIN: usize = 16;

/// Why an endpoint was refused; each message says what to type instead.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvalidEndpoint {
    #[error("{url:?} is not a valid URL ({reason}); use e.g. https://example.go.id/kimbot-hook")]
    BadUrl { url: String, reason: String },
    #[error("webhook URLs must start with http:// or https:// (got {0}://)")]
    Scheme(String),
    #[error("unknown event {0:?}; known events: aspiration.created, aspiration.status_changed, aspiration.replied, factcheck.verdict")]
    UnknownEvent(String),
    #[error("no events given: use e.g. --events aspiration.created,aspiration.status_changed")]
    NoEvents,
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

/// Parses `a,b` into known events, without repeats, in [`Event::ALL`] order.
pub fn parse_events(list: &str) -> Result<Vec<Event>, InvalidEndpoint> {
    let mut wanted = Vec::new();
    for name in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        wanted.push(Event::parse(name).ok_or_else(|| InvalidEndpoint::UnknownEvent(name.to_string()))?);
    }
    let events: Vec<Event> = Event::ALL.into_iter().filter(|e| wanted.contains(e)).collect();
    if events.is_empty() { Err(InvalidEndpoint::NoEvents) } else { Ok(events) }
}

/// The stored form of an event list: `aspiration.created,aspiration.status_changed`.
pub fn events_text(events: &[Event]) -> String {
    events.iter().map(|e| e.name()).collect::<Vec<_>>().join(",")
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
