//! The staff web console: server-rendered pages over the same domain actions as the
//! chat. People log in with a one-time link from `/dasbor` ([`bot`]); every request
//! re-reads their role and scope ([`staff`]), every POST carries the session's CSRF
//! token, and a ticket outside someone's scope looks exactly like a missing one.
//!
//! This module is the frame; it names no feature's pages. A feature declares its
//! pages with [`crate::plug::Feature::with_console`] ([`Pages`]: a router and its
//! navigation entries, in `features/<f>/web`), and [`routes`] merges them all.
//!
//! - [`auth`]: login links and sessions (hashed secrets, SQL).
//! - [`staff`]: the person behind a request; [`login`]: the link, logout, language.
//! - [`pages`]: what a feature declares, and the navigation built from it.
//! - [`layout`]: the page frame, embedded CSS, error pages ([`errors`] draws them
//!   inside the frame for a logged-in reader); [`guard`]: security
//!   headers on every response and the same-origin check of the login.
//! - [`files`] (download slots, streamed files) and [`telegram`] (the Bot API
//!   handle): helpers for features' pages.
//! - The console's own pages, over several features or the kernel: [`summary`]
//!   (*Ringkasan*), [`audit_log`] (*Audit*), [`people`] (*Orang & peran*: roles,
//!   invites, revocations with the schedule hand-over), `agencies` (*OPD & rute*),
//!   `kims` (*KIM & wilayah*) and `imports` (CSV imports from those two), returned by
//!   [`own`]; the app declares them as the console's feature (`app::console`).

mod agencies;
pub(crate) mod audit_log;
mod audit_words;
mod badges;
mod errors;
pub mod auth;
pub mod bot;
pub mod files;
mod guard;
mod help;
mod imports;
mod kims;
pub mod layout;
mod login;
pub mod place;
mod people;
pub mod pages;
pub mod personal;
mod staff;
pub mod summary;
pub mod telegram;

use std::sync::Arc;

use axum::Router;
use axum::routing::{get, post};

use crate::platform::ctx::AppCtx;
use crate::platform::db::DbError;

pub use pages::{BadgeCount, Done, Nav, NavBadge, NavEntry, Pages};
pub use staff::Staff;

/// What the console's handlers share: the application context.
pub type Ctx = Arc<AppCtx>;

/// Why a console request did not get its page. Each maps to one page in
/// [`layout`]; database errors are logged, never shown.
#[derive(Debug, thiserror::Error)]
pub enum ConsoleError {
    /// No session, an ended or idle one, or a person who lost their role.
    #[error("not logged in")]
    LoggedOut,
    /// No such thing, or not in this person's scope (the same answer on purpose).
    #[error("not found")]
    NotFound,
    /// A page or action this person's role does not allow.
    #[error("forbidden")]
    Forbidden,
    /// A POST without the session's CSRF token: a form from before a new login, or
    /// from elsewhere. Said apart from [`ConsoleError::Forbidden`], whose remedy differs.
    #[error("stale form")]
    Expired,
    /// A form value the page cannot use (a malformed period, say).
    #[error("bad input")]
    BadInput,
    /// Every download slot is taken ([`EXPORTS_AT_ONCE`]); try again shortly.
    #[error("busy")]
    Busy,
    /// Telegram did not give us a file (logged; the person sees the error page).
    #[error("telegram: {0}")]
    Telegram(String),
    #[error(transparent)]
    Report(#[from] crate::platform::export::ExportError),
    #[error(transparent)]
    Db(#[from] DbError),
}

/// Report files the console builds at once in one process (see
/// `AppCtx::console_exports`): each is a streamed XLSX/CSV build on a machine of a
/// few cores; one more download is answered "busy, try again".
pub const EXPORTS_AT_ONCE: usize = 2;

/// The console's routes: the frame's (login, logout, language, stylesheet, the
/// error page for any other path) and every declared feature's [`Pages`], under the
/// guard's headers; the caller mounts them on its HTTP listener.
pub fn routes(ctx: Ctx, pages: &[Pages], badges: &[NavBadge]) -> Router {
    let telegram = telegram::Telegram::new(&ctx);
    Router::new()
        .route("/masuk/{token}", get(login::link_page))
        .route("/masuk", post(login::log_in))
        .route("/keluar", post(login::log_out))
        .route("/dasbor", get(login::home))
        .route("/dasbor/bahasa", post(login::set_language))
        .route("/dasbor/gaya.css", get(layout::stylesheet))
        .route("/dasbor/lencana", get(badges::counts))
        .route("/dasbor/lencana.js", get(badges::script))
        .merge(pages::merged(pages))
        .fallback(layout::not_found)
        .layer(axum::middleware::from_fn(place::remember))
        .layer(axum::middleware::from_fn_with_state((ctx.clone(), Nav::of(pages)), errors::framed))
        .layer(axum::Extension(Nav::of(pages)))
        .layer(axum::Extension(pages::NavBadges(badges.into())))
        .layer(axum::Extension(telegram))
        .layer(axum::middleware::map_response_with_state(ctx.clone(), guard::headers))
        .with_state(ctx)
}

/// The pages that stay with the console itself: the cross-feature ones.
fn own_pages() -> Router<Ctx> {
    Router::new()
        .route("/dasbor/ringkasan", get(summary::page))
        .route("/dasbor/audit", get(audit_log::page))
        .route("/dasbor/bantuan", get(help::page))
        .route("/dasbor/dinas", get(agencies::page))
        .route("/dasbor/dinas/rute", post(agencies::route))
        .route("/dasbor/dinas/rute/hapus", post(agencies::unroute))
        .route("/dasbor/orang", get(people::list))
        .route("/dasbor/orang/undang", post(people::invite))
        .route("/dasbor/orang/cabut", post(people::revoke))
        .route("/dasbor/orang/pindah", post(people::change_scope))
        .route("/dasbor/kim", get(kims::page))
        .route("/dasbor/kim/tambah", post(kims::add))
        .route("/dasbor/kim/ubah", post(kims::change))
        .route("/dasbor/kim/pensiun", post(kims::retire))
        .route("/dasbor/impor", post(imports::upload))
        .route("/dasbor/impor/{token}", get(imports::show).post(imports::apply))
}

/// Navigation entries of the console's own pages.
pub(crate) mod nav {
    use super::pages::NavEntry;
    use crate::kernel::members::permissions::{Action, may};

    pub const SUMMARY: NavEntry = NavEntry { path: "/dasbor/ringkasan", label: "console-nav-summary", order: 20, shown: NavEntry::everyone };
    pub const AUDIT: NavEntry = NavEntry { path: "/dasbor/audit", label: "console-nav-audit", order: 70, shown: |s| may(&s.actor, Action::ReadAudit) };
}

/// The console's own pages (the cross-feature ones and the kernel's) and their
/// navigation entries. The console is declared as a feature by the app
/// (`app::console`), so this frame does not name the plug that names it.
pub fn own() -> Pages {
    Pages { routes: own_pages, nav: &[nav::SUMMARY, people::NAV, kims::NAV, agencies::NAV, nav::AUDIT, help::NAV] }
}

/// The sentences of the console's own audit entries (logins, sessions).
pub use audit_words::WORDS as AUDIT_WORDS;

/// The link `/dasbor` hands out: `<public url>/masuk/<token>`.
pub fn login_url(ctx: &AppCtx, token: &str) -> String {
    format!("{}/masuk/{token}", ctx.config.public_url.as_str().trim_end_matches('/'))
}

/// The console's "something went wrong" page (500), for failures outside any one
/// handler's error type: a handler that panicked ([`crate::web::guard`]).
pub fn server_error_page() -> axum::response::Response {
    layout::notice(axum::http::StatusCode::INTERNAL_SERVER_ERROR, crate::platform::i18n::Lang::Id, "console-error-title", "console-error")
}
