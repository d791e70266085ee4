//! Reading a stored audit detail back, and the names behind the ids in it.
//!
//! Details are written as `key=value` pairs (`kind=aspirations scope=Kota
//! Palembang/Kemuning rows=120`), sometimes after a head (`ASP-2026-000001:
//! diterima -> diteruskan`). A value runs until the next `key=`, so area and KIM
//! names with spaces survive. Entries written before this reader existed parse too.

use chrono_tz::Tz;
use sqlx::Row;

use crate::platform::db::{Db, DbResult};
use crate::platform::i18n::{Lang, t};

/// One stored detail, split into its head and its `key=value` pairs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Detail {
    pub head: String,
    pairs: Vec<(String, String)>,
}

fn is_key(token: &str) -> Option<(&str, &str)> {
    let (key, value) = token.split_once('=')?;
    (!key.is_empty() && key.chars().all(|c| c.is_ascii_lowercase() || c == '_')).then_some((key, value))
}

impl Detail {
    pub fn parse(text: &str) -> Detail {
        let mut detail = Detail::default();
        let mut head = Vec::new();
        for token in text.split_whitespace() {
            match (is_key(token), detail.pairs.last_mut()) {
                (Some((k, v)), _) => detail.pairs.push((k.to_string(), v.to_string())),
                (None, Some((_, value))) => {
                    value.push(' ');
                    value.push_str(token);
                }
                (None, None) => head.push(token),
            }
        }
        detail.head = head.join(" ");
        detail
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }

    pub fn int(&self, key: &str) -> Option<i64> {
        self.get(key)?.parse().ok()
    }

    /// `ASP-2026-000001: diterima -> diteruskan` as (ticket, from, to).
    pub fn status_change(&self) -> Option<(&str, &str, &str)> {
        let (ticket, change) = self.head.split_once(": ")?;
        let (from, to) = change.split_once(" -> ")?;
        Some((ticket, from, to))
    }

    /// How many ids a `[1, 2, 3]` value lists.
    pub fn list_len(&self, key: &str) -> Option<i64> {
        let inner = self.get(key)?.trim().strip_prefix('[')?.strip_suffix(']')?;
        Some(inner.split(',').filter(|s| !s.trim().is_empty()).count() as i64)
    }
}

/// An area path (`Kota Palembang/Kemuning`) by its own name; `all` is every area.
pub fn area_name(lang: Lang, path: &str) -> String {
    match path {
        "all" | "" => t(lang, "audit-scope-all"),
        _ => path.rsplit('/').next().unwrap_or(path).to_string(),
    }
}

/// A stored `YYYY-MM-DD..YYYY-MM-DD` period as ` (01/01/2026–31/12/2026)`, or nothing.
pub fn period(text: Option<&str>) -> String {
    let show = |d: &str| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").map(|d| d.format("%d/%m/%Y").to_string()).ok();
    text.and_then(|p| p.split_once(".."))
        .and_then(|(from, to)| Some(format!(" ({}–{})", show(from)?, show(to)?)))
        .unwrap_or_default()
}

/// A unix time in the reader's zone, as elsewhere in the chat.
pub fn time(at: i64, tz: Tz) -> String {
    crate::platform::personal::when(at, tz)
}

/// The one text column `sql` selects for `id`; blank counts as none. Owners of
/// tables use it for the names behind the ids in their sentences.
pub async fn name_by_id(db: &Db, sql: &'static str, id: i64) -> DbResult<Option<String>> {
    let row = sqlx::query(sql).bind(id).fetch_optional(&db.pool).await?;
    Ok(row.map(|r| r.try_get::<Option<String>, _>(0)).transpose()?.flatten().filter(|s| !s.trim().is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_with_spaces_run_until_the_next_key() {
        let d = Detail::parse("kind=aspirations scope=Kota Palembang/Ilir Barat I period=2026-01-01..2026-12-31 rows=120 via=cli");
        assert_eq!(d.get("scope"), Some("Kota Palembang/Ilir Barat I"));
        assert_eq!(d.int("rows"), Some(120));
        assert_eq!(d.get("via"), Some("cli"));
        assert_eq!(d.head, "");
        assert_eq!(period(d.get("period")), " (01/01/2026–31/12/2026)");
    }

    #[test]
    fn heads_lists_and_odd_details_are_read() {
        let change = Detail::parse("ASP-2026-000001: diterima -> diteruskan");
        assert_eq!(change.status_change(), Some(("ASP-2026-000001", "diterima", "diteruskan")));
        assert_eq!(Detail::parse("training=4 groups=[-1001, -1002]").list_len("groups"), Some(2));
        assert_eq!(Detail::parse("training=4 groups=[]").list_len("groups"), Some(0));
        assert_eq!(Detail::parse("role revoked").head, "role revoked");
        assert_eq!(Detail::parse("").get("x"), None);
        assert_eq!(area_name(Lang::Id, "Kota Palembang/Kemuning"), "Kemuning");
        assert_eq!(period(Some("garbage")), "");
    }
}
