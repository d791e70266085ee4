//! The PNG sent to the author with a poll's final result: one horizontal bar per
//! option with its count and share. Drawn with plotters' bitmap backend and the
//! embedded DejaVu Sans (as the reports' chart), so no system fonts are needed.

use std::path::Path;

use plotters::prelude::*;

use super::model::{Tally, percent};
use crate::platform::i18n::{Arg, Lang, ta};
use crate::platform::export::bars::short;

pub const WIDTH: u32 = 1000;
const ROW: u32 = 64;
const TOP: u32 = 110;
const LABEL_W: i32 = 330;
const BAR_MAX: i32 = 480;

#[derive(Debug, thiserror::Error)]
#[error("poll chart: {0}")]
pub struct ChartError(String);


/// Draws the result of `question` into `path` (PNG).
pub fn render(question: &str, options: &[String], tally: &Tally, lang: Lang, path: &Path) -> Result<(), ChartError> {
    crate::platform::export::font::register();
    let height = TOP + ROW * options.len() as u32 + 40;
    let root = BitMapBackend::new(path, (WIDTH, height)).into_drawing_area();
    let err = |e: &dyn std::fmt::Display| ChartError(e.to_string());
    root.fill(&WHITE).map_err(|e| err(&e))?;
    let title = (FontFamily::SansSerif, 26).into_font().color(&BLACK);
    let small = (FontFamily::SansSerif, 18).into_font().color(&RGBColor(90, 90, 90));
    let label = (FontFamily::SansSerif, 20).into_font().color(&BLACK);
    root.draw(&Text::new(short(question, 70), (30, 24), title)).map_err(|e| err(&e))?;
    let voters = tally.total.voters;
    let sub = ta(lang, "poll-chart-voters", &[("count", Arg::from(voters as i64))]);
    root.draw(&Text::new(sub, (30, 62), small.clone())).map_err(|e| err(&e))?;
    let most = tally.total.options.iter().copied().max().unwrap_or(0).max(1);
    for (i, option) in options.iter().enumerate() {
        let n = tally.total.options.get(i).copied().unwrap_or(0);
        let y = (TOP + ROW * i as u32) as i32;
        root.draw(&Text::new(short(option, 28), (30, y + 12), label.clone())).map_err(|e| err(&e))?;
        let width = (BAR_MAX as u64 * n / most) as i32;
        let bar = Rectangle::new([(LABEL_W, y + 6), (LABEL_W + width.max(2), y + 42)], RGBColor(31, 119, 180).filled());
        root.draw(&bar).map_err(|e| err(&e))?;
        let count = format!("{n} ({}%)", percent(n, voters));
        root.draw(&Text::new(count, (LABEL_W + width.max(2) + 12, y + 12), label.clone())).map_err(|e| err(&e))?;
    }
    root.present().map_err(|e| err(&e))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::polls::model::{Vote, tally};

    /// Renders a sample result; with `KIMBOT_WRITE_DOCS=1` it also refreshes the
    /// README's screenshot (`docs/poll-chart.png`).
    #[test]
    fn the_result_chart_is_a_png_with_a_row_per_option() {
        let options: Vec<String> = ["Sabtu pagi", "Minggu pagi", "Minggu sore"].map(String::from).to_vec();
        let votes: Vec<Vote> = (0..17)
            .map(|i| Vote { voter: i, kim_id: Some(1), choices: vec![(i % 5).min(2) as usize], seq: i })
            .collect();
        let t = tally(3, &votes, &[]);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("chart.png");
        render("Kapan kerja bakti RW 03 sebaiknya diadakan?", &options, &t, Lang::Id, &path).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
        assert!(bytes.len() > 2_000, "{} bytes", bytes.len());
        if std::env::var("KIMBOT_WRITE_DOCS").is_ok_and(|v| v == "1") {
            std::fs::write(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/poll-chart.png"), &bytes).unwrap();
        }
    }
}
