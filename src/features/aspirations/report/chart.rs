//! The PNG sent with a report: aspirations per week, stacked by category. Drawn with
//! plotters' bitmap backend and the DejaVu Sans font embedded in the binary, so it
//! renders on a server without fontconfig or any system fonts.

use std::path::Path;

use chrono::Duration;
use plotters::prelude::*;

use crate::platform::export::ExportError;
use super::category_label;
use crate::platform::export::period::Period;
use super::summary::{Stats, week_of};
use crate::features::aspirations::model::Category;
use crate::platform::i18n::{Lang, t};

pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 700;

/// One colour per category, in `Category::ALL` order, distinguishable in print.
const COLOURS: [RGBColor; 9] = [
    RGBColor(31, 119, 180),
    RGBColor(255, 127, 14),
    RGBColor(44, 160, 44),
    RGBColor(214, 39, 40),
    RGBColor(148, 103, 189),
    RGBColor(140, 86, 75),
    RGBColor(227, 119, 194),
    RGBColor(127, 127, 127),
    RGBColor(23, 190, 207),
];

/// Mondays of every week the period touches.
fn weeks(period: Period) -> Vec<chrono::NaiveDate> {
    let tz = chrono_tz::UTC;
    let mut monday = week_of(crate::platform::export::period::local_midnight(period.from, tz), tz);
    let mut out = Vec::new();
    while monday <= period.to {
        out.push(monday);
        monday += Duration::days(7);
    }
    out
}

/// Draws the chart into `path` (PNG).
pub fn render(stats: &Stats, period: Period, lang: Lang, path: &Path) -> Result<(), ExportError> {
    crate::platform::export::font::register();
    let weeks = weeks(period);
    let totals: Vec<u64> = weeks
        .iter()
        .map(|w| Category::ALL.iter().map(|c| stats.by_week.get(&(*w, c.code().to_string())).copied().unwrap_or(0)).sum())
        .collect();
    // Headroom above the tallest bar for the legend box; whole counts on the axis.
    let top = ((totals.iter().copied().max().unwrap_or(0) as f64 * 1.5).ceil() as u64).max(5);
    let root = BitMapBackend::new(path, (WIDTH, HEIGHT)).into_drawing_area();
    let err = |e: &dyn std::fmt::Display| ExportError::Chart(e.to_string());
    root.fill(&WHITE).map_err(|e| err(&e))?;
    let title = format!("{} ({})", t(lang, "rep-chart-title"), period.label());
    let n = weeks.len() as f64;
    let mut chart = ChartBuilder::on(&root)
        .caption(title, (FontFamily::SansSerif, 26))
        .margin(20)
        .x_label_area_size(50)
        .y_label_area_size(60)
        .build_cartesian_2d(-0.5f64..(n - 0.5), 0u64..top)
        .map_err(|e| err(&e))?;
    let labels: Vec<String> = weeks.iter().map(|w| w.format("%d/%m").to_string()).collect();
    let every = label_stride(weeks.len());
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(weeks.len())
        .x_label_formatter(&|x| week_label(&labels, *x, every))
        .y_labels(y_ticks(top))
        .y_label_formatter(&|y| y.to_string())
        .x_desc(t(lang, "rep-chart-week"))
        .y_desc(t(lang, "rep-chart-count"))
        .label_style((FontFamily::SansSerif, 16))
        .draw()
        .map_err(|e| err(&e))?;
    draw_bars(&mut chart, stats, &weeks, lang)?;
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperRight)
        .background_style(WHITE.mix(0.85))
        .border_style(BLACK)
        .label_font((FontFamily::SansSerif, 16))
        .draw()
        .map_err(|e| err(&e))?;
    root.present().map_err(|e| err(&e))?;
    Ok(())
}

/// Most week labels that fit under the bars side by side (a `dd/mm` at 16 px).
const MAX_WEEK_LABELS: usize = 18;

/// Label every n-th week so that at most [`MAX_WEEK_LABELS`] are shown: a whole
/// year (53 weeks) shows every third Monday.
fn label_stride(weeks: usize) -> usize {
    weeks.div_ceil(MAX_WEEK_LABELS).max(1)
}

/// The label under bar `x`, if `x` is a bar's centre and one of every `every`.
fn week_label(labels: &[String], x: f64, every: usize) -> String {
    let i = x.round();
    if (x - i).abs() > 0.01 || i < 0.0 || (i as usize) % every != 0 {
        return String::new();
    }
    labels.get(i as usize).cloned().unwrap_or_default()
}

/// How many y labels to ask for: one per whole count up to 10, then plotters picks
/// round steps (2, 5, 10 …) among the integers.
fn y_ticks(top: u64) -> usize {
    (top as usize + 1).min(11)
}

type Chart<'a, 'b> = ChartContext<'a, BitMapBackend<'b>, Cartesian2d<plotters::coord::types::RangedCoordf64, plotters::coord::types::RangedCoordu64>>;

/// One series per category, each bar stacked on the categories before it.
fn draw_bars(chart: &mut Chart<'_, '_>, stats: &Stats, weeks: &[chrono::NaiveDate], lang: Lang) -> Result<(), ExportError> {
    let err = |e: &dyn std::fmt::Display| ExportError::Chart(e.to_string());
    let mut base = vec![0u64; weeks.len()];
    for (ci, cat) in Category::ALL.iter().enumerate() {
        let colour = COLOURS[ci];
        let bars: Vec<Rectangle<(f64, u64)>> = weeks
            .iter()
            .enumerate()
            .filter_map(|(i, w)| {
                let n = stats.by_week.get(&(*w, cat.code().to_string())).copied().unwrap_or(0);
                let bottom = base[i];
                base[i] += n;
                (n > 0).then(|| Rectangle::new([(i as f64 - 0.35, bottom), (i as f64 + 0.35, base[i])], colour.filled()))
            })
            .collect();
        let shown = !bars.is_empty();
        let series = chart.draw_series(bars).map_err(|e| err(&e))?;
        if shown {
            series
                .label(category_label(lang, cat.code()))
                .legend(move |(x, y)| Rectangle::new([(x, y - 6), (x + 12, y + 6)], colour.filled()));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_whole_year_labels_every_third_week_and_a_month_every_week() {
        assert_eq!(label_stride(5), 1);
        assert_eq!(label_stride(18), 1);
        assert_eq!(label_stride(53), 3);
        let labels: Vec<String> = (0..53).map(|i| format!("w{i}")).collect();
        let shown: Vec<String> = (0..53).map(|i| week_label(&labels, i as f64, 3)).filter(|l| !l.is_empty()).collect();
        assert_eq!(shown.len(), 18);
        assert_eq!(week_label(&labels, 1.5, 1), "");
    }
}
