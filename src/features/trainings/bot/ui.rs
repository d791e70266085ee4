//! Small shared pieces of the trainings handlers: buttons, paging, error texts,
//! and the permission check every coordinator button goes through.

use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup};
use teloxide::{ApiError, RequestError};

use super::Btn;
use crate::platform::db::DbResult;
use crate::platform::i18n::{Arg, Lang, t, ta};
use crate::bot::keyboards::button;
use crate::bot::turn::{At, Turn};
use crate::bot::{HandlerError, HandlerResult};
use crate::features::trainings::form::FieldError;
use crate::features::trainings::model::Training;
use crate::features::trainings::store;
use crate::features::trainings::when::WhenError;

/// Rows per page in lists with buttons (phones are narrow and short).
pub const PAGE: usize = 8;

pub fn b(label: impl Into<String>, btn: Btn) -> InlineKeyboardButton {
    button(label, btn)
}

/// A button whose label is a message key.
pub fn bk(lang: Lang, key: &str, btn: Btn) -> InlineKeyboardButton {
    b(t(lang, key), btn)
}

pub fn one(lang: Lang, key: &str, btn: Btn) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new(vec![vec![bk(lang, key, btn)]])
}

/// "‹" and "›" for a list of `total` items shown `PAGE` at a time.
pub fn pager(page: usize, total: usize, to: impl Fn(i64) -> Btn) -> Vec<InlineKeyboardButton> {
    let mut row = Vec::new();
    if page > 0 {
        row.push(b("‹", to(page as i64 - 1)));
    }
    if (page + 1) * PAGE < total {
        row.push(b("›", to(page as i64 + 1)));
    }
    row
}

/// The slice of `items` on `page` (clamped to the last page).
pub fn page_of<T>(items: &[T], page: i64) -> (usize, &[T]) {
    let last = items.len().saturating_sub(1) / PAGE;
    let page = (page.max(0) as usize).min(last);
    let end = ((page + 1) * PAGE).min(items.len());
    (page, &items[page * PAGE..end])
}

/// What to tell a person whose typed answer was refused.
pub fn field_error(lang: Lang, e: &FieldError) -> String {
    match e {
        FieldError::TooShort(n) => ta(lang, "training-error-too-short", &[("min", Arg::from(*n as i64))]),
        FieldError::TooLong(n) => ta(lang, "training-error-too-long", &[("max", Arg::from(*n as i64))]),
        FieldError::NotNumber => t(lang, "training-error-number"),
        FieldError::OutOfRange(a, z) => ta(lang, "training-error-range", &[("min", Arg::from(*a)), ("max", Arg::from(*z))]),
        FieldError::NotUrl => t(lang, "training-error-url"),
        FieldError::When(WhenError::Format) => t(lang, "training-error-date-format"),
        FieldError::When(WhenError::Invalid) => t(lang, "training-error-date-invalid"),
        FieldError::Past => t(lang, "training-error-past"),
        FieldError::EndBeforeStart => t(lang, "training-error-end-before-start"),
        FieldError::DeadlineAfterStart => t(lang, "training-error-deadline-after-start"),
    }
}

/// The training, if it exists and the person pressing may manage its KIM; `None`
/// for forged ids, other KIMs' trainings and residents.
pub async fn managed(turn: &Turn<'_>, training_id: i64) -> DbResult<Option<Training>> {
    let Some(training) = store::get(&turn.ctx.db, training_id).await? else { return Ok(None) };
    Ok(turn.who.actor.can_manage_kim(&training.kim()).then_some(training))
}

/// Label for a training in lists: "25/12 Menjahit".
pub fn short(tr: &Training, tz: chrono_tz::Tz) -> String {
    let at = crate::features::trainings::when::local(tr.starts_at, tz);
    let title = crate::features::trainings::render::clip(&tr.title, 40);
    format!("{} {title}", at.format("%d/%m"))
}

/// Edits the pressed message; a press that changes nothing (a double tap on
/// "hadir") is fine, though Telegram calls it an error.
pub async fn edit(turn: &Turn<'_>, at: At, text: String, kb: Option<InlineKeyboardMarkup>) -> HandlerResult {
    match turn.edit(at, text, kb).await {
        Err(HandlerError::Telegram(RequestError::Api(ApiError::MessageNotModified))) => Ok(()),
        other => other,
    }
}
