//! teloxide glue: the update schema, dialogue state stored in our own database, the
//! dialogue frame (`/start` with onboarding and invite links, `/batal`, `/bantuan`),
//! groups, command menus, and the [`feature`] plug through which each feature's
//! handlers are routed ([`registry`]), the membership commands included.
//!
//! Every failure ends in a logged error and a polite apology to the user.

mod callback;
mod commands;
mod dedup;
pub mod feature;
pub mod handover;
mod groups;
mod topics;
pub(crate) mod help;
mod invites;
mod kim_menu;
pub mod keyboards;
mod leave;
mod offer;
pub mod link;
mod onboarding;
pub mod private;
pub mod registry;
mod state;
mod storage;
pub mod turn;
pub mod who;


use teloxide::dispatching::dialogue::{Dialogue, ErasedStorage};
use teloxide::dispatching::{DpHandlerDescription, UpdateFilterExt};
use teloxide::prelude::*;

pub use callback::Cb;
pub use registry::{Registry, RegistryError};
pub use state::State;
pub use dedup::{finish as finish_update, forget_all as forget_processed_updates, prune as prune_processed};
pub use help::set_default_menus;
pub use storage::DbStorage;

use crate::platform::db::DbError;

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
    /// A command tried to replace or end the form the person is filling in; the
    /// router asks first (see [`leave`]). Never reaches the person as an error.
    #[error("a command would leave the open form")]
    FormOpen,
}

pub type HandlerResult = Result<(), HandlerError>;

/// The bot's update tree: messages, presses and membership. Each update is handled
/// at most once (see [`dedup`]); updates no chat owns (poll answers) are branches the
/// app adds from its feature list (`app::registry::with_feature_updates`).
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
        .branch(
            Update::filter_callback_query()
                .branch(callbacks)
                .branch(dptree::filter(|q: CallbackQuery| topics::is_topic_press(&q)).endpoint(topics::on_press))
                .branch(dptree::endpoint(private::on_foreign_callback)),
        )
}
