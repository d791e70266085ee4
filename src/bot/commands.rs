//! The bot layer's own commands: onboarding, language, help, groups and invites.
//! Features declare theirs in their own `bot` module; help and menus list both.

use super::feature::CommandSpec;
use crate::features::members::Role;

/// Declared before the features' commands (menus start with them).
pub const CORE_FIRST: &[CommandSpec] = &[CommandSpec { help: None, ..CommandSpec::new("start", Role::Resident, "") }];

/// Declared after the features' commands.
pub const CORE_LAST: &[CommandSpec] = &[
    CommandSpec::new("gantikim", Role::Resident, "help-line-gantikim"),
    CommandSpec::new("bahasa", Role::Resident, "help-line-bahasa").aliases(&["language"]),
    CommandSpec::new("batal", Role::Resident, "help-line-batal").aliases(&["cancel"]),
    CommandSpec::new("bantuan", Role::Resident, "help-line-bantuan").aliases(&["help"]),
    CommandSpec::new("grupsaya", Role::Coordinator, "help-line-grupsaya"),
    CommandSpec::new("hubungkan", Role::Coordinator, "help-line-hubungkan").hidden(),
    CommandSpec::new("putuskan", Role::Coordinator, "help-line-putuskan").hidden(),
    CommandSpec::new("undang", Role::Staff, "help-line-undang-coordinator").denied("not-allowed-staff"),
    // Admins also invite staff: a second help line in their section.
    CommandSpec::new("undang", Role::Admin, "help-line-undang-staff").hidden(),
];

/// Commands in groups' menus.
pub const GROUP_COMMANDS: &[&str] = &["hubungkan", "putuskan", "bantuan"];

/// Every core command, for clash checks.
pub fn core_commands() -> impl Iterator<Item = &'static CommandSpec> {
    CORE_FIRST.iter().chain(CORE_LAST)
}
