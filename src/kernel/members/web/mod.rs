//! The kernel's console pages, merged by the console's frame beside its own:
//! [`kims`] (*KIM & wilayah*, admins) and [`import`] (CSV imports of areas and
//! agencies from those pages).

pub mod import;
pub mod kims;

use axum::Router;
use axum::routing::{get, post};

use crate::web::console::Ctx;

pub use kims::NAV as KIMS_NAV;

/// The routes of the kernel's pages.
pub fn routes() -> Router<Ctx> {
    Router::new()
        .route("/dasbor/kim", get(kims::page))
        .route("/dasbor/kim/tambah", post(kims::add))
        .route("/dasbor/kim/ubah", post(kims::change))
        .route("/dasbor/kim/pensiun", post(kims::retire))
        .route("/dasbor/impor", post(import::upload))
        .route("/dasbor/impor/{token}", get(import::show).post(import::apply))
}
