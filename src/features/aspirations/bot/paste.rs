//! Long pastes. Telegram splits a text over 4,096 characters into several messages
//! sent one right after the other. The first part is refused as too long; without
//! this, the tail that follows (short enough) would be taken as the aspiration, a
//! fragment starting mid-sentence. So a refused text of split length marks the chat
//! for a few seconds, and any text arriving then is refused as part of the same
//! paste: the whole paste is refused, and the person is told why.
//!
//! Kept in memory with monotonic [`Instant`]s (the parts arrive within a second; a
//! restart in between is not worth a column, and a test's frozen clock must not
//! make the window last forever).

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

/// Telegram's longest text message.
pub const TELEGRAM_MAX: usize = 4096;
/// A refused text this long (up to [`TELEGRAM_MAX`]) is likely the first part of a
/// split paste (clients cut at a word boundary, emoji count double).
const SPLIT_MIN: usize = 3500;
/// How long after a part the next text still counts as part of the same paste.
const WINDOW: Duration = Duration::from_secs(3);

/// A chat of one running app: the app's context address and the chat id (tests run
/// many apps in one process, each with its own chats).
pub type ChatKey = (usize, i64);

/// The key of `chat` in the app owning `ctx`.
pub fn key(ctx: &crate::platform::ctx::AppCtx, chat: i64) -> ChatKey {
    (std::ptr::from_ref(ctx) as usize, chat)
}

fn recent() -> &'static Mutex<HashMap<ChatKey, Instant>> {
    static RECENT: OnceLock<Mutex<HashMap<ChatKey, Instant>>> = OnceLock::new();
    RECENT.get_or_init(Default::default)
}

/// Whether a refused text of `len` characters looks like the first part of a split.
pub fn looks_split(len: usize) -> bool {
    (SPLIT_MIN..=TELEGRAM_MAX).contains(&len)
}

/// Remembers that `chat` just sent a part of a long paste (forgetting old ones).
pub fn mark(chat: ChatKey) {
    let now = Instant::now();
    let mut map = recent().lock().expect("paste lock");
    map.retain(|_, at| now.duration_since(*at) < WINDOW);
    map.insert(chat, now);
}

/// Whether a text from `chat` now continues a paste refused a moment ago; if so the
/// window runs on from now (a paste may come in three or more parts).
pub fn is_tail(chat: ChatKey) -> bool {
    let mut map = recent().lock().expect("paste lock");
    match map.get(&chat) {
        Some(at) if at.elapsed() < WINDOW => {
            map.insert(chat, Instant::now());
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_refused_part_of_split_length_opens_the_window() {
        assert!(!looks_split(2001) && !looks_split(5000));
        assert!(looks_split(4096) && looks_split(3900));
        assert!(!is_tail((1, -77)));
        mark((1, -77));
        assert!(is_tail((1, -77)) && is_tail((1, -77)));
        assert!(!is_tail((1, -78)) && !is_tail((2, -77)));
    }
}
