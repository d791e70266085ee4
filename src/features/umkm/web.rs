//! *UMKM*: the registry in the person's scope (the KIMs they may see, as for
//! tickets) with sector, need and name filters, and one business's page. Both show
//! personal data (owner, phone), so both are audited; a business outside the scope
//! is "not found", like a missing one.

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use maud::{Markup, html};
use serde::Deserialize;
use crate::kernel::members::KimId;

use super::model::{Need, Sector};
use super::store::{self, Among, Saved, Search};
use crate::platform::when::stamp as local_time;
use crate::platform::text::clip;
use crate::platform::audit;
use crate::platform::i18n::{Arg, Lang, t, ta};
use crate::web::console::{ConsoleError, Ctx, NavEntry, Pages, Staff, layout};

/// *UMKM* in the console's navigation.
const NAV: NavEntry = NavEntry { path: "/dasbor/umkm", label: "console-nav-umkm", order: 30, shown: NavEntry::everyone };

/// The registry's console pages.
pub const PAGES: Pages = Pages { routes, nav: &[NAV] };

fn routes() -> Router<Ctx> {
    Router::new().route("/dasbor/umkm", get(page)).route("/dasbor/umkm/{id}", get(business))
}

/// Rows per page.
const PER_PAGE: i64 = 50;

#[derive(Debug, Clone, Default, Deserialize)]
pub struct Filters {
    #[serde(default)]
    sector: String,
    #[serde(default)]
    need: String,
    #[serde(default)]
    q: String,
    #[serde(default)]
    page: i64,
}

impl Filters {
    fn search(&self) -> Search {
        Search { sector: Sector::from_code(&self.sector), need: Need::from_code(&self.need), text: self.q.chars().take(100).collect() }
    }
    fn with_page(&self, page: i64) -> String {
        let mut s = url::form_urlencoded::Serializer::new(String::new());
        for (k, v) in [("sector", &self.sector), ("need", &self.need), ("q", &self.q)] {
            if !v.is_empty() {
                s.append_pair(k, v);
            }
        }
        s.append_pair("page", &page.to_string());
        s.finish()
    }
}

/// Whose registrations this person may see: all for admins, else those made in the
/// KIMs of their scope.
async fn among(ctx: &Ctx, staff: &Staff) -> Result<Among, ConsoleError> {
    if staff.actor.is_admin {
        return Ok(Among::All);
    }
    Ok(Among::Kims(staff.kims(ctx).await?.into_iter().map(|k| k.id.get()).collect()))
}

async fn page(State(ctx): State<Ctx>, staff: Staff, Query(f): Query<Filters>) -> Result<Response, ConsoleError> {
    let among = among(&ctx, &staff).await?;
    let page = f.page.clamp(0, 100_000);
    let (found, total) = store::search(&ctx.db, &among, &f.search(), page, PER_PAGE).await?;
    let detail = format!("sector={} need={} q={} page={page}", f.sector, f.need, clip(&f.q, 60));
    audit::record(&ctx.db, Some(staff.actor.user_id), "console.umkm", &detail, ctx.now()).await?;
    let lang = staff.lang;
    let tz = ctx.config.tz;
    let more = (page + 1) * PER_PAGE < total;
    let body = html! {
        (filter_form(lang, &f))
        p { (ta(lang, "console-umkm-count", &[("count", Arg::from(total))])) }
        @if !found.is_empty() {
            table.queue {
                thead { tr {
                    th { (t(lang, "rep-umkm-business")) } th { (t(lang, "rep-umkm-owner")) }
                    th { (t(lang, "rep-umkm-sector")) } th { (t(lang, "rep-umkm-kelurahan")) }
                    th { (t(lang, "rep-umkm-needs")) } th { (t(lang, "rep-umkm-registered")) }
                } }
                tbody {
                    @for s in &found {
                        tr {
                            td { a href={ "/dasbor/umkm/" (s.id) } { (clip(&s.registration.business, 80)) } }
                            td { (clip(&s.registration.owner, 60)) }
                            td { (t(lang, s.registration.sector.key())) }
                            td { (s.registration.kelurahan.name) }
                            td { (needs(lang, &s.registration.needs)) }
                            td { (local_time(s.created_at, tz)) }
                        }
                    }
                }
            }
        }
        p {
            @if page > 0 { a.button href={ "/dasbor/umkm?" (f.with_page(page - 1)) } { (t(lang, "console-prev-page")) } " " }
            @if more { a.button href={ "/dasbor/umkm?" (f.with_page(page + 1)) } { (t(lang, "console-next-page")) } }
        }
    };
    Ok((layout::no_store(), layout::page(&staff, NAV.path, &t(lang, "console-umkm-title"), body)).into_response())
}

fn needs(lang: Lang, needs: &[Need]) -> String {
    needs.iter().map(|n| t(lang, n.key())).collect::<Vec<_>>().join(", ")
}

fn filter_form(lang: Lang, f: &Filters) -> Markup {
    let search = f.search();
    html! {
        form.filters method="get" action="/dasbor/umkm" {
            label { (t(lang, "rep-umkm-sector"))
                select name="sector" {
                    option value="" { (t(lang, "console-filter-all")) }
                    @for s in Sector::ALL { option value=(s.code()) selected[search.sector == Some(s)] { (t(lang, s.key())) } }
                }
            }
            label { (t(lang, "rep-umkm-needs"))
                select name="need" {
                    option value="" { (t(lang, "console-filter-all")) }
                    @for n in Need::ALL { option value=(n.code()) selected[search.need == Some(n)] { (t(lang, n.key())) } }
                }
            }
            label { (t(lang, "console-umkm-search")) input type="search" name="q" value=(f.q) maxlength="100"; }
            button type="submit" { (t(lang, "console-filter-apply")) }
        }
    }
}

/// A business this person may see; anything else is the same "not found".
async fn visible(ctx: &Ctx, staff: &Staff, id: &str) -> Result<Saved, ConsoleError> {
    let id: i64 = id.parse().map_err(|_| ConsoleError::NotFound)?;
    let saved = store::by_id(&ctx.db, id).await?.ok_or(ConsoleError::NotFound)?;
    match among(ctx, staff).await? {
        Among::All => Ok(saved),
        Among::Kims(kims) if kims.contains(&saved.kim_id) => Ok(saved),
        Among::Kims(_) => Err(ConsoleError::NotFound),
    }
}

async fn business(State(ctx): State<Ctx>, staff: Staff, Path(id): Path<String>) -> Result<Response, ConsoleError> {
    let saved = visible(&ctx, &staff, &id).await?;
    audit::record(&ctx.db, Some(staff.actor.user_id), "console.umkm.view", &format!("umkm={}", saved.id), ctx.now()).await?;
    let kim = crate::kernel::members::areas::kim_by_id(&ctx.db, KimId(saved.kim_id)).await?;
    let lang = staff.lang;
    let r = &saved.registration;
    let row = |key: &str, value: String| html! { tr { th { (t(lang, key)) } td.text { (value) } } };
    let body = html! {
        section.card {
            table.counts { tbody {
                (row("rep-umkm-owner", r.owner.clone()))
                (row("rep-umkm-sector", t(lang, r.sector.key())))
                (row("rep-umkm-scale", t(lang, r.scale.key())))
                (row("rep-umkm-kelurahan", r.kelurahan.name.clone()))
                (row("rep-umkm-kim", kim.map(|k| k.name).unwrap_or_default()))
                (row("rep-umkm-phone", r.phone.clone()))
                (row("rep-umkm-nib", r.nib.clone().unwrap_or_else(|| "—".into())))
                (row("rep-umkm-needs", needs(lang, &r.needs)))
                (row("rep-umkm-description", r.description.clone().unwrap_or_else(|| "—".into())))
                (row("rep-umkm-registered", local_time(saved.created_at, ctx.config.tz)))
            } }
        }
        p { a href="/dasbor/umkm" { (t(lang, "console-back-to-umkm")) } }
    };
    Ok((layout::no_store(), layout::page(&staff, NAV.path, &r.business, body)).into_response())
}
