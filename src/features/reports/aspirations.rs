//! The aspirations report: one pass over the detail rows writes the XLSX detail
//! sheet and the CSV while gathering [`Stats`]; then the summary sheet (first in the
//! book, written last — each constant-memory sheet only needs its own rows in order)
//! and the weekly chart.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono_tz::Tz;
use tokio::sync::mpsc::Receiver;

use super::period::Period;
use super::query::{self, AspFilter, AspRow};
use super::summary::Stats;
use super::xlsx::{Book, Cell, MAX_ROW, Sheet};
use super::{Progress, ReportError, chart, csv::CsvOut, pipeline};
use crate::features::aspirations::model::{Category, Status};
use crate::platform::db::Db;
use crate::platform::i18n::{Lang, t};

/// What to export and how to label it.
#[derive(Clone, Debug)]
pub struct AspSpec {
    pub filter: AspFilter,
    pub period: Period,
    /// The area as the reader knows it ("Ilir Barat I, Kota Palembang").
    pub area_label: String,
    pub lang: Lang,
    pub tz: Tz,
}

/// The files written, all inside the directory given to [`export`].
#[derive(Clone, Debug)]
pub struct AspExport {
    pub xlsx: PathBuf,
    pub csv: PathBuf,
    pub chart: PathBuf,
    pub rows: u64,
}

/// `aspirasi-2026-11`: the common start of the three file names.
pub fn file_stem(period: &Period) -> String {
    format!("aspirasi-{}", period.slug())
}

/// Writes `<stem>.xlsx`, `<stem>-titikkoma.csv` and `<stem>-grafik.png` into `dir`.
pub async fn export(db: &Db, spec: &AspSpec, dir: &Path, progress: Arc<Progress>) -> Result<AspExport, ReportError> {
    progress.set_total(query::count_aspirations(db, &spec.filter).await?);
    let stem = file_stem(&spec.period);
    let out = AspExport {
        xlsx: dir.join(format!("{stem}.xlsx")),
        csv: dir.join(format!("{stem}{}", super::csv::SUFFIX)),
        chart: dir.join(format!("{stem}-grafik.png")),
        rows: 0,
    };
    let filter = spec.filter.clone();
    let (spec2, out2) = (spec.clone(), out.clone());
    let rows = pipeline::run(
        query::aspiration_rows(db, &spec.filter),
        move |r| query::decode_aspiration(r, &filter),
        move |rx| write_all(rx, &spec2, &out2, &progress),
    )
    .await?;
    Ok(AspExport { rows, ..out })
}

fn write_all(mut rx: Receiver<AspRow>, spec: &AspSpec, out: &AspExport, progress: &Progress) -> Result<u64, ReportError> {
    let lang = spec.lang;
    let mut book = Book::new();
    let mut summary = book.add_sheet(&t(lang, "rep-sheet-summary"), &[44.0, 14.0, 14.0, 16.0, 14.0, 14.0, 10.0])?;
    let mut detail = detail_sheet(&mut book, lang, 1)?;
    let mut csv = CsvOut::create(&out.csv)?;
    csv.row(&detail_header(lang))?;
    let mut stats = Stats::default();
    let mut sheets = 1;
    while let Some(row) = rx.blocking_recv() {
        if detail.next_row() > MAX_ROW {
            sheets += 1;
            detail = detail_sheet(&mut book, lang, sheets)?;
        }
        stats.add(&row, spec.tz);
        let cells = detail_cells(&row, spec);
        book.row(&mut detail, &cells, false)?;
        csv.row(&cells)?;
        progress.add(1);
    }
    csv.finish()?;
    write_summary(&mut book, &mut summary, &stats, spec)?;
    book.save(&out.xlsx)?;
    chart::render(&stats, spec.period, lang, &out.chart)?;
    Ok(stats.rows)
}

fn detail_sheet(book: &mut Book, lang: Lang, n: usize) -> Result<Sheet, ReportError> {
    let name = if n == 1 { t(lang, "rep-sheet-detail") } else { format!("{} {n}", t(lang, "rep-sheet-detail")) };
    let mut sheet = book.add_sheet(&name, &[17.0, 17.0, 22.0, 20.0, 24.0, 60.0, 16.0, 40.0, 20.0])?;
    book.row(&mut sheet, &detail_header(lang), true)?;
    Ok(sheet)
}

fn detail_header(lang: Lang) -> Vec<Cell> {
    ["ticket", "date", "category", "kelurahan", "kim", "text", "status", "note", "reporter"]
        .iter()
        .map(|k| Cell::Text(t(lang, &format!("rep-col-{k}"))))
        .collect()
}

fn detail_cells(row: &AspRow, spec: &AspSpec) -> Vec<Cell> {
    let lang = spec.lang;
    vec![
        Cell::text(row.ticket.clone()),
        Cell::Text(local_time(row.created_at, spec.tz)),
        Cell::Text(category_label(lang, &row.category)),
        Cell::text(row.kelurahan.clone()),
        Cell::text(row.kim.clone()),
        Cell::text(row.body.clone()),
        Cell::Text(status_label(lang, &row.status)),
        Cell::opt(row.last_note.clone()),
        Cell::opt(row.reporter.clone()),
    ]
}

fn write_summary(book: &mut Book, s: &mut Sheet, stats: &Stats, spec: &AspSpec) -> Result<(), ReportError> {
    let lang = spec.lang;
    let label = |k: &str| Cell::Text(t(lang, k));
    let median = |m: Option<f64>| m.map(Cell::Num).unwrap_or_else(|| label("rep-sum-no-data"));
    book.row(s, &[label("rep-sum-title")], true)?;
    book.row(s, &[label("rep-sum-period"), Cell::Text(spec.period.label())], false)?;
    book.row(s, &[label("rep-sum-area"), Cell::text(spec.area_label.clone())], false)?;
    book.row(s, &[label("rep-sum-total"), Cell::Int(stats.rows as i64)], false)?;
    book.row(s, &[label("rep-sum-median-response"), median(stats.to_response.median_days())], false)?;
    book.row(s, &[label("rep-sum-median-closure"), median(stats.to_closure.median_days())], false)?;
    book.blank(s);
    let mut header = vec![label("rep-col-category")];
    header.extend(Status::ALL.iter().map(|st| Cell::Text(t(lang, &st.message_key()))));
    header.push(label("rep-sum-total-col"));
    book.row(s, &header, true)?;
    for cat in Category::ALL {
        let counts: Vec<u64> = Status::ALL.iter().map(|st| stats.count(cat.code(), st.as_str())).collect();
        let mut cells = vec![Cell::Text(category_label(lang, cat.code()))];
        cells.extend(counts.iter().map(|n| Cell::Int(*n as i64)));
        cells.push(Cell::Int(counts.iter().sum::<u64>() as i64));
        book.row(s, &cells, false)?;
    }
    book.blank(s);
    book.row(s, &[label("rep-col-kelurahan"), label("rep-sum-total-col"), label("rep-sum-closed")], true)?;
    for (kelurahan, (all, closed)) in &stats.by_kelurahan {
        book.row(s, &[Cell::text(kelurahan.clone()), Cell::Int(*all as i64), Cell::Int(*closed as i64)], false)?;
    }
    Ok(())
}

/// `2026-11-05 14:30` in the report's zone: sorts right as text in any locale.
pub fn local_time(ts: i64, tz: Tz) -> String {
    use chrono::TimeZone;
    tz.timestamp_opt(ts, 0).single().map(|t| t.format("%Y-%m-%d %H:%M").to_string()).unwrap_or_default()
}

/// A category's label without its emoji (spreadsheets and the chart's font show none).
pub fn category_label(lang: Lang, code: &str) -> String {
    match Category::parse(code) {
        Some(c) => plain(&t(lang, &c.message_key())),
        None => code.to_string(),
    }
}

fn status_label(lang: Lang, code: &str) -> String {
    Status::parse(code).map(|s| t(lang, &s.message_key())).unwrap_or_else(|| code.to_string())
}

/// The label from its first letter or digit on.
pub fn plain(label: &str) -> String {
    label.trim_start_matches(|c: char| !c.is_alphanumeric()).to_string()
}
