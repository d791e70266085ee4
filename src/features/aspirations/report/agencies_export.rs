//! The agency report as files: `kinerja-opd-<area>-<period>.xlsx` (one sheet: the
//! period, area and service levels, then one row per agency and the total) and the
//! same table as `;` CSV. Declared as a period report, so `/laporan`, the console's
//! *Unduh* and `kimbot export opd` offer it like the others.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use futures_util::future::BoxFuture;

use super::agencies::{self, Line, Request, Scope, Table};
use crate::platform::db::Db;
use crate::platform::export::kinds::{PeriodFiles, PeriodReport, PeriodRequest};
use crate::platform::export::xlsx::{Book, Cell};
use crate::platform::export::{ExportError, Progress, csv::CsvOut, names};
use crate::platform::i18n::{Arg, Lang, t, ta};

/// "Kinerja OPD" as `/laporan` and the console's *Unduh* offer it.
pub static PERIOD: PeriodReport = PeriodReport {
    code: "agencies",
    button: "o",
    slug: "opd",
    chat_label: "rep-kind-agencies",
    choose_period: "rep-opd-choose-period",
    console_title: "console-download-agencies",
    formats: &["xlsx", "csv"],
    order: 15,
    run: run_period,
};

/// The files written.
#[derive(Clone, Debug)]
pub struct AgencyExport {
    pub xlsx: PathBuf,
    pub csv: PathBuf,
    /// Dispositions counted.
    pub rows: u64,
}

fn run_period<'a>(db: &'a Db, req: &'a PeriodRequest, dir: &'a Path, progress: Arc<Progress>) -> BoxFuture<'a, Result<PeriodFiles, ExportError>> {
    Box::pin(async move {
        let out = export(db, req, dir, progress).await?;
        let key = if out.rows == 0 { "rep-opd-empty" } else { "rep-opd-done" };
        let args = [("period", Arg::from(req.period.label())), ("area", Arg::from(req.area_label.as_str())), ("rows", Arg::from(out.rows as i64))];
        Ok(PeriodFiles { rows: out.rows, documents: vec![("xlsx", out.xlsx), ("csv", out.csv)], chart: None, summary: ta(req.lang, key, &args) })
    })
}

/// `kinerja-opd-ilir-barat-i-2026-11`.
pub fn file_stem(req: &PeriodRequest) -> String {
    format!("kinerja-opd-{}-{}", names::area_slug(req.area_path.as_deref()), req.period.slug())
}

/// Writes `<stem>.xlsx` and `<stem>-titikkoma.csv` into `dir`.
pub async fn export(db: &Db, req: &PeriodRequest, dir: &Path, progress: Arc<Progress>) -> Result<AgencyExport, ExportError> {
    let (from, to) = req.period.bounds(req.tz);
    let measure = Request { scope: Scope::Area(req.area_path.clone()), from, to, sla: req.sla.clone(), tz: req.tz, now: req.now };
    let stem = file_stem(req);
    let xlsx = dir.join(format!("{stem}.xlsx"));
    let csv = dir.join(format!("{stem}{}", crate::platform::export::csv::SUFFIX));
    let (x, c, r) = (xlsx.clone(), csv.clone(), req.clone());
    let rows = agencies::gather_then(db, &measure, move |table| {
        progress.set_total(table.lines.len() as u64);
        write(&table, &r, &x, &c, &progress)?;
        Ok(table.total.received)
    })
    .await?;
    Ok(AgencyExport { xlsx, csv, rows })
}

/// Column widths of the XLSX.
const WIDTHS: [f64; 15] = [12.0, 34.0, 10.0, 12.0, 10.0, 13.0, 10.0, 18.0, 18.0, 18.0, 16.0, 16.0, 14.0, 10.0, 12.0];

fn header(lang: Lang, req: &PeriodRequest) -> Vec<Cell> {
    let days = |key: &str, n: u32| Cell::Text(ta(lang, key, &[("days", Arg::from(i64::from(n)))]));
    let plain = |key: &str| Cell::Text(t(lang, key));
    vec![
        plain("rep-opd-col-code"),
        plain("rep-opd-col-name"),
        plain("rep-opd-col-received"),
        plain("rep-opd-col-in-progress"),
        plain("rep-opd-col-done"),
        plain("rep-opd-col-returned"),
        plain("rep-opd-col-recalled"),
        days("rep-opd-col-office", req.sla.working_days),
        days("rep-opd-col-response", req.sla.opd_response_days),
        days("rep-opd-col-finish", req.sla.opd_done_days),
        plain("rep-opd-col-median-response"),
        plain("rep-opd-col-median-done"),
        plain("rep-opd-col-rating"),
        plain("rep-opd-col-rated"),
        plain("rep-opd-col-reopen"),
    ]
}

/// One line's cells; the agency's code and name are the office's typed text (the
/// CSV writer defuses formulas in every text cell).
pub fn cells(line: &Line, code: Cell, name: Cell) -> Vec<Cell> {
    let int = |n: u64| Cell::Int(n as i64);
    let num = |x: Option<f64>| x.map(|x| Cell::Num((x * 10.0).round() / 10.0)).unwrap_or(Cell::Empty);
    vec![
        code,
        name,
        int(line.received),
        int(line.in_progress),
        int(line.done),
        int(line.returned),
        int(line.recalled),
        num(line.office.percent()),
        num(line.response.percent()),
        num(line.finish.percent()),
        num(line.median_response_days()),
        num(line.median_done_days()),
        num(line.average_rating()),
        int(line.rated),
        num(line.reopen_percent()),
    ]
}

fn write(table: &Table, req: &PeriodRequest, xlsx: &Path, csv_path: &Path, progress: &Progress) -> Result<(), ExportError> {
    let lang = req.lang;
    let label = |k: &str| Cell::Text(t(lang, k));
    let header = header(lang, req);
    let mut book = Book::new();
    let mut sheet = book.add_sheet(&t(lang, "rep-opd-sheet"), &WIDTHS)?;
    let mut csv = CsvOut::create(csv_path)?;
    book.row(&mut sheet, &[label("rep-opd-title")], true)?;
    book.row(&mut sheet, &[label("rep-sum-period"), Cell::Text(req.period.label())], false)?;
    book.row(&mut sheet, &[label("rep-sum-area"), Cell::text(req.area_label.clone())], false)?;
    let levels = [
        ("office", Arg::from(i64::from(req.sla.working_days))),
        ("response", Arg::from(i64::from(req.sla.opd_response_days))),
        ("done", Arg::from(i64::from(req.sla.opd_done_days))),
    ];
    book.row(&mut sheet, &[label("rep-opd-levels"), Cell::Text(ta(lang, "rep-opd-levels-value", &levels))], false)?;
    book.row(&mut sheet, &[label("rep-opd-note")], false)?;
    book.blank(&mut sheet);
    book.row(&mut sheet, &header, true)?;
    csv.row(&header)?;
    for line in &table.lines {
        let cells = cells(line, Cell::text(line.code.clone()), Cell::text(line.name.clone()));
        book.row(&mut sheet, &cells, false)?;
        csv.row(&cells)?;
        progress.add(1);
    }
    let total = cells(&table.total, Cell::Empty, label("rep-opd-total"));
    book.row(&mut sheet, &total, true)?;
    csv.row(&total)?;
    csv.finish()?;
    book.save(xlsx)?;
    Ok(())
}
