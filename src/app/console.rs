//! The console declared as a feature: `/dasbor` in chat, its own pages, the audit
//! sentences and the logins and sessions it stores. It lives here, beside the
//! registry, because the console's frame (`web::console`) is what the plug's
//! `with_console` hands pages to: declaring it inside the frame tied the two in a
//! circle of imports.

use crate::plug::{DataRank, Feature};
use crate::web::console::{self, auth, bot, personal};

/// The console's declaration, listed in [`super::registry::features`].
pub fn feature() -> Feature {
    Feature::new("console")
        .with_audit_words(&console::AUDIT_WORDS)
        .with_console(console::own())
        .with_job("console session pruning", |c, stop| Box::pin(auth::run_pruning(c, stop)))
        .with_chat::<bot::Console>()
        .with_personal_data(&personal::DATA, DataRank::Child)
}
