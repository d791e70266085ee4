//! CSV for Excel in Indonesia: UTF-8 with a byte-order mark (so Excel reads accented
//! names right) and `;` between fields, because Indonesian-locale Excel uses `,` as
//! its decimal separator and splits on `;`. File names end in `-titikkoma.csv`
//! ("semicolon") so the office knows which import setting to pick.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use super::ReportError;
use super::xlsx::Cell;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The suffix every CSV export's file name ends with.
pub const SUFFIX: &str = "-titikkoma.csv";

pub struct CsvOut {
    w: csv::Writer<BufWriter<File>>,
}

impl CsvOut {
    pub fn create(path: &Path) -> Result<CsvOut, ReportError> {
        let mut file = BufWriter::new(File::create(path)?);
        file.write_all(BOM)?;
        Ok(CsvOut { w: csv::WriterBuilder::new().delimiter(b';').from_writer(file) })
    }

    pub fn row(&mut self, cells: &[Cell]) -> Result<(), ReportError> {
        self.w.write_record(cells.iter().map(field))?;
        Ok(())
    }

    pub fn finish(mut self) -> Result<(), ReportError> {
        self.w.flush()?;
        Ok(())
    }
}

/// A cell as CSV text. Text that Excel would run as a formula (`=`, `+`, `-`, `@`
/// first) gets a leading apostrophe: residents write these texts, staff open them.
fn field(cell: &Cell) -> String {
    match cell {
        Cell::Text(s) if is_formula(s) => format!("'{s}"),
        Cell::Text(s) => s.clone(),
        Cell::Int(n) => n.to_string(),
        Cell::Num(x) => format!("{x:.1}").replace('.', ","),
        Cell::Empty => String::new(),
    }
}

/// `=…`, `@…`, or `+`/`-` followed by more than a number (`+628…` phone numbers pass).
fn is_formula(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some('=' | '@' | '\t' | '\r') => true,
        Some('+' | '-') => !chars.all(|c| c.is_ascii_digit() || c == ' '),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused_and_decimals_use_a_comma() {
        assert_eq!(field(&Cell::text("=HYPERLINK(\"x\")")), "'=HYPERLINK(\"x\")");
        assert_eq!(field(&Cell::text("Jalan rusak")), "Jalan rusak");
        assert_eq!(field(&Cell::text("+6281234567890")), "+6281234567890");
        assert_eq!(field(&Cell::text("-1+SUM(A1)")), "'-1+SUM(A1)");
        assert_eq!(field(&Cell::Num(2.5)), "2,5");
    }
}
