//! The HTTP side of kimbot, served by one listener per process (`KIMBOT_HTTP_ADDR`):
//! [`console`] is the staff web console's frame (features bring their pages), [`ops`] the health and metrics endpoints,
//! [`telegram`] the webhook Telegram POSTs updates to (webhook mode); [`guard`] wraps
//! them all (panics become a 500 page, request bodies have a deadline).

pub mod console;
pub mod guard;
pub mod ops;
pub mod telegram;

use std::sync::Arc;

use axum::Router;

use crate::platform::ctx::AppCtx;

/// Every route of the listener; `pages` are the features' console pages
/// (`app::registry::console_pages`).
pub fn router(ctx: Arc<AppCtx>, pages: &[console::Pages]) -> Router {
    ops::routes(ctx.clone()).merge(console::routes(ctx, pages))
}
