//! The person behind a console request, re-read from the database every time: a
//! revoked role ends the session on the next request.

use axum::extract::FromRequestParts;
use axum::http::HeaderMap;
use axum::http::request::Parts;
use teloxide::types::UserId as TgUserId;

use super::auth::{self, Session};
use super::pages::Nav;
use super::{ConsoleError, Ctx, guard};
use crate::kernel::members::{Actor, Kim, UserId, areas};
use crate::kernel::members::permissions::{Action, may};
use crate::kernel::members::permissions::{Access, ticket_access};
use crate::platform::audit;
use crate::platform::ctx::AppCtx;
use crate::platform::i18n::Lang;

/// Name of the session cookie over plain http (a machine of one's own, tests).
pub const COOKIE: &str = "kimbot_console";
/// Its name over https: the `__Host-` prefix makes browsers accept it only with
/// `Secure`, `Path=/` and no `Domain`, so another host of the same site cannot set
/// or shadow it.
pub const HOST_COOKIE: &str = "__Host-kimbot_console";

/// The session cookie's name for this console ([`guard::https`]).
pub fn cookie_name(ctx: &AppCtx) -> &'static str {
    if guard::https(ctx) { HOST_COOKIE } else { COOKIE }
}

/// A logged-in coordinator, staff member or admin.
#[derive(Debug, Clone)]
pub struct Staff {
    pub session: Session,
    pub actor: Actor,
    pub lang: Lang,
    /// The console's navigation, as declared by the features.
    pub nav: Nav,
    /// The navigation's badge counts (counted for pages, `GET`s; empty otherwise).
    pub badges: super::pages::BadgeCounts,
    /// Who is logged in, in the header: a shared computer or a borrowed session is
    /// noticed at a glance.
    pub name: String,
    /// Where their role holds (areas, KIMs or agencies), also shown in the header.
    pub place: String,
}

impl Staff {
    /// Whether `csrf` is this session's token.
    pub fn check_csrf(&self, csrf: &str) -> Result<(), ConsoleError> {
        if auth::same(csrf, &self.session.csrf) { Ok(()) } else { Err(ConsoleError::Expired) }
    }

    /// An admin-only form: its CSRF token first (a stale form says so), then the
    /// admin role (anyone else is forbidden).
    pub fn check_admin_form(&self, csrf: &str) -> Result<(), ConsoleError> {
        self.check_csrf(csrf)?;
        if self.actor.is_admin { Ok(()) } else { Err(ConsoleError::Forbidden) }
    }

    /// An agency (OPD) officer and nothing more: confined to the agency's pages.
    pub fn officer_only(&self) -> bool {
        self.actor.role() == crate::kernel::members::Role::Officer
    }

    /// KIMs this person may see tickets of.
    pub async fn kims(&self, ctx: &Ctx) -> Result<Vec<Kim>, ConsoleError> {
        let kims = areas::all_kims(&ctx.db).await?;
        Ok(kims.into_iter().filter(|k| ticket_access(&self.actor, k) != Access::None).collect())
    }
}

/// The value of cookie `name` in the request's `Cookie` headers.
pub fn cookie<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// The pages an agency officer may open: their agency's, the home redirect, the
/// language switch and logout.
fn officer_page(path: &str) -> bool {
    path == "/dasbor/opd" || path.starts_with("/dasbor/opd/") || ["/dasbor", "/dasbor/bahasa", "/dasbor/bantuan", "/keluar"].contains(&path)
}

/// Where a person lands after login: officers on their agency's queue.
pub fn landing(actor: &Actor) -> &'static str {
    if actor.role() == crate::kernel::members::Role::Officer { "/dasbor/opd" } else { "/dasbor/aspirasi" }
}

/// Who may use the console at all.
pub fn may_use_console(actor: &Actor) -> bool {
    may(actor, Action::UseConsole)
}

pub async fn actor_of(ctx: &Ctx, user_id: UserId) -> Result<Actor, ConsoleError> {
    let is_admin = ctx.config.is_admin(TgUserId(user_id.get() as u64));
    Ok(crate::kernel::members::roles::actor(&ctx.db, user_id, is_admin).await?)
}

impl FromRequestParts<Ctx> for Staff {
    type Rejection = ConsoleError;

    async fn from_request_parts(parts: &mut Parts, ctx: &Ctx) -> Result<Self, Self::Rejection> {
        let value = cookie(&parts.headers, cookie_name(ctx)).ok_or(ConsoleError::LoggedOut)?;
        let now = ctx.now();
        let session = auth::find(&ctx.db, value, now).await?.ok_or(ConsoleError::LoggedOut)?;
        let actor = actor_of(ctx, session.user_id).await?;
        if !may_use_console(&actor) {
            auth::end(&ctx.db, &session.id_hash, now).await?;
            audit::record(&ctx.db, Some(session.user_id), "console.logout", "role revoked", now).await?;
            return Err(ConsoleError::LoggedOut);
        }
        if actor.role() == crate::kernel::members::Role::Officer && !officer_page(parts.uri.path()) {
            // Nothing else of the city: every other page is "not found" for them.
            return Err(ConsoleError::NotFound);
        }
        let nav = parts.extensions.get::<Nav>().cloned().unwrap_or_default();
        let mut staff = staff_of(ctx, session, actor, nav).await?;
        if parts.method == axum::http::Method::GET
            && let Some(declared) = parts.extensions.get::<super::pages::NavBadges>()
        {
            staff.badges = super::pages::count_badges(ctx, &staff, declared).await?;
        }
        Ok(staff)
    }
}

/// The [`Staff`] of a checked session: their name and the place of their role added.
pub async fn staff_of(ctx: &Ctx, session: Session, actor: Actor, nav: Nav) -> Result<Staff, ConsoleError> {
    let name = crate::kernel::members::users::get(&ctx.db, actor.user_id)
        .await?
        .and_then(|m| m.first_name)
        .unwrap_or_else(|| actor.user_id.to_string());
    let place = place_of(ctx, &actor, session.lang).await?;
    Ok(Staff { lang: session.lang, session, actor, nav, name, place, badges: Default::default() })
}

/// "Kota Palembang" for an admin, the kecamatan for staff, KIM names for a
/// coordinator, the agency for an officer.
async fn place_of(ctx: &Ctx, actor: &Actor, lang: Lang) -> Result<String, ConsoleError> {
    if actor.is_admin {
        return Ok(crate::platform::i18n::t(lang, "console-place-everywhere"));
    }
    let mut places: Vec<String> = actor.staff_areas.iter().map(|p| p.rsplit('/').next().unwrap_or(p).to_string()).collect();
    if places.is_empty() && !actor.coordinator_kims.is_empty() {
        places = areas::kims_by_ids(&ctx.db, &actor.coordinator_kims).await?.into_iter().map(|k| k.name).collect();
    }
    if places.is_empty() {
        for id in &actor.agencies {
            if let Some(agency) = crate::kernel::members::agencies::by_id(&ctx.db, *id).await? {
                places.push(agency.label().to_string());
            }
        }
    }
    Ok(places.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_session_cookie_is_found_among_others() {
        let mut headers = HeaderMap::new();
        headers.append("cookie", "a=1; kimbot_console=abc".parse().unwrap());
        headers.append("cookie", "b=2".parse().unwrap());
        assert_eq!(cookie(&headers, COOKIE), Some("abc"));
        assert_eq!(cookie(&headers, "c"), None);
    }
}
