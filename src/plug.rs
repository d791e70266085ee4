//! A feature's declaration: everything it plugs into kimbot (its chat plug, deep
//! links, background jobs, console pages, personal data, the sentences of its audit
//! entries, its webhook events, its period reports and the updates no chat owns), written once
//! in the feature's own `mod.rs` and listed once in [`crate::app::registry`].
//!
//! The bot router, the job runner, the console's frame, the webhook worker, the audit
//! readers and privacy read these declarations; none of them names a feature, so a new
//! feature is one folder plus one line in the registry.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use teloxide::dispatching::DpHandlerDescription;
use teloxide::dptree::Handler;

use crate::bot::HandlerResult;
use crate::bot::feature::{ChatFeature, Compose, ComposeFn, Plugin, plug};
use crate::bot::link::DeepLink;
use crate::kernel::audience::segment::Segment;
use crate::platform::webhook_events::Event;
use crate::platform::audit::words::Vocabulary;
use crate::platform::ctx::AppCtx;
use crate::platform::db::{Db, DbResult};
use crate::platform::export::kinds::PeriodReport;
use crate::platform::personal::{ConsentPurpose, PersonalData, RoleLostHook};
use crate::platform::scheduler::{Job, Stop};
use crate::web::console::{NavBadge, Pages};

/// The bot's update tree, as a feature may extend it.
pub type UpdateTree = Handler<'static, HandlerResult, DpHandlerDescription>;

/// Starts one of a feature's background jobs: it runs until [`Stop`] turns true.
pub type JobFn = fn(Arc<AppCtx>, Stop) -> Pin<Box<dyn Future<Output = ()> + Send>>;

/// Brings rows an older version stored up to date (returns how many it changed): run
/// at start-up, after the migrations and before any update is handled, for changes
/// SQL alone cannot make (e.g. a keyed hash computed in Rust).
pub type UpgradeFn = for<'a> fn(&'a Db, i64) -> Upgrade<'a>;

/// A running data upgrade.
pub type Upgrade<'a> = Pin<Box<dyn Future<Output = DbResult<u64>> + Send + 'a>>;

/// Where a feature's personal data sits among the owners: parents (the people and
/// their memberships) are shown first and erased last, after every row that points at them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum DataRank {
    Parent,
    Child,
}

/// A feature's part of the bot's registry ([`Feature::into_chat`]).
pub struct Chat {
    pub plugin: Option<Box<dyn Plugin>>,
    pub links: Vec<Box<dyn DeepLink>>,
    pub composers: Vec<(Compose, ComposeFn)>,
}

/// What one feature plugs in. Built with [`Feature::new`] and the `with_…` steps.
pub struct Feature {
    pub name: &'static str,
    chat: Option<Box<dyn Plugin>>,
    links: Vec<Box<dyn DeepLink>>,
    composers: Vec<(Compose, ComposeFn)>,
    jobs: Vec<(&'static str, JobFn)>,
    personal: Option<(&'static PersonalData, DataRank)>,
    segments: Vec<&'static Segment>,
    purposes: Vec<&'static ConsentPurpose>,
    role_lost: Vec<RoleLostHook>,
    updates: Option<fn(UpdateTree) -> UpdateTree>,
    audit_words: Vec<&'static Vocabulary>,
    console: Option<Pages>,
    badges: Vec<NavBadge>,
    webhook_events: &'static [Event],
    upgrades: Vec<(&'static str, UpgradeFn)>,
    period_reports: Vec<&'static PeriodReport>,
    backlogs: Vec<crate::platform::ops::Backlog>,
    topic_kinds: Vec<crate::kernel::members::topics::TopicKind>,
}

impl Feature {
    pub fn new(name: &'static str) -> Feature {
        let (links, jobs, audit_words, upgrades) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        Feature { name, chat: None, links, composers: Vec::new(), jobs, personal: None, purposes: Vec::new(), segments: Vec::new(), role_lost: Vec::new(), updates: None, audit_words, console: None, badges: Vec::new(), webhook_events: &[], upgrades, period_reports: Vec::new(), backlogs: Vec::new(), topic_kinds: Vec::new() }
    }

    /// Scheduled work of its that can fall behind, measured by `/metrics`.
    pub fn with_backlog(mut self, backlog: crate::platform::ops::Backlog) -> Feature {
        self.backlogs.push(backlog);
        self
    }

    pub fn backlogs(&self) -> &[crate::platform::ops::Backlog] {
        &self.backlogs
    }

    /// A kind of group post of its, which a forum topic can take (`/topik`).
    pub fn with_topic_kind(mut self, kind: crate::kernel::members::topics::TopicKind) -> Feature {
        self.topic_kinds.push(kind);
        self
    }

    pub fn topic_kinds(&self) -> &[crate::kernel::members::topics::TopicKind] {
        &self.topic_kinds
    }

    /// Its commands, dialogue and buttons.
    pub fn with_chat<F: ChatFeature>(mut self) -> Feature {
        self.chat = Some(plug::<F>());
        self
    }

    /// A `t.me/<bot>?start=<prefix>…` link it answers.
    pub fn with_link(mut self, link: impl DeepLink + 'static) -> Feature {
        self.links.push(Box::new(link));
        self
    }

    /// The conversation of `kind` it opens when another feature hands a text over
    /// (see [`crate::bot::handover`]).
    pub fn with_composer(mut self, kind: Compose, open: ComposeFn) -> Feature {
        self.composers.push((kind, open));
        self
    }

    /// A background job of every running process.
    pub fn with_job(mut self, name: &'static str, run: JobFn) -> Feature {
        self.jobs.push((name, run));
        self
    }

    /// The personal data it stores (for `/datasaya` and `/hapusdata`).
    pub fn with_personal_data(mut self, data: &'static PersonalData, rank: DataRank) -> Feature {
        self.personal = Some((data, rank));
        self
    }

    /// A purpose it asks people's consent for (a `consents` row), with its words.
    pub fn with_consent_purpose(mut self, purpose: &'static ConsentPurpose) -> Feature {
        self.purposes.push(purpose);
        self
    }

    pub fn consent_purposes(&self) -> &[&'static ConsentPurpose] {
        &self.purposes
    }

    /// People it lets staff address in private chats (see [`Segment`]).
    pub fn with_audience_segment(mut self, segment: &'static Segment) -> Feature {
        self.segments.push(segment);
        self
    }

    pub fn audience_segments(&self) -> &[&'static Segment] {
        &self.segments
    }

    /// What it does when a person loses their last role (see [`RoleLostHook`]).
    pub fn with_role_lost(mut self, hook: RoleLostHook) -> Feature {
        self.role_lost.push(hook);
        self
    }

    pub fn role_lost_hooks(&self) -> &[RoleLostHook] {
        &self.role_lost
    }

    /// Branches for updates that belong to no chat (e.g. answers to polls).
    pub fn with_updates(mut self, branch: fn(UpdateTree) -> UpdateTree) -> Feature {
        self.updates = Some(branch);
        self
    }

    /// The sentences of the audit entries it records.
    pub fn with_audit_words(mut self, words: &'static Vocabulary) -> Feature {
        self.audit_words.push(words);
        self
    }

    /// Its pages in the staff console: routes and navigation entries.
    pub fn with_console(mut self, pages: Pages) -> Feature {
        self.console = Some(pages);
        self
    }

    /// A count shown beside one of its navigation entries (new work waiting),
    /// refreshed in the page by the console's small script.
    pub fn with_nav_badge(mut self, badge: NavBadge) -> Feature {
        self.badges.push(badge);
        self
    }

    pub fn nav_badges(&self) -> &[NavBadge] {
        &self.badges
    }

    pub fn console(&self) -> Option<Pages> {
        self.console
    }

    pub fn audit_words(&self) -> &[&'static Vocabulary] {
        &self.audit_words
    }

    /// The webhook events it sends, each with the builder of its body.
    pub fn with_webhook_events(mut self, events: &'static [Event]) -> Feature {
        self.webhook_events = events;
        self
    }

    pub fn webhook_events(&self) -> &'static [Event] {
        self.webhook_events
    }

    /// A data upgrade of rows stored by an older version (see [`UpgradeFn`]).
    pub fn with_upgrade(mut self, name: &'static str, run: UpgradeFn) -> Feature {
        self.upgrades.push((name, run));
        self
    }

    pub fn upgrades(&self) -> &[(&'static str, UpgradeFn)] {
        &self.upgrades
    }

    /// A report over a period and an area that `/laporan` and the console's *Unduh*
    /// offer (see [`PeriodReport`]).
    pub fn with_period_report(mut self, report: &'static PeriodReport) -> Feature {
        self.period_reports.push(report);
        self
    }

    pub fn period_reports(&self) -> &[&'static PeriodReport] {
        &self.period_reports
    }

    /// Takes the chat plug, the deep links and the composers out, for the bot's registry.
    pub fn into_chat(self) -> Chat {
        Chat { plugin: self.chat, links: self.links, composers: self.composers }
    }

    /// Its jobs, started for `ctx`.
    pub fn jobs(&self, ctx: &Arc<AppCtx>, stop: &Stop) -> Vec<Job> {
        self.jobs.iter().map(|(name, run)| Job { name, run: run(ctx.clone(), stop.clone()) }).collect()
    }

    pub fn personal_data(&self) -> Option<(&'static PersonalData, DataRank)> {
        self.personal
    }

    /// `tree` with this feature's extra update branches.
    pub fn extend_updates(&self, tree: UpdateTree) -> UpdateTree {
        match self.updates {
            Some(branch) => branch(tree),
            None => tree,
        }
    }
}
