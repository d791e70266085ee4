//! The page frame (navigation, language switch, logout), the embedded stylesheet and
//! the pages for errors. Every text comes from `messages/<lang>/console.ftl`; maud
//! escapes every interpolated value, so resident-typed text is never markup.

use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use maud::{DOCTYPE, Markup, html};

use super::{ConsoleError, Staff};
use crate::platform::i18n::{Lang, t};

const CSS: &str = include_str!("console.css");

pub async fn stylesheet() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8"), (header::CACHE_CONTROL, "max-age=3600")], CSS)
}

/// A whole page for a logged-in person; `here` is the path of the navigation entry
/// it belongs to ([`super::pages::NavEntry::path`]).
pub fn page(staff: &Staff, here: &str, title: &str, body: Markup) -> Markup {
    let lang = staff.lang;
    let other = if lang == Lang::Id { Lang::En } else { Lang::Id };
    let header = html! {
        header {
            strong.brand { (t(lang, "console-brand")) }
            nav {
                @for entry in staff.nav.0.iter().filter(|e| (e.shown)(staff)) {
                    a href=(entry.path) aria-current=[(entry.path == here).then_some("page")] {
                        (t(lang, entry.label))
                        @if let Some(n) = staff.badges.of(entry.path) {
                            " " span.badge data-badge=(entry.path) title=(t(lang, "console-badge-title")) hidden[n == 0] { (n) }
                        }
                    }
                }
            }
            span.who { (t(lang, staff.actor.role().message_key())) }
            form.inline method="post" action="/dasbor/bahasa" {
                input type="hidden" name="csrf" value=(staff.session.csrf);
                input type="hidden" name="lang" value=(other.code());
                button.link type="submit" { (t(lang, "console-switch-language")) }
            }
            form.inline method="post" action="/keluar" {
                input type="hidden" name="csrf" value=(staff.session.csrf);
                button.link type="submit" { (t(lang, "console-logout")) }
            }
        }
    };
    frame(lang, title, html! { (header) main { h1 { (title) } (body) } })
}

/// The HTML document around `content`.
pub fn frame(lang: Lang, title: &str, content: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head {
                meta charset="UTF-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · " (t(lang, "console-brand")) }
                link rel="stylesheet" href="/dasbor/gaya.css";
                script src="/dasbor/lencana.js" defer {}
            }
            body { (content) }
        }
    }
}

/// A page for someone without a session (login link results, errors).
pub fn notice(status: StatusCode, lang: Lang, title_key: &str, text_key: &str) -> Response {
    let body = frame(lang, &t(lang, title_key), html! {
        main.narrow {
            h1 { (t(lang, title_key)) }
            p { (t(lang, text_key)) }
        }
    });
    (status, no_store(), body).into_response()
}

/// Console pages carry personal data: no caching anywhere.
pub fn no_store() -> [(header::HeaderName, &'static str); 1] {
    [(header::CACHE_CONTROL, "private, no-store")]
}

impl IntoResponse for ConsoleError {
    fn into_response(self) -> Response {
        let lang = Lang::Id;
        match self {
            ConsoleError::LoggedOut => notice(StatusCode::UNAUTHORIZED, lang, "console-login-title", "console-login-how"),
            ConsoleError::NotFound => notice(StatusCode::NOT_FOUND, lang, "console-not-found-title", "console-not-found"),
            ConsoleError::Forbidden => notice(StatusCode::FORBIDDEN, lang, "console-forbidden-title", "console-forbidden"),
            ConsoleError::BadInput => notice(StatusCode::BAD_REQUEST, lang, "console-bad-input-title", "console-bad-input"),
            ConsoleError::Busy => {
                let mut page = notice(StatusCode::SERVICE_UNAVAILABLE, lang, "console-busy-title", "console-busy");
                page.headers_mut().insert(header::RETRY_AFTER, axum::http::HeaderValue::from_static("30"));
                page
            }
            ConsoleError::Db(error) => {
                tracing::error!(%error, "console request failed");
                notice(StatusCode::INTERNAL_SERVER_ERROR, lang, "console-error-title", "console-error")
            }
            ConsoleError::Telegram(error) => {
                tracing::error!(%error, "console photo from Telegram failed");
                notice(StatusCode::BAD_GATEWAY, lang, "console-error-title", "console-error")
            }
            ConsoleError::Report(error) => {
                tracing::error!(%error, "console download failed");
                notice(StatusCode::INTERNAL_SERVER_ERROR, lang, "console-error-title", "console-error")
            }
        }
    }
}

pub async fn not_found() -> Response {
    ConsoleError::NotFound.into_response()
}
