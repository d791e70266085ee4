//! Something sent outside any dialogue: "halo pak", a pasted hoax, a photo, a
//! location. Instead of "Maaf, saya belum mengerti", the likely actions are offered
//! as buttons — every command a feature declares `offered` (see
//! [`super::feature::CommandSpec::offered`]), then Bantuan — and the message is kept
//! in the chat's state ([`State::Offer`]) so the command chosen starts with it
//! ([`Turn::carried`]). Offers show only the commands this person may use and the
//! message can start. The parts of a paste Telegram split are
//! joined into the one message held.

use teloxide::types::{InlineKeyboardMarkup, MediaKind, Message, MessageKind};

use super::feature::Offer;
use super::keyboards::button;
use super::turn::Turn;
use super::{Cb, HandlerResult, State};
use crate::platform::i18n::t;

/// The core's own offer, after the features' ones.
const HELP: (&str, &str) = ("bantuan", "offer-btn-bantuan");

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

/// Whether a command offered so can start with what `msg` carries.
fn fits(offer: &Offer, msg: &Message) -> bool {
    msg.text().is_some() || msg.photo().is_some() || (offer.takes_pin && msg.location().is_some())
}

/// Whether this person may use command `name`.
fn available(turn: &Turn<'_>, name: &str) -> bool {
    turn.registry.command(name).is_some_and(|(_, spec)| turn.who.actor.role() >= spec.role)
}

/// Offers the actions that fit `msg`; a sticker or a voice note, which no flow can
/// start with, still gets the plain "not understood".
pub async fn make(turn: &Turn<'_>, msg: &Message) -> HandlerResult {
    let lang = turn.lang();
    if msg.text().is_none() && msg.photo().is_none() && msg.location().is_none() {
        return turn.say("unknown-text").await;
    }
    let offered = turn.registry.offers().into_iter().filter_map(|spec| Some((spec.name, spec.offer?)));
    let mut buttons: Vec<_> = offered
        .filter(|(name, offer)| fits(offer, msg) && available(turn, name))
        .map(|(name, offer)| button(t(lang, offer.label), Cb::Offer(name.to_string())))
        .collect();
    buttons.push(button(t(lang, HELP.1), Cb::Offer(HELP.0.to_string())));
    let held = match turn.dlg.get().await? {
        Some(State::Offer { message }) => joined(&message, msg),
        _ => None,
    };
    let message = Box::new(held.unwrap_or_else(|| msg.clone()));
    turn.dlg.update(State::Offer { message }).await?;
    let rows = buttons.chunks(2).map(<[_]>::to_vec);
    turn.send_with_buttons(t(lang, "offer-ask"), InlineKeyboardMarkup::new(rows)).await
}
