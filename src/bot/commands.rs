//! The bot layer's own commands: the dialogue frame (`/start`, `/batal`, `/bantuan`).
//! Features declare theirs in their own `bot` module (the membership commands
//! `/bahasa`, `/gantikim`, `/grupsaya`, `/undang` in `kernel::members::bot`); help
//! and menus list both.

use super::feature::CommandSpec;
use crate::kernel::members::Role;

/// Declared before the features' commands (menus start with them).
pub const CORE_FIRST: &[CommandSpec] = &[CommandSpec { help: None, ..CommandSpec::new("start", Role::Resident, "") }];

/// Declared after the features' commands.
pub const CORE_LAST: &[CommandSpec] = &[
    CommandSpec::new("batal", Role::Resident, "help-line-batal").aliases(&["cancel"]),
    CommandSpec::new("bantuan", Role::Resident, "help-line-bantuan").aliases(&["help"]),
];

/// Commands in groups' menus.
pub const GROUP_COMMANDS: &[&str] = &["hubungkan", "topik", "putuskan", "bantuan"];

/// Every core command, for clash checks.
pub fn core_commands() -> impl Iterator<Item = &'static CommandSpec> {
    CORE_FIRST.iter().chain(CORE_LAST)
}
