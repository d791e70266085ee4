//! Cek fakta domain: verdicts, request numbers, and how two forwarded messages are
//! recognised as the same rumour. Plain Rust, no Telegram or SQL.

use sha2::{Digest, Sha256};

/// Longest message accepted for checking, in characters (a Telegram text is 4096).
pub const BODY_MAX: usize = 4000;
/// Shortest explanation staff may send with a verdict: a verdict alone explains nothing.
pub const EXPLANATION_MIN: usize = 20;
pub const EXPLANATION_MAX: usize = 3000;

/// What staff conclude about a message (the categories Kominfo's hoax clarifications use).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Made up, meant to mislead.
    Hoaks,
    /// False, spread on purpose.
    Disinformasi,
    /// False or misleading, spread without intent.
    Misinformasi,
    Fakta,
    /// Not yet possible to confirm either way.
    Belum,
}

impl Verdict {
    pub const ALL: [Verdict; 5] = [Verdict::Hoaks, Verdict::Disinformasi, Verdict::Misinformasi, Verdict::Fakta, Verdict::Belum];

    pub fn code(self) -> &'static str {
        match self {
            Verdict::Hoaks => "hoaks",
            Verdict::Disinformasi => "disinformasi",
            Verdict::Misinformasi => "misinformasi",
            Verdict::Fakta => "fakta",
            Verdict::Belum => "belum",
        }
    }

    pub fn parse(code: &str) -> Option<Verdict> {
        Verdict::ALL.into_iter().find(|v| v.code() == code)
    }

    /// Message key of its name.
    pub fn key(self) -> &'static str {
        match self {
            Verdict::Hoaks => "fc-verdict-hoaks",
            Verdict::Disinformasi => "fc-verdict-disinformasi",
            Verdict::Misinformasi => "fc-verdict-misinformasi",
            Verdict::Fakta => "fc-verdict-fakta",
            Verdict::Belum => "fc-verdict-belum",
        }
    }

    /// The label a published clarification starts with.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Hoaks => "[HOAKS]",
            Verdict::Disinformasi => "[DISINFORMASI]",
            Verdict::Misinformasi => "[MISINFORMASI]",
            Verdict::Fakta => "[FAKTA]",
            Verdict::Belum => "[BELUM DAPAT DIPASTIKAN]",
        }
    }
}

pub fn check_number(year: i32, seq: i64) -> String {
    format!("CEK-{year}-{seq:06}")
}

/// The text as compared: lower case, letters and digits only, one space between
/// words. Forwarding, re-typing punctuation, emoji or line breaks do not make a
/// rumour new.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// The key under which a message's verdict is found again.
pub fn content_hash(text: &str) -> String {
    hex::encode(Sha256::digest(normalise(text).as_bytes()))
}

/// The first web link in `text`, normalised (host lower case, no fragment, no
/// trailing slash), so the same article shared twice matches.
pub fn first_link(text: &str) -> Option<String> {
    let candidate = text.split_whitespace().find(|w| w.starts_with("http://") || w.starts_with("https://"))?;
    let trimmed = candidate.trim_end_matches(|c: char| matches!(c, '.' | ',' | ')' | '!' | '?' | '"' | '\''));
    let mut url = url::Url::parse(trimmed).ok()?;
    url.set_fragment(None);
    let s = url.to_string();
    Some(s.trim_end_matches('/').to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_rumour_forwarded_with_other_punctuation_is_the_same() {
        let a = "BREAKING!!! Bansos Rp 5 juta cair hari ini, klik link berikut 👉";
        let b = "breaking: bansos rp 5 juta CAIR hari ini... klik link berikut";
        assert_eq!(normalise(a), "breaking bansos rp 5 juta cair hari ini klik link berikut");
        assert_eq!(content_hash(a), content_hash(b));
        assert_ne!(content_hash(a), content_hash("Bansos Rp 5 juta tidak cair hari ini"));
    }

    #[test]
    fn links_are_found_and_normalised() {
        assert_eq!(first_link("cek https://Contoh.go.id/berita/1/#atas, ya"), Some("https://contoh.go.id/berita/1".into()));
        assert_eq!(first_link("tanpa tautan"), None);
        assert_eq!(first_link("http://"), None);
    }

    #[test]
    fn verdict_codes_round_trip_and_numbers_are_padded() {
        for v in Verdict::ALL {
            assert_eq!(Verdict::parse(v.code()), Some(v));
        }
        assert_eq!(Verdict::parse("bohong"), None);
        assert_eq!(check_number(2026, 123), "CEK-2026-000123");
    }
}
