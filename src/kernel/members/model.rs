//! Domain types for members and areas, free of Telegram types.

use serde::{Deserialize, Serialize};

use crate::platform::ids::id;

/// People are named by the platform too (audit, personal data, delivery).
pub use crate::platform::ids::UserId;

id!(
    /// A KIM's id (`kims.id`).
    pub KimId
);

/// Notice version residents agree to; bump it when the privacy text changes so new
/// receipts record which text was shown.
pub const NOTICE_VERSION: &str = "2026-11";

/// An administrative area: kota/kabupaten → kecamatan → kelurahan/desa.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct Area {
    pub id: i64,
    pub kind: String,
    pub name: String,
    pub parent_id: Option<i64>,
    /// Names from the top down, joined by `/`; unique, and a prefix test on it tells
    /// whether one area lies inside another.
    pub path: String,
}

impl Area {
    /// Whether `other_path` is this area or lies inside it.
    pub fn covers(&self, other_path: &str) -> bool {
        covers(&self.path, other_path)
    }
}

/// Whether the area at `outer` contains (or is) the area at `inner`.
pub fn covers(outer: &str, inner: &str) -> bool {
    inner == outer || inner.strip_prefix(outer).is_some_and(|rest| rest.starts_with('/'))
}

/// "Bukit Lama, Ilir Barat I, Kota Palembang" from "Kota Palembang/Ilir Barat I/Bukit Lama".
pub fn display_path(path: &str) -> String {
    path.rsplit('/').collect::<Vec<_>>().join(", ")
}

/// A Kelompok Informasi Masyarakat, with the path of its kelurahan.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct Kim {
    pub id: KimId,
    pub code: String,
    pub name: String,
    pub kelurahan_id: i64,
    pub area_path: String,
}

/// A resident who has agreed to the privacy notice.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct Member {
    pub id: UserId,
    pub first_name: Option<String>,
    pub username: Option<String>,
    pub language: String,
    pub kim_id: Option<KimId>,
    pub menu_role: Option<String>,
}

/// The role that decides which commands a person sees; the strongest one wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Role {
    Resident,
    /// An agency (OPD) officer: works the tickets sent to their agency, nothing else
    /// of the city. Above residents only, so no coordinator command reaches them.
    Officer,
    Coordinator,
    Staff,
    Admin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Resident => "resident",
            Role::Officer => "officer",
            Role::Coordinator => "coordinator",
            Role::Staff => "staff",
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "resident" => Some(Role::Resident),
            "officer" => Some(Role::Officer),
            "coordinator" => Some(Role::Coordinator),
            "staff" => Some(Role::Staff),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }

    /// Message key naming the role.
    pub fn message_key(self) -> &'static str {
        match self {
            Role::Resident => "role-resident",
            Role::Officer => "role-officer",
            Role::Coordinator => "role-coordinator",
            Role::Staff => "role-staff",
            Role::Admin => "role-admin",
        }
    }
}

/// Everything the permission checks need to know about the person acting.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Actor {
    pub user_id: UserId,
    pub is_admin: bool,
    /// Paths of the areas this person is staff for.
    pub staff_areas: Vec<String>,
    /// KIMs this person coordinates.
    pub coordinator_kims: Vec<KimId>,
    /// Agencies (OPD) this person is an officer of.
    pub agencies: Vec<i64>,
}

impl Actor {
    pub fn role(&self) -> Role {
        if self.is_admin {
            Role::Admin
        } else if !self.staff_areas.is_empty() {
            Role::Staff
        } else if !self.coordinator_kims.is_empty() {
            Role::Coordinator
        } else if !self.agencies.is_empty() {
            Role::Officer
        } else {
            Role::Resident
        }
    }

    /// Admins, staff covering the KIM's area, and the KIM's own coordinators may act
    /// for a KIM (link groups, announce, create trainings).
    pub fn can_manage_kim(&self, kim: &Kim) -> bool {
        super::permissions::may(self, super::permissions::Action::ManageKim(kim))
    }

    /// Admins and staff whose scope contains the area may grant coordinator roles there.
    pub fn can_invite_coordinator_for(&self, kim: &Kim) -> bool {
        super::permissions::may(self, super::permissions::Action::InviteCoordinator(kim))
    }
}

/// Whether the bot can still post in a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupStatus {
    Active,
    Left,
    Restricted,
}

impl GroupStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            GroupStatus::Active => "active",
            GroupStatus::Left => "left",
            GroupStatus::Restricted => "restricted",
        }
    }
    pub fn parse(s: &str) -> GroupStatus {
        match s {
            "active" => GroupStatus::Active,
            "restricted" => GroupStatus::Restricted,
            _ => GroupStatus::Left,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kim(id: i64, path: &str) -> Kim {
        Kim { id: KimId(id), code: "K".into(), name: "K".into(), kelurahan_id: 1, area_path: path.into() }
    }

    #[test]
    fn an_area_covers_itself_and_what_lies_inside_but_not_a_lookalike() {
        assert!(covers("Kota A/Kec B", "Kota A/Kec B"));
        assert!(covers("Kota A/Kec B", "Kota A/Kec B/Kel C"));
        assert!(!covers("Kota A/Kec B", "Kota A/Kec BB/Kel C"));
        assert!(!covers("Kota A/Kec B/Kel C", "Kota A/Kec B"));
    }

    #[test]
    fn who_may_manage_a_kim() {
        let k = kim(7, "Kota A/Kec B/Kel C");
        let resident = Actor { user_id: UserId(1), ..Default::default() };
        let coordinator = Actor { coordinator_kims: vec![KimId(7)], ..resident.clone() };
        let other_coordinator = Actor { coordinator_kims: vec![KimId(8)], ..resident.clone() };
        let staff_here = Actor { staff_areas: vec!["Kota A/Kec B".into()], ..resident.clone() };
        let staff_elsewhere = Actor { staff_areas: vec!["Kota A/Kec X".into()], ..resident.clone() };
        let admin = Actor { is_admin: true, ..resident.clone() };
        let cases = [
            (&resident, false, false),
            (&coordinator, true, false),
            (&other_coordinator, false, false),
            (&staff_here, true, true),
            (&staff_elsewhere, false, false),
            (&admin, true, true),
        ];
        for (actor, manage, invite) in cases {
            assert_eq!(actor.can_manage_kim(&k), manage, "{actor:?}");
            assert_eq!(actor.can_invite_coordinator_for(&k), invite, "{actor:?}");
        }
        assert_eq!(staff_here.role(), Role::Staff);
        assert_eq!(coordinator.role(), Role::Coordinator);
    }

    #[test]
    fn paths_display_from_the_smallest_area_up() {
        assert_eq!(display_path("Kota P/Ilir Barat I/Bukit Lama"), "Bukit Lama, Ilir Barat I, Kota P");
    }
}
