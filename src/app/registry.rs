//! The features plugged into the bot: one line each. A new feature adds its line
//! here and needs nothing else outside its own folder.

use crate::bot::feature::plug;
use crate::bot::{Registry, RegistryError};
use crate::features::{announcements, aspirations, factcheck, feeds, polls, privacy, reports, surveys, trainings, umkm};
use crate::web::console;

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
    ])?
    .with_links(vec![Box::new(trainings::bot::link::TrainingLink)])
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
