//! SQL of the UMKM registry: one row per owner, the 'umkm' consent receipt written
//! in the same transaction, withdrawal, and the paged lists for coordinators and staff.

use sqlx::Row;
use sqlx::any::AnyRow;
use crate::kernel::members::{KimId, UserId};

use super::model::{Need, Place, Registration, Scale, Sector};
use crate::platform::db::{Db, DbError, DbResult};

/// Consent purpose of the registry, asked separately from membership (UU 27/2022).
pub const PURPOSE_UMKM: &str = "umkm";

/// The registry's consent, as `/datasaya` names it.
pub static CONSENT: crate::platform::personal::ConsentPurpose = crate::platform::personal::ConsentPurpose { code: PURPOSE_UMKM, label_key: "privacy-purpose-umkm" };

const COLUMNS: &str = "SELECT r.id, r.user_id, r.owner_name, r.business_name, r.sector, r.scale, \
     r.kelurahan_id, a.name AS kelurahan_name, r.kim_id, r.phone, r.nib, r.needs, r.description, \
     r.created_at, r.updated_at FROM umkm_registrations r JOIN areas a ON a.id = r.kelurahan_id";

/// A registration as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    pub id: i64,
    pub user_id: i64,
    pub kim_id: i64,
    pub registration: Registration,
    pub created_at: i64,
    pub updated_at: i64,
}

fn decode(row: &AnyRow) -> DbResult<Saved> {
    let id: i64 = row.try_get("id")?;
    let corrupt = |what: &str| DbError::Corrupt(format!("umkm registration {id}: bad {what}"));
    let sector: String = row.try_get("sector")?;
    let scale: String = row.try_get("scale")?;
    let needs: String = row.try_get("needs")?;
    let registration = Registration {
        owner: row.try_get("owner_name")?,
        business: row.try_get("business_name")?,
        sector: Sector::from_code(&sector).ok_or_else(|| corrupt("sector"))?,
        scale: Scale::from_code(&scale).ok_or_else(|| corrupt("scale"))?,
        kelurahan: Place { id: row.try_get("kelurahan_id")?, name: row.try_get("kelurahan_name")? },
        phone: row.try_get("phone")?,
        nib: row.try_get("nib")?,
        needs: Need::split(&needs).filter(|n| !n.is_empty()).ok_or_else(|| corrupt("needs"))?,
        description: row.try_get("description")?,
    };
    Ok(Saved {
        id,
        user_id: row.try_get("user_id")?,
        kim_id: row.try_get("kim_id")?,
        registration,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
    })
}

pub async fn get(db: &Db, user_id: UserId) -> DbResult<Option<Saved>> {
    let sql = format!("{COLUMNS} WHERE r.user_id = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(user_id).fetch_optional(&db.pool).await?;
    row.as_ref().map(decode).transpose()
}

/// Whether the person's consent to the UMKM purpose stands.
pub async fn consent_stands(db: &Db, user_id: UserId) -> DbResult<bool> {
    let row = sqlx::query("SELECT 1 AS ok FROM consents WHERE user_id = $1 AND purpose = $2 AND withdrawn_at IS NULL")
        .bind(user_id)
        .bind(PURPOSE_UMKM)
        .fetch_optional(&db.pool)
        .await?;
    Ok(row.is_some())
}

/// Stores the receipt of consent to the UMKM purpose when it is given, so leaving
/// the form (`/batal`) and coming back does not ask again. A no-op while one stands.
pub async fn grant_consent(db: &Db, user_id: UserId, now: i64) -> DbResult<()> {
    crate::kernel::members::users::grant_consent(&db.pool, user_id, PURPOSE_UMKM, now).await?;
    Ok(())
}

/// What [`save`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saving {
    Created,
    Updated,
}

/// Stores the registration (creating or replacing the owner's one row) and, when
/// consent was given in this dialogue at `consent_at`, its receipt, in one transaction.
#[tracing::instrument(skip(db, reg))]
pub async fn save(db: &Db, user_id: UserId, kim_id: KimId, reg: &Registration, consent_at: Option<i64>, now: i64) -> DbResult<Saving> {
    let mut tx = db.begin().await?;
    let existed = sqlx::query("SELECT id FROM umkm_registrations WHERE user_id = $1")
        .bind(user_id)
        .fetch_optional(&mut *tx)
        .await?
        .is_some();
    sqlx::query(
        "INSERT INTO umkm_registrations (user_id, owner_name, business_name, sector, scale, kelurahan_id, kim_id, \
         phone, nib, needs, description, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) \
         ON CONFLICT (user_id) DO UPDATE SET owner_name = excluded.owner_name, business_name = excluded.business_name, \
         sector = excluded.sector, scale = excluded.scale, kelurahan_id = excluded.kelurahan_id, kim_id = excluded.kim_id, \
         phone = excluded.phone, nib = excluded.nib, needs = excluded.needs, description = excluded.description, \
         updated_at = excluded.updated_at",
    )
    .bind(user_id)
    .bind(&reg.owner)
    .bind(&reg.business)
    .bind(reg.sector.code())
    .bind(reg.scale.code())
    .bind(reg.kelurahan.id)
    .bind(kim_id)
    .bind(&reg.phone)
    .bind(reg.nib.as_deref())
    .bind(Need::join(&reg.needs))
    .bind(reg.description.as_deref())
    .bind(now)
    .execute(&mut *tx)
    .await?;
    if let Some(granted_at) = consent_at {
        crate::kernel::members::users::grant_consent(&mut *tx, user_id, PURPOSE_UMKM, granted_at).await?;
    }
    tx.commit().await?;
    Ok(if existed { Saving::Updated } else { Saving::Created })
}

/// Deletes the registration and stamps the 'umkm' consent withdrawn, together.
/// Returns whether there was a registration.
#[tracing::instrument(skip(db))]
pub async fn withdraw(db: &Db, user_id: UserId, now: i64) -> DbResult<bool> {
    let mut tx = db.begin().await?;
    let deleted = sqlx::query("DELETE FROM umkm_registrations WHERE user_id = $1").bind(user_id).execute(&mut *tx).await?;
    sqlx::query("UPDATE consents SET withdrawn_at = $1 WHERE user_id = $2 AND purpose = $3 AND withdrawn_at IS NULL")
        .bind(now)
        .bind(user_id)
        .bind(PURPOSE_UMKM)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(deleted.rows_affected() > 0)
}

/// Which registrations a list shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Among {
    /// Every registration (admins).
    All,
    /// Registrations made in these KIMs.
    Kims(Vec<i64>),
}

/// Narrower lists for the console: a sector, a need, and text in the business or
/// owner name (`None`/empty: no condition).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Search {
    pub sector: Option<Sector>,
    pub need: Option<Need>,
    pub text: String,
}

/// One page of a list, newest first, and how many there are in all.
pub async fn page(db: &Db, among: &Among, page: i64, per_page: i64) -> DbResult<(Vec<Saved>, i64)> {
    search(db, among, &Search::default(), page, per_page).await
}

/// Like [`page`], narrowed by `search`.
pub async fn search(db: &Db, among: &Among, search: &Search, page: i64, per_page: i64) -> DbResult<(Vec<Saved>, i64)> {
    let ids: &[i64] = match among {
        Among::All => &[],
        Among::Kims(ids) if ids.is_empty() => return Ok((Vec::new(), 0)),
        Among::Kims(ids) => ids,
    };
    let mut filter = String::from(
        " WHERE ($1 = '' OR r.sector = $1) AND ($2 = '' OR (',' || r.needs || ',') LIKE $3) \
         AND ($4 = 0 OR LOWER(r.business_name) LIKE $5 ESCAPE '\\' OR LOWER(r.owner_name) LIKE $5 ESCAPE '\\')",
    );
    if !ids.is_empty() {
        let marks: Vec<String> = (0..ids.len()).map(|i| format!("${}", i + 6)).collect();
        filter.push_str(&format!(" AND r.kim_id IN ({})", marks.join(", ")));
    }
    let need = search.need.map_or(String::new(), |n| format!("%,{},%", n.code()));
    let text = search.text.trim();
    let bind = |sql: String| {
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(search.sector.map_or("", Sector::code))
            .bind(search.need.map_or("", Need::code))
            .bind(need.clone())
            .bind(i64::from(!text.is_empty()))
            .bind(crate::platform::db::like_contains(text));
        for id in ids {
            q = q.bind(*id);
        }
        q
    };
    let total: i64 = bind(format!("SELECT COUNT(*) AS n FROM umkm_registrations r{filter}")).fetch_one(&db.pool).await?.try_get("n")?;
    // A forged page number far past the end: nothing to fetch (the caller calls it stale).
    let Some(offset) = crate::platform::paging::offset(page, per_page) else { return Ok((Vec::new(), total)) };
    let n = ids.len() + 5;
    let list_sql = format!("{COLUMNS}{filter} ORDER BY r.created_at DESC, r.id DESC LIMIT ${} OFFSET ${}", n + 1, n + 2);
    let rows = bind(list_sql).bind(per_page).bind(offset).fetch_all(&db.pool).await?;
    let saved = rows.iter().map(decode).collect::<DbResult<Vec<_>>>()?;
    Ok((saved, total))
}

/// One registration by its id (the console's business page).
pub async fn by_id(db: &Db, id: i64) -> DbResult<Option<Saved>> {
    let sql = format!("{COLUMNS} WHERE r.id = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(&db.pool).await?;
    row.as_ref().map(decode).transpose()
}

/// The id of the area with this full path (a staff scope is kept as a path).
pub async fn area_id_by_path(db: &Db, path: &str) -> DbResult<Option<i64>> {
    let row = sqlx::query("SELECT id FROM areas WHERE path = $1").bind(path).fetch_optional(&db.pool).await?;
    Ok(row.map(|r| r.try_get("id")).transpose()?)
}

/// A registered owner who may be written to about programmes and trainings: both the
/// registry consent and programme news stand (withdrawal or `/berhenti` ends either).
#[derive(Debug, Clone, PartialEq)]
pub struct ReachableOwner {
    pub user_id: i64,
    pub business_name: String,
    pub sector: String,
    /// Need codes joined by `,`.
    pub needs: String,
    pub language: String,
    /// The owner's KIM, with the path of its kelurahan.
    pub kim: crate::kernel::members::Kim,
}

/// Every owner who may be written to, by business name (the registry's own query,
/// so announcements and trainings never read its table). `sector` and `need` narrow
/// the list in SQL when given.
pub async fn reachable_owners(db: &Db, sector: Option<Sector>, need: Option<Need>) -> DbResult<Vec<ReachableOwner>> {
    let sector = sector.map(Sector::code).unwrap_or("");
    let need = need.map(|n| format!("%,{},%", n.code())).unwrap_or_default();
    let rows = sqlx::query(
        "SELECT r.user_id, r.business_name, r.sector, r.needs, u.language, k.id, k.code, k.name, k.kelurahan_id, a.path \
         FROM umkm_registrations r JOIN users u ON u.id = r.user_id JOIN kims k ON k.id = r.kim_id \
         JOIN areas a ON a.id = k.kelurahan_id \
         WHERE ($1 = '' OR r.sector = $1) AND ($2 = '' OR (',' || r.needs || ',') LIKE $2) \
           AND EXISTS (SELECT 1 FROM consents c WHERE c.user_id = r.user_id AND c.purpose = $3 AND c.withdrawn_at IS NULL) \
           AND EXISTS (SELECT 1 FROM consents c WHERE c.user_id = r.user_id AND c.purpose = $4 AND c.withdrawn_at IS NULL) \
         ORDER BY r.business_name, r.user_id",
    )
    .bind(sector)
    .bind(need)
    .bind(PURPOSE_UMKM)
    .bind(crate::features::privacy::PURPOSE_NEWS)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            let kim = crate::kernel::members::Kim {
                id: r.try_get("id")?,
                code: r.try_get("code")?,
                name: r.try_get("name")?,
                kelurahan_id: r.try_get("kelurahan_id")?,
                area_path: r.try_get("path")?,
            };
            Ok(ReachableOwner {
                user_id: r.try_get("user_id")?,
                business_name: r.try_get("business_name")?,
                sector: r.try_get("sector")?,
                needs: r.try_get("needs")?,
                language: r.try_get("language")?,
                kim,
            })
        })
        .collect()
}

/// An owner who agreed to the registry and to programme news, as a programme's
/// announcement reaches them: the business's sector, scale, NIB and place, and the
/// owner's language. (Programmes read the registry through this, not its table.)
#[derive(Debug, Clone, PartialEq)]
pub struct NewsReader {
    pub user_id: i64,
    pub sector: String,
    pub scale: String,
    pub has_nib: bool,
    pub kelurahan: String,
    pub area_path: String,
    pub language: String,
}

/// Every owner whose 'umkm' and 'news' consents both stand, by user id.
pub async fn news_readers(db: &Db) -> DbResult<Vec<NewsReader>> {
    let rows = sqlx::query(
        "SELECT r.user_id, r.sector, r.scale, r.nib, a.name, a.path, u.language FROM umkm_registrations r \
         JOIN areas a ON a.id = r.kelurahan_id JOIN users u ON u.id = r.user_id \
         WHERE EXISTS (SELECT 1 FROM consents c WHERE c.user_id = r.user_id AND c.purpose = $1 AND c.withdrawn_at IS NULL) \
           AND EXISTS (SELECT 1 FROM consents c WHERE c.user_id = r.user_id AND c.purpose = $2 AND c.withdrawn_at IS NULL) \
         ORDER BY r.user_id",
    )
    .bind(PURPOSE_UMKM)
    .bind(crate::features::privacy::PURPOSE_NEWS)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            let nib: Option<String> = r.try_get("nib")?;
            Ok(NewsReader {
                user_id: r.try_get("user_id")?,
                sector: r.try_get("sector")?,
                scale: r.try_get("scale")?,
                has_nib: nib.is_some_and(|n| !n.is_empty()),
                kelurahan: r.try_get("name")?,
                area_path: r.try_get("path")?,
                language: r.try_get("language")?,
            })
        })
        .collect()
}
