//! Programme domain: what a programme offers and to whom, the states of an
//! application, the reasons a business may not apply, and the application numbers.
//! Plain Rust, no Telegram or SQL.

use serde::{Deserialize, Serialize};

use crate::features::surveys::model::Question;
use crate::features::umkm::model::{Scale, Sector};

use crate::platform::delivery::outbox::SourceKind;
use crate::platform::ids::id;

id!(
    /// A programme's id (`programmes.id`), so a programme, an application and a
    /// person are not mixed up.
    pub ProgrammeId
);

/// Outbox sources (spelt in two parts so the message-key check does not read them
/// as keys): a group application's notices to its lead, a decision to the
/// applicant, an invitation to an owner, and a post in a group.
pub const GROUP_SOURCE: SourceKind = SourceKind::new(concat!("programme", "-group"));
pub const DECISION_SOURCE: SourceKind = SourceKind::new(concat!("programme", "-decision"));
pub const INVITE_SOURCE: SourceKind = SourceKind::new(concat!("programme", "-invite"));
pub const POST_SOURCE: SourceKind = SourceKind::new(concat!("programme", "-post"));

/// What kind of help a programme gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Kind {
    Modal,
    Pendampingan,
    Sertifikasi,
    Nib,
    Kur,
    Pameran,
}

impl Kind {
    pub const ALL: [Kind; 6] = [Kind::Modal, Kind::Pendampingan, Kind::Sertifikasi, Kind::Nib, Kind::Kur, Kind::Pameran];

    pub fn code(self) -> &'static str {
        match self {
            Kind::Modal => "modal",
            Kind::Pendampingan => "pendampingan",
            Kind::Sertifikasi => "sertifikasi",
            Kind::Nib => "nib",
            Kind::Kur => "kur",
            Kind::Pameran => "pameran",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Kind::Modal => "prg-kind-modal",
            Kind::Pendampingan => "prg-kind-pendampingan",
            Kind::Sertifikasi => "prg-kind-sertifikasi",
            Kind::Nib => "prg-kind-nib",
            Kind::Kur => "prg-kind-kur",
            Kind::Pameran => "prg-kind-pameran",
        }
    }

    pub fn from_code(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// How recipients are chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Selection {
    /// Staff accept, waitlist or reject each application.
    Review,
    /// The first `quota` complete applications are accepted at once, later ones waitlisted.
    FirstCome,
}

impl Selection {
    pub fn code(self) -> &'static str {
        match self {
            Selection::Review => "review",
            Selection::FirstCome => "first_come",
        }
    }

    pub fn from_code(code: &str) -> Option<Selection> {
        [Selection::Review, Selection::FirstCome].into_iter().find(|s| s.code() == code)
    }
}

/// Where an application stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AppStatus {
    /// A group application waiting for its members.
    Forming,
    Submitted,
    Accepted,
    Waitlisted,
    Rejected,
    Withdrawn,
}

impl AppStatus {
    pub const ALL: [AppStatus; 6] =
        [AppStatus::Forming, AppStatus::Submitted, AppStatus::Accepted, AppStatus::Waitlisted, AppStatus::Rejected, AppStatus::Withdrawn];

    pub fn code(self) -> &'static str {
        match self {
            AppStatus::Forming => "forming",
            AppStatus::Submitted => "submitted",
            AppStatus::Accepted => "accepted",
            AppStatus::Waitlisted => "waitlisted",
            AppStatus::Rejected => "rejected",
            AppStatus::Withdrawn => "withdrawn",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            AppStatus::Forming => "prg-status-forming",
            AppStatus::Submitted => "prg-status-submitted",
            AppStatus::Accepted => "prg-status-accepted",
            AppStatus::Waitlisted => "prg-status-waitlisted",
            AppStatus::Rejected => "prg-status-rejected",
            AppStatus::Withdrawn => "prg-status-withdrawn",
        }
    }

    pub fn from_code(code: &str) -> Option<AppStatus> {
        AppStatus::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Still in the running: the applicant may withdraw, staff may decide.
    pub fn is_live(self) -> bool {
        matches!(self, AppStatus::Forming | AppStatus::Submitted | AppStatus::Accepted | AppStatus::Waitlisted)
    }
}

/// Who may apply: every list empty means "any".
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Eligibility {
    #[serde(default)]
    pub sectors: Vec<Sector>,
    #[serde(default)]
    pub scales: Vec<Scale>,
    /// A kecamatan name inside the programme's area; `None`: the whole area.
    #[serde(default)]
    pub kecamatan: Option<String>,
    #[serde(default)]
    pub nib_required: bool,
    /// 0: individuals; N: groups of at least N members.
    #[serde(default)]
    pub group_min: i64,
}

/// A programme as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct Programme {
    pub id: ProgrammeId,
    pub area_path: String,
    pub agency_id: Option<i64>,
    pub organiser: String,
    pub name: String,
    pub kind: Kind,
    pub description: String,
    pub who: Eligibility,
    pub quota: i64,
    pub accepted: i64,
    pub opens_at: i64,
    pub closes_at: i64,
    pub selection: Selection,
    pub questions: Vec<Question>,
    pub follow_up_days: i64,
    pub follow_up_survey: Option<crate::features::surveys::model::SurveyId>,
    pub created_by: i64,
    pub created_at: i64,
}

impl Programme {
    pub fn is_open(&self, now: i64) -> bool {
        self.opens_at <= now && now < self.closes_at
    }

    pub fn is_group(&self) -> bool {
        self.who.group_min > 1
    }
}

/// The business an application is made for, read from the UMKM registration.
#[derive(Clone, Debug, PartialEq)]
pub struct Business {
    pub owner_name: String,
    pub business_name: String,
    pub sector: Sector,
    pub scale: Scale,
    pub kelurahan: String,
    /// The kelurahan's area path (`Kota/Kecamatan/Kelurahan`).
    pub area_path: String,
    pub has_nib: bool,
}

impl Business {
    pub fn kecamatan(&self) -> &str {
        self.area_path.split('/').nth(1).unwrap_or("")
    }
}

/// Why a business may not apply; each is told to the resident by its key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    NotOpen,
    OutsideArea,
    Sector,
    Scale,
    Kecamatan,
    Nib,
}

impl Refusal {
    pub fn key(self) -> &'static str {
        match self {
            Refusal::NotOpen => "prg-refuse-closed",
            Refusal::OutsideArea => "prg-refuse-area",
            Refusal::Sector => "prg-refuse-sector",
            Refusal::Scale => "prg-refuse-scale",
            Refusal::Kecamatan => "prg-refuse-kecamatan",
            Refusal::Nib => "prg-refuse-nib",
        }
    }
}

/// Every reason `b` may not apply to `p` at `now` (empty: it may).
pub fn refusals(p: &Programme, b: &Business, now: i64) -> Vec<Refusal> {
    let mut out = Vec::new();
    if !p.is_open(now) {
        out.push(Refusal::NotOpen);
    }
    if !crate::kernel::members::covers(&p.area_path, &b.area_path) {
        out.push(Refusal::OutsideArea);
    }
    if !p.who.sectors.is_empty() && !p.who.sectors.contains(&b.sector) {
        out.push(Refusal::Sector);
    }
    if !p.who.scales.is_empty() && !p.who.scales.contains(&b.scale) {
        out.push(Refusal::Scale);
    }
    if p.who.kecamatan.as_deref().is_some_and(|k| k != b.kecamatan()) {
        out.push(Refusal::Kecamatan);
    }
    if p.who.nib_required && !b.has_nib {
        out.push(Refusal::Nib);
    }
    out
}

/// Sector codes joined by `,` (as stored).
pub fn join_sectors(s: &[Sector]) -> String {
    s.iter().map(|x| x.code()).collect::<Vec<_>>().join(",")
}

pub fn split_sectors(s: &str) -> Vec<Sector> {
    s.split(',').filter_map(Sector::from_code).collect()
}

pub fn join_scales(s: &[Scale]) -> String {
    s.iter().map(|x| x.code()).collect::<Vec<_>>().join(",")
}

pub fn split_scales(s: &str) -> Vec<Scale> {
    s.split(',').filter_map(Scale::from_code).collect()
}

/// `PRG-2026-000123`: year of application and a per-year sequence.
pub fn number(year: i32, seq: i64) -> String {
    format!("PRG-{year}-{seq:06}")
}

/// A group's join code: six letters and digits without look-alikes (0/O, 1/I).
pub fn join_code() -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    (0..6).map(|_| ALPHABET[rand::random_range(0..ALPHABET.len())] as char).collect()
}

/// A typed join code, normalised; `None` when it cannot be one.
pub fn parse_join_code(typed: &str) -> Option<String> {
    let code = typed.trim().to_uppercase();
    (code.len() == 6 && code.chars().all(|c| c.is_ascii_alphanumeric())).then_some(code)
}

/// The deep-link payload of a programme's "Daftar" (`prg_<id>`).
pub const LINK_PREFIX: &str = "prg_";

pub fn link_payload(id: i64) -> String {
    format!("{LINK_PREFIX}{id}")
}

pub fn parse_link(payload: &str) -> Option<i64> {
    payload.strip_prefix(LINK_PREFIX)?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn programme_sources_keep_the_strings_already_stored() {
        assert_eq!(GROUP_SOURCE.of(3).to_string(), "programme-group:3");
        assert_eq!(DECISION_SOURCE.of(3).to_string(), "programme-decision:3");
        assert_eq!(INVITE_SOURCE.of(3).to_string(), "programme-invite:3");
        assert_eq!(POST_SOURCE.of(3).to_string(), "programme-post:3");
    }

    fn programme() -> Programme {
        Programme {
            id: ProgrammeId(1),
            area_path: "Kota Palembang".into(),
            agency_id: None,
            organiser: "Dinas Koperasi dan UMKM".into(),
            name: "Modal Kuliner".into(),
            kind: Kind::Modal,
            description: String::new(),
            who: Eligibility { sectors: vec![Sector::Kuliner], scales: vec![Scale::Mikro], ..Eligibility::default() },
            quota: 2,
            accepted: 0,
            opens_at: 100,
            closes_at: 200,
            selection: Selection::Review,
            questions: Vec::new(),
            follow_up_days: 0,
            follow_up_survey: None,
            created_by: 1,
            created_at: 100,
        }
    }

    fn business(sector: Sector, scale: Scale, path: &str, nib: bool) -> Business {
        Business {
            owner_name: "Ani".into(),
            business_name: "Pempek Ani".into(),
            sector,
            scale,
            kelurahan: "Bukit Lama".into(),
            area_path: path.into(),
            has_nib: nib,
        }
    }

    #[test]
    fn each_unmet_rule_is_a_reason_of_its_own() {
        let p = programme();
        let here = "Kota Palembang/Ilir Barat I/Bukit Lama";
        let cases = [
            (business(Sector::Kuliner, Scale::Mikro, here, false), 150, vec![]),
            (business(Sector::Fashion, Scale::Mikro, here, false), 150, vec![Refusal::Sector]),
            (business(Sector::Kuliner, Scale::Kecil, here, false), 150, vec![Refusal::Scale]),
            (business(Sector::Kuliner, Scale::Mikro, "Kota Lain/X/Y", false), 150, vec![Refusal::OutsideArea]),
            (business(Sector::Kuliner, Scale::Mikro, here, false), 200, vec![Refusal::NotOpen]),
        ];
        for (b, now, want) in cases {
            assert_eq!(refusals(&p, &b, now), want, "{b:?} at {now}");
        }
        let strict = Programme { who: Eligibility { nib_required: true, kecamatan: Some("Sukarami".into()), ..p.who.clone() }, ..p };
        let b = business(Sector::Kuliner, Scale::Mikro, here, false);
        assert_eq!(refusals(&strict, &b, 150), vec![Refusal::Kecamatan, Refusal::Nib]);
    }

    #[test]
    fn numbers_and_codes_have_their_shapes() {
        assert_eq!(number(2026, 123), "PRG-2026-000123");
        let code = join_code();
        assert_eq!(parse_join_code(&code.to_lowercase()), Some(code));
        assert_eq!(parse_join_code("AB"), None);
        assert_eq!(parse_link(&link_payload(42)), Some(42));
        assert_eq!(Selection::from_code("first_come"), Some(Selection::FirstCome));
    }
}
