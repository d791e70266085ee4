//! All SQL of emergency warnings: the `emergencies` table, the residents a warning
//! reaches (kernel tables: people, their KIM's area, their news consent), and the
//! one transaction that records a warning, queues its copies and audits it.

use sqlx::Row;
use sqlx::any::AnyRow;

use crate::features::privacy::PURPOSE_NEWS;
use crate::kernel::members::{UserId, covers};
use crate::platform::audit;
use crate::platform::db::{Db, DbResult};
use crate::platform::delivery::{Outbox, Outgoing};

/// The outbox source of a warning's copies (`emergency:<id>`).
pub const SOURCE: crate::platform::delivery::outbox::SourceKind = crate::platform::delivery::outbox::SourceKind::new("emergency");
/// The deletions of a recalled warning's copies (`emergency_recall:<id>`).
pub const RECALL_SOURCE: crate::platform::delivery::outbox::SourceKind =
    crate::platform::delivery::outbox::SourceKind::new("emergency_recall");

/// The outbox `source` of a warning's copies.
pub fn source(id: i64) -> String {
    SOURCE.of(id).to_string()
}

/// A resident a warning reaches, with the language they read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reader {
    pub user_id: i64,
    pub language: String,
}

/// Residents of a KIM inside `area_path` who agreed to programme news and did not
/// stop it (`/berhenti`).
pub async fn readers_in(db: &Db, area_path: &str) -> DbResult<Vec<Reader>> {
    let rows = sqlx::query(
        "SELECT u.id, u.language, a.path FROM users u JOIN kims k ON k.id = u.kim_id JOIN areas a ON a.id = k.kelurahan_id \
         WHERE EXISTS (SELECT 1 FROM consents c WHERE c.user_id = u.id AND c.purpose = $1 AND c.withdrawn_at IS NULL) ORDER BY u.id",
    )
    .bind(PURPOSE_NEWS)
    .fetch_all(&db.pool)
    .await?;
    let mut readers = Vec::new();
    for r in rows {
        if covers(area_path, &r.try_get::<String, _>("path")?) {
            readers.push(Reader { user_id: r.try_get("id")?, language: r.try_get("language")? });
        }
    }
    Ok(readers)
}

/// One stored warning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub id: i64,
    pub author_id: UserId,
    pub area_path: String,
    pub area_name: String,
    pub groups: i64,
    pub people: i64,
    pub paid: bool,
    pub status: String,
    pub created_at: i64,
}

fn decode(r: &AnyRow) -> DbResult<Warning> {
    Ok(Warning {
        id: r.try_get("id")?,
        author_id: r.try_get("author_id")?,
        area_path: r.try_get("area_path")?,
        area_name: r.try_get("area_name")?,
        groups: r.try_get("group_count")?,
        people: r.try_get("people_count")?,
        paid: r.try_get::<i64, _>("paid")? != 0,
        status: r.try_get("status")?,
        created_at: r.try_get("created_at")?,
    })
}

pub async fn get(db: &Db, id: i64) -> DbResult<Option<Warning>> {
    let row = sqlx::query(
        "SELECT id, author_id, area_path, area_name, group_count, people_count, paid, status, created_at FROM emergencies WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    row.as_ref().map(decode).transpose()
}

/// A warning about to be sent.
pub struct NewWarning<'a> {
    pub author_id: UserId,
    pub area_id: i64,
    pub area_path: &'a str,
    pub area_name: &'a str,
    pub body: &'a str,
    pub photo: Option<&'a str>,
    pub groups: i64,
    pub people: i64,
    /// The most it can cost in Stars when sent as a paid broadcast; `None`: free.
    pub paid_stars: Option<u64>,
}

/// Records the warning, queues its copies (paid or not) and audits it, in one
/// transaction; returns its id. `copies` is built from the id by `build`.
pub async fn create(
    db: &Db,
    outbox: &Outbox,
    new: &NewWarning<'_>,
    build: impl FnOnce(i64) -> Vec<Outgoing>,
    now: i64,
) -> DbResult<i64> {
    let mut tx = db.begin().await?;
    let id: i64 = sqlx::query(
        "INSERT INTO emergencies (author_id, area_id, area_path, area_name, body, photo, group_count, people_count, paid, max_stars, \
         status, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'sent', $11) RETURNING id",
    )
    .bind(new.author_id)
    .bind(new.area_id)
    .bind(new.area_path)
    .bind(new.area_name)
    .bind(new.body)
    .bind(new.photo)
    .bind(new.groups)
    .bind(new.people)
    .bind(i64::from(new.paid_stars.is_some()))
    .bind(new.paid_stars.unwrap_or(0) as i64)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?
    .try_get("id")?;
    let copies = build(id);
    outbox.enqueue_bulk_in(&mut tx, &copies, new.paid_stars.is_some()).await?;
    let paid = match new.paid_stars {
        Some(stars) => format!(" paid=1 stars={stars}"),
        None => String::new(),
    };
    let detail = format!("id={id} groups={} people={}{paid} scope={}", new.groups, new.people, new.area_path);
    audit::record_in(&mut tx, Some(new.author_id), "emergency.send", &detail, now).await?;
    tx.commit().await?;
    outbox.wake();
    Ok(id)
}

/// Marks the warning recalled; `false` when it already was (a double press, another
/// process), so the recall happens once.
pub async fn claim_recall(db: &Db, id: i64, now: i64) -> DbResult<bool> {
    let done = sqlx::query("UPDATE emergencies SET status = 'recalled', recalled_at = $1 WHERE id = $2 AND status = 'sent'")
        .bind(now)
        .bind(id)
        .execute(&db.pool)
        .await?;
    Ok(done.rows_affected() == 1)
}
