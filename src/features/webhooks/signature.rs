//! `X-Kimbot-Signature: sha256=<hex>`: HMAC-SHA256 of the exact body bytes, keyed
//! with the endpoint's secret, so a receiver can tell a POST came from this kimbot
//! and was not changed on the way (the README shows the check in Python and shell).

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

pub const SIGNATURE_HEADER: &str = "X-Kimbot-Signature";
pub const DELIVERY_HEADER: &str = "X-Kimbot-Delivery";
pub const EVENT_HEADER: &str = "X-Kimbot-Event";

fn mac(secret: &str, body: &[u8]) -> Hmac<Sha256> {
    // HMAC accepts keys of any length; this never fails.
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(secret.as_bytes()).expect("HMAC takes any key length");
    mac.update(body);
    mac
}

/// The header value for `body` signed with `secret`.
pub fn sign(secret: &str, body: &[u8]) -> String {
    format!("sha256={}", hex::encode(mac(secret, body).finalize().into_bytes()))
}

/// Whether `header` is the signature of `body` with `secret` (constant-time compare).
pub fn verify(secret: &str, body: &[u8], header: &str) -> bool {
    let Some(given) = header.trim().strip_prefix("sha256=").and_then(|h| hex::decode(h).ok()) else { return false };
    mac(secret, body).verify_slice(&given).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signature_is_the_rfc_4231_hmac_sha256_in_hex() {
        // RFC 4231, test case 2.
        let sig = sign("Jefe", b"what do ya want for nothing?");
        assert_eq!(sig, "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    #[test]
    fn a_changed_body_or_another_secret_does_not_verify() {
        let body = br#"{"event":"aspiration.created"}"#;
        let sig = sign("rahasia_kominfo_2026", body);
        assert!(verify("rahasia_kominfo_2026", body, &sig));
        assert!(!verify("rahasia_kominfo_2027", body, &sig));
        assert!(!verify("rahasia_kominfo_2026", br#"{"event":"aspiration.created" }"#, &sig));
        assert!(!verify("rahasia_kominfo_2026", body, sig.trim_start_matches("sha256=")));
        assert!(!verify("rahasia_kominfo_2026", body, "sha256=zz"));
    }
}
