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

/// Every route of the listener; `pages` and `badges` are the features' console pages
/// and navigation badges, which the app collects from the declarations and hands
/// down (the frame does not know the features).
pub fn router(ctx: Arc<AppCtx>, pages: &[console::Pages], badges: &[console::NavBadge]) -> Router {
    ops::routes(ctx.clone()).merge(console::routes(ctx, pages, badges))
}
