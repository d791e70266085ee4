//! The console's *Aspirasi* pages: the queue of tickets in the person's scope
//! ([`queue`]), one ticket with its thread, status moves and replies ([`ticket`],
//! with [`undo`] for a change just made), and its photos proxied through kimbot
//! ([`photo`]), and the agencies' part ([`opd`]: officers' queue and ticket, staff
//! sending a ticket to an agency). A ticket outside someone's scope looks exactly
//! like a missing one. The staff desk: tickets addressed by number and saved
//! filters ([`desk`]), assignment ([`assign`]), bulk actions ([`bulk`]).

mod assign;
mod bulk;
mod desk;
mod opd;
mod opd_photo;
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
pub const PAGES: Pages = Pages { routes, nav: &[NAV, opd::NAV] };

fn routes() -> Router<Ctx> {
    Router::new()
        .route("/dasbor/aspirasi", get(queue::page))
        .route("/dasbor/aspirasi/kembali", get(queue::back))
        .route("/dasbor/aspirasi/unduh", get(queue::export))
        .route("/dasbor/aspirasi/massal", post(bulk::apply))
        .route("/dasbor/aspirasi/filter", post(desk::save))
        .route("/dasbor/aspirasi/filter/{id}/hapus", post(desk::remove))
        .route("/dasbor/aspirasi/{id}/ambil", post(assign::take))
        .route("/dasbor/aspirasi/{id}/tugaskan", post(assign::assign))
        .route("/dasbor/aspirasi/{id}", get(ticket::page))
        .route("/dasbor/aspirasi/{id}/status", post(ticket::change_status))
        .route("/dasbor/aspirasi/{id}/balas", post(ticket::reply))
        .route("/dasbor/aspirasi/{id}/urungkan", post(undo::undo))
        .route("/dasbor/aspirasi/{id}/foto/{n}", get(photo::photo))
        .route("/dasbor/aspirasi/{id}/opd", post(opd::send))
        .route("/dasbor/aspirasi/{id}/tarik", post(opd::recall))
        .route("/dasbor/opd", get(opd::queue))
        .route("/dasbor/opd/{id}", get(opd::ticket))
        .route("/dasbor/opd/{id}/terima", post(opd::accept))
        .route("/dasbor/opd/{id}/progres", post(opd::progress))
        .route("/dasbor/opd/{id}/selesai", post(opd_photo::done).layer(axum::extract::DefaultBodyLimit::max(opd_photo::MAX_REQUEST)))
        .route("/dasbor/opd/{id}/kembalikan", post(opd::give_back))
}
