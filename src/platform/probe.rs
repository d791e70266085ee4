//! Test builds only (`debug_assertions`): injected panics, to show that a failing
//! handler is contained ([`crate::app`]'s update guard, [`crate::web::guard`]).
//!
//! Nothing in the program arms a probe: only a test calling [`arm`] from Rust can,
//! so no message or request can trigger one, and release builds have no probes.

use std::collections::HashSet;
use std::sync::Mutex;

static ARMED: Mutex<Option<HashSet<String>>> = Mutex::new(None);

/// From now on, a message with exactly this text, or a request for `/<token>`,
/// panics where the probes sit. Use a token no other test sends.
pub fn arm(token: &str) {
    ARMED.lock().unwrap_or_else(|e| e.into_inner()).get_or_insert_with(HashSet::new).insert(token.to_string());
}

/// Panics when `text` is an armed token.
pub fn fire(text: &str) {
    let armed = ARMED.lock().unwrap_or_else(|e| e.into_inner()).as_ref().is_some_and(|set| set.contains(text));
    if armed {
        panic!("probe {text} fired");
    }
}
