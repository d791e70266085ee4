//! The audit log: every privileged act, with who and when (PRODUCT.md §9), and the
//! vocabulary that reads it back as sentences ([`words`]), declared by each owner
//! of actions next to the code that records them.

pub mod detail;
pub mod words;

use crate::platform::ids::UserId;
use crate::platform::db::{Db, DbResult};

/// Appends one entry. `actor` is `None` for the CLI and for the system itself.
#[tracing::instrument(skip(db))]
pub async fn record(db: &Db, actor: Option<UserId>, action: &str, detail: &str, now: i64) -> DbResult<()> {
    sqlx::query("INSERT INTO audit_log (actor, action, detail, at) VALUES ($1, $2, $3, $4)")
        .bind(actor)
        .bind(action)
        .bind(detail)
        .bind(now)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// [`record`] as part of a larger change, so the entry commits (or not) with it.
pub async fn record_in(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    actor: Option<UserId>,
    action: &str,
    detail: &str,
    now: i64,
) -> DbResult<()> {
    sqlx::query("INSERT INTO audit_log (actor, action, detail, at) VALUES ($1, $2, $3, $4)")
        .bind(actor)
        .bind(action)
        .bind(detail)
        .bind(now)
        .execute(&mut **tx)
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

/// The people who acted, most recent first, at most `limit` of them: who the
/// console's Audit page offers to filter by (picked by name, not typed as an id).
pub async fn actors(db: &Db, limit: i64) -> DbResult<Vec<i64>> {
    use sqlx::Row;
    let rows = sqlx::query(
        "SELECT actor, MAX(id) AS last FROM audit_log WHERE actor IS NOT NULL GROUP BY actor ORDER BY last DESC LIMIT $1",
    )
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(|r| r.try_get::<i64, _>("actor").map_err(Into::into)).collect()
}

/// Which entries to show: by whom and/or what kind (an action name or its prefix,
/// e.g. `aspiration` for `aspiration.status` and `aspiration.reply`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub actor: Option<i64>,
    pub action_prefix: Option<String>,
}

/// Escapes `%`, `_` and `\` so a typed prefix matches literally in `LIKE … ESCAPE '\'`.
fn like_prefix(prefix: &str) -> String {
    let mut out = String::with_capacity(prefix.len() + 1);
    for c in prefix.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('%');
    out
}

const FILTERED: &str =
    "FROM audit_log WHERE ($1 = 0 OR actor = $2) AND ($3 = 0 OR action LIKE $4 ESCAPE '\\')";

/// Entries matching `filter`, newest first, `limit` from `offset`, and how many match
/// in all (for "page 2 of 5").
pub async fn page(
    db: &Db,
    filter: &Filter,
    offset: i64,
    limit: i64,
) -> DbResult<(Vec<Entry>, i64)> {
    use sqlx::Row;
    let by_actor = i64::from(filter.actor.is_some());
    let by_action = i64::from(filter.action_prefix.is_some());
    let pattern = like_prefix(filter.action_prefix.as_deref().unwrap_or_default());
    let actor = filter.actor.unwrap_or_default();
    let sql =
        format!("SELECT actor, action, detail, at {FILTERED} ORDER BY id DESC LIMIT $5 OFFSET $6");
    let entries = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(by_actor)
        .bind(actor)
        .bind(by_action)
        .bind(&pattern)
        .bind(limit)
        .bind(offset)
        .fetch_all(&db.pool)
        .await?;
    let total: i64 = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT COUNT(*) AS n {FILTERED}"
    )))
    .bind(by_actor)
    .bind(actor)
    .bind(by_action)
    .bind(&pattern)
    .fetch_one(&db.pool)
    .await?
    .try_get("n")?;
    Ok((entries, total))
}

#[cfg(test)]
mod tests {
    use super::like_prefix;

    #[test]
    fn a_typed_prefix_matches_literally() {
        assert_eq!(like_prefix("group.link"), "group.link%");
        assert_eq!(like_prefix("a_b%c\\"), "a\\_b\\%c\\\\%");
    }
}
