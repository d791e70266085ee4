//! Programme news in private chat (the 'news' consent): asked with two buttons right
//! after a registration is saved, and shown with a toggle in the `/umkm` view. The
//! consent itself lives in [`crate::features::privacy::news`]; `/berhenti` withdraws it too.

use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup};

use super::buttons::Btn;
use super::{edit, render};
use crate::platform::i18n::{Arg, Lang, t, ta};
use crate::kernel::members::NOTICE_VERSION;
use crate::features::privacy::news;
use crate::bot::keyboards::button;
use crate::bot::turn::{At, Turn};
use crate::bot::HandlerError;
use crate::features::umkm::store::{self, Saved};

fn b(label: String, btn: Btn) -> InlineKeyboardButton {
    button(label, btn)
}

/// The question under the "saved" message, with Ya / Tidak.
pub fn question(lang: Lang) -> (String, InlineKeyboardMarkup) {
    let text = ta(lang, "umkm-news-ask", &[("version", Arg::from(NOTICE_VERSION))]);
    let keys = vec![vec![b(t(lang, "umkm-btn-news-yes"), Btn::News(true)), b(t(lang, "umkm-btn-news-no"), Btn::News(false))]];
    (text, InlineKeyboardMarkup::new(keys))
}

/// The `/umkm` view of a saved registration: the answers, whether news is on, and
/// "Ubah", "Tarik pendaftaran" and the news toggle.
pub fn view(lang: Lang, saved: &Saved, news_on: bool) -> (String, InlineKeyboardMarkup) {
    let status = t(lang, if news_on { "umkm-news-status-on" } else { "umkm-news-status-off" });
    let text = format!("{}\n\n{}\n\n{status}", t(lang, "umkm-existing"), render::saved_summary(lang, &saved.registration));
    let mut rows = render::saved_keys(lang).inline_keyboard;
    let toggle = if news_on {
        b(t(lang, "umkm-btn-news-off"), Btn::NewsToggle(false))
    } else {
        b(t(lang, "umkm-btn-news-on"), Btn::NewsToggle(true))
    };
    rows.push(vec![toggle]);
    (text, InlineKeyboardMarkup::new(rows))
}

/// "Ya"/"Tidak" after saving, or the toggle in the view. Only for someone with a
/// saved registration (the buttons are never shown otherwise).
pub async fn on_button(turn: &Turn<'_>, btn: Btn, at: At) -> Result<bool, HandlerError> {
    let lang = turn.lang();
    let db = &turn.ctx.db;
    let Some(saved) = store::get(db, turn.who.user_id).await? else { return Ok(false) };
    match btn {
        Btn::News(yes) => {
            news::set(db, turn.who.user_id, yes, turn.now()).await?;
            // The answer goes on top of the saved registration, which stays in view.
            let key = if yes { "umkm-news-yes" } else { "umkm-news-no" };
            let (text, keys) = view(lang, &saved, yes);
            edit(turn, at, format!("{}\n\n{text}", t(lang, key)), Some(keys)).await?;
        }
        Btn::NewsToggle(on) => {
            news::set(db, turn.who.user_id, on, turn.now()).await?;
            let (text, keys) = view(lang, &saved, news::stands(db, turn.who.user_id).await?);
            edit(turn, at, text, Some(keys)).await?;
        }
        _ => return Ok(false),
    }
    Ok(true)
}
