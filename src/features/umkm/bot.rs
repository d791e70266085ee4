//! Telegram handlers of the UMKM registry: `/umkm` (sign-up, view, edit, withdraw)
//! and `/umkmkim` (coordinators' and staff's lists). Plugged into the bot
//! as [`Umkm`].

mod buttons;
mod form;
mod list;
mod news;
mod record;
mod render;
mod typed;

use teloxide::ApiError;
use teloxide::RequestError;
use teloxide::types::{InlineKeyboardMarkup, Message};

pub use buttons::{Btn, ListScope};
pub use crate::features::umkm::flow::Dialog;

use crate::kernel::members::areas;
use crate::bot::feature::{At, Command, CommandSpec, Current, HandlerError, HandlerResult, Turn};
use crate::kernel::members::Role;
use crate::features::umkm::flow::Step;
use crate::features::umkm::model::Place;

crate::chat_feature! {
    /// The UMKM registry, as plugged into the bot.
    pub struct Umkm {
        name: "umkm",
        dialog: Dialog as "Umkm",
        buttons: Btn,
        commands: [
            CommandSpec::new("umkm", Role::Resident, "help-line-umkm"),
            CommandSpec::new("umkmkim", Role::Coordinator, "help-line-umkmkim"),
        ],
    }
}

/// Handles this feature's commands; `Ok(false)` when the command is not ours.
pub async fn on_command(turn: &Turn<'_>, cmd: &Command<'_>) -> Result<bool, HandlerError> {
    match cmd.name.as_str() {
        "umkm" => record::start(turn).await?,
        "umkmkim" => list::command(turn).await?,
        _ => return Ok(false),
    }
    Ok(true)
}

/// A message while the form is open.
pub async fn on_message(turn: &Turn<'_>, dialog: Dialog, msg: &Message) -> HandlerResult {
    form::on_message(turn, dialog, msg).await
}

/// A button press; `Ok(false)` (nothing changed) when it does not fit the dialogue
/// state or the presser's role.
pub async fn on_button(turn: &Turn<'_>, state: Current<Dialog>, btn: Btn, at: At) -> Result<bool, HandlerError> {
    match (btn, state) {
        (Btn::Page(scope, page), _) => list::on_page(turn, scope, page, at).await,
        (btn @ (Btn::News(_) | Btn::NewsToggle(_)), Current::Idle | Current::Mine(_)) => news::on_button(turn, btn, at).await,
        (btn @ (Btn::EditSaved | Btn::Withdraw), Current::Idle | Current::Mine(_)) => record::on_button(turn, btn, at).await,
        (Btn::WithdrawConfirm(yes), Current::Mine(d)) if d.step == Step::ConfirmWithdraw => {
            record::confirm(turn, yes, at).await?;
            Ok(true)
        }
        (btn, Current::Mine(d)) => form::on_button(turn, d, btn, at).await,
        _ => Ok(false),
    }
}

/// Edits a bot message; an edit to exactly what is shown already (a double tap)
/// is not an error.
async fn edit(turn: &Turn<'_>, at: At, text: String, keys: Option<InlineKeyboardMarkup>) -> HandlerResult {
    match turn.edit(at, text, keys).await {
        Err(HandlerError::Telegram(RequestError::Api(ApiError::MessageNotModified))) => Ok(()),
        other => other,
    }
}

/// Takes the buttons off a bot message, leaving its text.
async fn remove_buttons(turn: &Turn<'_>, at: At) -> HandlerResult {
    match turn.bot.edit_message_reply_markup(at.0, at.1).await {
        Ok(_) | Err(RequestError::Api(ApiError::MessageNotModified)) => Ok(()),
        Err(e) => Err(e.into()),
    }
}

/// The kelurahan a business of this member may be in: their KIM's first, then the
/// others of the same kecamatan. Empty when the member has no KIM.
async fn kelurahan_choices(turn: &Turn<'_>) -> Result<render::Kelurahan, HandlerError> {
    let db = &turn.ctx.db;
    let Some(kim_id) = turn.who.member.as_ref().and_then(|m| m.kim_id) else { return Ok(Default::default()) };
    let Some(kim) = areas::kim_by_id(db, kim_id).await? else { return Ok(Default::default()) };
    let Some(home) = areas::area_by_id(db, kim.kelurahan_id).await? else { return Ok(Default::default()) };
    let siblings = match home.parent_id {
        Some(kecamatan) => areas::children(db, Some(kecamatan)).await?,
        None => Vec::new(),
    };
    let others = siblings
        .into_iter()
        .filter(|a| a.id != home.id && a.kind == "kelurahan")
        .map(|a| Place { id: a.id, name: a.name })
        .collect();
    Ok(render::Kelurahan { home: Some(Place { id: home.id, name: home.name }), others })
}
