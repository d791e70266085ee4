//! `kimbot webhooks …`: staff register the systems that hear about tickets, and
//! look after deliveries that failed. Secrets are taken, never shown again.

use std::io::Write;

use clap::Subcommand;

use super::model::{self, check_secret, check_url, events_text, parse_events};
use super::payload::{Event, rfc3339};
use super::{WebhookError, store};
use crate::platform::audit;
use crate::platform::db::Db;

#[derive(Debug, Subcommand)]
pub enum WebhooksAction {
    /// Register an endpoint: kimbot POSTs the chosen events to it, signed with the secret.
    Add {
        /// http:// or https:// URL that receives the POSTs.
        url: String,
        /// Comma-separated event names, e.g. aspiration.created,aspiration.status_changed
        /// (an unknown name is answered with the list of known ones).
        #[arg(long)]
        events: String,
        /// HMAC key (at least 16 characters) the receiver checks signatures with;
        /// generated and printed once when left out.
        #[arg(long, env = "KIMBOT_WEBHOOK_SECRET", hide_env_values = true)]
        secret: Option<String>,
    },
    /// List active endpoints with their queued and failed deliveries (no secrets).
    List,
    /// Stop sending to an endpoint; what is still queued for it fails.
    Remove { id: i64 },
    /// Failed deliveries, latest first, with the endpoint's answer.
    Failures {
        #[arg(long, default_value_t = 50)]
        limit: i64,
    },
    /// Queue a failed delivery again (same delivery id), due now.
    Retry { id: i64 },
}

/// Runs one subcommand, printing to `out`; `known` are every feature's events.
pub async fn run(db: &Db, known: &[Event], action: WebhooksAction, now: i64, out: &mut impl Write) -> Result<(), WebhookError> {
    match action {
        WebhooksAction::Add { url, events, secret } => add(db, &url, &parse_events(&events, known)?, secret, now, out).await?,
        WebhooksAction::List => list(db, out).await?,
        WebhooksAction::Remove { id } => {
            let stopped = store::remove_endpoint(db, id, now).await?;
            audit::record(db, None, "webhook.remove", &format!("id={id} stopped={stopped} via=cli"), now).await?;
            writeln!(out, "removed endpoint {id}; {stopped} queued deliveries stopped")?;
        }
        WebhooksAction::Failures { limit } => failures(db, known, limit, out).await?,
        WebhooksAction::Retry { id } => {
            store::retry(db, id, now).await?;
            audit::record(db, None, "webhook.retry", &format!("delivery={id} via=cli"), now).await?;
            writeln!(out, "delivery {id} queued again")?;
        }
    }
    Ok(())
}

async fn add(db: &Db, url: &str, events: &[Event], secret: Option<String>, now: i64, out: &mut impl Write) -> Result<(), WebhookError> {
    let url = check_url(url)?;
    let (secret, generated) = match secret {
        Some(s) => (s, false),
        None => (model::new_secret(), true),
    };
    check_secret(&secret)?;
    let id = store::add_endpoint(db, url.as_str(), events, &secret, now).await?;
    let detail = format!("id={id} url={url} events={} via=cli", events_text(events));
    audit::record(db, None, "webhook.add", &detail, now).await?;
    writeln!(out, "added endpoint {id}: {url} ({})", events_text(events))?;
    if generated {
        writeln!(out, "secret (shown only now; give it to the receiver): {secret}")?;
    }
    Ok(())
}

async fn list(db: &Db, out: &mut impl Write) -> Result<(), WebhookError> {
    let endpoints = store::endpoints(db).await?;
    if endpoints.is_empty() {
        writeln!(out, "no webhook endpoints (add one with `kimbot webhooks add URL --events …`)")?;
    }
    for e in endpoints {
        let since = rfc3339(e.created_at);
        writeln!(out, "{}\t{}\t{}\tsince {since}\tqueued {}\tfailed {}", e.id, e.url, e.events, e.queued, e.failed)?;
    }
    Ok(())
}

async fn failures(db: &Db, known: &[Event], limit: i64, out: &mut impl Write) -> Result<(), WebhookError> {
    let failed = store::failures(db, known, limit).await?;
    if failed.is_empty() {
        writeln!(out, "no failed deliveries")?;
    }
    for f in failed {
        let status = f.response_status.map_or_else(|| "-".to_string(), |s| s.to_string());
        let error = f.error.unwrap_or_default();
        // One line per delivery: the recorded answer with its line breaks flattened.
        let body = f.response_body.unwrap_or_default().replace(['\n', '\r', '\t'], " ");
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\ttries {}\tstatus {status}\t{error}\t{body}\t{}",
            f.id,
            rfc3339(f.at),
            f.event,
            f.ticket,
            f.url,
            f.attempts,
            f.delivery_id
        )?;
    }
    Ok(())
}
