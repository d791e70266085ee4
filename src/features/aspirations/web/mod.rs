//! The console's *Aspirasi* pages: the queue of tickets in the person's scope
//! ([`queue`]), one ticket with its thread, status moves and replies ([`ticket`],
//! with [`undo`] for a change just made), and its photos proxied through kimbot
//! ([`photo`]). A ticket outside someone's scope looks exactly like a missing one.

mod photo;
mod queue;
mod ticket;
mod undo;

use axum::Router;
use axum::routing::{get, post};

use crate::web::console::{Ctx, NavEntry, Pages};

/// *Aspirasi* in the console's navigation, its first entry.
const NAV: NavEntry = NavEntry { path: "/dasbor/aspirasi", label: "console-nav-queue", order: 10, shown: NavEntry::everyone };

/// Aspirations' console pages.
pub const PAGES: Pages = Pages { routes, nav: &[NAV] };

fn routes() -> Router<Ctx> {
    Router::new()
        .route("/dasbor/aspirasi", get(queue::page))
        .route("/dasbor/aspirasi/{id}", get(ticket::page))
        .route("/dasbor/aspirasi/{id}/status", post(ticket::change_status))
        .route("/dasbor/aspirasi/{id}/balas", post(ticket::reply))
        .route("/dasbor/aspirasi/{id}/urungkan", post(undo::undo))
        .route("/dasbor/aspirasi/{id}/foto/{n}", get(photo::photo))
}
