//! The officer's "Selesai" form in the console with an optional photo of the result.
//!
//! Photos are kept as Telegram file ids (the chat's done-photo is one, and the
//! resident gets it by id through the outbox), so an uploaded photo is sent to
//! Telegram once — into the officer's own private chat with the bot, as a receipt —
//! and the file id of its largest size is what the disposition stores. That costs one
//! direct `sendPhoto` (the only way to learn the id before the ticket is closed) and
//! keeps no image on kimbot's disk; the resident's copy then goes through the outbox
//! like the chat's. The file must be a JPEG or PNG (checked by its first bytes, not
//! by what the browser claims) of at most [`MAX_BYTES`], Telegram's limit for photos.

use axum::Extension;
use axum::extract::{FromRequest, Multipart, Path, Request, State};
use axum::http::header;
use axum::response::Response;
use teloxide::prelude::*;
use teloxide::types::InputFile;

use super::opd::{self, TextForm};
use crate::features::aspirations::dispose;
use crate::features::aspirations::model::{self, Status};
use crate::platform::i18n::{Arg, ta};
use crate::web::console::telegram::Telegram;
use crate::web::console::{ConsoleError, Ctx, Staff};

/// Telegram accepts photos up to 10 MB.
pub const MAX_BYTES: usize = 10 * 1024 * 1024;
/// The request may carry the photo and the form's text fields.
pub const MAX_REQUEST: usize = MAX_BYTES + 64 * 1024;

/// The "Selesai" form as sent: urlencoded (no file input, older pages) or multipart.
#[derive(Debug, Default)]
struct DoneForm {
    csrf: String,
    text: String,
    photo: Option<Vec<u8>>,
    /// A file came that is not a JPEG or PNG, or is too large.
    bad_photo: bool,
}

/// Whether `bytes` start like a JPEG or a PNG file.
fn is_image(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xFF, 0xD8, 0xFF]) || bytes.starts_with(b"\x89PNG\r\n\x1a\n")
}

async fn read_form(req: Request) -> Result<DoneForm, ConsoleError> {
    let multipart = req.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|v| v.starts_with("multipart/form-data"));
    if !multipart {
        let axum::Form(form) = axum::Form::<TextForm>::from_request(req, &()).await.map_err(|_| ConsoleError::BadInput)?;
        return Ok(DoneForm { csrf: form.csrf, text: form.text, ..DoneForm::default() });
    }
    let mut parts = Multipart::from_request(req, &()).await.map_err(|_| ConsoleError::BadInput)?;
    let mut form = DoneForm::default();
    while let Some(mut field) = parts.next_field().await.map_err(|_| ConsoleError::BadInput)? {
        match field.name().unwrap_or_default() {
            "csrf" => form.csrf = field.text().await.map_err(|_| ConsoleError::BadInput)?,
            "text" => form.text = field.text().await.map_err(|_| ConsoleError::BadInput)?,
            "photo" => {
                let mut bytes = Vec::new();
                // Past the size (or the request's limit): refused kindly, the rest unread.
                loop {
                    match field.chunk().await {
                        Ok(Some(chunk)) if bytes.len() + chunk.len() <= MAX_BYTES => bytes.extend_from_slice(&chunk),
                        Ok(None) => break,
                        Ok(Some(_)) | Err(_) => {
                            form.bad_photo = true;
                            break;
                        }
                    }
                }
                if form.bad_photo {
                    return Ok(form);
                }
                // No file chosen: browsers send an empty part.
                if !bytes.is_empty() {
                    form.bad_photo = !is_image(&bytes);
                    form.photo = Some(bytes);
                }
            }
            _ => {}
        }
    }
    Ok(form)
}

/// `POST /dasbor/opd/{id}/selesai`: the closing note and, optionally, the photo.
pub async fn done(
    State(ctx): State<Ctx>,
    Extension(telegram): Extension<Telegram>,
    staff: Staff,
    Path(id): Path<String>,
    req: Request,
) -> Result<Response, ConsoleError> {
    let form = read_form(req).await?;
    staff.check_csrf(&form.csrf)?;
    let held = opd::visible(&ctx, &staff, &id).await?;
    if form.bad_photo {
        return opd::refused(&ctx, &staff, &held, "console-opd-photo-bad").await;
    }
    // The note is checked before the photo goes anywhere.
    if let Err(e) = model::transition(held.scoped.ticket.status, Status::Selesai, Some(&form.text)) {
        return opd::after(&ctx, &staff, &held, Err(e.into())).await;
    }
    let file_id = match form.photo {
        None => None,
        Some(bytes) => match upload(&telegram, &staff, &held.scoped.ticket.number, bytes).await {
            Ok(file_id) => Some(file_id),
            Err(e) => {
                tracing::warn!(error = %e, "console photo upload to Telegram failed");
                return opd::refused(&ctx, &staff, &held, "console-opd-photo-failed").await;
            }
        },
    };
    let result = dispose::done(&ctx, &staff.actor, held.scoped.ticket.id, &form.text, file_id.as_deref()).await;
    opd::after(&ctx, &staff, &held, result.map(|_| "done")).await
}

/// Sends the photo into the officer's own chat and gives its largest size's file id.
async fn upload(telegram: &Telegram, staff: &Staff, ticket: &str, bytes: Vec<u8>) -> Result<String, ConsoleError> {
    let bot = telegram.bot()?;
    let caption = ta(staff.lang, "asp-opd-photo-receipt", &[("ticket", Arg::from(ticket))]);
    let name = if bytes.starts_with(b"\x89PNG") { "hasil.png" } else { "hasil.jpg" };
    let sent = bot
        .send_photo(ChatId(staff.actor.user_id.get()), InputFile::memory(bytes).file_name(name))
        .caption(caption)
        .await
        .map_err(|e| ConsoleError::Telegram(e.to_string()))?;
    let largest = sent.photo().and_then(|sizes| sizes.iter().max_by_key(|p| p.width * p.height));
    largest.map(|p| p.file.id.0.clone()).ok_or_else(|| ConsoleError::Telegram("sendPhoto answered without a photo".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_jpeg_and_png_bytes_pass() {
        let cases: [(&[u8], bool); 5] = [
            (&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], true),
            (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", true),
            (b"GIF89a", false),
            (b"<svg xmlns='http://www.w3.org/2000/svg'/>", false),
            (b"", false),
        ];
        for (bytes, ok) in cases {
            assert_eq!(is_image(bytes), ok, "{bytes:?}");
        }
    }
}
