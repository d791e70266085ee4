//! The one CSV writer every export uses, made for Excel in Indonesia: UTF-8 with a
//! byte-order mark (so Excel reads accented names right) and `;` between fields,
//! because Indonesian-locale Excel uses `,` as its decimal separator and splits on `;`.
//! Every field is defused: residents type these texts (names, tickets), staff open them
//! in Excel, where a leading `=` would run as a formula.

use std::borrow::Cow;
use std::io::Write;

const BOM: &[u8] = b"\xEF\xBB\xBF";

pub struct ExcelCsv<W: Write> {
    w: csv::Writer<W>,
}

impl<W: Write> ExcelCsv<W> {
    /// Writes the byte-order mark to `out`; rows follow.
    pub fn new(mut out: W) -> Result<ExcelCsv<W>, csv::Error> {
        out.write_all(BOM)?;
        Ok(ExcelCsv { w: csv::WriterBuilder::new().delimiter(b';').from_writer(out) })
    }

    /// One row; each field goes through [`defuse`].
    pub fn row<I, S>(&mut self, fields: I) -> Result<(), csv::Error>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let defused: Vec<String> = fields.into_iter().map(|f| defuse(f.as_ref()).into_owned()).collect();
        self.w.write_record(&defused)
    }

    pub fn finish(mut self) -> Result<(), csv::Error> {
        self.w.flush()?;
        Ok(())
    }
}

/// Text that Excel would run as a formula gets a leading apostrophe.
pub fn defuse(s: &str) -> Cow<'_, str> {
    if is_formula(s) { Cow::Owned(format!("'{s}")) } else { Cow::Borrowed(s) }
}

/// `=…`, `@…`, a tab or carriage return first, or `+`/`-` followed by more than a
/// number (`+628…` phone numbers and `-2,5` pass).
fn is_formula(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some('=' | '@' | '\t' | '\r') => true,
        Some('+' | '-') => !chars.all(|c| c.is_ascii_digit() || matches!(c, ' ' | ',' | '.')),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused_and_numbers_pass() {
        let cases = [
            ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"),
            ("-1+SUM(A1)", "'-1+SUM(A1)"),
            ("+6281234567890", "+6281234567890"),
            ("-2,5", "-2,5"),
            ("Jalan rusak", "Jalan rusak"),
            ("", ""),
        ];
        for (input, want) in cases {
            assert_eq!(defuse(input), want, "{input:?}");
        }
    }

    #[test]
    fn rows_start_with_a_bom_and_use_semicolons() {
        let mut out = Vec::new();
        let mut w = ExcelCsv::new(&mut out).unwrap();
        w.row(["a;b", "=1"]).unwrap();
        w.finish().unwrap();
        assert_eq!(out, b"\xEF\xBB\xBF\"a;b\";'=1\n");
    }
}
