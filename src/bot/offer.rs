//! Something sent outside any dialogue: "halo pak", a pasted hoax, a photo, a
//! location. Instead of "Maaf, saya belum mengerti", the likely actions are offered
//! as buttons (Kirim aspirasi · Cek fakta · Bantuan), and the message is kept in the
//! chat's state ([`State::Offer`]) so the command chosen starts with it
//! ([`Turn::carried`]): the text becomes the aspiration or the cek fakta request, a
//! photo or a pin goes with the aspiration. Offers name commands, not features, and
//! show only those this person may use.

use teloxide::types::{InlineKeyboardMarkup, Message};

use super::keyboards::button;
use super::turn::Turn;
use super::{Cb, HandlerResult, State};
use crate::platform::i18n::t;

/// The commands offered, with their button labels, in this order.
const OFFERS: [(&str, &str); 3] =
    [("aspirasi", "offer-btn-aspirasi"), ("cekfakta", "offer-btn-cekfakta"), ("bantuan", "offer-btn-bantuan")];

/// Whether command `name` can start with what `msg` carries.
fn fits(name: &str, msg: &Message) -> bool {
    match name {
        "bantuan" => true,
        // A pin alone is nothing to fact-check.
        "cekfakta" => msg.text().is_some() || msg.photo().is_some(),
        _ => msg.text().is_some() || msg.photo().is_some() || msg.location().is_some(),
    }
}

/// Whether this person may use command `name` (`/bantuan` is the core's own).
fn available(turn: &Turn<'_>, name: &str) -> bool {
    name == "bantuan" || turn.registry.command(name).is_some_and(|(_, spec)| turn.who.actor.role() >= spec.role)
}

/// Offers the actions that fit `msg`; a sticker or a voice note, which no flow can
/// start with, still gets the plain "not understood".
pub async fn make(turn: &Turn<'_>, msg: &Message) -> HandlerResult {
    let lang = turn.lang();
    if msg.text().is_none() && msg.photo().is_none() && msg.location().is_none() {
        return turn.say("unknown-text").await;
    }
    let buttons: Vec<_> = OFFERS
        .iter()
        .filter(|(name, _)| fits(name, msg) && available(turn, name))
        .map(|(name, key)| button(t(lang, key), Cb::Offer(name.to_string())))
        .collect();
    turn.dlg.update(State::Offer { message: Box::new(msg.clone()) }).await?;
    let rows = buttons.chunks(2).map(<[_]>::to_vec);
    turn.send_with_buttons(t(lang, "offer-ask"), InlineKeyboardMarkup::new(rows)).await
}
