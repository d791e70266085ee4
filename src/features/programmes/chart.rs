//! The PNG sent with the programme report: applicants and recipients per kecamatan,
//! two horizontal bars a row (kecamatan names are words, and phones are narrow), drawn
//! like the surveys' result chart with plotters' bitmap backend and the embedded font
//! every chart registers (`platform::export::font`).

use std::collections::BTreeMap;
use std::path::Path;

use plotters::prelude::*;

use crate::platform::export::ExportError;
use crate::platform::export::bars::{self, Look, err, short};
use crate::platform::i18n::{Lang, t};

pub const WIDTH: u32 = 1000;
/// Height of one kecamatan's row.
pub const ROW: u32 = 56;
/// Most kecamatan rows drawn; the rest are summed into one "lainnya" row.
pub const ROWS_MAX: usize = 20;

const APPLICANTS: RGBColor = RGBColor(31, 119, 180);
const RECIPIENTS: RGBColor = RGBColor(255, 127, 14);

/// One row of the chart: a kecamatan (or `None`: the others together), applicants,
/// recipients.
pub type Row = (Option<String>, u64, u64);

/// The rows from the report's tally (kecamatan → applicants, recipients): most
/// applicants first (then by name), at most [`ROWS_MAX`], the rest summed last.
pub fn rows(by_kecamatan: &BTreeMap<String, (u64, u64)>) -> Vec<Row> {
    let mut all: Vec<(&String, u64, u64)> = by_kecamatan.iter().map(|(k, (a, r))| (k, *a, *r)).collect();
    all.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| x.0.cmp(y.0)));
    let shown = if all.len() > ROWS_MAX { ROWS_MAX - 1 } else { all.len() };
    let mut out: Vec<Row> = all[..shown].iter().map(|(k, a, r)| (Some((*k).clone()), *a, *r)).collect();
    if shown < all.len() {
        let rest = &all[shown..];
        out.push((None, rest.iter().map(|x| x.1).sum(), rest.iter().map(|x| x.2).sum()));
    }
    out
}


/// Draws the chart of `rows` titled `title` into `path` (PNG).
pub fn render(rows: &[Row], title: &str, lang: Lang, path: &Path) -> Result<(), ExportError> {
    crate::platform::export::font::register();
    let n = rows.len().max(1);
    let root = BitMapBackend::new(path, (WIDTH, ROW * n as u32 + 140)).into_drawing_area();
    root.fill(&WHITE).map_err(err)?;
    let top = (rows.iter().map(|r| r.1).max().unwrap_or(0) as f64 * 1.15).max(4.0);
    let labels: Vec<String> = rows.iter().map(|(k, ..)| short(&k.clone().unwrap_or_else(|| t(lang, "rep-prg-chart-others")), 26)).collect();
    let look = Look { caption: 24, margin: 16, label_width: 230, label: 15 };
    let mut chart = bars::frame(&root, short(title, 80), &labels, top, &look)?;
    for (series, colour, offset, key) in [(0usize, APPLICANTS, 0.05, "rep-prg-applicants"), (1, RECIPIENTS, -0.35, "rep-prg-recipients")] {
        let bars = rows.iter().enumerate().map(move |(i, r)| {
            let y = (n - 1 - i) as f64 + offset;
            let v = if series == 0 { r.1 } else { r.2 } as f64;
            Rectangle::new([(0.0, y), (v, y + 0.3)], colour.filled())
        });
        chart
            .draw_series(bars)
            .map_err(err)?
            .label(t(lang, key))
            .legend(move |(x, y)| Rectangle::new([(x, y - 6), (x + 12, y + 6)], colour.filled()));
        let counts = rows.iter().enumerate().map(move |(i, r)| {
            let y = (n - 1 - i) as f64 + offset + 0.28;
            let v = if series == 0 { r.1 } else { r.2 };
            Text::new(v.to_string(), (v as f64 + top * 0.01, y), (FontFamily::SansSerif, 13))
        });
        chart.draw_series(counts).map_err(err)?;
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::LowerRight)
        .background_style(WHITE.mix(0.85))
        .border_style(BLACK)
        .label_font((FontFamily::SansSerif, 15))
        .draw()
        .map_err(err)?;
    root.present().map_err(err)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tally(list: &[(&str, u64, u64)]) -> BTreeMap<String, (u64, u64)> {
        list.iter().map(|(k, a, r)| (k.to_string(), (*a, *r))).collect()
    }

    #[test]
    fn rows_put_the_most_applicants_first_and_sum_the_tail() {
        let t = tally(&[("Kemuning", 3, 1), ("Ilir Barat I", 7, 2), ("Sukarami", 3, 0)]);
        assert_eq!(
            rows(&t),
            vec![(Some("Ilir Barat I".into()), 7, 2), (Some("Kemuning".into()), 3, 1), (Some("Sukarami".into()), 3, 0)]
        );
        let many: Vec<(String, u64, u64)> = (0..25).map(|i| (format!("K{i:02}"), 100 - i as u64, 1)).collect();
        let t: BTreeMap<String, (u64, u64)> = many.iter().map(|(k, a, r)| (k.clone(), (*a, *r))).collect();
        let r = rows(&t);
        assert_eq!(r.len(), ROWS_MAX);
        assert_eq!(r[0], (Some("K00".into()), 100, 1));
        assert_eq!(r[ROWS_MAX - 1], (None, (19..25).map(|i| 100 - i).sum(), 6), "the six smallest together");
        assert!(rows(&BTreeMap::new()).is_empty());
    }

    #[test]
    fn the_chart_is_a_png_with_a_row_per_kecamatan() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("program.png");
        let r = rows(&tally(&[("Ilir Barat I", 7, 2), ("Kemuning", 3, 1)]));
        render(&r, "Program UMKM 11/2026", Lang::Id, &path).unwrap();
        let png = std::fs::read(&path).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        let height = u32::from_be_bytes(png[20..24].try_into().unwrap());
        assert_eq!(height, ROW * 2 + 140);
        assert!(png.len() > 5_000, "{} bytes", png.len());
    }
}
