//! Whom a message to many is for, as stored with an announcement, poll, survey or
//! alert: the [`Target`] kinds and their stored form (`kind` + `reference`
//! columns, kept as they were when this lived in announcements, so rows and
//! dialogue states written before still load), who may address groups at all,
//! and the common area of several groups. A UMKM target is a [`segment`](super::segment):
//! its facets are stored as codes and resolved by the feature that declared it.

use serde::{Deserialize, Serialize};

use super::segment::{Pick, parse_pick};
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

/// The stored kind of a [`Target::Umkm`], the segment that resolves it.
pub const UMKM: &str = "umkm";

/// Which members of the UMKM segment a [`Target::Umkm`] reaches: an area and, when
/// picked, one code of each of the segment's two facets (sector, need).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UmkmFilter {
    /// A kecamatan or kota.
    pub area: i64,
    pub sector: Option<Pick>,
    pub need: Option<Pick>,
}

impl UmkmFilter {
    /// `area:sector:need`, `-` for "any".
    fn reference(&self) -> String {
        let sector = self.sector.as_ref().map(Pick::code).unwrap_or("-");
        let need = self.need.as_ref().map(Pick::code).unwrap_or("-");
        format!("{}:{sector}:{need}", self.area)
    }

    /// A code the segment does not know parses, and reaches no one.
    fn parse(reference: &str) -> Option<UmkmFilter> {
        let [area, sector, need] = reference.split(':').collect::<Vec<_>>()[..] else { return None };
        Some(UmkmFilter { area: area.parse().ok().filter(|n| *n > 0)?, sector: parse_pick(sector)?, need: parse_pick(need)? })
    }
}

impl Target {
    pub fn kind(&self) -> &'static str {
        match self {
            Target::Kim(_) => "kim",
            Target::Groups(_) => "groups",
            Target::Area(_) => "area",
            Target::Umkm(_) => UMKM,
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
            UMKM => UmkmFilter::parse(reference).map(Target::Umkm),
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
        let umkm = Target::Umkm(UmkmFilter { area: 4, sector: Some(Pick::new("kuliner")), need: None });
        assert_eq!(umkm.reference(), "4:kuliner:-");
        assert_eq!(Target::parse("umkm", &umkm.reference()), Some(umkm));
        let any = Target::Umkm(UmkmFilter { area: 4, sector: None, need: Some(Pick::new("qris")) });
        assert_eq!(Target::parse("umkm", &any.reference()), Some(any));
        for forged in ["0:-:-", "4:Kapal:-", "4:-:1", "4:-", "x:-:-"] {
            assert_eq!(Target::parse("umkm", forged), None, "{forged}");
        }
    }

    /// Targets as dialogue states and rows held them before the UMKM filter became a
    /// segment (when it held the umkm feature's own `Sector` and `Need`): they load,
    /// and are written back byte for byte.
    #[test]
    fn targets_stored_before_the_segment_load_and_are_written_alike() {
        let stored = [
            r#"{"Umkm":{"area":4,"sector":"Kuliner","need":null}}"#,
            r#"{"Umkm":{"area":4,"sector":null,"need":"Qris"}}"#,
            r#"{"Umkm":{"area":7,"sector":"Perdagangan","need":"Pelatihan"}}"#,
            r#"{"Kim":3}"#,
            r#"{"Groups":[-100123,-5]}"#,
            r#"{"Area":9}"#,
        ];
        for json in stored {
            let target: Target = serde_json::from_str(json).expect(json);
            assert_eq!(serde_json::to_string(&target).unwrap(), json);
        }
        let target: Target = serde_json::from_str(stored[2]).unwrap();
        assert_eq!((target.kind(), target.reference().as_str()), ("umkm", "7:perdagangan:pelatihan"));
    }

    #[test]
    fn common_paths_stop_where_paths_differ() {
        assert_eq!(common_path(["K/A/X", "K/A/Y"]), "K/A");
        assert_eq!(common_path(["K/A/X"]), "K/A/X");
        assert_eq!(common_path(["K/A/X", "K/B/X"]), "K");
    }
}
