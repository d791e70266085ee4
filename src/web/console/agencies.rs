//! *OPD & rute* (admins): the agencies (OPD) of each kota with their officers, the
//! routing rules (which agency a ticket of a category is suggested to first, for a
//! whole kota or one kecamatan), and setting a rule — the same kernel functions as
//! `kimbot opd list|route`, audited the same way. Agencies are loaded from
//! a CSV on the page (preview, then import: `imports`) or with
//! `kimbot opd import`; a rule is deleted from its row.

use axum::Form;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use maud::html;
use serde::Deserialize;

use super::pages::NavEntry;
use super::{ConsoleError, Ctx, Staff, layout};
use crate::features::aspirations::model::Category;
use crate::features::aspirations::render;
use crate::kernel::members::{UserId, agencies, areas, roles, users};
use crate::platform::audit;
use crate::platform::i18n::t;
use super::Done;

/// *OPD & rute* in the navigation: admins only. Not under `/dasbor/opd`, which is
/// the officers' own desk.
pub const NAV: NavEntry = NavEntry { path: "/dasbor/dinas", label: "console-nav-agencies", order: 67, shown: |s| s.actor.is_admin };

pub async fn page(State(ctx): State<Ctx>, staff: Staff, Query(shown): Query<Done>) -> Result<Response, ConsoleError> {
    if !staff.actor.is_admin {
        return Err(ConsoleError::Forbidden);
    }
    let lang = staff.lang;
    let all = agencies::all(&ctx.db).await?;
    let mut officers = Vec::with_capacity(all.len());
    for a in &all {
        let mut names = Vec::new();
        for id in roles::officers_of(&ctx.db, a.id).await? {
            names.push(users::get(&ctx.db, UserId(id)).await?.and_then(|m| m.first_name).unwrap_or_else(|| id.to_string()));
        }
        officers.push(names.join(", "));
    }
    let rules = agencies::routes(&ctx.db).await?;
    let kecamatan: Vec<_> = areas::all(&ctx.db).await?.into_iter().filter(|a| a.kind == "kecamatan").collect();
    let category = |code: &str| Category::parse(code).map_or_else(|| code.to_string(), |c| render::category(lang, c));
    let agency = |id: i64| all.iter().find(|a| a.id == id).map_or_else(|| id.to_string(), |a| format!("{} ({})", a.label(), a.code));
    let body = html! {
        @if shown.done == "routed" { p.flash role="status" { (t(lang, "console-agencies-routed")) } }
        @if shown.done == "unrouted" { p.flash role="status" { (t(lang, "console-agencies-unrouted")) } }
        @if shown.done == "invalid" { p.flash.late role="alert" { (t(lang, "console-agencies-invalid")) } }
        @if all.is_empty() { p.empty { (t(lang, "console-agencies-none")) } }
        @else {
            form.card method="post" action="/dasbor/dinas/rute" {
                h2 { (t(lang, "console-agencies-set-route")) }
                label { (t(lang, "console-col-category"))
                    select name="category" required { @for c in Category::ALL { option value=(c.code()) { (render::category(lang, c)) } } }
                }
                label { (t(lang, "console-agencies-agency"))
                    select name="agency" required { @for a in &all { option value=(a.id) { (a.label()) " (" (a.code) ") · " (a.kota) } } }
                }
                label { (t(lang, "console-agencies-where"))
                    select name="kecamatan" {
                        option value="" { (t(lang, "console-agencies-whole-kota")) }
                        @for k in &kecamatan { option value=(k.id) { (k.name) } }
                    }
                }
                input type="hidden" name="csrf" value=(staff.session.csrf);
                button type="submit" { (t(lang, "console-agencies-save-route")) }
            }
            section.card {
                h2 { (t(lang, "console-agencies-routes")) }
                @if rules.is_empty() { p.empty { (t(lang, "console-agencies-no-routes")) } }
                @else {
                    table.counts {
                        thead { tr {
                            th { (t(lang, "console-col-category")) } th { (t(lang, "console-agencies-where")) } th { (t(lang, "console-agencies-agency")) }
                            th { (t(lang, "console-people-actions")) }
                        } }
                        tbody { @for r in &rules {
                            tr {
                                td { (category(&r.category)) }
                                td { @if r.kecamatan.is_empty() { (r.kota) } @else { (r.kecamatan) ", " (r.kota) } }
                                td { (agency(r.agency_id)) }
                                td {
                                    form.inline method="post" action="/dasbor/dinas/rute/hapus" {
                                        input type="hidden" name="csrf" value=(staff.session.csrf);
                                        input type="hidden" name="kota" value=(r.kota);
                                        input type="hidden" name="category" value=(r.category);
                                        input type="hidden" name="kecamatan" value=(r.kecamatan);
                                        button.danger type="submit" { (t(lang, "console-agencies-delete-route")) }
                                    }
                                }
                            }
                        } }
                    }
                }
            }
            section.card {
                h2 { (t(lang, "console-agencies-list")) }
                table.counts {
                    thead { tr { th { (t(lang, "console-kims-code")) } th { (t(lang, "console-agencies-agency")) } th { (t(lang, "console-agencies-kota")) } th { (t(lang, "console-agencies-officers")) } } }
                    tbody { @for (a, names) in all.iter().zip(&officers) {
                        tr { td { (a.code) } td { (a.name) } td { (a.kota) } td { (names) } }
                    } }
                }
            }
        }
    };
    let body = html! { (body) (super::imports::upload_form(lang, &staff, "agencies")) };
    Ok((layout::no_store(), layout::page(&staff, NAV.path, &t(lang, "console-agencies-title"), body)).into_response())
}

#[derive(Deserialize)]
pub struct RouteForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    category: String,
    #[serde(default)]
    agency: String,
    #[serde(default)]
    kecamatan: String,
}

/// Sets one routing rule, as `kimbot opd route`; a kecamatan outside the agency's
/// kota is refused.
pub async fn route(State(ctx): State<Ctx>, staff: Staff, Form(form): Form<RouteForm>) -> Result<Response, ConsoleError> {
    staff.check_admin_form(&form.csrf)?;
    let category = Category::parse(form.category.trim()).ok_or(ConsoleError::BadInput)?;
    let id: i64 = form.agency.trim().parse().map_err(|_| ConsoleError::NotFound)?;
    let agency = agencies::by_id(&ctx.db, id).await?.ok_or(ConsoleError::NotFound)?;
    let kecamatan = match form.kecamatan.trim() {
        "" => None,
        raw => {
            let id: i64 = raw.parse().map_err(|_| ConsoleError::BadInput)?;
            match areas::area_by_id(&ctx.db, id).await? {
                Some(a) if a.kind == "kecamatan" && agencies::kota_of(&a.path) == agency.kota => Some(a.name),
                _ => return Ok(Redirect::to("/dasbor/dinas?done=invalid").into_response()),
            }
        }
    };
    let now = ctx.now();
    agencies::set_route(&ctx.db, &agency, category.code(), kecamatan.as_deref(), now).await?;
    let place = kecamatan.unwrap_or_else(|| agency.kota.clone());
    let detail = format!("opd={} category={} place={place} via=console", agency.code, category.code());
    audit::record(&ctx.db, Some(staff.actor.user_id), "agency.route", &detail, now).await?;
    Ok(Redirect::to("/dasbor/dinas?done=routed").into_response())
}

#[derive(Deserialize)]
pub struct UnrouteForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    kota: String,
    #[serde(default)]
    category: String,
    #[serde(default)]
    kecamatan: String,
}

/// Deletes one routing rule; a rule that is not there (deleted already, forged) is
/// "not found", so a reload of the POST changes nothing and audits nothing.
pub async fn unroute(State(ctx): State<Ctx>, staff: Staff, Form(form): Form<UnrouteForm>) -> Result<Response, ConsoleError> {
    staff.check_admin_form(&form.csrf)?;
    let category = Category::parse(form.category.trim()).ok_or(ConsoleError::NotFound)?;
    let (kota, kecamatan) = (form.kota.trim(), form.kecamatan.trim());
    if !agencies::delete_route(&ctx.db, kota, category.code(), kecamatan).await? {
        return Err(ConsoleError::NotFound);
    }
    let place = if kecamatan.is_empty() { kota } else { kecamatan };
    let detail = format!("category={} place={place} via=console", category.code());
    audit::record(&ctx.db, Some(staff.actor.user_id), "agency.unroute", &detail, ctx.now()).await?;
    Ok(Redirect::to("/dasbor/dinas?done=unrouted").into_response())
}
