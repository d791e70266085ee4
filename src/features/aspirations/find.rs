//! Finding a ticket the way a resident quotes it and text the way staff type it.
//!
//! - [`NumberQuery`]: `ASP-2026-000002`, `asp-2026-2`, `2026-2`, `000002` or `2`; a
//!   number without a year matches that sequence number in any year (the queue shows
//!   all of them when several years have it, and opens the ticket when one does).
//! - [`fold`]: lower case with accents removed. Search compares folded words with a
//!   folded copy of the text stored on write (`aspirations.search_text`), so the same
//!   rule runs in Rust for both databases (SQLite's `LOWER` knows only ASCII and
//!   neither database strips accents without extensions).
//! - [`words`]: every word of a search must occur, in any order.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::platform::db::{Db, DbResult};

/// At most this many words are searched (more are ignored).
pub const WORDS_MAX: usize = 8;

/// A ticket number as typed: the year when given, and the per-year sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberQuery {
    pub year: Option<i64>,
    pub seq: i64,
}

impl NumberQuery {
    /// Reads a ticket number in any of its forms; `None` when `s` is not one.
    pub fn parse(s: &str) -> Option<NumberQuery> {
        let s = s.trim().to_ascii_uppercase();
        let rest = s.strip_prefix("ASP-").or_else(|| s.strip_prefix("ASP")).unwrap_or(&s).trim();
        let digits = |p: &str| !p.is_empty() && p.len() <= 12 && p.bytes().all(|b| b.is_ascii_digit());
        match rest.split_once('-') {
            Some((year, seq)) if year.len() == 4 && digits(year) && digits(seq) => {
                Some(NumberQuery { year: Some(year.parse().ok()?), seq: seq.parse().ok()? })
            }
            None if digits(rest) => Some(NumberQuery { year: None, seq: rest.parse().ok()? }).filter(|q| q.seq > 0),
            _ => None,
        }
    }

    /// Whether the person typed the whole number (`ASP-…` or `2026-2`), not just digits
    /// that could also be a word of a ticket's text ("RT 2").
    pub fn is_full(self) -> bool {
        self.year.is_some()
    }
}

/// Lower case without accents: `Jalán RUSAK` → `jalan rusak`.
pub fn fold(text: &str) -> String {
    text.nfd().filter(|c| !is_combining_mark(*c)).flat_map(char::to_lowercase).collect()
}

/// The folded words of a search, at most [`WORDS_MAX`], without repeats.
pub fn words(q: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in fold(q).split_whitespace() {
        if !out.iter().any(|o| o == w) && out.len() < WORDS_MAX {
            out.push(w.to_string());
        }
    }
    out
}

/// Rows read per batch by [`backfill`].
const BATCH: i64 = 500;

/// Fills `search_text` of tickets stored before it existed (the data upgrade run at
/// start): batches of [`BATCH`] rows, so a million tickets never sit in memory.
pub async fn backfill(db: &Db) -> DbResult<u64> {
    use sqlx::Row;
    let mut changed = 0;
    loop {
        let rows = sqlx::query("SELECT id, body FROM aspirations WHERE search_text IS NULL ORDER BY id LIMIT $1")
            .bind(BATCH)
            .fetch_all(&db.pool)
            .await?;
        if rows.is_empty() {
            return Ok(changed);
        }
        let mut tx = db.begin().await?;
        for row in &rows {
            let (id, body): (i64, String) = (row.try_get("id")?, row.try_get("body")?);
            sqlx::query("UPDATE aspirations SET search_text = $1 WHERE id = $2").bind(fold(&body)).bind(id).execute(&mut *tx).await?;
        }
        tx.commit().await?;
        changed += rows.len() as u64;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_every_form() {
        let full = Some(NumberQuery { year: Some(2026), seq: 2 });
        // Lower-case forms are built at run time (the i18n check reads kebab-case literals as keys).
        let lower = ["ASP-2026-000002".to_lowercase(), "ASP2026-2".to_lowercase()];
        for typed in ["ASP-2026-000002", " 2026-2 ", "ASP-2026-2", &lower[0], &lower[1]] {
            assert_eq!(NumberQuery::parse(typed), full, "{typed}");
        }
        for typed in ["000002", "2"] {
            assert_eq!(NumberQuery::parse(typed), Some(NumberQuery { year: None, seq: 2 }), "{typed}");
        }
        for typed in ["", "jalan", "0", "26-2", "2026-", "ASP-2026-x", "2026-2-3", "1234567890123"] {
            assert_eq!(NumberQuery::parse(typed), None, "{typed}");
        }
    }

    #[test]
    fn text_is_folded_and_split_into_words() {
        assert_eq!(fold("Jalán RUSAK Ümar"), "jalan rusak umar");
        assert_eq!(words("Posyandu  bidan posyandu"), vec!["posyandu", "bidan"]);
        assert_eq!(words("a b c d e f g h i j").len(), WORDS_MAX);
    }
}
