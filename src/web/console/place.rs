//! Keeping one's place in the console: every page shown (and the "log in again"
//! page of an expired session) is remembered in a cookie, so the language switch
//! and the next login return to it instead of the bare landing page. The console
//! sends no `Referer` (see [`super::guard`]), hence the cookie.
//!
//! A place is only ever a same-origin console path ([`safe_next`]): it starts with
//! `/dasbor`, has no `//`, no backslash, no scheme and no control characters, so it
//! can never send anyone to another site.

use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;

/// The cookie holding the last console page shown.
pub const COOKIE: &str = "kimbot_place";
/// Longest path (with its query) remembered.
const MAX: usize = 1_500;

/// `next` when it is a console path of this site; `None` otherwise.
pub fn safe_next(next: &str) -> Option<&str> {
    let path_ok = next == "/dasbor" || next.starts_with("/dasbor/") || next.starts_with("/dasbor?");
    let clean = !next.contains("//") && !next.contains('\\') && !next.contains("://") && !next.chars().any(char::is_control);
    (path_ok && clean && next.len() <= MAX).then_some(next)
}

/// The value of cookie `name` in the request (for pages that keep their own place).
pub fn cookie<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    super::staff::cookie(headers, name)
}

/// The remembered place of this request, if any and safe.
pub fn remembered(headers: &HeaderMap) -> Option<String> {
    let raw = super::staff::cookie(headers, COOKIE)?;
    let decoded: String = url::form_urlencoded::parse(format!("p={raw}").as_bytes()).find(|(k, _)| k == "p")?.1.into_owned();
    safe_next(&decoded).map(str::to_string)
}

/// Middleware: after a console page (HTML, 200) or the logged-out page (401) of a
/// GET, remember its path and query.
pub async fn remember(request: Request, next: Next) -> Response {
    let get = request.method() == Method::GET;
    let here = request.uri().path_and_query().map(|p| p.as_str().to_string()).unwrap_or_default();
    let mut response = next.run(request).await;
    let shown = matches!(response.status(), StatusCode::OK | StatusCode::UNAUTHORIZED);
    let html = response.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|v| v.starts_with("text/html"));
    if get && shown && html && safe_next(&here).is_some() {
        let value: String = url::form_urlencoded::byte_serialize(here.as_bytes()).collect();
        if let Ok(cookie) = HeaderValue::from_str(&format!("{COOKIE}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=43200")) {
            response.headers_mut().append(header::SET_COOKIE, cookie);
        }
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_console_paths_of_this_site_are_places() {
        for ok in ["/dasbor", "/dasbor/aspirasi?status=diterima&page=2", "/dasbor/aspirasi/ASP-2026-000002"] {
            assert_eq!(safe_next(ok), Some(ok), "{ok}");
        }
        for bad in ["", "/", "//evil.example/dasbor", "/dasbor//evil", "https://evil.example/dasbor", "/dasborx", "/dasbor/\\evil", "/dasbor/a\r\nSet-Cookie: x", "javascript:alert(1)", "/masuk/abc"] {
            assert_eq!(safe_next(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn a_remembered_place_round_trips_through_the_cookie() {
        let here = "/dasbor/aspirasi?q=jalan+rusak&page=3";
        let value: String = url::form_urlencoded::byte_serialize(here.as_bytes()).collect();
        let mut headers = HeaderMap::new();
        headers.insert(header::COOKIE, HeaderValue::from_str(&format!("a=b; {COOKIE}={value}")).unwrap());
        assert_eq!(remembered(&headers).as_deref(), Some(here));
        let evil: String = url::form_urlencoded::byte_serialize(b"//evil.example").collect();
        headers.insert(header::COOKIE, HeaderValue::from_str(&format!("{COOKIE}={evil}")).unwrap());
        assert_eq!(remembered(&headers), None);
    }
}
