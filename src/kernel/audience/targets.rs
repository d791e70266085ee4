//! Which groups an announcement reaches, and whether a person may aim at them.
//!
//! Targets are resolved to *active, linked* groups each time they are used, and
//! always filtered through [`Actor::can_manage_kim`]: a coordinator reaches only their
//! KIM's groups, staff only groups inside their area, whatever a button says.

use chrono_tz::Tz;
use sqlx::Row;
use sqlx::any::AnyRow;

use super::target::{Target, UmkmFilter, common_path};
use crate::platform::db::{Db, DbResult};
use crate::kernel::members::permissions::{Action, may};
use crate::kernel::members::{Actor, Area, Kim, KimId, areas, covers};

/// A group an announcement can go to, with the KIM it serves.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetGroup {
    pub chat_id: i64,
    pub title: String,
    pub kim: Kim,
}

/// Every active group linked to a KIM, by title.
pub async fn active_groups(db: &Db) -> DbResult<Vec<TargetGroup>> {
    let rows = sqlx::query(
        "SELECT g.chat_id, g.title, k.id, k.code, k.name, k.kelurahan_id, a.path \
         FROM tg_groups g JOIN kims k ON k.id = g.kim_id JOIN areas a ON a.id = k.kelurahan_id \
         WHERE g.status = 'active' ORDER BY g.title, g.chat_id",
    )
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(decode).collect()
}

/// A row of `chat_id, title` and the KIM's `id, code, name, kelurahan_id, path`.
fn decode(r: &AnyRow) -> DbResult<TargetGroup> {
    let kim = Kim {
        id: r.try_get("id")?,
        code: r.try_get("code")?,
        name: r.try_get("name")?,
        kelurahan_id: r.try_get("kelurahan_id")?,
        area_path: r.try_get("path")?,
    };
    Ok(TargetGroup { chat_id: r.try_get("chat_id")?, title: r.try_get("title")?, kim })
}

/// The active groups a target names right now, among those `actor` may reach. For
/// a UMKM target: the owners' private chats, titled with the business name.
pub async fn resolve(db: &Db, actor: &Actor, target: &Target) -> DbResult<Vec<TargetGroup>> {
    let area = match target {
        Target::Area(id) => areas::area_by_id(db, *id).await?,
        Target::Umkm(filter) => areas::area_by_id(db, filter.area).await?,
        _ => None,
    };
    if let Target::Umkm(filter) = target {
        let Some(area) = area.filter(|a| may_target_area(actor, a)) else { return Ok(Vec::new()) };
        let owners = umkm_owners(db, filter).await?;
        return Ok(owners.into_iter().filter(|o| covers(&area.path, &o.kim.area_path)).collect());
    }
    let groups = active_groups(db).await?;
    Ok(groups
        .into_iter()
        .filter(|g| actor.can_manage_kim(&g.kim))
        .filter(|g| match target {
            Target::Kim(id) => g.kim.id == KimId(*id),
            Target::Groups(ids) => ids.contains(&g.chat_id),
            Target::Area(_) => area.as_ref().is_some_and(|a| covers(&a.path, &g.kim.area_path)),
            Target::Umkm(_) => false,
        })
        .collect())
}

/// The UMKM segment's members matching `filter`'s picks who may be written to (asked
/// of the segment its feature declared), as private-chat targets titled with the
/// business name; no one when no such segment is installed.
async fn umkm_owners(db: &Db, filter: &UmkmFilter) -> DbResult<Vec<TargetGroup>> {
    let Some(segment) = super::segment::segment(super::target::UMKM) else { return Ok(Vec::new()) };
    let members = (segment.reach)(db, filter.sector.as_ref(), filter.need.as_ref()).await?;
    Ok(members.into_iter().map(|m| TargetGroup { chat_id: m.user_id, title: m.title, kim: m.kim }).collect())
}

/// Groups offered in the "choose groups" list.
pub async fn reachable(db: &Db, actor: &Actor, limit: usize) -> DbResult<Vec<TargetGroup>> {
    let groups = active_groups(db).await?;
    Ok(groups.into_iter().filter(|g| actor.can_manage_kim(&g.kim)).take(limit).collect())
}

/// A permitted target, described for storing and showing.
#[derive(Debug, Clone, PartialEq)]
pub struct Scope {
    /// KIM or area name, or the number of chosen groups.
    pub name: String,
    pub kim_id: Option<i64>,
    pub area_path: String,
    pub tz: Tz,
}

/// Describes `target` if `actor` may aim at it; `None` for a forged or no longer
/// permitted target (a stale button, a revoked role).
pub async fn scope(db: &Db, default_tz: Tz, actor: &Actor, target: &Target) -> DbResult<Option<Scope>> {
    match target {
        Target::Kim(id) => match areas::kim_by_id(db, KimId(*id)).await? {
            Some(kim) if actor.can_manage_kim(&kim) => Ok(Some(Scope {
                tz: tz_of(db, kim.id, default_tz).await?,
                name: kim.name,
                kim_id: Some(kim.id.get()),
                area_path: kim.area_path,
            })),
            _ => Ok(None),
        },
        Target::Area(id) | Target::Umkm(UmkmFilter { area: id, .. }) => match areas::area_by_id(db, *id).await? {
            Some(area) if may_target_area(actor, &area) => {
                Ok(Some(Scope { name: area.name, kim_id: None, area_path: area.path, tz: default_tz }))
            }
            _ => Ok(None),
        },
        Target::Groups(ids) => {
            let groups = resolve(db, actor, target).await?;
            if ids.is_empty() || groups.len() != ids.len() {
                return Ok(None);
            }
            let first = &groups[0].kim;
            let one_kim = groups.iter().all(|g| g.kim.id == first.id);
            Ok(Some(Scope {
                name: groups.len().to_string(),
                kim_id: one_kim.then_some(first.id.get()),
                area_path: common_path(groups.iter().map(|g| g.kim.area_path.as_str())),
                tz: tz_of(db, first.id, default_tz).await?,
            }))
        }
    }
}

/// Staff may aim at the areas inside their scope (admins anywhere); never a kelurahan,
/// which is what KIM targets are for.
pub fn may_target_area(actor: &Actor, area: &Area) -> bool {
    may(actor, Action::TargetArea(area))
}

/// Areas offered as targets: each staff area and, inside a kota, its kecamatan.
pub async fn offered_areas(db: &Db, actor: &Actor) -> DbResult<Vec<Area>> {
    let mut tops: Vec<Area> = Vec::new();
    if actor.is_admin {
        tops = areas::children(db, None).await?;
    } else {
        for path in &actor.staff_areas {
            tops.extend(area_by_path(db, path).await?);
        }
    }
    let mut out = Vec::new();
    for area in tops {
        let kecamatan = if area.kind == "kota" { areas::children(db, Some(area.id)).await? } else { Vec::new() };
        out.push(area);
        out.extend(kecamatan);
    }
    Ok(out)
}

async fn area_by_path(db: &Db, path: &str) -> DbResult<Option<Area>> {
    Ok(sqlx::query_as("SELECT id, kind, name, parent_id, path FROM areas WHERE path = $1")
        .bind(path)
        .fetch_optional(&db.pool)
        .await?)
}

/// The KIM's own zone, or the configured one.
pub async fn tz_of(db: &Db, kim_id: KimId, default_tz: Tz) -> DbResult<Tz> {
    Ok(crate::kernel::members::areas::kim_zone(db, kim_id).await?.and_then(|name| name.parse().ok()).unwrap_or(default_tz))
}
