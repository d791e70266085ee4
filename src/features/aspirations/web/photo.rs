//! Ticket photos, proxied: the browser asks kimbot for photo `n` of a ticket it may
//! see; kimbot asks Telegram (`getFile`, then the file download) with its own token
//! and streams the bytes on. The token and Telegram's file URL never reach the
//! browser. Each photo view is audited with the ticket number.
//!
//! A coordinator reading an anonymous ticket gets the "not found" of a missing photo:
//! a photo of one's street identifies a neighbour as well as a name would.

use axum::Extension;
use axum::body::{Body, Bytes};
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use futures_util::{Stream, StreamExt};
use teloxide::net::Download;
use teloxide::prelude::*;

use super::ticket::visible;
use crate::web::console::telegram::Telegram;
use crate::web::console::{ConsoleError, Ctx, Staff};
use crate::features::aspirations::{flow, store};
use crate::platform::audit;

/// Telegram's bots may download files up to 20 MB; a download that runs past this
/// (whatever `getFile` said) is cut off.
const MAX_BYTES: u64 = 20 * 1024 * 1024;

pub async fn photo(
    State(ctx): State<Ctx>,
    Extension(telegram): Extension<Telegram>,
    staff: Staff,
    Path((id, n)): Path<(String, usize)>,
) -> Result<Response, ConsoleError> {
    let scoped = visible(&ctx, &staff, &id).await?;
    if flow::hides_sender(&scoped) {
        return Err(ConsoleError::NotFound);
    }
    let photos = store::photos(&ctx.db, scoped.ticket.id).await?;
    let file_id = photos.get(n).ok_or(ConsoleError::NotFound)?;
    let bot = telegram.bot()?;
    let file = bot.get_file(teloxide::types::FileId(file_id.clone())).await.map_err(|e| ConsoleError::Telegram(e.to_string()))?;
    if u64::from(file.size) > MAX_BYTES {
        return Err(ConsoleError::NotFound);
    }
    let detail = format!("{} photo={n}", scoped.ticket.number);
    audit::record(&ctx.db, Some(staff.actor.user_id), "console.photo", &detail, ctx.now()).await?;
    let mut response = Body::from_stream(capped(bot.download_file_stream(&file.path), MAX_BYTES)).into_response();
    let headers = response.headers_mut();
    // Telegram stores photos as JPEG.
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("image/jpeg"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    Ok(response)
}

/// Passes chunks on until more than `max` bytes went by, then ends the body with an
/// error: the process holds one chunk at a time, never a whole file.
fn capped<E>(stream: impl Stream<Item = Result<Bytes, E>>, max: u64) -> impl Stream<Item = std::io::Result<Bytes>>
where
    E: std::error::Error + Send + Sync + 'static,
{
    stream.scan((0u64, false), move |(seen, done), chunk| {
        if *done {
            return futures_util::future::ready(None);
        }
        let item = chunk.map_err(std::io::Error::other).and_then(|bytes| {
            *seen += bytes.len() as u64;
            if *seen > max { Err(std::io::Error::other("photo larger than Telegram's limit")) } else { Ok(bytes) }
        });
        *done = item.is_err();
        futures_util::future::ready(Some(item))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_download_is_passed_on_in_chunks_and_cut_off_past_the_limit() {
        let chunks = (0..4).map(|_| Ok::<_, std::io::Error>(Bytes::from_static(&[7; 10])));
        let out: Vec<_> = capped(futures_util::stream::iter(chunks), 25).collect().await;
        assert_eq!(out.len(), 3, "two chunks, then the error, then nothing");
        assert!(out[0].is_ok() && out[1].is_ok() && out[2].is_err());
    }
}
