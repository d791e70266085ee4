//! The webhook events of applications: `programme.applied` (an application is
//! complete: an individual's at once, a group's when its last needed member joins)
//! and `programme.decided` (accepted, waitlisted, rejected, withdrawn, or moved up
//! from the waitlist). Bodies are built at send time and name nobody: no Telegram id,
//! name, business name or phone; the business is described by sector, scale and place.

use serde::Serialize;
use sqlx::Row;

use super::model::AppStatus;
use crate::features::webhooks::payload::{Body, DeclaredEvent, Event, Number, envelope, number_by, rfc3339};
use crate::features::webhooks::queue::Claimed;
use crate::features::webhooks::store::Change;
use crate::platform::db::{Db, DbResult};

pub static APPLIED: DeclaredEvent = DeclaredEvent { name: "programme.applied", body, number };
pub static DECIDED: DeclaredEvent = DeclaredEvent { name: "programme.decided", body, number };

/// The events of applications, as declared in [`super::feature`].
pub static EVENTS: [Event; 2] = [&APPLIED, &DECIDED];

pub fn applied(application_id: i64) -> Change {
    Change::new(&APPLIED, application_id)
}

pub fn decided(application_id: i64, from: AppStatus, to: AppStatus) -> Change {
    Change { status: Some(to.code()), previous: Some(from.code()), ..Change::new(&DECIDED, application_id) }
}

#[derive(Debug, Serialize)]
struct ApplicationBody {
    programme: ProgrammeView,
    application: ApplicationView,
}

#[derive(Debug, Serialize)]
struct ProgrammeView {
    id: i64,
    name: String,
    kind: String,
    organiser: String,
    quota: i64,
}

#[derive(Debug, Serialize)]
struct ApplicationView {
    number: String,
    status: String,
    previous_status: Option<String>,
    group: bool,
    members: i64,
    sector: String,
    scale: String,
    kecamatan: String,
    kelurahan: String,
    created_at: String,
}

fn body<'a>(db: &'a Db, row: &'a Claimed) -> Body<'a> {
    Box::pin(build(db, row))
}

fn number(db: &Db, application_id: i64) -> Number<'_> {
    number_by(db, "SELECT number FROM programme_applications WHERE id = $1", application_id)
}

async fn build(db: &Db, row: &Claimed) -> DbResult<Option<Vec<u8>>> {
    let Some(id) = row.subject_id else { return Ok(None) };
    let found = sqlx::query(
        "SELECT a.number, a.status, a.is_group, a.members, a.sector, a.scale, a.kecamatan, a.kelurahan, a.created_at, \
         p.id AS programme_id, p.name, p.kind, p.organiser, p.quota FROM programme_applications a \
         JOIN programmes p ON p.id = a.programme_id WHERE a.id = $1",
    )
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    let Some(r) = found else { return Ok(None) };
    let programme = ProgrammeView {
        id: r.try_get("programme_id")?,
        name: r.try_get("name")?,
        kind: r.try_get("kind")?,
        organiser: r.try_get("organiser")?,
        quota: r.try_get("quota")?,
    };
    let application = ApplicationView {
        number: r.try_get("number")?,
        status: row.status.clone().map_or_else(|| r.try_get("status"), Ok)?,
        previous_status: row.previous_status.clone(),
        group: r.try_get::<i64, _>("is_group")? != 0,
        members: r.try_get("members")?,
        sector: r.try_get("sector")?,
        scale: r.try_get("scale")?,
        kecamatan: r.try_get("kecamatan")?,
        kelurahan: r.try_get("kelurahan")?,
        created_at: rfc3339(r.try_get("created_at")?),
    };
    envelope(row, ApplicationBody { programme, application })
}
