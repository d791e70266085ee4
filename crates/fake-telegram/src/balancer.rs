//! A round-robin load balancer for webhook POSTs, as a city's proxy in front of two
//! kimbot processes: request n goes to the next target in turn; a target that
//! refuses the connection is skipped (nginx's `proxy_next_upstream error`), any
//! answer goes back as is, and a connection lost mid-request is a 502 (a proxy does
//! not send a POST twice). Shared by the fault suite and `kimbot bench intake`.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use axum::body::Bytes;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

/// The secret Telegram puts on every webhook POST, passed through.
const SECRET_HEADER: &str = "x-telegram-bot-api-secret-token";

pub struct Balancer {
    /// The URL to register as the webhook: the balancer's address and `hook_path`.
    pub public: String,
    targets: Mutex<Vec<String>>,
    next: AtomicUsize,
    client: reqwest::Client,
}

impl Balancer {
    /// Listens on a loopback port; POSTs to `hook_path` (or any path) are forwarded
    /// to the same path on the targets.
    pub async fn start(hook_path: &str) -> std::io::Result<Arc<Balancer>> {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let public = format!("http://{}{hook_path}", listener.local_addr()?);
        let client = reqwest::Client::builder().no_proxy().build().map_err(std::io::Error::other)?;
        let lb = Arc::new(Balancer { public, targets: Mutex::default(), next: AtomicUsize::new(0), client });
        let router = axum::Router::new().fallback(forward).with_state(lb.clone());
        tokio::spawn(async move {
            let _ = axum::serve(listener, router).await;
        });
        Ok(lb)
    }

    /// The processes behind it, as base URLs (`http://127.0.0.1:port`).
    pub fn set_targets<S: AsRef<str>>(&self, targets: &[S]) {
        *self.targets.lock().unwrap_or_else(PoisonError::into_inner) = targets.iter().map(|t| t.as_ref().to_string()).collect();
    }
}

async fn forward(State(lb): State<Arc<Balancer>>, request: Request) -> Response {
    let path = request.uri().path().to_string();
    let secret = request.headers().get(SECRET_HEADER).cloned();
    let Ok(body) = axum::body::to_bytes(request.into_body(), 1 << 20).await else { return StatusCode::BAD_REQUEST.into_response() };
    let body: Bytes = body;
    let targets = lb.targets.lock().unwrap_or_else(PoisonError::into_inner).clone();
    let first = lb.next.fetch_add(1, Ordering::SeqCst);
    for i in 0..targets.len() {
        let target = &targets[(first + i) % targets.len()];
        let mut upstream = lb.client.post(format!("{target}{path}")).header("content-type", "application/json").body(body.clone());
        if let Some(secret) = &secret {
            upstream = upstream.header(SECRET_HEADER, secret.clone());
        }
        match upstream.send().await {
            Ok(answer) => return StatusCode::from_u16(answer.status().as_u16()).unwrap_or(StatusCode::BAD_GATEWAY).into_response(),
            Err(error) if error.is_connect() => continue,
            Err(_) => return StatusCode::BAD_GATEWAY.into_response(),
        }
    }
    StatusCode::BAD_GATEWAY.into_response()
}
