//! Domain types of the UMKM registry: the closed lists a business chooses from, the
//! answers collected so far, and a complete registration. No Telegram types here.
//!
//! Every choice has a short stable code (stored in the database and carried in
//! button data) and a message key (what people read). Codes contain no `-` or `,`:
//! needs are stored comma-separated.

use serde::{Deserialize, Serialize};

/// Business sector, as the Dinas groups them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Sector {
    Kuliner,
    Fashion,
    Kriya,
    Jasa,
    Pertanian,
    Perdagangan,
    Lainnya,
}

impl Sector {
    pub const ALL: [Sector; 7] =
        [Sector::Kuliner, Sector::Fashion, Sector::Kriya, Sector::Jasa, Sector::Pertanian, Sector::Perdagangan, Sector::Lainnya];

    pub fn code(self) -> &'static str {
        match self {
            Sector::Kuliner => "kuliner",
            Sector::Fashion => "fashion",
            Sector::Kriya => "kriya",
            Sector::Jasa => "jasa",
            Sector::Pertanian => "pertanian",
            Sector::Perdagangan => "perdagangan",
            Sector::Lainnya => "lainnya",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Sector::Kuliner => "umkm-sector-kuliner",
            Sector::Fashion => "umkm-sector-fashion",
            Sector::Kriya => "umkm-sector-kriya",
            Sector::Jasa => "umkm-sector-jasa",
            Sector::Pertanian => "umkm-sector-pertanian",
            Sector::Perdagangan => "umkm-sector-perdagangan",
            Sector::Lainnya => "umkm-sector-lainnya",
        }
    }

    pub fn from_code(code: &str) -> Option<Sector> {
        Sector::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// Business scale in the sense of PP 7/2021 (explained to people in one line each).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Scale {
    Mikro,
    Kecil,
    Menengah,
}

impl Scale {
    pub const ALL: [Scale; 3] = [Scale::Mikro, Scale::Kecil, Scale::Menengah];

    pub fn code(self) -> &'static str {
        match self {
            Scale::Mikro => "mikro",
            Scale::Kecil => "kecil",
            Scale::Menengah => "menengah",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Scale::Mikro => "umkm-scale-mikro",
            Scale::Kecil => "umkm-scale-kecil",
            Scale::Menengah => "umkm-scale-menengah",
        }
    }

    /// The one-line explanation shown with the choice.
    pub fn hint_key(self) -> &'static str {
        match self {
            Scale::Mikro => "umkm-scale-mikro-hint",
            Scale::Kecil => "umkm-scale-kecil-hint",
            Scale::Menengah => "umkm-scale-menengah-hint",
        }
    }

    pub fn from_code(code: &str) -> Option<Scale> {
        Scale::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// What kind of help a business wants; several may be chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Need {
    Modal,
    Pelatihan,
    Pemasaran,
    Perizinan,
    Qris,
    Kemasan,
    Lainnya,
}

impl Need {
    pub const ALL: [Need; 7] =
        [Need::Modal, Need::Pelatihan, Need::Pemasaran, Need::Perizinan, Need::Qris, Need::Kemasan, Need::Lainnya];

    pub fn code(self) -> &'static str {
        match self {
            Need::Modal => "modal",
            Need::Pelatihan => "pelatihan",
            Need::Pemasaran => "pemasaran",
            Need::Perizinan => "perizinan",
            Need::Qris => "qris",
            Need::Kemasan => "kemasan",
            Need::Lainnya => "lainnya",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Need::Modal => "umkm-need-modal",
            Need::Pelatihan => "umkm-need-pelatihan",
            Need::Pemasaran => "umkm-need-pemasaran",
            Need::Perizinan => "umkm-need-perizinan",
            Need::Qris => "umkm-need-qris",
            Need::Kemasan => "umkm-need-kemasan",
            Need::Lainnya => "umkm-need-lainnya",
        }
    }

    pub fn from_code(code: &str) -> Option<Need> {
        Need::ALL.into_iter().find(|n| n.code() == code)
    }

    /// Needs as stored: codes in the fixed order of [`Need::ALL`], joined by `,`.
    /// A query matches one need with `(',' || needs || ',') LIKE '%,modal,%'`.
    pub fn join(needs: &[Need]) -> String {
        let mut sorted = needs.to_vec();
        sorted.sort();
        sorted.dedup();
        sorted.iter().map(|n| n.code()).collect::<Vec<_>>().join(",")
    }

    /// Parses a stored list; an unknown code means the row is not ours to trust.
    pub fn split(stored: &str) -> Option<Vec<Need>> {
        stored.split(',').filter(|c| !c.is_empty()).map(Need::from_code).collect()
    }
}

/// A kelurahan chosen for the business, with its name for display.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    pub id: i64,
    pub name: String,
}

/// Answers collected so far. Every field is already validated; `None` means not
/// answered yet (or, for NIB and description, skipped).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Form {
    pub owner: Option<String>,
    pub business: Option<String>,
    pub sector: Option<Sector>,
    pub scale: Option<Scale>,
    pub kelurahan: Option<Place>,
    pub phone: Option<String>,
    pub nib: Option<String>,
    #[serde(default)]
    pub needs: Vec<Need>,
    pub description: Option<String>,
}

impl Form {
    /// Adds the need if absent, removes it if present; keeps [`Need::ALL`] order.
    pub fn toggle(&mut self, need: Need) {
        match self.needs.iter().position(|n| *n == need) {
            Some(i) => {
                self.needs.remove(i);
            }
            None => {
                self.needs.push(need);
                self.needs.sort();
            }
        }
    }

    /// The registration, when every required answer is there.
    pub fn complete(&self) -> Option<Registration> {
        Some(Registration {
            owner: self.owner.clone()?,
            business: self.business.clone()?,
            sector: self.sector?,
            scale: self.scale?,
            kelurahan: self.kelurahan.clone()?,
            phone: self.phone.clone()?,
            nib: self.nib.clone(),
            needs: Some(self.needs.clone()).filter(|n| !n.is_empty())?,
            description: self.description.clone(),
        })
    }
}

/// A complete registration, ready to store or show.
#[derive(Clone, Debug, PartialEq)]
pub struct Registration {
    pub owner: String,
    pub business: String,
    pub sector: Sector,
    pub scale: Scale,
    pub kelurahan: Place,
    /// `+62…`, see [`super::validate::phone`].
    pub phone: String,
    pub nib: Option<String>,
    pub needs: Vec<Need>,
    pub description: Option<String>,
}

impl From<Registration> for Form {
    fn from(r: Registration) -> Form {
        Form {
            owner: Some(r.owner),
            business: Some(r.business),
            sector: Some(r.sector),
            scale: Some(r.scale),
            kelurahan: Some(r.kelurahan),
            phone: Some(r.phone),
            nib: r.nib,
            needs: r.needs,
            description: r.description,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_are_safe_to_join() {
        for s in Sector::ALL {
            assert_eq!(Sector::from_code(s.code()), Some(s));
        }
        for s in Scale::ALL {
            assert_eq!(Scale::from_code(s.code()), Some(s));
        }
        for n in Need::ALL {
            assert_eq!(Need::from_code(n.code()), Some(n));
            assert!(!n.code().contains(',') && !n.code().contains('-'));
        }
    }

    #[test]
    fn needs_are_stored_in_a_fixed_order_without_duplicates() {
        let cases: [(&[Need], &str); 3] = [
            (&[Need::Qris, Need::Modal, Need::Qris], "modal,qris"),
            (&[Need::Lainnya], "lainnya"),
            (&[], ""),
        ];
        for (needs, stored) in cases {
            assert_eq!(Need::join(needs), stored);
            let mut want = needs.to_vec();
            want.sort();
            want.dedup();
            assert_eq!(Need::split(stored), Some(want));
        }
        assert_eq!(Need::split("modal,uang"), None);
    }

    #[test]
    fn toggling_a_need_twice_leaves_the_form_as_it_was() {
        let mut form = Form { needs: vec![Need::Modal], ..Form::default() };
        form.toggle(Need::Kemasan);
        form.toggle(Need::Pelatihan);
        assert_eq!(form.needs, vec![Need::Modal, Need::Pelatihan, Need::Kemasan]);
        form.toggle(Need::Pelatihan);
        form.toggle(Need::Kemasan);
        assert_eq!(form.needs, vec![Need::Modal]);
    }

    #[test]
    fn a_form_is_complete_only_with_every_required_answer_and_one_need() {
        let place = Place { id: 3, name: "Bukit Lama".into() };
        let mut form = Form {
            owner: Some("Siti".into()),
            business: Some("Pempek Siti".into()),
            sector: Some(Sector::Kuliner),
            scale: Some(Scale::Mikro),
            kelurahan: Some(place),
            phone: Some("+6281234567890".into()),
            ..Form::default()
        };
        assert!(form.complete().is_none(), "no need chosen");
        form.toggle(Need::Modal);
        let reg = form.complete().expect("complete");
        assert_eq!(Form::from(reg), form);
        form.phone = None;
        assert!(form.complete().is_none());
    }
}
