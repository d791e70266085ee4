//! Telegram's paid broadcast: a message sent with `allow_paid_broadcast` may go out
//! at up to 1,000 messages per second across all chats, at a price in Telegram Stars
//! per message (0.1 Star per message above the free ~30/s, per the Bot API's
//! `sendMessage` documentation, 2026-12). Emergency warnings use it when the operator
//! turned it on (`KIMBOT_PAID_BROADCAST=1`, with a budget).
//!
//! Such rows are marked `paid` in the outbox and drained by a worker of their own
//! ([`Lane::Paid`]) that takes its slots from the limiter's paid window
//! ([`super::RateLimiter::paid_slot`]), while the ordinary worker ([`Lane::Free`])
//! leaves them alone; so the 30/s budget of everything else is untouched and a paid
//! send never counts twice. Per-chat windows still apply to both. A process without
//! a paid lane drains every row ([`Lane::All`]) within the free limits.

use teloxide::prelude::*;
use teloxide::types::InputFile;
use teloxide::RequestError;

use super::Body;
use super::outbox::Claimed;

/// Which outbox rows a delivery worker claims.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lane {
    /// Every row, within the free limits (no paid lane in this process).
    All,
    /// Rows not marked paid.
    Free,
    /// Rows marked paid, within the paid window.
    Paid,
}

impl Lane {
    /// The claim's extra condition (see [`crate::platform::queue::Table::claim_where`]).
    pub fn filter(self) -> &'static str {
        match self {
            Lane::All => "",
            Lane::Free => "paid = 0",
            Lane::Paid => "paid = 1",
        }
    }
}

/// The most a paid broadcast of `messages` can cost, in whole Stars (0.1 Star per
/// message, rounded up: Telegram charges per message above the free limit, so the
/// real cost is at most this).
pub fn max_stars(messages: u64) -> u64 {
    messages.div_ceil(10)
}

/// Sends a paid row: text and photos carry `allow_paid_broadcast`; anything else
/// (a recall's delete) goes as usual.
pub(super) async fn request(bot: &Bot, row: &Claimed) -> Result<(i64, Option<String>), RequestError> {
    let chat = ChatId(row.chat_id);
    let sent = |m: Message| (i64::from(m.id.0), None);
    match &row.body {
        Body::Text { text, buttons, entities } if buttons.is_empty() => {
            let mut request = bot.send_message(chat, text);
            request.entities = (!entities.is_empty()).then(|| entities.clone());
            request.allow_paid_broadcast = Some(true);
            request.await.map(sent)
        }
        Body::Photo { file_id, caption, entities, buttons } if buttons.is_empty() => {
            let mut request = bot.send_photo(chat, InputFile::file_id(file_id.clone().into()));
            request.caption = caption.clone();
            request.caption_entities = (!entities.is_empty()).then(|| entities.clone());
            request.allow_paid_broadcast = Some(true);
            request.await.map(sent)
        }
        _ => super::send::request(bot, row).await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_most_a_paid_broadcast_costs_is_a_tenth_of_a_star_per_message_rounded_up() {
        assert_eq!([0, 1, 10, 11, 5000, 5001].map(max_stars), [0, 1, 1, 2, 500, 501]);
    }

    #[test]
    fn each_lane_claims_its_own_rows() {
        assert_eq!((Lane::All.filter(), Lane::Free.filter(), Lane::Paid.filter()), ("", "paid = 0", "paid = 1"));
    }
}
