//! `/bantuan` and Telegram's command menu, both depending on the person's role, so
//! residents never see staff commands.

use teloxide::prelude::*;
use teloxide::types::{BotCommand, BotCommandScope, Recipient};

use crate::app::AppCtx;
use super::HandlerResult;
use crate::platform::i18n::{Arg, Lang, t, ta};
use crate::features::members::{Role, users};

/// Private-chat commands a role sees in Telegram's menu.
fn private_commands(role: Role) -> &'static [&'static str] {
    match role {
        Role::Resident => &RESIDENT,
        Role::Coordinator => &COORDINATOR,
        Role::Staff => &STAFF,
        Role::Admin => &ADMIN,
    }
}

const RESIDENT: [&str; 14] = [
    "start", "bantuan", "umkm", "aspirasi", "status", "pengumuman", "pelatihan", "pelatihansaya", "gantikim", "bahasa",
    "datasaya", "berhenti", "hapusdata", "batal",
];
const COORDINATOR: [&str; 21] = [
    "start", "bantuan", "umkm", "aspirasi", "status", "pengumuman", "pelatihan", "pelatihansaya", "umumkan", "jadwal",
    "pelatihanbaru", "peserta", "umkmkim", "antrian", "dasbor", "grupsaya", "bahasa", "datasaya", "berhenti", "hapusdata",
    "batal",
];
const STAFF: [&str; 24] = [
    "start", "bantuan", "umkm", "aspirasi", "status", "pengumuman", "pelatihan", "pelatihansaya", "umumkan", "jadwal",
    "pelatihanbaru", "peserta", "umkmkim", "antrian", "dasbor", "laporan", "grupsaya", "undang", "bahasa", "datasaya",
    "berhenti", "hapusdata", "batal", "sumber",
];
const ADMIN: [&str; 25] = [
    "start", "bantuan", "umkm", "aspirasi", "status", "pengumuman", "pelatihan", "pelatihansaya", "umumkan", "jadwal",
    "pelatihanbaru", "peserta", "umkmkim", "antrian", "dasbor", "laporan", "grupsaya", "undang", "audit", "bahasa", "datasaya",
    "berhenti", "hapusdata", "batal", "sumber",
];

const GROUP_COMMANDS: &[&str] = &["hubungkan", "putuskan", "bantuan"];

fn commands(names: &[&str], lang: Lang) -> Vec<BotCommand> {
    names.iter().map(|name| BotCommand::new(*name, t(lang, &format!("cmd-{name}")))).collect()
}

/// The help text for a role: everything below it is included.
pub fn help_text(lang: Lang, role: Role) -> String {
    let mut parts = vec![ta(lang, "help-header", &[("role", Arg::from(t(lang, role.message_key())))])];
    parts.push(t(lang, "help-resident"));
    if role >= Role::Coordinator {
        parts.push(t(lang, "help-coordinator"));
    }
    if role >= Role::Staff {
        parts.push(t(lang, "help-staff"));
    }
    if role >= Role::Admin {
        parts.push(t(lang, "help-admin"));
    }
    parts.join("\n\n")
}

pub fn group_help(lang: Lang) -> String {
    t(lang, "help-group")
}

/// Menus for everyone: residents' commands in private chats and group commands in
/// groups, in Indonesian by default and in English for English-language clients.
pub async fn set_default_menus(bot: &Bot) -> Result<(), teloxide::RequestError> {
    for lang in Lang::ALL {
        let code = (lang == Lang::En).then(|| lang.code().to_string());
        let mut private = bot
            .set_my_commands(commands(private_commands(Role::Resident), lang))
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
    user_id: i64,
    lang: Lang,
    role: Role,
    shown: Option<&str>,
) -> HandlerResult {
    if shown == Some(role.as_str()) {
        return Ok(());
    }
    let scope = BotCommandScope::Chat { chat_id: Recipient::Id(ChatId(user_id)) };
    if role == Role::Resident {
        if shown.is_some() {
            bot.delete_my_commands().scope(scope).await?;
        }
    } else {
        bot.set_my_commands(commands(private_commands(role), lang)).scope(scope).await?;
    }
    users::set_menu_role(&ctx.db, user_id, role.as_str()).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn residents_help_has_no_staff_commands_and_staff_help_has_them() {
        let resident = help_text(Lang::Id, Role::Resident);
        let staff = help_text(Lang::Id, Role::Staff);
        assert!(!resident.contains("/undang") && !resident.contains("/hubungkan"));
        assert!(staff.contains("/undang") && staff.contains("/hubungkan"));
        assert!(!staff.contains("/undang staf"), "staff cannot invite staff");
        assert!(help_text(Lang::En, Role::Admin).contains("/undang staf"));
        assert!(!resident.contains("/dasbor") && staff.contains("/dasbor"));
        assert!(help_text(Lang::Id, Role::Coordinator).contains("/dasbor"));
    }

    #[test]
    fn the_console_is_in_the_menus_of_coordinators_staff_and_admins_only() {
        assert!(!private_commands(Role::Resident).contains(&"dasbor"));
        for role in [Role::Coordinator, Role::Staff, Role::Admin] {
            assert!(private_commands(role).contains(&"dasbor"), "{role:?}");
        }
    }

    #[test]
    fn every_menu_command_has_a_description() {
        for role in [Role::Resident, Role::Coordinator, Role::Staff, Role::Admin] {
            for cmd in commands(private_commands(role), Lang::Id) {
                assert!(!cmd.description.starts_with("cmd-"), "{}", cmd.command);
            }
        }
    }
}
