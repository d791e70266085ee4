//! "May this person do X to this object?" — every role-and-scope rule in one place,
//! asked by the chat handlers and the web console alike. Handlers still check the
//! object's own state (a ticket's status, a training's seats); who may act is here.
//!
//! Scope is by area path: staff oversee everything under their areas (a kota's
//! staff the whole kota), coordinators their own KIMs, admins everything.

use super::model::{Actor, Area, Kim, Role, covers};

/// Something a person may want to do, with the object it is done to.
#[derive(Debug, Clone, Copy)]
pub enum Action<'a> {
    /// Act for a KIM: link groups, announce to it, create and manage its trainings,
    /// list its businesses.
    ManageKim(&'a Kim),
    /// Hand out coordinator roles for a KIM.
    InviteCoordinator(&'a Kim),
    /// Hand out staff roles (admins only).
    InviteStaff,
    /// Hand out agency officer roles for an agency: admins, and staff of its kota.
    InviteOfficer(&'a super::agencies::Agency),
    /// Compose announcements at all (targets are checked one by one).
    Announce,
    /// Aim an announcement at a kecamatan or the kota (never a kelurahan: that is
    /// what KIM targets are for).
    TargetArea(&'a Area),
    /// Oversee whatever lies under an area path: reports, feeds, trainings and
    /// businesses there.
    Oversee(&'a str),
    /// Change a ticket's status or reply to it.
    TriageTicket(&'a Kim),
    /// See a ticket of this KIM in the queue (coordinators read their own).
    ReadTicket(&'a Kim),
    /// Pull reports (`/laporan`, the console's downloads).
    PullReports,
    /// Manage programme feeds at all (`/sumber`).
    ManageFeeds,
    /// Open the web console.
    UseConsole,
    /// Read the audit log.
    ReadAudit,
}

/// The one answer to "may `actor` do `action`".
pub fn may(actor: &Actor, action: Action<'_>) -> bool {
    match action {
        Action::ManageKim(kim) => actor.coordinator_kims.contains(&kim.id) || oversees(actor, &kim.area_path),
        Action::InviteCoordinator(kim) | Action::TriageTicket(kim) => oversees(actor, &kim.area_path),
        Action::ReadTicket(kim) => ticket_access(actor, kim) != Access::None,
        Action::InviteStaff | Action::ReadAudit => actor.is_admin,
        Action::Announce => actor.role() >= Role::Coordinator,
        // Agency officers use it too, confined to their agency's pages.
        Action::UseConsole => actor.role() >= Role::Officer,
        Action::InviteOfficer(agency) => {
            actor.is_admin || actor.staff_areas.iter().any(|a| super::agencies::kota_of(a) == agency.kota)
        }
        Action::TargetArea(area) => area.kind != "kelurahan" && oversees(actor, &area.path),
        Action::Oversee(path) => oversees(actor, path),
        Action::PullReports | Action::ManageFeeds => actor.role() >= Role::Staff,
    }
}

/// What a person may do with the tickets of a KIM.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    None,
    /// The KIM's coordinators: see the queue and tickets (anonymous ones without the
    /// sender's identity), change nothing.
    ReadOnly,
    /// Staff whose area holds the KIM's kelurahan, and admins: change status, reply.
    Triage,
    /// Officers of the agency (OPD) the ticket was sent to: see it (anonymous ones
    /// without the sender, pin or photos), accept, report progress, finish or return
    /// it. Never given by [`ticket_access`]: the aspirations' disposition grants it.
    Agency,
}

pub fn ticket_access(actor: &Actor, kim: &Kim) -> Access {
    if oversees(actor, &kim.area_path) {
        Access::Triage
    } else if actor.coordinator_kims.contains(&kim.id) {
        Access::ReadOnly
    } else {
        Access::None
    }
}

/// Whether an officer of agency `agency_id` is acting: they work the tickets sent
/// to their agency (see the aspirations' disposition), and nothing else.
pub fn works_for(actor: &Actor, agency_id: i64) -> bool {
    actor.agencies.contains(&agency_id)
}

/// Admins oversee everything; staff what lies under one of their areas.
fn oversees(actor: &Actor, path: &str) -> bool {
    actor.is_admin || actor.staff_areas.iter().any(|a| covers(a, path))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kernel::members::{KimId, UserId};

    fn kim(id: i64, path: &str) -> Kim {
        Kim { id: KimId(id), code: format!("K{id}"), name: format!("KIM {id}"), kelurahan_id: id, area_path: path.into() }
    }

    #[test]
    fn staff_oversee_their_area_and_nothing_beside_it() {
        let staff = Actor { user_id: UserId(2), staff_areas: vec!["Kota/Ilir Barat".into()], ..Actor::default() };
        let inside = kim(1, "Kota/Ilir Barat/Bukit Lama");
        let beside = kim(2, "Kota/Ilir Barat II/Siring Agung");
        assert!(may(&staff, Action::ManageKim(&inside)));
        assert!(may(&staff, Action::TriageTicket(&inside)));
        assert!(!may(&staff, Action::ManageKim(&beside)), "a path prefix that is not a parent area");
        assert!(!may(&staff, Action::ReadTicket(&beside)));
        assert!(may(&staff, Action::PullReports) && !may(&staff, Action::ReadAudit) && !may(&staff, Action::InviteStaff));
    }

    #[test]
    fn coordinators_manage_their_kim_and_only_read_its_tickets() {
        let coordinator = Actor { user_id: UserId(3), coordinator_kims: vec![KimId(1)], ..Actor::default() };
        let own = kim(1, "Kota/A/B");
        let other = kim(2, "Kota/A/C");
        assert!(may(&coordinator, Action::ManageKim(&own)) && !may(&coordinator, Action::ManageKim(&other)));
        assert_eq!(ticket_access(&coordinator, &own), Access::ReadOnly);
        assert!(!may(&coordinator, Action::TriageTicket(&own)));
        assert!(!may(&coordinator, Action::InviteCoordinator(&own)));
        assert!(may(&coordinator, Action::Announce) && may(&coordinator, Action::UseConsole));
        assert!(!may(&coordinator, Action::PullReports) && !may(&coordinator, Action::ManageFeeds));
    }

    #[test]
    fn residents_may_do_none_of_it_and_admins_all() {
        let resident = Actor { user_id: UserId(4), ..Actor::default() };
        let admin = Actor { user_id: UserId(5), is_admin: true, ..Actor::default() };
        let k = kim(1, "Kota/A/B");
        let kelurahan = Area { id: 9, kind: "kelurahan".into(), name: "B".into(), parent_id: Some(8), path: "Kota/A/B".into() };
        for action in [Action::ManageKim(&k), Action::Announce, Action::UseConsole, Action::ReadTicket(&k), Action::PullReports] {
            assert!(!may(&resident, action), "{action:?}");
            assert!(may(&admin, action), "{action:?}");
        }
        assert!(!may(&admin, Action::TargetArea(&kelurahan)), "kelurahan are reached through KIM targets");
    }
}
