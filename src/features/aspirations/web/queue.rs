//! *Aspirasi*: the staff desk's queue of tickets in the person's scope.
//!
//! - Filters (status, category, area, period, overdue, words or a ticket number),
//!   the saved views (*Milik saya*, *Belum ditangani*, *Lewat batas*, *Menunggu
//!   OPD*) and one's own saved filters ([`super::desk`]); a ticket number in any
//!   form that matches one ticket opens it.
//! - A total, page numbers with previous/next (older `before`/`after` links keep
//!   working), compact rows with age, time left to the first-response service level
//!   (coloured), a status badge, markers for a new resident reply or a ticket an
//!   agency gave back, and who works on it ("Ambil" when nobody does).
//! - Checkboxes for the bulk actions ([`super::bulk`]) and an export of exactly the
//!   filtered list ([`export`]).
//! - The page remembers its query (cookie [`PLACE_COOKIE`]) so "Kembali ke antrian"
//!   ([`back`]) returns to the same filters and page.

use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{NaiveDate, TimeZone};
use chrono_tz::Tz;
use maud::{Markup, html};
use serde::Deserialize;

use super::NAV;
use crate::features::aspirations::find::{self, NumberQuery};
use crate::features::aspirations::model::{Access, Category, Status, local_time, zone};
use crate::features::aspirations::render::{self, clip};
use crate::features::aspirations::store::{self, Browse, QueueRow};
use crate::kernel::members::{Area, Kim, covers};
use crate::platform::audit;
use crate::platform::db::DbError;
use crate::platform::export::xlsx::Cell;
use crate::platform::export::{ExportError, Progress, table};
use crate::platform::i18n::{Arg, Lang, t, ta};
use crate::web::console::files::{self, CSV, XLSX};
use crate::web::console::summary;
use crate::web::console::{ConsoleError, Ctx, Staff, layout};

/// Rows per page.
pub const PAGE: i64 = 50;
/// The longest search text (characters) the queue looks for; longer text is cut to
/// it (and the page says so).
pub const Q_MAX: usize = 100;
/// The cookie holding the queue's last query string, for "Kembali ke antrian".
pub const PLACE_COOKIE: &str = "kimbot_queue";
/// Page numbers beyond this are not offered (a deep page of the whole city costs an
/// OFFSET walk; filters find such tickets faster).
const PAGE_MAX: i64 = 2_000;

/// The total is counted up to this many tickets; beyond it the page says "more than"
/// and pages on with "next" (an exact count of a broad filter over a city's million
/// tickets would read every matching row on each page view).
pub const COUNT_MAX: i64 = 10_000;

/// The saved views, by their query value.
pub const VIEWS: [(&str, &str); 4] =
    [("mine", "desk-view-mine"), ("unhandled", "desk-view-unhandled"), ("late", "desk-view-late"), ("agency", "desk-view-agency")];

/// The filters as typed in the form; anything unknown is ignored.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Filters {
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub category: String,
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    #[serde(default)]
    pub q: String,
    /// An area id offered by the Ringkasan's picker; anything else is "not found".
    #[serde(default)]
    pub area: String,
    /// `1`: only tickets past the service level without a first response.
    #[serde(default)]
    pub overdue: String,
    /// `old`: oldest first (who waited longest); anything else: newest first.
    #[serde(default)]
    pub sort: String,
    /// A saved view: `mine`, `unhandled`, `late`, `agency`.
    #[serde(default)]
    pub view: String,
    /// Page number, from 1.
    #[serde(default)]
    pub page: Option<i64>,
    #[serde(default)]
    pub before: Option<i64>,
    #[serde(default)]
    pub after: Option<i64>,
}

impl Filters {
    fn status(&self) -> Option<Status> {
        Status::parse(&self.status)
    }
    fn category(&self) -> Option<Category> {
        Category::parse(&self.category)
    }
    fn oldest_first(&self) -> bool {
        self.sort == "old"
    }
    fn overdue_only(&self) -> bool {
        self.overdue == "1" || self.view == "late"
    }
    fn page(&self) -> i64 {
        self.page.unwrap_or(1).clamp(1, PAGE_MAX)
    }
    /// `[from, to)` in Unix seconds, whole days in `tz`.
    fn period(&self, tz: Tz) -> (i64, i64) {
        period_bounds(&self.from, &self.to, tz)
    }
    /// The filters as a query string (no paging), in a fixed order.
    pub fn query(&self) -> String {
        let mut s = url::form_urlencoded::Serializer::new(String::new());
        let fields = [
            ("view", &self.view),
            ("status", &self.status),
            ("category", &self.category),
            ("from", &self.from),
            ("to", &self.to),
            ("q", &self.q),
            ("area", &self.area),
            ("overdue", &self.overdue),
            ("sort", &self.sort),
        ];
        for (k, v) in fields {
            if !v.is_empty() {
                s.append_pair(k, v);
            }
        }
        s.finish()
    }
    /// The query string of page `n` of these filters.
    fn page_query(&self, n: i64) -> String {
        let q = self.query();
        match (q.is_empty(), n) {
            (true, 1) => String::new(),
            (true, n) => format!("page={n}"),
            (false, 1) => q,
            (false, n) => format!("{q}&page={n}"),
        }
    }
    /// The browse request for `me` (the view "mine"), the words or number of `q`.
    fn browse(&self, tz: Tz, me: i64, number: Option<NumberQuery>) -> Browse {
        let (from, to) = self.period(tz);
        let cursor = if self.page.is_some() { None } else if self.oldest_first() { self.after } else { self.before };
        Browse {
            status: self.status(),
            category: self.category(),
            from,
            to,
            words: if number.is_some() { Vec::new() } else { find::words(&self.q) },
            number,
            oldest_first: self.oldest_first(),
            cursor,
            overdue_only: self.overdue_only(),
            assignee: (self.view == "mine").then_some(me),
            unassigned_new: self.view == "unhandled",
            at_agency: self.view == "agency",
        }
    }
}

/// The filtered KIMs of the person's scope (the area filter applied), and the areas
/// the picker offers.
pub(super) async fn scope(ctx: &Ctx, staff: &Staff, f: &Filters) -> Result<(Vec<Kim>, Vec<Area>), ConsoleError> {
    let scope = staff.kims(ctx).await?;
    let offered = summary::choices(ctx, staff, &scope).await?;
    let area = summary::chosen(&f.area, &offered)?;
    let kims = scope.into_iter().filter(|k| area.is_none_or(|a| covers(&a.path, &k.area_path))).collect();
    Ok((kims, offered))
}

/// What a search finds: by number when `q` is one (falling back to words when bare
/// digits match no number), else by words; with the total.
async fn search(ctx: &Ctx, staff: &Staff, f: &Filters, ids: &[i64], offset: i64) -> Result<(Vec<QueueRow>, i64, Option<NumberQuery>), ConsoleError> {
    let tz = ctx.config.tz;
    let me = staff.actor.user_id;
    if let Some(number) = NumberQuery::parse(&f.q) {
        let b = f.browse(tz, me.get(), Some(number));
        let total = store::count_browsed(&ctx.db, ids, &b, COUNT_MAX + 1).await?;
        if total > 0 || number.is_full() {
            return Ok((store::browse(&ctx.db, ids, &b, PAGE + 1, offset).await?, total, Some(number)));
        }
    }
    let b = f.browse(tz, me.get(), None);
    let total = store::count_browsed(&ctx.db, ids, &b, COUNT_MAX + 1).await?;
    Ok((store::browse(&ctx.db, ids, &b, PAGE + 1, offset).await?, total, None))
}

pub async fn page(State(ctx): State<Ctx>, staff: Staff, Query(mut f): Query<Filters>) -> Result<Response, ConsoleError> {
    let cut = f.q.chars().count() > Q_MAX;
    if cut {
        f.q = f.q.chars().take(Q_MAX).collect();
    }
    if !f.view.is_empty() && !VIEWS.iter().any(|(v, _)| *v == f.view) {
        f.view.clear();
    }
    let (kims, offered) = scope(&ctx, &staff, &f).await?;
    let ids: Vec<i64> = kims.iter().map(|k| k.id.get()).collect();
    let page_no = f.page();
    let offset = if f.page.is_some() { (page_no - 1) * PAGE } else { 0 };
    let (mut found, total, number) = search(&ctx, &staff, &f, &ids, offset).await?;
    let detail = format!("status={} category={} area={} overdue={} view={} q={}", f.status, f.category, f.area, f.overdue, f.view, clip(&f.q, 60));
    audit::record(&ctx.db, Some(staff.actor.user_id), "console.queue", &detail, ctx.now()).await?;
    // A number that names exactly one ticket opens it.
    if number.is_some() && total == 1 && found.len() == 1 {
        return Ok(Redirect::to(&format!("/dasbor/aspirasi/{}", found[0].number)).into_response());
    }
    let more = found.len() as i64 > PAGE;
    found.truncate(PAGE as usize);
    let lang = staff.lang;
    let triage = kims.iter().any(|k| crate::features::aspirations::model::access(&staff.actor, k) == Access::Triage);
    let saved = crate::features::aspirations::saved::list(&ctx.db, staff.actor.user_id).await?;
    let bulk = if triage && !found.is_empty() { Some(super::bulk::form_parts(&ctx, &kims).await?) } else { None };
    let now = ctx.now();
    let keyset_next = (f.page.is_none() && (f.before.is_some() || f.after.is_some()) && more).then(|| found.last().map(|r| r.id.get())).flatten();
    let body = html! {
        @if cut { p.flash role="status" { (ta(lang, "console-search-cut", &[("max", Arg::from(Q_MAX as i64))])) } }
        (views_nav(lang, &f, &saved, &staff.session.csrf))
        (filter_form(lang, &f, &offered))
        p.desk-total {
            @if total > COUNT_MAX {
                (ta(lang, "desk-total-more", &[("count", Arg::from(COUNT_MAX))]))
            } @else {
                (ta(lang, "desk-total", &[("count", Arg::from(total))]))
            }
            @if total > 0 {
                " · " a href={ "/dasbor/aspirasi/unduh?" (f.query()) (if f.query().is_empty() { "" } else { "&" }) "format=xlsx" } { (t(lang, "desk-export-xlsx")) }
                " · " a href={ "/dasbor/aspirasi/unduh?" (f.query()) (if f.query().is_empty() { "" } else { "&" }) "format=csv" } { (t(lang, "desk-export-csv")) }
            }
        }
        @if found.is_empty() {
            p.empty { (t(lang, "console-queue-empty")) }
        } @else if let Some(parts) = &bulk {
            form #bulk method="post" action="/dasbor/aspirasi/massal" {
                input type="hidden" name="csrf" value=(staff.session.csrf);
                (table(lang, &found, &ctx, now, true))
                (super::bulk::controls(lang, parts))
            }
        } @else {
            (table(lang, &found, &ctx, now, false))
        }
        @if let Some(last) = keyset_next {
            p { a.button href={ "/dasbor/aspirasi?" (keyset_query(&f, last)) } { (t(lang, "console-next-page")) } }
        } @else {
            (pager(lang, &f, page_no, total, more))
        }
        (save_form(lang, &f, &staff.session.csrf))
        // Below the list: the rows come first on a laptop screen.
        (layout::glossary(lang, ctx.config.sla.working_days, false))
    };
    let place = f.page_query(page_no);
    let mut response = (layout::no_store(), layout::page(&staff, NAV.path, &t(lang, "console-queue-title"), body)).into_response();
    if let Ok(value) = HeaderValue::from_str(&format!("{PLACE_COOKIE}={}; Path=/dasbor; HttpOnly; SameSite=Lax", cookie_safe(&place))) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    Ok(response)
}

/// An older "next page" link: the rows after `last` in the list's order.
fn keyset_query(f: &Filters, last: i64) -> String {
    let q = f.query();
    let key = if f.oldest_first() { "after" } else { "before" };
    if q.is_empty() { format!("{key}={last}") } else { format!("{q}&{key}={last}") }
}

/// A query string of ours as a cookie value (it is already URL-encoded; anything
/// else is dropped).
fn cookie_safe(query: &str) -> String {
    query.chars().filter(|c| c.is_ascii_alphanumeric() || "%&=+-._~".contains(*c)).collect()
}

/// "Kembali ke antrian": the queue with the filters and page last shown.
pub async fn back(_staff: Staff, headers: HeaderMap) -> Redirect {
    let place = crate::web::console::place::cookie(&headers, PLACE_COOKIE).map(cookie_safe).unwrap_or_default();
    if place.is_empty() { Redirect::to("/dasbor/aspirasi") } else { Redirect::to(&format!("/dasbor/aspirasi?{place}")) }
}

fn views_nav(lang: Lang, f: &Filters, saved: &[crate::features::aspirations::saved::SavedView], csrf: &str) -> Markup {
    let all = f.view.is_empty();
    html! {
        nav.desk-views aria-label=(t(lang, "desk-views")) {
            a href="/dasbor/aspirasi" aria-current=[all.then_some("page")] { (t(lang, "desk-view-all")) }
            @for (value, key) in VIEWS {
                a href={ "/dasbor/aspirasi?view=" (value) } aria-current=[(f.view == value).then_some("page")] { (t(lang, key)) }
            }
            @for s in saved {
                span.saved {
                    a href={ "/dasbor/aspirasi?" (s.query) } { (s.name) }
                    form.inline method="post" action={ "/dasbor/aspirasi/filter/" (s.id) "/hapus" } {
                        input type="hidden" name="csrf" value=(csrf);
                        button.link type="submit" title=(t(lang, "desk-saved-remove")) aria-label=(ta(lang, "desk-saved-remove-named", &[("name", Arg::from(&s.name))])) { "×" }
                    }
                }
            }
        }
    }
}

fn save_form(lang: Lang, f: &Filters, csrf: &str) -> Markup {
    html! {
        form.desk-save method="post" action="/dasbor/aspirasi/filter" {
            input type="hidden" name="csrf" value=(csrf);
            input type="hidden" name="query" value=(f.query());
            label { (t(lang, "desk-save-name")) input type="text" name="name" maxlength=(crate::features::aspirations::saved::NAME_MAX) required; }
            button type="submit" { (t(lang, "desk-save-button")) }
        }
    }
}

fn filter_form(lang: Lang, f: &Filters, offered: &[Area]) -> Markup {
    html! {
        form.filters method="get" action="/dasbor/aspirasi" {
            @if !f.view.is_empty() { input type="hidden" name="view" value=(f.view); }
            label { (t(lang, "desk-find")) input type="search" name="q" value=(f.q) maxlength=(Q_MAX) placeholder="ASP-2026-000123"; }
            label { (t(lang, "console-filter-status"))
                select name="status" {
                    option value="" { (t(lang, "console-filter-all")) }
                    @for s in Status::ALL {
                        option value=(s.as_str()) selected[f.status() == Some(s)] { (render::status(lang, s)) }
                    }
                }
            }
            label { (t(lang, "console-filter-category"))
                select name="category" {
                    option value="" { (t(lang, "console-filter-all")) }
                    @for c in Category::ALL {
                        option value=(c.code()) selected[f.category() == Some(c)] { (render::category(lang, c)) }
                    }
                }
            }
            label { (t(lang, "console-filter-from")) input type="date" name="from" value=(f.from); }
            label { (t(lang, "console-filter-to")) input type="date" name="to" value=(f.to); }
            (summary::area_select(lang, offered, &f.area))
            label.check { input type="checkbox" name="overdue" value="1" checked[f.overdue == "1"]; " " (t(lang, "console-filter-overdue")) }
            label { (t(lang, "console-sort"))
                select name="sort" {
                    option value="" selected[!f.oldest_first()] { (t(lang, "console-sort-new")) }
                    option value="old" selected[f.oldest_first()] { (t(lang, "console-sort-old")) }
                }
            }
            button type="submit" { (t(lang, "console-filter-apply")) }
        }
    }
}

/// "3 hr", "5 jam", "20 mnt": a duration, coarsely.
pub fn duration(lang: Lang, secs: i64) -> String {
    let secs = secs.max(0);
    let (key, n) = if secs >= 86_400 {
        ("desk-days", secs / 86_400)
    } else if secs >= 3_600 {
        ("desk-hours", secs / 3_600)
    } else {
        ("desk-minutes", secs / 60)
    };
    ta(lang, key, &[("n", Arg::from(n))])
}

/// Time left to the first-response service level of a new ticket not yet answered:
/// the text and its colour class; `None` once answered or moved on.
fn time_left(ctx: &Ctx, lang: Lang, r: &QueueRow, now: i64) -> Option<(String, &'static str)> {
    if r.status != Some(Status::Diterima) || r.first_response_at.is_some() {
        return None;
    }
    let tz = zone(r.kim_tz.as_deref(), ctx.config.tz);
    let left = ctx.config.sla.deadline(r.created_at, tz) - now;
    Some(if left < 0 {
        (ta(lang, "desk-sla-late", &[("time", Arg::from(duration(lang, -left)))]), "left_late")
    } else if left < 86_400 {
        (duration(lang, left), "left_soon")
    } else {
        (duration(lang, left), "left_ok")
    })
}

fn table(lang: Lang, rows: &[QueueRow], ctx: &Ctx, now: i64, pick: bool) -> Markup {
    let tz = ctx.config.tz;
    html! {
        table.queue.desk {
            thead { tr {
                @if pick { th { span.visually-hidden { (t(lang, "desk-col-pick")) } } }
                th { (t(lang, "console-col-ticket")) } th { (t(lang, "desk-col-age")) } th { (t(lang, "desk-col-left")) }
                th { (t(lang, "console-col-kim")) } th { (t(lang, "console-col-category")) }
                th { (t(lang, "console-col-status")) } th { (t(lang, "desk-col-assignee")) } th { (t(lang, "console-col-text")) }
            } }
            tbody {
                @for r in rows {
                    tr {
                        @if pick { td { input type="checkbox" name="id" value=(r.id) aria-label=(r.number); } }
                        td.tno {
                            a href={ "/dasbor/aspirasi/" (r.number) } { (r.number) }
                            @if r.new_reply { " " span.mark.mark-reply title=(t(lang, "desk-mark-reply")) { (t(lang, "desk-mark-reply-short")) } }
                            @if r.returned { " " span.mark.mark-returned title=(t(lang, "desk-mark-returned")) { (t(lang, "desk-mark-returned-short")) } }
                        }
                        td.nowrap title=(local_time(r.created_at, tz)) { (duration(lang, now - r.created_at)) }
                        td.nowrap {
                            @if let Some((text, class)) = time_left(ctx, lang, r, now) { span class=(class) { (text) } } @else { "—" }
                        }
                        td { (r.kim) }
                        td { @if let Some(c) = r.category { (render::category(lang, c)) } }
                        td {
                            @if let Some(s) = r.status { span class={ "badge st-" (s.as_str()) } { (render::status(lang, s)) } }
                            @if r.overdue && r.status == Some(Status::Diterima) { " " span.late { (t(lang, "console-overdue")) } }
                        }
                        td {
                            @if let Some(name) = &r.assignee_name {
                                (name)
                            } @else if r.assignee.is_some() {
                                (t(lang, "desk-assignee-unknown"))
                            } @else if pick && !r.status.is_some_and(Status::is_closed) {
                                button.small type="submit" name="back" value="queue" formaction={ "/dasbor/aspirasi/" (r.id) "/ambil" } { (t(lang, "desk-take")) }
                            } @else { "—" }
                        }
                        td.text { (clip(&r.body, 90)) }
                    }
                }
            }
        }
    }
}

/// Previous/next and page numbers around the current one. Past [`COUNT_MAX`] the
/// last page is unknown: the numbers end at the current page's neighbours and
/// "next" follows as long as this page had more rows.
fn pager(lang: Lang, f: &Filters, current: i64, total: i64, more: bool) -> Markup {
    let counted = ((total.min(COUNT_MAX) + PAGE - 1) / PAGE).max(1);
    let pages = if total > COUNT_MAX { counted.max(current + i64::from(more)) } else { counted }.min(PAGE_MAX);
    let mut shown: Vec<i64> = if total > COUNT_MAX { vec![1] } else { vec![1, pages] };
    shown.extend((current - 2).max(1)..=(current + 2).min(pages));
    shown.sort_unstable();
    shown.dedup();
    html! {
        @if pages > 1 {
            nav.pager aria-label=(t(lang, "desk-pages")) {
                @if current > 1 { a rel="prev" href={ "/dasbor/aspirasi?" (f.page_query(current - 1)) } { (t(lang, "desk-prev-page")) } }
                @for (i, n) in shown.iter().enumerate() {
                    @if i > 0 && *n > shown[i - 1] + 1 { span.gap { "…" } }
                    @if *n == current { span aria-current="page" { (n) } } @else { a href={ "/dasbor/aspirasi?" (f.page_query(*n)) } { (n) } }
                }
                @if current < pages { a rel="next" href={ "/dasbor/aspirasi?" (f.page_query(current + 1)) } { (t(lang, "console-next-page")) } }
            }
        }
    }
}

/// The export's file format, beside the filters (`xlsx` unless `csv`).
#[derive(Deserialize)]
pub struct Format {
    #[serde(default)]
    format: String,
}

/// The filtered list (every page) as XLSX or `;`-separated CSV, through the
/// shared export writers (text cells defused against formulas).
pub async fn export(State(ctx): State<Ctx>, staff: Staff, Query(mut f): Query<Filters>, Query(form): Query<Format>) -> Result<Response, ConsoleError> {
    f.q = f.q.chars().take(Q_MAX).collect();
    let (kims, _) = scope(&ctx, &staff, &f).await?;
    let ids: Vec<i64> = kims.iter().map(|k| k.id.get()).collect();
    let tz = ctx.config.tz;
    let me = staff.actor.user_id;
    // The same choice between a number and words as the page.
    let mut number = NumberQuery::parse(&f.q);
    if let Some(n) = number.filter(|n| !n.is_full())
        && store::count_browsed(&ctx.db, &ids, &f.browse(tz, me.get(), Some(n)), 1).await? == 0
    {
        number = None;
    }
    let b = f.browse(tz, me.get(), number);
    let _slot = files::slot(&ctx)?;
    let dir = tempfile::tempdir().map_err(ExportError::from)?;
    let lang = staff.lang;
    let now = ctx.now();
    let header: Vec<Cell> = ["console-col-ticket", "console-col-sent", "console-col-kim", "console-col-category", "console-col-status", "desk-col-assignee", "desk-col-age-days", "console-col-text"]
        .iter()
        .map(|k| Cell::text(t(lang, k)))
        .collect();
    let decode = move |r: &sqlx::any::AnyRow| -> Result<Option<Vec<Cell>>, DbError> {
        let row = store::export_row(r)?;
        Ok(Some(vec![
            Cell::text(row.number),
            Cell::When(crate::platform::export::local(row.created_at, zone(row.kim_tz.as_deref(), tz))),
            Cell::text(row.kim),
            Cell::opt(row.category.map(|c| render::category(lang, c))),
            Cell::opt(row.status.map(|s| render::status(lang, s))),
            Cell::opt(row.assignee_name),
            Cell::Int((now - row.created_at).max(0) / 86_400),
            Cell::text(row.body),
        ]))
    };
    let stream = store::export_stream(&ctx.db, &ids, &b);
    let out = table::write(stream, decode, header, &t(lang, "desk-sheet"), dir.path(), "antrian_aspirasi", Arc::new(Progress::default())).await?;
    let detail = format!("rows={} format={} view={} status={} q={}", out.rows, if form.format == "csv" { "csv" } else { "xlsx" }, f.view, f.status, clip(&f.q, 60));
    audit::record(&ctx.db, Some(me), "aspiration.export", &detail, now).await?;
    let (path, kind) = if form.format == "csv" { (out.csv, CSV) } else { (out.xlsx, XLSX) };
    files::stream_file(dir, path, kind)
}

/// `[from, to)` in Unix seconds for the days typed as `YYYY-MM-DD`, whole days in
/// `tz`; an empty or unreadable day leaves that side open. The queue and the map
/// filter by the same period.
pub(super) fn period_bounds(from: &str, to: &str, tz: Tz) -> (i64, i64) {
    let day = |s: &str, plus: i64| {
        let date = NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()?;
        let start = tz.from_local_datetime(&date.and_hms_opt(0, 0, 0)?).earliest()?;
        Some(start.timestamp() + plus)
    };
    (day(from, 0).unwrap_or(i64::MIN), day(to, 86_400).unwrap_or(i64::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::db::like_contains;

    #[test]
    fn typed_search_text_matches_literally() {
        assert_eq!(like_contains(" Jalan_Rusak% "), "%jalan\\_rusak\\%%");
    }

    #[test]
    fn a_period_is_whole_local_days() {
        let f = Filters { from: "2026-12-01".into(), to: "2026-12-01".into(), ..Default::default() };
        let (from, to) = f.period(chrono_tz::Asia::Jakarta);
        assert_eq!(to - from, 86_400);
        assert_eq!(from, 1_796_058_000); // 2026-12-01 00:00 WIB
        assert_eq!(Filters::default().period(chrono_tz::Asia::Jakarta), (i64::MIN, i64::MAX));
    }

    #[test]
    fn the_place_keeps_filters_and_page_and_nothing_else() {
        let f = Filters { status: "diterima".into(), q: "jalan rusak".into(), view: "mine".into(), ..Default::default() };
        assert_eq!(f.page_query(3), "view=mine&status=diterima&q=jalan+rusak&page=3");
        assert_eq!(Filters::default().page_query(1), "");
        assert_eq!(cookie_safe("q=a%3B+b;Path=/x\r\n"), "q=a%3B+bPath=x");
    }

    #[test]
    fn past_the_counted_total_pages_go_on_with_next_and_no_last_number() {
        let f = Filters::default();
        let exact = pager(Lang::Id, &f, 1, 120, true).into_string();
        assert!(exact.contains("page=3") && exact.contains("rel=\"next\""), "{exact}");
        let capped = pager(Lang::Id, &f, 1, COUNT_MAX + 1, true).into_string();
        assert!(capped.contains("rel=\"next\"") && !capped.contains(&format!("page={}\"", COUNT_MAX / PAGE)), "{capped}");
        let beyond = pager(Lang::Id, &f, 300, COUNT_MAX + 1, true).into_string();
        assert!(beyond.contains("page=301") && beyond.contains("page=299"), "{beyond}");
        let last = pager(Lang::Id, &f, 300, COUNT_MAX + 1, false).into_string();
        assert!(!last.contains("rel=\"next\""), "{last}");
    }
}

