//! Whom a message to many is for, as stored with an announcement, poll, survey or
//! alert: the [`Target`] kinds and their stored form (`kind` + `reference`
//! columns, kept as they were when this lived in announcements, so rows and
//! dialogue states written before still load), who may address groups at all,
//! and the common area of several groups.

use serde::{Deserialize, Serialize};

use crate::features::umkm::model::{Need, Sector};
use crate::kernel::members::Actor;
use crate::kernel::members::permissions::{Action, may};

/// Whom an announcement, poll or survey is for. Resolved to active linked groups each time it fires,
/// so a group linked later is included and a group that left is not.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Target {
    /// Every group of one KIM.
    Kim(i64),
    /// Chosen groups (chat ids).
    Groups(Vec<i64>),
    /// Every group of every KIM in a kecamatan or kota (staff).
    Area(i64),
    /// Registered UMKM in an area (staff), in their private chats, optionally only
    /// one sector and one need; only owners who agreed to programme news.
    Umkm(UmkmFilter),
}

/// Which registered businesses a [`Target::Umkm`] reaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UmkmFilter {
    /// A kecamatan or kota.
    pub area: i64,
    pub sector: Option<Sector>,
    pub need: Option<Need>,
}

impl UmkmFilter {
    /// `area:sector:need`, `-` for "any".
    fn reference(&self) -> String {
        let sector = self.sector.map(Sector::code).unwrap_or("-");
        let need = self.need.map(Need::code).unwrap_or("-");
        format!("{}:{sector}:{need}", self.area)
    }

    fn parse(reference: &str) -> Option<UmkmFilter> {
        let [area, sector, need] = reference.split(':').collect::<Vec<_>>()[..] else { return None };
        Some(UmkmFilter {
            area: area.parse().ok().filter(|n| *n > 0)?,
            sector: match sector {
                "-" => None,
                code => Some(Sector::from_code(code)?),
            },
            need: match need {
                "-" => None,
                code => Some(Need::from_code(code)?),
            },
        })
    }
}

impl Target {
    pub fn kind(&self) -> &'static str {
        match self {
            Target::Kim(_) => "kim",
            Target::Groups(_) => "groups",
            Target::Area(_) => "area",
            Target::Umkm(_) => "umkm",
        }
    }

    pub fn reference(&self) -> String {
        match self {
            Target::Kim(id) | Target::Area(id) => id.to_string(),
            Target::Groups(ids) => ids.iter().map(i64::to_string).collect::<Vec<_>>().join(","),
            Target::Umkm(filter) => filter.reference(),
        }
    }

    pub fn parse(kind: &str, reference: &str) -> Option<Target> {
        match kind {
            "kim" => reference.parse().ok().map(Target::Kim),
            "area" => reference.parse().ok().map(Target::Area),
            "umkm" => UmkmFilter::parse(reference).map(Target::Umkm),
            "groups" => reference.split(',').map(|s| s.parse().ok()).collect::<Option<Vec<i64>>>().map(Target::Groups),
            _ => None,
        }
    }
}

/// Coordinators, staff and admins announce; residents do not.
pub fn can_announce(actor: &Actor) -> bool {
    may(actor, Action::Announce)
}

/// The longest common area path of several (`Kota/Kec/Kel` and `Kota/Kec/Kel2` →
/// `Kota/Kec`), the scope that covers every group of a multi-KIM pick.
pub fn common_path<'a>(paths: impl IntoIterator<Item = &'a str>) -> String {
    let mut iter = paths.into_iter();
    let Some(first) = iter.next() else { return String::new() };
    let mut common: Vec<&str> = first.split('/').collect();
    for path in iter {
        let same = common.iter().zip(path.split('/')).take_while(|(a, b)| *a == b).count();
        common.truncate(same);
    }
    common.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_round_trip_through_their_stored_form() {
        for target in [Target::Kim(3), Target::Area(9), Target::Groups(vec![-100_123, -5])] {
            assert_eq!(Target::parse(target.kind(), &target.reference()), Some(target.clone()));
        }
        assert_eq!(Target::parse("groups", "-1,x"), None);
        assert_eq!(Target::parse("umkm", "1"), None);
        let umkm = Target::Umkm(UmkmFilter { area: 4, sector: Some(Sector::Kuliner), need: None });
        assert_eq!(umkm.reference(), "4:kuliner:-");
        assert_eq!(Target::parse("umkm", &umkm.reference()), Some(umkm));
        let any = Target::Umkm(UmkmFilter { area: 4, sector: None, need: Some(Need::Qris) });
        assert_eq!(Target::parse("umkm", &any.reference()), Some(any));
        for forged in ["0:-:-", "4:kapal:-", "4:-:uang", "4:-", "x:-:-"] {
            assert_eq!(Target::parse("umkm", forged), None, "{forged}");
        }
    }

    #[test]
    fn common_paths_stop_where_paths_differ() {
        assert_eq!(common_path(["K/A/X", "K/A/Y"]), "K/A");
        assert_eq!(common_path(["K/A/X"]), "K/A/X");
        assert_eq!(common_path(["K/A/X", "K/B/X"]), "K");
    }
}
