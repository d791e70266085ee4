//! `/bantuan` and Telegram's command menu, both depending on the person's role, so
//! residents never see staff commands.

use teloxide::prelude::*;
use teloxide::types::{BotCommand, BotCommandScope, Recipient};

use crate::platform::ctx::AppCtx;
use super::HandlerResult;
use super::commands::GROUP_COMMANDS;
use super::registry::Registry;
use crate::platform::i18n::{Arg, Lang, t, ta};
use crate::kernel::members::{Role, UserId, users};

/// Private-chat commands a role sees in Telegram's menu: every menu command its
/// role may use, from the same declarations the router checks roles against.
fn private_commands(registry: &Registry, role: Role) -> Vec<&'static str> {
    let mut names: Vec<&'static str> = Vec::new();
    for spec in registry.commands().filter(|s| s.menu && s.role <= role) {
        if !names.contains(&spec.name) {
            names.push(spec.name);
        }
    }
    names
}

fn commands(names: &[&str], lang: Lang) -> Vec<BotCommand> {
    names.iter().map(|name| BotCommand::new(*name, t(lang, &format!("cmd-{name}")))).collect()
}

/// A role's menu as Telegram gets it (for the app's checks over every feature).
#[cfg(test)]
pub(crate) fn menu_commands(registry: &Registry, role: Role, lang: Lang) -> Vec<BotCommand> {
    commands(&private_commands(registry, role), lang)
}

/// The help text for a role: one section per role up to its own, each listing the
/// commands declared for that role. The agency officer's section is theirs alone:
/// coordinators and staff reach the same commands through their own lines.
pub fn help_text(registry: &Registry, lang: Lang, role: Role) -> String {
    let mut parts = vec![ta(lang, "help-header", &[("role", Arg::from(t(lang, role.message_key())))])];
    let sections = [Role::Resident, Role::Officer, Role::Coordinator, Role::Staff, Role::Admin];
    for section in sections.into_iter().filter(|r| *r <= role && (*r != Role::Officer || role == Role::Officer)) {
        let mut lines: Vec<String> = Vec::new();
        if section != Role::Resident {
            lines.push(t(lang, &format!("help-section-{}", section.as_str())));
        }
        let keys = registry.commands().filter(|s| s.role == section).filter_map(|s| s.help);
        lines.extend(keys.map(|key| t(lang, key)));
        parts.push(lines.join("\n"));
    }
    parts.join("\n\n")
}

pub fn group_help(lang: Lang) -> String {
    t(lang, "help-group")
}

/// Menus for everyone: residents' commands in private chats and group commands in
/// groups, in Indonesian by default and in English for English-language clients.
pub async fn set_default_menus(bot: &Bot, registry: &Registry) -> Result<(), teloxide::RequestError> {
    for lang in Lang::ALL {
        let code = (lang == Lang::En).then(|| lang.code().to_string());
        let mut private = bot
            .set_my_commands(commands(&private_commands(registry, Role::Resident), lang))
            .scope(BotCommandScope::AllPrivateChats);
        private.language_code = code.clone();
        private.await?;
        let mut groups =
            bot.set_my_commands(commands(GROUP_COMMANDS, lang)).scope(BotCommandScope::AllGroupChats);
        groups.language_code = code;
        groups.await?;
    }
    Ok(())
}

/// Gives one person the menu of their role when it differs from what they were last
/// shown. Residents use the default menu, so theirs is cleared.
pub async fn refresh_menu(
    bot: &Bot,
    ctx: &AppCtx,
    registry: &Registry,
    user_id: UserId,
    lang: Lang,
    role: Role,
    shown: Option<&str>,
) -> HandlerResult {
    if shown == Some(role.as_str()) {
        return Ok(());
    }
    if role != Role::Resident {
        return show_menu(bot, ctx, registry, user_id, lang, role).await;
    }
    if shown.is_some() {
        let scope = BotCommandScope::Chat { chat_id: Recipient::Id(ChatId(user_id.get())) };
        bot.delete_my_commands().scope(scope).await?;
    }
    users::set_menu_role(&ctx.db, user_id, role.as_str()).await?;
    Ok(())
}

/// Gives one person the menu of `role` in `lang`, whatever they were shown before:
/// after `/bahasa`, since the default menus follow the language of the Telegram
/// app, not the one chosen in the bot.
pub async fn show_menu(bot: &Bot, ctx: &AppCtx, registry: &Registry, user_id: UserId, lang: Lang, role: Role) -> HandlerResult {
    let scope = BotCommandScope::Chat { chat_id: Recipient::Id(ChatId(user_id.get())) };
    bot.set_my_commands(commands(&private_commands(registry, role), lang)).scope(scope).await?;
    users::set_menu_role(&ctx.db, user_id, role.as_str()).await?;
    Ok(())
}
