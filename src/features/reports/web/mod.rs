//! *Unduh*: the same files as `/laporan` — every period report the features declare
//! (for a period and an area) and the UMKM registry (XLSX, CSV) — for staff and
//! admins, as in chat; survey results are in [`listening`]. The
//! report pipeline writes them into a temporary directory (rows streamed from the
//! database), then [`crate::web::console::files`] streams the chosen file. Every download is
//! audited like `/laporan`'s.

use std::sync::Arc;

use axum::Router;
use axum::extract::{Path as PathParam, Query, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::NaiveDate;
use maud::{Markup, html};
use serde::Deserialize;

mod listening;

use crate::kernel::members::permissions::{Action, may};
use crate::kernel::members::{Area, areas, display_path};
use crate::platform::export::kinds::{PeriodReport, PeriodRequest};
use crate::platform::export::period::{Period, Preset};
use crate::features::umkm::report::{self as registry, UmkmFilter};
use crate::platform::export::{ExportError, Progress};
use crate::features::umkm::model::{Need, Sector};
use crate::platform::audit;
use crate::platform::i18n::{Lang, t};
use crate::web::console::files::{CSV, XLSX, slot, stream_file};
use crate::web::console::{ConsoleError, Ctx, NavEntry, Pages, Staff, layout};

/// *Unduh* in the console's navigation: coordinators download their own surveys'
/// results there, staff and admins every report.
const NAV: NavEntry = NavEntry { path: "/dasbor/unduh", label: "console-nav-downloads", order: 60, shown: may_download };

/// Reports' console pages.
pub const PAGES: Pages = Pages { routes, nav: &[NAV] };

fn routes() -> Router<Ctx> {
    Router::new()
        .route("/dasbor/unduh", get(page))
        .route("/dasbor/unduh/umkm", get(umkm))
        .route("/dasbor/unduh/survei", get(listening::survey))
        .route("/dasbor/unduh/{kind}", get(period_download))
}

/// Whether this person gets the *Unduh* page at all.
fn may_download(staff: &Staff) -> bool {
    may(&staff.actor, Action::PullReports) || listening::may_pull_surveys(staff)
}

/// Downloads are for staff and admins, like `/laporan`.
pub(super) fn allowed(staff: &Staff) -> Result<(), ConsoleError> {
    if may(&staff.actor, Action::PullReports) { Ok(()) } else { Err(ConsoleError::Forbidden) }
}

/// The areas one may pick: each scope area (admins: every top area) and the areas
/// one level below it.
pub(super) async fn choices(ctx: &Ctx, staff: &Staff) -> Result<Vec<Area>, ConsoleError> {
    let scopes: Vec<Area> = if staff.actor.is_admin {
        areas::children(&ctx.db, None).await?
    } else {
        let mut found = Vec::new();
        for path in &staff.actor.staff_areas {
            found.extend(areas::area_by_path(&ctx.db, path).await?);
        }
        found
    };
    let mut out = Vec::new();
    for scope in scopes {
        let inner = areas::children(&ctx.db, Some(scope.id)).await?;
        out.push(scope);
        out.extend(inner);
    }
    Ok(out)
}

/// The area a form names, if this person may export it; `Ok(None)` is "everywhere"
/// (admins only). An area outside the scope is "not found", like a missing one.
pub(super) async fn chosen_area(ctx: &Ctx, staff: &Staff, area: &str) -> Result<Option<Area>, ConsoleError> {
    if area.is_empty() && staff.actor.is_admin {
        return Ok(None);
    }
    let id: i64 = area.parse().map_err(|_| ConsoleError::NotFound)?;
    let area = areas::area_by_id(&ctx.db, id).await?.ok_or(ConsoleError::NotFound)?;
    if may(&staff.actor, Action::Oversee(&area.path)) { Ok(Some(area)) } else { Err(ConsoleError::NotFound) }
}

/// The path and the file label of the area a form names ([`chosen_area`]); no path
/// and "all areas" for an admin's whole city.
pub(super) async fn chosen_scope(ctx: &Ctx, staff: &Staff, area: &str) -> Result<(Option<String>, String), ConsoleError> {
    Ok(match chosen_area(ctx, staff, area).await? {
        Some(area) => (Some(area.path.clone()), display_path(&area.path)),
        None => (None, t(staff.lang, "rep-area-all")),
    })
}

async fn page(State(ctx): State<Ctx>, staff: Staff) -> Result<Response, ConsoleError> {
    if !may_download(&staff) {
        return Err(ConsoleError::Forbidden);
    }
    let office = may(&staff.actor, Action::PullReports);
    let lang = staff.lang;
    let office = if office { Some(office_forms(&ctx, &staff).await?) } else { None };
    let surveys = listening::survey_form(&ctx, &staff).await?;
    let body = html! {
        @if let Some(forms) = office { (forms) }
        (surveys)
        p.empty { (t(lang, "console-download-note")) }
    };
    Ok((layout::no_store(), layout::page(&staff, NAV.path, &t(lang, "console-download-title"), body)).into_response())
}

/// The forms for staff and admins: every declared period report and the UMKM
/// registry, in the reports' order.
async fn office_forms(ctx: &Ctx, staff: &Staff) -> Result<Markup, ConsoleError> {
    let areas = choices(ctx, staff).await?;
    let lang = staff.lang;
    let month = Period::preset(Preset::ThisMonth, ctx.now(), ctx.config.tz);
    let area_select = html! {
        label { (t(lang, "console-download-area"))
            select name="area" {
                @if staff.actor.is_admin { option value="" { (t(lang, "rep-area-all")) } }
                @for a in &areas { option value=(a.id) { (display_path(&a.path)) } }
            }
        }
    };
    let mut forms: Vec<(u16, Markup)> = vec![(UMKM_ORDER, umkm_form(lang, &area_select))];
    forms.extend(ctx.period_reports.iter().map(|r| (r.order, period_form(r, lang, &month, &area_select))));
    forms.sort_by_key(|(order, _)| *order);
    Ok(html! { @for (_, form) in &forms { (form) } })
}

/// Where the UMKM registry's form sits among the period reports' (as in `/laporan`).
const UMKM_ORDER: u16 = 20;

fn period_form(report: &PeriodReport, lang: Lang, month: &Period, area_select: &Markup) -> Markup {
    html! {
        form.card.filters method="get" action=(format!("/dasbor/unduh/{}", report.slug)) {
            h2 { (t(lang, report.console_title)) }
            label { (t(lang, "console-filter-from")) input type="date" name="from" value=(month.from) required; }
            label { (t(lang, "console-filter-to")) input type="date" name="to" value=(month.to) required; }
            (area_select)
            (format_select(lang, report.formats))
            button type="submit" { (t(lang, "console-download-button")) }
        }
    }
}

fn umkm_form(lang: Lang, area_select: &Markup) -> Markup {
    html! {
        form.card.filters method="get" action="/dasbor/unduh/umkm" {
            h2 { (t(lang, "console-download-umkm")) }
            (area_select)
            label { (t(lang, "rep-umkm-sector"))
                select name="sector" {
                    option value="" { (t(lang, "console-filter-all")) }
                    @for s in Sector::ALL { option value=(s.code()) { (t(lang, s.key())) } }
                }
            }
            label { (t(lang, "rep-umkm-needs"))
                select name="need" {
                    option value="" { (t(lang, "console-filter-all")) }
                    @for n in Need::ALL { option value=(n.code()) { (t(lang, n.key())) } }
                }
            }
            (format_select(lang, &["xlsx", "csv"]))
            button type="submit" { (t(lang, "console-download-button")) }
        }
    }
}

pub(super) fn format_select(lang: Lang, formats: &[&str]) -> Markup {
    html! {
        label { (t(lang, "console-download-format"))
            select name="format" { @for f in formats { option value=(f) { (t(lang, &format!("console-format-{f}"))) } } }
        }
    }
}

/// A report over a period and an area (any declared period report).
#[derive(Debug, Deserialize)]
pub struct PeriodForm {
    #[serde(default)]
    pub(super) from: String,
    #[serde(default)]
    pub(super) to: String,
    #[serde(default)]
    pub(super) area: String,
    #[serde(default)]
    pub(super) format: String,
}

/// A declared period report's download; an unknown kind is "not found".
async fn period_download(State(ctx): State<Ctx>, staff: Staff, PathParam(kind): PathParam<String>, Query(form): Query<PeriodForm>) -> Result<Response, ConsoleError> {
    let report = ctx.period_reports.iter().copied().find(|r| r.slug == kind).ok_or(ConsoleError::NotFound)?;
    allowed(&staff)?;
    let period = period(&form.from, &form.to)?;
    let (area_path, area_label) = chosen_scope(&ctx, &staff, &form.area).await?;
    let _slot = slot(&ctx)?;
    let request = PeriodRequest { period, area_path, area_label, lang: staff.lang, tz: ctx.config.tz, now: ctx.now(), sla: ctx.config.sla.clone() };
    let dir = tempfile::tempdir().map_err(ExportError::from)?;
    let out = (report.run)(&ctx.db, &request, dir.path(), Arc::new(Progress::default())).await?;
    let format = if report.formats.contains(&form.format.as_str()) { form.format.as_str() } else { report.formats[0] };
    let path = out.file(format).cloned().ok_or(ConsoleError::NotFound)?;
    let detail = format!("{} via=console", report.audit_detail(&request, out.rows));
    audit::record(&ctx.db, Some(staff.actor.user_id), "report.export", &detail, ctx.now()).await?;
    stream_file(dir, path, mime(format))
}

/// The content type of a download format.
fn mime(format: &str) -> &'static str {
    match format {
        "csv" => CSV,
        "png" => "image/png",
        _ => XLSX,
    }
}

/// The period of a form's `from` and `to` dates (`YYYY-MM-DD`, from ≤ to).
pub(super) fn period(from: &str, to: &str) -> Result<Period, ConsoleError> {
    let day = |s: &str| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok();
    match (day(from), day(to)) {
        (Some(from), Some(to)) => Period::new(from, to).map_err(|_| ConsoleError::BadInput),
        _ => Err(ConsoleError::BadInput),
    }
}

#[derive(Debug, Deserialize)]
pub struct UmkmForm {
    #[serde(default)]
    area: String,
    #[serde(default)]
    sector: String,
    #[serde(default)]
    need: String,
    #[serde(default)]
    format: String,
}

async fn umkm(State(ctx): State<Ctx>, staff: Staff, Query(form): Query<UmkmForm>) -> Result<Response, ConsoleError> {
    allowed(&staff)?;
    let area = chosen_area(&ctx, &staff, &form.area).await?;
    let _slot = slot(&ctx)?;
    let filter = UmkmFilter { area_path: area.map(|a| a.path), sector: Sector::from_code(&form.sector), need: Need::from_code(&form.need) };
    let dir = tempfile::tempdir().map_err(ExportError::from)?;
    let out = registry::export_umkm(&ctx.db, &filter, staff.lang, ctx.config.tz, dir.path(), Arc::new(Progress::default())).await?;
    let (path, kind) = if form.format == "csv" { (out.csv, CSV) } else { (out.xlsx, XLSX) };
    let scope = filter.area_path.as_deref().unwrap_or("all");
    let sector = filter.sector.map_or("all", |s| s.code());
    let need = filter.need.map_or("all", |n| n.code());
    let detail = format!("kind=umkm scope={scope} sector={sector} need={need} rows={} via=console", out.rows);
    audit::record(&ctx.db, Some(staff.actor.user_id), "report.export", &detail, ctx.now()).await?;
    stream_file(dir, path, kind)
}
