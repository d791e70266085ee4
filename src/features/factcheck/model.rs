//! Cek fakta domain: verdicts, request numbers, and how two forwarded messages are
//! recognised as the same rumour. Plain Rust, no Telegram or SQL.

use sha2::{Digest, Sha256};
use unicode_segmentation::UnicodeSegmentation;

/// The outbox source of a verdict sent to the asker (`factcheck:<id>`).
pub const SOURCE: crate::platform::delivery::outbox::SourceKind = crate::platform::delivery::outbox::SourceKind::new("factcheck");

/// Longest message accepted for checking, in characters a person sees (a Telegram
/// text is 4096).
pub const BODY_MAX: usize = 4000;
/// Shortest explanation staff may send with a verdict: a verdict alone explains nothing.
pub const EXPLANATION_MIN: usize = 20;
pub const EXPLANATION_MAX: usize = 3000;
/// The claim staff name before a verdict: a few words, one line in `/cekfakta daftar`.
pub const CLAIM_MIN: usize = 5;
pub const CLAIM_MAX: usize = 120;
/// Requests one resident may send to staff in an hour: enough for a busy day of
/// rumours, too few to flood the staff of an area. Repeats answered at once do not count.
pub const REQUESTS_PER_HOUR: i64 = 5;
/// How far back [`REQUESTS_PER_HOUR`] looks, in seconds.
pub const RATE_WINDOW_SECS: i64 = 3600;

/// Characters as a person sees them (grapheme clusters): a flag or a family emoji is
/// one, though it is several code points, so a limit reads the way people count.
pub fn visible_len(text: &str) -> usize {
    text.graphemes(true).count()
}

/// At most `max` visible characters, the last one "…" when cut.
pub fn clip(text: &str, max: usize) -> String {
    if visible_len(text) <= max {
        return text.to_string();
    }
    let mut cut: String = text.graphemes(true).take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

/// At most `max` UTF-16 units (how Telegram measures its 4,096 limit), cut between
/// visible characters and ending in "…": a request's text shown inside a longer message.
pub fn clip_utf16(text: &str, max: usize) -> String {
    if text.encode_utf16().count() <= max {
        return text.to_string();
    }
    let mut cut = String::new();
    let mut used = 1;
    for g in text.graphemes(true) {
        used += g.encode_utf16().count();
        if used > max {
            break;
        }
        cut.push_str(g);
    }
    cut.push('…');
    cut
}

/// Nothing to check: no letter, digit or link (emoji or punctuation only).
pub fn is_wordless(text: &str) -> bool {
    normalise(text).is_empty()
}

/// What staff conclude about a message (the categories Kominfo's hoax clarifications use).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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

    /// Message key of the label a published clarification starts with ("[HOAKS]").
    pub fn label_key(self) -> &'static str {
        match self {
            Verdict::Hoaks => "fc-label-hoaks",
            Verdict::Disinformasi => "fc-label-disinformasi",
            Verdict::Misinformasi => "fc-label-misinformasi",
            Verdict::Fakta => "fc-label-fakta",
            Verdict::Belum => "fc-label-belum",
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

/// The key under which a message's verdict is found again: its normalised text. A
/// link sent alone is keyed by the link itself, read as https, so `bit.ly/x`,
/// `http://bit.ly/x` and `https://bit.ly/x/` are one request (and match links sent
/// alone before, which were keyed by their text).
pub fn content_hash(text: &str) -> String {
    let key = match bare_link(text) {
        Some(link) => normalise(&as_https(&link)),
        None => normalise(text),
    };
    hex::encode(Sha256::digest(key.as_bytes()))
}

/// The message's only content is one link: the link, normalised.
pub fn bare_link(text: &str) -> Option<String> {
    let mut words = text.split_whitespace();
    let (word, None) = (words.next()?, words.next()) else { return None };
    link_in(word)
}

/// The link with its scheme read as https (`http://` and no scheme reach one page).
fn as_https(link: &str) -> String {
    match link.strip_prefix("http://") {
        Some(rest) => format!("https://{rest}"),
        None => link.to_string(),
    }
}

/// The first web link in `text`, normalised (host lower case, no fragment, no
/// trailing slash; `https://` added when typed without a scheme), so the same article
/// shared twice matches.
pub fn first_link(text: &str) -> Option<String> {
    text.split_whitespace().find_map(link_in)
}

/// `word` as a normalised link: with an http(s) scheme, or without one when it reads
/// as a host (`bit.ly/xyz`, `www.contoh.id`, `contoh.go.id/berita`).
fn link_in(word: &str) -> Option<String> {
    let trimmed = word.trim_end_matches(|c: char| matches!(c, '.' | ',' | ')' | '!' | '?' | '"' | '\'' | ':' | ';'));
    let lower = trimmed.to_ascii_lowercase();
    let full = if lower.starts_with("http://") || lower.starts_with("https://") {
        trimmed.to_string()
    } else if looks_like_host(trimmed) {
        format!("https://{trimmed}")
    } else {
        return None;
    };
    let mut url = url::Url::parse(&full).ok()?;
    url.host_str()?;
    url.set_fragment(None);
    Some(url.to_string().trim_end_matches('/').to_string())
}

/// Top-level domains taken as a link even without `www.` or a path.
const BARE_TLDS: &[&str] = &["com", "id", "net", "org", "info", "io", "co", "ly", "me", "link", "xyz", "site", "online"];

/// A scheme-less word that names a web host: dotted labels of letters, digits and
/// hyphens ending in an alphabetic top-level domain, and either a path, `www.`, or a
/// common top-level domain. Prices ("Rp5.000"), times ("12.30") and "dll." are not.
fn looks_like_host(word: &str) -> bool {
    if word.contains('@') {
        return false;
    }
    let (host, path) = match word.find('/') {
        Some(i) => (&word[..i], Some(&word[i..])),
        None => (word, None),
    };
    let labels: Vec<&str> = host.split('.').collect();
    let label_ok = |l: &&str| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    let tld = labels.last().copied().unwrap_or_default().to_ascii_lowercase();
    let tld_ok = tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic());
    if labels.len() < 2 || !labels.iter().all(label_ok) || !tld_ok {
        return false;
    }
    path.is_some_and(|p| p.len() > 1) || host.to_ascii_lowercase().starts_with("www.") || BARE_TLDS.contains(&tld.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdict_sources_keep_the_string_already_stored() {
        assert_eq!(SOURCE.of(6).to_string(), "factcheck:6");
    }

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
    fn links_without_a_scheme_are_links_but_prices_times_and_abbreviations_are_not() {
        assert_eq!(first_link("baca di bit.ly/Xyz."), Some("https://bit.ly/Xyz".into()));
        assert_eq!(first_link("www.Contoh.go.id"), Some("https://www.contoh.go.id".into()));
        assert_eq!(first_link("situs bansos-cepat.com sekarang"), Some("https://bansos-cepat.com".into()));
        for text in ["harga Rp5.000 saja", "jam 12.30 WIB", "beras, gula, dll.", "kirim ke budi@contoh.id", "Pak.Budi", "3.5/10"] {
            assert_eq!(first_link(text), None, "{text}");
        }
    }

    #[test]
    fn a_link_sent_alone_is_one_request_with_or_without_its_scheme_but_text_around_it_is_another() {
        let key = content_hash("https://bit.ly/xyz");
        assert_eq!(content_hash("bit.ly/xyz"), key);
        assert_eq!(content_hash(" http://bit.ly/xyz/ "), key);
        assert_ne!(content_hash("Bansos cair bit.ly/xyz"), key);
        assert_eq!(bare_link("lihat bit.ly/xyz"), None);
    }

    #[test]
    fn people_count_what_they_see_and_emoji_alone_say_nothing() {
        assert_eq!(visible_len("🇮🇩👨‍👩‍👧‍👦é"), 3);
        assert_eq!(clip("🇮🇩🇮🇩🇮🇩", 2), "🇮🇩…");
        assert_eq!(clip("pendek", 10), "pendek");
        assert_eq!(clip_utf16("🇮🇩🇮🇩🇮🇩", 9), "🇮🇩🇮🇩…");
        assert_eq!(clip_utf16("abc", 3), "abc");
        assert!(is_wordless("😡😡😡 !!!") && !is_wordless("😡 hoaks"));
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
