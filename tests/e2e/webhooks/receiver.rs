//! A webhook receiver for the tests: an axum server on 127.0.0.1:0 that records
//! every POST (headers and raw body bytes) before it answers as scripted.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use tokio::sync::{Notify, oneshot};

/// One POST as it arrived.
#[derive(Debug, Clone)]
pub struct Hit {
    /// Header names in lower case.
    pub headers: HashMap<String, String>,
    pub body: Vec<u8>,
}

impl Hit {
    pub fn header(&self, name: &str) -> &str {
        self.headers.get(&name.to_lowercase()).map(String::as_str).unwrap_or_else(|| panic!("no {name} header"))
    }
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).expect("the body is JSON")
    }
    pub fn text(&self) -> String {
        String::from_utf8(self.body.clone()).expect("the body is UTF-8")
    }
}

/// How the receiver answers the next POST; once the script is empty, 200.
pub enum Reply {
    Status(u16, &'static str),
    /// Holds the request until the test sends on (or drops) the other end, then 200.
    Hang(oneshot::Receiver<()>),
}

#[derive(Default)]
struct Shared {
    hits: Mutex<Vec<Hit>>,
    script: Mutex<VecDeque<Reply>>,
    arrived: Notify,
}

pub struct Receiver {
    pub url: String,
    shared: Arc<Shared>,
    task: tokio::task::JoinHandle<()>,
}

impl Receiver {
    pub async fn start() -> Receiver {
        let shared = Arc::new(Shared::default());
        let app = axum::Router::new().route("/hook", post(hook)).with_state(shared.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/hook", listener.local_addr().unwrap());
        let task = tokio::spawn(async move {
            axum::serve(listener, app).await.unwrap();
        });
        Receiver { url, shared, task }
    }

    /// Queues how to answer a coming POST.
    pub fn then(&self, reply: Reply) -> &Self {
        self.shared.script.lock().unwrap().push_back(reply);
        self
    }

    pub fn hits(&self) -> Vec<Hit> {
        self.shared.hits.lock().unwrap().clone()
    }

    /// Waits (bounded, 15 s) until `count` POSTs have arrived; returns them all.
    pub async fn wait_for(&self, count: usize) -> Vec<Hit> {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(15);
        loop {
            let arrived = self.shared.arrived.notified();
            let hits = self.hits();
            if hits.len() >= count {
                return hits;
            }
            if tokio::time::timeout_at(deadline, arrived).await.is_err() {
                panic!("expected {count} webhook POSTs, got {}: {:#?}", hits.len(), hits);
            }
        }
    }
}

impl Drop for Receiver {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn hook(State(shared): State<Arc<Shared>>, headers: HeaderMap, body: Bytes) -> (StatusCode, String) {
    let headers = headers
        .iter()
        .map(|(k, v)| (k.as_str().to_lowercase(), v.to_str().unwrap_or_default().to_string()))
        .collect();
    shared.hits.lock().unwrap().push(Hit { headers, body: body.to_vec() });
    shared.arrived.notify_waiters();
    let reply = shared.script.lock().unwrap().pop_front();
    match reply {
        Some(Reply::Status(code, text)) => (StatusCode::from_u16(code).unwrap(), text.to_string()),
        Some(Reply::Hang(release)) => {
            let _ = release.await;
            (StatusCode::OK, "ok".into())
        }
        None => (StatusCode::OK, "ok".into()),
    }
}
