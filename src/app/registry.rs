//! The features plugged into kimbot: one line each, in [`features`]. A new feature
//! adds its line here and needs nothing else outside its own folder; the bot's
//! registry, the background jobs, the console's pages, the owners of personal data and
//! the extra update branches are all read from these declarations.

use std::sync::LazyLock;

use crate::bot::{Registry, RegistryError};
use crate::platform::webhook_events::DeclaredEvent;
use crate::features::{announcements, aspirations, emergency, factcheck, feeds, polls, privacy, programmes, reports, surveys, trainings, umkm, webhooks};
use crate::kernel::members;
use crate::kernel::members::topics;
use crate::platform::audit::words::Vocabulary;
use crate::platform::db::{Db, DbResult};
use crate::platform::export::kinds::PeriodReport;
use crate::platform::personal::{ConsentPurpose, PersonalData, RoleLostHook};
use crate::plug::{Feature, UpdateTree};

/// Every feature, in the order help and menus list their commands.
pub fn features() -> Vec<Feature> {
    vec![
        umkm::feature(),
        aspirations::feature(),
        announcements::feature(),
        trainings::feature(),
        programmes::feature(),
        privacy::feature(),
        reports::feature(),
        feeds::feature(),
        factcheck::feature(),
        surveys::feature(),
        polls::feature(),
        emergency::feature(),
        super::console::feature(),
        members::bot::feature(),
        webhooks::feature(),
    ]
}

/// The bot's registry of chat plugs and deep links, checked for clashes.
pub fn registry() -> Result<Registry, RegistryError> {
    let (mut plugins, mut links, mut composers) = (Vec::new(), Vec::new(), Vec::new());
    for chat in features().into_iter().map(Feature::into_chat) {
        plugins.extend(chat.plugin);
        links.extend(chat.links);
        composers.extend(chat.composers);
    }
    Ok(Registry::new(plugins)?.with_links(links)?.with_composers(composers)?.with_topic_kinds(topic_kinds().to_vec()))
}

/// Everything that stores personal data: the platform's own tables, then every
/// feature's, parents first: `/datasaya` shows the sections in this order,
/// `/hapusdata` erases in reverse order (children before parents), all in one
/// transaction. A test checks that every schema column holding a user id is declared
/// by one of them. Privacy reads it through [`crate::platform::ctx::AppCtx`].
pub fn personal_data() -> &'static [&'static PersonalData] {
    static OWNERS: LazyLock<Vec<&'static PersonalData>> = LazyLock::new(|| {
        let mut owners: Vec<_> = features().iter().filter_map(Feature::personal_data).collect();
        owners.sort_by_key(|(_, rank)| *rank);
        std::iter::once(&crate::platform::personal::PLATFORM).chain(owners.into_iter().map(|(data, _)| data)).collect()
    });
    &OWNERS
}

/// Every consent purpose the features ask for, with its words (`/datasaya`).
pub fn consent_purposes() -> &'static [&'static ConsentPurpose] {
    static PURPOSES: LazyLock<Vec<&'static ConsentPurpose>> = LazyLock::new(|| features().iter().flat_map(|f| f.consent_purposes().to_vec()).collect());
    &PURPOSES
}

/// Every feature's audience segments (installed in the kernel's audience at start).
pub fn audience_segments() -> &'static [&'static crate::kernel::audience::segment::Segment] {
    static SEGMENTS: LazyLock<Vec<&'static crate::kernel::audience::segment::Segment>> = LazyLock::new(|| features().iter().flat_map(|f| f.audience_segments().to_vec()).collect());
    &SEGMENTS
}

/// What every feature does when a person loses their last role, in the features'
/// order (the kernel's revoke runs them in its transaction).
pub fn role_lost_hooks() -> &'static [RoleLostHook] {
    static HOOKS: LazyLock<Vec<RoleLostHook>> = LazyLock::new(|| features().iter().flat_map(|f| f.role_lost_hooks().to_vec()).collect());
    &HOOKS
}

/// Every owner's sentences for its audit entries.
pub fn audit_words() -> &'static [&'static Vocabulary] {
    static WORDS: LazyLock<Vec<&'static Vocabulary>> = LazyLock::new(|| features().iter().flat_map(|f| f.audit_words().to_vec()).collect());
    &WORDS
}

/// Every feature's console pages, for the console's frame ([`crate::web::router`]).
pub fn console_pages() -> Vec<crate::web::console::Pages> {
    features().iter().filter_map(Feature::console).collect()
}

/// Every feature's navigation badges, for the console's frame.
pub fn nav_badges() -> &'static [crate::web::console::NavBadge] {
    static BADGES: LazyLock<Vec<crate::web::console::NavBadge>> = LazyLock::new(|| features().iter().flat_map(|f| f.nav_badges().to_vec()).collect());
    &BADGES
}

/// Every feature's webhook events, in declaration order (the webhook worker builds
/// bodies with them).
pub fn webhook_events() -> &'static [&'static DeclaredEvent] {
    static EVENTS: LazyLock<Vec<&'static DeclaredEvent>> = LazyLock::new(|| features().iter().flat_map(|f| f.webhook_events().iter().copied()).collect());
    &EVENTS
}

/// Every feature's period reports, in their declared order (`/laporan` and the
/// console's *Unduh* offer them through [`crate::platform::ctx::AppCtx`]).
pub fn period_reports() -> &'static [&'static PeriodReport] {
    static REPORTS: LazyLock<Vec<&'static PeriodReport>> = LazyLock::new(|| {
        let mut all: Vec<_> = features().iter().flat_map(|f| f.period_reports().to_vec()).collect();
        all.sort_by_key(|r| r.order);
        all
    });
    &REPORTS
}

/// The kinds of group post `/topik` offers: every feature's, in their order, then
/// "every other kind" ([`topics::EVERY`]).
pub fn topic_kinds() -> &'static [topics::TopicKind] {
    static KINDS: LazyLock<Vec<topics::TopicKind>> = LazyLock::new(|| {
        let mut all: Vec<_> = features().iter().flat_map(|f| f.topic_kinds().to_vec()).collect();
        all.sort_by_key(|k| k.order);
        all.push(topics::EVERY);
        all
    });
    &KINDS
}

/// Every feature's backlogs (see [`crate::platform::ops::Backlog`]).
pub fn backlogs() -> &'static [crate::platform::ops::Backlog] {
    static BACKLOGS: LazyLock<Vec<crate::platform::ops::Backlog>> = LazyLock::new(|| features().iter().flat_map(|f| f.backlogs().to_vec()).collect());
    &BACKLOGS
}

/// Runs every feature's data upgrades, in the features' order (see [`crate::plug::UpgradeFn`]).
pub async fn upgrade_data(db: &Db, now: i64) -> DbResult<()> {
    for feature in features() {
        for (upgrade, run) in feature.upgrades() {
            let changed = run(db, now).await?;
            if changed > 0 {
                tracing::info!(feature = feature.name, upgrade, changed, "stored rows upgraded");
            }
        }
    }
    Ok(())
}

/// The bot's tree plus the updates that belong to no chat, from every feature.
pub fn with_feature_updates(bot: UpdateTree) -> UpdateTree {
    features().iter().fold(bot, |tree, feature| feature.extend_updates(tree))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_features_plug_together_without_clashes() {
        let registry = registry().expect("no clashing commands, dialogue kinds or button prefixes");
        assert!(registry.command("umkm").is_some());
        assert!(registry.command("announce").is_some(), "English aliases route too");
        assert!(registry.by_button("a:v:1").is_some());
        assert!(registry.by_dialog("Umkm").is_some());
        assert!(registry.link("tr_12").is_some(), "a training's group-post link has its owner");
        for kind in [crate::bot::feature::Compose::Announcement, crate::bot::feature::Compose::Clarification] {
            assert!(registry.composer(kind).is_some(), "{kind:?} has no composer");
        }
        let segments: Vec<_> = audience_segments().iter().map(|s| s.kind).collect();
        assert_eq!(segments, [crate::kernel::audience::target::UMKM], "UMKM targets have their segment");
        assert_eq!(role_lost_hooks().len(), 1, "announcements hand a person's schedules over when they lose their role");
        assert!(registry.link("inv-ABC").is_none() && registry.link("IB1-BL").is_none(), "invites and KIM codes stay the core's");
    }

    #[test]
    fn people_come_first_among_the_owners_of_personal_data() {
        let owners: Vec<_> = personal_data().iter().map(|o| o.owner).collect();
        assert_eq!(owners[0], crate::platform::personal::PLATFORM.owner);
        assert_eq!(owners[1], members::personal::DATA.owner, "{owners:?}");
        assert_eq!(owners.len(), 13, "{owners:?}");
    }

    #[test]
    fn every_consent_purpose_has_one_owner_and_words_in_both_languages() {
        let mut codes: Vec<_> = consent_purposes().iter().map(|p| p.code).collect();
        assert_eq!(codes, ["umkm", "news", "membership"], "the purposes stored in consents");
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), consent_purposes().len());
        for purpose in consent_purposes() {
            for lang in [crate::platform::i18n::Lang::Id, crate::platform::i18n::Lang::En] {
                assert_ne!(crate::platform::i18n::t(lang, purpose.label_key), purpose.label_key, "{} has no words", purpose.code);
            }
        }
    }

    #[test]
    fn every_webhook_event_has_one_owner() {
        let mut names: Vec<_> = webhook_events().iter().map(|e| e.name).collect();
        let expected = [
            "aspiration.created",
            "aspiration.status_changed",
            "aspiration.replied",
            "aspiration.rated",
            "aspiration.disposed",
            "aspiration.returned",
            "programme.applied",
            "programme.decided",
            "factcheck.verdict",
        ];
        assert_eq!(names, expected);
        names.dedup();
        assert_eq!(names.len(), webhook_events().len());
    }

    #[test]
    fn topic_kinds_are_unique_and_named_in_both_languages() {
        let mut codes: Vec<_> = topic_kinds().iter().map(|k| k.code).collect();
        assert_eq!(codes, ["announcement", "training", "programme", "poll", "factcheck", "all"], "the order /topik offers");
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), topic_kinds().len());
        for kind in topic_kinds() {
            for lang in [crate::platform::i18n::Lang::Id, crate::platform::i18n::Lang::En] {
                assert_ne!(crate::platform::i18n::t(lang, &kind.label_key()), kind.label_key(), "{} has no label", kind.code);
            }
        }
    }

    #[test]
    fn every_action_family_has_one_owner() {
        let mut families: Vec<_> = audit_words().iter().flat_map(|w| w.families.iter().copied()).collect();
        let all = families.len();
        families.sort();
        families.dedup();
        assert_eq!(families.len(), all, "a family declared twice: {families:?}");
        for family in ["report", "training", "aspiration", "announcement", "factcheck", "group", "invite", "role", "privacy", "feed", "webhook", "umkm", "console", "poll", "survey", "programme"] {
            assert!(families.contains(&family), "{family} has no sentences");
        }
    }
}
