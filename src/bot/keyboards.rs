//! Inline keyboards and the command parser shared by private and group handlers.

use teloxide::types::InlineKeyboardMarkup;

use super::Cb;
use crate::platform::i18n::{Lang, t};
use crate::kernel::members::{Area, Kim};

pub use crate::platform::buttons::button;

/// Agree / decline, and a switch to the other language.
pub fn notice(lang: Lang) -> InlineKeyboardMarkup {
    let other = match lang {
        Lang::Id => button(t(Lang::En, "btn-lang-en"), Cb::NoticeLang(Lang::En)),
        Lang::En => button(t(Lang::Id, "btn-lang-id"), Cb::NoticeLang(Lang::Id)),
    };
    InlineKeyboardMarkup::new(vec![
        vec![button(t(lang, "btn-agree"), Cb::Agree), button(t(lang, "btn-decline"), Cb::Decline)],
        vec![other],
    ])
}

/// One area per row (names are long and phones are narrow), then "back".
pub fn areas(lang: Lang, areas: &[Area], back: Option<i64>) -> InlineKeyboardMarkup {
    let mut rows: Vec<_> = areas.iter().map(|a| vec![button(a.name.clone(), Cb::Area(a.id))]).collect();
    rows.extend(back.map(|id| vec![button(t(lang, "btn-back"), Cb::Area(id))]));
    InlineKeyboardMarkup::new(rows)
}

pub fn kims(lang: Lang, kims: &[Kim], back: i64) -> InlineKeyboardMarkup {
    let mut rows: Vec<_> =
        kims.iter().map(|k| vec![button(format!("{} ({})", k.name, k.code), Cb::Kim(k.id.get()))]).collect();
    rows.push(vec![button(t(lang, "btn-back"), Cb::Area(back))]);
    InlineKeyboardMarkup::new(rows)
}

/// A bot command found at the start of a message.
#[derive(Debug, PartialEq)]
pub struct Command<'a> {
    /// Lower-case name without the slash.
    pub name: String,
    pub args: &'a str,
    /// Written as `/cmd@thisbot`: surely meant for us (matters in groups).
    pub addressed: bool,
}

/// Parses `/name@bot args`. A command addressed to another bot is not ours: `None`.
pub fn parse_command<'a>(text: &'a str, bot_username: &str) -> Option<Command<'a>> {
    let rest = text.trim_start().strip_prefix('/')?;
    let (head, args) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    let (name, target) = match head.split_once('@') {
        Some((name, target)) => (name, Some(target)),
        None => (head, None),
    };
    if name.is_empty() || target.is_some_and(|t| !t.eq_ignore_ascii_case(bot_username)) {
        return None;
    }
    Some(Command { name: name.to_lowercase(), args: args.trim(), addressed: target.is_some() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_parse_with_and_without_the_bot_name() {
        let cases = [
            ("/start", Some(("start", "", false))),
            ("/START KIM01", Some(("start", "KIM01", false))),
            ("/hubungkan@kimbot_test_bot  kim01 ", Some(("hubungkan", "kim01", true))),
            ("/hubungkan@other_bot X", None),
            ("halo /start", None),
            ("/", None),
        ];
        for (text, want) in cases {
            let got = parse_command(text, "kimbot_test_bot");
            let got = got.as_ref().map(|c| (c.name.as_str(), c.args, c.addressed));
            assert_eq!(got, want, "{text}");
        }
    }
}
