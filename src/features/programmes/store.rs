//! SQL on programmes (the programme rows and who was told about them). Applications,
//! groups and decisions are in [`super::apps`] and [`super::decide`].

use sqlx::Row;
use sqlx::any::AnyRow;

use super::model::{Business, Eligibility, Kind, Programme, ProgrammeId, Selection, join_scales, join_sectors, split_scales, split_sectors};
use crate::features::surveys::model::Question;
use crate::kernel::members::{UserId, areas};
use crate::platform::db::{Db, DbError, DbResult};

/// A programme before it is stored (what the dialogue or a test builds).
#[derive(Clone, Debug, PartialEq)]
pub struct NewProgramme {
    pub area_path: String,
    pub agency_id: Option<i64>,
    pub organiser: String,
    pub name: String,
    pub kind: Kind,
    pub description: String,
    pub who: Eligibility,
    pub quota: i64,
    pub opens_at: i64,
    pub closes_at: i64,
    pub selection: Selection,
    pub questions: Vec<Question>,
    pub follow_up_days: i64,
}

const COLUMNS: &str = "SELECT id, area_path, agency_id, organiser, name, kind, description, sectors, scales, kecamatan, \
     nib_required, group_min, quota, accepted, opens_at, closes_at, selection, questions, follow_up_days, follow_up_survey, \
     created_by, created_at FROM programmes";

fn decode(r: &AnyRow) -> DbResult<Programme> {
    let id: ProgrammeId = r.try_get("id")?;
    let corrupt = |what: &str| DbError::Corrupt(format!("programme {id}: bad {what}"));
    let kind: String = r.try_get("kind")?;
    let selection: String = r.try_get("selection")?;
    let questions: String = r.try_get("questions")?;
    let kecamatan: String = r.try_get("kecamatan")?;
    Ok(Programme {
        id,
        area_path: r.try_get("area_path")?,
        agency_id: r.try_get("agency_id")?,
        organiser: r.try_get("organiser")?,
        name: r.try_get("name")?,
        kind: Kind::from_code(&kind).ok_or_else(|| corrupt("kind"))?,
        description: r.try_get("description")?,
        who: Eligibility {
            sectors: split_sectors(&r.try_get::<String, _>("sectors")?),
            scales: split_scales(&r.try_get::<String, _>("scales")?),
            kecamatan: Some(kecamatan).filter(|k| !k.is_empty()),
            nib_required: r.try_get::<i64, _>("nib_required")? != 0,
            group_min: r.try_get("group_min")?,
        },
        quota: r.try_get("quota")?,
        accepted: r.try_get("accepted")?,
        opens_at: r.try_get("opens_at")?,
        closes_at: r.try_get("closes_at")?,
        selection: Selection::from_code(&selection).ok_or_else(|| corrupt("selection"))?,
        questions: serde_json::from_str(&questions).map_err(|_| corrupt("questions"))?,
        follow_up_days: r.try_get("follow_up_days")?,
        follow_up_survey: r.try_get("follow_up_survey")?,
        created_by: r.try_get("created_by")?,
        created_at: r.try_get("created_at")?,
    })
}

/// Stores a programme, open from `opens_at`; returns its id.
#[tracing::instrument(skip(db, p))]
pub async fn insert(db: &Db, p: &NewProgramme, by: UserId, now: i64) -> DbResult<ProgrammeId> {
    let questions = serde_json::to_string(&p.questions).map_err(|e| DbError::Corrupt(e.to_string()))?;
    let row = sqlx::query(
        "INSERT INTO programmes (area_path, agency_id, organiser, name, kind, description, sectors, scales, kecamatan, \
         nib_required, group_min, quota, opens_at, closes_at, selection, questions, follow_up_days, created_by, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $19) RETURNING id",
    )
    .bind(&p.area_path)
    .bind(p.agency_id)
    .bind(&p.organiser)
    .bind(&p.name)
    .bind(p.kind.code())
    .bind(&p.description)
    .bind(join_sectors(&p.who.sectors))
    .bind(join_scales(&p.who.scales))
    .bind(p.who.kecamatan.clone().unwrap_or_default())
    .bind(i64::from(p.who.nib_required))
    .bind(p.who.group_min)
    .bind(p.quota)
    .bind(p.opens_at)
    .bind(p.closes_at)
    .bind(p.selection.code())
    .bind(questions)
    .bind(p.follow_up_days)
    .bind(by)
    .bind(now)
    .fetch_one(&db.pool)
    .await?;
    Ok(row.try_get("id")?)
}

pub async fn get(db: &Db, id: ProgrammeId) -> DbResult<Option<Programme>> {
    let sql = format!("{COLUMNS} WHERE id = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(&db.pool).await?;
    row.as_ref().map(decode).transpose()
}

/// Programmes open at `now`, newest first (callers keep those in reach).
pub async fn open_at(db: &Db, now: i64) -> DbResult<Vec<Programme>> {
    let sql = format!("{COLUMNS} WHERE opens_at <= $1 AND closes_at > $1 ORDER BY id DESC");
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(now).fetch_all(&db.pool).await?;
    rows.iter().map(decode).collect()
}

/// Every programme, newest first (callers keep those the actor manages).
pub async fn all(db: &Db, limit: i64) -> DbResult<Vec<Programme>> {
    let sql = format!("{COLUMNS} ORDER BY id DESC LIMIT $1");
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(limit).fetch_all(&db.pool).await?;
    rows.iter().map(decode).collect()
}

/// Programmes whose follow-up is due at `now` and not sent yet.
pub async fn follow_ups_due(db: &Db, now: i64) -> DbResult<Vec<Programme>> {
    let sql = format!("{COLUMNS} WHERE follow_up_days > 0 AND follow_up_survey IS NULL AND closes_at + follow_up_days * 86400 <= $1");
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(now).fetch_all(&db.pool).await?;
    rows.iter().map(decode).collect()
}

/// Programmes whose follow-up survey went out and that had an application made in
/// `[from, to)` (the follow-ups a period's report shows).
pub async fn followed_up_between(db: &Db, from: i64, to: i64) -> DbResult<Vec<Programme>> {
    let sql = format!(
        "{COLUMNS} WHERE follow_up_survey IS NOT NULL AND follow_up_survey <> 0 AND id IN \
         (SELECT programme_id FROM programme_applications WHERE created_at >= $1 AND created_at < $2) ORDER BY id"
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(from).bind(to).fetch_all(&db.pool).await?;
    rows.iter().map(decode).collect()
}

/// Records the follow-up survey once (a second process finds it taken).
pub async fn claim_follow_up(tx: &mut sqlx::Transaction<'static, sqlx::Any>, id: ProgrammeId, survey: crate::features::surveys::model::SurveyId) -> DbResult<bool> {
    let done = sqlx::query("UPDATE programmes SET follow_up_survey = $1 WHERE id = $2 AND follow_up_survey IS NULL")
        .bind(survey)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// The business `user_id` registered with the UMKM registry, with its kelurahan's
/// path (read through the registry's and the kernel's own functions).
pub async fn business_of(db: &Db, user_id: UserId) -> DbResult<Option<Business>> {
    let Some(saved) = crate::features::umkm::store::get(db, user_id).await? else { return Ok(None) };
    let reg = saved.registration;
    let path = areas::area_by_id(db, reg.kelurahan.id).await?.map(|a| a.path).unwrap_or_default();
    Ok(Some(Business {
        owner_name: reg.owner,
        business_name: reg.business,
        sector: reg.sector,
        scale: reg.scale,
        kelurahan: reg.kelurahan.name,
        area_path: path,
        has_nib: reg.nib.is_some_and(|n| !n.is_empty()),
    }))
}

/// Claims "told about programme `id`" for `user_id`; `false` when told before.
pub async fn claim_invitation(tx: &mut sqlx::Transaction<'static, sqlx::Any>, id: ProgrammeId, user_id: UserId, now: i64) -> DbResult<bool> {
    let claimed = sqlx::query(
        "INSERT INTO programme_invitations (programme_id, user_id, created_at) VALUES ($1, $2, $3) \
         ON CONFLICT (programme_id, user_id) DO NOTHING RETURNING id",
    )
    .bind(id)
    .bind(user_id)
    .bind(now)
    .fetch_optional(&mut **tx)
    .await?;
    Ok(claimed.is_some())
}
