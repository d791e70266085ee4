//! The audit log: every privileged act, with who and when (PRODUCT.md §9).

use crate::db::{Db, DbResult};

/// Appends one entry. `actor` is `None` for the CLI and for the system itself.
#[tracing::instrument(skip(db))]
pub async fn record(db: &Db, actor: Option<i64>, action: &str, detail: &str, now: i64) -> DbResult<()> {
    sqlx::query("INSERT INTO audit_log (actor, action, detail, at) VALUES ($1, $2, $3, $4)")
        .bind(actor)
        .bind(action)
        .bind(detail)
        .bind(now)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// One audit entry, newest first from [`recent`].
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Entry {
    pub actor: Option<i64>,
    pub action: String,
    pub detail: String,
    pub at: i64,
}

pub async fn recent(db: &Db, limit: i64) -> DbResult<Vec<Entry>> {
    Ok(sqlx::query_as("SELECT actor, action, detail, at FROM audit_log ORDER BY id DESC LIMIT $1")
        .bind(limit)
        .fetch_all(&db.pool)
        .await?)
}
