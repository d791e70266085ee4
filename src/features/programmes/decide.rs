//! Selection: accept, waitlist or reject an application (with a reason), and the
//! applicant's withdrawal, which moves the first of the waitlist up. Each runs in one
//! transaction that holds the programme's row lock; a place is taken by one
//! conditional UPDATE ([`apps::take_place`]), so the quota holds under concurrent
//! decisions in any number of processes. The applicant's notice (in their language),
//! the audit entry and the webhook event are written in the same transaction.

use sqlx::Row;
use crate::kernel::members::UserId;

use super::apps::{self, Application, Tx};
use super::model::{AppStatus, Programme};
use crate::platform::audit;
use crate::platform::ctx::AppCtx;
use crate::platform::db::DbError;
use crate::platform::delivery::{Body, Outgoing, Priority};
use crate::platform::i18n::{Arg, Lang, ta};

/// A decision staff make on one application.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decision {
    Accept,
    Waitlist,
    Reject(String),
}

impl Decision {
    pub fn status(&self) -> AppStatus {
        match self {
            Decision::Accept => AppStatus::Accepted,
            Decision::Waitlist => AppStatus::Waitlisted,
            Decision::Reject(_) => AppStatus::Rejected,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DecideError {
    #[error("no such application")]
    NotFound,
    /// Every place is taken.
    #[error("the quota is reached")]
    Full,
    /// The application is not (any more) in a state this decision applies to.
    #[error("the application has moved on")]
    Stale,
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<sqlx::Error> for DecideError {
    fn from(e: sqlx::Error) -> Self {
        DecideError::Db(e.into())
    }
}

/// Whether `from` may become `to` by a staff decision.
pub fn allowed(from: AppStatus, to: AppStatus) -> bool {
    matches!(
        (from, to),
        (AppStatus::Submitted, AppStatus::Accepted | AppStatus::Waitlisted | AppStatus::Rejected)
            | (AppStatus::Waitlisted, AppStatus::Accepted | AppStatus::Rejected)
    )
}

/// Decides application `id` of programme `p` (already authorised for `by`).
#[tracing::instrument(skip(ctx, p), fields(programme = p.id.get()))]
pub async fn decide(ctx: &AppCtx, p: &Programme, id: i64, decision: &Decision, by: UserId) -> Result<Application, DecideError> {
    let now = ctx.now();
    let mut tx = ctx.db.begin().await?;
    apps::lock(&mut tx, p.id).await?;
    let app = apps::get_in(&mut tx, id).await?.filter(|a| a.programme_id == p.id).ok_or(DecideError::NotFound)?;
    let to = decision.status();
    if !allowed(app.status, to) {
        return Err(DecideError::Stale);
    }
    if to == AppStatus::Accepted && !apps::take_place(&mut tx, p.id).await? {
        return Err(DecideError::Full);
    }
    let reason = match decision {
        Decision::Reject(r) => Some(r.as_str()),
        _ => None,
    };
    set_status(&mut tx, &app, to, reason, Some(by.get()), now).await?;
    tell(ctx, &mut tx, p, &app, to, reason).await?;
    let detail = format!("programme={} application={} number={} decision={}", p.id, app.id, app.number, to.code());
    audit::record_in(&mut tx, Some(by), "programme.decide", &detail, now).await?;
    crate::features::webhooks::store::enqueue(&mut tx, &super::webhook::decided(app.id, app.status, to), now).await?;
    tx.commit().await?;
    ctx.outbox.wake();
    ctx.webhook_wake.wake();
    Ok(Application { status: to, reason: reason.map(str::to_string), ..app })
}

/// Moves the application from its stored status to `to`; fails as stale when
/// another decision got there first.
async fn set_status(tx: &mut Tx, app: &Application, to: AppStatus, reason: Option<&str>, by: Option<i64>, now: i64) -> Result<(), DecideError> {
    let done = sqlx::query(
        "UPDATE programme_applications SET status = $1, reason = COALESCE($2, reason), decided_by = COALESCE($3, decided_by), \
         decided_at = $4, updated_at = $4 WHERE id = $5 AND status = $6",
    )
    .bind(to.code())
    .bind(reason)
    .bind(by)
    .bind(now)
    .bind(app.id)
    .bind(app.status.code())
    .execute(&mut **tx)
    .await?;
    if done.rows_affected() == 1 { Ok(()) } else { Err(DecideError::Stale) }
}

/// What a withdrawal did.
#[derive(Clone, Debug, PartialEq)]
pub struct Withdrawn {
    pub app: Application,
    /// The application moved up from the waitlist into the freed place.
    pub promoted: Option<Application>,
}

/// `user_id` withdraws their application `id` (they must be its applicant). A freed
/// place goes to the first of the waitlist, who is told.
#[tracing::instrument(skip(ctx))]
pub async fn withdraw(ctx: &AppCtx, id: i64, user_id: UserId) -> Result<Withdrawn, DecideError> {
    let now = ctx.now();
    let Some(found) = apps::get(&ctx.db, id).await? else { return Err(DecideError::NotFound) };
    if found.user_id != Some(user_id.get()) {
        return Err(DecideError::NotFound);
    }
    let p = super::store::get(&ctx.db, found.programme_id).await?.ok_or(DecideError::NotFound)?;
    let mut tx = ctx.db.begin().await?;
    apps::lock(&mut tx, p.id).await?;
    let app = apps::get_in(&mut tx, id).await?.ok_or(DecideError::NotFound)?;
    if !app.status.is_live() {
        return Err(DecideError::Stale);
    }
    set_status(&mut tx, &app, AppStatus::Withdrawn, None, None, now).await?;
    let promoted = if app.status == AppStatus::Accepted {
        apps::free_place(&mut tx, p.id).await?;
        promote_first(ctx, &mut tx, &p, now).await?
    } else {
        None
    };
    let detail = format!("programme={} application={} number={}", p.id, app.id, app.number);
    audit::record_in(&mut tx, Some(user_id), "programme.withdraw", &detail, now).await?;
    crate::features::webhooks::store::enqueue(&mut tx, &super::webhook::decided(app.id, app.status, AppStatus::Withdrawn), now).await?;
    tx.commit().await?;
    ctx.outbox.wake();
    ctx.webhook_wake.wake();
    Ok(Withdrawn { app: Application { status: AppStatus::Withdrawn, ..app }, promoted })
}

/// Gives the freed place to the longest-waiting application on the waitlist.
async fn promote_first(ctx: &AppCtx, tx: &mut Tx, p: &Programme, now: i64) -> Result<Option<Application>, DecideError> {
    let sql = format!("{} WHERE programme_id = $1 AND status = 'waitlisted' ORDER BY decided_at, seq, id LIMIT 1", apps::COLUMNS);
    let row = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(p.id).fetch_optional(&mut **tx).await?;
    let Some(first) = row.as_ref().map(apps::decode).transpose()? else { return Ok(None) };
    if !apps::take_place(tx, p.id).await? {
        return Ok(None);
    }
    set_status(tx, &first, AppStatus::Accepted, None, None, now).await?;
    tell(ctx, tx, p, &first, AppStatus::Accepted, None).await?;
    let detail = format!("programme={} application={} number={}", p.id, first.id, first.number);
    audit::record_in(tx, None, "programme.promote", &detail, now).await?;
    crate::features::webhooks::store::enqueue(tx, &super::webhook::decided(first.id, AppStatus::Waitlisted, AppStatus::Accepted), now).await?;
    Ok(Some(Application { status: AppStatus::Accepted, ..first }))
}

/// Queues the applicant's notice of the new status, in their language.
async fn tell(ctx: &AppCtx, tx: &mut Tx, p: &Programme, app: &Application, to: AppStatus, reason: Option<&str>) -> Result<(), DecideError> {
    let Some(user_id) = app.user_id else { return Ok(()) };
    let row = sqlx::query("SELECT language FROM users WHERE id = $1").bind(user_id).fetch_optional(&mut **tx).await?;
    let lang = match row {
        Some(r) => Lang::from_code(&r.try_get::<String, _>("language")?).unwrap_or_default(),
        None => return Ok(()),
    };
    let key = match (app.status, to) {
        (AppStatus::Waitlisted, AppStatus::Accepted) => "prg-told-promoted",
        (_, AppStatus::Accepted) => "prg-told-accepted",
        (_, AppStatus::Waitlisted) => "prg-told-waitlisted",
        (_, AppStatus::Rejected) => "prg-told-rejected",
        _ => return Ok(()),
    };
    let args = [
        ("programme", Arg::from(p.name.as_str())),
        ("number", Arg::from(app.number.as_str())),
        ("reason", Arg::from(reason.unwrap_or("-"))),
    ];
    let text = ta(lang, key, &args);
    let body = Body::Text { text, buttons: Vec::new(), entities: Vec::new() };
    let item = Outgoing { chat_id: user_id, body, priority: Priority::Personal, source: super::model::DECISION_SOURCE.of(app.id).into() };
    ctx.outbox.enqueue_in(tx, &[item]).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_open_applications_are_decided_and_an_accepted_one_stays() {
        use AppStatus::*;
        let cases = [
            (Submitted, Accepted, true),
            (Submitted, Waitlisted, true),
            (Submitted, Rejected, true),
            (Waitlisted, Accepted, true),
            (Waitlisted, Waitlisted, false),
            (Accepted, Rejected, false),
            (Accepted, Waitlisted, false),
            (Forming, Accepted, false),
            (Withdrawn, Accepted, false),
            (Rejected, Accepted, false),
        ];
        for (from, to, want) in cases {
            assert_eq!(allowed(from, to), want, "{from:?} -> {to:?}");
        }
    }
}
