//! Segments: people (not groups) a feature lets staff address in their private
//! chats, narrowed by two facets — the UMKM registry's owners by sector and need.
//! The kernel keeps the stored form ([`UmkmFilter`](super::UmkmFilter) inside
//! [`Target::Umkm`](super::Target)) and asks the [`Segment`] its feature declares
//! (`Feature::with_audience_segment`) for the people and the words, so it names no
//! feature. The app installs the declarations once at start ([`install`]): targets are
//! resolved and said in many places that hold no context to hand them through.

use std::future::Future;
use std::pin::Pin;
use std::sync::OnceLock;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::kernel::members::Kim;
use crate::platform::db::{Db, DbResult};
use crate::platform::i18n::Lang;

/// One pick of a facet, as stored: its code (`kuliner`) in the `reference` column, and
/// in serde JSON the name the feature's own enum had when the filter held it
/// (`Kuliner`), so dialogue states written before still load and are written alike.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Pick(String);

impl Pick {
    /// A pick of `code` (lower-case, as a feature's codes are).
    pub fn new(code: &str) -> Pick {
        Pick(code.to_ascii_lowercase())
    }

    pub fn code(&self) -> &str {
        &self.0
    }

    /// A code as stored in a reference: lower-case letters and `_` only.
    fn parse(code: &str) -> Option<Pick> {
        (!code.is_empty() && code.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')).then(|| Pick(code.to_string()))
    }
}

impl Serialize for Pick {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut chars = self.0.chars();
        let name: String = chars.next().map(|c| c.to_ascii_uppercase()).into_iter().chain(chars).collect();
        serializer.serialize_str(&name)
    }
}

impl<'de> Deserialize<'de> for Pick {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Pick, D::Error> {
        let name = String::deserialize(deserializer)?;
        Pick::parse(&name.to_ascii_lowercase()).ok_or_else(|| serde::de::Error::custom("not a facet code"))
    }
}

/// `Kuliner`-style JSON name or `kuliner`-style reference code, for a stored
/// reference's `-` ("any") or a code.
pub(super) fn parse_pick(code: &str) -> Option<Option<Pick>> {
    match code {
        "-" => Some(None),
        code => Pick::parse(code).map(Some),
    }
}

/// Someone a segment reaches, as a private-chat target titled in the segment's terms
/// (the business name).
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub user_id: i64,
    pub title: String,
    pub kim: Kim,
}

/// People matching a segment's picks, being read.
pub type Reach<'a> = Pin<Box<dyn Future<Output = DbResult<Vec<Member>>> + Send + 'a>>;

/// A segment a feature declares: the stored target kind it answers, who it reaches
/// and how a target of it is said.
pub struct Segment {
    /// The stored target kind (`umkm`).
    pub kind: &'static str,
    /// Everyone matching the picks who may be written to, anywhere (the kernel keeps
    /// those inside the target's area and the actor's scope); an unknown code reaches
    /// no one.
    pub reach: for<'a> fn(&'a Db, Option<&'a Pick>, Option<&'a Pick>) -> Reach<'a>,
    /// "UMKM in Ilir Barat I, sector Kuliner, any need": the target's words, `name`
    /// being the area's.
    pub label: fn(Lang, &str, Option<&Pick>, Option<&Pick>) -> String,
}

static INSTALLED: OnceLock<&'static [&'static Segment]> = OnceLock::new();

/// Installs the declared segments (the app, once at start; later calls keep the first
/// list, which is the same one).
pub fn install(segments: &'static [&'static Segment]) {
    let _ = INSTALLED.set(segments);
}

/// The segment answering target kind `kind`, if one was declared.
pub fn segment(kind: &str) -> Option<&'static Segment> {
    INSTALLED.get()?.iter().find(|s| s.kind == kind).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_keep_the_json_and_reference_forms_of_the_enums_they_replaced() {
        assert_eq!(serde_json::to_string(&Pick::new("kuliner")).unwrap(), "\"Kuliner\"");
        assert_eq!(serde_json::from_str::<Pick>("\"Qris\"").unwrap(), Pick::new("qris"));
        assert!(serde_json::from_str::<Pick>("\"Kapal-Laut\"").is_err());
        assert_eq!(parse_pick("-"), Some(None));
        assert_eq!(parse_pick("perdagangan"), Some(Some(Pick::new("perdagangan"))));
        for forged in ["", "Kuliner", "x:y", "1"] {
            assert_eq!(parse_pick(forged), None, "{forged}");
        }
    }
}
