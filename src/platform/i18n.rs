//! Every text a user reads comes from `messages/<lang>/*.ftl` through this module.
//!
//! Fluent's bidi isolation marks are switched off: Telegram shows them as stray
//! invisible characters around every placeable (see TECH-NOTES.md).

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid};
use serde::{Deserialize, Serialize};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./messages",
        fallback_language: "id",
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static ID: LanguageIdentifier = langid!("id");
static EN: LanguageIdentifier = langid!("en");

/// A language kimbot speaks. Bahasa Indonesia is the default everywhere.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Id,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Id, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "id" => Some(Lang::Id),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// A first guess from Telegram's client language: English speakers get English,
    /// everyone else Indonesian.
    pub fn guess(client_language: Option<&str>) -> Lang {
        match client_language {
            Some(code) if code.starts_with("en") => Lang::En,
            _ => Lang::Id,
        }
    }

    fn id(self) -> &'static LanguageIdentifier {
        match self {
            Lang::Id => &ID,
            Lang::En => &EN,
        }
    }
}

/// The message `key` in `lang`. A missing key is logged and shown as the key itself,
/// which the parity tests below make impossible for keys written as literals.
pub fn t(lang: Lang, key: &str) -> String {
    lookup(lang, key, None)
}

/// The message `key` with named arguments.
pub fn ta(lang: Lang, key: &str, args: &[(&'static str, Arg)]) -> String {
    let map: HashMap<Cow<'static, str>, FluentValue> =
        args.iter().map(|(k, v)| (Cow::Borrowed(*k), v.to_fluent())).collect();
    lookup(lang, key, Some(&map))
}

fn lookup(lang: Lang, key: &str, args: Option<&HashMap<Cow<'static, str>, FluentValue>>) -> String {
    match LOCALES.try_lookup_complete(lang.id(), key, args) {
        Some(text) => text,
        None => {
            tracing::error!(key, lang = lang.code(), "missing message");
            key.to_string()
        }
    }
}

/// An argument for [`ta`]: text or a number (numbers pick plural forms).
#[derive(Clone, Debug)]
pub enum Arg {
    Str(String),
    Num(i64),
}

impl Arg {
    fn to_fluent(&self) -> FluentValue<'static> {
        match self {
            Arg::Str(s) => FluentValue::from(s.clone()),
            Arg::Num(n) => FluentValue::from(*n),
        }
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Str(s.to_string())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Str(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Str(s.clone())
    }
}
impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Num(n)
    }
}

/// Test support: renders every message of `messages/<lang>/<file>` whose key starts
/// with `prefix`, in both languages, with `args`, and fails on a key shown instead of
/// text, a placeable left unfilled or an empty text. Returns the keys checked per
/// language (the smaller count), so a test can also check that the file was read.
#[cfg(test)]
pub fn assert_file_renders(file: &str, prefix: &str, args: &[(&'static str, Arg)]) -> usize {
    let mut checked = usize::MAX;
    for lang in Lang::ALL {
        let path = format!("{}/messages/{}/{file}", env!("CARGO_MANIFEST_DIR"), lang.code());
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let keys: Vec<&str> =
            text.lines().filter(|l| l.starts_with(prefix)).filter_map(|l| l.split(" =").next()).collect();
        for key in &keys {
            let shown = ta(lang, key, args);
            assert!(shown != *key && !shown.contains('{') && !shown.trim().is_empty(), "{path} {key}: {shown}");
        }
        checked = checked.min(keys.len());
    }
    checked
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;
    use std::path::Path;

    fn keys_of(lang: &str) -> BTreeSet<String> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("messages").join(lang);
        let mut keys = BTreeSet::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            for line in text.lines() {
                let first = line.chars().next();
                if first.is_some_and(|c| c.is_ascii_lowercase())
                    && let Some((key, _)) = line.split_once('=') {
                        keys.insert(key.trim().to_string());
                    }
            }
        }
        keys
    }

    #[test]
    fn every_key_exists_in_both_languages() {
        let (id, en) = (keys_of("id"), keys_of("en"));
        let only_id: Vec<_> = id.difference(&en).collect();
        let only_en: Vec<_> = en.difference(&id).collect();
        assert!(only_id.is_empty() && only_en.is_empty(), "only in id: {only_id:?}; only in en: {only_en:?}");
        assert!(id.len() > 10);
    }

    /// Message keys are kebab-case literals by convention; each one used in the code
    /// must resolve in both languages.
    #[test]
    fn every_key_used_in_the_code_exists() {
        let known = keys_of("id");
        let mut missing = Vec::new();
        visit(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut |text| {
            for literal in text.split('"').skip(1).step_by(2) {
                let looks_like_key = literal.contains('-')
                    && literal.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                    && literal.starts_with(|c: char| c.is_ascii_lowercase())
                    && !literal.ends_with('-');
                if looks_like_key && !known.contains(literal) && !NOT_KEYS.contains(&literal) {
                    missing.push(literal.to_string());
                }
            }
        });
        assert!(missing.is_empty(), "keys used but not in messages/: {missing:?}");
    }

    /// Kebab-case literals in the code that are not message keys.
    const NOT_KEYS: &[&str] = &["fake-telegram", "env-filter", "fake-server", "sans-serif"];

    fn visit(dir: &Path, f: &mut dyn FnMut(&str)) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                visit(&path, f);
            } else if path.extension().is_some_and(|e| e == "rs") {
                f(&std::fs::read_to_string(path).unwrap());
            }
        }
    }

    #[test]
    fn placeables_carry_no_isolation_marks() {
        let text = ta(Lang::Id, "kim-joined", &[("kim", "KIM Bukit".into()), ("area", "Bukit Lama".into())]);
        assert!(text.contains("KIM Bukit"));
        assert!(!text.contains('\u{2068}') && !text.contains('\u{2069}'));
    }
}
