//! Everything stored about one person, gathered for `/datasaya` and serialised as
//! the JSON document they receive. Timestamps are Unix seconds (UTC).

use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::platform::db::{Db, DbResult};

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Export {
    pub telegram_user_id: i64,
    pub profile: Option<Profile>,
    pub consents: Vec<Consent>,
    pub roles: Vec<Grant>,
    pub umkm: Option<Umkm>,
    pub aspirations: Vec<Aspiration>,
    pub trainings: Vec<TrainingSeat>,
    pub training_feedback: Vec<Feedback>,
    /// Private invitations to trainings sent to the person's UMKM.
    pub training_invitations: Vec<Invitation>,
}

impl Export {
    /// Nothing at all is stored about the person.
    pub fn is_empty(&self) -> bool {
        self.profile.is_none()
            && self.consents.is_empty()
            && self.roles.is_empty()
            && self.umkm.is_none()
            && self.aspirations.is_empty()
            && self.trainings.is_empty()
            && self.training_feedback.is_empty()
            && self.training_invitations.is_empty()
    }

    pub fn to_json(&self) -> Vec<u8> {
        serde_json::to_vec_pretty(self).expect("plain data serialises")
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Profile {
    pub first_name: Option<String>,
    pub username: Option<String>,
    pub language: String,
    pub kim: Option<String>,
    pub created_at: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Consent {
    pub purpose: String,
    pub notice_version: String,
    pub granted_at: i64,
    pub withdrawn_at: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Grant {
    pub role: String,
    pub scope: Option<String>,
    pub granted_at: i64,
    pub revoked_at: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Umkm {
    pub owner_name: String,
    pub business_name: String,
    pub sector: String,
    pub scale: String,
    pub kelurahan: String,
    pub kim: String,
    pub phone: String,
    pub nib: Option<String>,
    pub needs: Vec<String>,
    pub description: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Aspiration {
    pub ticket: String,
    pub category: String,
    pub body: String,
    pub status: String,
    pub anonymous: bool,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub photos: i64,
    pub created_at: i64,
    pub thread: Vec<ThreadEntry>,
}

/// A staff reply (`reply`) or the person's answer (`answer`) on their ticket.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ThreadEntry {
    pub kind: String,
    pub body: String,
    pub at: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrainingSeat {
    pub training_id: i64,
    pub title: String,
    pub starts_at: i64,
    pub status: String,
    pub attended: Option<bool>,
    pub registered_at: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Feedback {
    pub training_id: i64,
    pub title: String,
    pub rating: i64,
    pub comment: Option<String>,
    pub at: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Invitation {
    pub training_id: i64,
    pub title: String,
    pub invited_at: i64,
}

/// Reads everything stored about `user_id`.
#[tracing::instrument(skip(db))]
pub async fn gather(db: &Db, user_id: i64) -> DbResult<Export> {
    Ok(Export {
        telegram_user_id: user_id,
        profile: profile(db, user_id).await?,
        consents: rows(db, CONSENTS, user_id, consent).await?,
        roles: rows(db, GRANTS, user_id, grant).await?,
        umkm: rows(db, UMKM, user_id, umkm).await?.pop(),
        aspirations: aspirations(db, user_id).await?,
        trainings: rows(db, SEATS, user_id, seat).await?,
        training_feedback: rows(db, FEEDBACK, user_id, feedback).await?,
        training_invitations: rows(db, INVITATIONS, user_id, invitation).await?,
    })
}

/// Runs `sql` (one `$1`: the user id) and decodes every row with `decode`.
async fn rows<T>(db: &Db, sql: &'static str, user_id: i64, decode: fn(&AnyRow) -> DbResult<T>) -> DbResult<Vec<T>> {
    let found = sqlx::query(sql).bind(user_id).fetch_all(&db.pool).await?;
    found.iter().map(decode).collect()
}

async fn profile(db: &Db, user_id: i64) -> DbResult<Option<Profile>> {
    let row = sqlx::query(
        "SELECT u.first_name, u.username, u.language, u.created_at, k.name AS kim_name, k.code AS kim_code \
         FROM users u LEFT JOIN kims k ON k.id = u.kim_id WHERE u.id = $1",
    )
    .bind(user_id)
    .fetch_optional(&db.pool)
    .await?;
    let Some(r) = row else { return Ok(None) };
    let kim_name: Option<String> = r.try_get("kim_name")?;
    let kim_code: Option<String> = r.try_get("kim_code")?;
    Ok(Some(Profile {
        first_name: r.try_get("first_name")?,
        username: r.try_get("username")?,
        language: r.try_get("language")?,
        kim: kim_name.zip(kim_code).map(|(name, code)| format!("{name} ({code})")),
        created_at: r.try_get("created_at")?,
    }))
}

const CONSENTS: &str =
    "SELECT purpose, notice_version, granted_at, withdrawn_at FROM consents WHERE user_id = $1 ORDER BY id";

fn consent(r: &AnyRow) -> DbResult<Consent> {
    Ok(Consent {
        purpose: r.try_get("purpose")?,
        notice_version: r.try_get("notice_version")?,
        granted_at: r.try_get("granted_at")?,
        withdrawn_at: r.try_get("withdrawn_at")?,
    })
}

const GRANTS: &str = "SELECT g.role, g.granted_at, g.revoked_at, COALESCE(a.name, k.name) AS scope FROM grants g \
     LEFT JOIN areas a ON a.id = g.area_id LEFT JOIN kims k ON k.id = g.kim_id WHERE g.user_id = $1 ORDER BY g.id";

fn grant(r: &AnyRow) -> DbResult<Grant> {
    Ok(Grant {
        role: r.try_get("role")?,
        scope: r.try_get("scope")?,
        granted_at: r.try_get("granted_at")?,
        revoked_at: r.try_get("revoked_at")?,
    })
}

const UMKM: &str = "SELECT r.owner_name, r.business_name, r.sector, r.scale, a.name AS kelurahan, k.name AS kim, \
     r.phone, r.nib, r.needs, r.description, r.created_at, r.updated_at FROM umkm_registrations r \
     JOIN areas a ON a.id = r.kelurahan_id JOIN kims k ON k.id = r.kim_id WHERE r.user_id = $1";

fn umkm(r: &AnyRow) -> DbResult<Umkm> {
    let needs: String = r.try_get("needs")?;
    Ok(Umkm {
        owner_name: r.try_get("owner_name")?,
        business_name: r.try_get("business_name")?,
        sector: r.try_get("sector")?,
        scale: r.try_get("scale")?,
        kelurahan: r.try_get("kelurahan")?,
        kim: r.try_get("kim")?,
        phone: r.try_get("phone")?,
        nib: r.try_get("nib")?,
        needs: needs.split(',').filter(|n| !n.is_empty()).map(str::to_string).collect(),
        description: r.try_get("description")?,
        created_at: r.try_get("created_at")?,
        updated_at: r.try_get("updated_at")?,
    })
}

const ASPIRATIONS: &str = "SELECT a.id, a.ticket, a.category, a.body, a.status, a.anonymous, a.lat_e6, a.lon_e6, \
     a.created_at, (SELECT COUNT(*) FROM aspiration_photos p WHERE p.aspiration_id = a.id) AS photos \
     FROM aspirations a WHERE a.user_id = $1 ORDER BY a.id";

async fn aspirations(db: &Db, user_id: i64) -> DbResult<Vec<Aspiration>> {
    let found = sqlx::query(ASPIRATIONS).bind(user_id).fetch_all(&db.pool).await?;
    let mut out = Vec::with_capacity(found.len());
    for r in &found {
        let id: i64 = r.try_get("id")?;
        let degrees = |e6: Option<i64>| e6.map(|v| v as f64 / 1e6);
        out.push(Aspiration {
            ticket: r.try_get("ticket")?,
            category: r.try_get("category")?,
            body: r.try_get("body")?,
            status: r.try_get("status")?,
            anonymous: r.try_get::<i64, _>("anonymous")? != 0,
            latitude: degrees(r.try_get("lat_e6")?),
            longitude: degrees(r.try_get("lon_e6")?),
            photos: r.try_get("photos")?,
            created_at: r.try_get("created_at")?,
            thread: rows(db, THREAD, id, thread_entry).await?,
        });
    }
    Ok(out)
}

const THREAD: &str = "SELECT kind, body, created_at FROM aspiration_messages WHERE aspiration_id = $1 ORDER BY id";

fn thread_entry(r: &AnyRow) -> DbResult<ThreadEntry> {
    Ok(ThreadEntry { kind: r.try_get("kind")?, body: r.try_get("body")?, at: r.try_get("created_at")? })
}

const SEATS: &str = "SELECT r.training_id, t.title, t.starts_at, r.status, r.attended, r.created_at \
     FROM training_registrations r JOIN trainings t ON t.id = r.training_id WHERE r.user_id = $1 ORDER BY r.id";

fn seat(r: &AnyRow) -> DbResult<TrainingSeat> {
    Ok(TrainingSeat {
        training_id: r.try_get("training_id")?,
        title: r.try_get("title")?,
        starts_at: r.try_get("starts_at")?,
        status: r.try_get("status")?,
        attended: r.try_get::<Option<i64>, _>("attended")?.map(|a| a != 0),
        registered_at: r.try_get("created_at")?,
    })
}

const FEEDBACK: &str = "SELECT f.training_id, t.title, f.rating, f.comment, f.created_at FROM training_feedback f \
     JOIN trainings t ON t.id = f.training_id WHERE f.user_id = $1 ORDER BY f.id";

fn feedback(r: &AnyRow) -> DbResult<Feedback> {
    Ok(Feedback {
        training_id: r.try_get("training_id")?,
        title: r.try_get("title")?,
        rating: r.try_get("rating")?,
        comment: r.try_get("comment")?,
        at: r.try_get("created_at")?,
    })
}

const INVITATIONS: &str = "SELECT i.training_id, t.title, i.created_at FROM training_invitations i \
     JOIN trainings t ON t.id = i.training_id WHERE i.user_id = $1 ORDER BY i.id";

fn invitation(r: &AnyRow) -> DbResult<Invitation> {
    Ok(Invitation { training_id: r.try_get("training_id")?, title: r.try_get("title")?, invited_at: r.try_get("created_at")? })
}
