//! A one-sheet export: rows of cells streamed into `<stem>.xlsx` (one table with a
//! header, frozen and filtered) and `<stem>-titikkoma.csv`, as the UMKM registry,
//! training attendance and other one-table exports need.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use sqlx::any::AnyRow;

use super::csv::CsvOut;
use super::xlsx::{Book, Cell};
use super::{ExportError, Progress, pipeline};
use crate::platform::db::DbError;

/// Files written by a one-sheet export.
#[derive(Clone, Debug)]
pub struct TableExport {
    pub xlsx: PathBuf,
    pub csv: PathBuf,
    pub rows: u64,
}

/// Streams rows of cells into `<stem>.xlsx` (one sheet) and `<stem>-titikkoma.csv`.
pub async fn write(
    rows: impl futures_util::Stream<Item = Result<AnyRow, sqlx::Error>>,
    decode: impl Fn(&AnyRow) -> Result<Option<Vec<Cell>>, DbError>,
    header: Vec<Cell>,
    sheet_name: &str,
    dir: &Path,
    stem: &str,
    progress: Arc<Progress>,
) -> Result<TableExport, ExportError> {
    let xlsx = dir.join(format!("{stem}.xlsx"));
    let csv_path = dir.join(format!("{stem}{}", super::csv::SUFFIX));
    let (x, c, name) = (xlsx.clone(), csv_path.clone(), sheet_name.to_string());
    let rows = pipeline::run(rows, decode, move |mut rx| {
        let mut book = Book::new();
        let mut sheet = book.add_table(&name, &[24.0; 11], &header)?;
        let mut csv = CsvOut::create(&c)?;
        csv.row(&header)?;
        let mut n = 0;
        while let Some(cells) = rx.blocking_recv() {
            book.row(&mut sheet, &cells, false)?;
            csv.row(&cells)?;
            progress.add(1);
            n += 1;
        }
        book.close_table(&sheet, header.len())?;
        csv.finish()?;
        book.save(&x)?;
        Ok(n)
    })
    .await?;
    Ok(TableExport { xlsx, csv: csv_path, rows })
}
