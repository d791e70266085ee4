//! Error pages inside the frame. A handler's [`super::ConsoleError`] knows neither
//! the reader's language nor their navigation, and axum answers a query string or
//! path it cannot read (`?before=abc`) with plain English text. This layer looks at
//! every console response on its way out: an error page (marked with
//! [`ErrorPage`]) or such a rejection is drawn again for a logged-in reader with
//! their header, language and a way back (to the page they were on, as remembered
//! by [`super::place`], and to their landing page); without a session it stays the
//! plain Indonesian notice (a rejection becomes the one "bad address" page).

use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;

use super::layout::{self, ErrorPage};
use super::pages::Nav;
use super::staff::{self, Staff};
use super::{Ctx, auth, place};
use crate::platform::i18n::Lang;

pub async fn framed(State((ctx, nav)): State<(Ctx, Nav)>, request: Request, next: Next) -> Response {
    let cookie = staff::cookie(request.headers(), staff::cookie_name(&ctx)).map(str::to_string);
    // The page shown before this one (an error page is never remembered), unless it
    // is this very address: a page that has since gone is no way back.
    let here = request.uri().path_and_query().map(|p| p.as_str().to_string());
    let back = place::remembered(request.headers()).filter(|back| Some(back) != here.as_ref());
    let response = next.run(request).await;
    let (status, error) = match response.extensions().get::<ErrorPage>() {
        Some(error) => (response.status(), *error),
        None if rejected(&response) => (StatusCode::BAD_REQUEST, ErrorPage::BAD_ADDRESS),
        None => return response,
    };
    let reader = match cookie {
        Some(cookie) => reader(&ctx, &cookie, nav).await,
        None => None,
    };
    let mut page = match reader {
        Some(staff) => layout::error_page(&staff, status, error, back.as_deref()),
        None if response.extensions().get::<ErrorPage>().is_some() => return response,
        None => layout::notice(status, Lang::Id, error.title, error.text),
    };
    if let Some(retry) = response.headers().get(header::RETRY_AFTER) {
        page.headers_mut().insert(header::RETRY_AFTER, retry.clone());
    }
    page.extensions_mut().insert(error);
    page
}

/// axum's own answer to a query string, path or form it could not read: a client
/// error in plain text (our pages are always HTML).
fn rejected(response: &Response) -> bool {
    let plain = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/plain"));
    plain && matches!(response.status(), StatusCode::BAD_REQUEST | StatusCode::UNPROCESSABLE_ENTITY | StatusCode::UNSUPPORTED_MEDIA_TYPE)
}

/// The logged-in person behind a cookie, read without side effects beyond the
/// session's idle clock; `None` for anyone else (they get the plain notice).
async fn reader(ctx: &Ctx, cookie: &str, nav: Nav) -> Option<Staff> {
    let session = auth::find(&ctx.db, cookie, ctx.now()).await.ok()??;
    let actor = staff::actor_of(ctx, session.user_id).await.ok()?;
    if !staff::may_use_console(&actor) {
        return None;
    }
    staff::staff_of(ctx, session, actor, nav).await.ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::response::IntoResponse;

    #[test]
    fn only_plain_text_client_errors_count_as_rejections() {
        let plain = |status| (status, "Failed to deserialize query string").into_response();
        assert!(rejected(&plain(StatusCode::BAD_REQUEST)));
        assert!(rejected(&plain(StatusCode::UNPROCESSABLE_ENTITY)));
        assert!(!rejected(&plain(StatusCode::NOT_FOUND)));
        let html = (StatusCode::BAD_REQUEST, maud::html! { p { "x" } }).into_response();
        assert!(!rejected(&html));
    }
}
