//! Telegram handlers of this feature (scaffold: the dialogue and buttons are empty
//! until the feature lands, so nothing here can be reached yet).

use serde::{Deserialize, Serialize};
use teloxide::types::Message;

use crate::telegram::keyboards::Command;
use crate::telegram::turn::{At, Turn};
use crate::telegram::{HandlerError, HandlerResult, Payload, State};

/// Where a person stands in this feature's dialogue.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Dialog {}

/// This feature's button payloads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Btn {}

impl Payload for Btn {
    fn data(&self) -> String {
        match *self {}
    }
    fn parse(_data: &str) -> Option<Self> {
        None
    }
}

/// Handles this feature's commands; `Ok(false)` when the command is not ours.
pub async fn on_command(_turn: &Turn<'_>, _cmd: &Command<'_>) -> Result<bool, HandlerError> {
    Ok(false)
}

pub async fn on_message(_turn: &Turn<'_>, dialog: Dialog, _msg: &Message) -> HandlerResult {
    match dialog {}
}

pub async fn on_button(_turn: &Turn<'_>, _state: State, btn: Btn, _at: At) -> Result<bool, HandlerError> {
    match btn {}
}
