//! The aspirations report: one pass over the detail rows writes the XLSX detail
//! sheet and the CSV while gathering [`Stats`]; then the summary sheet (first in the
//! book, written last — each constant-memory sheet only needs its own rows in order)
//! and the weekly chart.

pub mod agencies;
pub mod agencies_bench;
pub mod agencies_export;
pub mod bench;
pub mod chart;
pub mod detail;
pub mod query;
pub mod summary;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono_tz::Tz;
use tokio::sync::mpsc::Receiver;

use crate::platform::export::period::Period;
use self::query::{AspFilter, AspRow};
use self::summary::{Counts, Stats};
use crate::platform::export::xlsx::{Book, Cell, MAX_ROW, Sheet};
use crate::platform::export::{ExportError, Progress, csv::CsvOut, names, pipeline};
use super::model::{Category, Status};
use crate::platform::db::Db;
use crate::platform::export::kinds::{PeriodFiles, PeriodReport, PeriodRequest};
use crate::platform::i18n::{Arg, Lang, t, ta};
use futures_util::future::BoxFuture;

/// The aspirations report as `/laporan` and the console's *Unduh* offer it.
pub static PERIOD: PeriodReport = PeriodReport {
    code: "aspirations",
    button: "a",
    slug: "aspirasi",
    chat_label: "rep-kind-aspirations",
    choose_period: "rep-choose-period",
    console_title: "console-download-aspirations",
    formats: &["xlsx", "csv", "png"],
    order: 10,
    run: run_period,
};

fn run_period<'a>(db: &'a Db, req: &'a PeriodRequest, dir: &'a Path, progress: Arc<Progress>) -> BoxFuture<'a, Result<PeriodFiles, ExportError>> {
    Box::pin(async move {
        let (from, to) = req.period.bounds(req.tz);
        let filter = AspFilter { from, to, area_path: req.area_path.clone(), show_names: true };
        let spec = AspSpec { filter, period: req.period, area_label: req.area_label.clone(), lang: req.lang, tz: req.tz };
        let out = export_as_of(db, &spec, req.now, dir, progress).await?;
        let period = req.period.label();
        let key = if out.rows == 0 { "rep-empty" } else { "rep-done" };
        let args = [("period", Arg::from(period.clone())), ("area", Arg::from(req.area_label.as_str())), ("rows", Arg::from(out.rows as i64))];
        let caption = ta(req.lang, "rep-chart-caption", &[("period", Arg::from(period))]);
        Ok(PeriodFiles {
            rows: out.rows,
            documents: vec![("xlsx", out.xlsx), ("csv", out.csv)],
            chart: Some((out.chart, caption)),
            summary: ta(req.lang, key, &args),
        })
    })
}

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

/// `aspirasi-ilir-barat-i-2026-11`: the common start of the three file names, with
/// the area and the period, so files from several exports never overwrite each other.
pub fn file_stem(spec: &AspSpec) -> String {
    format!("aspirasi-{}-{}", names::area_slug(spec.filter.area_path.as_deref()), spec.period.slug())
}

/// [`export_as_of`] at the system clock's now (for callers without an app clock).
pub async fn export(db: &Db, spec: &AspSpec, dir: &Path, progress: Arc<Progress>) -> Result<AspExport, ExportError> {
    export_as_of(db, spec, chrono::Utc::now().timestamp(), dir, progress).await
}

/// Writes `<stem>.xlsx`, `<stem>-titikkoma.csv` and `<stem>-grafik.png` into `dir`;
/// open tickets' age is counted up to `as_of`.
pub async fn export_as_of(db: &Db, spec: &AspSpec, as_of: i64, dir: &Path, progress: Arc<Progress>) -> Result<AspExport, ExportError> {
    progress.set_total(query::count_aspirations(db, &spec.filter).await?);
    let stem = file_stem(spec);
    let out = AspExport {
        xlsx: dir.join(format!("{stem}.xlsx")),
        csv: dir.join(format!("{stem}{}", crate::platform::export::csv::SUFFIX)),
        chart: dir.join(format!("{stem}-grafik.png")),
        rows: 0,
    };
    let filter = spec.filter.clone();
    let (spec2, out2) = (spec.clone(), out.clone());
    let rows = pipeline::run(
        query::aspiration_rows(db, &spec.filter),
        move |r| query::decode_aspiration(r, &filter),
        move |rx| write_all(rx, &spec2, as_of, &out2, &progress),
    )
    .await?;
    Ok(AspExport { rows, ..out })
}

fn write_all(mut rx: Receiver<AspRow>, spec: &AspSpec, as_of: i64, out: &AspExport, progress: &Progress) -> Result<u64, ExportError> {
    let lang = spec.lang;
    let mut book = Book::new();
    let mut summary = book.add_sheet(&t(lang, "rep-sheet-summary"), &[44.0, 20.0, 14.0, 16.0, 14.0, 14.0, 10.0])?;
    let mut detail = detail_sheet(&mut book, lang, 1)?;
    let mut csv = CsvOut::create(&out.csv)?;
    csv.row(&detail::header(lang))?;
    let mut stats = Stats::default();
    let mut sheets = 1;
    while let Some(row) = rx.blocking_recv() {
        if detail.next_row() > MAX_ROW {
            book.close_table(&detail, detail::columns())?;
            sheets += 1;
            detail = detail_sheet(&mut book, lang, sheets)?;
        }
        stats.add(&row, spec.tz);
        let cells = detail::cells(&row, spec, as_of);
        book.row(&mut detail, &cells, false)?;
        csv.row(&cells)?;
        progress.add(1);
    }
    book.close_table(&detail, detail::columns())?;
    csv.finish()?;
    write_summary(&mut book, &mut summary, &stats, spec)?;
    book.save(&out.xlsx)?;
    chart::render(&stats, spec.period, lang, &out.chart)?;
    Ok(stats.rows)
}

fn detail_sheet(book: &mut Book, lang: Lang, n: usize) -> Result<Sheet, ExportError> {
    let name = if n == 1 { t(lang, "rep-sheet-detail") } else { format!("{} {n}", t(lang, "rep-sheet-detail")) };
    book.add_table(&name, &detail::WIDTHS, &detail::header(lang))
}

fn write_summary(book: &mut Book, s: &mut Sheet, stats: &Stats, spec: &AspSpec) -> Result<(), ExportError> {
    let lang = spec.lang;
    let label = |k: &str| Cell::Text(t(lang, k));
    let median = |d: Option<f64>| d.map(Cell::Num).unwrap_or_else(|| label("rep-sum-no-data"));
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
    write_areas(book, s, stats, lang)
}

/// The breakdowns by kecamatan, then by kelurahan within each kecamatan.
fn write_areas(book: &mut Book, s: &mut Sheet, stats: &Stats, lang: Lang) -> Result<(), ExportError> {
    let label = |k: &str| Cell::Text(t(lang, k));
    let counts = |c: &Counts| [Cell::Int(c.all as i64), Cell::Int(c.closed as i64), Cell::Int(c.overdue as i64)];
    let tail = || [label("rep-sum-total-col"), label("rep-sum-closed"), label("rep-col-overdue")];
    book.blank(s);
    book.row(s, &[&[label("rep-col-kecamatan")][..], &tail()].concat(), true)?;
    for (kecamatan, c) in &stats.by_kecamatan {
        book.row(s, &[&[Cell::text(kecamatan.clone())][..], &counts(c)].concat(), false)?;
    }
    book.blank(s);
    book.row(s, &[&[label("rep-col-kecamatan"), label("rep-col-kelurahan")][..], &tail()].concat(), true)?;
    for ((kecamatan, kelurahan), c) in &stats.by_kelurahan {
        book.row(s, &[&[Cell::text(kecamatan.clone()), Cell::text(kelurahan.clone())][..], &counts(c)].concat(), false)?;
    }
    Ok(())
}

/// A category's label without its emoji (spreadsheets and the chart's font show none).
pub fn category_label(lang: Lang, code: &str) -> String {
    match Category::parse(code) {
        Some(c) => crate::platform::export::plain(&t(lang, &c.message_key())),
        None => code.to_string(),
    }
}

pub fn status_label(lang: Lang, code: &str) -> String {
    Status::parse(code).map(|s| t(lang, &s.message_key())).unwrap_or_else(|| code.to_string())
}
