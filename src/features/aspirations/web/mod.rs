//! The console's *Aspirasi* pages: the queue of tickets in the person's scope
//! ([`queue`]), one ticket with its thread, status moves and replies ([`ticket`],
//! with [`undo`] for a change just made), and its photos proxied through kimbot
//! ([`photo`]), and the agencies' part ([`opd`]: officers' queue and ticket, staff
//! sending a ticket to an agency). A ticket outside someone's scope looks exactly
//! like a missing one. The staff desk: tickets addressed by number and saved
//! filters ([`desk`]), assignment ([`assign`]), bulk actions ([`bulk`]), the
//! [`canned`] replies, the [`map`] of tickets (with its embedded [`assets`]), and the
//! new-work badge.

mod assets;
mod assign;
mod bulk;
mod canned;
mod desk;
mod map;
mod opd;
mod opd_photo;
mod photo;
mod queue;
mod ticket;
mod timeline;
mod undo;

use axum::Router;
use axum::routing::{get, post};

use crate::web::console::{BadgeCount, Ctx, NavBadge, NavEntry, Pages, Staff};

/// *Aspirasi* in the console's navigation, its first entry.
const NAV: NavEntry = NavEntry { path: "/dasbor/aspirasi", label: "console-nav-queue", order: 10, shown: NavEntry::everyone };

/// Aspirations' console pages.
pub const PAGES: Pages = Pages { routes, nav: &[NAV, opd::NAV, canned::NAV, map::NAV] };

/// New and returned tickets (waiting in *Diterima*) beside *Aspirasi*.
pub const BADGE: NavBadge = NavBadge { path: NAV.path, count: new_work };

fn new_work<'a>(ctx: &'a Ctx, staff: &'a Staff) -> BadgeCount<'a> {
    Box::pin(async move {
        let kims: Vec<i64> = staff.kims(ctx).await?.iter().map(|k| k.id.get()).collect();
        if kims.is_empty() {
            return Ok(0);
        }
        Ok(crate::features::aspirations::desk_store::count_new(&ctx.db, &kims).await?)
    })
}

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
        .route("/dasbor/aspirasi/{id}/catatan", post(ticket::note))
        .route("/dasbor/balasan", get(canned::list).post(canned::add))
        .route("/dasbor/balasan/{id}", get(canned::edit_page).post(canned::edit))
        .route("/dasbor/balasan/{id}/hapus", post(canned::delete))
        .route("/dasbor/peta", get(map::page))
        .route("/dasbor/peta/data", get(map::data))
        .route("/dasbor/peta/aset/{name}", get(assets::file))
        .route("/dasbor/peta/aset/images/{name}", get(assets::image))
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
