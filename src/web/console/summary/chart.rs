//! The weekly chart of *Ringkasan*: submitted aspirations per week, stacked by
//! category, drawn on the server as inline SVG (no JavaScript, no image request),
//! with a legend in HTML so its words come from `messages/` like every other text.

use chrono::TimeZone;
use chrono_tz::Tz;
use maud::{Markup, html};

use crate::features::aspirations::tally::{Tallies, week_start};
use crate::features::aspirations::model::Category;
use crate::features::aspirations::render;
use crate::platform::i18n::{Arg, Lang, t, ta};

/// One colour per category in `Category::ALL` order (as the PNG chart of `/laporan`);
/// the legend's swatches repeat them as classes `c0`…`c8` in `console.css` (the
/// Content-Security-Policy allows no inline style).
const COLOURS: [&str; 9] = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#17becf"];
const W: f64 = 900.0;
const H: f64 = 260.0;
const LEFT: f64 = 44.0;
const RIGHT: f64 = 8.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = 26.0;
/// At most this many week labels under the bars.
const LABELS: usize = 13;

/// A round number at or above `n` (1, 2 or 5 times a power of ten), so the scale
/// reads easily.
pub fn nice_top(n: i64) -> i64 {
    let mut step = 1;
    loop {
        for f in [1, 2, 5] {
            if f * step >= n.max(1) {
                return f * step;
            }
        }
        step *= 10;
    }
}

/// The scale's lines for a `top` from [`nice_top`]: whole numbers only, at most six,
/// so no line claims "2" where it stands at 2.5.
pub fn ticks(top: i64) -> Vec<i64> {
    let top = top.max(1);
    let step = [1, 2, 5].iter().flat_map(|f| (0..12).map(move |p| f * 10_i64.pow(p))).filter(|s| top / s <= 5).min().unwrap_or(top);
    (0..=top / step).map(|i| i * step).chain((top % step != 0).then_some(top)).collect()
}

/// The chart for tally weeks `first..=last`; `None` when nothing was submitted.
pub fn weekly(lang: Lang, tallies: &Tallies, weeks: (i64, i64), tz: Tz) -> Option<Markup> {
    let (first, last) = weeks;
    let count = |w: i64, c: Category| tallies.by_week.get(&(w, c.code().to_string())).copied().unwrap_or(0);
    let totals: Vec<i64> = (first..=last).map(|w| Category::ALL.iter().map(|c| count(w, *c)).sum()).collect();
    let max = totals.iter().copied().max().unwrap_or(0);
    if max == 0 {
        return None;
    }
    let top = nice_top(max) as f64;
    let n = totals.len() as f64;
    let slot = (W - LEFT - RIGHT) / n;
    let y = |v: f64| H - BOTTOM - (H - BOTTOM - TOP) * v / top;
    let every = totals.len().div_ceil(LABELS);
    let label = |w: i64| tz.timestamp_opt(week_start(w), 0).single().map(|d| d.format("%d/%m").to_string()).unwrap_or_default();
    let present: Vec<(usize, Category)> =
        Category::ALL.iter().copied().enumerate().filter(|(_, c)| (first..=last).any(|w| count(w, *c) > 0)).collect();
    let mut bars = Vec::new();
    let mut labels = Vec::new();
    for (i, w) in (first..=last).enumerate() {
        let x = LEFT + slot * i as f64 + slot * 0.15;
        let mut base = 0;
        for (ci, c) in &present {
            let v = count(w, *c);
            if v > 0 {
                let (y0, y1) = (y(base as f64), y((base + v) as f64));
                bars.push((x, y1, y0 - y1, COLOURS[*ci], format!("{} · {}: {v}", label(w), render::category(lang, *c))));
            }
            base += v;
        }
        if i % every == 0 {
            labels.push((x + slot * 0.35, label(w)));
        }
    }
    let title = t(lang, "console-chart-title");
    Some(html! {
        figure.chart {
            svg viewBox={ "0 0 " (W) " " (H) } role="img" aria-label=(title) preserveAspectRatio="xMidYMid meet" {
                @for v in ticks(top as i64) {
                    line.grid x1=(LEFT) x2=(W - RIGHT) y1=(y(v as f64)) y2=(y(v as f64)) stroke="#d8dde4" {}
                    text x=(LEFT - 6.0) y=(y(v as f64) + 4.0) text-anchor="end" font-size="11" { (v) }
                }
                @for (x, top_y, height, colour, tip) in &bars {
                    rect x=(x) y=(top_y) width=(slot * 0.7) height=(height) fill=(colour) { title { (tip) } }
                }
                @for (x, text) in &labels {
                    text x=(x) y=(H - 8.0) text-anchor="middle" font-size="11" { (text) }
                }
            }
            figcaption {
                (ta(lang, "console-chart-caption", &[("weeks", Arg::from(totals.len() as i64))]))
                ul.legend {
                    @for (ci, c) in &present {
                        li { span class={ "swatch c" (ci) } {} (render::category(lang, *c)) }
                    }
                }
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scale_ends_on_a_round_number() {
        let cases = [(0, 1), (1, 1), (3, 5), (7, 10), (11, 20), (180, 200), (4321, 5000)];
        for (n, top) in cases {
            assert_eq!(nice_top(n), top, "{n}");
        }
    }

    #[test]
    fn gridlines_stand_at_whole_numbers_they_name() {
        let cases: [(i64, &[i64]); 6] =
            [(1, &[0, 1]), (2, &[0, 1, 2]), (5, &[0, 1, 2, 3, 4, 5]), (10, &[0, 2, 4, 6, 8, 10]), (20, &[0, 5, 10, 15, 20]), (50, &[0, 10, 20, 30, 40, 50])];
        for (top, want) in cases {
            assert_eq!(ticks(top), want, "{top}");
        }
    }

    #[test]
    fn no_chart_without_tickets_and_one_bar_per_category_and_week() {
        let mut tallies = Tallies::default();
        let tz = chrono_tz::Asia::Jakarta;
        assert!(weekly(Lang::Id, &tallies, (2970, 2971), tz).is_none());
        tallies.by_week.insert((2970, "ekonomi".into()), 3);
        tallies.by_week.insert((2971, "ekonomi".into()), 1);
        tallies.by_week.insert((2971, "kesehatan".into()), 2);
        let svg = weekly(Lang::Id, &tallies, (2970, 2971), tz).unwrap().into_string();
        assert_eq!(svg.matches("<rect").count(), 3, "{svg}");
        assert_eq!(svg.matches("class=\"swatch c").count(), 2, "{svg}");
        assert!(!svg.contains("style="), "no inline style under the CSP: {svg}");
    }
}
