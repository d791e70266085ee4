//! The PNG sent with a survey's results: one panel per choice or scale question,
//! a horizontal bar per answer (labels are words, and phones are narrow). Drawn like
//! the reports' chart, with the same embedded font.

use std::path::Path;

use plotters::prelude::*;

use super::model::Kind;
use super::results::{QuestionResult, Results};
use crate::platform::export::ExportError;
use crate::platform::i18n::{Lang, t};

pub const WIDTH: u32 = 1000;
/// Height of one question's panel.
pub const PANEL: u32 = 280;

const BAR: RGBColor = RGBColor(31, 119, 180);

fn err(e: impl std::fmt::Display) -> ExportError {
    ExportError::Chart(e.to_string())
}

/// Draws the chart into `path` (PNG): `WIDTH` wide, `PANEL` high per charted question.
pub fn render(r: &Results, lang: Lang, path: &Path) -> Result<(), ExportError> {
    crate::platform::export::font::register();
    let charted: Vec<&QuestionResult> = r.questions.iter().filter(|q| q.question.q.kind != Kind::Text).collect();
    let panels = charted.len().max(1);
    let root = BitMapBackend::new(path, (WIDTH, PANEL * panels as u32 + 60)).into_drawing_area();
    root.fill(&WHITE).map_err(err)?;
    let title = format!("{} ({} {})", r.survey.title, r.respondents, t(lang, "sv-chart-respondents"));
    let root = root.titled(&title, (FontFamily::SansSerif, 24)).map_err(err)?;
    if charted.is_empty() {
        if r.withheld {
            // The embedded font has no emoji.
            let note = super::render::withheld(lang).trim_start_matches(|c: char| !c.is_alphanumeric()).to_string();
            root.draw(&Text::new(note, (20, 20), (FontFamily::SansSerif, 16))).map_err(err)?;
        }
        root.present().map_err(err)?;
        return Ok(());
    }
    for (area, q) in root.split_evenly((panels, 1)).iter().zip(charted) {
        panel(area, q)?;
    }
    root.present().map_err(err)?;
    Ok(())
}

fn short(s: &str, max: usize) -> String {
    if s.chars().count() <= max { s.to_string() } else { format!("{}…", s.chars().take(max - 1).collect::<String>()) }
}

fn panel(area: &DrawingArea<BitMapBackend<'_>, plotters::coord::Shift>, q: &QuestionResult) -> Result<(), ExportError> {
    let n = q.labels.len();
    let top = (q.totals.iter().copied().max().unwrap_or(0) as f64 * 1.2).max(4.0);
    let caption = short(&format!("{}. {}", q.question.position, q.question.q.prompt), 90);
    let labels: Vec<String> = q.labels.iter().map(|l| short(l, 28)).collect();
    let mut chart = ChartBuilder::on(area)
        .caption(caption, (FontFamily::SansSerif, 18))
        .margin(10)
        .x_label_area_size(30)
        .y_label_area_size(240)
        .build_cartesian_2d(0f64..top, -0.5f64..(n as f64 - 0.5))
        .map_err(err)?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .light_line_style(WHITE)
        .y_labels(n)
        .y_label_formatter(&|y| {
            let i = y.round();
            // Top row first, as the question lists them.
            if (y - i).abs() < 0.01 && i >= 0.0 { labels.get(n - 1 - i as usize).cloned().unwrap_or_default() } else { String::new() }
        })
        .x_label_formatter(&|x| format!("{x:.0}"))
        .label_style((FontFamily::SansSerif, 14))
        .draw()
        .map_err(err)?;
    let bars = q.totals.iter().enumerate().map(|(i, c)| {
        let y = (n - 1 - i) as f64;
        Rectangle::new([(0.0, y - 0.35), (*c as f64, y + 0.35)], BAR.filled())
    });
    chart.draw_series(bars).map_err(err)?;
    let counts = q.totals.iter().enumerate().map(|(i, c)| {
        let y = (n - 1 - i) as f64;
        Text::new(c.to_string(), (*c as f64 + top * 0.01, y + 0.15), (FontFamily::SansSerif, 14))
    });
    chart.draw_series(counts).map_err(err)?;
    Ok(())
}
