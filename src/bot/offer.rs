//! Something sent outside any dialogue: "halo pak", a pasted hoax, a photo, a
//! location. Instead of "Maaf, saya belum mengerti", the likely actions are offered
//! as buttons (Kirim aspirasi · Cek fakta · Bantuan), and the message is kept in the
//! chat's state ([`State::Offer`]) so the command chosen starts with it
//! ([`Turn::carried`]): the text becomes the aspiration or the cek fakta request, a
//! photo or a pin goes with the aspiration. Offers name commands, not features, and
//! show only those this person may use. The parts of a paste Telegram split are
//! joined into the one message held.

use teloxide::types::{InlineKeyboardMarkup, MediaKind, Message, MessageKind};

use super::keyboards::button;
use super::turn::Turn;
use super::{Cb, HandlerResult, State};
use crate::platform::i18n::t;

/// The commands offered, with their button labels, in this order.
const OFFERS: [(&str, &str); 3] =
    [("aspirasi", "offer-btn-aspirasi"), ("cekfakta", "offer-btn-cekfakta"), ("bantuan", "offer-btn-bantuan")];

/// A held text this long is probably the first part of a paste Telegram split
/// (it cuts a text over 4,096 characters into several messages).
const SPLIT_MIN: usize = 3500;
/// The parts of a split paste arrive within a moment of each other.
const SPLIT_SECS: i64 = 3;

/// The held message with `next` appended when `next` is the next part of the same
/// long paste, so the offer carries the whole paste and never its tail alone.
fn joined(held: &Message, next: &Message) -> Option<Message> {
    let (head, tail) = (held.text()?, next.text()?);
    let close = (next.date - held.date).num_seconds() <= SPLIT_SECS;
    if head.chars().count() < SPLIT_MIN || !close {
        return None;
    }
    let mut whole = held.clone();
    if let MessageKind::Common(common) = &mut whole.kind
        && let MediaKind::Text(text) = &mut common.media_kind
    {
        text.text = format!("{head}{tail}");
        whole.date = next.date;
    }
    Some(whole)
}

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
    let held = match turn.dlg.get().await? {
        Some(State::Offer { message }) => joined(&message, msg),
        _ => None,
    };
    let message = Box::new(held.unwrap_or_else(|| msg.clone()));
    turn.dlg.update(State::Offer { message }).await?;
    let rows = buttons.chunks(2).map(<[_]>::to_vec);
    turn.send_with_buttons(t(lang, "offer-ask"), InlineKeyboardMarkup::new(rows)).await
}
