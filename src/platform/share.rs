//! "Bagikan ke WhatsApp": a link button under a group post that opens WhatsApp with
//! the post's text and the bot's link filled in, so a resident passes a post on to
//! the WhatsApp groups most people read in one tap (issue 27). Only posts carry it
//! (announcements, trainings, cek fakta clarifications), never personal messages.

use super::delivery::{Body, ButtonSpec};
use super::i18n::{Lang, t};
use super::text::clip;

/// How every share address starts (other link buttons are the bot's own).
pub const WA_PREFIX: &str = "https://wa.me/";
/// The longest `wa.me` address we make. Telegram refuses a button whose URL is
/// very long, and phones cut long links; 2,000 bytes fits both with room.
pub const MAX_URL: usize = 2000;
/// The most characters of the post that go along, before the URL limit cuts more.
const MAX_TEXT: usize = 1000;

/// `https://wa.me/?text=…`: the post as plain text, shortened until the address
/// fits [`MAX_URL`], then `link` (the bot's deep link) on a line of its own.
pub fn whatsapp_url(text: &str, link: &str) -> String {
    let mut max = MAX_TEXT;
    loop {
        let message = format!("{}\n\n{link}", clip(text.trim(), max));
        // form encoding writes spaces as `+`, which wa.me shows as is; a literal `+`
        // was already written as %2B, so the swap is exact.
        let encoded: String = url::form_urlencoded::byte_serialize(message.as_bytes()).collect::<String>().replace('+', "%20");
        let url = format!("{WA_PREFIX}?text={encoded}");
        if url.len() <= MAX_URL || max == 0 {
            return url;
        }
        max = max * 4 / 5;
    }
}

/// The button itself, labelled in `lang`.
pub fn whatsapp_button(lang: Lang, text: &str, link: &str) -> ButtonSpec {
    ButtonSpec::link(t(lang, "share-whatsapp"), whatsapp_url(text, link))
}

/// Puts `button` on a row of its own under the last message of a post (the one a
/// reader sees last), keeping the buttons it has.
pub fn add_to_post(bodies: &mut [Body], button: ButtonSpec) {
    let Some(last) = bodies.last_mut() else { return };
    match last {
        Body::Text { buttons, .. } | Body::Photo { buttons, .. } | Body::Document { buttons, .. } => buttons.push(vec![button]),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(url: &str) -> String {
        let query = url.strip_prefix("https://wa.me/?").expect("a wa.me address");
        url::form_urlencoded::parse(query.as_bytes()).find(|(k, _)| k == "text").map(|(_, v)| v.into_owned()).unwrap_or_default()
    }

    #[test]
    fn the_address_decodes_to_the_post_and_the_link() {
        let url = whatsapp_url("Pelatihan batik + QRIS, 100% gratis & terbuka", "https://t.me/kimbot");
        assert_eq!(decoded(&url), "Pelatihan batik + QRIS, 100% gratis & terbuka\n\nhttps://t.me/kimbot");
        assert!(!url.contains('+') && !url.contains(' '), "{url}");
    }

    #[test]
    fn a_long_post_is_cut_to_fit_but_keeps_the_link() {
        for text in ["a".repeat(5000), "🍜".repeat(3000), "ä ".repeat(2000)] {
            let url = whatsapp_url(&text, "https://t.me/kimbot");
            assert!(url.len() <= MAX_URL, "{}", url.len());
            let back = decoded(&url);
            assert!(back.ends_with("…\n\nhttps://t.me/kimbot"), "{back}");
        }
    }
}
