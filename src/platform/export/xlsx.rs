//! XLSX through rust_xlsxwriter in constant-memory mode: each sheet keeps only its
//! current row in memory and flushes it to a temp file when the next row starts.
//! Hence rows must be written in order — a write to an earlier row returns Ok and is
//! silently dropped (TECH-NOTES) — so [`Sheet`] only ever moves forward.
//!
//! Tables (a header row, then one row per record) get a frozen header and an
//! autofilter over all their rows, so staff can sort and filter in Excel at once.

use std::path::Path;

use chrono::{Datelike, NaiveDateTime, Timelike};
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook, Worksheet};

use super::ExportError;

/// Excel's last row index (1,048,576 rows); the detail continues on a new sheet.
pub const MAX_ROW: u32 = 1_048_575;

/// One spreadsheet cell.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    Int(i64),
    /// A number shown with one decimal (median days).
    Num(f64),
    /// A local date and time: a real Excel date (sorts, filters, computes), shown
    /// as `2026-11-05 14:30`; the CSV writes that text.
    When(NaiveDateTime),
    /// A phone number: text with Excel's text format, so `+62…` stays as typed and
    /// is never turned into a number.
    Phone(String),
    /// A web link shown as `text`. Built only from our own numbers (a map pin),
    /// never from resident text; the CSV writes the URL.
    Link { url: String, text: String },
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
    date: Format,
    text: Format,
    link: Format,
}

/// A sheet's position in the book and the next row to write.
pub struct Sheet {
    index: usize,
    next_row: u32,
}

impl Book {
    pub fn new() -> Book {
        Book {
            wb: Workbook::new(),
            bold: Format::new().set_bold(),
            decimal: Format::new().set_num_format("0.0"),
            date: Format::new().set_num_format("yyyy-mm-dd hh:mm"),
            text: Format::new().set_num_format("@"),
            link: Format::new().set_font_color(rust_xlsxwriter::Color::Blue).set_underline(rust_xlsxwriter::FormatUnderline::Single),
        }
    }

    /// Adds a constant-memory sheet with these column widths (characters).
    pub fn add_sheet(&mut self, name: &str, widths: &[f64]) -> Result<Sheet, ExportError> {
        let ws = self.wb.add_worksheet_with_constant_memory()?;
        ws.set_name(name)?;
        for (col, w) in widths.iter().enumerate() {
            ws.set_column_width(col as u16, *w)?;
        }
        Ok(Sheet { index: self.wb.worksheets().len() - 1, next_row: 0 })
    }

    /// Adds a table sheet: `header` in bold on the first row, frozen so it stays in
    /// view while scrolling. Call [`Book::close_table`] after its last row.
    pub fn add_table(&mut self, name: &str, widths: &[f64], header: &[Cell]) -> Result<Sheet, ExportError> {
        let mut sheet = self.add_sheet(name, widths)?;
        self.wb.worksheet_from_index(sheet.index)?.set_freeze_panes(1, 0)?;
        self.row(&mut sheet, header, true)?;
        Ok(sheet)
    }

    /// Puts an autofilter over the table's header and every row written.
    pub fn close_table(&mut self, sheet: &Sheet, columns: usize) -> Result<(), ExportError> {
        let last_col = columns.saturating_sub(1) as u16;
        let last_row = sheet.next_row.saturating_sub(1);
        self.wb.worksheet_from_index(sheet.index)?.autofilter(0, 0, last_row, last_col)?;
        Ok(())
    }

    /// Writes the next row of `sheet` (bold when `header`).
    pub fn row(&mut self, sheet: &mut Sheet, cells: &[Cell], header: bool) -> Result<(), ExportError> {
        let row = sheet.next_row;
        let (bold, decimal, date, text, link) =
            (self.bold.clone(), self.decimal.clone(), self.date.clone(), self.text.clone(), self.link.clone());
        let ws: &mut Worksheet = self.wb.worksheet_from_index(sheet.index)?;
        for (col, cell) in cells.iter().enumerate() {
            let col = col as u16;
            match cell {
                Cell::Text(s) if header => ws.write_string_with_format(row, col, s, &bold).map(drop)?,
                Cell::Text(s) => ws.write_string(row, col, s).map(drop)?,
                Cell::Int(n) => ws.write_number(row, col, *n as f64).map(drop)?,
                Cell::Num(x) => ws.write_number_with_format(row, col, *x, &decimal).map(drop)?,
                Cell::When(t) => ws.write_datetime_with_format(row, col, excel_time(t)?, &date).map(drop)?,
                Cell::Phone(s) => ws.write_string_with_format(row, col, s, &text).map(drop)?,
                Cell::Link { url, text } => ws.write_formula_with_format(row, col, link_formula(url, text), &link).map(drop)?,
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

    pub fn save(mut self, path: &Path) -> Result<(), ExportError> {
        self.wb.save(path)?;
        Ok(())
    }
}

fn excel_time(t: &NaiveDateTime) -> Result<ExcelDateTime, ExportError> {
    let year = u16::try_from(t.year()).unwrap_or(1900);
    Ok(ExcelDateTime::from_ymd(year, t.month() as u8, t.day() as u8)?.and_hms(t.hour() as u16, t.minute() as u8, t.second())?)
}

/// `=HYPERLINK("url","text")` with its shown text as the cached result. A formula
/// rather than a worksheet hyperlink: those are kept in memory until the sheet is
/// saved and Excel allows only 65,530 per sheet. Quotes are doubled, though callers
/// pass only URLs and labels made of numbers.
fn link_formula(url: &str, text: &str) -> Formula {
    let q = |s: &str| s.replace('"', "\"\"");
    Formula::new(format!("=HYPERLINK(\"{}\",\"{}\")", q(url), q(text))).set_result(text)
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
