//! Poll rules and the tally: what Telegram accepts, when a poll may close, and how
//! answers from many chats become one count per option. Plain Rust, no SQL.

use std::collections::{BTreeMap, HashMap};

use chrono::{Duration, TimeZone};
use chrono_tz::Tz;

use crate::platform::ids::id;
use crate::platform::when;

id!(
    /// A poll's id (`polls.id`), so a poll, a chat and a person are not mixed up.
    pub PollId
);

/// Telegram's limits on a poll.
pub const QUESTION_MAX: usize = 300;
pub const OPTION_MAX: usize = 100;
pub const OPTIONS_MIN: usize = 2;
pub const OPTIONS_MAX: usize = 10;
/// A poll runs at least this long (an earlier closing time is a typing slip) …
pub const OPEN_MIN_SECS: i64 = 5 * 60;
/// … and at most this long (results that arrive after a month help nobody).
pub const OPEN_MAX_SECS: i64 = 30 * 86_400;

/// Why typed text is not a usable question or option.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextError {
    Empty,
    TooLong { len: usize, max: usize },
    Duplicate,
    /// More options than a poll takes (typed as a list in one message).
    TooMany { max: usize },
}

/// The question, trimmed, if Telegram will take it.
pub fn question(input: &str) -> Result<String, TextError> {
    bounded(input, QUESTION_MAX)
}

/// A new option, trimmed, if Telegram will take it and it is not already listed.
pub fn option(input: &str, existing: &[String]) -> Result<String, TextError> {
    let text = bounded(input, OPTION_MAX)?;
    if existing.iter().any(|o| o.to_lowercase() == text.to_lowercase()) {
        return Err(TextError::Duplicate);
    }
    Ok(text)
}

/// Options typed in one message: one per line, or a single line "a, b, c" (three or
/// more parts: "Ya, setuju" stays one option), each checked as [`option`] against
/// those listed and those before it. All or nothing: one bad item refuses the lot.
pub fn options_typed(input: &str, existing: &[String]) -> Result<Vec<String>, TextError> {
    let lines: Vec<&str> = input.lines().filter(|l| !l.trim().is_empty()).collect();
    let commas: Vec<&str> = input.split(',').filter(|p| !p.trim().is_empty()).collect();
    let items = match (lines.len(), commas.len()) {
        (2.., _) => lines,
        (_, 3..) => commas,
        _ => vec![input],
    };
    if existing.len() + items.len() > OPTIONS_MAX {
        return Err(TextError::TooMany { max: OPTIONS_MAX });
    }
    let mut all = existing.to_vec();
    for item in items {
        let option = option(item, &all)?;
        all.push(option);
    }
    Ok(all.split_off(existing.len()))
}

fn bounded(input: &str, max: usize) -> Result<String, TextError> {
    let text = input.trim();
    let len = text.chars().count();
    match len {
        0 => Err(TextError::Empty),
        n if n > max => Err(TextError::TooLong { len, max }),
        _ => Ok(text.to_string()),
    }
}

/// Closing-time buttons: in one hour, tomorrow 08.00 (local), in three days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Preset {
    Hour,
    TomorrowMorning,
    ThreeDays,
}

impl Preset {
    pub const ALL: [Preset; 3] = [Preset::Hour, Preset::TomorrowMorning, Preset::ThreeDays];

    pub fn code(self) -> u8 {
        self as u8
    }

    pub fn from_code(code: u8) -> Option<Preset> {
        Preset::ALL.into_iter().find(|p| p.code() == code)
    }

    pub fn key(self) -> &'static str {
        match self {
            Preset::Hour => "poll-preset-hour",
            Preset::TomorrowMorning => "poll-preset-tomorrow",
            Preset::ThreeDays => "poll-preset-3days",
        }
    }

    /// The closing time this preset means at `now`.
    pub fn at(self, now: i64, tz: Tz) -> i64 {
        match self {
            Preset::Hour => now + 3600,
            Preset::ThreeDays => now + 3 * 86_400,
            Preset::TomorrowMorning => {
                let tomorrow = when::local(now, tz).date_naive() + Duration::days(1);
                let at = tomorrow.and_hms_opt(8, 0, 0).expect("08:00 exists");
                tz.from_local_datetime(&at).earliest().map_or(now + 86_400, |t| t.timestamp())
            }
        }
    }
}

/// Whether a poll may close at `at` when created at `now`.
pub fn closing_ok(at: i64, now: i64) -> bool {
    (now + OPEN_MIN_SECS..=now + OPEN_MAX_SECS).contains(&at)
}

/// One person's answer through one chat's copy of a poll.
#[derive(Debug, Clone, PartialEq)]
pub struct Vote {
    /// The person's fingerprint within the poll (`platform::fingerprint`), not their id.
    pub voter: i64,
    pub kim_id: Option<i64>,
    pub choices: Vec<usize>,
    /// Telegram's update id: the highest is the person's current answer.
    pub seq: i64,
}

/// Telegram's own totals for a chat that took the poll anonymously (a channel).
#[derive(Debug, Clone, PartialEq)]
pub struct ChatTotals {
    pub kim_id: Option<i64>,
    pub counts: Vec<u64>,
    pub voters: u64,
}

/// Counts for one part of the result (everything, or one KIM).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Counts {
    /// People per option.
    pub options: Vec<u64>,
    /// People who answered.
    pub voters: u64,
}

impl Counts {
    fn new(n: usize) -> Self {
        Counts { options: vec![0; n], voters: 0 }
    }

    fn add(&mut self, choices: &[usize]) {
        self.voters += 1;
        for c in choices {
            if let Some(n) = self.options.get_mut(*c) {
                *n += 1;
            }
        }
    }

    fn merge(&mut self, totals: &ChatTotals) {
        self.voters += totals.voters;
        for (n, add) in self.options.iter_mut().zip(&totals.counts) {
            *n += add;
        }
    }
}

/// One result: the whole, and per KIM (`None`: a chat without a KIM).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tally {
    pub total: Counts,
    pub by_kim: BTreeMap<Option<i64>, Counts>,
}

/// Each person once, by their latest standing answer (whichever chat it came
/// through; an answer taken back stands no more), plus the anonymous chats' totals.
pub fn tally(options: usize, votes: &[Vote], anonymous: &[ChatTotals]) -> Tally {
    let mut latest: HashMap<i64, &Vote> = HashMap::new();
    for v in votes.iter().filter(|v| !v.choices.is_empty()) {
        match latest.get(&v.voter) {
            Some(seen) if seen.seq >= v.seq => {}
            _ => {
                latest.insert(v.voter, v);
            }
        }
    }
    let mut out = Tally { total: Counts::new(options), by_kim: BTreeMap::new() };
    for v in latest.values() {
        out.total.add(&v.choices);
        out.by_kim.entry(v.kim_id).or_insert_with(|| Counts::new(options)).add(&v.choices);
    }
    for t in anonymous {
        out.total.merge(t);
        out.by_kim.entry(t.kim_id).or_insert_with(|| Counts::new(options)).merge(t);
    }
    out
}

/// Whole percent of `part` in `whole` (0 when nobody answered).
pub fn percent(part: u64, whole: u64) -> u64 {
    if whole == 0 { 0 } else { (part * 100 + whole / 2) / whole }
}

/// A text bar of ten blocks for `percent`.
pub fn bar(percent: u64) -> String {
    let full = (percent.min(100) as usize + 5) / 10;
    format!("{}{}", "█".repeat(full), "░".repeat(10 - full))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vote(voter: i64, kim: i64, choices: &[usize], seq: i64) -> Vote {
        Vote { voter, kim_id: Some(kim), choices: choices.to_vec(), seq }
    }

    #[test]
    fn a_person_answering_in_two_chats_counts_once_with_the_latest_answer() {
        let votes = [vote(1, 10, &[0], 5), vote(1, 20, &[1], 7), vote(2, 10, &[0], 6), vote(3, 20, &[1], 2)];
        let t = tally(2, &votes, &[]);
        assert_eq!(t.total, Counts { options: vec![1, 2], voters: 3 });
        assert_eq!(t.by_kim[&Some(10)], Counts { options: vec![1, 0], voters: 1 });
        assert_eq!(t.by_kim[&Some(20)], Counts { options: vec![0, 2], voters: 2 });
    }

    #[test]
    fn an_answer_taken_back_leaves_the_persons_answer_in_another_chat_standing() {
        // As stored: one row per person and chat, chat 20's answer (seq 6) replaced by its retraction.
        let votes = [vote(1, 10, &[0], 5), vote(1, 20, &[], 8), vote(2, 10, &[], 3)];
        let t = tally(2, &votes, &[]);
        assert_eq!(t.total, Counts { options: vec![1, 0], voters: 1 });
    }

    #[test]
    fn anonymous_chat_totals_add_to_the_people_counted_by_name() {
        let anon = [ChatTotals { kim_id: Some(10), counts: vec![4, 1], voters: 5 }];
        let t = tally(2, &[vote(1, 10, &[1], 1)], &anon);
        assert_eq!(t.total, Counts { options: vec![4, 2], voters: 6 });
    }

    #[test]
    fn multiple_choice_counts_a_person_once_but_each_chosen_option() {
        let t = tally(3, &[vote(1, 10, &[0, 2], 1)], &[]);
        assert_eq!(t.total, Counts { options: vec![1, 0, 1], voters: 1 });
    }

    #[test]
    fn questions_and_options_outside_telegrams_limits_are_refused() {
        let long_q = "x".repeat(QUESTION_MAX + 1);
        let cases: [(&str, Result<String, TextError>); 3] = [
            ("  Kapan kerja bakti?  ", Ok("Kapan kerja bakti?".into())),
            ("   ", Err(TextError::Empty)),
            (&long_q, Err(TextError::TooLong { len: QUESTION_MAX + 1, max: QUESTION_MAX })),
        ];
        for (input, expected) in cases {
            assert_eq!(question(input), expected, "{input}");
        }
        let existing = vec!["Sabtu".to_string()];
        assert_eq!(option("sabtu", &existing), Err(TextError::Duplicate));
        assert_eq!(option(&"y".repeat(OPTION_MAX + 1), &existing), Err(TextError::TooLong { len: OPTION_MAX + 1, max: OPTION_MAX }));
        assert_eq!(option("Minggu", &existing), Ok("Minggu".into()));
    }

    #[test]
    fn a_list_typed_in_one_message_becomes_separate_options() {
        let none: Vec<String> = Vec::new();
        assert_eq!(options_typed("Sabtu pagi\n\n Minggu pagi \nJumat sore", &none), Ok(vec!["Sabtu pagi".into(), "Minggu pagi".into(), "Jumat sore".into()]));
        assert_eq!(options_typed("a, b , c", &none), Ok(vec!["a".into(), "b".into(), "c".into()]));
        assert_eq!(options_typed("Ya, setuju", &none), Ok(vec!["Ya, setuju".into()]), "two parts stay one option");
        assert_eq!(options_typed("Sabtu, 08.00\nMinggu, 08.00", &none), Ok(vec!["Sabtu, 08.00".into(), "Minggu, 08.00".into()]), "lines win over commas");
        assert_eq!(options_typed("x\nX", &none), Err(TextError::Duplicate));
        let nine: Vec<String> = (1..=9).map(|i| i.to_string()).collect();
        assert_eq!(options_typed("a\nb", &nine), Err(TextError::TooMany { max: OPTIONS_MAX }));
        assert_eq!(options_typed("1\nb", &["a".into()]), Ok(vec!["1".into(), "b".into()]));
        assert_eq!(options_typed("a\nb", &["A".into()]), Err(TextError::Duplicate));
    }

    #[test]
    fn presets_close_in_the_future_within_the_allowed_window() {
        let tz: Tz = "Asia/Jakarta".parse().unwrap();
        let now = 1_797_000_000;
        for p in Preset::ALL {
            assert!(closing_ok(p.at(now, tz), now), "{p:?}");
            assert_eq!(Preset::from_code(p.code()), Some(p));
        }
        let morning = when::local(Preset::TomorrowMorning.at(now, tz), tz);
        assert_eq!(morning.format("%H:%M").to_string(), "08:00");
        assert!(!closing_ok(now + 60, now) && !closing_ok(now + OPEN_MAX_SECS + 1, now));
    }

    #[test]
    fn percentages_round_and_bars_have_ten_blocks() {
        assert_eq!((percent(1, 3), percent(2, 3), percent(0, 0)), (33, 67, 0));
        assert_eq!(bar(67).chars().count(), 10);
        assert_eq!(bar(100), "██████████");
    }
}
