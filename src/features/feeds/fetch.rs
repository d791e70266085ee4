//! Fetching one feed over HTTP, politely and defensively: a 20 s timeout, at most 5
//! redirects (a loop is an error at once), bodies capped at 2 MB while they are read,
//! conditional requests with the stored ETag / Last-Modified (304 = nothing new),
//! and only UTF-8 RSS 2.0 or Atom accepted.
//!
//! Nothing here touches the database; [`super::poll`] stores what comes back.

use std::time::Duration;

use reqwest::header::{ETAG, HeaderMap, IF_MODIFIED_SINCE, IF_NONE_MATCH, LAST_MODIFIED};
use reqwest::{Client, StatusCode, redirect};

use super::text::{SUMMARY_MAX, clean_summary, item_key};
use crate::platform::outbound::Guard;

/// A feed that answers slower than this is treated as failing this time.
pub const TIMEOUT: Duration = Duration::from_secs(20);
/// Redirects followed at most.
pub const MAX_REDIRECTS: usize = 5;
/// Bodies larger than this are refused (a feed of a few dozen items is ~100 KB).
pub const MAX_BYTES: usize = 2 * 1024 * 1024;
/// Titles are cut to this many characters.
const TITLE_MAX: usize = 200;

/// Why a fetch did not yield items; the text is stored as the feed's last error.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("request failed: {0}")]
    Request(String),
    #[error("HTTP status {0}")]
    Status(u16),
    #[error("response larger than {MAX_BYTES} bytes")]
    TooLarge,
    #[error("body is not UTF-8")]
    NotUtf8,
    #[error("not a valid RSS or Atom feed: {0}")]
    Malformed(String),
    #[error(transparent)]
    Blocked(#[from] crate::platform::outbound::Blocked),
}

impl FetchError {
    /// A short code for what went wrong, stored with the feed and shown to people in
    /// their language (the technical text stays in logs and the CLI).
    pub fn kind(&self) -> String {
        match self {
            FetchError::Request(text) if text.contains("redirect") => "redirect".into(),
            FetchError::Request(text) if text.contains("timed out") => "timeout".into(),
            FetchError::Request(_) => "request".into(),
            FetchError::Status(code) => format!("status:{code}"),
            FetchError::TooLarge => "too_large".into(),
            FetchError::NotUtf8 => "not_utf8".into(),
            FetchError::Malformed(_) => "malformed".into(),
            FetchError::Blocked(_) => "blocked".into(),
        }
    }
}

/// The validators a server gave for its last full answer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// One item as stored and shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub key: String,
    pub title: String,
    pub summary: String,
    pub link: Option<String>,
    /// Unix seconds, when the feed says; newest items are drafted first.
    pub published: Option<i64>,
}

/// What a poll found.
#[derive(Debug)]
pub enum Fetched {
    /// 304: the server says nothing changed since the validators we sent.
    NotModified,
    /// Items in the feed, newest first, and the validators to send next time.
    Items(Vec<Item>, Validators),
}

/// An HTTP client configured once per process.
#[derive(Debug, Clone)]
pub struct Fetcher {
    client: Client,
    guard: Guard,
}

impl Fetcher {
    pub fn new(guard: Guard) -> Result<Self, FetchError> {
        let policy = redirect::Policy::custom(move |attempt| {
            if let Err(blocked) = guard.check_url(attempt.url()) {
                attempt.error(blocked)
            } else if attempt.previous().iter().any(|seen| seen == attempt.url()) {
                attempt.error("redirect loop")
            } else if attempt.previous().len() > MAX_REDIRECTS {
                attempt.error("too many redirects")
            } else {
                attempt.follow()
            }
        });
        let client = guard
            .apply(Client::builder())
            .timeout(TIMEOUT)
            .redirect(policy)
            .user_agent(concat!("kimbot/", env!("CARGO_PKG_VERSION"), " (programme feeds)"))
            .build()
            .map_err(|e| FetchError::Request(describe(&e)))?;
        Ok(Self { client, guard })
    }

    /// Fetches `url`, sending `known` validators so an unchanged feed costs a 304.
    #[tracing::instrument(skip(self, known))]
    pub async fn fetch(&self, url: &str, known: &Validators) -> Result<Fetched, FetchError> {
        if let Ok(parsed) = url::Url::parse(url) {
            self.guard.check_url(&parsed)?;
        }
        let mut request = self.client.get(url);
        if let Some(etag) = &known.etag {
            request = request.header(IF_NONE_MATCH, etag);
        }
        if let Some(since) = &known.last_modified {
            request = request.header(IF_MODIFIED_SINCE, since);
        }
        let mut response = request.send().await.map_err(request_error)?;
        if response.status() == StatusCode::NOT_MODIFIED {
            return Ok(Fetched::NotModified);
        }
        if !response.status().is_success() {
            return Err(FetchError::Status(response.status().as_u16()));
        }
        let validators = validators(response.headers());
        if response.content_length().is_some_and(|n| n > MAX_BYTES as u64) {
            return Err(FetchError::TooLarge);
        }
        let mut body = CappedBody::new(MAX_BYTES);
        while let Some(chunk) = response.chunk().await.map_err(|e| FetchError::Request(describe(&e)))? {
            body.push(&chunk)?;
        }
        Ok(Fetched::Items(parse(&body.into_inner())?, validators))
    }
}

fn validators(headers: &HeaderMap) -> Validators {
    let text = |name| headers.get(name).and_then(|v: &reqwest::header::HeaderValue| v.to_str().ok()).map(String::from);
    Validators { etag: text(ETAG), last_modified: text(LAST_MODIFIED) }
}

/// A refused address stays [`FetchError::Blocked`] (shown as such to staff); any
/// other failure is described with its causes.
fn request_error(error: reqwest::Error) -> FetchError {
    if crate::platform::outbound::is_blocked(&error) {
        return FetchError::Blocked(crate::platform::outbound::Blocked(describe(&error)));
    }
    FetchError::Request(describe(&error))
}

/// reqwest's message and its causes on one line (the cause says "redirect loop").
fn describe(error: &reqwest::Error) -> String {
    let mut text = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        text = format!("{text}: {cause}");
        source = cause.source();
    }
    text
}

/// A body being read, refused as soon as it grows past its cap (so a huge or endless
/// answer costs at most the cap in memory).
#[derive(Debug)]
pub struct CappedBody {
    bytes: Vec<u8>,
    cap: usize,
}

impl CappedBody {
    pub fn new(cap: usize) -> Self {
        Self { bytes: Vec::new(), cap }
    }

    pub fn push(&mut self, chunk: &[u8]) -> Result<(), FetchError> {
        if self.bytes.len() + chunk.len() > self.cap {
            return Err(FetchError::TooLarge);
        }
        self.bytes.extend_from_slice(chunk);
        Ok(())
    }

    pub fn into_inner(self) -> Vec<u8> {
        self.bytes
    }
}

/// Items of an RSS 2.0 or Atom document, newest first; items with neither guid nor
/// link are skipped.
pub fn parse(body: &[u8]) -> Result<Vec<Item>, FetchError> {
    std::str::from_utf8(body).map_err(|_| FetchError::NotUtf8)?;
    // No made-up ids: an item without a guid is keyed by its link instead.
    let parser = feed_rs::parser::Builder::new().id_generator(|_, _, _| String::new()).build();
    let feed = parser.parse(body).map_err(|e| FetchError::Malformed(e.to_string()))?;
    let mut items: Vec<Item> = feed.entries.into_iter().filter_map(item).collect();
    items.sort_by_key(|i| std::cmp::Reverse(i.published));
    Ok(items)
}

fn item(entry: feed_rs::model::Entry) -> Option<Item> {
    let link = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or(entry.links.first())
        .map(|l| l.href.trim().to_string())
        .filter(|l| !l.is_empty());
    let key = item_key(&entry.id, link.as_deref())?;
    let html = entry.summary.map(|s| s.content).or_else(|| entry.content.and_then(|c| c.body)).unwrap_or_default();
    let summary = clean_summary(&html, SUMMARY_MAX);
    let title = entry.title.map(|t| clean_summary(&t.content, TITLE_MAX)).unwrap_or_default();
    // Untitled items are named by their first words, else by their link.
    let title = match title {
        t if !t.is_empty() => t,
        _ if !summary.is_empty() => clean_summary(&summary, 80),
        _ => link.clone().unwrap_or_else(|| key.clone()),
    };
    let published = entry.published.or(entry.updated).map(|t| t.timestamp());
    Some(Item { key, title, summary, link, published })
}

#[cfg(test)]
mod tests;
