//! Webhook delivery, as Telegram does it: while a webhook is set, pending updates
//! are POSTed to its URL with the `secret_token` in
//! `X-Telegram-Bot-Api-Secret-Token`, over up to `max_connections` concurrent
//! connections (setWebhook's parameter, 1–100, default 40). A 2xx answer confirms
//! an update; anything else (an error status, a refused connection, no answer
//! within the timeout) is recorded (`getWebhookInfo`'s `last_error_*`) and the
//! update is tried again after a backoff that grows with each failure of that
//! update, until it is answered 200. `getUpdates` answers 409 meanwhile (see
//! `server.rs`).
//!
//! Order: updates of one chat go one at a time, oldest first (a conversation is
//! never reordered); different chats are delivered concurrently. During an outage
//! ([`crate::FakeTelegram::begin_outage`]) nothing is delivered, as when Telegram
//! itself is down.

use std::collections::HashSet;
use std::time::Duration;

use serde_json::Value;

use crate::FakeTelegram;
use crate::state::State;

/// Telegram's default `max_connections`.
pub(crate) const DEFAULT_MAX_CONNECTIONS: usize = 40;
/// First wait before an update that failed is tried again; doubles per failure.
const FIRST_RETRY: Duration = Duration::from_millis(100);
/// Longest wait between two tries of one update (Telegram's is longer; tests
/// would only be slower).
const LONGEST_RETRY: Duration = Duration::from_secs(2);

/// One update to deliver: where, with which secret, and whether it was a raw
/// (deliver-once) update to put back on failure.
struct Next {
    url: String,
    secret: Option<String>,
    id: i64,
    update: Value,
    raw: bool,
    /// Failed tries of this update so far.
    failures: u32,
}

/// Deliveries in progress: update ids and the chats they belong to.
#[derive(Debug, Default)]
pub(crate) struct InFlight {
    pub(crate) ids: HashSet<i64>,
    chats: HashSet<i64>,
}

/// Runs until the fake shuts down.
pub(crate) fn spawn(fake: FakeTelegram) {
    tokio::spawn(async move {
        let deadline = || tokio::time::Instant::now() + Duration::from_secs(3600);
        loop {
            let next = fake.wait_for(deadline(), |st| if st.shutdown { Some(None) } else { pick(st).map(Some) }).await;
            let Some(next) = next.flatten() else {
                if fake.lock().shutdown {
                    return;
                }
                continue;
            };
            let fake = fake.clone();
            tokio::spawn(async move { deliver(fake, next).await });
        }
    });
}

/// POSTs one update, then settles it: confirmed, or back in the queue after a backoff.
async fn deliver(fake: FakeTelegram, next: Next) {
    let timeout = fake.lock().webhook_timeout;
    // One client per delivery: each connection is its own, as with Telegram's
    // `max_connections`; the bot cannot serialise them on one keep-alive socket.
    let client = reqwest::Client::builder().timeout(timeout).no_proxy().build().unwrap_or_default();
    let mut request = client.post(&next.url).json(&next.update);
    if let Some(secret) = &next.secret {
        request = request.header("X-Telegram-Bot-Api-Secret-Token", secret);
    }
    let failure = match request.send().await {
        Ok(answer) if answer.status().is_success() => None,
        Ok(answer) => Some(format!("Wrong response from the webhook: {}", answer.status())),
        Err(error) if error.is_timeout() => Some("Read timeout expired".to_string()),
        Err(error) => Some(format!("Connection failed: {error}")),
    };
    if failure.is_some() {
        let wait = FIRST_RETRY.saturating_mul(1 << next.failures.min(8)).min(LONGEST_RETRY);
        fake.lock().stats.webhook_failures += 1;
        tracing::info!(url = next.url, update_id = next.id, ?failure, ?wait, "fake-telegram: webhook delivery failed; retrying");
        // The update stays claimed (its chat waits) until it is tried again.
        let at = chrono::Utc::now().timestamp();
        if let Some(message) = &failure {
            fake.lock().webhook_error = Some((at, message.clone()));
        }
        fake.changed();
        tokio::time::sleep(wait).await;
    } else {
        fake.lock().stats.webhook_deliveries += 1;
    }
    settle(&fake, next, failure.is_none());
    fake.changed();
}

/// The chat an update belongs to, for per-chat ordering (`None`: no chat).
fn chat_of(update: &Value) -> Option<i64> {
    let body = update.as_object()?.iter().find(|(k, _)| *k != "update_id").map(|(_, v)| v)?;
    body.pointer("/chat/id")
        .or_else(|| body.pointer("/message/chat/id"))
        .or_else(|| body.pointer("/from/id"))
        .or_else(|| body.pointer("/user/id"))
        .and_then(Value::as_i64)
}

/// The oldest pending update whose chat has no delivery in progress, if a webhook
/// is set, Telegram is up and a connection is free.
fn pick(st: &mut State) -> Option<Next> {
    if st.webhook_url.is_empty() || st.faults.outage.is_some() {
        return None;
    }
    if st.in_flight.ids.len() >= st.webhook_max_connections.max(1) {
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
    let busy = |chat: Option<i64>, flight: &InFlight| chat.is_some_and(|c| flight.chats.contains(&c));
    if let Some(i) = st.raw_updates.iter().position(|(_, u)| !busy(chat_of(u), &st.in_flight)) {
        let (id, update) = st.raw_updates.remove(i);
        let failures = st.webhook_failures_of.get(&id).copied().unwrap_or(0);
        claim(&mut st.in_flight, id, &update);
        return Some(Next { url, secret, id, update, raw: true, failures });
    }
    let (id, update) = st
        .updates
        .iter()
        .find(|(id, u)| !st.in_flight.ids.contains(id) && !busy(chat_of(u), &st.in_flight))
        .cloned()?;
    let failures = st.webhook_failures_of.get(&id).copied().unwrap_or(0);
    claim(&mut st.in_flight, id, &update);
    Some(Next { url, secret, id, update, raw: false, failures })
}

fn claim(flight: &mut InFlight, id: i64, update: &Value) {
    flight.ids.insert(id);
    if let Some(chat) = chat_of(update) {
        flight.chats.insert(chat);
    }
}

fn settle(fake: &FakeTelegram, next: Next, delivered: bool) {
    let mut st = fake.lock();
    st.in_flight.ids.remove(&next.id);
    if let Some(chat) = chat_of(&next.update) {
        st.in_flight.chats.remove(&chat);
    }
    if delivered {
        st.webhook_failures_of.remove(&next.id);
        if !next.raw {
            st.updates.retain(|(id, _)| *id != next.id);
        }
        st.webhook_confirmed.push(next.id);
    } else {
        *st.webhook_failures_of.entry(next.id).or_insert(0) += 1;
        if next.raw {
            st.raw_updates.insert(0, (next.id, next.update));
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::chat_of;

    #[test]
    fn updates_belong_to_their_chat() {
        assert_eq!(chat_of(&json!({"update_id": 1, "message": {"chat": {"id": -5}}})), Some(-5));
        assert_eq!(chat_of(&json!({"update_id": 1, "callback_query": {"from": {"id": 7}, "message": {"chat": {"id": 7}}}})), Some(7));
        assert_eq!(chat_of(&json!({"update_id": 1, "poll_answer": {"user": {"id": 9}}})), Some(9));
        assert_eq!(chat_of(&json!({"update_id": 1, "poll": {"id": "x"}})), None);
    }
}
