//! The programme report (issue 29): applications of a period and area with their
//! state, and applicants and recipients by kecamatan, sector, scale and group vs
//! individual; XLSX (summary and detail) and `;` CSV, streamed like every export.
//! No names: an application is its number, its business's sector, scale and place.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use futures_util::future::BoxFuture;
use sqlx::Row;
use sqlx::any::AnyRow;
use tokio::sync::mpsc::Receiver;

use crate::kernel::members::covers;
use crate::platform::db::{Db, DbError};
use crate::platform::export::kinds::{PeriodFiles, PeriodReport, PeriodRequest};
use crate::platform::export::xlsx::{Book, Cell, Sheet};
use crate::platform::export::{ExportError, Progress, csv::CsvOut, local, names, pipeline};
use crate::platform::i18n::{Arg, t, ta};

/// The programme report as `/laporan`, the console's *Unduh* and the CLI offer it.
pub static PERIOD: PeriodReport = PeriodReport {
    code: "programmes",
    button: "p",
    slug: "program",
    chat_label: "rep-kind-programmes",
    choose_period: "rep-prg-choose-period",
    console_title: "console-download-programmes",
    formats: &["xlsx", "csv"],
    order: 45,
    run: run_period,
};

fn run_period<'a>(db: &'a Db, req: &'a PeriodRequest, dir: &'a Path, progress: Arc<Progress>) -> BoxFuture<'a, Result<PeriodFiles, ExportError>> {
    Box::pin(async move {
        let (xlsx, csv, rows) = export(db, req, dir, progress).await?;
        let key = if rows == 0 { "rep-prg-empty" } else { "rep-prg-done" };
        let args = [("period", Arg::from(req.period.label())), ("area", Arg::from(req.area_label.as_str())), ("rows", Arg::from(rows as i64))];
        Ok(PeriodFiles { rows, documents: vec![("xlsx", xlsx), ("csv", csv)], chart: None, summary: ta(req.lang, key, &args) })
    })
}

/// One application as the detail shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct AppRow {
    pub number: String,
    pub programme: String,
    pub created_at: i64,
    pub status: String,
    pub group: bool,
    pub members: i64,
    pub sector: String,
    pub scale: String,
    pub kecamatan: String,
    pub kelurahan: String,
}

const SQL: &str = "SELECT a.number, p.name, p.area_path, a.created_at, a.status, a.is_group, a.members, a.sector, a.scale, \
     a.kecamatan, a.kelurahan FROM programme_applications a JOIN programmes p ON p.id = a.programme_id \
     WHERE a.created_at >= $1 AND a.created_at < $2 ORDER BY a.id";

/// Whether the application lies in the scope: the programme is inside it, or the
/// applicant's kecamatan is (a city-wide programme in a kecamatan's report).
fn in_scope(scope: Option<&str>, programme_path: &str, kecamatan: &str) -> bool {
    let Some(scope) = scope else { return true };
    let kota = crate::kernel::members::agencies::kota_of(programme_path);
    covers(scope, programme_path) || covers(scope, &format!("{kota}/{kecamatan}"))
}

fn decode(r: &AnyRow, scope: Option<&str>) -> Result<Option<AppRow>, DbError> {
    let path: String = r.try_get("area_path")?;
    let kecamatan: String = r.try_get("kecamatan")?;
    if !in_scope(scope, &path, &kecamatan) {
        return Ok(None);
    }
    Ok(Some(AppRow {
        number: r.try_get("number")?,
        programme: r.try_get("name")?,
        created_at: r.try_get("created_at")?,
        status: r.try_get("status")?,
        group: r.try_get::<i64, _>("is_group")? != 0,
        members: r.try_get("members")?,
        sector: r.try_get("sector")?,
        scale: r.try_get("scale")?,
        kecamatan,
        kelurahan: r.try_get("kelurahan")?,
    }))
}

/// Writes `program-<area>-<period>.xlsx` and its CSV into `dir`; returns the paths and rows.
pub async fn export(db: &Db, req: &PeriodRequest, dir: &Path, progress: Arc<Progress>) -> Result<(PathBuf, PathBuf, u64), ExportError> {
    let (from, to) = req.period.bounds(req.tz);
    let stem = format!("program-{}-{}", names::area_slug(req.area_path.as_deref()), req.period.slug());
    let xlsx = dir.join(format!("{stem}.xlsx"));
    let csv = dir.join(format!("{stem}{}", crate::platform::export::csv::SUFFIX));
    let rows = sqlx::query(SQL).bind(from).bind(to).fetch(&db.pool);
    let scope = req.area_path.clone();
    let (req2, x2, c2) = (req.clone(), xlsx.clone(), csv.clone());
    let n = pipeline::run(rows, move |r| decode(r, scope.as_deref()), move |rx| write_all(rx, &req2, &x2, &c2, &progress)).await?;
    Ok((xlsx, csv, n))
}

/// Applicants and recipients per key.
type Tally = BTreeMap<String, (u64, u64)>;

#[derive(Debug, Default)]
struct Stats {
    rows: u64,
    recipients: u64,
    by_kecamatan: Tally,
    by_sector: Tally,
    by_scale: Tally,
    by_form: Tally,
}

impl Stats {
    fn add(&mut self, r: &AppRow, form: String) {
        let got = u64::from(r.status == "accepted");
        self.rows += 1;
        self.recipients += got;
        for (tally, key) in [(&mut self.by_kecamatan, r.kecamatan.clone()), (&mut self.by_sector, r.sector.clone()), (&mut self.by_scale, r.scale.clone()), (&mut self.by_form, form)] {
            let e = tally.entry(key).or_default();
            e.0 += 1;
            e.1 += got;
        }
    }
}

const COLUMNS: [&str; 10] = [
    "rep-prg-col-number", "rep-prg-col-programme", "rep-col-date", "rep-col-status", "rep-prg-col-form", "rep-prg-col-members",
    "rep-prg-col-sector", "rep-prg-col-scale", "rep-col-kecamatan", "rep-col-kelurahan",
];
const WIDTHS: [f64; 10] = [17.0, 36.0, 17.0, 16.0, 14.0, 10.0, 14.0, 12.0, 18.0, 20.0];

fn write_all(mut rx: Receiver<AppRow>, req: &PeriodRequest, xlsx: &Path, csv_path: &Path, progress: &Progress) -> Result<u64, ExportError> {
    let lang = req.lang;
    let header: Vec<Cell> = COLUMNS.iter().map(|k| Cell::Text(t(lang, k))).collect();
    let mut book = Book::new();
    let mut summary = book.add_sheet(&t(lang, "rep-sheet-summary"), &[36.0, 14.0, 14.0])?;
    let mut detail = book.add_table(&t(lang, "rep-sheet-detail"), &WIDTHS, &header)?;
    let mut csv = CsvOut::create(csv_path)?;
    csv.row(&header)?;
    let mut stats = Stats::default();
    while let Some(r) = rx.blocking_recv() {
        let form = t(lang, if r.group { "rep-prg-group" } else { "rep-prg-individual" });
        let status = super::model::AppStatus::from_code(&r.status).map_or_else(|| r.status.clone(), |s| t(lang, s.key()));
        let cells = vec![
            Cell::text(r.number.clone()),
            Cell::text(r.programme.clone()),
            Cell::When(local(r.created_at, req.tz)),
            Cell::Text(status),
            Cell::Text(form.clone()),
            Cell::Int(r.members),
            Cell::text(r.sector.clone()),
            Cell::text(r.scale.clone()),
            Cell::text(r.kecamatan.clone()),
            Cell::text(r.kelurahan.clone()),
        ];
        book.row(&mut detail, &cells, false)?;
        csv.row(&cells)?;
        stats.add(&r, form);
        progress.add(1);
    }
    book.close_table(&detail, COLUMNS.len())?;
    csv.finish()?;
    write_summary(&mut book, &mut summary, &stats, req)?;
    book.save(xlsx)?;
    Ok(stats.rows)
}

fn write_summary(book: &mut Book, s: &mut Sheet, stats: &Stats, req: &PeriodRequest) -> Result<(), ExportError> {
    let lang = req.lang;
    let label = |k: &str| Cell::Text(t(lang, k));
    let int = |n: u64| Cell::Int(n as i64);
    book.row(s, &[label("rep-prg-sum-title")], true)?;
    book.row(s, &[label("rep-sum-period"), Cell::Text(req.period.label())], false)?;
    book.row(s, &[label("rep-sum-area"), Cell::text(req.area_label.clone())], false)?;
    book.row(s, &[label("rep-prg-applicants"), int(stats.rows)], false)?;
    book.row(s, &[label("rep-prg-recipients"), int(stats.recipients)], false)?;
    for (head, tally) in [("rep-col-kecamatan", &stats.by_kecamatan), ("rep-prg-col-sector", &stats.by_sector), ("rep-prg-col-scale", &stats.by_scale), ("rep-prg-col-form", &stats.by_form)] {
        book.blank(s);
        book.row(s, &[label(head), label("rep-prg-applicants"), label("rep-prg-recipients")], true)?;
        for (key, (all, got)) in tally {
            book.row(s, &[Cell::text(key.clone()), int(*all), int(*got)], false)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_city_wide_programme_counts_in_the_kecamatan_of_its_applicant() {
        let kec = "Kota Palembang/Ilir Barat I";
        assert!(in_scope(Some(kec), "Kota Palembang", "Ilir Barat I"));
        assert!(!in_scope(Some(kec), "Kota Palembang", "Kemuning"));
        assert!(in_scope(Some(kec), "Kota Palembang/Ilir Barat I", "Ilir Barat I"));
        assert!(in_scope(None, "Kota Lain", "X"));
    }
}
