//! What importing a CSV of areas or agencies would do, row by row, before anything
//! is written: the console's import shows it, then applies exactly that file with
//! the same import functions as the CLI and keeps the report (see [`uploads`]).
//!
//! [`uploads`]: super::uploads

use serde::{Deserialize, Serialize};

/// What one row would do (or did).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "what", content = "why")]
pub enum RowWhat {
    New,
    Changed,
    Unchanged,
    /// The row cannot be imported, and why.
    Error(RowProblem),
}

/// Why a row cannot be imported, in words the console can translate (the CLI
/// prints the import's own English reason).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RowProblem {
    /// Not a CSV file, or a row without the file's columns.
    Columns,
    /// A name empty, too long or with '/'.
    Names,
    /// A kode wilayah that is not a kelurahan code.
    AreaCode,
    /// A KIM or agency code residents could not type.
    Code,
}

impl RowProblem {
    /// The console's message for it.
    pub fn key(self) -> &'static str {
        match self {
            RowProblem::Columns => "console-import-problem-columns",
            RowProblem::Names => "console-import-problem-names",
            RowProblem::AreaCode => "console-import-problem-area-code",
            RowProblem::Code => "console-import-problem-code",
        }
    }
}

/// One data row of the file: its line, its cells as typed, and what it does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowPreview {
    pub line: u64,
    pub cells: Vec<String>,
    pub what: RowWhat,
}

/// Whether the file may be imported: at least one row, and none in error (the
/// import is all or nothing).
pub fn importable(rows: &[RowPreview]) -> bool {
    !rows.is_empty() && rows.iter().all(|r| !matches!(r.what, RowWhat::Error(_)))
}

/// The header and records of a CSV as the imports read it (trimmed, rows of any
/// length), each record with its line number; a file that is not CSV at all is one
/// error.
pub fn records(input: &[u8]) -> Result<(csv::StringRecord, Vec<(u64, csv::StringRecord)>), String> {
    let mut reader = csv::ReaderBuilder::new().trim(csv::Trim::All).flexible(true).from_reader(input);
    let headers = reader.headers().map_err(|e| e.to_string())?.clone();
    let mut out = Vec::new();
    for (i, record) in reader.records().enumerate() {
        out.push((i as u64 + 2, record.map_err(|e| e.to_string())?));
    }
    Ok((headers, out))
}

/// What an import would do with each row of `input`, writing nothing: every record
/// read as `R` and checked by `check` (a refused one says why), then a good one
/// classed by `known` (new, changed or unchanged against what is stored).
pub async fn classify<R, F, Fut>(
    input: &[u8],
    check: fn(R) -> Result<R, (RowProblem, String)>,
    mut known: F,
) -> crate::platform::db::DbResult<Vec<RowPreview>>
where
    R: serde::de::DeserializeOwned,
    F: FnMut(R) -> Fut,
    Fut: std::future::Future<Output = crate::platform::db::DbResult<RowWhat>>,
{
    let Ok((headers, records)) = records(input) else {
        return Ok(vec![RowPreview { line: 1, cells: Vec::new(), what: RowWhat::Error(RowProblem::Columns) }]);
    };
    let mut out = Vec::with_capacity(records.len());
    for (line, record) in records {
        let cells = record.iter().map(str::to_string).collect();
        let what = match record.deserialize::<R>(Some(&headers)).map_err(|_| (RowProblem::Columns, String::new())).and_then(check) {
            Err((problem, _)) => RowWhat::Error(problem),
            Ok(row) => known(row).await?,
        };
        out.push(RowPreview { line, cells, what });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_with_an_error_row_or_no_rows_is_not_importable() {
        let row = |what| RowPreview { line: 2, cells: Vec::new(), what };
        assert!(importable(&[row(RowWhat::New), row(RowWhat::Unchanged)]));
        assert!(!importable(&[row(RowWhat::New), row(RowWhat::Error(RowProblem::Code))]));
        assert!(!importable(&[]));
    }

    #[test]
    fn records_carry_their_line_numbers() {
        let (headers, rows) = records(b"a,b\n1,2\n3\n").unwrap();
        assert_eq!(headers.len(), 2);
        assert_eq!(rows.iter().map(|(l, r)| (*l, r.len())).collect::<Vec<_>>(), vec![(2, 2), (3, 1)]);
    }
}
