//! Middleware around every route of the listener: a handler that panics answers
//! with the console's 500 page (logged) instead of dropping the connection, and a
//! request body must arrive within a deadline, so a client trickling a body cannot
//! hold a handler (and its connection) forever.

use std::panic::AssertUnwindSafe;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::middleware::{Next, from_fn, from_fn_with_state};
use axum::response::Response;
use futures_util::{FutureExt, StreamExt};

use crate::platform::telemetry::panic_text;

/// `router` with the guards; the outermost layer catches panics of all inner ones.
pub fn harden(router: Router, body_timeout: Duration) -> Router {
    #[cfg(debug_assertions)]
    let router = router.layer(from_fn(probe));
    router.layer(from_fn_with_state(body_timeout, body_deadline)).layer(from_fn(catch_panic))
}

async fn catch_panic(request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let area = first_segment(request.uri().path()).to_string();
    match AssertUnwindSafe(next.run(request)).catch_unwind().await {
        Ok(response) => response,
        Err(panic) => {
            tracing::error!(%method, path = %area, panic = panic_text(panic.as_ref()), "HTTP handler panicked");
            super::console::server_error_page()
        }
    }
}

/// `/dasbor` of `/dasbor/aspirasi/7`: enough to find the handler, while one-time
/// login tokens and the webhook's secret path stay out of the log.
fn first_segment(path: &str) -> &str {
    let end = path[1.min(path.len())..].find('/').map_or(path.len(), |i| i + 1);
    &path[..end]
}

/// The body's frames, failing once `limit` has passed since the head arrived.
async fn body_deadline(State(limit): State<Duration>, request: Request, next: Next) -> Response {
    let deadline = tokio::time::Instant::now() + limit;
    let (parts, body) = request.into_parts();
    let frames = body.into_data_stream();
    let timed = futures_util::stream::unfold(Some(frames), move |frames| async move {
        let mut frames = frames?;
        match tokio::time::timeout_at(deadline, frames.next()).await {
            Ok(Some(frame)) => Some((frame, Some(frames))),
            Ok(None) => None,
            Err(_) => Some((Err(axum::Error::new(BodyTimedOut)), None)),
        }
    });
    next.run(Request::from_parts(parts, Body::from_stream(timed))).await
}

#[derive(Debug, thiserror::Error)]
#[error("the request body did not arrive in time")]
struct BodyTimedOut;

/// Test builds only: a request for the path of an armed probe panics here, inside
/// the guarded chain, like a failing handler would.
#[cfg(debug_assertions)]
async fn probe(request: Request, next: Next) -> Response {
    crate::platform::probe::fire(request.uri().path().trim_start_matches('/'));
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::first_segment;

    #[test]
    fn only_the_first_path_segment_is_logged() {
        assert_eq!(first_segment("/dasbor/aspirasi/7"), "/dasbor");
        assert_eq!(first_segment("/masuk/secret_token"), "/masuk");
        assert_eq!(first_segment("/healthz"), "/healthz");
        assert_eq!(first_segment("/"), "/");
        assert_eq!(first_segment(""), "");
    }
}
