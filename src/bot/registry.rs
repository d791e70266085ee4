//! The features plugged into the bot. Built once at start-up by
//! `app::registry::registry()` from the features' declarations, checked for clashes
//! there, and passed to the handlers, with what else the bot layer needs from the
//! declarations (the topic kinds of `/topik`): the bot layer never calls up into the
//! app for them.

use super::commands::{CORE_FIRST, CORE_LAST, core_commands};
use super::feature::{CommandSpec, Compose, ComposeFn, Plugin};
use super::link::DeepLink;
use crate::kernel::members::roles::INVITE_PREFIX;
use crate::kernel::members::topics::TopicKind;

/// Why a set of features cannot be plugged together (a programming error, caught by
/// a unit test and at start-up).
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum RegistryError {
    #[error("command /{0} is declared twice")]
    Command(String),
    #[error("dialogue kind {0} is owned by two features")]
    DialogKind(&'static str),
    #[error("button prefix {0} is owned by two features")]
    ButtonPrefix(&'static str),
    #[error("deep-link prefix {0} is owned twice or overlaps another")]
    LinkPrefix(&'static str),
    #[error("{0:?} conversations are opened by two features")]
    Composer(Compose),
}

#[derive(Default)]
pub struct Registry {
    plugins: Vec<Box<dyn Plugin>>,
    links: Vec<Box<dyn DeepLink>>,
    /// Who opens each kind of handed-over conversation (see [`super::handover`]).
    composers: Vec<(Compose, ComposeFn)>,
    /// The kinds of group post `/topik` offers, in their order (declared by the
    /// features; handed down by the app, which knows them).
    topic_kinds: Vec<TopicKind>,
}

impl Registry {
    /// Plugs the features in, refusing clashing command names, dialogue kinds or
    /// button prefixes (also with the core's own).
    pub fn new(plugins: Vec<Box<dyn Plugin>>) -> Result<Registry, RegistryError> {
        let registry = Registry { plugins, links: Vec::new(), composers: Vec::new(), topic_kinds: Vec::new() };
        registry.check()?;
        Ok(registry)
    }

    /// Adds the features' deep links, refusing a prefix that overlaps another's or
    /// the invite links' (one payload must have one owner).
    pub fn with_links(mut self, links: Vec<Box<dyn DeepLink>>) -> Result<Registry, RegistryError> {
        let mut prefixes = vec![INVITE_PREFIX];
        for link in &links {
            let prefix = link.prefix();
            if prefix.is_empty() || prefixes.iter().any(|p| p.starts_with(prefix) || prefix.starts_with(p)) {
                return Err(RegistryError::LinkPrefix(prefix));
            }
            prefixes.push(prefix);
        }
        self.links = links;
        Ok(self)
    }

    /// Adds the features' composers, refusing a kind declared twice (one handover,
    /// one owner).
    pub fn with_composers(mut self, composers: Vec<(Compose, ComposeFn)>) -> Result<Registry, RegistryError> {
        for (i, (kind, _)) in composers.iter().enumerate() {
            if composers[..i].iter().any(|(k, _)| k == kind) {
                return Err(RegistryError::Composer(*kind));
            }
        }
        self.composers = composers;
        Ok(self)
    }

    /// The feature's function opening a `kind` conversation.
    pub fn composer(&self, kind: Compose) -> Option<ComposeFn> {
        self.composers.iter().find(|(k, _)| *k == kind).map(|(_, f)| *f)
    }

    /// Sets the kinds of group post `/topik` offers (every feature's, then "every other").
    pub fn with_topic_kinds(mut self, kinds: Vec<TopicKind>) -> Registry {
        self.topic_kinds = kinds;
        self
    }

    /// The kinds of group post `/topik` offers, in their order.
    pub fn topic_kinds(&self) -> &[TopicKind] {
        &self.topic_kinds
    }

    /// The deep link owning a `/start` payload.
    pub fn link(&self, payload: &str) -> Option<&dyn DeepLink> {
        self.links.iter().find(|l| payload.starts_with(l.prefix())).map(|l| l.as_ref())
    }

    fn check(&self) -> Result<(), RegistryError> {
        let mut names: Vec<&str> = Vec::new();
        for spec in self.commands() {
            for name in std::iter::once(&spec.name).chain(spec.aliases) {
                // A command may be declared again by the same owner for another role's
                // help line (e.g. /undang); across owners a name is unique.
                if names.contains(name) && !self.same_owner(name) {
                    return Err(RegistryError::Command(name.to_string()));
                }
                names.push(name);
            }
        }
        let mut kinds = Vec::new();
        let mut prefixes: Vec<&str> = super::callback::CORE_PREFIXES.to_vec();
        for plugin in &self.plugins {
            if let Some(kind) = plugin.dialog_kind() {
                if kinds.contains(&kind) || super::state::is_core_kind(kind) {
                    return Err(RegistryError::DialogKind(kind));
                }
                kinds.push(kind);
            }
            if let Some(prefix) = plugin.button_prefix() {
                if prefixes.contains(&prefix) {
                    return Err(RegistryError::ButtonPrefix(prefix));
                }
                prefixes.push(prefix);
            }
        }
        Ok(())
    }

    /// Whether every declaration of `name` comes from one owner (the core or one feature).
    fn same_owner(&self, name: &str) -> bool {
        let core = core_commands().filter(|s| s.answers_to(name)).count();
        let owners = self.plugins.iter().filter(|p| p.commands().iter().any(|s| s.answers_to(name))).count();
        (core > 0) as usize + owners <= 1
    }

    /// Every command, in the order help and menus show them.
    pub fn commands(&self) -> impl Iterator<Item = &CommandSpec> {
        CORE_FIRST.iter().chain(self.plugins.iter().flat_map(|p| p.commands())).chain(CORE_LAST)
    }

    /// The feature answering to command `name`, with the lowest role declared for it.
    pub fn command(&self, name: &str) -> Option<(&dyn Plugin, &'static CommandSpec)> {
        self.plugins.iter().find_map(|p| {
            let specs = p.commands().iter().filter(|s| s.answers_to(name));
            specs.min_by_key(|s| s.role).map(|spec| (p.as_ref(), spec))
        })
    }

    /// The commands offered for a message sent outside any dialogue, in the
    /// features' order, each once (by its lowest-role spec).
    pub fn offers(&self) -> Vec<&'static CommandSpec> {
        let mut seen: Vec<&'static CommandSpec> = Vec::new();
        for spec in self.plugins.iter().flat_map(|p| p.commands().iter()).filter(|s| s.offer.is_some()) {
            if !seen.iter().any(|s| s.name == spec.name) {
                seen.push(spec);
            }
        }
        seen
    }

    /// The feature owning the dialogue kind `kind`.
    pub fn by_dialog(&self, kind: &str) -> Option<&dyn Plugin> {
        self.plugins.iter().find(|p| p.dialog_kind() == Some(kind)).map(|p| p.as_ref())
    }

    /// Every feature's dialogue kind.
    pub fn dialog_kinds(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.plugins.iter().filter_map(|p| p.dialog_kind())
    }

    /// The feature owning callback data `data` (by its prefix).
    pub fn by_button(&self, data: &str) -> Option<&dyn Plugin> {
        let (prefix, _) = data.split_once(':')?;
        self.plugins.iter().find(|p| p.button_prefix() == Some(prefix)).map(|p| p.as_ref())
    }
}
