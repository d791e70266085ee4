//! The features plugged into the bot: one line each. A new feature adds its line
//! here and needs nothing else outside its own folder.

use teloxide::dispatching::{DpHandlerDescription, UpdateFilterExt};
use teloxide::dptree::Handler;
use teloxide::types::Update;

use crate::bot::HandlerResult;
use crate::bot::feature::plug;
use crate::bot::{Registry, RegistryError};
use crate::features::{announcements, aspirations, factcheck, feeds, members, polls, privacy, reports, surveys, trainings, umkm};
use crate::platform::personal::PersonalData;
use crate::web::console;

/// Everything that stores personal data, one line per owner, parents first:
/// `/datasaya` shows the sections in this order, `/hapusdata` erases in reverse
/// order (children before parents), all in one transaction. A test checks that
/// every schema column holding a user id is declared by one of them. It lives here,
/// with the other registrations, because owners sit on every layer (platform,
/// features, the web console); privacy reads it through [`crate::platform::ctx::AppCtx`].
pub static PERSONAL_DATA: &[&PersonalData] = &[
    &crate::platform::personal::PLATFORM,
    &crate::features::members::personal::DATA,
    &umkm::personal::DATA,
    &aspirations::personal::DATA,
    &trainings::personal::DATA,
    &announcements::personal::DATA,
    &feeds::personal::DATA,
    &factcheck::personal::DATA,
    &surveys::personal::DATA,
    &polls::personal::DATA,
    &console::personal::DATA,
];

/// Every chat feature, in the order help and menus list their commands.
pub fn registry() -> Result<Registry, RegistryError> {
    Registry::new(vec![
        plug::<umkm::bot::Umkm>(),
        plug::<aspirations::bot::Aspirations>(),
        plug::<announcements::bot::Announcements>(),
        plug::<trainings::bot::Trainings>(),
        plug::<privacy::bot::Privacy>(),
        plug::<reports::bot::Reports>(),
        plug::<feeds::bot::Feeds>(),
        plug::<factcheck::bot::FactCheck>(),
        plug::<surveys::bot::Surveys>(),
        plug::<polls::bot::Polls>(),
        plug::<console::bot::Console>(),
        plug::<members::bot::Members>(),
    ])?
    .with_links(vec![Box::new(trainings::bot::link::TrainingLink)])
}

/// The bot's tree plus the updates that belong to no chat, one line per feature:
/// answers to polls come from every chat a poll went to, without a dialogue.
pub fn with_feature_updates(
    bot: Handler<'static, HandlerResult, DpHandlerDescription>,
) -> Handler<'static, HandlerResult, DpHandlerDescription> {
    bot.branch(Update::filter_poll_answer().endpoint(polls::answers::on_answer))
        .branch(Update::filter_poll().endpoint(polls::answers::on_poll))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_features_plug_together_without_clashes() {
        let registry = registry().expect("no clashing commands, dialogue kinds or button prefixes");
        assert!(registry.command("umkm").is_some());
        assert!(registry.command("announce").is_some(), "English aliases route too");
        assert!(registry.by_button("a:v:1").is_some());
        assert!(registry.by_dialog("Umkm").is_some());
        assert!(registry.link("tr_12").is_some(), "a training's group-post link has its owner");
        assert!(registry.link("inv-ABC").is_none() && registry.link("IB1-BL").is_none(), "invites and KIM codes stay the core's");
    }
}
