//! Ticket photos, proxied: the browser asks kimbot for photo `n` of a ticket it may
//! see; kimbot asks Telegram (`getFile`, then the file download) with its own token
//! and passes the bytes on. The token and Telegram's file URL never reach the
//! browser. Each photo view is audited with the ticket number.

use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use teloxide::net::Download;
use teloxide::prelude::*;

use super::ticket::visible;
use super::{ConsoleError, Ctx, Staff};
use crate::features::aspirations::store;
use crate::platform::audit;

/// Telegram's bots may download files up to 20 MB.
const MAX_BYTES: u64 = 20 * 1024 * 1024;

pub(super) fn bot(ctx: &Ctx) -> Result<Bot, ConsoleError> {
    let token = ctx.config.token.as_ref().ok_or_else(|| ConsoleError::Telegram("no bot token configured".into()))?;
    let mut bot = Bot::new(token.expose());
    if let Some(url) = &ctx.config.api_url {
        bot = bot.set_api_url(url.clone());
    }
    Ok(bot)
}

pub async fn photo(State(ctx): State<Ctx>, staff: Staff, Path((id, n)): Path<(String, usize)>) -> Result<Response, ConsoleError> {
    let scoped = visible(&ctx, &staff, &id).await?;
    let photos = store::photos(&ctx.db, scoped.ticket.id).await?;
    let file_id = photos.get(n).ok_or(ConsoleError::NotFound)?;
    let bot = bot(&ctx)?;
    let upstream = |e: &dyn std::fmt::Display| ConsoleError::Telegram(e.to_string());
    let file = bot.get_file(teloxide::types::FileId(file_id.clone())).await.map_err(|e| upstream(&e))?;
    if u64::from(file.size) > MAX_BYTES {
        return Err(ConsoleError::NotFound);
    }
    let mut bytes = Vec::with_capacity(file.size as usize);
    bot.download_file(&file.path, &mut bytes).await.map_err(|e| upstream(&e))?;
    let detail = format!("{} photo={n}", scoped.ticket.number);
    audit::record(&ctx.db, Some(staff.actor.user_id), "console.photo", &detail, ctx.now()).await?;
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    // Telegram stores photos as JPEG.
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("image/jpeg"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    Ok(response)
}
