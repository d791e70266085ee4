//! Survey domain: question kinds, the draft an author builds, and the limits that keep
//! a survey short enough to answer on a cheap phone. Plain Rust, no Telegram or SQL.

use serde::{Deserialize, Serialize};

use crate::platform::ids::id;

id!(
    /// A survey's id (`surveys.id`).
    pub SurveyId
);

pub const TITLE_MAX: usize = 100;
pub const PROMPT_MAX: usize = 300;
pub const QUESTIONS_MAX: usize = 10;
pub const OPTIONS_MIN: usize = 2;
pub const OPTIONS_MAX: usize = 10;
/// An option is a button label: Telegram shows about 40 characters on a phone.
pub const OPTION_MAX: usize = 40;
/// Longest short-text answer, in characters.
pub const ANSWER_MAX: usize = 500;
/// The scale runs 1..=SCALE_MAX.
pub const SCALE_MAX: i64 = 5;

/// What kind of answer a question takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// One of 2–10 options, as buttons.
    Choice,
    /// 1 to 5, as buttons.
    Scale,
    /// Typed, up to [`ANSWER_MAX`] characters.
    Text,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Choice, Kind::Scale, Kind::Text];

    pub fn code(self) -> &'static str {
        match self {
            Kind::Choice => "choice",
            Kind::Scale => "scale",
            Kind::Text => "text",
        }
    }

    pub fn parse(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// Message key of its name.
    pub fn key(self) -> &'static str {
        match self {
            Kind::Choice => "sv-kind-choice",
            Kind::Scale => "sv-kind-scale",
            Kind::Text => "sv-kind-text",
        }
    }
}

/// One question, as drafted and as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    pub kind: Kind,
    pub prompt: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<String>,
}

/// A survey being written (kept in the author's dialogue, so a restart loses nothing).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub title: String,
    pub questions: Vec<Question>,
    /// The question being rewritten (index), if any; a new one is appended otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub editing: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closes_at: Option<i64>,
}

impl Draft {
    /// Puts `q` where it is being edited, or at the end.
    pub fn put(&mut self, q: Question) {
        match self.editing.take() {
            Some(i) if i < self.questions.len() => self.questions[i] = q,
            _ => self.questions.push(q),
        }
    }

    pub fn is_full(&self) -> bool {
        self.questions.len() >= QUESTIONS_MAX && self.editing.is_none()
    }
}

/// Why a typed text was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    #[error("empty")]
    Empty,
    #[error("too long: {len} of {max}")]
    TooLong { len: usize, max: usize },
    #[error("{0} options")]
    OptionCount(usize),
    #[error("option {index} too long")]
    OptionTooLong { index: usize },
    #[error("options repeat")]
    Repeated,
}

/// Trimmed text of 1..=max characters.
pub fn text(input: &str, max: usize) -> Result<String, TextError> {
    let s = input.trim();
    let len = s.chars().count();
    match len {
        0 => Err(TextError::Empty),
        n if n > max => Err(TextError::TooLong { len: n, max }),
        _ => Ok(s.to_string()),
    }
}

/// Options typed one per line (blank lines ignored), or on one line separated by
/// commas ("a, b, c": one option alone is never a valid list): 2–10, each a short,
/// distinct label.
pub fn options(input: &str) -> Result<Vec<String>, TextError> {
    let mut list: Vec<String> = input.lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect();
    if list.len() == 1 && list[0].contains(',') {
        list = list[0].split(',').map(str::trim).filter(|p| !p.is_empty()).map(String::from).collect();
    }
    if !(OPTIONS_MIN..=OPTIONS_MAX).contains(&list.len()) {
        return Err(TextError::OptionCount(list.len()));
    }
    if let Some(index) = list.iter().position(|o| o.chars().count() > OPTION_MAX) {
        return Err(TextError::OptionTooLong { index: index + 1 });
    }
    let mut lower: Vec<String> = list.iter().map(|o| o.to_lowercase()).collect();
    lower.sort();
    lower.dedup();
    if lower.len() != list.len() {
        return Err(TextError::Repeated);
    }
    Ok(list)
}

/// Where a survey stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Open,
    /// Closed on time or early: no more answers, results stay.
    Closed,
    /// Withdrawn by its author or staff: no more answers, invitations not yet sent are dropped.
    Recalled,
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Closed => "closed",
            Status::Recalled => "recalled",
        }
    }

    pub fn parse(code: &str) -> Status {
        match code {
            "open" => Status::Open,
            "recalled" => Status::Recalled,
            _ => Status::Closed,
        }
    }
}

/// The kecamatan part of a kelurahan path (`Kota/Kecamatan/Kelurahan`), or the path
/// itself when it is shorter.
pub fn kecamatan_of(path: &str) -> String {
    path.split('/').nth(1).unwrap_or(path).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_are_read_one_per_line_and_bad_lists_are_refused() {
        assert_eq!(options("Modal\n\n  Pemasaran \nPelatihan"), Ok(vec!["Modal".into(), "Pemasaran".into(), "Pelatihan".into()]));
        assert_eq!(options("Modal, Pemasaran ,Pelatihan,"), Ok(vec!["Modal".into(), "Pemasaran".into(), "Pelatihan".into()]));
        assert_eq!(options("Ya, tentu\nTidak"), Ok(vec!["Ya, tentu".into(), "Tidak".into()]), "lines win over commas");
        let cases = [
            ("Satu saja", TextError::OptionCount(1)),
            ("", TextError::OptionCount(0)),
            ("a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk", TextError::OptionCount(11)),
            ("Ya\nTidak\nYA", TextError::Repeated),
            (&format!("Ya\n{}", "x".repeat(41)), TextError::OptionTooLong { index: 2 }),
        ];
        for (input, want) in cases {
            assert_eq!(options(input), Err(want), "{input:?}");
        }
    }

    #[test]
    fn texts_are_trimmed_and_bounded() {
        assert_eq!(text("  Kebutuhan UMKM  ", 100), Ok("Kebutuhan UMKM".into()));
        assert_eq!(text("   ", 100), Err(TextError::Empty));
        assert_eq!(text(&"é".repeat(501), ANSWER_MAX), Err(TextError::TooLong { len: 501, max: 500 }));
    }

    #[test]
    fn an_edited_question_replaces_its_place_and_a_new_one_is_appended() {
        let q = |p: &str| Question { kind: Kind::Text, prompt: p.into(), options: vec![] };
        let mut d = Draft { title: "T".into(), questions: vec![q("a"), q("b")], ..Draft::default() };
        d.editing = Some(0);
        d.put(q("A"));
        d.put(q("c"));
        assert_eq!(d.questions.iter().map(|q| q.prompt.as_str()).collect::<Vec<_>>(), ["A", "b", "c"]);
        assert_eq!(kecamatan_of("Kota Palembang/Ilir Barat I/Bukit Lama"), "Ilir Barat I");
        assert_eq!(Kind::parse("scale"), Some(Kind::Scale));
    }
}
