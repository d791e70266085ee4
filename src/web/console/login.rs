//! Opening a login link, logging out, and the language switch.
//!
//! Opening the link (GET) only shows a "Masuk" button: Telegram and other link
//! previewers fetch URLs, and must not use up the one-time token. It does look the
//! token up, so a used or expired link says so before the press. The button's POST
//! is same-site, so the `SameSite=Strict` cookie it sets is sent from then on; a POST
//! from another site is refused before the token is looked at ([`guard::same_origin`]).

use axum::Form;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use maud::html;
use serde::Deserialize;

use super::auth::{self, Claim};
use super::layout::{self, frame, notice};
use super::guard;
use super::staff::{actor_of, cookie_name, may_use_console};
use super::{ConsoleError, Ctx, Staff};
use crate::platform::audit;
use crate::platform::i18n::{Lang, t};

/// A token as we issue them: 64 lowercase hex characters.
fn well_formed(token: &str) -> bool {
    token.len() == 64 && token.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

fn refused(claim: Claim) -> Response {
    let (status, key) = match claim {
        Claim::Expired => (StatusCode::GONE, "console-link-expired"),
        Claim::Used => (StatusCode::GONE, "console-link-used"),
        Claim::Unknown | Claim::Ok(_) => (StatusCode::NOT_FOUND, "console-link-unknown"),
    };
    notice(status, Lang::Id, "console-link-refused-title", key)
}

pub async fn link_page(State(ctx): State<Ctx>, Path(token): Path<String>) -> Result<Response, ConsoleError> {
    if !well_formed(&token) {
        return Ok(refused(Claim::Unknown));
    }
    // Looked at, not used: a used or expired link says so now, not after the press.
    match auth::peek_link(&ctx.db, &token, ctx.now()).await? {
        Claim::Ok(_) => {}
        other => return Ok(refused(other)),
    }
    let lang = Lang::Id;
    let body = frame(lang, &t(lang, "console-login-title"), html! {
        main.narrow {
            h1 { (t(lang, "console-login-title")) }
            p { (t(lang, "console-login-press")) }
            form method="post" action="/masuk" {
                input type="hidden" name="token" value=(token);
                button type="submit" { (t(lang, "console-login-button")) }
            }
        }
    });
    Ok((layout::no_store(), body).into_response())
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    token: String,
}

pub async fn log_in(State(ctx): State<Ctx>, headers: HeaderMap, Form(form): Form<LoginForm>) -> Result<Response, ConsoleError> {
    if !guard::same_origin(&ctx.config.public_url, &headers) {
        return Ok(notice(StatusCode::FORBIDDEN, Lang::Id, "console-forbidden-title", "console-login-cross-site"));
    }
    if !well_formed(&form.token) {
        return Ok(refused(Claim::Unknown));
    }
    let now = ctx.now();
    let user_id = match auth::claim_link(&ctx.db, &form.token, now).await? {
        Claim::Ok(user_id) => user_id,
        other => return Ok(refused(other)),
    };
    let actor = actor_of(&ctx, user_id).await?;
    if !may_use_console(&actor) {
        return Ok(notice(StatusCode::FORBIDDEN, Lang::Id, "console-forbidden-title", "console-no-role"));
    }
    let lang = crate::kernel::members::users::language(&ctx.db, user_id).await?;
    let id = auth::open(&ctx.db, user_id, lang, now).await?;
    audit::record(&ctx.db, Some(user_id), "console.login", "", now).await?;
    let secure = if guard::https(&ctx) { "; Secure" } else { "" };
    let cookie = format!("{}={id}; Path=/; HttpOnly; SameSite=Strict{secure}", cookie_name(&ctx));
    // Back to the page one was on (an expired session's page too), else the landing.
    let to = super::place::remembered(&headers).unwrap_or_else(|| super::staff::landing(&actor).to_string());
    let mut response = Redirect::to(&to).into_response();
    let value = HeaderValue::from_str(&cookie).map_err(|_| ConsoleError::Forbidden)?;
    response.headers_mut().insert(header::SET_COOKIE, value);
    Ok(response)
}

#[derive(Deserialize)]
pub struct CsrfForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    lang: String,
    /// The page to return to (same-origin console paths only).
    #[serde(default)]
    next: String,
}

pub async fn log_out(State(ctx): State<Ctx>, staff: Staff, Form(form): Form<CsrfForm>) -> Result<Response, ConsoleError> {
    staff.check_csrf(&form.csrf)?;
    let now = ctx.now();
    auth::end(&ctx.db, &staff.session.id_hash, now).await?;
    audit::record(&ctx.db, Some(staff.actor.user_id), "console.logout", "", now).await?;
    let mut response = notice(StatusCode::OK, staff.lang, "console-logged-out-title", "console-logged-out");
    let secure = if guard::https(&ctx) { "; Secure" } else { "" };
    let expired = HeaderValue::from_str(&format!("{}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0{secure}", cookie_name(&ctx)));
    response.headers_mut().insert(header::SET_COOKIE, expired.map_err(|_| ConsoleError::Forbidden)?);
    Ok(response)
}

pub async fn home(staff: Staff) -> Redirect {
    Redirect::to(super::staff::landing(&staff.actor))
}

pub async fn set_language(State(ctx): State<Ctx>, staff: Staff, headers: HeaderMap, Form(form): Form<CsrfForm>) -> Result<Redirect, ConsoleError> {
    staff.check_csrf(&form.csrf)?;
    let lang = Lang::from_code(&form.lang).unwrap_or_default();
    auth::set_lang(&ctx.db, &staff.session.id_hash, lang).await?;
    let back = super::place::safe_next(&form.next).map(str::to_string).or_else(|| super::place::remembered(&headers));
    Ok(Redirect::to(&back.unwrap_or_else(|| super::staff::landing(&staff.actor).to_string())))
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_tokens_of_our_shape_are_looked_up() {
        assert!(super::well_formed(&"a1".repeat(32)));
        for bad in ["", "abc", &"A1".repeat(32), &"g1".repeat(32), &"a1".repeat(33)] {
            assert!(!super::well_formed(bad), "{bad}");
        }
    }
}
