//! Checks that need every feature plugged in (unit tests only). They live in the app,
//! the one layer that knows the features: the bot layer, the console's frame and the
//! features receive what the app collects as values and never call up into it.

#![cfg(test)]

use super::registry;
use crate::kernel::members::Role;
use crate::platform::i18n::{Lang, t};

#[test]
fn residents_help_has_no_staff_commands_and_staff_help_has_them() {
    let registry = registry::registry().unwrap();
    let help_text = crate::bot::help::help_text;
    let resident = help_text(&registry, Lang::Id, Role::Resident);
    let staff = help_text(&registry, Lang::Id, Role::Staff);
    assert!(!resident.contains("/undang") && !resident.contains("/hubungkan"));
    assert!(staff.contains("/undang") && staff.contains("/hubungkan"));
    assert!(!staff.contains("/undang staf"), "staff cannot invite staff");
    assert!(help_text(&registry, Lang::En, Role::Admin).contains("/undang staf"));
}

#[test]
fn every_menu_command_has_a_description() {
    let registry = registry::registry().unwrap();
    for role in [Role::Resident, Role::Officer, Role::Coordinator, Role::Staff, Role::Admin] {
        for cmd in crate::bot::help::menu_commands(&registry, role, Lang::Id) {
            assert!(!cmd.description.starts_with("cmd-"), "{}", cmd.command);
        }
    }
}

#[test]
fn every_feature_dialogue_has_a_name_in_each_language() {
    let registry = registry::registry().expect("registry");
    for kind in registry.dialog_kinds() {
        let key = format!("form-{}", kind.to_lowercase());
        for lang in Lang::ALL {
            assert_ne!(t(lang, &key), key, "no form name for dialogue kind {kind} in {lang:?}");
        }
    }
}

#[test]
fn the_router_finds_each_membership_command_with_its_lowest_role() {
    let registry = registry::registry().unwrap();
    let role = |name: &str| registry.command(name).map(|(plugin, spec)| (plugin.name(), spec.role));
    assert_eq!(role("bahasa"), Some(("members", Role::Resident)));
    assert_eq!(role("language"), Some(("members", Role::Resident)));
    assert_eq!(role("gantikim"), Some(("members", Role::Resident)));
    assert_eq!(role("grupsaya"), Some(("members", Role::Coordinator)));
    assert_eq!(role("undang"), Some(("members", Role::Staff)), "the lowest of its two declarations");
    let (_, hubungkan) = registry.command("hubungkan").unwrap();
    assert!(hubungkan.open_to_non_members && hubungkan.refuses_itself && !hubungkan.menu);
}

#[test]
fn the_registry_carries_the_topic_kinds_in_their_order() {
    let registry = registry::registry().unwrap();
    assert_eq!(registry.topic_kinds(), registry::topic_kinds());
}

#[test]
fn the_declared_navigation_keeps_the_consoles_order_and_labels() {
    let nav = crate::web::console::Nav::of(&registry::console_pages());
    let entries: Vec<_> = nav.0.iter().map(|e| (e.path, e.label)).collect();
    let label = |tail: &str| format!("console-nav-{tail}");
    let expected = [
        ("/dasbor/aspirasi", label("queue")),
        ("/dasbor/opd", label("opd")),
        ("/dasbor/balasan", label("canned")),
        ("/dasbor/peta", label("map")),
        ("/dasbor/ringkasan", label("summary")),
        ("/dasbor/umkm", label("umkm")),
        ("/dasbor/pelatihan", label("trainings")),
        ("/dasbor/program", label("programmes")),
        ("/dasbor/pengumuman", label("announcements")),
        ("/dasbor/unduh", label("downloads")),
        ("/dasbor/orang", label("people")),
        ("/dasbor/kim", label("kims")),
        ("/dasbor/dinas", label("agencies")),
        ("/dasbor/audit", label("audit")),
        ("/dasbor/bantuan", label("help")),
    ];
    assert_eq!(entries.len(), expected.len(), "{entries:?}");
    for ((path, key), (want_path, want_key)) in entries.iter().zip(&expected) {
        assert_eq!((*path, *key), (*want_path, want_key.as_str()));
    }
}

#[test]
fn every_declared_console_page_is_explained_in_both_languages() {
    let nav = crate::web::console::Nav::of(&registry::console_pages());
    for key in nav.0.iter().map(|e| e.label.replace("console-nav-", "console-help-page-")) {
        for lang in [Lang::Id, Lang::En] {
            assert_ne!(t(lang, &key), key, "{key} missing in {lang:?}");
        }
    }
}

#[test]
fn every_declared_action_family_has_a_name_in_both_languages() {
    for vocabulary in registry::audit_words() {
        for family in vocabulary.families {
            for lang in [Lang::Id, Lang::En] {
                let key = format!("console-audit-family-{family}");
                assert_ne!(crate::web::console::audit_log::family_label(lang, family), key, "{key} missing in {lang:?}");
            }
        }
    }
}

#[tokio::test]
async fn polls_surveys_and_undo_read_as_sentences_not_the_generic_one() {
    use crate::features::privacy::audit_words::{Reader, sentence};
    use crate::platform::audit::Entry;
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("a.db").display());
    let db = crate::platform::db::Db::connect(&url, crate::platform::config::Backend::Sqlite).await.unwrap();
    let r = Reader { db: &db, lang: Lang::En, tz: chrono_tz::Asia::Jakarta, words: registry::audit_words() };
    let cases = [
        ("aspiration.undo", "ASP-2026-000001: selesai -> diteruskan", "undid a status change of ASP-2026-000001"),
        ("poll.create", "id=3 groups=2 people=1 scope=Kota Palembang/Ilir Barat I", "created poll #3 for"),
        ("poll.close", "id=3 chats=4 how=on_time", "poll #3 closed on time in 4 chats"),
        ("poll.close", "id=3 chats=1 how=early", "closed poll #3 early in 1 chat"),
        ("poll.recall", "id=3 chats=2", "recalled poll #3 from 2 chats"),
        ("survey.send", "survey=5 reach=Kota Palembang questions=1 sent=7", "sent survey #5 (1 question) to 7 residents in"),
        ("survey.close", "survey=5 unsent_dropped=0", "closed survey #5 early"),
        ("survey.closed_on_time", "survey=5", "survey #5 closed on time"),
        ("survey.recall", "survey=5 unsent_dropped=1", "recalled survey #5; 1 unsent invitation was cancelled"),
    ];
    for (action, detail, want) in cases {
        let e = Entry { actor: None, action: action.into(), detail: detail.into(), at: 0 };
        let text = sentence(&r, &e).await.unwrap();
        assert!(text.starts_with(want), "{action}: {text}");
    }
}

/// Outbox rows already stored keep their sources: each feature's typed kind writes
/// exactly the string it wrote by hand before.
#[test]
fn outbox_sources_keep_the_strings_already_stored() {
    use crate::features::{emergency, feeds, surveys};
    assert_eq!(emergency::store::SOURCE.of(4).to_string(), "emergency:4");
    assert_eq!(emergency::store::RECALL_SOURCE.of(4).to_string(), "emergency_recall:4");
    assert_eq!(surveys::store::SOURCE.of(5).to_string(), "survey:5");
    assert_eq!(feeds::drafts::SOURCE.of(7).to_string(), "feed-draft:7");
}
