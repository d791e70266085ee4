//! What a feature plugs into the console ([`crate::plug::Feature::with_console`]):
//! its routes and its navigation entries. The frame ([`super::routes`]) merges every
//! declared feature's routes under its own login, guard and error pages, and builds
//! the navigation from the entries, sorted by [`NavEntry::order`]; it names no feature.

use std::sync::Arc;

use axum::Router;
use serde::Deserialize;

use super::{Ctx, Staff};

/// One link of the console's navigation.
#[derive(Debug, Clone, Copy)]
pub struct NavEntry {
    /// The page it opens; pages name it to mark themselves current ([`super::layout::page`]).
    pub path: &'static str,
    /// The message key of its label.
    pub label: &'static str,
    /// Its place in the navigation, smallest first.
    pub order: u16,
    /// Whether this person sees the link (the page checks again on its own).
    pub shown: fn(&Staff) -> bool,
}

impl NavEntry {
    /// For an entry every console user sees, except agency (OPD) officers, who see
    /// only their agency's pages.
    pub fn everyone(staff: &Staff) -> bool {
        !staff.officer_only()
    }
}

/// A count of new work shown beside the navigation entry at `path` (e.g. new and
/// returned tickets beside *Aspirasi*), declared with
/// [`crate::plug::Feature::with_nav_badge`]. Counted for each page a person opens
/// and refreshed in the page by `/dasbor/lencana.js` from `/dasbor/lencana`; zero
/// hides it. `count` sees the person, so it counts only what they may see.
#[derive(Clone, Copy)]
pub struct NavBadge {
    pub path: &'static str,
    pub count: BadgeFn,
}

impl std::fmt::Debug for NavBadge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NavBadge").field("path", &self.path).finish_non_exhaustive()
    }
}

/// Counts a badge for one person.
pub type BadgeFn = for<'a> fn(&'a Ctx, &'a Staff) -> BadgeCount<'a>;
/// A badge being counted.
pub type BadgeCount<'a> = std::pin::Pin<Box<dyn std::future::Future<Output = Result<i64, super::ConsoleError>> + Send + 'a>>;

/// The declared badges (an axum extension, like [`Nav`]).
#[derive(Debug, Clone, Default)]
pub struct NavBadges(pub Arc<[NavBadge]>);

/// One person's badge counts, by navigation path.
#[derive(Debug, Clone, Default)]
pub struct BadgeCounts(pub Vec<(&'static str, i64)>);

impl BadgeCounts {
    /// The count beside `path`, if it has a badge.
    pub fn of(&self, path: &str) -> Option<i64> {
        self.0.iter().find(|(p, _)| *p == path).map(|(_, n)| *n)
    }
}

/// Counts every declared badge whose navigation entry this person sees.
pub async fn count_badges(ctx: &Ctx, staff: &Staff, declared: &NavBadges) -> Result<BadgeCounts, super::ConsoleError> {
    let mut counts = Vec::new();
    for badge in declared.0.iter() {
        let shown = staff.nav.0.iter().any(|e| e.path == badge.path && (e.shown)(staff));
        if shown {
            counts.push((badge.path, (badge.count)(ctx, staff).await?));
        }
    }
    Ok(BadgeCounts(counts))
}

/// One feature's console pages.
#[derive(Clone, Copy)]
pub struct Pages {
    /// Builds its routes (state: the application context).
    pub routes: fn() -> Router<Ctx>,
    /// Its navigation entries (none for pages reached only through links).
    pub nav: &'static [NavEntry],
}

/// The navigation of this console, as built from the declarations: every request
/// carries it (an axum extension) and [`Staff`] hands it to the layout.
#[derive(Debug, Clone, Default)]
pub struct Nav(pub Arc<[NavEntry]>);

impl Nav {
    /// The entries of `pages`, in their declared order.
    pub fn of(pages: &[Pages]) -> Nav {
        let mut entries: Vec<NavEntry> = pages.iter().flat_map(|p| p.nav.iter().copied()).collect();
        entries.sort_by_key(|e| e.order);
        Nav(entries.into())
    }
}

/// Every declared feature's routes in one router.
pub fn merged(pages: &[Pages]) -> Router<Ctx> {
    pages.iter().fold(Router::new(), |router, p| router.merge((p.routes)()))
}

/// What a form just did, carried by its redirect (`?done=routed`, POST then
/// redirect then GET, so a reload repeats nothing): a page shows the notice of a
/// code from its own fixed list and ignores any other.
#[derive(Debug, Default, Deserialize)]
pub struct Done {
    #[serde(default)]
    pub done: String,
}
