//! teloxide glue: the update schema, dialogue state stored in our own database,
//! callback payloads, command menus, and the thin handlers of each feature.
//!
//! Handlers parse the update, call the feature's store, and answer with a message key;
//! every failure ends in a logged error and a polite apology to the user.

mod callback;
mod dedup;
mod groups;
mod help;
mod invites;
pub mod keyboards;
mod onboarding;
pub mod private;
mod storage;
pub mod turn;
pub mod who;


use serde::{Deserialize, Serialize};
use teloxide::dispatching::dialogue::{Dialogue, ErasedStorage};
use teloxide::dispatching::{DpHandlerDescription, UpdateFilterExt};
use teloxide::prelude::*;

pub use callback::{Cb, Payload};
pub use dedup::{forget_all as forget_processed_updates, prune as prune_processed};
pub use help::set_default_menus;
pub use storage::DbStorage;

use crate::platform::db::DbError;
use crate::platform::i18n::Lang;

/// Where a private chat stands in a dialogue. Stored as JSON per chat, so a restart
/// (or another process) continues where the last message left off.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum State {
    #[default]
    Idle,
    /// Privacy notice shown; waiting for agree/decline. Nothing is stored about the
    /// person yet beyond this row, which a decline removes.
    Notice { lang: Lang, payload: Option<String> },
    /// Consent given; waiting for a KIM code or a menu choice.
    ChooseKim,
    /// `/umkm`: business sign-up form.
    Umkm(crate::features::umkm::bot::Dialog),
    /// `/aspirasi`, replies to tickets, staff triage notes.
    Aspiration(crate::features::aspirations::bot::Dialog),
    /// `/umumkan`: composing and scheduling an announcement.
    Announce(crate::features::announcements::bot::Dialog),
    /// `/pelatihanbaru`, moving a training, feedback comments.
    Training(crate::features::trainings::bot::Dialog),
    /// `/hapusdata`: waiting for the person to confirm erasure.
    Privacy(crate::features::privacy::bot::Dialog),
    /// `/laporan`: choosing the period and area of a report.
    Report(crate::features::reports::bot::Dialog),
    /// `/sumber`: adding a programme feed.
    Feed(crate::features::feeds::bot::Dialog),
}

pub type Dlg = Dialogue<State, ErasedStorage<State>>;

/// Errors of the Telegram layer.
#[derive(Debug, thiserror::Error)]
pub enum HandlerError {
    #[error(transparent)]
    Db(#[from] DbError),
    #[error("Telegram request failed: {0}")]
    Telegram(#[from] teloxide::RequestError),
    #[error("dialogue storage: {0}")]
    Storage(#[from] Box<dyn std::error::Error + Send + Sync>),
}

pub type HandlerResult = Result<(), HandlerError>;

/// The whole update tree. Each update is handled at most once (see [`dedup`]).
pub fn schema() -> Handler<'static, HandlerResult, DpHandlerDescription> {
    let private_messages = dptree::filter(|m: Message| m.chat.is_private())
        .enter_dialogue::<Message, ErasedStorage<State>, State>()
        .endpoint(private::on_message);
    let group_messages = dptree::filter(|m: Message| m.chat.is_group() || m.chat.is_supergroup())
        .endpoint(groups::on_group_message);
    let callbacks = dptree::filter(|q: CallbackQuery| q.message.as_ref().is_some_and(|m| m.chat().is_private()))
        .enter_dialogue::<CallbackQuery, ErasedStorage<State>, State>()
        .endpoint(private::on_callback);

    dptree::entry()
        .filter_async(dedup::first_delivery)
        .branch(Update::filter_my_chat_member().endpoint(groups::on_my_chat_member))
        .branch(Update::filter_message().branch(private_messages).branch(group_messages))
        .branch(Update::filter_callback_query().branch(callbacks).branch(dptree::endpoint(private::on_foreign_callback)))
}
