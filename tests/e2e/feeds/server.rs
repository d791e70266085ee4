//! A feed server on 127.0.0.1:0 for the feed tests: RSS and Atom fixtures, broken
//! XML, a body over 2 MB sent without a length, redirects in a loop, and a feed that
//! answers 304 to its own ETag (remembering every If-None-Match it was sent); a
//! flaky feed that is broken until healed, and one that counts its requests.

use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

pub const RSS: &str = include_str!("rss.xml");
pub const ATOM: &str = include_str!("atom.xml");
const BROKEN: &str = include_str!("broken.xml");
/// The ETag `/etag.xml` hands out.
pub const ETAG: &str = "\"v1\"";

#[derive(Default)]
struct Seen {
    if_none_match: Vec<String>,
    etag_requests: usize,
    counted_requests: usize,
    healed: bool,
}

pub struct FeedServer {
    pub base: String,
    seen: Arc<Mutex<Seen>>,
    _task: tokio::task::JoinHandle<()>,
}

impl FeedServer {
    pub async fn start() -> FeedServer {
        let seen = Arc::new(Mutex::new(Seen::default()));
        let app = Router::new()
            .route("/rss.xml", get(|| async { xml(RSS) }))
            .route("/atom.xml", get(|| async { xml(ATOM) }))
            .route("/broken.xml", get(|| async { xml(BROKEN) }))
            .route("/huge.xml", get(huge))
            .route("/loop-a", get(|| async { redirect("/loop-b") }))
            .route("/loop-b", get(|| async { redirect("/loop-a") }))
            .route("/etag.xml", get(etag))
            .route("/flaky.xml", get(flaky))
            .route("/counted.xml", get(counted))
            .with_state(seen.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let task = tokio::spawn(async move {
            axum::serve(listener, app).await.unwrap();
        });
        FeedServer { base, seen, _task: task }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Every If-None-Match value `/etag.xml` received, in order.
    pub fn if_none_match_seen(&self) -> Vec<String> {
        self.seen.lock().unwrap().if_none_match.clone()
    }

    pub fn etag_requests(&self) -> usize {
        self.seen.lock().unwrap().etag_requests
    }

    /// Requests `/counted.xml` received.
    pub fn counted_requests(&self) -> usize {
        self.seen.lock().unwrap().counted_requests
    }

    /// From now on `/flaky.xml` serves the Atom fixture instead of broken XML.
    pub fn heal(&self) {
        self.seen.lock().unwrap().healed = true;
    }
}

impl Drop for FeedServer {
    fn drop(&mut self) {
        self._task.abort();
    }
}

fn xml(body: &'static str) -> Response {
    ([(header::CONTENT_TYPE, "application/xml; charset=utf-8")], body).into_response()
}

fn redirect(to: &'static str) -> Response {
    (StatusCode::FOUND, [(header::LOCATION, to)]).into_response()
}

/// 3 MB of a valid-looking feed in 64 KB chunks, with no Content-Length: only
/// reading the body can tell it is too big.
async fn huge() -> Response {
    let head = Bytes::from_static(b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>x</title><description>");
    let filler = Bytes::from(vec![b'a'; 64 * 1024]);
    let chunks = std::iter::once(head).chain(std::iter::repeat_n(filler, 48));
    let stream = futures_util::stream::iter(chunks.map(Ok::<_, std::convert::Infallible>));
    ([(header::CONTENT_TYPE, "application/xml")], Body::from_stream(stream)).into_response()
}

async fn etag(State(seen): State<Arc<Mutex<Seen>>>, headers: HeaderMap) -> Response {
    let sent = headers.get(header::IF_NONE_MATCH).and_then(|v| v.to_str().ok()).map(String::from);
    let mut seen = seen.lock().unwrap();
    seen.etag_requests += 1;
    if let Some(value) = &sent {
        seen.if_none_match.push(value.clone());
    }
    if sent.as_deref() == Some(ETAG) {
        return StatusCode::NOT_MODIFIED.into_response();
    }
    ([(header::CONTENT_TYPE, "application/rss+xml"), (header::ETAG, ETAG)], RSS).into_response()
}

async fn flaky(State(seen): State<Arc<Mutex<Seen>>>) -> Response {
    if seen.lock().unwrap().healed { xml(ATOM) } else { xml(BROKEN) }
}

async fn counted(State(seen): State<Arc<Mutex<Seen>>>) -> Response {
    seen.lock().unwrap().counted_requests += 1;
    xml(ATOM)
}
