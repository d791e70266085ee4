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

use crate::bot::feature::{At, ChatFeature, Command, CommandSpec, Current, HandlerError, HandlerResult, NoDialog, Turn};
use crate::bot::keyboards::button;
use crate::kernel::members::retire::{self, MembersButton};
use crate::kernel::members::{KimId, Role, areas, users};
use crate::platform::i18n::{Lang, t};

/// Membership, as plugged into the bot: commands and the language buttons, no
/// dialogue of its own.
pub struct Members;

#[async_trait]
impl ChatFeature for Members {
    type Dialog = NoDialog;
    type Button = MembersButton;
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

    async fn on_button(turn: &Turn<'_>, _: Current<NoDialog>, button: MembersButton, at: At) -> Result<bool, HandlerError> {
        match button {
            MembersButton::Lang(lang) => set_language(turn, at, lang).await?,
            MembersButton::Kim(id) => choose_again(turn, at, KimId(id)).await?,
        }
        Ok(true)
    }
}

/// One button per language, each labelled in its own language.
fn languages() -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new(vec![vec![
        button(t(Lang::Id, "btn-lang-id"), MembersButton::Lang(Lang::Id)),
        button(t(Lang::En, "btn-lang-en"), MembersButton::Lang(Lang::En)),
    ]])
}

/// Stores the choice, says so in the new language and shows the command menu in it.
async fn set_language(turn: &Turn<'_>, at: At, new: Lang) -> HandlerResult {
    users::set_language(&turn.ctx.db, turn.who.user_id, new.code(), turn.now()).await?;
    turn.edit(at, t(new, "lang-changed"), None).await?;
    turn.show_menu(new).await
}

/// A KIM chosen again after the resident's own was retired (the buttons of
/// [`retire::notices`]): joins it, or says it can no longer be chosen.
async fn choose_again(turn: &Turn<'_>, at: At, kim_id: KimId) -> HandlerResult {
    let lang = turn.lang();
    match areas::open_kim_by_id(&turn.ctx.db, kim_id).await? {
        Some(kim) => {
            users::set_kim(&turn.ctx.db, turn.who.user_id, kim.id, turn.now()).await?;
            turn.edit(at, retire::joined_text(lang, &kim), None).await
        }
        None => turn.edit(at, retire::gone_text(lang), None).await,
    }
}

/// Membership as plugged into kimbot: its commands, and the people and their memberships
/// every other owner of personal data points at.
pub fn feature() -> crate::plug::Feature {
    use crate::plug::{DataRank, Feature};
    Feature::new("members").with_audit_words(&super::audit::WORDS).with_chat::<Members>().with_personal_data(&super::personal::DATA, DataRank::Parent).with_consent_purpose(&super::personal::MEMBERSHIP)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bot::feature::{Payload, assert_round_trip};

    #[test]
    fn language_buttons_keep_their_old_wire_form() {
        assert_round_trip(&[MembersButton::Lang(Lang::Id), MembersButton::Lang(Lang::En)]);
        assert_eq!(Payload::callback_data(&MembersButton::Lang(Lang::En)), "lg:en");
        for forged in ["lg:fr", "lg:", "lg:id:x", "lg:ID"] {
            assert_eq!(MembersButton::parse_callback(forged), None, "{forged}");
        }
    }
}
