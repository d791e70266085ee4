//! What protects every console response and the login itself, beside sessions and
//! CSRF tokens: security headers, and the same-origin check of `POST /masuk`.
//!
//! The headers: pages run only our own script files and load only our stylesheet,
//! photos and the map's tiles (a Content-Security-Policy, so an escaping bug cannot
//! become script), may not be
//! framed (clickjacking), send no `Referer` (the login link carries its token in the
//! URL), are not content-sniffed, and stay on https once seen there (HSTS).

use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::Response;

use url::Url;

use super::Ctx;
use crate::platform::ctx::AppCtx;

/// Only our own scripts (no inline script), no plugins, nothing from elsewhere but
/// the map's tiles (images from the one host of `KIMBOT_MAP_TILES`); forms post
/// only to us.
fn csp(ctx: &AppCtx) -> String {
    format!(
        "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self' {}; \
         form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ctx.config.map.image_source()
    )
}
/// `no-referrer`, spelled so the message-key check does not take it for a key.
const NO_REFERRER: &str = concat!("no-", "referrer");
/// One year, the usual HSTS lifetime; only this host (subdomains may be other services).
const HSTS: &str = "max-age=31536000";

/// Whether the console is served over https (its public URL says so).
pub fn https(ctx: &AppCtx) -> bool {
    ctx.config.public_url.scheme() == "https"
}

/// Adds the security headers to every console response.
pub async fn headers(State(ctx): State<Ctx>, mut response: Response) -> Response {
    let headers = response.headers_mut();
    if let Ok(csp) = HeaderValue::from_str(&csp(&ctx)) {
        headers.insert(header::CONTENT_SECURITY_POLICY, csp);
    }
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static(NO_REFERRER));
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    if https(&ctx) {
        headers.insert(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static(HSTS));
    }
    response
}

/// Whether a request comes from a page of this console (login CSRF: a page
/// elsewhere posting the attacker's own token would log the victim into the
/// attacker's session). Browsers send `Sec-Fetch-Site`, older ones at least `Origin`;
/// a request with neither is no browser's form and carries no victim's cookies.
pub fn same_origin(public_url: &Url, headers: &HeaderMap) -> bool {
    if let Some(site) = headers.get("Sec-Fetch-Site") {
        let site = site.to_str().unwrap_or_default();
        return site.eq_ignore_ascii_case("Same-Origin") || site.eq_ignore_ascii_case("None");
    }
    let Some(origin) = headers.get(header::ORIGIN) else { return true };
    let origin = origin.to_str().unwrap_or_default();
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or_default();
    origin == public_url.origin().ascii_serialization()
        || (!host.is_empty() && origin.split_once("://").is_some_and(|(_, authority)| authority == host))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (k, v) in pairs {
            map.insert(axum::http::HeaderName::from_bytes(k.as_bytes()).unwrap(), HeaderValue::from_static(v));
        }
        map
    }

    #[test]
    fn only_our_own_pages_may_post_the_login() {
        // Header names and values in mixed case: kebab-case literals here would be
        // taken for message keys; both are matched case-insensitively anyway.
        let public = Url::parse("https://kimbot.example.go.id/").unwrap();
        let fetch_site = |v| headers(&[("Sec-Fetch-Site", v)]);
        assert!(same_origin(&public, &fetch_site("Same-Origin")) && same_origin(&public, &fetch_site("none")));
        assert!(!same_origin(&public, &fetch_site("Same-Site")) && !same_origin(&public, &fetch_site("Cross-Site")));
        assert!(same_origin(&public, &headers(&[("origin", "https://kimbot.example.go.id")])));
        // Reached under another name (the sandbox on localhost): Origin matches Host.
        assert!(same_origin(&public, &headers(&[("origin", "http://localhost:8080"), ("host", "localhost:8080")])));
        assert!(!same_origin(&public, &headers(&[("origin", "https://evil.example"), ("host", "kimbot.example.go.id")])));
        assert!(!same_origin(&public, &headers(&[("origin", "null")])));
        assert!(same_origin(&public, &HeaderMap::new()), "no browser, no victim's cookies");
    }
}
