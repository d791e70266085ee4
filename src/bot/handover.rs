//! Conversations one feature opens for another with a text already written: a feed
//! draft becomes an announcement, a cek fakta verdict a clarification. They are asked
//! for by what they make ([`Compose`]) and answered by the feature that declared it
//! (`Feature::with_composer`), so neither feature names the other.

use std::future::Future;
use std::pin::Pin;

use super::HandlerResult;
use super::turn::Turn;

/// What a handed-over conversation makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compose {
    /// `/umumkan` with its text written in, straight to choosing targets.
    Announcement,
    /// The same, for a cek fakta clarification (forum groups may keep a topic for those).
    Clarification,
}

/// A running handover.
pub type Composing<'a> = Pin<Box<dyn Future<Output = HandlerResult> + Send + 'a>>;

/// Opens the composing dialogue in `turn`'s chat with `text` written in.
pub type ComposeFn = for<'a> fn(&'a Turn<'a>, String) -> Composing<'a>;
