//! CSV for Excel in Indonesia: UTF-8 with a byte-order mark (so Excel reads accented
//! names right) and `;` between fields, because Indonesian-locale Excel uses `,` as
//! its decimal separator and splits on `;`. File names end in `-titikkoma.csv`
//! ("semicolon") so the office knows which import setting to pick.

use std::fs::File;
use std::io::BufWriter;
use std::path::Path;

use super::ExportError;
use super::xlsx::Cell;
use crate::platform::csv::ExcelCsv;

/// The suffix every CSV export's file name ends with.
pub const SUFFIX: &str = "-titikkoma.csv";

/// A report file written through the shared [`ExcelCsv`] writer (which defuses
/// formulas in every text cell).
pub struct CsvOut {
    w: ExcelCsv<BufWriter<File>>,
}

impl CsvOut {
    pub fn create(path: &Path) -> Result<CsvOut, ExportError> {
        Ok(CsvOut { w: ExcelCsv::new(BufWriter::new(File::create(path)?))? })
    }

    pub fn row(&mut self, cells: &[Cell]) -> Result<(), ExportError> {
        self.w.row(cells.iter().map(field))?;
        Ok(())
    }

    pub fn finish(self) -> Result<(), ExportError> {
        self.w.finish()?;
        Ok(())
    }
}

/// A cell as CSV text (defused by the writer).
fn field(cell: &Cell) -> String {
    match cell {
        Cell::Text(s) => s.clone(),
        Cell::Int(n) => n.to_string(),
        Cell::Num(x) => format!("{x:.1}").replace('.', ","),
        Cell::When(t) => t.format("%Y-%m-%d %H:%M").to_string(),
        Cell::Phone(s) => s.clone(),
        Cell::Link { url, .. } => url.clone(),
        Cell::Empty => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_use_a_comma() {
        assert_eq!(field(&Cell::text("Jalan rusak")), "Jalan rusak");
        assert_eq!(field(&Cell::Num(2.5)), "2,5");
    }
}
