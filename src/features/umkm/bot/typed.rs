//! A typed answer to a question that has buttons: "setuju", "mikro" or "Kuliner" typed instead
//! of pressed counts as the press, when it names exactly one of the buttons shown
//! (case, emoji and punctuation aside). Anything else asks again with the buttons.

use super::buttons::Btn;
use super::form::{ask, go};
use super::kelurahan_choices;
use super::render::{self, Keys};
use crate::bot::feature::Payload;
use crate::bot::turn::Turn;
use crate::bot::HandlerResult;
use crate::features::umkm::flow::{Dialog, Step};
use crate::features::umkm::store;
use crate::platform::i18n::t;

/// Letters and digits only, lower case, single spaces: "✅ Pertanian / perikanan"
/// and "pertanian/perikanan" both become "pertanian perikanan".
fn normalise(text: &str) -> String {
    let spaced: String = text.chars().map(|c| if c.is_alphanumeric() { c.to_lowercase().next().unwrap_or(c) } else { ' ' }).collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The one button of `keys` whose label reads as `typed`.
fn matching(keys: &Keys, typed: &str) -> Option<Btn> {
    let Keys::Inline(markup) = keys else { return None };
    let typed = normalise(typed);
    if typed.is_empty() {
        return None;
    }
    let mut found = markup.inline_keyboard.iter().flatten().filter(|b| normalise(&b.text) == typed).filter_map(|b| match &b.kind {
        teloxide::types::InlineKeyboardButtonKind::CallbackData(data) => Btn::parse_callback(data),
        _ => None,
    });
    let first = found.next()?;
    found.next().is_none().then_some(first)
}

/// Handles text typed at a button question (consent, sector, scale, kelurahan, needs).
pub async fn on_choice(turn: &Turn<'_>, mut d: Dialog, text: Option<&str>) -> HandlerResult {
    let lang = turn.lang();
    let kel = if d.step == Step::Kelurahan { kelurahan_choices(turn).await? } else { Default::default() };
    let (_, keys) = render::prompt(lang, &d, &kel);
    let again = || Some(t(lang, "umkm-use-buttons"));
    let Some(btn) = text.and_then(|text| matching(&keys, text)) else { return ask(turn, &d, again()).await };
    match (btn, d.step) {
        (Btn::Consent(true), Step::Consent) => {
            store::grant_consent(&turn.ctx.db, turn.who.user_id, turn.now()).await?;
            turn.say("umkm-consent-given").await?;
            return go(turn, d.agreed(turn.now())).await;
        }
        (Btn::Consent(false), Step::Consent) => {
            turn.end().await?;
            return turn.say("umkm-consent-declined").await;
        }
        (Btn::Sector(sector), Step::Sector) => d.form.sector = Some(sector),
        (Btn::Scale(scale), Step::Scale) => d.form.scale = Some(scale),
        (Btn::Kelurahan(id), Step::Kelurahan) => match kel.contains(id) {
            Some(place) => d.form.kelurahan = Some(place.clone()),
            None => return ask(turn, &d, again()).await,
        },
        (Btn::Toggle(need), Step::Needs) => {
            d.form.toggle(need);
            return go(turn, d).await;
        }
        (Btn::NeedsDone, Step::Needs) if d.form.needs.is_empty() => return ask(turn, &d, Some(t(lang, "umkm-err-need-one"))).await,
        (Btn::NeedsDone, Step::Needs) => {}
        (Btn::Back(_), _) => match d.clone().back() {
            Some(back) => return go(turn, back).await,
            None => return ask(turn, &d, again()).await,
        },
        _ => return ask(turn, &d, again()).await,
    }
    go(turn, d.answered()).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_typed_words_compare_without_case_emoji_or_punctuation() {
        assert_eq!(normalise("✅ Pertanian / perikanan"), "pertanian perikanan");
        assert_eq!(normalise("  MIKRO "), "mikro");
        assert_eq!(normalise("📍 Bukit Lama"), "bukit lama");
        assert_eq!(normalise("?!"), "");
    }
}
