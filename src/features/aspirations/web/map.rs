//! *Peta*: tickets with a location as pins on a map (Leaflet with marker clusters,
//! embedded in the binary, see `assets/leaflet/`), filtered like the queue (status,
//! area, period), with the same tickets listed beside it so the page is useful when
//! the tiles (`KIMBOT_MAP_TILES`) or the script do not load. The pins come as JSON
//! from `/dasbor/peta/data`. Anonymity as everywhere: a coordinator gets no pin of
//! an anonymous ticket.

use std::collections::HashMap;

use axum::Json;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use chrono_tz::Tz;
use maud::{Markup, html};
use serde::{Deserialize, Serialize};

use crate::features::aspirations::desk_store::{self, Pin};
use crate::features::aspirations::model::{self, Access, AspirationId, Category, Status, local_time};
use crate::features::aspirations::render;
use crate::kernel::members::{Area, covers};
use crate::platform::i18n::{Lang, t, ta, Arg};
use crate::web::console::summary;
use crate::web::console::{ConsoleError, Ctx, NavEntry, Staff, layout};

/// *Peta* in the navigation.
pub const NAV: NavEntry = NavEntry { path: "/dasbor/peta", label: "console-nav-map", order: 13, shown: NavEntry::everyone };

/// Pins at most (the newest); the page says when there are more.
pub const MAX_PINS: i64 = 2000;

/// The filters, as in the queue's form.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct MapFilters {
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub area: String,
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
}

impl MapFilters {
    fn status(&self) -> Option<Status> {
        Status::parse(&self.status)
    }

    /// `[from, to)` in Unix seconds, whole days in `tz`.
    fn period(&self, tz: Tz) -> (i64, i64) {
        super::queue::period_bounds(&self.from, &self.to, tz)
    }

    fn query(&self) -> String {
        let mut s = url::form_urlencoded::Serializer::new(String::new());
        for (k, v) in [("status", &self.status), ("area", &self.area), ("from", &self.from), ("to", &self.to)] {
            if !v.is_empty() {
                s.append_pair(k, v);
            }
        }
        s.finish()
    }
}

/// One pin as the page's script reads it.
#[derive(Debug, Serialize)]
pub struct PinJson {
    pub id: AspirationId,
    pub ticket: String,
    pub lat: f64,
    pub lon: f64,
    pub status: String,
    pub category: String,
    pub kim: String,
    pub url: String,
}

/// The reader's pins and the areas offered in the filter.
async fn pins(ctx: &Ctx, staff: &Staff, f: &MapFilters) -> Result<(Vec<Pin>, Vec<Area>), ConsoleError> {
    let scope = staff.kims(ctx).await?;
    let offered = summary::choices(ctx, staff, &scope).await?;
    let area = summary::chosen(&f.area, &offered)?;
    let kims: Vec<_> = scope.iter().filter(|k| area.is_none_or(|a| covers(&a.path, &k.area_path))).collect();
    let ids: Vec<i64> = kims.iter().map(|k| k.id.get()).collect();
    let hidden: Vec<i64> = kims.iter().filter(|k| model::access(&staff.actor, k) != Access::Triage).map(|k| k.id.get()).collect();
    let status = f.status().map_or("", Status::as_str);
    let found = desk_store::pins(&ctx.db, &ids, &hidden, status, f.period(ctx.config.tz), MAX_PINS + 1).await?;
    Ok((found, offered))
}

fn degrees(e6: i64) -> f64 {
    e6 as f64 / 1e6
}

/// Status and category names in the reader's language, each looked up once: with
/// 2,000 pins, a message lookup per pin was most of the page's time.
struct Labels {
    lang: Lang,
    seen: HashMap<String, String>,
}

impl Labels {
    fn new(lang: Lang) -> Labels {
        Labels { lang, seen: HashMap::new() }
    }

    fn status(&mut self, code: &str) -> String {
        let lang = self.lang;
        self.seen
            .entry(format!("s:{code}"))
            .or_insert_with(|| Status::parse(code).map_or_else(|| code.to_string(), |s| render::status(lang, s)))
            .clone()
    }

    fn category(&mut self, code: &str) -> String {
        let lang = self.lang;
        self.seen
            .entry(format!("c:{code}"))
            .or_insert_with(|| Category::parse(code).map_or_else(|| code.to_string(), |c| render::category(lang, c)))
            .clone()
    }
}

fn to_json(labels: &mut Labels, p: &Pin) -> PinJson {
    PinJson {
        id: p.id,
        ticket: p.number.clone(),
        lat: degrees(p.lat_e6),
        lon: degrees(p.lon_e6),
        status: labels.status(&p.status),
        category: labels.category(&p.category),
        kim: p.kim.clone(),
        url: format!("/dasbor/aspirasi/{}", p.id),
    }
}

/// `/dasbor/peta/data`: `{"pins": [...], "more": bool}`.
pub async fn data(State(ctx): State<Ctx>, staff: Staff, Query(f): Query<MapFilters>) -> Result<Response, ConsoleError> {
    let (mut found, _) = pins(&ctx, &staff, &f).await?;
    let more = found.len() as i64 > MAX_PINS;
    found.truncate(MAX_PINS as usize);
    let mut labels = Labels::new(staff.lang);
    let list: Vec<PinJson> = found.iter().map(|p| to_json(&mut labels, p)).collect();
    Ok((layout::no_store(), Json(serde_json::json!({ "pins": list, "more": more }))).into_response())
}

pub async fn page(State(ctx): State<Ctx>, staff: Staff, Query(f): Query<MapFilters>) -> Result<Response, ConsoleError> {
    let (mut found, offered) = pins(&ctx, &staff, &f).await?;
    let more = found.len() as i64 > MAX_PINS;
    found.truncate(MAX_PINS as usize);
    let lang = staff.lang;
    let tz = ctx.config.tz;
    let data_url = format!("/dasbor/peta/data?{}", f.query());
    let mut labels = Labels::new(lang);
    let listed: Vec<(&Pin, String, String)> = found.iter().map(|p| (p, labels.category(&p.category), labels.status(&p.status))).collect();
    let body = html! {
        (filter_form(lang, &f, &offered))
        @if more { p.flash role="status" { (ta(lang, "console-map-more", &[("max", Arg::from(MAX_PINS))])) } }
        div.map-page {
            div id="peta" class="map" data-tiles=(ctx.config.map.tiles) data-src=(data_url) data-attribution=(t(lang, "console-map-attribution")) role="region" aria-label=(t(lang, "console-nav-map")) {
                p.map-fallback { (t(lang, "console-map-no-script")) }
            }
            section.card.map-list {
                h2 { (ta(lang, "console-map-list", &[("n", Arg::from(found.len() as i64))])) }
                @if found.is_empty() { p.empty { (t(lang, "console-map-empty")) } }
                ol {
                    @for (p, category, status) in &listed {
                        li {
                            a href={ "/dasbor/aspirasi/" (p.id) } { (p.number) } " · "
                            (category) " · " (status) " · " (p.kim) " · " time { (local_time(p.created_at, tz)) }
                        }
                    }
                }
            }
        }
        link rel="stylesheet" href="/dasbor/peta/aset/leaflet.css";
        link rel="stylesheet" href="/dasbor/peta/aset/MarkerCluster.css";
        link rel="stylesheet" href="/dasbor/peta/aset/MarkerCluster.Default.css";
        script src="/dasbor/peta/aset/leaflet.js" defer {}
        script src="/dasbor/peta/aset/leaflet.markercluster.js" defer {}
        script src="/dasbor/peta/aset/desk.js" defer {}
    };
    Ok((layout::no_store(), layout::page(&staff, NAV.path, &t(lang, "console-map-title"), body)).into_response())
}

fn filter_form(lang: Lang, f: &MapFilters, offered: &[Area]) -> Markup {
    html! {
        form.filters method="get" action="/dasbor/peta" {
            label { (t(lang, "console-filter-status"))
                select name="status" {
                    option value="" { (t(lang, "console-filter-all")) }
                    @for s in Status::ALL { option value=(s.as_str()) selected[f.status() == Some(s)] { (render::status(lang, s)) } }
                }
            }
            (summary::area_select(lang, offered, &f.area))
            label { (t(lang, "console-filter-from")) input type="date" name="from" value=(f.from); }
            label { (t(lang, "console-filter-to")) input type="date" name="to" value=(f.to); }
            button type="submit" { (t(lang, "console-filter-apply")) }
        }
    }
}
