//! One claimable queue for every table of work sent to the outside (the Telegram
//! outbox, webhook deliveries): the same claim, lease, reclaim, outcome guard,
//! wake-up and shutdown rules, written once.
//!
//! A row is `queued` until a worker claims it (`sending`, with `claimed_by` and
//! `claimed_at`), right before the request goes out. The claim is one conditional
//! UPDATE: on PostgreSQL its subquery takes the row `FOR UPDATE SKIP LOCKED` (a row
//! another process is claiming is skipped, not waited for); on SQLite the UPDATE
//! holds the single write lock while it reads, and re-checks the state on the row.
//! Every outcome is written only while the row is still `sending` and claimed by
//! the same worker, so a worker that outlived its lease (its row was reclaimed and
//! claimed again) cannot overwrite what the new claimer records.

pub mod worker;

use sqlx::any::{AnyArguments, AnyRow};
use sqlx::query::Query;

use crate::platform::config::Backend;
use crate::platform::db::{Db, DbResult};

/// The columns of one queue table. Every queue has `id`, `claimed_by`,
/// `claimed_at` and `updated_at`; the rest is named here.
#[derive(Debug)]
pub struct Table {
    pub name: &'static str,
    /// The state column (`queued`, `sending`, then the table's own end states).
    pub state: &'static str,
    /// When a queued row becomes due (Unix seconds).
    pub due: &'static str,
    /// Which due row goes first.
    pub order: &'static str,
    /// The column a worker may ask to skip (a chat, an endpoint it is busy with).
    pub group: &'static str,
    /// More `SET` items of the claim, after a comma (`$2` is now), or "".
    pub on_claim: &'static str,
    /// More `SET` items when a stalled row is queued again, each followed by a comma, or "".
    pub on_reclaim: &'static str,
    /// The columns a claim returns.
    pub returning: &'static str,
}

/// Who holds a claimed row: outcomes for it are written only under this claim.
#[derive(Debug, Clone, Copy)]
pub struct Claim<'a> {
    pub id: i64,
    pub worker: &'a str,
}

impl Table {
    /// The claim for one backend, skipping `skip` groups (bound from `$3` on).
    fn claim_sql(&self, backend: Backend, skip: usize, filter: &str) -> String {
        let Table { name, state, due, order, group, on_claim, returning, .. } = self;
        let not_in = if skip == 0 {
            String::new()
        } else {
            let marks: Vec<String> = (0..skip).map(|i| format!("${}", i + 3)).collect();
            format!(" AND {group} NOT IN ({})", marks.join(", "))
        };
        let not_in = if filter.is_empty() { not_in } else { format!("{not_in} AND {filter}") };
        let (lock, recheck) = match backend {
            Backend::Postgres => (" FOR UPDATE SKIP LOCKED".to_string(), String::new()),
            Backend::Sqlite => (String::new(), format!(" AND {state} = 'queued'")),
        };
        format!(
            "UPDATE {name} SET {state} = 'sending', claimed_by = $1, claimed_at = $2, updated_at = $2{on_claim} \
             WHERE id = (SELECT id FROM {name} WHERE {state} = 'queued' AND {due} <= $2{not_in} \
                         ORDER BY {order} LIMIT 1{lock}){recheck} \
             RETURNING {returning}"
        )
    }

    /// Up to `limit` first due rows meeting `filter`, leaving out `skip` groups (bound
    /// from `$3` on), in one UPDATE,
    /// for a worker that sends fast enough for the claim's round trip to count.
    fn claim_many_sql(&self, backend: Backend, skip: usize, filter: &str, limit: usize) -> String {
        let Table { name, state, due, order, group, on_claim, returning, .. } = self;
        let mut filter = if filter.is_empty() { String::new() } else { format!(" AND {filter}") };
        if skip > 0 {
            let marks: Vec<String> = (0..skip).map(|i| format!("${}", i + 3)).collect();
            filter.push_str(&format!(" AND {group} NOT IN ({})", marks.join(", ")));
        }
        let (lock, recheck) = match backend {
            Backend::Postgres => (" FOR UPDATE SKIP LOCKED".to_string(), String::new()),
            Backend::Sqlite => (String::new(), format!(" AND {state} = 'queued'")),
        };
        format!(
            "UPDATE {name} SET {state} = 'sending', claimed_by = $1, claimed_at = $2, updated_at = $2{on_claim} \
             WHERE id IN (SELECT id FROM {name} WHERE {state} = 'queued' AND {due} <= $2{filter} \
                          ORDER BY {order} LIMIT {limit}{lock}){recheck} \
             RETURNING {returning}"
        )
    }

    /// Claims up to `limit` due rows meeting `filter` for `worker` at once, leaving
    /// out the groups in `skip` (in no
    /// particular order: sort them); each is then the worker's as after [`Table::claim`].
    pub async fn claim_many(&self, db: &Db, worker: &str, now: i64, skip: &[i64], filter: &'static str, limit: usize) -> DbResult<Vec<AnyRow>> {
        let sql = self.claim_many_sql(db.backend, skip.len(), filter, limit.max(1));
        // Only placeholders and the limit, a number, are written into the statement.
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(worker.to_string()).bind(now);
        for id in skip {
            query = query.bind(*id);
        }
        Ok(query.fetch_all(&db.pool).await?)
    }

    /// Claims the first due row for `worker`, leaving out the groups in `skip`; it
    /// belongs to that worker alone until it records an outcome or the lease ends.
    pub async fn claim(&self, db: &Db, worker: &str, now: i64, skip: &[i64]) -> DbResult<Option<AnyRow>> {
        self.claim_where(db, worker, now, skip, "").await
    }

    /// [`Table::claim`] among the rows that also meet `filter` (a fixed SQL condition
    /// on the table's columns, e.g. one lane of the outbox; "" for every row).
    pub async fn claim_where(&self, db: &Db, worker: &str, now: i64, skip: &[i64], filter: &'static str) -> DbResult<Option<AnyRow>> {
        let sql = self.claim_sql(db.backend, skip.len(), filter);
        // Only placeholders are generated; the values are bound.
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(worker.to_string()).bind(now);
        for id in skip {
            query = query.bind(*id);
        }
        Ok(query.fetch_optional(&db.pool).await?)
    }

    /// Rows left `sending` longer than the lease belong to a worker that stopped
    /// (or stalled) mid-request: queued again, for any worker to claim.
    pub async fn reclaim_stale(&self, db: &Db, lease_secs: i64, now: i64) -> DbResult<u64> {
        let Table { name, state, on_reclaim, .. } = self;
        let sql = format!(
            "UPDATE {name} SET {state} = 'queued', {on_reclaim}claimed_by = NULL, claimed_at = NULL, \
             error = 'worker stopped while sending', updated_at = $1 WHERE {state} = 'sending' AND claimed_at < $2"
        );
        let done = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(now).bind(now - lease_secs).execute(&db.pool).await?;
        Ok(done.rows_affected())
    }

    /// An outcome write: `UPDATE … SET {set}` (whose values are `$1…$binds`) that
    /// only touches the row while `claim` still holds it. Bind the values, then pass
    /// the query through [`Table::held`] and check `rows_affected() == 1`.
    pub fn outcome_sql(&self, set: &str, binds: usize) -> String {
        let Table { name, state, .. } = self;
        format!(
            "UPDATE {name} SET {set} WHERE id = ${} AND {state} = 'sending' AND claimed_by = ${}",
            binds + 1,
            binds + 2
        )
    }

    /// Binds the claim that [`Table::outcome_sql`] checks.
    pub fn held<'q>(&self, query: Query<'q, sqlx::Any, AnyArguments>, claim: Claim<'_>) -> Query<'q, sqlx::Any, AnyArguments> {
        query.bind(claim.id).bind(claim.worker.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: Table = Table {
        name: "jobs",
        state: "state",
        due: "due_at",
        order: "due_at, id",
        group: "target",
        on_claim: "",
        on_reclaim: "",
        returning: "id",
    };

    #[test]
    fn the_postgres_claim_skips_locked_rows_and_binds_skipped_groups_after_worker_and_now() {
        let sql = T.claim_sql(Backend::Postgres, 2, "");
        assert!(sql.contains("AND target NOT IN ($3, $4)"), "{sql}");
        assert!(sql.contains("LIMIT 1 FOR UPDATE SKIP LOCKED)"), "{sql}");
        assert!(!sql.contains(") AND state = 'queued'"), "{sql}");
    }

    #[test]
    fn the_sqlite_claim_rechecks_the_state_on_the_updated_row() {
        let sql = T.claim_sql(Backend::Sqlite, 0, "");
        assert!(sql.ends_with(") AND state = 'queued' RETURNING id"), "{sql}");
        assert!(!sql.contains("NOT IN") && !sql.contains("SKIP LOCKED"), "{sql}");
    }

    #[test]
    fn a_filtered_claim_keeps_its_condition_inside_the_locked_subquery() {
        let sql = T.claim_sql(Backend::Postgres, 1, "lane = 1");
        assert!(sql.contains("AND target NOT IN ($3) AND lane = 1 ORDER BY"), "{sql}");
    }

    #[test]
    fn a_batch_claim_takes_its_rows_in_order_under_the_same_lock_and_recheck() {
        let pg = T.claim_many_sql(Backend::Postgres, 2, "lane = 1", 32);
        assert!(pg.contains("WHERE id IN (SELECT id FROM jobs WHERE state = 'queued' AND due_at <= $2 AND lane = 1 AND target NOT IN ($3, $4)"), "{pg}");
        assert!(pg.contains("ORDER BY due_at, id LIMIT 32 FOR UPDATE SKIP LOCKED)"), "{pg}");
        let lite = T.claim_many_sql(Backend::Sqlite, 0, "", 8);
        assert!(lite.contains("LIMIT 8) AND state = 'queued' RETURNING id"), "{lite}");
    }

    #[test]
    fn an_outcome_is_written_only_under_the_same_claim() {
        let sql = T.outcome_sql("state = 'done', note = $1", 1);
        assert!(sql.ends_with("WHERE id = $2 AND state = 'sending' AND claimed_by = $3"), "{sql}");
    }
}
