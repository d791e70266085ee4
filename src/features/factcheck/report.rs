//! The cek fakta report (issue 15): requests of a period and area with their
//! verdicts, how long staff took to answer, and the breakdowns by verdict and by
//! kecamatan; XLSX (summary and detail) and CSV, streamed like the aspirations.
//!
//! A request answered at once from an earlier verdict on the same content
//! (`fact_checks.repeat`) is counted apart and left out of the time to answer: no
//! one spent time on it, and its zero would hide how long staff really take.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono_tz::Tz;
use sqlx::Row;
use sqlx::any::AnyRow;
use tokio::sync::mpsc::Receiver;

use crate::platform::export::{local, plain};
use crate::platform::export::period::Period;
use crate::platform::export::minutes::Minutes;
use crate::platform::export::xlsx::{Book, Cell, Sheet};
use crate::platform::export::{ExportError, Progress, csv::CsvOut, names, pipeline};
use super::model::Verdict;
use crate::kernel::members::covers;
use crate::platform::db::{Db, DbError};
use crate::platform::export::kinds::{PeriodFiles, PeriodReport, PeriodRequest};
use crate::platform::i18n::{Arg, Lang, t, ta};
use futures_util::future::BoxFuture;

/// The cek fakta report as `/laporan` and the console's *Unduh* offer it.
pub static PERIOD: PeriodReport = PeriodReport {
    code: "factchecks",
    button: "f",
    slug: "cekfakta",
    chat_label: "rep-kind-factchecks",
    choose_period: "rep-fc-choose-period",
    console_title: "console-download-factchecks",
    formats: &["xlsx", "csv"],
    order: 50,
    run: run_period,
};

fn run_period<'a>(db: &'a Db, req: &'a PeriodRequest, dir: &'a Path, progress: Arc<Progress>) -> BoxFuture<'a, Result<PeriodFiles, ExportError>> {
    Box::pin(async move {
        let spec = FactSpec { period: req.period, area_path: req.area_path.clone(), area_label: req.area_label.clone(), lang: req.lang, tz: req.tz };
        let out = export(db, &spec, dir, progress).await?;
        let key = if out.rows == 0 { "rep-fc-empty" } else { "rep-fc-done" };
        let args = [("period", Arg::from(req.period.label())), ("area", Arg::from(req.area_label.as_str())), ("rows", Arg::from(out.rows as i64))];
        Ok(PeriodFiles { rows: out.rows, documents: vec![("xlsx", out.xlsx), ("csv", out.csv)], chart: None, summary: ta(req.lang, key, &args) })
    })
}

/// What to export and how to label it.
#[derive(Clone, Debug)]
pub struct FactSpec {
    pub period: Period,
    /// Only KIMs inside this area (path); `None` = everywhere (admins).
    pub area_path: Option<String>,
    pub area_label: String,
    pub lang: Lang,
    pub tz: Tz,
}

#[derive(Clone, Debug)]
pub struct FactExport {
    pub xlsx: PathBuf,
    pub csv: PathBuf,
    pub rows: u64,
}

/// One request as the detail shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct FactRow {
    pub number: String,
    pub created_at: i64,
    pub answered_at: Option<i64>,
    pub verdict: Option<Verdict>,
    pub repeat: bool,
    pub body: String,
    pub link: Option<String>,
    pub kecamatan: String,
    pub kelurahan: String,
    pub kim: String,
}

const FROM_WHERE: &str = " FROM fact_checks f JOIN kims k ON k.id = f.kim_id JOIN areas kel ON kel.id = k.kelurahan_id \
     LEFT JOIN areas kec ON kec.id = kel.parent_id \
     WHERE f.created_at >= $1 AND f.created_at < $2 AND (kel.path = $3 OR kel.path LIKE $4)";

const SELECT: &str = "SELECT f.number, f.created_at, f.answered_at, f.verdict, f.repeat, f.body, f.link, \
     kec.name AS kecamatan, kel.name AS kelurahan, kel.path AS area_path, k.name AS kim_name";

/// The binds of [`FROM_WHERE`].
fn binds(spec: &FactSpec) -> (i64, i64, String, String) {
    let (from, to) = spec.period.bounds(spec.tz);
    match &spec.area_path {
        Some(p) => (from, to, p.clone(), format!("{p}/%")),
        None => (from, to, String::new(), "%".into()),
    }
}

/// `cekfakta-ilir-barat-i-2026-11`.
pub fn file_stem(spec: &FactSpec) -> String {
    format!("cekfakta-{}-{}", names::area_slug(spec.area_path.as_deref()), spec.period.slug())
}

/// Writes `<stem>.xlsx` and `<stem>-titikkoma.csv` into `dir`.
pub async fn export(db: &Db, spec: &FactSpec, dir: &Path, progress: Arc<Progress>) -> Result<FactExport, ExportError> {
    let (from, to, exact, prefix) = binds(spec);
    let count = sqlx::query(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) AS n{FROM_WHERE}")))
        .bind(from)
        .bind(to)
        .bind(exact.clone())
        .bind(prefix.clone())
        .fetch_one(&db.pool)
        .await?;
    progress.set_total(count.try_get::<i64, _>("n")?.max(0) as u64);
    let stem = file_stem(spec);
    let out = FactExport { xlsx: dir.join(format!("{stem}.xlsx")), csv: dir.join(format!("{stem}{}", crate::platform::export::csv::SUFFIX)), rows: 0 };
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!("{SELECT}{FROM_WHERE} ORDER BY f.id")))
        .bind(from)
        .bind(to)
        .bind(exact)
        .bind(prefix)
        .fetch(&db.pool);
    let scope = spec.area_path.clone();
    let (spec2, out2) = (spec.clone(), out.clone());
    let rows = pipeline::run(rows, move |r| decode(r, scope.as_deref()), move |rx| write_all(rx, &spec2, &out2, &progress)).await?;
    Ok(FactExport { rows, ..out })
}

/// Decodes one row; rows outside the scope are refused here too (`LIKE`'s `_`).
fn decode(r: &AnyRow, scope: Option<&str>) -> Result<Option<FactRow>, DbError> {
    let path: String = r.try_get("area_path")?;
    if scope.is_some_and(|s| !covers(s, &path)) {
        return Ok(None);
    }
    let verdict: Option<String> = r.try_get("verdict")?;
    let kecamatan: Option<String> = r.try_get("kecamatan")?;
    Ok(Some(FactRow {
        number: r.try_get("number")?,
        created_at: r.try_get("created_at")?,
        answered_at: r.try_get("answered_at")?,
        verdict: verdict.as_deref().and_then(Verdict::parse),
        repeat: r.try_get::<i64, _>("repeat")? != 0,
        body: r.try_get("body")?,
        link: r.try_get("link")?,
        kecamatan: kecamatan.unwrap_or_default(),
        kelurahan: r.try_get("kelurahan")?,
        kim: r.try_get("kim_name")?,
    }))
}

/// Counts gathered while the detail streams past.
#[derive(Debug, Default)]
struct Stats {
    rows: u64,
    by_staff: u64,
    repeats: u64,
    by_verdict: BTreeMap<&'static str, u64>,
    /// Kecamatan → (requests, open, per verdict code).
    by_kecamatan: BTreeMap<String, (u64, u64, BTreeMap<&'static str, u64>)>,
    to_answer: Minutes,
}

impl Stats {
    fn add(&mut self, row: &FactRow) {
        self.rows += 1;
        let area = self.by_kecamatan.entry(row.kecamatan.clone()).or_default();
        area.0 += 1;
        match (row.verdict, row.answered_at) {
            (Some(v), Some(at)) => {
                *self.by_verdict.entry(v.code()).or_default() += 1;
                *area.2.entry(v.code()).or_default() += 1;
                if row.repeat {
                    self.repeats += 1;
                } else {
                    self.by_staff += 1;
                    self.to_answer.add(at - row.created_at);
                }
            }
            _ => area.1 += 1,
        }
    }
}

const COLUMNS: [&str; 12] = [
    "rep-fc-col-number", "rep-col-date", "rep-col-kecamatan", "rep-col-kelurahan", "rep-col-kim", "rep-fc-col-text",
    "rep-fc-col-link", "rep-col-status", "rep-fc-col-verdict", "rep-fc-col-answered", "rep-fc-col-hours", "rep-fc-col-repeat",
];
const WIDTHS: [f64; 12] = [17.0, 17.0, 18.0, 20.0, 24.0, 60.0, 36.0, 12.0, 24.0, 17.0, 12.0, 12.0];

fn write_all(mut rx: Receiver<FactRow>, spec: &FactSpec, out: &FactExport, progress: &Progress) -> Result<u64, ExportError> {
    let lang = spec.lang;
    let header: Vec<Cell> = COLUMNS.iter().map(|k| Cell::Text(t(lang, k))).collect();
    let mut book = Book::new();
    let mut summary = book.add_sheet(&t(lang, "rep-sheet-summary"), &[44.0, 20.0, 12.0, 12.0, 14.0, 14.0, 12.0, 12.0])?;
    let mut detail = book.add_table(&t(lang, "rep-sheet-detail"), &WIDTHS, &header)?;
    let mut csv = CsvOut::create(&out.csv)?;
    csv.row(&header)?;
    let mut stats = Stats::default();
    while let Some(row) = rx.blocking_recv() {
        stats.add(&row);
        let cells = cells(&row, spec);
        book.row(&mut detail, &cells, false)?;
        csv.row(&cells)?;
        progress.add(1);
    }
    book.close_table(&detail, COLUMNS.len())?;
    csv.finish()?;
    write_summary(&mut book, &mut summary, &stats, spec)?;
    book.save(&out.xlsx)?;
    Ok(stats.rows)
}

fn verdict_label(lang: Lang, v: Verdict) -> String {
    plain(&t(lang, v.key()))
}

fn cells(row: &FactRow, spec: &FactSpec) -> Vec<Cell> {
    let lang = spec.lang;
    let answered = row.verdict.is_some() && row.answered_at.is_some();
    let hours = row.answered_at.filter(|_| answered && !row.repeat).map(|at| Cell::Num((at - row.created_at) as f64 / 3600.0));
    vec![
        Cell::text(row.number.clone()),
        Cell::When(local(row.created_at, spec.tz)),
        Cell::text(row.kecamatan.clone()),
        Cell::text(row.kelurahan.clone()),
        Cell::text(row.kim.clone()),
        Cell::text(row.body.clone()),
        Cell::opt(row.link.clone()),
        Cell::Text(t(lang, if answered { "rep-fc-status-answered" } else { "rep-fc-status-open" })),
        row.verdict.map(|v| Cell::Text(verdict_label(lang, v))).unwrap_or(Cell::Empty),
        row.answered_at.map(|at| Cell::When(local(at, spec.tz))).unwrap_or(Cell::Empty),
        hours.unwrap_or(Cell::Empty),
        if row.repeat { Cell::Text(t(lang, "rep-yes")) } else { Cell::Empty },
    ]
}

fn write_summary(book: &mut Book, s: &mut Sheet, stats: &Stats, spec: &FactSpec) -> Result<(), ExportError> {
    let lang = spec.lang;
    let label = |k: &str| Cell::Text(t(lang, k));
    let int = |n: u64| Cell::Int(n as i64);
    let median = stats.to_answer.median_days().map(|d| Cell::Num(d * 24.0)).unwrap_or_else(|| label("rep-sum-no-data"));
    book.row(s, &[label("rep-fc-sum-title")], true)?;
    book.row(s, &[label("rep-sum-period"), Cell::Text(spec.period.label())], false)?;
    book.row(s, &[label("rep-sum-area"), Cell::text(spec.area_label.clone())], false)?;
    book.row(s, &[label("rep-fc-sum-total"), int(stats.rows)], false)?;
    book.row(s, &[label("rep-fc-sum-by-staff"), int(stats.by_staff)], false)?;
    book.row(s, &[label("rep-fc-sum-repeats"), int(stats.repeats)], false)?;
    book.row(s, &[label("rep-fc-sum-open"), int(stats.rows - stats.by_staff - stats.repeats)], false)?;
    book.row(s, &[label("rep-fc-sum-median"), median], false)?;
    book.blank(s);
    book.row(s, &[label("rep-fc-col-verdict"), label("rep-sum-total-col")], true)?;
    for v in Verdict::ALL {
        book.row(s, &[Cell::Text(verdict_label(lang, v)), int(stats.by_verdict.get(v.code()).copied().unwrap_or(0))], false)?;
    }
    book.blank(s);
    let mut header = vec![label("rep-col-kecamatan"), label("rep-fc-sum-requests"), label("rep-fc-status-open")];
    header.extend(Verdict::ALL.iter().map(|v| Cell::Text(verdict_label(lang, *v))));
    book.row(s, &header, true)?;
    for (kecamatan, (all, open, verdicts)) in &stats.by_kecamatan {
        let mut cells = vec![Cell::text(kecamatan.clone()), int(*all), int(*open)];
        cells.extend(Verdict::ALL.iter().map(|v| int(verdicts.get(v.code()).copied().unwrap_or(0))));
        book.row(s, &cells, false)?;
    }
    Ok(())
}
