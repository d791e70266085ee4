//! One POST to one endpoint, and what its answer means for the delivery.
//!
//! | answer | outcome |
//! |---|---|
//! | 2xx | delivered |
//! | 408, 429, 5xx, timeout, connection error | tried again later (see [`super::model::next_attempt`]) |
//! | any other status (3xx: redirects are not followed; 4xx) | failed at once, status and body recorded |

use std::time::Duration;

use reqwest::header::CONTENT_TYPE;

use super::signature::{DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, sign};

/// How much of an answer's body is kept (bytes), for `kimbot webhooks failures`.
pub const BODY_KEPT: usize = 1000;

/// What became of one try.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Delivered { status: u16, body: String },
    /// The endpoint refused it; trying again would not help.
    Rejected { status: u16, body: String },
    /// Worth another try: no answer, or an answer that says "later".
    Transient { status: Option<u16>, body: Option<String>, error: String },
    /// Not sent at all: the endpoint was removed or the ticket is gone.
    Dropped(String),
}

/// The HTTP client of the worker: a timeout on the whole request, no redirects
/// (a POST must not silently turn into a GET elsewhere), and no private addresses
/// unless `guard` allows them.
pub fn client(timeout: Duration, guard: crate::platform::outbound::Guard) -> reqwest::Client {
    guard
        .apply(reqwest::Client::builder())
        .timeout(timeout)
        .connect_timeout(timeout)
        .redirect(reqwest::redirect::Policy::none())
        .user_agent(concat!("kimbot-webhooks/", env!("CARGO_PKG_VERSION")))
        .build()
        .expect("a client with a timeout and no redirects always builds")
}

/// Headers and body of one POST.
#[derive(Debug, Clone)]
pub struct Request<'a> {
    pub url: &'a str,
    pub secret: &'a str,
    pub delivery_id: &'a str,
    pub event: &'a str,
    pub body: Vec<u8>,
}

/// POSTs `req` and classifies the answer.
#[tracing::instrument(skip_all, fields(url = req.url, delivery = req.delivery_id))]
pub async fn post(client: &reqwest::Client, req: Request<'_>) -> Outcome {
    let signature = sign(req.secret, &req.body);
    let sent = client
        .post(req.url)
        .header(CONTENT_TYPE, "application/json")
        .header(SIGNATURE_HEADER, signature)
        .header(DELIVERY_HEADER, req.delivery_id)
        .header(EVENT_HEADER, req.event)
        .body(req.body)
        .send()
        .await;
    let mut response = match sent {
        Ok(r) => r,
        // A refused address will be refused again: no retries for a day.
        Err(e) if crate::platform::outbound::is_blocked(&e) => {
            return Outcome::Dropped(format!("{}: {}", crate::platform::outbound::Blocked(req.url.to_string()), describe(&e)));
        }
        Err(e) => return Outcome::Transient { status: None, body: None, error: describe(&e) },
    };
    let status = response.status().as_u16();
    let body = match read_start(&mut response).await {
        Ok(body) => body,
        Err(e) => return Outcome::Transient { status: Some(status), body: None, error: describe(&e) },
    };
    classify(status, body)
}

/// What a status means, given the start of the answer's body.
pub fn classify(status: u16, body: String) -> Outcome {
    match status {
        200..=299 => Outcome::Delivered { status, body },
        408 | 429 | 500..=599 => {
            Outcome::Transient { status: Some(status), body: Some(body), error: format!("HTTP {status}") }
        }
        _ => Outcome::Rejected { status, body },
    }
}

/// The first [`BODY_KEPT`] bytes of the body, as text (invalid UTF-8 replaced);
/// the rest is not read, so a huge answer costs nothing.
async fn read_start(response: &mut reqwest::Response) -> Result<String, reqwest::Error> {
    let mut kept = Vec::new();
    while kept.len() < BODY_KEPT {
        match response.chunk().await? {
            Some(chunk) => kept.extend_from_slice(&chunk[..chunk.len().min(BODY_KEPT - kept.len())]),
            None => break,
        }
    }
    Ok(String::from_utf8_lossy(&kept).into_owned())
}

fn describe(e: &reqwest::Error) -> String {
    if e.is_timeout() {
        "timed out".to_string()
    } else if e.is_connect() {
        format!("cannot connect: {e}")
    } else {
        e.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_are_classified_as_delivered_rejected_or_worth_retrying() {
        let kind = |status| match classify(status, String::new()) {
            Outcome::Delivered { .. } => "delivered",
            Outcome::Rejected { .. } => "rejected",
            Outcome::Transient { .. } => "retry",
            Outcome::Dropped(_) => "dropped",
        };
        let cases = [(200, "delivered"), (204, "delivered"), (301, "rejected"), (400, "rejected"), (401, "rejected"),
            (404, "rejected"), (410, "rejected"), (408, "retry"), (429, "retry"), (500, "retry"), (503, "retry")];
        for (status, expected) in cases {
            assert_eq!(kind(status), expected, "{status}");
        }
    }
}
