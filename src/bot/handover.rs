//! Conversations one feature opens for another with a text already written: a feed
//! draft becomes an announcement, a cek fakta verdict a clarification. They are asked
//! for by what they make ([`Compose`]) and answered by the feature that declared it
//! (`Feature::with_composer`), so neither feature names the other.

use super::HandlerResult;
use super::feature::{Compose, Turn};

/// Hands `turn`'s chat to the feature that opens `kind` conversations, with `text`
/// written in.
pub async fn compose(turn: &Turn<'_>, kind: Compose, text: String) -> HandlerResult {
    match turn.registry.composer(kind) {
        Some(open) => open(turn, text).await,
        None => {
            tracing::error!(?kind, "no feature opens this kind of conversation");
            turn.say("error-generic").await
        }
    }
}
