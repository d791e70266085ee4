//! The readable `/datasaya` message, split to fit Telegram's 4096 characters.

use chrono_tz::Tz;

use super::export::Export;
use crate::platform::i18n::{Arg, Lang, t, ta};
use crate::platform::personal::{ConsentPurpose, Reading};

/// Room left under Telegram's 4096 for safety (counted in characters).
const LIMIT: usize = 4000;

/// A time in the configured zone, as people write it in Indonesia.
pub fn when(at: i64, tz: Tz) -> String {
    crate::platform::personal::when(at, tz)
}

/// The whole export as message texts, each under the limit, in order: a header,
/// every owner's pieces (consent purposes in the words their features declared), a footer.
pub fn messages(lang: Lang, data: &Export, tz: Tz, purposes: &[&'static ConsentPurpose]) -> Vec<String> {
    if data.is_empty() {
        return vec![t(lang, "privacy-data-empty")];
    }
    let mut pieces = vec![ta(lang, "privacy-data-header", &[("id", Arg::from(data.telegram_user_id))])];
    let reading = Reading { lang, tz, purposes };
    pieces.extend(data.sections.iter().flat_map(|s| s.read(&reading)));
    pieces.push(t(lang, "privacy-data-footer"));
    split(&pieces)
}

/// Packs pieces into messages under [`LIMIT`]; a piece longer than that is cut.
pub fn split(pieces: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    for piece in pieces.iter().flat_map(|p| cut(p)) {
        if !current.is_empty() && current.chars().count() + 2 + piece.chars().count() > LIMIT {
            out.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push_str("\n\n");
        }
        current.push_str(&piece);
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

fn cut(piece: &str) -> Vec<String> {
    let chars: Vec<char> = piece.chars().collect();
    chars.chunks(LIMIT).map(|c| c.iter().collect()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_data_is_split_into_messages_telegram_accepts() {
        let pieces: Vec<String> =
            (0..50).map(|i| format!("{i} {}", "x".repeat(300))).chain([("y".repeat(9000))]).collect();
        let messages = split(&pieces);
        assert!(messages.len() > 3);
        assert!(messages.iter().all(|m| m.chars().count() <= 4096));
        let total: usize = messages.iter().map(|m| m.matches('x').count()).sum();
        assert_eq!(total, 50 * 300, "nothing lost");
    }

    #[test]
    fn english_counts_follow_plural_rules_and_indonesian_has_one_form() {
        let full = |lang, n: i64| ta(lang, "training-line-full", &[("quota", Arg::from(n)), ("waiting", Arg::from(n))]);
        assert_eq!(full(Lang::En, 1), "🪑 Full (1 seat). Waitlist: 1 person");
        assert_eq!(full(Lang::En, 2), "🪑 Full (2 seats). Waitlist: 2 people");
        let erased = |n: i64| ta(Lang::En, "privacy-erase-done", &[("tickets", Arg::from(n)), ("schedules", Arg::from(n))]);
        assert!(erased(1).contains("1 aspiration ticket is kept") && erased(1).contains("1 scheduled announcement of yours is"), "{}", erased(1));
        assert!(erased(0).contains("0 aspiration tickets are kept") && !erased(0).contains("scheduled"), "{}", erased(0));
        assert!(!ta(Lang::Id, "training-line-full", &[("quota", Arg::from(1)), ("waiting", Arg::from(1))]).contains("seat"));
    }

    #[test]
    fn nothing_stored_says_so() {
        let none = Export { telegram_user_id: 5, ..Default::default() };
        assert_eq!(messages(Lang::Id, &none, chrono_tz::Asia::Jakarta, &[]), vec![t(Lang::Id, "privacy-data-empty")]);
    }
}
