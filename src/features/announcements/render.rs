//! Small pieces shared by the handlers and the console: schedule labels and
//! keyboards; times, targets and repeating schedules in words come from
//! [`crate::kernel::audience::words`].

use teloxide::types::InlineKeyboardMarkup;

use super::buttons::Btn;
use super::model::{Announcement, Schedule};
pub use crate::kernel::audience::words::{cron_words, target_label, when};
use crate::platform::i18n::{Arg, Lang, t, ta};
use crate::platform::buttons::button;

/// "once, Senin, 21/12/2026 08:00 WIB" or "repeats: every Monday at 08:00".
pub fn schedule_label(lang: Lang, ann: &Announcement) -> String {
    match &ann.schedule {
        Schedule::Now => t(lang, "ann-schedule-now"),
        Schedule::At(at) => ta(lang, "ann-schedule-at", &[("when", Arg::from(when(lang, *at, ann.tz)))]),
        Schedule::Cron(expr) => ta(lang, "ann-schedule-cron", &[("cron", Arg::from(cron_words(lang, expr)))]),
    }
}

/// Rows of (label, button) as an inline keyboard.
pub fn keyboard(rows: Vec<Vec<(String, Btn)>>) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new(
        rows.into_iter().map(|row| row.into_iter().map(|(label, btn)| button(label, btn)).collect::<Vec<_>>()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every message of this feature renders in both languages with its arguments:
    /// no key shown instead of text, no placeable left unfilled.
    #[test]
    fn every_announcement_message_renders_in_both_languages() {
        let args: Vec<(&'static str, Arg)> = ["id", "run", "groups", "chars", "count", "sent", "failed", "waiting", "page", "pages"]
            .into_iter()
            .map(|k| (k, Arg::from(3)))
            .chain(
                [
                    ("late", "yes"),
                    ("recalled", "yes"),
                    ("when", "Senin"),
                    ("media", "photo"),
                    ("name", "KIM X"),
                    ("kind", "kota"),
                    ("target", "T"),
                    ("zone", "WIB"),
                    ("cron", "0 8 * * MON"),
                    ("time", "10:00:05 WIB"),
                    ("times", "07:00"),
                    ("days", "Senin"),
                    ("dates", "1, 15"),
                    ("months", "Januari dan Juli"),
                    ("first", "Januari, April"),
                    ("last", "Juli"),
                    ("year", "2027"),
                    ("runs", "R"),
                    ("group", "G"),
                    ("reason", "Z"),
                    ("schedule", "S"),
                    ("text", "X"),
                    ("kim", "KIM X"),
                    ("sector", "Kuliner"),
                    ("need", "Modal"),
                    ("why", "erased"),
                ]
                .map(|(k, v)| (k, Arg::from(v))),
            )
            .collect();
        let checked = crate::platform::i18n::assert_file_renders("announcements.ftl", "ann-", &args);
        assert!(checked > 80, "{checked} keys");
    }
}
