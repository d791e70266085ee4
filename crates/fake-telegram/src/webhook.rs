//! Webhook delivery, as Telegram does it: while a webhook is set, pending updates
//! are POSTed to its URL one at a time, oldest first, with the `secret_token` in
//! `X-Telegram-Bot-Api-Secret-Token`. A 2xx answer confirms the update; anything
//! else is recorded (`getWebhookInfo`'s `last_error_*`) and the update is tried
//! again shortly. `getUpdates` answers 409 meanwhile (see `server.rs`).

use std::time::Duration;

use serde_json::Value;

use crate::FakeTelegram;
use crate::state::State;

/// Wait before trying a refused update again.
const RETRY: Duration = Duration::from_millis(200);

/// One update to deliver: where, with which secret, and whether it was a raw
/// (deliver-once) update to put back on failure.
struct Next {
    url: String,
    secret: Option<String>,
    id: i64,
    update: Value,
    raw: bool,
}

/// Runs until the fake shuts down.
pub(crate) fn spawn(fake: FakeTelegram) {
    tokio::spawn(async move {
        let client = reqwest::Client::builder().timeout(Duration::from_secs(10)).build().expect("a plain HTTP client builds");
        loop {
            let deadline = tokio::time::Instant::now() + Duration::from_secs(3600);
            let next = fake.wait_for(deadline, |st| if st.shutdown { Some(None) } else { pick(st).map(Some) }).await;
            let Some(next) = next.flatten() else {
                if fake.lock().shutdown {
                    return;
                }
                continue;
            };
            let mut request = client.post(&next.url).json(&next.update);
            if let Some(secret) = &next.secret {
                request = request.header("X-Telegram-Bot-Api-Secret-Token", secret);
            }
            let failure = match request.send().await {
                Ok(answer) if answer.status().is_success() => None,
                Ok(answer) => Some(format!("Wrong response from the webhook: {}", answer.status())),
                Err(error) => Some(format!("Connection failed: {error}")),
            };
            let failed = failure.is_some();
            settle(&fake, next, failure);
            fake.changed();
            if failed {
                tokio::time::sleep(RETRY).await;
            }
        }
    });
}

/// The oldest pending update the bot asked for, if a webhook is set.
fn pick(st: &mut State) -> Option<Next> {
    if st.webhook_url.is_empty() {
        return None;
    }
    let allowed = st.allowed_updates.clone();
    let wanted = |u: &Value| {
        let kind = u.as_object().and_then(|o| o.keys().find(|k| *k != "update_id").cloned()).unwrap_or_default();
        match &allowed {
            Some(list) => list.contains(&kind),
            None => !matches!(kind.as_str(), "chat_member" | "message_reaction" | "message_reaction_count"),
        }
    };
    st.updates.retain(|(_, u)| wanted(u));
    st.raw_updates.retain(|(_, u)| wanted(u));
    let (url, secret) = (st.webhook_url.clone(), st.webhook_secret.clone());
    if !st.raw_updates.is_empty() {
        let (id, update) = st.raw_updates.remove(0);
        return Some(Next { url, secret, id, update, raw: true });
    }
    let (id, update) = st.updates.front().cloned()?;
    Some(Next { url, secret, id, update, raw: false })
}

fn settle(fake: &FakeTelegram, next: Next, failure: Option<String>) {
    let mut st = fake.lock();
    match failure {
        None => {
            if !next.raw {
                st.updates.retain(|(id, _)| *id != next.id);
            }
        }
        Some(message) => {
            tracing::info!(url = next.url, %message, "fake-telegram: webhook delivery failed; retrying");
            st.webhook_error = Some((chrono::Utc::now().timestamp(), message));
            if next.raw {
                st.raw_updates.insert(0, (next.id, next.update));
            }
        }
    }
}
