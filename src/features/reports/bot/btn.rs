//! Button payloads of `/laporan` (after the router's `r:` prefix). Parsed strictly:
//! anything else is a forged or stale press. Ids are only claims; the handlers
//! check each against the presser's scope.

use crate::platform::export::period::Preset;
use crate::platform::buttons::{Choice, Field, Positive, payload_codec};
#[cfg(test)]
use crate::platform::buttons::Payload;
use crate::features::umkm::model::{Need, Sector};

/// Button payloads (after the router's `r:` prefix).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Btn {
    Preset(Preset),
    Custom,
    /// An area inside the presser's scope.
    Area(i64),
    /// Everything (admins only).
    All,
    /// First step: which kind of report.
    Kind(Kind),
    /// UMKM registry: an area inside the presser's scope.
    UmkmArea(i64),
    /// UMKM registry: area, then a sector index into `Sector::ALL` (None: any).
    UmkmSector(i64, Option<u8>),
    /// UMKM registry: area, sector, then a need index into `Need::ALL` (None: any).
    UmkmNeed(i64, Option<u8>, Option<u8>),
    /// Attendance: a page of the trainings list.
    TrainingPage(i64),
    /// Attendance: this training.
    Training(i64),
    /// Surveys: a page of the list (from 0).
    SurveyPage(i64),
    /// Surveys: this survey.
    Survey(i64),
}

/// The reports `/laporan` offers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    Umkm,
    Attendance,
    Surveys,
    /// A report over a period and an area, by its declared button code
    /// ([`crate::platform::export::kinds::PeriodReport::button`]); the handler checks
    /// that such a report is declared.
    Period(String),
}

impl Field for Preset {
    type Value = Preset;
    fn to_wire(value: &Preset) -> String {
        match value {
            Preset::ThisWeek => "w",
            Preset::ThisMonth => "m",
            Preset::LastMonth => "l",
        }
        .into()
    }
    fn from_wire(part: &str) -> Option<Preset> {
        Some(match part {
            "w" => Preset::ThisWeek,
            "m" => Preset::ThisMonth,
            "l" => Preset::LastMonth,
            _ => return None,
        })
    }
}

impl Field for Kind {
    type Value = Kind;
    fn to_wire(value: &Kind) -> String {
        match value {
            Kind::Umkm => "u".into(),
            Kind::Attendance => "t".into(),
            Kind::Surveys => "s".into(),
            Kind::Period(code) => code.clone(),
        }
    }
    fn from_wire(part: &str) -> Option<Kind> {
        Some(match part {
            "u" => Kind::Umkm,
            "t" => Kind::Attendance,
            "s" => Kind::Surveys,
            code if is_period_code(code) => Kind::Period(code.to_string()),
            _ => return None,
        })
    }
}

/// Indexes into `Sector::ALL` / `Need::ALL`, `-` for "any".
type SectorChoice = Choice<'-', { Sector::ALL.len() }>;
type NeedChoice = Choice<'-', { Need::ALL.len() }>;

payload_codec! {
    Btn = "r";
    Preset(preset: Preset) = "p",
    Custom = "p:c",
    Area(id: Positive) = "a",
    All = "all",
    Kind(kind: Kind) = "k",
    UmkmArea(id: Positive) = "ua",
    UmkmSector(id: Positive, sector: SectorChoice) = "us",
    UmkmNeed(id: Positive, sector: SectorChoice, need: NeedChoice) = "un",
    TrainingPage(page: i64) = "tp",
    Training(id: Positive) = "tr",
    SurveyPage(page: i64) = "sp",
    Survey(id: Positive) = "sv",
}

/// A period report's button code: one to three lower-case letters.
fn is_period_code(code: &str) -> bool {
    (1..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase())
}





#[cfg(test)]
mod tests {
    use super::*;
    
    #[test]
    fn payloads_round_trip_and_forgeries_fail() {
        let all = [
            Btn::Preset(Preset::ThisWeek),
            Btn::Preset(Preset::LastMonth),
            Btn::Custom,
            Btn::Area(42),
            Btn::All,
            Btn::Kind(Kind::Umkm),
            Btn::Kind(Kind::Attendance),
            Btn::Kind(Kind::Period("a".into())),
            Btn::Kind(Kind::Period("f".into())),
            Btn::UmkmArea(i64::MAX),
            Btn::UmkmSector(7, None),
            Btn::UmkmNeed(i64::MAX, Some(6), Some(6)),
            Btn::TrainingPage(0),
            Btn::TrainingPage(3),
            Btn::Training(i64::MAX),
            Btn::Kind(Kind::Surveys),
            Btn::Survey(i64::MAX),
            Btn::SurveyPage(0),
            Btn::SurveyPage(2),
            Btn::SurveyPage(i64::MAX),
        ];
        crate::bot::feature::assert_round_trip(&all);
        // Today's wire strings: buttons already sent in chats must keep parsing.
        crate::platform::buttons::assert_wire(&all, &["r:p:w", "r:p:l", "r:p:c", "r:a:42", "r:all", "r:k:u", "r:k:t", "r:k:a", "r:k:f", "r:ua:9223372036854775807", "r:us:7:-", "r:un:9223372036854775807:6:6", "r:tp:0", "r:tp:3", "r:tr:9223372036854775807", "r:k:s", "r:sv:9223372036854775807", "r:sp:0", "r:sp:2", "r:sp:9223372036854775807"]);
        for bad in ["", "p:x", "a:-1", "a:0", "a:x", "a:1:2", "alll", "k:", "k:abcd", "k:A", "k:1", "ua:0", "us:1:7", "us:1", "un:1:-:9", "un:1:+1:-", "tp:-1", "tr:0", "tr:1:2", "sv:0", "sv:x", "sp:-1", "sp:00", "sp:+1", "sp:1:2", "sp:9223372036854775808"] {
            assert_eq!(Btn::parse(bad), None, "{bad}");
        }
    }
}
