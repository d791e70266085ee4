//! Role grants (CLI and one-time invite codes) and the [`Actor`] built from them.

use rand::Rng;
use sqlx::Row;

use super::agencies::{self, Agency};
use super::model::{Actor, Area, Kim, KimId, Role, UserId};
use crate::platform::db::{Db, DbError, DbResult};
use crate::platform::personal::{RoleLost, RoleLostHook};

/// How long an invite code stays valid.
pub const INVITE_DAYS: i64 = 7;

/// Deep-link payloads (`t.me/<bot>?start=inv-<code>`) starting with this are role
/// invites, not KIM codes: `/undang` makes them, `/start` claims them.
pub const INVITE_PREFIX: &str = "inv-";

/// Who a person is, for permission checks: admin from config, staff and coordinator
/// scopes from the grants table.
pub async fn actor(db: &Db, user_id: UserId, is_admin: bool) -> DbResult<Actor> {
    let rows = sqlx::query(
        "SELECT g.role, g.kim_id, g.agency_id, a.path FROM grants g LEFT JOIN areas a ON a.id = g.area_id \
         WHERE g.user_id = $1 AND g.revoked_at IS NULL",
    )
    .bind(user_id)
    .fetch_all(&db.pool)
    .await?;
    let mut actor = Actor { user_id, is_admin, ..Default::default() };
    for row in rows {
        let role: String = row.try_get("role")?;
        match Role::parse(&role) {
            Some(Role::Staff) => actor.staff_areas.extend(row.try_get::<Option<String>, _>("path")?),
            Some(Role::Coordinator) => actor.coordinator_kims.extend(row.try_get::<Option<KimId>, _>("kim_id")?),
            Some(Role::Officer) => actor.agencies.extend(row.try_get::<Option<i64>, _>("agency_id")?),
            _ => tracing::warn!(user_id = user_id.get(), role, "grant with unknown role ignored"),
        }
    }
    Ok(actor)
}

/// What a grant is for.
#[derive(Debug, Clone, PartialEq)]
pub enum Scope {
    /// Staff of a kota or kecamatan.
    Area(Area),
    /// Coordinator of one KIM.
    Kim(Kim),
    /// Officer of one agency (OPD).
    Agency(Agency),
}

impl Scope {
    pub fn role(&self) -> Role {
        match self {
            Scope::Area(_) => Role::Staff,
            Scope::Kim(_) => Role::Coordinator,
            Scope::Agency(_) => Role::Officer,
        }
    }
    pub fn label(&self) -> String {
        match self {
            Scope::Area(a) => a.name.clone(),
            Scope::Kim(k) => k.name.clone(),
            Scope::Agency(a) => a.name.clone(),
        }
    }
    fn ids(&self) -> Ids {
        match self {
            Scope::Area(a) => (Some(a.id), None, None),
            Scope::Kim(k) => (None, Some(k.id.get()), None),
            Scope::Agency(a) => (None, None, Some(a.id)),
        }
    }
}

/// A grant's or invite's scope columns: area, KIM, agency.
type Ids = (Option<i64>, Option<i64>, Option<i64>);

/// The officers of an agency (active grants), e.g. to tell them a ticket arrived.
pub async fn officers_of(db: &Db, agency_id: i64) -> DbResult<Vec<i64>> {
    let rows = sqlx::query(
        "SELECT DISTINCT user_id FROM grants WHERE role = 'officer' AND agency_id = $1 AND revoked_at IS NULL ORDER BY user_id",
    )
    .bind(agency_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(|r| Ok(r.try_get("user_id")?)).collect()
}

/// Staff whose scope covers `area_path` (a KIM's kelurahan, a feed's area): they hear
/// about new aspirations there and about the health of its feeds.
pub async fn staff_covering(db: &Db, area_path: &str) -> DbResult<Vec<i64>> {
    let rows = sqlx::query(
        "SELECT g.user_id, a.path FROM grants g JOIN areas a ON a.id = g.area_id \
         WHERE g.role = 'staff' AND g.revoked_at IS NULL ORDER BY g.user_id",
    )
    .fetch_all(&db.pool)
    .await?;
    let mut staff = Vec::new();
    for row in rows {
        let (user, path): (i64, String) = (row.try_get("user_id")?, row.try_get("path")?);
        if super::covers(&path, area_path) && !staff.contains(&user) {
            staff.push(user);
        }
    }
    Ok(staff)
}

/// Grants a role directly (CLI, or an invite being claimed). Granting the same scope
/// twice keeps one active grant.
pub async fn grant(db: &Db, user_id: UserId, scope: &Scope, granted_by: Option<UserId>, now: i64) -> DbResult<()> {
    let mut tx = db.begin().await?;
    insert_grant(&mut tx, user_id, scope.role(), scope.ids(), granted_by, now).await?;
    tx.commit().await?;
    Ok(())
}

async fn insert_grant(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    user_id: UserId,
    role: Role,
    (area_id, kim_id, agency_id): Ids,
    granted_by: Option<UserId>,
    now: i64,
) -> DbResult<()> {
    let role = role.as_str();
    let existing = sqlx::query(
        "SELECT id FROM grants WHERE user_id = $1 AND role = $2 AND revoked_at IS NULL \
         AND COALESCE(area_id, 0) = COALESCE($3, 0) AND COALESCE(kim_id, 0) = COALESCE($4, 0) \
         AND COALESCE(agency_id, 0) = COALESCE($5, 0)",
    )
    .bind(user_id)
    .bind(role)
    .bind(area_id)
    .bind(kim_id)
    .bind(agency_id)
    .fetch_optional(&mut **tx)
    .await?;
    if existing.is_none() {
        sqlx::query(
            "INSERT INTO grants (user_id, role, area_id, kim_id, agency_id, granted_by, granted_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(user_id)
        .bind(role)
        .bind(area_id)
        .bind(kim_id)
        .bind(agency_id)
        .bind(granted_by)
        .bind(now)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// Revokes every role of `user` and runs every feature's role-lost hook in the same
/// transaction (announcements pause the person's schedules and tell staff); returns
/// (grants revoked, things handed over). The one way roles are taken away.
pub async fn revoke_and_hand_over(db: &Db, hooks: &[RoleLostHook], user: UserId, admins: &[i64], now: i64) -> DbResult<(u64, usize)> {
    let mut tx = db.begin().await?;
    let revoked = revoke_all_in(&mut *tx, user, now).await?;
    let lost = RoleLost { db, user_id: user, admins, now };
    let mut handed_over = 0;
    for hook in hooks {
        handed_over += hook(&mut tx, &lost).await?;
    }
    tx.commit().await?;
    Ok((revoked, handed_over))
}

/// Revokes every active grant of a person; returns how many. Roles are taken away
/// through [`revoke_and_hand_over`]; this bare form is for tests that arrange a
/// person who lost their role by a way that did not come through it.
pub async fn revoke_all(db: &Db, user_id: UserId, now: i64) -> DbResult<u64> {
    revoke_all_in(&db.pool, user_id, now).await
}

/// [`revoke_all`] on the pool or inside a transaction.
pub async fn revoke_all_in<'e>(exec: impl sqlx::Executor<'e, Database = sqlx::Any>, user_id: UserId, now: i64) -> DbResult<u64> {
    let done = sqlx::query("UPDATE grants SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL")
        .bind(now)
        .bind(user_id)
        .execute(exec)
        .await?;
    Ok(done.rows_affected())
}

/// What became of a scope change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moved {
    /// The grant now holds for the new scope (a new grant row; the old one revoked).
    Moved,
    /// The grant already held for that scope: nothing changed.
    Same,
    /// No such active grant of that role (revoked, or moved meanwhile).
    Gone,
}

/// Moves one active grant to another scope of the same role — a staff member to
/// another area, a coordinator to another KIM, an officer to another agency — in one
/// transaction: the old grant is revoked (kept for the record) and a new one given,
/// so "since" and "by whom" tell the change. Permission is the caller's (the console
/// checks both the old and the new scope against the person acting).
pub async fn change_scope(db: &Db, grant_id: i64, to: &Scope, by: UserId, now: i64) -> DbResult<Moved> {
    let mut tx = db.begin().await?;
    let row = sqlx::query("SELECT user_id, area_id, kim_id, agency_id FROM grants WHERE id = $1 AND role = $2 AND revoked_at IS NULL")
        .bind(grant_id)
        .bind(to.role().as_str())
        .fetch_optional(&mut *tx)
        .await?;
    let Some(row) = row else { return Ok(Moved::Gone) };
    let ids: Ids = (row.try_get("area_id")?, row.try_get("kim_id")?, row.try_get("agency_id")?);
    if ids == to.ids() {
        return Ok(Moved::Same);
    }
    let user_id: UserId = row.try_get("user_id")?;
    let revoked = sqlx::query("UPDATE grants SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL")
        .bind(now)
        .bind(grant_id)
        .execute(&mut *tx)
        .await?;
    if revoked.rows_affected() != 1 {
        return Ok(Moved::Gone);
    }
    insert_grant(&mut tx, user_id, to.role(), to.ids(), Some(by), now).await?;
    tx.commit().await?;
    Ok(Moved::Moved)
}

/// One active grant as the console's *Orang & peran* lists it: who, which role,
/// where, since when and given by whom.
#[derive(Debug, Clone, PartialEq)]
pub struct GrantRow {
    /// The grant's own id (what a scope change names).
    pub id: i64,
    pub user_id: UserId,
    pub name: Option<String>,
    pub role: Role,
    /// Where the role holds, as an area path: the staff's area, the KIM's kelurahan,
    /// the agency's kota (what scope checks compare).
    pub path: String,
    /// What to call the scope: the area, KIM or agency name.
    pub scope: String,
    /// The scope as a form names it: `area:ID`, `kim:ID` or `agency:ID`.
    pub scope_key: String,
    pub granted_at: i64,
    pub granted_by: Option<UserId>,
    pub granted_by_name: Option<String>,
}

/// Every active grant, newest first.
pub async fn active_grants(db: &Db) -> DbResult<Vec<GrantRow>> {
    let rows = sqlx::query(
        "SELECT g.id, g.user_id, g.area_id, g.kim_id, g.agency_id, u.first_name, g.role, g.granted_at, g.granted_by, gb.first_name AS granted_by_name, \
         ar.path AS area_path, ar.name AS area_name, k.name AS kim_name, ka.path AS kim_path, \
         ag.name AS agency_name, ag.short_name AS agency_short, ag.kota AS agency_kota \
         FROM grants g \
         LEFT JOIN users u ON u.id = g.user_id \
         LEFT JOIN users gb ON gb.id = g.granted_by \
         LEFT JOIN areas ar ON ar.id = g.area_id \
         LEFT JOIN kims k ON k.id = g.kim_id \
         LEFT JOIN areas ka ON ka.id = k.kelurahan_id \
         LEFT JOIN agencies ag ON ag.id = g.agency_id \
         WHERE g.revoked_at IS NULL ORDER BY g.granted_at DESC, g.id DESC",
    )
    .fetch_all(&db.pool)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let role: String = row.try_get("role")?;
        let Some(role) = Role::parse(&role) else { continue };
        let text = |col: &str| row.try_get::<Option<String>, _>(col);
        let (path, scope) = match role {
            Role::Staff => (text("area_path")?, text("area_name")?),
            Role::Coordinator => (text("kim_path")?, text("kim_name")?),
            Role::Officer => (text("agency_kota")?, text("agency_short")?.filter(|s| !s.is_empty()).or(text("agency_name")?)),
            _ => (None, None),
        };
        let key = |kind: &str, col: &str| row.try_get::<Option<i64>, _>(col).map(|id| id.map(|id| format!("{kind}:{id}")));
        let scope_key = match role {
            Role::Staff => key("area", "area_id")?,
            Role::Coordinator => key("kim", "kim_id")?,
            Role::Officer => key("agency", "agency_id")?,
            _ => None,
        };
        out.push(GrantRow {
            id: row.try_get("id")?,
            scope_key: scope_key.unwrap_or_default(),
            user_id: row.try_get("user_id")?,
            name: text("first_name")?,
            role,
            path: path.unwrap_or_default(),
            scope: scope.unwrap_or_default(),
            granted_at: row.try_get("granted_at")?,
            granted_by: row.try_get("granted_by")?,
            granted_by_name: text("granted_by_name")?,
        });
    }
    Ok(out)
}

/// Creates a single-use invite code for a scope.
pub async fn create_invite(db: &Db, scope: &Scope, created_by: UserId, now: i64) -> DbResult<String> {
    insert_invite(db, scope, created_by, now, None).await
}

/// How long the console shows a new invite again on reload.
pub const INVITE_SHOWN_SECS: i64 = 3600;

/// Creates an invite as [`create_invite`] and a random reference for the console's
/// page to show it by after its form redirected (POST/redirect/GET): a reload then
/// shows the same invite and makes none, and the code itself stays out of URLs.
/// Returns (code, reference).
pub async fn create_invite_for_page(db: &Db, scope: &Scope, created_by: UserId, now: i64) -> DbResult<(String, String)> {
    let reference = hex::encode(rand::random::<[u8; 12]>());
    let code = insert_invite(db, scope, created_by, now, Some(&reference)).await?;
    Ok((code, reference))
}

async fn insert_invite(db: &Db, scope: &Scope, created_by: UserId, now: i64, page_ref: Option<&str>) -> DbResult<String> {
    let (area_id, kim_id, agency_id) = scope.ids();
    for _ in 0..5 {
        let code = random_code();
        let result = sqlx::query(
            "INSERT INTO invites (code, role, area_id, kim_id, created_by, created_at, expires_at, agency_id, page_ref) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(&code)
        .bind(scope.role().as_str())
        .bind(area_id)
        .bind(kim_id)
        .bind(created_by)
        .bind(now)
        .bind(now + INVITE_DAYS * 86_400)
        .bind(agency_id)
        .bind(page_ref)
        .execute(&db.pool)
        .await;
        match result.map_err(DbError::from) {
            Ok(_) => return Ok(code),
            Err(e) if e.is_unique_violation() => continue,
            Err(e) => return Err(e),
        }
    }
    Err(DbError::Corrupt("could not find a free invite code".into()))
}

/// The open invite `created_by` made from the console under `reference` within the
/// last [`INVITE_SHOWN_SECS`]: (code, scope). Anyone else's reference, a used or an
/// older invite is none.
pub async fn invite_on_page(db: &Db, created_by: UserId, reference: &str, now: i64) -> DbResult<Option<(String, Scope)>> {
    let row = sqlx::query(
        "SELECT code, area_id, kim_id, agency_id FROM invites WHERE page_ref = $1 AND created_by = $2 \
         AND used_by IS NULL AND expires_at > $3 AND created_at >= $4",
    )
    .bind(reference)
    .bind(created_by)
    .bind(now)
    .bind(now - INVITE_SHOWN_SECS)
    .fetch_optional(&db.pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let ids: Ids = (row.try_get("area_id")?, row.try_get("kim_id")?, row.try_get("agency_id")?);
    let code: String = row.try_get("code")?;
    Ok(scope_of_ids(db, ids).await?.map(|scope| (code, scope)))
}

/// The scope a grant's or invite's columns name, if it still exists.
async fn scope_of_ids(db: &Db, ids: Ids) -> DbResult<Option<Scope>> {
    Ok(match ids {
        (Some(id), _, _) => super::areas::area_by_id(db, id).await?.map(Scope::Area),
        (_, Some(id), _) => super::areas::kim_by_id(db, KimId(id)).await?.map(Scope::Kim),
        (_, _, Some(id)) => agencies::by_id(db, id).await?.map(Scope::Agency),
        _ => None,
    })
}

/// Claims an invite: marks it used (only if unused and unexpired, so two people racing
/// for one code cannot both win) and grants its role, in one transaction.
/// Returns the scope granted, or `None` for a wrong, used or expired code, or one
/// whose creator may no longer give that role (revoked, erased, no longer an admin):
/// `is_admin` answers for the configured admins.
pub async fn claim_invite(db: &Db, code: &str, user_id: UserId, now: i64, is_admin: impl Fn(UserId) -> bool) -> DbResult<Option<Scope>> {
    if !creator_may_still_grant(db, code, now, is_admin).await? {
        return Ok(None);
    }
    let mut tx = db.begin().await?;
    let taken = sqlx::query(
        "UPDATE invites SET used_by = $1, used_at = $2 WHERE code = $3 AND used_by IS NULL AND expires_at > $2",
    )
    .bind(user_id)
    .bind(now)
    .bind(code)
    .execute(&mut *tx)
    .await?;
    if taken.rows_affected() != 1 {
        return Ok(None);
    }
    let row = sqlx::query("SELECT role, area_id, kim_id, agency_id, created_by FROM invites WHERE code = $1")
        .bind(code)
        .fetch_one(&mut *tx)
        .await?;
    let ids: Ids = (row.try_get("area_id")?, row.try_get("kim_id")?, row.try_get("agency_id")?);
    let role: String = row.try_get("role")?;
    let role = Role::parse(&role).ok_or_else(|| DbError::Corrupt(format!("invite {code} has role {role}")))?;
    insert_grant(&mut tx, user_id, role, ids, Some(row.try_get("created_by")?), now).await?;
    tx.commit().await?;
    let scope = scope_of_ids(db, ids).await?;
    scope.map(Some).ok_or_else(|| DbError::Corrupt(format!("invite {code} has no scope")))
}

/// Whether the open invite `code` exists and its creator still holds the right to give
/// its role: admins invite staff, admins and staff covering the KIM invite coordinators.
async fn creator_may_still_grant(db: &Db, code: &str, now: i64, is_admin: impl Fn(UserId) -> bool) -> DbResult<bool> {
    let row = sqlx::query("SELECT area_id, kim_id, agency_id, created_by FROM invites WHERE code = $1 AND used_by IS NULL AND expires_at > $2")
        .bind(code)
        .bind(now)
        .fetch_optional(&db.pool)
        .await?;
    let Some(row) = row else { return Ok(false) };
    let Some(creator) = row.try_get::<Option<UserId>, _>("created_by")?.filter(|id| id.get() > 0) else { return Ok(false) };
    let creator = actor(db, creator, is_admin(creator)).await?;
    let ids: Ids = (row.try_get("area_id")?, row.try_get("kim_id")?, row.try_get("agency_id")?);
    Ok(match ids {
        (Some(_), _, _) => creator.is_admin,
        (_, Some(kim), _) => super::areas::kim_by_id(db, KimId(kim)).await?.is_some_and(|k| creator.can_invite_coordinator_for(&k)),
        (_, _, Some(agency)) => agencies::by_id(db, agency)
            .await?
            .is_some_and(|a| super::permissions::may(&creator, super::permissions::Action::InviteOfficer(&a))),
        _ => false,
    })
}

/// Eight characters from an alphabet without look-alikes (no 0/O, 1/I), fit for a
/// deep link's start parameter.
fn random_code() -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut rng = rand::rng();
    (0..8).map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn invite_codes_are_deep_link_safe() {
        let code = super::random_code();
        assert_eq!(code.len(), 8);
        assert!(code.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()));
    }
}
