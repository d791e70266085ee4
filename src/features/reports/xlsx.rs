//! XLSX through rust_xlsxwriter in constant-memory mode: each sheet keeps only its
//! current row in memory and flushes it to a temp file when the next row starts.
//! Hence rows must be written in order — a write to an earlier row returns Ok and is
//! silently dropped (TECH-NOTES) — so [`Sheet`] only ever moves forward.

use std::path::Path;

use rust_xlsxwriter::{Format, Workbook, Worksheet};

use super::ReportError;

/// Excel's last row index (1,048,576 rows); the detail continues on a new sheet.
pub const MAX_ROW: u32 = 1_048_575;

/// One spreadsheet cell.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    Int(i64),
    /// A number shown with one decimal (median days).
    Num(f64),
    Empty,
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }
    pub fn opt(s: Option<String>) -> Cell {
        s.map(Cell::Text).unwrap_or(Cell::Empty)
    }
}

/// A workbook being written; sheets are added in display order.
pub struct Book {
    wb: Workbook,
    bold: Format,
    decimal: Format,
}

/// A sheet's position in the book and the next row to write.
pub struct Sheet {
    index: usize,
    next_row: u32,
}

impl Book {
    pub fn new() -> Book {
        Book { wb: Workbook::new(), bold: Format::new().set_bold(), decimal: Format::new().set_num_format("0.0") }
    }

    /// Adds a constant-memory sheet with these column widths (characters).
    pub fn add_sheet(&mut self, name: &str, widths: &[f64]) -> Result<Sheet, ReportError> {
        let ws = self.wb.add_worksheet_with_constant_memory()?;
        ws.set_name(name)?;
        for (col, w) in widths.iter().enumerate() {
            ws.set_column_width(col as u16, *w)?;
        }
        Ok(Sheet { index: self.wb.worksheets().len() - 1, next_row: 0 })
    }

    /// Writes the next row of `sheet` (bold when `header`).
    pub fn row(&mut self, sheet: &mut Sheet, cells: &[Cell], header: bool) -> Result<(), ReportError> {
        let row = sheet.next_row;
        let (bold, decimal) = (self.bold.clone(), self.decimal.clone());
        let ws: &mut Worksheet = self.wb.worksheet_from_index(sheet.index)?;
        for (col, cell) in cells.iter().enumerate() {
            let col = col as u16;
            match cell {
                Cell::Text(s) if header => ws.write_string_with_format(row, col, s, &bold).map(drop)?,
                Cell::Text(s) => ws.write_string(row, col, s).map(drop)?,
                Cell::Int(n) => ws.write_number(row, col, *n as f64).map(drop)?,
                Cell::Num(x) => ws.write_number_with_format(row, col, *x, &decimal).map(drop)?,
                Cell::Empty => {}
            }
        }
        sheet.next_row += 1;
        Ok(())
    }

    /// Skips a row (a blank line between blocks).
    pub fn blank(&mut self, sheet: &mut Sheet) {
        sheet.next_row += 1;
    }

    pub fn save(mut self, path: &Path) -> Result<(), ReportError> {
        self.wb.save(path)?;
        Ok(())
    }
}

impl Default for Book {
    fn default() -> Self {
        Book::new()
    }
}

impl Sheet {
    pub fn next_row(&self) -> u32 {
        self.next_row
    }
}
