//! The registry's owners as an audience segment: staff address them from `/umumkan`
//! by area, sector and need, in their private chats; only owners who agreed to
//! programme news are reached ([`store::reachable_owners`](super::store::reachable_owners)).

use super::model::{Need, Sector};
use crate::kernel::audience::segment::{Member, Pick, Reach, Segment};
use crate::platform::db::Db;
use crate::platform::i18n::{Arg, Lang, t, ta};

/// Declared with `with_audience_segment`; the kernel's UMKM targets resolve through it.
pub static SEGMENT: Segment = Segment { kind: "umkm", reach, label };

/// `Some(None)` for no pick, `None` for a code this registry does not know.
fn known<T>(pick: Option<&Pick>, from_code: fn(&str) -> Option<T>) -> Option<Option<T>> {
    match pick {
        None => Some(None),
        Some(p) => from_code(p.code()).map(Some),
    }
}

fn reach<'a>(db: &'a Db, sector: Option<&'a Pick>, need: Option<&'a Pick>) -> Reach<'a> {
    Box::pin(async move {
        let (Some(sector), Some(need)) = (known(sector, Sector::from_code), known(need, Need::from_code)) else { return Ok(Vec::new()) };
        let owners = super::store::reachable_owners(db, sector, need).await?;
        Ok(owners.into_iter().map(|o| Member { user_id: o.user_id, title: o.business_name, kim: o.kim }).collect())
    })
}

/// "UMKM di Ilir Barat I (Kuliner, kebutuhan apa saja)".
fn label(lang: Lang, name: &str, sector: Option<&Pick>, need: Option<&Pick>) -> String {
    let any = || t(lang, "ann-umkm-any");
    let sector = sector.and_then(|p| Sector::from_code(p.code())).map(|s| t(lang, s.key())).unwrap_or_else(any);
    let need = need.and_then(|p| Need::from_code(p.code())).map(|n| t(lang, n.key())).unwrap_or_else(any);
    ta(lang, "ann-target-umkm", &[("name", Arg::from(name)), ("sector", Arg::from(sector)), ("need", Arg::from(need))])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A pick is written to JSON as the enums' serde names were: this holds only while
    /// every code is its variant's name in lower case.
    #[test]
    fn every_code_is_its_serde_name_in_lower_case() {
        for s in Sector::ALL {
            assert_eq!(serde_json::to_string(&s).unwrap(), serde_json::to_string(&Pick::new(s.code())).unwrap());
        }
        for n in Need::ALL {
            assert_eq!(serde_json::to_string(&n).unwrap(), serde_json::to_string(&Pick::new(n.code())).unwrap());
        }
    }
}
