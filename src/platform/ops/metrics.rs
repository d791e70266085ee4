//! Prometheus metrics of one application (prometheus-client, one registry per app).
//!
//! Counters and the handler histogram are updated where things happen; the gauges
//! that describe the database (outbox depth, oldest due row, scheduler lag, pool
//! use) are set from a [`Snapshot`] taken at scrape time, so they are never stale.
//! Labels carry only fixed codes (update kind, outcome, status): never a chat, a
//! user or a text.

use std::fmt;
use std::sync::atomic::AtomicU64;
use std::time::Duration;

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::encoding::text::encode;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;
use teloxide::types::{Update, UpdateKind};

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct KindLabel {
    kind: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct OutcomeLabel {
    outcome: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct StatusLabel {
    status: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct StateLabel {
    state: &'static str,
}

/// Outbox statuses reported as depth (`sent` rows are history, counted by the
/// sends counter instead).
pub const OUTBOX_STATUSES: [&str; 3] = ["queued", "sending", "failed"];

/// What the database says at scrape time.
#[derive(Debug, Default, Clone)]
pub struct Snapshot {
    /// Rows per status of [`OUTBOX_STATUSES`] (missing ones are 0).
    pub outbox: Vec<(String, i64)>,
    /// Seconds the oldest due queued row has been waiting (0 when none).
    pub oldest_due_secs: i64,
    /// Seconds the most overdue scheduled announcement is late (0 when none).
    pub scheduler_lag_secs: i64,
    pub pool_in_use: i64,
    pub pool_idle: i64,
    /// Seconds since Telegram last answered (-1: never).
    pub telegram_age_secs: i64,
}

/// The registry and every metric in it.
pub struct Metrics {
    registry: Registry,
    updates: Family<KindLabel, Counter>,
    handler_seconds: Family<KindLabel, Histogram>,
    sends: Family<OutcomeLabel, Counter>,
    webhook_deliveries: Family<OutcomeLabel, Counter>,
    feed_polls: Family<OutcomeLabel, Counter>,
    outbox_rows: Family<StatusLabel, Gauge>,
    outbox_oldest_due: Gauge,
    scheduler_lag: Gauge,
    pool: Family<StateLabel, Gauge>,
    telegram_age: Gauge<f64, AtomicU64>,
}

impl fmt::Debug for Metrics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Metrics")
    }
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

fn handler_histogram() -> Histogram {
    // 5 ms … ~10 s.
    Histogram::new(exponential_buckets(0.005, 2.0, 12))
}

impl Metrics {
    pub fn new() -> Self {
        let mut registry = Registry::with_prefix("kimbot");
        let updates = Family::<KindLabel, Counter>::default();
        registry.register("updates", "Telegram updates received, by kind", updates.clone());
        let handler_seconds = Family::<KindLabel, Histogram>::new_with_constructor(handler_histogram as fn() -> Histogram);
        registry.register("handler_seconds", "Time to handle one update, by kind", handler_seconds.clone());
        let sends = Family::<OutcomeLabel, Counter>::default();
        registry.register("outbox_sends", "Outbox sends by Telegram's answer (ok, 429, 403, migrated, retry, failed)", sends.clone());
        let webhook_deliveries = Family::<OutcomeLabel, Counter>::default();
        registry.register("webhook_deliveries", "Webhook POST attempts by outcome (delivered, retry, rejected, dropped, gave_up)", webhook_deliveries.clone());
        let feed_polls = Family::<OutcomeLabel, Counter>::default();
        registry.register("feed_polls", "Programme feed polls by outcome (ok, not_modified, failed)", feed_polls.clone());
        let outbox_rows = Family::<StatusLabel, Gauge>::default();
        registry.register("outbox_rows", "Outbox rows by status, at scrape time", outbox_rows.clone());
        let outbox_oldest_due = Gauge::default();
        registry.register("outbox_oldest_due_age_seconds", "How long the oldest due queued outbox row has waited", outbox_oldest_due.clone());
        let scheduler_lag = Gauge::default();
        registry.register("scheduler_lag_seconds", "How late the most overdue scheduled announcement is (0: none due)", scheduler_lag.clone());
        let pool = Family::<StateLabel, Gauge>::default();
        registry.register("db_pool_connections", "Database pool connections by state (in_use, idle)", pool.clone());
        let telegram_age = Gauge::<f64, AtomicU64>::default();
        registry.register("telegram_last_success_age_seconds", "Seconds since Telegram last answered (-1: never)", telegram_age.clone());
        Self {
            registry,
            updates,
            handler_seconds,
            sends,
            webhook_deliveries,
            feed_polls,
            outbox_rows,
            outbox_oldest_due,
            scheduler_lag,
            pool,
            telegram_age,
        }
    }

    /// One update went through the dispatcher in `took`.
    pub fn update_handled(&self, kind: &'static str, took: Duration) {
        let label = KindLabel { kind };
        self.updates.get_or_create(&label).inc();
        self.handler_seconds.get_or_create(&label).observe(took.as_secs_f64());
    }

    /// One outbox send: `ok`, `429`, `403`, `migrated`, `retry` or `failed`.
    pub fn send(&self, outcome: &'static str) {
        self.sends.get_or_create(&OutcomeLabel { outcome }).inc();
    }

    /// One webhook attempt: `delivered`, `retry`, `rejected`, `dropped` or `gave_up`.
    pub fn webhook_delivery(&self, outcome: &'static str) {
        self.webhook_deliveries.get_or_create(&OutcomeLabel { outcome }).inc();
    }

    /// One feed poll: `ok`, `not_modified` or `failed`.
    pub fn feed_poll(&self, outcome: &'static str) {
        self.feed_polls.get_or_create(&OutcomeLabel { outcome }).inc();
    }

    /// The metrics in Prometheus' text format (OpenMetrics), with the scrape-time
    /// gauges set from `snap`.
    pub fn render(&self, snap: &Snapshot) -> String {
        for status in OUTBOX_STATUSES {
            let n = snap.outbox.iter().find(|(s, _)| s == status).map_or(0, |(_, n)| *n);
            self.outbox_rows.get_or_create(&StatusLabel { status }).set(n);
        }
        self.outbox_oldest_due.set(snap.oldest_due_secs);
        self.scheduler_lag.set(snap.scheduler_lag_secs);
        self.pool.get_or_create(&StateLabel { state: "in_use" }).set(snap.pool_in_use);
        self.pool.get_or_create(&StateLabel { state: "idle" }).set(snap.pool_idle);
        self.telegram_age.set(snap.telegram_age_secs as f64);
        let mut out = String::new();
        if let Err(error) = encode(&mut out, &self.registry) {
            tracing::error!(%error, "metrics could not be encoded");
        }
        out
    }
}

/// The update's kind as a fixed label.
pub fn update_kind(update: &Update) -> &'static str {
    match &update.kind {
        UpdateKind::Message(_) => "message",
        UpdateKind::EditedMessage(_) => "edited_message",
        UpdateKind::CallbackQuery(_) => "callback_query",
        UpdateKind::MyChatMember(_) => "my_chat_member",
        UpdateKind::ChatMember(_) => "chat_member",
        UpdateKind::Poll(_) => "poll",
        UpdateKind::PollAnswer(_) => "poll_answer",
        _ => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counters_and_scrape_gauges_appear_in_the_text_format() {
        let m = Metrics::new();
        m.send("ok");
        m.send("ok");
        m.send("429");
        m.update_handled("message", Duration::from_millis(12));
        let snap = Snapshot { outbox: vec![("queued".into(), 7)], oldest_due_secs: 42, ..Snapshot::default() };
        let text = m.render(&snap);
        assert!(text.contains(r#"kimbot_outbox_sends_total{outcome="ok"} 2"#), "{text}");
        assert!(text.contains(r#"kimbot_outbox_sends_total{outcome="429"} 1"#), "{text}");
        assert!(text.contains(r#"kimbot_outbox_rows{status="queued"} 7"#), "{text}");
        assert!(text.contains(r#"kimbot_outbox_rows{status="failed"} 0"#), "{text}");
        assert!(text.contains("kimbot_outbox_oldest_due_age_seconds 42"), "{text}");
        assert!(text.contains(r#"kimbot_handler_seconds_count{kind="message"} 1"#), "{text}");
    }
}
