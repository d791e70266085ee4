//! Button payloads of `/laporan` (after the router's `r:` prefix). Parsed strictly:
//! anything else is a forged or stale press. Ids are only claims; the handlers
//! check each against the presser's scope.

use crate::platform::export::period::Preset;
use crate::bot::feature::Payload;
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

impl Payload for Btn {
    const PREFIX: &'static str = "r";

    fn data(&self) -> String {
        match self {
            Btn::Preset(Preset::ThisWeek) => "p:w".into(),
            Btn::Preset(Preset::ThisMonth) => "p:m".into(),
            Btn::Preset(Preset::LastMonth) => "p:l".into(),
            Btn::Custom => "p:c".into(),
            Btn::Area(id) => format!("a:{id}"),
            Btn::All => "all".into(),
            Btn::Kind(Kind::Umkm) => "k:u".into(),
            Btn::Kind(Kind::Attendance) => "k:t".into(),
            Btn::Kind(Kind::Surveys) => "k:s".into(),
            Btn::Kind(Kind::Period(code)) => format!("k:{code}"),
            Btn::UmkmArea(id) => format!("ua:{id}"),
            Btn::UmkmSector(id, s) => format!("us:{id}:{}", opt(*s)),
            Btn::UmkmNeed(id, s, n) => format!("un:{id}:{}:{}", opt(*s), opt(*n)),
            Btn::TrainingPage(p) => format!("tp:{p}"),
            Btn::Training(id) => format!("tr:{id}"),
            Btn::SurveyPage(p) => format!("sp:{p}"),
            Btn::Survey(id) => format!("sv:{id}"),
        }
    }

    fn parse(data: &str) -> Option<Btn> {
        Some(match data {
            "p:w" => Btn::Preset(Preset::ThisWeek),
            "p:m" => Btn::Preset(Preset::ThisMonth),
            "p:l" => Btn::Preset(Preset::LastMonth),
            "p:c" => Btn::Custom,
            "all" => Btn::All,
            "k:u" => Btn::Kind(Kind::Umkm),
            "k:t" => Btn::Kind(Kind::Attendance),
            "k:s" => Btn::Kind(Kind::Surveys),
            _ => match data.strip_prefix("k:") {
                Some(code) if is_period_code(code) => Btn::Kind(Kind::Period(code.to_string())),
                _ => return parse_with_ids(data),
            },
        })
    }
}

/// A period report's button code: one to three lower-case letters.
fn is_period_code(code: &str) -> bool {
    (1..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase())
}

/// Payloads carrying ids: `a:`, `ua:`, `us:`, `un:`, `tp:`, `tr:`, `sp:`, `sv:`.
fn parse_with_ids(data: &str) -> Option<Btn> {
    let parts: Vec<&str> = data.split(':').collect();
    let id = |i: usize| parts.get(i).and_then(|s| positive(s));
    let choice = |i: usize, len: usize| parts.get(i).and_then(|s| parse_opt(s, len));
    Some(match (parts[0], parts.len()) {
        ("a", 2) => Btn::Area(id(1)?),
        ("ua", 2) => Btn::UmkmArea(id(1)?),
        ("us", 3) => Btn::UmkmSector(id(1)?, choice(2, Sector::ALL.len())?),
        ("un", 4) => Btn::UmkmNeed(id(1)?, choice(2, Sector::ALL.len())?, choice(3, Need::ALL.len())?),
        ("tp", 2) if parts[1] == "0" => Btn::TrainingPage(0),
        ("tp", 2) => Btn::TrainingPage(id(1)?),
        ("tr", 2) => Btn::Training(id(1)?),
        ("sp", 2) if parts[1] == "0" => Btn::SurveyPage(0),
        ("sp", 2) => Btn::SurveyPage(id(1)?),
        ("sv", 2) => Btn::Survey(id(1)?),
        _ => return None,
    })
}

/// A positive decimal id, digits only.
fn positive(s: &str) -> Option<i64> {
    s.bytes().all(|b| b.is_ascii_digit()).then(|| s.parse().ok()).flatten().filter(|n: &i64| *n > 0)
}

/// `-` for "any", or an index below `len`; `Some(None)` is "any".
fn parse_opt(s: &str, len: usize) -> Option<Option<u8>> {
    if s == "-" {
        return Some(None);
    }
    let i: u8 = s.bytes().all(|b| b.is_ascii_digit()).then(|| s.parse().ok()).flatten()?;
    (usize::from(i) < len).then_some(Some(i))
}

fn opt(i: Option<u8>) -> String {
    i.map_or_else(|| "-".into(), |i| i.to_string())
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
