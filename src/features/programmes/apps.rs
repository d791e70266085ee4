//! SQL on applications and group members: applying (a number at once), joining a
//! group with its code (complete at N members), and the lists for the applicant
//! and for selection. Every change runs in one transaction holding the programme's
//! row lock, so a second process sees it whole.

use chrono::{Datelike, TimeZone};
use sqlx::Row;
use sqlx::any::AnyRow;
use crate::kernel::members::UserId;

use super::model::{AppStatus, Business, Programme, ProgrammeId, Selection, join_code, number};
use crate::platform::db::{Db, DbError, DbResult};

pub type Tx = sqlx::Transaction<'static, sqlx::Any>;

/// An application as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct Application {
    pub id: i64,
    pub programme_id: ProgrammeId,
    pub number: String,
    pub user_id: Option<i64>,
    pub is_group: bool,
    pub join_code: Option<String>,
    pub members: i64,
    pub status: AppStatus,
    pub seq: i64,
    pub sector: String,
    pub scale: String,
    pub kecamatan: String,
    pub kelurahan: String,
    pub has_nib: bool,
    pub business_name: Option<String>,
    pub owner_name: Option<String>,
    pub answers: Vec<String>,
    pub reason: Option<String>,
    pub note: Option<String>,
    pub decided_at: Option<i64>,
    pub created_at: i64,
}

pub const COLUMNS: &str = "SELECT id, programme_id, number, user_id, is_group, join_code, members, status, seq, sector, scale, \
     kecamatan, kelurahan, has_nib, business_name, owner_name, answers, reason, note, decided_at, created_at \
     FROM programme_applications";

pub fn decode(r: &AnyRow) -> DbResult<Application> {
    let id: i64 = r.try_get("id")?;
    let status: String = r.try_get("status")?;
    let answers: String = r.try_get("answers")?;
    Ok(Application {
        id,
        programme_id: r.try_get("programme_id")?,
        number: r.try_get("number")?,
        user_id: r.try_get("user_id")?,
        is_group: r.try_get::<i64, _>("is_group")? != 0,
        join_code: r.try_get("join_code")?,
        members: r.try_get("members")?,
        status: AppStatus::from_code(&status).ok_or_else(|| DbError::Corrupt(format!("application {id}: bad status")))?,
        seq: r.try_get("seq")?,
        sector: r.try_get("sector")?,
        scale: r.try_get("scale")?,
        kecamatan: r.try_get("kecamatan")?,
        kelurahan: r.try_get("kelurahan")?,
        has_nib: r.try_get::<i64, _>("has_nib")? != 0,
        business_name: r.try_get("business_name")?,
        owner_name: r.try_get("owner_name")?,
        answers: serde_json::from_str(&answers).unwrap_or_default(),
        reason: r.try_get("reason")?,
        note: r.try_get("note")?,
        decided_at: r.try_get("decided_at")?,
        created_at: r.try_get("created_at")?,
    })
}

/// Takes the programme's row lock for the rest of `tx` (a no-op update: PostgreSQL
/// locks the row, SQLite's `BEGIN IMMEDIATE` already serialises writers).
pub async fn lock(tx: &mut Tx, programme_id: ProgrammeId) -> DbResult<bool> {
    let done = sqlx::query("UPDATE programmes SET updated_at = updated_at WHERE id = $1").bind(programme_id).execute(&mut **tx).await?;
    Ok(done.rows_affected() == 1)
}

/// Takes one of the programme's places: one conditional statement, so the quota
/// holds under concurrent decisions in any number of processes.
pub async fn take_place(tx: &mut Tx, programme_id: ProgrammeId) -> DbResult<bool> {
    let done = sqlx::query("UPDATE programmes SET accepted = accepted + 1 WHERE id = $1 AND accepted < quota")
        .bind(programme_id)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn free_place(tx: &mut Tx, programme_id: ProgrammeId) -> DbResult<()> {
    sqlx::query("UPDATE programmes SET accepted = accepted - 1 WHERE id = $1 AND accepted > 0").bind(programme_id).execute(&mut **tx).await?;
    Ok(())
}

pub async fn get(db: &Db, id: i64) -> DbResult<Option<Application>> {
    let sql = format!("{COLUMNS} WHERE id = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(&db.pool).await?;
    row.as_ref().map(decode).transpose()
}

pub async fn get_in(tx: &mut Tx, id: i64) -> DbResult<Option<Application>> {
    let sql = format!("{COLUMNS} WHERE id = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(&mut **tx).await?;
    row.as_ref().map(decode).transpose()
}

/// The application `user_id` leads or is a member of in the programme, if any.
pub async fn of_person_in(tx: &mut Tx, programme_id: ProgrammeId, user_id: UserId) -> DbResult<Option<Application>> {
    let sql = format!(
        "{COLUMNS} WHERE programme_id = $1 AND (user_id = $2 OR id IN (SELECT application_id FROM programme_members WHERE user_id = $2))"
    );
    let row = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(programme_id).bind(user_id).fetch_optional(&mut **tx).await?;
    row.as_ref().map(decode).transpose()
}

/// Where an application goes once complete: first come takes a place while there is
/// one (waitlisted after that); review waits for staff.
pub async fn complete(tx: &mut Tx, p: &Programme) -> DbResult<AppStatus> {
    Ok(match p.selection {
        Selection::Review => AppStatus::Submitted,
        Selection::FirstCome if take_place(tx, p.id).await? => AppStatus::Accepted,
        Selection::FirstCome => AppStatus::Waitlisted,
    })
}

async fn next_number(tx: &mut Tx, year: i32) -> DbResult<i64> {
    let row = sqlx::query(
        "INSERT INTO programme_numbers (year, last) VALUES ($1, 1) ON CONFLICT (year) DO UPDATE SET last = programme_numbers.last + 1 RETURNING last",
    )
    .bind(i64::from(year))
    .fetch_one(&mut **tx)
    .await?;
    Ok(row.try_get("last")?)
}

async fn next_seq(tx: &mut Tx, programme_id: ProgrammeId) -> DbResult<i64> {
    let row = sqlx::query("SELECT COALESCE(MAX(seq), 0) + 1 AS n FROM programme_applications WHERE programme_id = $1")
        .bind(programme_id)
        .fetch_one(&mut **tx)
        .await?;
    Ok(row.try_get("n")?)
}

/// What applying did.
#[derive(Clone, Debug, PartialEq)]
pub enum Applied {
    New(Application),
    /// The person already applies (or is a member of a group that does).
    Already(Application),
}

/// Stores an application for `user_id` (the lead of a group when the programme takes
/// groups: it starts `forming` with a join code). Checks of eligibility come first
/// (see [`super::model::refusals`]); this only keeps one per person and numbers it.
#[tracing::instrument(skip(db, p, b, answers), fields(programme = p.id.get()))]
pub async fn apply(db: &Db, tz: chrono_tz::Tz, p: &Programme, user_id: UserId, b: &Business, answers: &[String], now: i64) -> DbResult<Applied> {
    let mut tx = db.begin().await?;
    lock(&mut tx, p.id).await?;
    if let Some(existing) = of_person_in(&mut tx, p.id, user_id).await? {
        return Ok(Applied::Already(existing));
    }
    let year = tz.timestamp_opt(now, 0).single().map_or(2026, |t| t.year());
    let number = number(year, next_number(&mut tx, year).await?);
    let seq = next_seq(&mut tx, p.id).await?;
    let (status, code) = if p.is_group() { (AppStatus::Forming, Some(join_code())) } else { (complete(&mut tx, p).await?, None) };
    let answers = serde_json::to_string(answers).map_err(|e| DbError::Corrupt(e.to_string()))?;
    let decided = matches!(status, AppStatus::Accepted | AppStatus::Waitlisted).then_some(now);
    let id: i64 = sqlx::query(
        "INSERT INTO programme_applications (programme_id, number, user_id, is_group, join_code, members, status, seq, sector, scale, \
         kecamatan, kelurahan, has_nib, business_name, owner_name, answers, decided_at, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, 1, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $17) RETURNING id",
    )
    .bind(p.id)
    .bind(&number)
    .bind(user_id)
    .bind(i64::from(p.is_group()))
    .bind(&code)
    .bind(status.code())
    .bind(seq)
    .bind(b.sector.code())
    .bind(b.scale.code())
    .bind(b.kecamatan())
    .bind(&b.kelurahan)
    .bind(i64::from(b.has_nib))
    .bind(&b.business_name)
    .bind(&b.owner_name)
    .bind(&answers)
    .bind(decided)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?
    .try_get("id")?;
    add_member(&mut tx, id, user_id, now).await?;
    if !p.is_group() {
        crate::features::webhooks::store::enqueue(&mut tx, &super::webhook::applied(id), now).await?;
    }
    let app = get_in(&mut tx, id).await?.ok_or_else(|| DbError::Corrupt("application vanished".into()))?;
    tx.commit().await?;
    Ok(Applied::New(app))
}

async fn add_member(tx: &mut Tx, application_id: i64, user_id: UserId, now: i64) -> DbResult<bool> {
    let row = sqlx::query(
        "INSERT INTO programme_members (application_id, user_id, consent_at, joined_at) VALUES ($1, $2, $3, $3) \
         ON CONFLICT (application_id, user_id) DO NOTHING RETURNING id",
    )
    .bind(application_id)
    .bind(user_id)
    .bind(now)
    .fetch_optional(&mut **tx)
    .await?;
    Ok(row.is_some())
}

/// What a join code did.
#[derive(Clone, Debug, PartialEq)]
pub enum Joined {
    /// Joined; `complete` when this member made the group whole.
    Member { app: Application, complete: bool },
    Already(Application),
    /// The code names no group that is still forming (or the programme closed).
    NoGroup,
    /// The person applies on their own or in another group of this programme.
    Elsewhere(Application),
}

/// Adds `user_id` (who confirmed their consent) to the group with `code`. The
/// application is complete when the member count reaches the programme's minimum.
#[tracing::instrument(skip(db))]
pub async fn join(db: &Db, code: &str, user_id: UserId, now: i64) -> DbResult<Joined> {
    let mut tx = db.begin().await?;
    let sql = format!("{COLUMNS} WHERE join_code = $1");
    let found = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(code).fetch_optional(&mut *tx).await?;
    let Some(app) = found.as_ref().map(decode).transpose()? else { return Ok(Joined::NoGroup) };
    let Some(p) = super::store::get(db, app.programme_id).await? else { return Ok(Joined::NoGroup) };
    lock(&mut tx, p.id).await?;
    if let Some(mine) = of_person_in(&mut tx, p.id, user_id).await? {
        return Ok(if mine.id == app.id { Joined::Already(mine) } else { Joined::Elsewhere(mine) });
    }
    let app = get_in(&mut tx, app.id).await?.ok_or_else(|| DbError::Corrupt("application vanished".into()))?;
    if app.status != AppStatus::Forming || !p.is_open(now) {
        return Ok(Joined::NoGroup);
    }
    add_member(&mut tx, app.id, user_id, now).await?;
    let members = app.members + 1;
    let whole = members >= p.who.group_min;
    let status = if whole { complete(&mut tx, &p).await? } else { AppStatus::Forming };
    let decided = matches!(status, AppStatus::Accepted | AppStatus::Waitlisted).then_some(now);
    let seq = if whole { next_seq(&mut tx, p.id).await? } else { app.seq };
    sqlx::query("UPDATE programme_applications SET members = $1, status = $2, seq = $3, decided_at = $4, updated_at = $5 WHERE id = $6")
        .bind(members)
        .bind(status.code())
        .bind(seq)
        .bind(decided)
        .bind(now)
        .bind(app.id)
        .execute(&mut *tx)
        .await?;
    if whole {
        crate::features::webhooks::store::enqueue(&mut tx, &super::webhook::applied(app.id), now).await?;
    }
    let app = get_in(&mut tx, app.id).await?.ok_or_else(|| DbError::Corrupt("application vanished".into()))?;
    tx.commit().await?;
    Ok(Joined::Member { app, complete: whole })
}

/// The person's applications (led or joined), newest first, with the programme's name.
pub async fn mine(db: &Db, user_id: UserId) -> DbResult<Vec<(Application, String)>> {
    let sql = "SELECT a.id, a.programme_id, a.number, a.user_id, a.is_group, a.join_code, a.members, a.status, a.seq, a.sector, \
         a.scale, a.kecamatan, a.kelurahan, a.has_nib, a.business_name, a.owner_name, a.answers, a.reason, a.note, a.decided_at, \
         a.created_at, p.name AS programme_name FROM programme_applications a JOIN programmes p ON p.id = a.programme_id \
         WHERE a.user_id = $1 OR a.id IN (SELECT application_id FROM programme_members WHERE user_id = $1) ORDER BY a.id DESC";
    let rows = sqlx::query(sql).bind(user_id).fetch_all(&db.pool).await?;
    rows.iter().map(|r| Ok((decode(r)?, r.try_get("programme_name")?))).collect()
}

/// A programme's applications for selection: optionally one status, in order of
/// completion, one page.
pub async fn list(db: &Db, programme_id: ProgrammeId, status: Option<AppStatus>, limit: i64, offset: i64) -> DbResult<Vec<Application>> {
    let (sql, code) = match status {
        Some(s) => (format!("{COLUMNS} WHERE programme_id = $1 AND status = $2 ORDER BY seq, id LIMIT $3 OFFSET $4"), s.code()),
        None => (format!("{COLUMNS} WHERE programme_id = $1 AND status <> $2 ORDER BY seq, id LIMIT $3 OFFSET $4"), "none"),
    };
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(programme_id).bind(code).bind(limit).bind(offset).fetch_all(&db.pool).await?;
    rows.iter().map(decode).collect()
}

/// How many applications the programme has in each status.
pub async fn counts(db: &Db, programme_id: ProgrammeId) -> DbResult<Vec<(AppStatus, i64)>> {
    let rows = sqlx::query("SELECT status, COUNT(*) AS n FROM programme_applications WHERE programme_id = $1 GROUP BY status")
        .bind(programme_id)
        .fetch_all(&db.pool)
        .await?;
    let mut out = Vec::new();
    for r in rows {
        if let Some(s) = AppStatus::from_code(&r.try_get::<String, _>("status")?) {
            out.push((s, r.try_get("n")?));
        }
    }
    Ok(out)
}

/// Stores staff's note on an application (never shown to the applicant).
pub async fn set_note(db: &Db, id: i64, note: &str, now: i64) -> DbResult<bool> {
    let done = sqlx::query("UPDATE programme_applications SET note = $1, updated_at = $2 WHERE id = $3")
        .bind(note)
        .bind(now)
        .bind(id)
        .execute(&db.pool)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// The user ids of an accepted application's people (lead and members), for the
/// follow-up survey.
pub async fn recipients(db: &Db, programme_id: ProgrammeId) -> DbResult<Vec<i64>> {
    let rows = sqlx::query(
        "SELECT DISTINCT m.user_id FROM programme_members m JOIN programme_applications a ON a.id = m.application_id \
         WHERE a.programme_id = $1 AND a.status = 'accepted' AND m.user_id IS NOT NULL ORDER BY m.user_id",
    )
    .bind(programme_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(|r| Ok(r.try_get("user_id")?)).collect()
}

/// The application with this join code, if any.
pub async fn by_code(db: &Db, code: &str) -> DbResult<Option<Application>> {
    let sql = format!("{COLUMNS} WHERE join_code = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(code).fetch_optional(&db.pool).await?;
    row.as_ref().map(decode).transpose()
}

/// The language of `user_id`, if they are still there.
pub async fn language_of(db: &Db, user_id: UserId) -> DbResult<Option<String>> {
    Ok(sqlx::query_scalar("SELECT language FROM users WHERE id = $1").bind(user_id).fetch_optional(&db.pool).await?)
}
