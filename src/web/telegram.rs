//! Telegram's webhook: updates POSTed to the path of `KIMBOT_TELEGRAM_WEBHOOK_URL`.
//! A request without the right `X-Telegram-Bot-Api-Secret-Token` gets 401 and is
//! not looked at; an accepted update goes to the dispatcher's queue, and Telegram
//! gets 200 once it has been handled (503 when it could not be: Telegram delivers
//! it again; see [`crate::platform::intake`]). Deliveries are de-duplicated by
//! update id.

use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use teloxide::stop::StopFlag;
use teloxide::types::Update;
use tokio::sync::mpsc::UnboundedSender;

use crate::platform::intake::{Acks, Verdict};

/// Header names are case-insensitive; written as Telegram documents it.
const SECRET_HEADER: &str = "X-Telegram-Bot-Api-Secret-Token";
/// Longest wait for an update's handling before answering 503 (Telegram gives up
/// on a webhook request after about a minute and delivers it again anyway).
const HANDLING_WAIT: std::time::Duration = std::time::Duration::from_secs(50);

#[derive(Clone)]
struct Hook {
    secret: Arc<str>,
    updates: UnboundedSender<Update>,
    acks: Arc<Acks>,
    /// Set when the dispatcher stops: later updates are refused (503), so Telegram
    /// delivers them again, to this process after a restart or to another one.
    stopped: StopFlag,
}

/// The webhook route at `path`.
pub fn routes(path: &str, secret: String, updates: UnboundedSender<Update>, acks: Arc<Acks>, stopped: StopFlag) -> Router {
    Router::new().route(path, post(receive)).with_state(Hook { secret: secret.into(), updates, acks, stopped })
}

async fn receive(State(hook): State<Hook>, headers: HeaderMap, body: Bytes) -> StatusCode {
    let given = headers.get(SECRET_HEADER).map(|v| v.as_bytes()).unwrap_or_default();
    if !same(given, hook.secret.as_bytes()) {
        tracing::warn!("webhook request without the right secret token refused");
        return StatusCode::UNAUTHORIZED;
    }
    if hook.stopped.is_stopped() {
        return StatusCode::SERVICE_UNAVAILABLE;
    }
    match serde_json::from_slice::<Update>(&body) {
        Ok(update) => {
            let id = update.id.0;
            let handled = hook.acks.wait_for(id);
            if hook.updates.send(update).is_err() {
                hook.acks.forget(id);
                return StatusCode::SERVICE_UNAVAILABLE;
            }
            let verdict = tokio::time::timeout(HANDLING_WAIT, handled).await;
            match verdict {
                Ok(Ok(Verdict::Handled)) => StatusCode::OK,
                Ok(Ok(Verdict::Busy | Verdict::Unrecorded)) | Ok(Err(_)) => StatusCode::SERVICE_UNAVAILABLE,
                Err(_) => {
                    hook.acks.forget(id);
                    tracing::warn!(update_id = id, "update not handled within {HANDLING_WAIT:?}; Telegram will deliver it again");
                    StatusCode::SERVICE_UNAVAILABLE
                }
            }
        }
        Err(error) => {
            // Telegram would send an unreadable update again and again: take it.
            tracing::error!(%error, "webhook update could not be read; dropped");
            StatusCode::OK
        }
    }
}

/// Compares without stopping at the first difference.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
