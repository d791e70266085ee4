//! SQL of runs (one per firing) and deliveries (one per outbox message of a run):
//! what the report, recall and `/pengumuman` read.

use sqlx::Row;
use crate::kernel::members::KimId;

use super::model::{AnnouncementId, Content, Media};
use super::store::{Claim, Tx};
use crate::platform::db::{Db, DbError, DbResult};

pub async fn insert_run(tx: &mut Tx, c: &Claim, n: i64, now: i64) -> DbResult<i64> {
    let row = sqlx::query(
        "INSERT INTO announcement_runs (announcement_id, n, due_at, fired_at, late) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(c.id)
    .bind(n)
    .bind(c.due)
    .bind(now)
    .bind(i64::from(c.late))
    .fetch_one(&mut **tx)
    .await?;
    Ok(row.try_get("id")?)
}

/// One outbox message of a run, and the group it went to.
pub struct Delivery<'a> {
    pub run_id: i64,
    pub outbox_id: i64,
    pub chat_id: i64,
    pub kim_id: i64,
    pub title: &'a str,
}

pub async fn insert_delivery(tx: &mut Tx, d: &Delivery<'_>) -> DbResult<()> {
    sqlx::query(
        "INSERT INTO announcement_deliveries (run_id, outbox_id, chat_id, kim_id, title) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(d.run_id)
    .bind(d.outbox_id)
    .bind(d.chat_id)
    .bind(d.kim_id)
    .bind(d.title)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// One firing of an announcement.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Run {
    pub id: i64,
    pub n: i64,
    pub due_at: i64,
    pub fired_at: i64,
    pub late: i64,
    pub recalled_at: Option<i64>,
}

pub async fn run(db: &Db, announcement_id: AnnouncementId, n: i64) -> DbResult<Option<Run>> {
    Ok(sqlx::query_as(
        "SELECT id, n, due_at, fired_at, late, recalled_at FROM announcement_runs WHERE announcement_id = $1 AND n = $2",
    )
    .bind(announcement_id)
    .bind(n)
    .fetch_optional(&db.pool)
    .await?)
}

/// The latest `limit` runs of an announcement, newest first (the console's report).
pub async fn runs_of(db: &Db, announcement_id: i64, limit: i64) -> DbResult<Vec<Run>> {
    Ok(sqlx::query_as(
        "SELECT id, n, due_at, fired_at, late, recalled_at FROM announcement_runs WHERE announcement_id = $1 \
         ORDER BY n DESC LIMIT $2",
    )
    .bind(announcement_id)
    .bind(limit)
    .fetch_all(&db.pool)
    .await?)
}

pub async fn mark_recalled(db: &Db, run_id: i64, now: i64) -> DbResult<()> {
    sqlx::query("UPDATE announcement_runs SET recalled_at = $1 WHERE id = $2")
        .bind(now)
        .bind(run_id)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// A delivery with what the outbox knows of it now.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DeliveryState {
    pub chat_id: i64,
    pub title: String,
    /// Where the message went (differs from `chat_id` after a supergroup migration).
    pub sent_chat_id: i64,
    pub status: String,
    pub error: Option<String>,
    pub message_id: Option<i64>,
    pub updated_at: i64,
    /// 1: the message was in flight when a worker died and was sent again, so the
    /// group may have it twice.
    pub resent: i64,
}

pub async fn deliveries(db: &Db, run_id: i64) -> DbResult<Vec<DeliveryState>> {
    Ok(sqlx::query_as(
        "SELECT d.chat_id, d.title, o.chat_id AS sent_chat_id, o.status, o.error, o.message_id, o.updated_at, o.resent \
         FROM announcement_deliveries d JOIN outbox o ON o.id = d.outbox_id WHERE d.run_id = $1 ORDER BY d.title, d.id",
    )
    .bind(run_id)
    .fetch_all(&db.pool)
    .await?)
}

/// The latest announcements that reached a KIM's groups (not recalled), newest first,
/// each once with the time of its latest run. Group chats only (negative ids): news
/// sent to chosen UMKM in private is theirs, not the whole KIM's.
pub async fn latest_for_kim(db: &Db, kim_id: KimId, limit: i64) -> DbResult<Vec<(Content, i64)>> {
    let rows = sqlx::query(
        "SELECT a.id, a.text, a.entities, a.media_kind, a.media_file_id, MAX(r.fired_at) AS last_at \
         FROM announcement_runs r JOIN announcements a ON a.id = r.announcement_id \
         WHERE r.recalled_at IS NULL AND EXISTS \
         (SELECT 1 FROM announcement_deliveries d WHERE d.run_id = r.id AND d.kim_id = $1 AND d.chat_id < 0) \
         GROUP BY a.id, a.text, a.entities, a.media_kind, a.media_file_id ORDER BY last_at DESC, a.id DESC LIMIT $2",
    )
    .bind(kim_id)
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            let entities: String = r.try_get("entities")?;
            let content = Content {
                text: r.try_get("text")?,
                entities: serde_json::from_str(&entities).map_err(|e| DbError::Corrupt(e.to_string()))?,
                media: Media::from_parts(
                    r.try_get::<Option<String>, _>("media_kind")?.as_deref(),
                    r.try_get("media_file_id")?,
                ),
            };
            Ok((content, r.try_get("last_at")?))
        })
        .collect()
}
