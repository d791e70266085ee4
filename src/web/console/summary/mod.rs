//! *Ringkasan*: for a period (this week, month or year, or chosen dates) and an area
//! within the person's scope — aspirations submitted, still open and overdue, the
//! median time to first response, counts by category and by area, a weekly chart by
//! category ([`chart`]), the UMKM registry by sector and need, upcoming trainings
//! with their fill rate and the latest announcements with delivered/failed
//! ([`extras`]), and how the agencies (OPD) handled the tickets sent to them
//! ([`agencies`]). The aspiration numbers come from trigger-kept tallies ([`tally`]),
//! so a year over a million tickets stays quick. An area outside the scope is "not
//! found", like a missing one.

mod agencies;
mod chart;
mod extras;
pub 
use std::collections::BTreeMap;

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::{Datelike, NaiveDate, TimeZone};
use chrono_tz::Tz;
use maud::{Markup, html};
use serde::Deserialize;

use super::layout;
use super::nav;
use super::{ConsoleError, Ctx, Staff};
use crate::features::announcements::model::common_path;
use crate::features::aspirations::model::Category;
use crate::features::aspirations::render;
use crate::kernel::members::{Area, Kim, KimId, covers, display_path};
use crate::platform::export::period::{Period, Preset};
use crate::platform::i18n::{Arg, Lang, t, ta};
use crate::features::aspirations::tally::{self, Counts, Tallies, week_of};

/// The form as typed; unknown values fall back to this month.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Params {
    #[serde(default)]
    period: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    area: String,
}

/// The period choices, as sent by the form.
const PERIODS: [&str; 4] = ["week", "month", "year", "dates"];

impl Params {
    /// Typed dates win over the period list: someone who types March means March,
    /// whatever the list still says (the list then shows "Tanggal pilihan").
    fn choice(&self) -> &str {
        if !self.from.trim().is_empty() || !self.to.trim().is_empty() {
            "dates"
        } else if PERIODS.contains(&self.period.as_str()) {
            self.period.as_str()
        } else {
            "month"
        }
    }

    /// The period asked for; `Err` for chosen dates that do not make a period.
    fn period(&self, now: i64, tz: Tz) -> Result<Period, ()> {
        let today = tz.timestamp_opt(now, 0).single().map(|d| d.date_naive()).unwrap_or_default();
        let day = |s: &str| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok();
        match self.choice() {
            "week" => Ok(Period::preset(Preset::ThisWeek, now, tz)),
            "year" => Ok(Period { from: today.with_ordinal(1).unwrap_or(today), to: today }),
            "dates" => match (day(&self.from), day(&self.to)) {
                (Some(from), Some(to)) => Period::new(from, to).map_err(|_| ()),
                _ => Err(()),
            },
            _ => Ok(Period::preset(Preset::ThisMonth, now, tz)),
        }
    }
}

/// Areas one may pick: admins any; staff those inside their scope; coordinators the
/// kelurahan of their KIMs — each only if some KIM of the scope lies in it.
pub async fn choices(ctx: &Ctx, staff: &Staff, kims: &[Kim]) -> Result<Vec<Area>, ConsoleError> {
    let all = every_area(ctx).await?;
    let actor = &staff.actor;
    Ok(all
        .into_iter()
        .filter(|a| {
            let mine = actor.is_admin
                || actor.staff_areas.iter().any(|s| covers(s, &a.path))
                || kims.iter().any(|k| k.kelurahan_id == a.id && actor.coordinator_kims.contains(&k.id));
            mine && kims.iter().any(|k| covers(&a.path, &k.area_path))
        })
        .collect())
}

async fn every_area(ctx: &Ctx) -> Result<Vec<Area>, ConsoleError> {
    Ok(crate::kernel::members::areas::all(&ctx.db).await?)
}

/// The area picker (indented by depth), shown only when there is a choice.
pub fn area_select(lang: Lang, offered: &[Area], current: &str) -> Markup {
    html! {
        @if !offered.is_empty() {
            label { (t(lang, "console-summary-area"))
                select name="area" {
                    option value="" { (t(lang, "console-summary-area-all")) }
                    @for a in offered {
                        @let depth = a.path.matches('/').count();
                        option value=(a.id) selected[current.trim() == a.id.to_string()] { ("\u{a0}\u{a0}".repeat(depth)) (a.name) }
                    }
                }
            }
        }
    }
}

/// The area a form names, if offered to this person; anything else is "not found".
pub fn chosen<'a>(raw: &str, offered: &'a [Area]) -> Result<Option<&'a Area>, ConsoleError> {
    if raw.trim().is_empty() {
        return Ok(None);
    }
    let id: i64 = raw.trim().parse().map_err(|_| ConsoleError::NotFound)?;
    offered.iter().find(|a| a.id == id).map(Some).ok_or(ConsoleError::NotFound)
}

pub async fn page(State(ctx): State<Ctx>, staff: Staff, Query(p): Query<Params>) -> Result<Response, ConsoleError> {
    let (lang, tz, now) = (staff.lang, ctx.config.tz, ctx.now());
    let scope = staff.kims(&ctx).await?;
    let offered = choices(&ctx, &staff, &scope).await?;
    let area = chosen(&p.area, &offered)?;
    let kims: Vec<Kim> = scope.into_iter().filter(|k| area.is_none_or(|a| covers(&a.path, &k.area_path))).collect();
    let (period, bad) = match p.period(now, tz) {
        Ok(period) => (period, false),
        Err(()) => (Period::preset(Preset::ThisMonth, now, tz), true),
    };
    let (from, to) = period.bounds(tz);
    let ids: Vec<i64> = kims.iter().map(|k| k.id.get()).collect();
    let tallies = tally::gather(&ctx.db, &ids, from, to).await?;
    let umkm = crate::features::umkm::tally::umkm(&ctx.db, &ids).await?;
    let trainings = extras::upcoming_trainings(&ctx, &staff, &ids).await?;
    let announcements = extras::latest_announcements(&ctx, &staff, area.map(|a| a.path.as_str())).await?;
    let agencies = agencies::table(&ctx, &ids, (from, to)).await?;
    let area_label = area.map_or_else(|| t(lang, "console-summary-area-all"), |a| display_path(&a.path));
    let body = html! {
        (form(lang, &p, &offered))
        @if bad { p.flash.late role="alert" { (t(lang, "console-summary-bad-period")) } }
        p { (ta(lang, "console-summary-showing", &[("period", Arg::from(period.label())), ("area", Arg::from(area_label))])) }
        (tiles(lang, &tallies))
        (layout::glossary(lang, ctx.config.sla.working_days, false))
        section.card {
            h2 { (t(lang, "console-chart-title")) }
            @match chart::weekly(lang, &tallies, (week_of(from), week_of(to - 1)), tz) {
                Some(svg) => (svg),
                None => p.empty { (t(lang, "console-chart-none")) },
            }
        }
        div.columns {
            (counts_card(lang, t(lang, "console-by-category"), t(lang, "console-col-category"), by_category(lang, &tallies)))
            (counts_card(lang, t(lang, "console-summary-by-area"), t(lang, "console-col-area"), by_area(&tallies, &kims)))
        }
        (agencies::card(&ctx, lang, &agencies))
        (extras::umkm_card(lang, &umkm))
        div.columns {
            (extras::trainings_card(lang, &trainings, tz))
            (extras::announcements_card(lang, &announcements))
        }
    };
    let status = if bad { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    let page = layout::page(&staff, nav::SUMMARY.path, &t(lang, "console-summary-title"), body);
    Ok((status, layout::no_store(), page).into_response())
}

fn form(lang: Lang, p: &Params, offered: &[Area]) -> Markup {
    let current = p.choice();
    html! {
        form.filters method="get" action="/dasbor/ringkasan" {
            label { (t(lang, "console-summary-period"))
                select name="period" {
                    @for code in PERIODS {
                        option value=(code) selected[code == current] { (t(lang, &format!("console-period-{code}"))) }
                    }
                }
            }
            label { (t(lang, "console-filter-from")) input type="date" name="from" value=(p.from); }
            label { (t(lang, "console-filter-to")) input type="date" name="to" value=(p.to); }
            (area_select(lang, offered, &p.area))
            p.hint { (t(lang, "console-summary-dates-win")) }
            button type="submit" { (t(lang, "console-filter-apply")) }
        }
    }
}

fn tiles(lang: Lang, tallies: &Tallies) -> Markup {
    let total = tallies.total();
    let median = match tallies.median_response() {
        None => t(lang, "console-median-none"),
        Some(Ok(secs)) => duration(lang, secs),
        Some(Err(lower)) => ta(lang, "console-median-over", &[("days", Arg::from(lower / 86_400))]),
    };
    html! {
        section.tiles {
            div.tile { span.num { (total.n) } span { (t(lang, "console-tile-new")) } }
            div.tile { span.num { (total.open) } span { (t(lang, "console-tile-open")) } small { (t(lang, "console-tile-of-period")) } }
            div.tile.late { span.num { (total.overdue) } span { (t(lang, "console-tile-overdue")) } small { (t(lang, "console-tile-of-period")) } }
            div.tile { span.num { (median) } span { (t(lang, "console-tile-median")) } small { (t(lang, "console-tile-median-note")) } }
        }
    }
}

/// "≈ 5 jam" under a day, "≈ 1,5 hari" from a day on (the reader's decimal sign).
fn duration(lang: Lang, secs: i64) -> String {
    if secs < 86_400 {
        return ta(lang, "console-median-hours", &[("hours", Arg::from(((secs + 1800) / 3600).max(1)))]);
    }
    let days = format!("{:.1}", secs as f64 / 86_400.0);
    let days = if lang == Lang::Id { days.replace('.', ",") } else { days };
    ta(lang, "console-median-days", &[("days", Arg::from(days))])
}

fn by_category(lang: Lang, tallies: &Tallies) -> Vec<(String, Counts)> {
    let counts = tallies.by_category();
    let mut rows: Vec<(String, Counts)> = Category::ALL
        .iter()
        .filter_map(|c| counts.get(c.code()).filter(|n| n.n > 0).map(|n| (render::category(lang, *c), *n)))
        .collect();
    rows.sort_by_key(|(_, c)| -c.n);
    rows
}

/// Counts one level below what the KIMs share (kecamatan for a city, kelurahan for
/// a kecamatan, the KIM itself within one kelurahan).
fn by_area(tallies: &Tallies, kims: &[Kim]) -> Vec<(String, Counts)> {
    let depth = common_path(kims.iter().map(|k| k.area_path.as_str())).split('/').count();
    let mut groups: BTreeMap<String, Counts> = BTreeMap::new();
    for (kim_id, counts) in tallies.by_kim() {
        let Some(kim) = kims.iter().find(|k| k.id == KimId(kim_id)) else { continue };
        let key = kim.area_path.split('/').nth(depth).map_or_else(|| kim.name.clone(), str::to_string);
        *groups.entry(key).or_default() += counts;
    }
    let mut rows: Vec<(String, Counts)> = groups.into_iter().filter(|(_, c)| c.n > 0).collect();
    rows.sort_by_key(|(_, c)| -c.n);
    rows
}

fn counts_card(lang: Lang, title: String, first: String, rows: Vec<(String, Counts)>) -> Markup {
    html! {
        section.card {
            h2 { (title) }
            @if rows.is_empty() { p.empty { (t(lang, "console-chart-none")) } }
            @else {
                table.counts {
                    thead { tr {
                        th { (first) } th.num { (t(lang, "console-col-count")) }
                        th.num { (t(lang, "console-col-open")) } th.num { (t(lang, "console-overdue")) }
                    } }
                    tbody { @for (k, c) in rows { tr { td { (k) } td.num { (c.n) } td.num { (c.open) } td.num { (c.overdue) } } } }
                }
            }
        }
    }
}
