//! *Aspirasi*: the queue of tickets in the person's scope, newest or oldest first,
//! with filters (status, category, area, period, overdue, text) and keyset paging
//! (`before`/`after` = the last id shown), so page 1,000 costs what page 1 does.

use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use chrono::{NaiveDate, TimeZone};
use chrono_tz::Tz;
use maud::{Markup, html};
use serde::Deserialize;

use super::NAV;
use crate::features::aspirations::model::{Category, Status, local_time};
use crate::features::aspirations::render::{self, clip};
use crate::features::aspirations::store::{self, Browse, QueueRow};
use crate::kernel::members::{Area, covers};
use crate::platform::audit;
use crate::platform::db::{Db, DbResult};
use crate::platform::i18n::{Arg, Lang, t, ta};
use crate::web::console::summary;
use crate::web::console::{ConsoleError, Ctx, Staff, layout};

/// Rows per page.
pub const PAGE: i64 = 50;
/// The longest search text (characters) the queue looks for; longer text is cut to
/// it (and the page says so): a huge `q` would make an unbounded `LIKE` pattern,
/// which SQLite refuses outright.
pub const Q_MAX: usize = 100;

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
        self.overdue == "1"
    }
    /// `[from, to)` in Unix seconds, whole days in `tz`.
    fn period(&self, tz: Tz) -> (i64, i64) {
        let day = |s: &str, plus: i64| {
            let date = NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()?;
            let start = tz.from_local_datetime(&date.and_hms_opt(0, 0, 0)?).earliest()?;
            Some(start.timestamp() + plus)
        };
        (day(&self.from, 0).unwrap_or(i64::MIN), day(&self.to, 86_400).unwrap_or(i64::MAX))
    }
    /// The query string for the page after the row `last`.
    fn next(&self, last: i64) -> String {
        let mut s = url::form_urlencoded::Serializer::new(String::new());
        let fields = [
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
        s.append_pair(if self.oldest_first() { "after" } else { "before" }, &last.to_string());
        s.finish()
    }
}

/// Up to `PAGE + 1` rows (the extra one says there is a next page).
async fn rows(db: &Db, kims: &[i64], f: &Filters, tz: Tz) -> DbResult<Vec<QueueRow>> {
    let (from, to) = f.period(tz);
    let cursor = if f.oldest_first() { f.after.unwrap_or(i64::MIN) } else { f.before.unwrap_or(i64::MAX) };
    let browse = Browse { status: f.status(), category: f.category(), from, to, text: f.q.trim(), oldest_first: f.oldest_first(), cursor, overdue_only: f.overdue_only() };
    store::browse(db, kims, &browse, PAGE + 1).await
}

pub async fn page(State(ctx): State<Ctx>, staff: Staff, Query(mut f): Query<Filters>) -> Result<Response, ConsoleError> {
    let cut = f.q.chars().count() > Q_MAX;
    if cut {
        f.q = f.q.chars().take(Q_MAX).collect();
    }
    let scope = staff.kims(&ctx).await?;
    let offered = summary::choices(&ctx, &staff, &scope).await?;
    let area = summary::chosen(&f.area, &offered)?;
    let kims: Vec<i64> = scope.iter().filter(|k| area.is_none_or(|a| covers(&a.path, &k.area_path))).map(|k| k.id).collect();
    let tz = ctx.config.tz;
    let mut found = rows(&ctx.db, &kims, &f, tz).await?;
    let more = found.len() as i64 > PAGE;
    found.truncate(PAGE as usize);
    let detail = format!("status={} category={} area={} overdue={} q={}", f.status, f.category, f.area, f.overdue, clip(&f.q, 60));
    audit::record(&ctx.db, Some(staff.actor.user_id), "console.queue", &detail, ctx.now()).await?;
    let lang = staff.lang;
    let next = more.then(|| found.last().map(|r| f.next(r.id))).flatten();
    let body = html! {
        @if cut { p.flash role="status" { (ta(lang, "console-search-cut", &[("max", Arg::from(Q_MAX as i64))])) } }
        (filter_form(lang, &f, &offered))
        (layout::glossary(lang, ctx.config.sla.working_days, false))
        @if found.is_empty() {
            p.empty { (t(lang, "console-queue-empty")) }
        } @else {
            (table(lang, &found, tz))
        }
        @if let Some(next) = next {
            p { a.button href={ "/dasbor/aspirasi?" (next) } { (t(lang, "console-next-page")) } }
        }
    };
    Ok((layout::no_store(), layout::page(&staff, NAV.path, &t(lang, "console-queue-title"), body)).into_response())
}

fn filter_form(lang: Lang, f: &Filters, offered: &[Area]) -> Markup {
    html! {
        form.filters method="get" action="/dasbor/aspirasi" {
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
            label { (t(lang, "console-filter-text")) input type="search" name="q" value=(f.q) maxlength=(Q_MAX); }
            label.check { input type="checkbox" name="overdue" value="1" checked[f.overdue_only()]; " " (t(lang, "console-filter-overdue")) }
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

fn table(lang: Lang, rows: &[QueueRow], tz: Tz) -> Markup {
    html! {
        table.queue {
            thead { tr {
                th { (t(lang, "console-col-ticket")) } th { (t(lang, "console-col-sent")) }
                th { (t(lang, "console-col-kim")) } th { (t(lang, "console-col-category")) }
                th { (t(lang, "console-col-status")) } th { (t(lang, "console-col-text")) }
            } }
            tbody {
                @for r in rows {
                    tr {
                        td { a href={ "/dasbor/aspirasi/" (r.id) } { (r.number) } }
                        td { (local_time(r.created_at, tz)) }
                        td { (r.kim) }
                        td { @if let Some(c) = r.category { (render::category(lang, c)) } }
                        td {
                            @if let Some(s) = r.status { (render::status(lang, s)) }
                            @if r.overdue && r.status == Some(Status::Diterima) { " " span.late { (t(lang, "console-overdue")) } }
                        }
                        td.text { (clip(&r.body, 120)) }
                    }
                }
            }
        }
    }
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
}
