//! The PNG sent with a survey's results: one panel per choice or scale question,
//! a horizontal bar per answer (labels are words, and phones are narrow). Drawn like
//! the reports' chart, with the same embedded font.

use std::path::Path;

use plotters::prelude::*;

use super::model::Kind;
use super::results::{QuestionResult, Results};
use crate::platform::export::ExportError;
use crate::platform::export::bars::{self, Look, err, short};
use crate::platform::i18n::{Lang, t};

pub const WIDTH: u32 = 1000;
/// Height of one question's panel.
pub const PANEL: u32 = 280;

const BAR: RGBColor = RGBColor(31, 119, 180);


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


fn panel(area: &DrawingArea<BitMapBackend<'_>, plotters::coord::Shift>, q: &QuestionResult) -> Result<(), ExportError> {
    let n = q.labels.len();
    let top = (q.totals.iter().copied().max().unwrap_or(0) as f64 * 1.2).max(4.0);
    let caption = short(&format!("{}. {}", q.question.position, q.question.q.prompt), 90);
    let labels: Vec<String> = q.labels.iter().map(|l| short(l, 28)).collect();
    // Top row first, as the question lists them.
    let look = Look { caption: 18, margin: 10, label_width: 240, label: 14 };
    let mut chart = bars::frame(area, caption, &labels, top, &look)?;
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
