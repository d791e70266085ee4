//! The layout rules of the source tree, checked by reading it (unit tests only):
//! a feature's tables are read and written only inside its folder, code of a feature
//! outside its `bot/` part imports nothing from the bot layer, and `src/web` (the
//! console's frame) holds no feature's SQL. A new table must be given an owner here,
//! so a merge that adds one cannot slip past the rule.

#![cfg(test)]

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// Tables of the kernel and the platform, which anyone may join.
const SHARED: &[&str] = &[
    "agencies", "agency_routes", "areas", "audit_log", "chat_migrations", "consents", "console_logins",
    "console_sessions", "console_uploads", "dialogues", "grants", "group_topics", "invites", "kims", "outbox", "post_reactions",
    "processed_updates", "settings", "staff_notices", "tg_groups", "users",
];

/// The feature folders under `src/features/`.
fn features() -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(root().join("src/features"))
        .expect("features folder")
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A feature table's owner, by the naming convention every migration follows: the
/// table's name without underscores starts with the folder's stem (`aspiration_photos`
/// → `aspirations`, `road_works` → `roadworks`, `emergencies` → `emergency`); the
/// longest stem wins. Deriving it keeps this file from listing the features.
fn owner(table: &str, features: &[String]) -> Option<String> {
    let flat = table.replace('_', "");
    features
        .iter()
        .map(|f| (f, f.strip_suffix('s').or_else(|| f.strip_suffix('y')).unwrap_or(f)))
        .filter(|(_, stem)| flat.starts_with(stem))
        .max_by_key(|(_, stem)| stem.len())
        .map(|(f, _)| f.clone())
}

/// Files allowed to seed or read any table: benchmarks fill databases (and this
/// file names tables in its own checks).
fn exempt(path: &str) -> bool {
    path == "src/app/architecture.rs" || path.starts_with("src/tools/bench") || path.ends_with("/bench.rs") || path.contains("/bench/")
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("source folder").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `src/…` paths and their text.
fn sources() -> Vec<(String, String)> {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    files
        .into_iter()
        .map(|p| {
            let rel = p.strip_prefix(root()).expect("under the root").to_string_lossy().replace('\\', "/");
            (rel, fs::read_to_string(&p).expect("readable source"))
        })
        .collect()
}

/// Every table the SQLite migrations create.
fn tables() -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for entry in fs::read_dir(root().join("migrations/sqlite")).expect("migrations").flatten() {
        let text = fs::read_to_string(entry.path()).expect("readable migration");
        for part in text.split("CREATE TABLE").skip(1) {
            let part = part.trim_start().trim_start_matches("IF NOT EXISTS").trim_start();
            let name: String = part.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
            names.insert(name);
        }
    }
    names
}

/// Whether `text` uses `table` in SQL (`FROM t`, `JOIN t`, `INTO t`, `UPDATE t`).
fn uses_table(text: &str, table: &str) -> bool {
    ["FROM ", "JOIN ", "INTO ", "UPDATE "].iter().any(|kw| {
        text.match_indices(&format!("{kw}{table}")).any(|(at, m)| {
            let after = text[at + m.len()..].chars().next();
            !after.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
        })
    })
}

#[test]
fn every_table_has_an_owner_and_only_its_owner_touches_it() {
    let files = sources();
    let features = features();
    let mut unowned = Vec::new();
    let mut trespass = Vec::new();
    for table in tables() {
        if SHARED.contains(&table.as_str()) || table.ends_with("_new") {
            continue;
        }
        let Some(owner) = owner(&table, &features) else {
            unowned.push(table);
            continue;
        };
        let home = format!("src/features/{owner}/");
        for (path, text) in &files {
            if !path.starts_with(&home) && !exempt(path) && uses_table(text, &table) {
                trespass.push(format!("{path} uses {table} (owned by {owner})"));
            }
        }
    }
    assert!(unowned.is_empty(), "name these tables after their feature (or list them in SHARED if the kernel or platform owns them): {unowned:?}");
    assert!(trespass.is_empty(), "tables used outside their owner:\n{}", trespass.join("\n"));
}

#[test]
fn feature_code_outside_its_chat_part_imports_nothing_from_the_bot_layer() {
    let offenders: Vec<String> = sources()
        .into_iter()
        .filter(|(path, _)| path.starts_with("src/features/") && !path.contains("/bot/") && !path.ends_with("/bot.rs"))
        .filter(|(_, text)| text.contains("crate::bot::") || text.contains("crate::bot;") || text.contains("crate::bot::{"))
        .map(|(path, _)| path)
        .collect();
    assert!(offenders.is_empty(), "import the bot layer only from a feature's bot part: {offenders:?}");
}

/// Code below the app (bot layer, console frame, features, kernel, platform) gets what
/// the app collects from the declarations as values (on `AppCtx`, the bot's
/// `Registry`, the console router's arguments) and never calls up into `crate::app`:
/// that call closed the import circle app → bot/web/features → app. Doc comments may
/// still point at it.
#[test]
fn nothing_below_the_app_names_it() {
    let offenders: Vec<String> = sources()
        .into_iter()
        .filter(|(path, _)| !path.starts_with("src/app/") && path != "src/main.rs" && !path.starts_with("src/tools/"))
        .filter(|(_, text)| names_the_app(text))
        .map(|(path, _)| path)
        .collect();
    assert!(offenders.is_empty(), "hand the value down from src/app instead of calling up into it: {offenders:?}");
}

/// Whether code (not a comment) names `crate::app`.
fn names_the_app(text: &str) -> bool {
    text.lines().any(|line| !line.trim_start().starts_with("//") && line.contains("crate::app"))
}

#[test]
fn the_checks_see_what_they_look_for() {
    assert!(names_the_app("    let kinds = crate::app::registry::topic_kinds();"));
    assert!(!names_the_app("//! listed once in [`crate::app::registry`]."));
    assert!(uses_table("SELECT 1 FROM aspirations a", "aspirations"));
    assert!(!uses_table("SELECT 1 FROM aspirations_new", "aspirations"));
    assert!(!uses_table("SELECT 1 FROM aspiration_photos", "aspirations"));
    let features = features();
    for (table, folder) in [("aspiration_photos", "aspirations"), ("emergencies", "emergency"), ("umkm_registrations", "umkm")] {
        assert_eq!(owner(table, &features).as_deref(), Some(folder), "{table}");
    }
    assert_eq!(owner("road_works_log", &["roadworks".to_string()]).as_deref(), Some("roadworks"), "underscores are not part of a folder's name");
    assert_eq!(owner("nobody_knows", &features), None);
    assert!(tables().contains("aspirations") && tables().len() > 30);
    assert!(sources().iter().any(|(p, _)| p == "src/app/architecture.rs"));
}
