//! The membership commands, as plugged into the bot: `/bahasa`, `/gantikim`,
//! `/grupsaya`, `/undang`, and the private-chat answer to the group commands
//! `/hubungkan` and `/putuskan`. Declared here with their lowest roles, so the
//! router refuses lower roles and `/bantuan` and the menus list them like any
//! feature's. `/start`, `/batal` and `/bantuan` are the dialogue frame and stay in
//! the bot layer, as does the KIM choice `/gantikim` opens: it is the one `/start`
//! ends in, stored as the bot layer's own `ChooseKim` state.

mod invite;
mod my_groups;

use async_trait::async_trait;
use teloxide::types::{InlineKeyboardMarkup, Message};

use crate::bot::feature::{At, ChatFeature, Command, CommandSpec, Current, HandlerError, HandlerResult, NoDialog, Payload, Turn};
use crate::bot::keyboards::button;
use crate::kernel::members::{Role, users};
use crate::platform::i18n::{Lang, t};

/// Membership, as plugged into the bot: commands and the language buttons, no
/// dialogue of its own.
pub struct Members;

#[async_trait]
impl ChatFeature for Members {
    type Dialog = NoDialog;
    type Button = LangButton;
    const NAME: &'static str = "members";
    const COMMANDS: &'static [CommandSpec] = &[
        CommandSpec::new("gantikim", Role::Resident, "help-line-gantikim"),
        CommandSpec::new("bahasa", Role::Resident, "help-line-bahasa").aliases(&["language"]),
        CommandSpec::new("grupsaya", Role::Coordinator, "help-line-grupsaya"),
        // Group commands: in private chat anyone, member or not, is told where they work.
        CommandSpec::new("hubungkan", Role::Coordinator, "help-line-hubungkan").hidden().refused_by_feature().open_to_non_members(),
        CommandSpec::new("putuskan", Role::Coordinator, "help-line-putuskan").hidden().refused_by_feature().open_to_non_members(),
        CommandSpec::new("undang", Role::Staff, "help-line-undang-coordinator").denied("not-allowed-staff"),
        // Staff also invite agency (OPD) officers: a second help line in their section.
        CommandSpec::new("undang", Role::Staff, "help-line-undang-opd").hidden(),
        // Admins also invite staff: a second help line in their section.
        CommandSpec::new("undang", Role::Admin, "help-line-undang-staff").hidden(),
    ];

    async fn on_command(turn: &Turn<'_>, cmd: &Command<'_>) -> Result<bool, HandlerError> {
        match cmd.name.as_str() {
            "bahasa" | "language" => turn.send_with_buttons(t(turn.lang(), "lang-choose"), languages()).await?,
            "gantikim" => turn.choose_kim().await?,
            "grupsaya" => my_groups::show(turn).await?,
            "undang" => invite::create(turn, cmd.args).await?,
            "hubungkan" | "putuskan" => turn.say("only-group").await?,
            _ => return Ok(false),
        }
        Ok(true)
    }

    async fn on_message(_: &Turn<'_>, dialog: NoDialog, _: &Message) -> HandlerResult {
        match dialog {}
    }

    async fn on_button(turn: &Turn<'_>, _: Current<NoDialog>, button: LangButton, at: At) -> Result<bool, HandlerError> {
        set_language(turn, at, button.0).await?;
        Ok(true)
    }
}

/// A `/bahasa` button: switch to this language. Valid whatever dialogue is open
/// (the language is not part of it), so an old keyboard still works.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LangButton(pub Lang);

impl Payload for LangButton {
    /// The prefix these buttons had when they were the bot layer's own: keyboards
    /// sent before the move keep working.
    const PREFIX: &'static str = "lg";

    fn data(&self) -> String {
        self.0.code().to_string()
    }

    fn parse(data: &str) -> Option<Self> {
        Lang::from_code(data).map(LangButton)
    }
}

/// One button per language, each labelled in its own language.
fn languages() -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new(vec![vec![
        button(t(Lang::Id, "btn-lang-id"), LangButton(Lang::Id)),
        button(t(Lang::En, "btn-lang-en"), LangButton(Lang::En)),
    ]])
}

/// Stores the choice, says so in the new language and shows the command menu in it.
async fn set_language(turn: &Turn<'_>, at: At, new: Lang) -> HandlerResult {
    users::set_language(&turn.ctx.db, turn.who.user_id, new.code(), turn.now()).await?;
    turn.edit(at, t(new, "lang-changed"), None).await?;
    turn.show_menu(new).await
}

/// Membership as plugged into kimbot: its commands, and the people and their memberships
/// every other owner of personal data points at.
pub fn feature() -> crate::plug::Feature {
    use crate::plug::{DataRank, Feature};
    Feature::new("members").with_audit_words(&super::audit::WORDS).with_chat::<Members>().with_personal_data(&super::personal::DATA, DataRank::Parent)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bot::feature::assert_round_trip;

    #[test]
    fn language_buttons_keep_their_old_wire_form() {
        assert_round_trip(&[LangButton(Lang::Id), LangButton(Lang::En)]);
        assert_eq!(Payload::callback_data(&LangButton(Lang::En)), "lg:en");
        for forged in ["lg:fr", "lg:", "lg:id:x", "lg:ID"] {
            assert_eq!(LangButton::parse_callback(forged), None, "{forged}");
        }
    }
}
