//! Readiness: may this process take traffic? Each check names itself, so `/readyz`
//! (and a person reading it) sees which one failed.

use std::time::Duration;

use serde::Serialize;

use super::metrics::{OUTBOX_STATUSES, Snapshot};
use crate::platform::ctx::AppCtx;
use crate::platform::db::DbResult;

/// Longest a readiness query may take before the database counts as not answering.
const DB_TIMEOUT: Duration = Duration::from_secs(2);
/// Telegram must have answered within this long.
pub const TELEGRAM_FRESH: Duration = Duration::from_secs(60);
/// The delivery worker must have turned its loop within this long (it wakes at
/// least every second when idle; a send holds it for at most the request timeout).
pub const WORKER_FRESH: Duration = Duration::from_secs(60);

/// One named check and, when it failed, why.
#[derive(Debug, Clone, Serialize)]
pub struct Check {
    pub name: &'static str,
    pub ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl Check {
    fn new(name: &'static str, result: Result<(), String>) -> Self {
        Self { name, ok: result.is_ok(), error: result.err() }
    }
}

/// Every check, in a fixed order.
#[derive(Debug, Clone, Serialize)]
pub struct Readiness {
    pub ready: bool,
    pub checks: Vec<Check>,
    /// Names of the failed checks (empty when ready).
    pub failed: Vec<&'static str>,
}

/// Runs the checks: database answers, migrations current, Telegram answered within
/// a minute, delivery worker alive.
pub async fn check(ctx: &AppCtx) -> Readiness {
    let database = match tokio::time::timeout(DB_TIMEOUT, sqlx::query("SELECT 1").execute(&ctx.db.pool)).await {
        Ok(Ok(_)) => Ok(()),
        Ok(Err(e)) => Err(logged("database", &e)),
        Err(_) => Err(format!("no answer within {} s", DB_TIMEOUT.as_secs())),
    };
    let migrations = if database.is_err() {
        Err("database not answering".to_string())
    } else {
        match tokio::time::timeout(DB_TIMEOUT, ctx.db.pending_migrations()).await {
            Ok(Ok(pending)) if pending.is_empty() => Ok(()),
            Ok(Ok(pending)) => Err(format!("{} migration(s) not applied: run `kimbot migrate`", pending.len())),
            Ok(Err(e)) => Err(logged("migrations", &e)),
            Err(_) => Err(format!("no answer within {} s", DB_TIMEOUT.as_secs())),
        }
    };
    let telegram = fresh(ctx.ops.telegram_age(), TELEGRAM_FRESH, "Telegram");
    let worker = fresh(ctx.ops.delivery_age(), WORKER_FRESH, "the delivery worker");
    let checks = vec![
        Check::new("database", database),
        Check::new("migrations", migrations),
        Check::new("telegram", telegram),
        Check::new("delivery_worker", worker),
    ];
    let failed: Vec<_> = checks.iter().filter(|c| !c.ok).map(|c| c.name).collect();
    Readiness { ready: failed.is_empty(), checks, failed }
}

/// The raw error goes to the log only: `/readyz` may be reachable from outside the
/// internal network, and driver errors name databases, users and hosts.
fn logged(check: &'static str, error: &dyn std::fmt::Display) -> String {
    tracing::warn!(check, %error, "readiness check failed");
    "error (details in the log)".to_string()
}

fn fresh(age: Option<Duration>, limit: Duration, what: &str) -> Result<(), String> {
    match age {
        None => Err(format!("{what} has not answered since start")),
        Some(age) if age > limit => Err(format!("{what} last answered {} s ago", age.as_secs())),
        Some(_) => Ok(()),
    }
}

/// The scrape-time gauges. A database that does not answer leaves its numbers at 0
/// (and `/readyz` red); the rest is still reported.
pub async fn snapshot(ctx: &AppCtx) -> Snapshot {
    let mut snap = Snapshot {
        pool_in_use: i64::from(ctx.db.pool.size()) - ctx.db.pool.num_idle() as i64,
        pool_idle: ctx.db.pool.num_idle() as i64,
        telegram_age_secs: ctx.ops.telegram_age().map_or(-1, |a| a.as_secs() as i64),
        ..Snapshot::default()
    };
    match tokio::time::timeout(DB_TIMEOUT, queue_figures(ctx, &mut snap)).await {
        Ok(Ok(())) => {}
        Ok(Err(error)) => tracing::warn!(%error, "metrics: database figures unavailable"),
        Err(_) => tracing::warn!("metrics: database figures timed out"),
    }
    snap
}

async fn queue_figures(ctx: &AppCtx, snap: &mut Snapshot) -> DbResult<()> {
    use sqlx::Row;
    let now = ctx.now();
    let pool = &ctx.db.pool;
    let rows = sqlx::query("SELECT status, COUNT(*) FROM outbox WHERE status IN ($1, $2, $3) GROUP BY status")
        .bind(OUTBOX_STATUSES[0])
        .bind(OUTBOX_STATUSES[1])
        .bind(OUTBOX_STATUSES[2])
        .fetch_all(pool)
        .await?;
    for row in rows {
        snap.outbox.push((row.try_get::<String, _>(0)?, row.try_get::<i64, _>(1)?));
    }
    let oldest: Option<i64> = sqlx::query("SELECT MIN(not_before) FROM outbox WHERE status = 'queued' AND not_before <= $1")
        .bind(now)
        .fetch_one(pool)
        .await?
        .try_get(0)?;
    snap.oldest_due_secs = oldest.map_or(0, |t| (now - t).max(0));
    for backlog in ctx.backlogs {
        if let Some(due) = (backlog.oldest_due)(&ctx.db, now).await? {
            snap.scheduler_lag_secs = snap.scheduler_lag_secs.max(now - due);
        }
    }
    Ok(())
}
