//! The font of every chart (aspirations per week, poll and survey results): DejaVu
//! Sans embedded in the binary (free licence, see `assets/fonts/DejaVu-LICENSE.txt`),
//! so charts render on a server without fontconfig or any system fonts, and the
//! binary carries the font once.

use std::sync::Once;

use plotters::style::{FontStyle, register_font};

static FONT: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");

/// Registers the font as plotters' `sans-serif` (once per process).
pub fn register() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        if register_font("sans-serif", FontStyle::Normal, FONT).is_err() {
            tracing::error!("embedded chart font did not load");
        }
    });
}
