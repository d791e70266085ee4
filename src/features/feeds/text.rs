//! Item text as coordinators read it: a stable key per item, and a summary with the
//! HTML taken out, entities decoded, whitespace folded and length capped.
//!
//! Feed summaries are HTML more often than not (Wordpress, government CMSs); a
//! Telegram message shows tags literally, so they go before anything is stored.

/// Summaries are cut to this many characters: enough to judge the news, and the
/// prefilled announcement stays far below Telegram's 4096.
pub const SUMMARY_MAX: usize = 600;

/// The key an item is remembered by: its guid/id when the feed gives one, else its
/// link. `None` when it has neither (such an item cannot be told apart from the
/// next one, so it is skipped).
pub fn item_key(guid: &str, link: Option<&str>) -> Option<String> {
    let guid = guid.trim();
    if !guid.is_empty() {
        return Some(format!("guid:{guid}"));
    }
    link.map(str::trim).filter(|l| !l.is_empty()).map(|l| format!("link:{l}"))
}

/// Plain text from an HTML fragment: tags dropped (with `<script>`/`<style>` bodies),
/// block ends turned into spaces, entities decoded, whitespace folded, cut to `max`
/// characters with an ellipsis.
pub fn clean_summary(html: &str, max: usize) -> String {
    let flat = strip_tags(html);
    let decoded = decode_entities(&flat);
    let folded = decoded.split_whitespace().collect::<Vec<_>>().join(" ");
    cut(&folded, max)
}

fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        let Some(end) = after.find('>') else {
            // A lone '<' is text ("a < b"), not a tag.
            out.push_str(after);
            return out;
        };
        let tag = after[1..end].trim_start_matches('/').to_ascii_lowercase();
        let name: String = tag.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        rest = &after[end + 1..];
        if (name == "script" || name == "style") && !after[1..].starts_with('/') {
            let close = format!("</{name}");
            rest = match rest.to_ascii_lowercase().find(&close) {
                Some(i) => rest[i..].find('>').map_or("", |j| &rest[i + j + 1..]),
                None => "",
            };
        }
        if !INLINE.contains(&name.as_str()) {
            out.push(' ');
        }
    }
    out.push_str(rest);
    out
}

/// Tags inside a line of text: dropped without a space ("<i>KIA</i>." stays "KIA.").
const INLINE: [&str; 12] = ["a", "abbr", "b", "code", "em", "i", "mark", "s", "small", "span", "strong", "u"];

fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp..];
        let decoded = after.find(';').filter(|semi| *semi <= 10).and_then(|semi| Some((entity(&after[1..semi])?, semi)));
        match decoded {
            Some((c, semi)) => {
                out.push(c);
                rest = &after[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    let named = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "hellip" => '…',
        "ndash" => '–',
        "mdash" => '—',
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            return char::from_u32(code);
        }
    };
    Some(named)
}

/// The first `max` characters, with "…" when something was cut (at a word break
/// when there is one in the last fifth).
fn cut(text: &str, max: usize) -> String {
    let Some((at, _)) = text.char_indices().nth(max) else { return text.to_string() };
    let head = &text[..at];
    let head = match head.rfind(' ') {
        Some(space) if space >= at * 4 / 5 => &head[..space],
        _ => head,
    };
    format!("{}…", head.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_item_is_keyed_by_its_guid_or_else_its_link() {
        let cases = [
            (("urn:1", Some("https://x/a")), Some("guid:urn:1")),
            ((" urn:1 ", None), Some("guid:urn:1")),
            (("", Some("https://x/a")), Some("link:https://x/a")),
            (("  ", Some(" https://x/a ")), Some("link:https://x/a")),
            (("", Some("")), None),
            (("", None), None),
        ];
        for ((guid, link), want) in cases {
            assert_eq!(item_key(guid, link).as_deref(), want, "{guid:?} {link:?}");
        }
    }

    #[test]
    fn summaries_lose_their_html_and_keep_their_words() {
        let cases = [
            ("<p>Vaksinasi <b>gratis</b> di puskesmas.</p>", "Vaksinasi gratis di puskesmas."),
            ("Baris satu<br/>baris dua", "Baris satu baris dua"),
            ("<p>Bawa <i>buku KIA</i>.</p><p>Gratis.</p>", "Bawa buku KIA. Gratis."),
            ("Harga &lt; Rp10.000 &amp; &quot;hemat&quot;&nbsp;ya &#8230; &#x41;", "Harga < Rp10.000 & \"hemat\" ya … A"),
            ("<script>alert('x')</script>Isi<style>p{}</style> saja", "Isi saja"),
            ("a < b dan c &unknown; d", "a < b dan c &unknown; d"),
            ("   \n\t  ", ""),
        ];
        for (html, want) in cases {
            assert_eq!(clean_summary(html, SUMMARY_MAX), want, "{html:?}");
        }
    }

    #[test]
    fn long_summaries_are_cut_at_a_word_with_an_ellipsis() {
        let long = "kata ".repeat(200);
        let cut = clean_summary(&long, 50);
        assert!(cut.ends_with("kata…"), "{cut}");
        assert!(cut.chars().count() <= 51, "{cut}");
        assert_eq!(clean_summary("pendek", 50), "pendek");
        let unbroken = "x".repeat(80);
        assert_eq!(clean_summary(&unbroken, 50).chars().count(), 51);
    }
}
