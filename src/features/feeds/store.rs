//! SQL of feeds and their items. Every poll-related write is conditional, so two
//! processes sharing a database never poll the same feed for the same tick and
//! never take the same item twice.

use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use super::fetch::{Item, Validators};
use crate::platform::db::{Db, DbResult};

/// Failed polls in a row after which a feed counts as unhealthy.
pub const UNHEALTHY_AFTER: i64 = 3;

/// A registered feed with its area and health.
#[derive(Debug, Clone, PartialEq)]
pub struct Feed {
    pub id: i64,
    pub url: String,
    pub area_id: i64,
    pub area_name: String,
    pub area_path: String,
    /// The cron crate's form (seconds first).
    pub cron: String,
    pub next_poll_at: i64,
    pub validators: Validators,
    pub failures: i64,
    pub healthy: bool,
    pub last_error: Option<String>,
    /// [`FetchError::kind`](super::fetch::FetchError::kind) of the last failure.
    pub last_error_kind: Option<String>,
    pub last_ok_at: Option<i64>,
}

const FEED_COLUMNS: &str = "SELECT f.id, f.url, f.area_id, a.name AS area_name, a.path AS area_path, f.cron, \
     f.next_poll_at, f.etag, f.last_modified, f.failures, f.healthy, f.last_error, f.last_error_kind, f.last_ok_at \
     FROM feeds f JOIN areas a ON a.id = f.area_id";

fn decode(r: &AnyRow) -> DbResult<Feed> {
    Ok(Feed {
        id: r.try_get("id")?,
        url: r.try_get("url")?,
        area_id: r.try_get("area_id")?,
        area_name: r.try_get("area_name")?,
        area_path: r.try_get("area_path")?,
        cron: r.try_get("cron")?,
        next_poll_at: r.try_get("next_poll_at")?,
        validators: Validators { etag: r.try_get("etag")?, last_modified: r.try_get("last_modified")? },
        failures: r.try_get("failures")?,
        healthy: r.try_get::<i64, _>("healthy")? == 1,
        last_error: r.try_get("last_error")?,
        last_error_kind: r.try_get("last_error_kind")?,
        last_ok_at: r.try_get("last_ok_at")?,
    })
}

/// A feed about to be registered.
#[derive(Debug, Clone)]
pub struct NewFeed<'a> {
    pub url: &'a str,
    pub area_id: i64,
    pub cron: &'a str,
    pub next_poll_at: i64,
    pub created_by: Option<i64>,
}

/// Registers a feed; a URL registered already in the same area is a unique violation the caller
/// turns into a friendly answer.
pub async fn add(db: &Db, feed: &NewFeed<'_>, now: i64) -> DbResult<i64> {
    let row = sqlx::query(
        "INSERT INTO feeds (url, area_id, cron, next_poll_at, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(feed.url)
    .bind(feed.area_id)
    .bind(feed.cron)
    .bind(feed.next_poll_at)
    .bind(feed.created_by)
    .bind(now)
    .fetch_one(&db.pool)
    .await?;
    Ok(row.try_get("id")?)
}

/// Every feed, by area and id.
pub async fn list(db: &Db) -> DbResult<Vec<Feed>> {
    let sql = format!("{FEED_COLUMNS} ORDER BY a.path, f.id");
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).fetch_all(&db.pool).await?;
    rows.iter().map(decode).collect()
}

pub async fn get(db: &Db, id: i64) -> DbResult<Option<Feed>> {
    let sql = format!("{FEED_COLUMNS} WHERE f.id = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(&db.pool).await?;
    row.as_ref().map(decode).transpose()
}

/// Removes a feed with its items and drafts; `false` when it was gone already.
pub async fn remove(db: &Db, id: i64) -> DbResult<bool> {
    let mut tx = db.begin().await?;
    sqlx::query("DELETE FROM feed_drafts WHERE item_id IN (SELECT id FROM feed_items WHERE feed_id = $1)")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM feed_items WHERE feed_id = $1").bind(id).execute(&mut *tx).await?;
    let done = sqlx::query("DELETE FROM feeds WHERE id = $1").bind(id).execute(&mut *tx).await?;
    tx.commit().await?;
    Ok(done.rows_affected() == 1)
}

/// Feeds whose poll is due, with the `next_poll_at` each was read with.
pub async fn due(db: &Db, now: i64, limit: i64) -> DbResult<Vec<Feed>> {
    let sql = format!("{FEED_COLUMNS} WHERE f.next_poll_at <= $1 ORDER BY f.next_poll_at, f.id LIMIT $2");
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(now).bind(limit).fetch_all(&db.pool).await?;
    rows.iter().map(decode).collect()
}

/// Moves a due feed to its next poll time, only if nobody did meanwhile: the
/// process whose update matched polls it, the others skip it.
pub async fn claim(db: &Db, id: i64, read_next: i64, new_next: i64, now: i64) -> DbResult<bool> {
    let mut tx = db.begin().await?;
    let done = sqlx::query("UPDATE feeds SET next_poll_at = $1, last_polled_at = $2 WHERE id = $3 AND next_poll_at = $4")
        .bind(new_next)
        .bind(now)
        .bind(id)
        .bind(read_next)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(done.rows_affected() == 1)
}

/// Claims a poll outside the schedule ("Periksa sekarang"): only when nobody fetched
/// the feed in the last `gap` seconds, so repeated presses and several processes
/// fetch it once.
pub async fn claim_now(db: &Db, id: i64, now: i64, gap: i64) -> DbResult<bool> {
    let done = sqlx::query("UPDATE feeds SET last_polled_at = $1 WHERE id = $2 AND (last_polled_at IS NULL OR last_polled_at <= $3)")
        .bind(now)
        .bind(id)
        .bind(now - gap)
        .execute(&db.pool)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Counts a failed poll; `true` when this one made the feed unhealthy (exactly once
/// per bad spell, whoever polled).
pub async fn record_failure(tx: &mut Transaction<'_, Any>, id: i64, reason: &str, kind: &str) -> DbResult<bool> {
    sqlx::query("UPDATE feeds SET failures = failures + 1, last_error = $1, last_error_kind = $2 WHERE id = $3")
        .bind(reason)
        .bind(kind)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    let flipped = sqlx::query("UPDATE feeds SET healthy = 0 WHERE id = $1 AND healthy = 1 AND failures >= $2")
        .bind(id)
        .bind(UNHEALTHY_AFTER)
        .execute(&mut **tx)
        .await?;
    Ok(flipped.rows_affected() == 1)
}

/// Records a good poll (new validators when the server sent any); `true` when the
/// feed was unhealthy and has now recovered.
pub async fn record_success(tx: &mut Transaction<'_, Any>, id: i64, fresh: Option<&Validators>, now: i64) -> DbResult<bool> {
    if let Some(v) = fresh {
        sqlx::query("UPDATE feeds SET etag = $1, last_modified = $2 WHERE id = $3")
            .bind(v.etag.as_deref())
            .bind(v.last_modified.as_deref())
            .bind(id)
            .execute(&mut **tx)
            .await?;
    }
    sqlx::query("UPDATE feeds SET failures = 0, last_error = NULL, last_error_kind = NULL, last_ok_at = $1 WHERE id = $2")
        .bind(now)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    let flipped = sqlx::query("UPDATE feeds SET healthy = 1 WHERE id = $1 AND healthy = 0")
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(flipped.rows_affected() == 1)
}

/// Takes an item once: its id when it is new, `None` when any process took it before.
pub async fn take_item(tx: &mut Transaction<'_, Any>, feed_id: i64, item: &Item, now: i64) -> DbResult<Option<i64>> {
    let row = sqlx::query(
        "INSERT INTO feed_items (feed_id, item_key, title, summary, link, seen_at) VALUES ($1, $2, $3, $4, $5, $6) \
         ON CONFLICT (feed_id, item_key) DO NOTHING RETURNING id",
    )
    .bind(feed_id)
    .bind(&item.key)
    .bind(&item.title)
    .bind(&item.summary)
    .bind(item.link.as_deref())
    .bind(now)
    .fetch_optional(&mut **tx)
    .await?;
    Ok(row.map(|r| r.try_get("id")).transpose()?)
}

