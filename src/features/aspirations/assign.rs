//! Who works on a ticket: "Ambil" (take it), assigning it to a colleague of the
//! area, reassigning, releasing. One domain function, [`assign`], for the console's
//! ticket page, its queue (one row or many at once) and the chat's "Ambil" button.
//!
//! A colleague is a staff member whose area holds the ticket's KIM
//! ([`colleagues`]): a kecamatan's staff cannot hand a ticket to someone of another
//! kecamatan (the same "not allowed" as a wrong role). The person acting must be
//! allowed to triage the ticket; admins may take tickets themselves too. Each change
//! is audited (`aspiration.assign`); the colleague is told in Telegram.

use sqlx::Row;

use super::flow::{FlowError, Scoped};
use super::model::Access;
use super::store::Ticket;
use crate::kernel::members::{Actor, Kim, UserId, covers, users};
use crate::platform::audit;
use crate::platform::ctx::AppCtx;
use crate::platform::db::{Db, DbResult};
use crate::platform::delivery::{Outgoing, Priority};
use crate::platform::i18n::{Arg, ta};

/// A staff member a ticket can be given to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Colleague {
    pub user_id: i64,
    pub name: String,
}

/// Every active staff grant with the person's name: (user, area path, name).
async fn staff_grants(db: &Db) -> DbResult<Vec<(i64, String, Option<String>)>> {
    let rows = sqlx::query(
        "SELECT g.user_id, a.path, u.first_name FROM grants g JOIN areas a ON a.id = g.area_id \
         LEFT JOIN users u ON u.id = g.user_id WHERE g.role = 'staff' AND g.revoked_at IS NULL ORDER BY g.user_id",
    )
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(|r| Ok((r.try_get("user_id")?, r.try_get("path")?, r.try_get("first_name")?))).collect()
}

/// Staff whose area holds at least one of `kims` (one KIM: a ticket's colleagues;
/// several: whom the queue's bulk form offers), by name.
pub async fn colleagues(db: &Db, kims: &[&Kim]) -> DbResult<Vec<Colleague>> {
    let mut out: Vec<Colleague> = Vec::new();
    for (user_id, path, name) in staff_grants(db).await? {
        if kims.iter().any(|k| covers(&path, &k.area_path)) && !out.iter().any(|c| c.user_id == user_id) {
            out.push(Colleague { user_id, name: name.unwrap_or_else(|| format!("#{user_id}")) });
        }
    }
    out.sort_by_key(|c| c.name.to_lowercase());
    Ok(out)
}

/// The name shown for a person (their Telegram first name, or `#id`).
pub async fn name_of(db: &Db, user_id: UserId) -> DbResult<String> {
    let row = sqlx::query("SELECT first_name FROM users WHERE id = $1").bind(user_id).fetch_optional(&db.pool).await?;
    let name: Option<String> = row.map(|r| r.try_get("first_name")).transpose()?.flatten();
    Ok(name.unwrap_or_else(|| format!("#{user_id}")))
}

/// Gives the scoped ticket to `to` (`None`: nobody). Refused (`NotAllowed`) when `actor`
/// may not triage it or `to` is not a colleague of its area; a closed ticket is
/// `Stale`. Giving it to whoever has it already changes nothing and says so (`Ok`).
#[tracing::instrument(skip(ctx, actor), fields(actor = actor.user_id.get()))]
pub async fn assign(ctx: &AppCtx, actor: &Actor, scoped: &Scoped, to: Option<i64>) -> Result<Ticket, FlowError> {
    if scoped.access == Access::None {
        return Err(FlowError::NotFound);
    }
    if scoped.access != Access::Triage {
        return Err(FlowError::NotAllowed);
    }
    let ticket = scoped.ticket.clone();
    let id = ticket.id;
    if ticket.status.is_closed() {
        return Err(FlowError::Stale(ticket.status));
    }
    if let Some(user) = to {
        let taking = user == actor.user_id.get();
        if !taking && !colleagues(&ctx.db, &[&scoped.kim]).await?.iter().any(|c| c.user_id == user) {
            return Err(FlowError::NotAllowed);
        }
    }
    if ticket.assignee == to {
        return Ok(ticket);
    }
    let now = ctx.now();
    let mut tx = ctx.db.begin().await?;
    sqlx::query("UPDATE aspirations SET assignee_id = $1, assigned_at = $2 WHERE id = $3")
        .bind(to)
        .bind(to.map(|_| now))
        .bind(id)
        .execute(&mut *tx)
        .await
        .map_err(crate::platform::db::DbError::from)?;
    // The colleague hears of it in Telegram, in the same transaction.
    if let Some(user) = to.filter(|u| *u != actor.user_id.get()) {
        let lang = users::language(&ctx.db, UserId(user)).await?;
        let by = name_of(&ctx.db, actor.user_id).await?;
        let args = [("ticket", Arg::from(&ticket.number)), ("by", Arg::from(by))];
        let text = ta(lang, "desk-assigned-notice", &args);
        ctx.outbox.enqueue_in(&mut tx, &[Outgoing::text(user, text, Priority::Personal, super::model::SOURCE.of(id.get()).into())]).await?;
    }
    tx.commit().await.map_err(crate::platform::db::DbError::from)?;
    ctx.outbox.wake();
    let detail = match to {
        Some(user) => format!("{} to={user}", ticket.number),
        None => format!("{} to=none", ticket.number),
    };
    audit::record(&ctx.db, Some(actor.user_id), "aspiration.assign", &detail, now).await?;
    Ok(Ticket { assignee: to, ..ticket })
}
