//! Telegram down: every method fails (502 at once, or no answer until the client
//! gives up), webhook delivery pauses, and every call made meanwhile is counted,
//! so a test can check that the bot backs off rather than hammering, and that
//! everything resumes when Telegram is back.

use std::time::Duration;

use axum::response::Response;
use serde_json::json;

use crate::FakeTelegram;
use crate::faults::{Outage, OutageMode, bad_gateway, gateway_timeout};

impl FakeTelegram {
    /// Telegram goes down: from now on every call (all methods, `getUpdates`
    /// included) fails as `mode` says, and no webhook POST is made.
    pub fn begin_outage(&self, mode: OutageMode) {
        self.lock().faults.outage = Some(Outage { mode, calls: 0 });
        self.changed();
    }

    /// Telegram is back: hung calls get their 504, pending updates flow again.
    pub fn end_outage(&self) {
        self.lock().faults.outage = None;
        self.changed();
    }

    /// Whether an outage is on.
    pub fn in_outage(&self) -> bool {
        self.lock().faults.outage.is_some()
    }

    /// How long a webhook POST may go unanswered before Telegram gives up on it
    /// and tries again (60 s by default).
    pub fn set_webhook_timeout(&self, timeout: Duration) {
        self.lock().webhook_timeout = timeout;
    }

    /// Webhook POSTs sent and not answered yet.
    pub fn webhook_in_flight(&self) -> usize {
        self.lock().in_flight.ids.len()
    }

    /// `max_connections` of the webhook currently set (40 unless the bot asked).
    pub fn webhook_max_connections(&self) -> usize {
        self.lock().webhook_max_connections
    }
}

/// The answer to a call during an outage, or `None` when Telegram is up.
pub(crate) async fn answer(fake: &FakeTelegram, method: &str) -> Option<Response> {
    let hangs = {
        let mut st = fake.lock();
        let outage = st.faults.outage.as_mut()?;
        let hangs = outage.next_hangs();
        st.stats.outage_requests += 1;
        *st.stats.outage_requests_by_method.entry(method.to_owned()).or_default() += 1;
        hangs
    };
    let error = if hangs {
        let far = tokio::time::Instant::now() + Duration::from_secs(24 * 3600);
        fake.wait_for(far, |st| (st.faults.outage.is_none() || st.shutdown).then_some(())).await;
        gateway_timeout()
    } else {
        bad_gateway()
    };
    let status = axum::http::StatusCode::from_u16(error.code).unwrap_or(axum::http::StatusCode::BAD_GATEWAY);
    let body = json!({ "ok": false, "error_code": error.code, "description": error.description });
    Some(axum::response::IntoResponse::into_response((status, axum::Json(body))))
}
