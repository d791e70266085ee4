//! The aspirations detail sheet (and CSV): one row per ticket with where it came
//! from down to the kecamatan, when it last changed, how old it is, whether the
//! service-level job flagged it, and a map link where the resident shared a pin.

use super::{AspSpec, category_label, status_label};
use super::query::AspRow;
use crate::platform::export::xlsx::Cell;
use crate::platform::export::local;
use crate::platform::i18n::{Lang, t};

/// Message keys (after `rep-col-`) of the columns, in order.
const COLUMNS: [&str; 15] = [
    "ticket", "date", "category", "kecamatan", "kelurahan", "kim", "text", "status", "updated", "age", "overdue", "note",
    "reporter", "anonymous", "location",
];

/// Column widths in characters, in [`COLUMNS`] order.
pub const WIDTHS: [f64; 15] = [17.0, 17.0, 22.0, 18.0, 20.0, 24.0, 60.0, 16.0, 17.0, 11.0, 11.0, 40.0, 20.0, 9.0, 24.0];

pub fn header(lang: Lang) -> Vec<Cell> {
    COLUMNS.iter().map(|k| Cell::Text(t(lang, &format!("rep-col-{k}")))).collect()
}

pub fn columns() -> usize {
    COLUMNS.len()
}

/// The row's cells; `as_of` is the export's time (the age of open tickets).
pub fn cells(row: &AspRow, spec: &AspSpec, as_of: i64) -> Vec<Cell> {
    let lang = spec.lang;
    let yes = |flag: bool| if flag { Cell::Text(t(lang, "rep-yes")) } else { Cell::Empty };
    vec![
        Cell::text(row.ticket.clone()),
        Cell::When(local(row.created_at, spec.tz)),
        Cell::Text(category_label(lang, &row.category)),
        Cell::text(row.kecamatan.clone()),
        Cell::text(row.kelurahan.clone()),
        Cell::text(row.kim.clone()),
        Cell::text(row.body.clone()),
        Cell::Text(status_label(lang, &row.status)),
        Cell::When(local(row.updated_at, spec.tz)),
        Cell::Int(age_days(row, as_of)),
        yes(row.overdue),
        Cell::opt(row.last_note.clone()),
        Cell::opt(row.reporter.clone()),
        yes(row.anonymous),
        row.pin.map(map_link).unwrap_or(Cell::Empty),
    ]
}

/// Whole days from submission to closure, or to `as_of` while still open.
pub fn age_days(row: &AspRow, as_of: i64) -> i64 {
    let end = row.closed_at.unwrap_or(as_of);
    (end - row.created_at).max(0) / 86_400
}

/// A link opening the pin in a map app (Google Maps answers on every phone and
/// desktop); shown as the coordinates.
pub fn map_link((lat_e6, lon_e6): (i64, i64)) -> Cell {
    let deg = |e6: i64| format!("{:.6}", e6 as f64 / 1e6);
    let (lat, lon) = (deg(lat_e6), deg(lon_e6));
    Cell::Link { url: format!("https://www.google.com/maps/search/?api=1&query={lat},{lon}"), text: format!("{lat}, {lon}") }
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_links_carry_signed_six_decimal_coordinates() {
        let Cell::Link { url, text } = map_link((-2_976_074, 104_775_431)) else { panic!("a link") };
        assert_eq!(url, "https://www.google.com/maps/search/?api=1&query=-2.976074,104.775431");
        assert_eq!(text, "-2.976074, 104.775431");
    }
}
