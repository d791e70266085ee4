//! Horizontal bar charts (labels are words, and phones are narrow): the frame the
//! surveys' and programmes' charts share — labels on the left, the first on top,
//! counts on x from zero, drawn with the embedded font ([`super::font`]).

use plotters::coord::Shift;
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;

use super::ExportError;

/// A chart drawn into a PNG file, ready for its bars.
pub type Frame<'a, 'b> = ChartContext<'a, BitMapBackend<'b>, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// Sizes of a frame, in pixels.
pub struct Look {
    pub caption: u32,
    pub margin: u32,
    pub label_width: u32,
    pub label: u32,
}

/// Plotters' errors as the export's.
pub fn err(e: impl std::fmt::Display) -> ExportError {
    ExportError::Chart(e.to_string())
}

/// `s`, cut to `max` characters with an ellipsis when longer.
pub fn short(s: &str, max: usize) -> String {
    if s.chars().count() <= max { s.to_string() } else { format!("{}…", s.chars().take(max - 1).collect::<String>()) }
}

/// The frame of a chart with one row per label (the first on top) and counts up to
/// `top` on x; row `i` from the top sits at y = `labels.len() - 1 - i`.
pub fn frame<'a, 'b>(
    area: &'a DrawingArea<BitMapBackend<'b>, Shift>,
    caption: String,
    labels: &[String],
    top: f64,
    look: &Look,
) -> Result<Frame<'a, 'b>, ExportError> {
    let n = labels.len();
    let mut chart = ChartBuilder::on(area)
        .caption(caption, (FontFamily::SansSerif, look.caption))
        .margin(look.margin)
        .x_label_area_size(30)
        .y_label_area_size(look.label_width)
        .build_cartesian_2d(0f64..top, -0.5f64..(n as f64 - 0.5))
        .map_err(err)?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .light_line_style(WHITE)
        .y_labels(n)
        .y_label_formatter(&|y| {
            let i = y.round();
            if (y - i).abs() < 0.01 && i >= 0.0 { labels.get(n - 1 - i as usize).cloned().unwrap_or_default() } else { String::new() }
        })
        .x_label_formatter(&|x| format!("{x:.0}"))
        .label_style((FontFamily::SansSerif, look.label))
        .draw()
        .map_err(err)?;
    Ok(chart)
}

#[cfg(test)]
mod tests {
    #[test]
    fn long_labels_are_cut_with_an_ellipsis() {
        assert_eq!(super::short("Kecamatan", 20), "Kecamatan");
        assert_eq!(super::short("Seberang Ulu Dua", 8), "Seberan…");
    }
}
