//! `/aspirasi`: category → text → optional photos and location → anonymity →
//! summary → "Kirim". A refused input keeps everything entered so far.

use teloxide::prelude::*;
use teloxide::types::InlineKeyboardMarkup;

use super::{Btn, Dialog, Draft};
use crate::features::aspirations::model::{self, Category, GeoPoint, MAX_PHOTOS, TEXT_MAX, TEXT_MIN, TextError};
use crate::features::aspirations::render;
use crate::features::aspirations::store::NewAspiration;
use crate::features::aspirations::flow;
use crate::platform::i18n::{Arg, Lang, t, ta};
use crate::bot::keyboards::button;
use crate::bot::turn::{At, Turn};
use crate::bot::{HandlerError, HandlerResult};

fn asp(label: String, btn: Btn) -> teloxide::types::InlineKeyboardButton {
    button(label, btn)
}

fn categories(lang: Lang) -> InlineKeyboardMarkup {
    let buttons: Vec<_> = Category::ALL.iter().map(|c| asp(render::category(lang, *c), Btn::Category(*c))).collect();
    InlineKeyboardMarkup::new(buttons.chunks(2).map(<[_]>::to_vec))
}

pub async fn start(turn: &Turn<'_>) -> HandlerResult {
    if turn.who.member.as_ref().and_then(|m| m.kim_id).is_none() {
        return turn.say("asp-need-kim").await;
    }
    let (dialog, key) = match turn.carried {
        Some(msg) => {
            let (text, photos, location) = carried(msg);
            (Dialog::CategoryFor { text, photos, location }, "asp-choose-category-carried")
        }
        None => (Dialog::Category, "asp-choose-category"),
    };
    turn.set_dialog(dialog).await?;
    turn.send_with_buttons(t(turn.lang(), key), categories(turn.lang())).await
}

/// What a message sent outside any dialogue brings to a new aspiration: its text
/// (or caption), its photo, its pin.
fn carried(msg: &Message) -> (String, Vec<String>, Option<GeoPoint>) {
    let text = msg.text().or(msg.caption()).unwrap_or_default().trim().to_string();
    let largest = msg.photo().and_then(|sizes| sizes.iter().max_by_key(|p| p.width * p.height));
    let photos = largest.map(|p| vec![p.file.id.0.clone()]).unwrap_or_default();
    let location = msg.location().and_then(|l| GeoPoint::from_degrees(l.latitude, l.longitude));
    (text, photos, location)
}

/// The category of a carried message: a fitting text goes straight on to the photo
/// step (with the photo or pin it came with); otherwise the text is asked for,
/// keeping them.
pub async fn chose_category_for(
    turn: &Turn<'_>,
    category: Category,
    (text, photos, location): (String, Vec<String>, Option<GeoPoint>),
    at: At,
) -> Result<bool, HandlerError> {
    let lang = turn.lang();
    let draft = Draft { category, text: String::new(), photos, location, anonymous: false };
    let Ok(text) = model::check_text(&text) else {
        let keep = !draft.photos.is_empty() || draft.location.is_some();
        turn.set_dialog(Dialog::Text { category, kept: keep.then_some(draft) }).await?;
        let args = [
            ("category", Arg::from(render::category(lang, category))),
            ("min", Arg::from(TEXT_MIN as i64)),
            ("max", Arg::from(TEXT_MAX as i64)),
        ];
        turn.edit(at, ta(lang, "asp-ask-text", &args), None).await?;
        return Ok(true);
    };
    let args = [("category", Arg::from(render::category(lang, category))), ("text", Arg::from(&text))];
    turn.edit(at, ta(lang, "asp-carried-text", &args), None).await?;
    ask_media(turn, Draft { text, ..draft }, "asp-ask-media").await?;
    Ok(true)
}

pub async fn chose_category(turn: &Turn<'_>, category: Category, at: At) -> Result<bool, HandlerError> {
    turn.set_dialog(Dialog::Text { category, kept: None }).await?;
    let args = [
        ("category", Arg::from(render::category(turn.lang(), category))),
        ("min", Arg::from(TEXT_MIN as i64)),
        ("max", Arg::from(TEXT_MAX as i64)),
    ];
    turn.edit(at, ta(turn.lang(), "asp-ask-text", &args), None).await?;
    Ok(true)
}

pub async fn on_text(turn: &Turn<'_>, category: Category, kept: Option<Draft>, msg: &Message) -> HandlerResult {
    let lang = turn.lang();
    let Some(text) = msg.text() else { return turn.say("asp-text-needed").await };
    if super::paste::is_tail(super::paste::key(turn.ctx, turn.chat.0)) {
        return turn.say_with("asp-text-split-tail", &[("max", Arg::from(TEXT_MAX as i64))]).await;
    }
    match model::check_text(text) {
        Ok(text) => match kept {
            Some(kept) => ask_media(turn, Draft { text, ..kept }, "asp-text-rewritten").await,
            None => {
                let draft = Draft { category, text, photos: Vec::new(), location: None, anonymous: false };
                ask_media(turn, draft, "asp-ask-media").await
            }
        },
        Err(TextError::TooShort { len }) => {
            let args = [("min", Arg::from(TEXT_MIN as i64)), ("len", Arg::from(len as i64))];
            turn.say_with("asp-text-too-short", &args).await
        }
        Err(TextError::TooLong { len }) if super::paste::looks_split(len) => {
            super::paste::mark(super::paste::key(turn.ctx, turn.chat.0));
            let args = [("max", Arg::from(TEXT_MAX as i64)), ("telegram", Arg::from(super::paste::TELEGRAM_MAX as i64))];
            turn.say_with("asp-text-split", &args).await
        }
        Err(TextError::TooLong { len }) => {
            let args = [
                ("max", Arg::from(TEXT_MAX as i64)),
                ("len", Arg::from(len as i64)),
                ("category", Arg::from(render::category(lang, category))),
            ];
            turn.say_with("asp-text-too-long", &args).await
        }
    }
}

/// Stores the draft at the media step and says `key` with a "Lewati"/"Selesai" button.
async fn ask_media(turn: &Turn<'_>, draft: Draft, key: &str) -> HandlerResult {
    let lang = turn.lang();
    let nothing_yet = draft.photos.is_empty() && draft.location.is_none();
    let args = [("count", Arg::from(draft.photos.len() as i64)), ("max", Arg::from(MAX_PHOTOS as i64))];
    let label = t(lang, if nothing_yet { "asp-btn-skip" } else { "asp-btn-done" });
    turn.set_dialog(Dialog::Media { draft }).await?;
    let keys = InlineKeyboardMarkup::new(vec![vec![asp(label, Btn::MediaDone)], vec![asp(t(lang, "asp-btn-edit-text"), Btn::EditText)]]);
    turn.send_with_buttons(ta(lang, key, &args), keys).await
}

/// "Ubah teks" on the photo step or the review: asks for the text again, showing
/// the current one; photos, location and the anonymity choice stay.
pub async fn rewrite(turn: &Turn<'_>, draft: Draft, at: At) -> Result<bool, HandlerError> {
    let lang = turn.lang();
    let args = [("min", Arg::from(TEXT_MIN as i64)), ("max", Arg::from(TEXT_MAX as i64)), ("text", Arg::from(draft.text.clone()))];
    turn.set_dialog(Dialog::Text { category: draft.category, kept: Some(draft) }).await?;
    turn.edit(at, ta(lang, "asp-ask-text-again", &args), None).await?;
    Ok(true)
}

pub async fn on_media(turn: &Turn<'_>, mut draft: Draft, msg: &Message) -> HandlerResult {
    if let Some(sizes) = msg.photo() {
        if draft.photos.len() >= MAX_PHOTOS {
            return ask_media(turn, draft, "asp-photo-limit").await;
        }
        let Some(largest) = sizes.iter().max_by_key(|p| p.width * p.height) else {
            return ask_media(turn, draft, "asp-media-hint").await;
        };
        draft.photos.push(largest.file.id.0.clone());
        return ask_media(turn, draft, "asp-photo-added").await;
    }
    if let Some(place) = msg.location() {
        return match GeoPoint::from_degrees(place.latitude, place.longitude) {
            Some(point) => {
                draft.location = Some(point);
                ask_media(turn, draft, "asp-location-added").await
            }
            None => ask_media(turn, draft, "asp-media-hint").await,
        };
    }
    ask_media(turn, draft, "asp-media-hint").await
}

pub async fn media_done(turn: &Turn<'_>, draft: Draft, at: At) -> Result<bool, HandlerError> {
    let lang = turn.lang();
    turn.bot.edit_message_reply_markup(at.0, at.1).await?;
    turn.set_dialog(Dialog::Anonymity { draft }).await?;
    let keyboard = InlineKeyboardMarkup::new(vec![
        vec![asp(t(lang, "asp-btn-show-name"), Btn::Anonymous(false))],
        vec![asp(t(lang, "asp-btn-hide-name"), Btn::Anonymous(true))],
    ]);
    turn.send_with_buttons(t(lang, "asp-ask-anonymous"), keyboard).await?;
    Ok(true)
}

pub async fn chose_anonymity(turn: &Turn<'_>, mut draft: Draft, hide: bool, at: At) -> Result<bool, HandlerError> {
    let lang = turn.lang();
    draft.anonymous = hide;
    let text = summary(lang, &draft);
    turn.set_dialog(Dialog::Review { draft }).await?;
    let keyboard =
        InlineKeyboardMarkup::new(vec![
            vec![asp(t(lang, "asp-btn-send"), Btn::Send), asp(t(lang, "asp-btn-discard"), Btn::Discard)],
            vec![asp(t(lang, "asp-btn-edit-text"), Btn::EditText)],
        ]);
    turn.edit(at, text, Some(keyboard)).await?;
    Ok(true)
}

fn summary(lang: Lang, draft: &Draft) -> String {
    let location = match draft.location {
        Some(p) => p.map_link(),
        None => t(lang, "asp-summary-none"),
    };
    let identity = t(lang, if draft.anonymous { "asp-summary-hidden" } else { "asp-summary-shown" });
    let args = [
        ("category", Arg::from(render::category(lang, draft.category))),
        ("photos", Arg::from(draft.photos.len() as i64)),
        ("location", Arg::from(location)),
        ("identity", Arg::from(identity)),
        ("text", Arg::from(&draft.text)),
    ];
    ta(lang, "asp-summary", &args)
}

pub async fn send(turn: &Turn<'_>, draft: Draft, at: At) -> Result<bool, HandlerError> {
    let lang = turn.lang();
    let Some(kim_id) = turn.who.member.as_ref().and_then(|m| m.kim_id) else {
        turn.end().await?;
        turn.say("asp-need-kim").await?;
        return Ok(true);
    };
    let new = NewAspiration {
        user_id: turn.who.user_id.get(),
        kim_id: kim_id.get(),
        category: draft.category,
        body: draft.text.clone(),
        photos: draft.photos.clone(),
        location: draft.location,
        anonymous: draft.anonymous,
    };
    let ticket = flow::submit(turn.ctx, &new).await?;
    turn.end().await?;
    turn.edit(at, summary(lang, &draft), None).await?;
    turn.say_with("asp-submitted", &[("ticket", Arg::from(&ticket.number))]).await?;
    Ok(true)
}

pub async fn discard(turn: &Turn<'_>, at: At) -> Result<bool, HandlerError> {
    turn.end().await?;
    turn.edit(at, t(turn.lang(), "asp-discarded"), None).await?;
    Ok(true)
}
