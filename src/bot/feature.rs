//! The plug a feature puts into the bot: its commands (with the lowest role that may
//! use each), its dialogue type, its button codec and its three handlers.
//!
//! The bot layer routes through a [`Registry`](super::registry::Registry) of these and
//! never names a feature; a feature names only this module, [`Turn`] and the error
//! types. Help texts and Telegram's command menus are generated from the same
//! [`CommandSpec`]s the router checks roles against.

use std::marker::PhantomData;

use async_trait::async_trait;
use serde::{Deserialize, Serialize};
use teloxide::types::Message;

pub use super::keyboards::Command;
pub use super::state::{Current, DialogState, State};
pub use super::turn::{At, Turn};
pub use super::{HandlerError, HandlerResult};
use crate::kernel::members::Role;

pub use crate::platform::buttons::{CallbackData, Payload};

/// What a conversation handed from one feature to another makes (see
/// [`super::handover`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compose {
    /// `/umumkan` with its text written in, straight to choosing targets.
    Announcement,
    /// The same, for a cek fakta clarification (forum groups may keep a topic for those).
    Clarification,
}

/// A running handover.
pub type Composing<'a> = std::pin::Pin<Box<dyn std::future::Future<Output = HandlerResult> + Send + 'a>>;

/// Opens a composing dialogue in `turn`'s chat with `text` written in.
pub type ComposeFn = for<'a> fn(&'a Turn<'a>, String) -> Composing<'a>;

/// One command as the router, the help text and the menus see it.
#[derive(Debug, Clone, Copy)]
pub struct CommandSpec {
    /// Indonesian name, without the slash.
    pub name: &'static str,
    /// Other names (English) that do the same.
    pub aliases: &'static [&'static str],
    /// The lowest role that may use it.
    pub role: Role,
    /// Message key for someone below `role`; `None` = the generic one for `role`.
    pub denied: Option<&'static str>,
    /// Message key of its line in `/bantuan` (in the section of `role`); `None` = none.
    pub help: Option<&'static str>,
    /// Listed in Telegram's command menu for private chats.
    pub menu: bool,
    /// The feature refuses lower roles itself (its refusal depends on who asks); the
    /// router passes the command on instead of answering `denied`.
    pub refuses_itself: bool,
    /// Answered for people who are not members (yet) too, even when its feature
    /// needs membership: e.g. "this command works in groups" needs no consent.
    pub open_to_non_members: bool,
    /// Offered as a button for a message sent outside any dialogue (see `bot::offer`).
    pub offer: Option<Offer>,
}

/// How a command is offered for a message sent outside any dialogue: the button's
/// label, and whether a shared location alone can start it (a photo or a text always can).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Offer {
    pub label: &'static str,
    pub takes_pin: bool,
}

impl CommandSpec {
    /// A command for everyone from `role` up, in the menu, with help line
    /// `help-line-<name>`.
    pub const fn new(name: &'static str, role: Role, help: &'static str) -> CommandSpec {
        let (refuses_itself, open_to_non_members) = (false, false);
        CommandSpec { name, aliases: &[], role, denied: None, help: Some(help), menu: true, refuses_itself, open_to_non_members, offer: None }
    }

    pub const fn aliases(self, aliases: &'static [&'static str]) -> CommandSpec {
        CommandSpec { aliases, ..self }
    }

    pub const fn denied(self, key: &'static str) -> CommandSpec {
        CommandSpec { denied: Some(key), ..self }
    }

    /// The feature answers lower roles itself (see `refuses_itself`).
    pub const fn refused_by_feature(self) -> CommandSpec {
        CommandSpec { refuses_itself: true, ..self }
    }

    /// Answered for non-members too (see `open_to_non_members`).
    pub const fn open_to_non_members(self) -> CommandSpec {
        CommandSpec { open_to_non_members: true, ..self }
    }

    /// Offered for a message sent outside any dialogue, which it then starts with.
    pub const fn offered(self, label: &'static str, takes_pin: bool) -> CommandSpec {
        CommandSpec { offer: Some(Offer { label, takes_pin }), ..self }
    }

    /// Not listed in the menu (still in help when it has a line).
    pub const fn hidden(self) -> CommandSpec {
        CommandSpec { menu: false, ..self }
    }

    pub fn answers_to(&self, name: &str) -> bool {
        self.name == name || self.aliases.contains(&name)
    }

    /// The refusal shown to someone below `role`.
    pub fn denied_key(&self) -> &'static str {
        self.denied.unwrap_or(match self.role {
            Role::Resident | Role::Officer | Role::Coordinator => "not-allowed-coordinator",
            Role::Staff => "not-allowed-staff",
            Role::Admin => "not-allowed-admin",
        })
    }
}

/// A feature as written: typed dialogue and buttons, plain async functions.
/// [`plug`] turns it into the object the registry keeps.
#[async_trait]
pub trait ChatFeature: Send + Sync + 'static {
    /// Its dialogue ([`NoDialog`] when it has none).
    type Dialog: DialogState + Send + Sync;
    /// Its buttons ([`NoButtons`] when it has none).
    type Button: Payload + Send;
    /// For logs.
    const NAME: &'static str;
    const COMMANDS: &'static [CommandSpec];
    /// Whether its commands and buttons need a member (consent given). Own data
    /// stays visible and erasable after consent is withdrawn, so privacy says no.
    const NEEDS_MEMBERSHIP: bool = true;

    /// A command from [`Self::COMMANDS`], already allowed by role; `Ok(false)` when
    /// the feature declines it after all (the router then says "unknown command").
    async fn on_command(turn: &Turn<'_>, cmd: &Command<'_>) -> Result<bool, HandlerError>;

    /// A message while this feature's dialogue is open.
    async fn on_message(turn: &Turn<'_>, dialog: Self::Dialog, msg: &Message) -> HandlerResult;

    /// A press of one of its buttons; `Ok(false)` (nothing changed) when it does not
    /// fit the state or the presser's role. [`Turn::toast`] / [`Turn::alert`] answer
    /// the press with a pop-up (e.g. when the message cannot change); on `Ok(false)`
    /// the pop-up replaces the generic "stale button" one.
    async fn on_button(turn: &Turn<'_>, state: Current<Self::Dialog>, button: Self::Button, at: At) -> Result<bool, HandlerError>;

    /// `/batal` while this feature's dialogue is open: `Ok(true)` when the feature
    /// answered it itself (e.g. offered to keep a draft); otherwise the router ends
    /// the dialogue and says "cancelled".
    async fn on_cancel(_turn: &Turn<'_>, _dialog: Self::Dialog) -> Result<bool, HandlerError> {
        Ok(false)
    }
}

/// The object-safe face of a [`ChatFeature`], kept by the registry.
#[async_trait]
pub trait Plugin: Send + Sync {
    fn name(&self) -> &'static str;
    fn commands(&self) -> &'static [CommandSpec];
    /// The dialogue kind it owns (`None` without a dialogue).
    fn dialog_kind(&self) -> Option<&'static str>;
    /// The button prefix it owns (`None` without buttons).
    fn button_prefix(&self) -> Option<&'static str>;
    fn needs_membership(&self) -> bool;
    async fn on_command(&self, turn: &Turn<'_>, cmd: &Command<'_>) -> Result<bool, HandlerError>;
    /// `Ok(false)` when the open dialogue is not this feature's (or no longer decodes).
    async fn on_message(&self, turn: &Turn<'_>, state: &State, msg: &Message) -> Result<bool, HandlerError>;
    /// `data` is the full callback data; `Ok(false)` when it does not parse.
    async fn on_button(&self, turn: &Turn<'_>, state: &State, data: &str, at: At) -> Result<bool, HandlerError>;
    /// `/batal` in its dialogue; `Ok(false)`: the router cancels as usual.
    async fn on_cancel(&self, turn: &Turn<'_>, state: &State) -> Result<bool, HandlerError>;
}

struct Plugged<F>(PhantomData<F>);

/// Wraps a feature for the registry.
pub fn plug<F: ChatFeature>() -> Box<dyn Plugin> {
    Box::new(Plugged::<F>(PhantomData))
}

#[async_trait]
impl<F: ChatFeature> Plugin for Plugged<F> {
    fn name(&self) -> &'static str {
        F::NAME
    }

    fn commands(&self) -> &'static [CommandSpec] {
        F::COMMANDS
    }

    fn dialog_kind(&self) -> Option<&'static str> {
        Some(F::Dialog::KIND).filter(|k| !k.is_empty())
    }

    fn button_prefix(&self) -> Option<&'static str> {
        Some(F::Button::PREFIX).filter(|p| !p.is_empty())
    }

    fn needs_membership(&self) -> bool {
        F::NEEDS_MEMBERSHIP
    }

    async fn on_command(&self, turn: &Turn<'_>, cmd: &Command<'_>) -> Result<bool, HandlerError> {
        F::on_command(turn, cmd).await
    }

    async fn on_message(&self, turn: &Turn<'_>, state: &State, msg: &Message) -> Result<bool, HandlerError> {
        match state.current::<F::Dialog>() {
            Current::Mine(dialog) => F::on_message(turn, dialog, msg).await.map(|()| true),
            Current::Idle | Current::Other => Ok(false),
        }
    }

    async fn on_button(&self, turn: &Turn<'_>, state: &State, data: &str, at: At) -> Result<bool, HandlerError> {
        match F::Button::parse_callback(data) {
            Some(button) => F::on_button(turn, state.current::<F::Dialog>(), button, at).await,
            None => Ok(false),
        }
    }

    async fn on_cancel(&self, turn: &Turn<'_>, state: &State) -> Result<bool, HandlerError> {
        match state.current::<F::Dialog>() {
            Current::Mine(dialog) => F::on_cancel(turn, dialog).await,
            Current::Idle | Current::Other => Ok(false),
        }
    }
}

/// The dialogue of a feature that has none: never stored, never decoded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum NoDialog {}

impl DialogState for NoDialog {
    const KIND: &'static str = "";
}

/// The buttons of a feature that has none: nothing parses.
#[derive(Debug, Clone, PartialEq)]
pub enum NoButtons {}

impl Payload for NoButtons {
    const PREFIX: &'static str = "";

    fn data(&self) -> String {
        match *self {}
    }

    fn parse(_: &str) -> Option<Self> {
        None
    }
}

#[cfg(test)]
pub use crate::platform::buttons::assert_round_trip;

/// Declares a feature's plug from the module's own `on_command`, `on_message` and
/// `on_button` functions (same signatures as [`ChatFeature`]'s), its dialogue type
/// stored under `kind`, and its button type:
///
/// ```ignore
/// chat_feature! {
///     /// The UMKM registry, as plugged into the bot.
///     pub struct Umkm {
///         name: "umkm",
///         dialog: Dialog as "Umkm",
///         buttons: Btn,
///         commands: [CommandSpec::new("umkm", Role::Resident, "help-line-umkm")],
///     }
/// }
/// ```
#[macro_export]
macro_rules! chat_feature {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            name: $label:literal,
            dialog: $dialog:ty as $kind:literal,
            buttons: $button:ty,
            $(open_to_non_members: $open:literal,)?
            $(on_cancel: $cancel:path,)?
            commands: [$($spec:expr),* $(,)?] $(,)?
        }
    ) => {
        $(#[$meta])*
        pub struct $name;

        #[async_trait::async_trait]
        impl $crate::bot::feature::ChatFeature for $name {
            type Dialog = $dialog;
            type Button = $button;
            const NAME: &'static str = $label;
            const COMMANDS: &'static [$crate::bot::feature::CommandSpec] = &[$($spec),*];
            $(const NEEDS_MEMBERSHIP: bool = !$open;)?

            async fn on_command(
                turn: &$crate::bot::feature::Turn<'_>,
                cmd: &$crate::bot::feature::Command<'_>,
            ) -> Result<bool, $crate::bot::feature::HandlerError> {
                on_command(turn, cmd).await
            }

            async fn on_message(
                turn: &$crate::bot::feature::Turn<'_>,
                dialog: $dialog,
                msg: &teloxide::types::Message,
            ) -> $crate::bot::feature::HandlerResult {
                on_message(turn, dialog, msg).await
            }

            async fn on_button(
                turn: &$crate::bot::feature::Turn<'_>,
                state: $crate::bot::feature::Current<$dialog>,
                button: $button,
                at: $crate::bot::feature::At,
            ) -> Result<bool, $crate::bot::feature::HandlerError> {
                on_button(turn, state, button, at).await
            }

            $(
            async fn on_cancel(
                turn: &$crate::bot::feature::Turn<'_>,
                dialog: $dialog,
            ) -> Result<bool, $crate::bot::feature::HandlerError> {
                $cancel(turn, dialog).await
            }
            )?
        }

        /// Stored under this kind (the old closed enum's variant name), so dialogues
        /// open at an upgrade carry on.
        impl $crate::bot::feature::DialogState for $dialog {
            const KIND: &'static str = $kind;
        }
    };
}
