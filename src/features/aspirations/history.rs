//! Reading a ticket's status history: the whole of it for cards and the resident's
//! view, and the newest row for the undo rule.

use sqlx::Row;

use super::model::{AspirationId, LastChange, Status};
use super::store::StatusChange;
use crate::platform::db::{Db, DbError, DbResult};

fn parse(s: String) -> DbResult<Status> {
    Status::parse(&s).ok_or_else(|| DbError::Corrupt(format!("status {s}")))
}

pub async fn history(db: &Db, id: AspirationId) -> DbResult<Vec<StatusChange>> {
    let rows = sqlx::query(
        "SELECT from_status, to_status, note, actor, at, undoes FROM aspiration_status_log WHERE aspiration_id = $1 ORDER BY id",
    )
    .bind(id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(StatusChange {
                from: r.try_get::<Option<String>, _>("from_status")?.map(parse).transpose()?,
                to: parse(r.try_get("to_status")?)?,
                note: r.try_get("note")?,
                actor: r.try_get("actor")?,
                at: r.try_get("at")?,
                undo: r.try_get::<Option<i64>, _>("undoes")?.is_some(),
            })
        })
        .collect()
}

/// The newest history row of a ticket (what an undo would take back).
pub async fn last_change(db: &Db, id: AspirationId) -> DbResult<Option<LastChange>> {
    let row = sqlx::query(
        "SELECT id, from_status, to_status, actor, at, undoes FROM aspiration_status_log \
         WHERE aspiration_id = $1 ORDER BY id DESC LIMIT 1",
    )
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    let Some(r) = row else { return Ok(None) };
    Ok(Some(LastChange {
        log_id: r.try_get("id")?,
        from: r.try_get::<Option<String>, _>("from_status")?.map(parse).transpose()?,
        to: parse(r.try_get("to_status")?)?,
        actor: r.try_get("actor")?,
        at: r.try_get("at")?,
        undoes: r.try_get("undoes")?,
    }))
}
