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
        a.skip href="#main" { (t(lang, "console-skip-to-content")) }
        header {
            strong.brand { (t(lang, "console-brand")) }
            nav {
                @for entry in staff.nav.0.iter().filter(|e| (e.shown)(staff)) {
                    a href=(entry.path) aria-current=[(entry.path == here).then_some("page")] {
                        (t(lang, entry.label))
                        @if let Some(n) = staff.badges.of(entry.path) {
                            " " span.nav-badge data-badge=(entry.path) title=(t(lang, "console-badge-title")) hidden[n == 0] { (n) }
                        }
                    }
                }
            }
            span.who {
                strong { (staff.name) } " · " (t(lang, staff.actor.role().message_key()))
                @if !staff.place.is_empty() { " · " (staff.place) }
            }
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
    frame(lang, title, html! { (header) main #main tabindex="-1" { h1 { (title) } (body) } })
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
        main.narrow #main {
            h1 { (t(lang, title_key)) }
            p { (t(lang, text_key)) }
        }
    });
    (status, no_store(), body).into_response()
}

/// What an error page says, carried on its response (an extension) so that
/// [`super::errors::framed`] can draw it again inside the frame, in the reader's
/// language, for someone logged in: the error itself knows neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ErrorPage {
    pub title: &'static str,
    pub text: &'static str,
}

impl ErrorPage {
    /// A query string or path value the page cannot read (`?before=abc`): axum's own
    /// rejection, whose English text is never shown.
    pub const BAD_ADDRESS: ErrorPage = ErrorPage { title: "console-bad-input-title", text: "console-bad-address" };
}

/// An error page without a session, marked for [`super::errors::framed`].
fn error_notice(status: StatusCode, title: &'static str, text: &'static str) -> Response {
    let mut page = notice(status, Lang::Id, title, text);
    page.extensions_mut().insert(ErrorPage { title, text });
    page
}

/// An error page inside the frame for a logged-in person: their header and
/// language, and a way back: to `back`, the page they were on (a remembered,
/// same-origin place, see [`super::place::remembered`]), so an error never costs
/// them the queue's filters and page; and to where they start.
pub fn error_page(staff: &Staff, status: StatusCode, error: ErrorPage, back: Option<&str>) -> Response {
    let lang = staff.lang;
    let home = super::staff::landing(&staff.actor);
    let back = back.and_then(super::place::safe_next);
    let body = html! {
        p role="alert" { (t(lang, error.text)) }
        p {
            @if let Some(back) = back {
                a.button href=(back) { (t(lang, "console-back-to-place")) }
            }
            @if back != Some(home) {
                " " a.button.secondary[back.is_some()] href=(home) { (t(lang, "console-back-home")) }
            }
        }
    };
    (status, no_store(), page(staff, "", &t(lang, error.title), body)).into_response()
}

/// The words the console's figures and statuses use, explained where they appear
/// (Ringkasan, the queue) and on Bantuan: "Lewat batas", "Diteruskan" against
/// "Ditindaklanjuti", the median's "perkiraan dari kelompok waktu".
pub fn glossary(lang: Lang, sla_days: u32, open: bool) -> Markup {
    let days = crate::platform::i18n::Arg::from(i64::from(sla_days));
    html! {
        details.explain open[open] {
            summary { (t(lang, "console-explain-title")) }
            dl {
                dt { (t(lang, "console-overdue")) }
                dd { (crate::platform::i18n::ta(lang, "console-explain-overdue", &[("days", days)])) }
                dt { (t(lang, "asp-status-diteruskan")) }
                dd { (t(lang, "console-explain-forwarded")) }
                dt { (t(lang, "asp-status-ditindaklanjuti")) }
                dd { (t(lang, "console-explain-followed-up")) }
                dt { (t(lang, "console-explain-estimate-term")) }
                dd { (t(lang, "console-explain-estimate")) }
            }
        }
    }
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
            ConsoleError::NotFound => error_notice(StatusCode::NOT_FOUND, "console-not-found-title", "console-not-found"),
            ConsoleError::Forbidden => error_notice(StatusCode::FORBIDDEN, "console-forbidden-title", "console-forbidden"),
            ConsoleError::Expired => error_notice(StatusCode::FORBIDDEN, "console-form-expired-title", "console-form-expired"),
            ConsoleError::BadInput => error_notice(StatusCode::BAD_REQUEST, "console-bad-input-title", "console-bad-input"),
            ConsoleError::Busy => {
                let mut page = error_notice(StatusCode::SERVICE_UNAVAILABLE, "console-busy-title", "console-busy");
                page.headers_mut().insert(header::RETRY_AFTER, axum::http::HeaderValue::from_static("30"));
                page
            }
            ConsoleError::Db(error) => {
                tracing::error!(%error, "console request failed");
                error_notice(StatusCode::INTERNAL_SERVER_ERROR, "console-error-title", "console-error")
            }
            ConsoleError::Telegram(error) => {
                tracing::error!(%error, "console photo from Telegram failed");
                error_notice(StatusCode::BAD_GATEWAY, "console-error-title", "console-error")
            }
            ConsoleError::Report(error) => {
                tracing::error!(%error, "console download failed");
                error_notice(StatusCode::INTERNAL_SERVER_ERROR, "console-error-title", "console-error")
            }
        }
    }
}

pub async fn not_found() -> Response {
    ConsoleError::NotFound.into_response()
}
