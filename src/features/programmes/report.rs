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
use super::follow_up::{self, FollowUp};
use crate::features::surveys::model::{Kind as QuestionKind, Question};
use crate::features::surveys::results::MIN_SHOWN;
use crate::platform::i18n::{Arg, Lang, t, ta};

/// The programme report as `/laporan`, the console's *Unduh* and the CLI offer it.
pub static PERIOD: PeriodReport = PeriodReport {
    code: "programmes",
    button: "p",
    slug: "program",
    chat_label: "rep-kind-programmes",
    choose_period: "rep-prg-choose-period",
    console_title: "console-download-programmes",
    formats: &["xlsx", "csv", "png"],
    order: 45,
    run: run_period,
};

fn run_period<'a>(db: &'a Db, req: &'a PeriodRequest, dir: &'a Path, progress: Arc<Progress>) -> BoxFuture<'a, Result<PeriodFiles, ExportError>> {
    Box::pin(async move {
        let follow_ups = follow_ups(db, req).await?;
        let (xlsx, csv, png, rows) = export(db, req, dir, &follow_ups, progress).await?;
        let key = if rows == 0 { "rep-prg-empty" } else { "rep-prg-done" };
        let args = [("period", Arg::from(req.period.label())), ("area", Arg::from(req.area_label.as_str())), ("rows", Arg::from(rows as i64))];
        let mut summary = ta(req.lang, key, &args);
        for f in &follow_ups {
            summary.push_str(&format!("\n{}", follow_up_line(req.lang, f)));
        }
        let caption = ta(req.lang, "rep-prg-chart-caption", &[("period", Arg::from(req.period.label()))]);
        Ok(PeriodFiles { rows, documents: vec![("xlsx", xlsx), ("csv", csv)], chart: Some((png, caption)), summary })
    })
}

/// The follow-ups of the programmes applied to in the period, of programmes inside
/// the report's area (a wider programme's follow-up is its own area's to read).
async fn follow_ups(db: &Db, req: &PeriodRequest) -> Result<Vec<FollowUp>, ExportError> {
    let (from, to) = req.period.bounds(req.tz);
    let ids: Vec<super::model::ProgrammeId> = super::store::followed_up_between(db, from, to)
        .await?
        .into_iter()
        .filter(|p| req.area_path.as_deref().is_none_or(|scope| covers(scope, &p.area_path)))
        .map(|p| p.id)
        .collect();
    Ok(follow_up::results_for(db, &ids).await?)
}

/// "Tindak lanjut «…»: 5 dari 6 penerima menjawab. Terbantu: 4 · tidak terbantu: 1."
fn follow_up_line(lang: Lang, f: &FollowUp) -> String {
    let args = [("name", Arg::from(f.programme.as_str())), ("respondents", Arg::from(f.respondents)), ("invited", Arg::from(f.invited))];
    let head = ta(lang, "rep-prg-fu-line", &args);
    let count = |i: usize| f.helped.get(i).map_or(0, |(_, n)| *n);
    let tail = if f.withheld {
        ta(lang, "rep-prg-fu-withheld", &[("min", Arg::from(MIN_SHOWN))])
    } else {
        ta(lang, "rep-prg-fu-helped-line", &[("yes", Arg::from(count(0))), ("no", Arg::from(count(1)))])
    };
    format!("{head} {tail}")
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
    /// Answers to the closed questions (choice, scale) as "question: answer; …"; typed
    /// answers stay out, as they may name people.
    pub answers: String,
}

const SQL: &str = "SELECT a.number, p.name, p.area_path, a.created_at, a.status, a.is_group, a.members, a.sector, a.scale, \
     a.kecamatan, a.kelurahan, a.answers, p.questions FROM programme_applications a JOIN programmes p ON p.id = a.programme_id \
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
        answers: closed_answers(&r.try_get::<String, _>("questions")?, &r.try_get::<String, _>("answers")?),
    }))
}

/// "question: answer" of each choice or scale question, joined by "; ".
fn closed_answers(questions: &str, answers: &str) -> String {
    let questions: Vec<Question> = serde_json::from_str(questions).unwrap_or_default();
    let answers: Vec<String> = serde_json::from_str(answers).unwrap_or_default();
    questions
        .iter()
        .zip(&answers)
        .filter(|(q, _)| q.kind != QuestionKind::Text)
        .map(|(q, a)| format!("{}: {a}", q.prompt))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Writes `program-<area>-<period>.xlsx`, its CSV and its chart
/// `…-grafik.png` into `dir`; returns the paths and rows.
pub async fn export(
    db: &Db,
    req: &PeriodRequest,
    dir: &Path,
    follow_ups: &[FollowUp],
    progress: Arc<Progress>,
) -> Result<(PathBuf, PathBuf, PathBuf, u64), ExportError> {
    let (from, to) = req.period.bounds(req.tz);
    let stem = format!("program-{}-{}", names::area_slug(req.area_path.as_deref()), req.period.slug());
    let xlsx = dir.join(format!("{stem}.xlsx"));
    let csv = dir.join(format!("{stem}{}", crate::platform::export::csv::SUFFIX));
    let png = dir.join(format!("{stem}-grafik.png"));
    let rows = sqlx::query(SQL).bind(from).bind(to).fetch(&db.pool);
    let scope = req.area_path.clone();
    let (req2, paths, f2) = (req.clone(), [xlsx.clone(), csv.clone(), png.clone()], follow_ups.to_vec());
    let n = pipeline::run(rows, move |r| decode(r, scope.as_deref()), move |rx| write_all(rx, &req2, &paths, &f2, &progress)).await?;
    Ok((xlsx, csv, png, n))
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

const COLUMNS: [&str; 11] = [
    "rep-prg-col-number", "rep-prg-col-programme", "rep-col-date", "rep-col-status", "rep-prg-col-form", "rep-prg-col-members",
    "rep-prg-col-sector", "rep-prg-col-scale", "rep-col-kecamatan", "rep-col-kelurahan", "rep-prg-col-answers",
];
const WIDTHS: [f64; 11] = [17.0, 36.0, 17.0, 16.0, 14.0, 10.0, 14.0, 12.0, 18.0, 20.0, 40.0];

fn write_all(
    mut rx: Receiver<AppRow>,
    req: &PeriodRequest,
    [xlsx, csv_path, png]: &[PathBuf; 3],
    follow_ups: &[FollowUp],
    progress: &Progress,
) -> Result<u64, ExportError> {
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
            Cell::text(r.answers.clone()),
        ];
        book.row(&mut detail, &cells, false)?;
        csv.row(&cells)?;
        stats.add(&r, form);
        progress.add(1);
    }
    book.close_table(&detail, COLUMNS.len())?;
    csv.finish()?;
    write_summary(&mut book, &mut summary, &stats, req)?;
    write_follow_ups(&mut book, &mut summary, follow_ups, lang)?;
    book.save(xlsx)?;
    let args = [("period", Arg::from(req.period.label())), ("area", Arg::from(req.area_label.as_str()))];
    super::chart::render(&super::chart::rows(&stats.by_kecamatan), &ta(lang, "rep-prg-chart-title", &args), lang, png)?;
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

/// Each follow-up under the summary: who was asked and answered, then (from the
/// surveys' threshold on) helped yes/no and the revenue bands before and now.
fn write_follow_ups(book: &mut Book, s: &mut Sheet, follow_ups: &[FollowUp], lang: Lang) -> Result<(), ExportError> {
    let label = |k: &str| Cell::Text(t(lang, k));
    for f in follow_ups {
        book.blank(s);
        book.row(s, &[label("rep-prg-fu-title"), Cell::text(f.programme.clone())], true)?;
        book.row(s, &[label("rep-prg-fu-invited"), Cell::Int(f.invited)], false)?;
        book.row(s, &[label("rep-prg-fu-respondents"), Cell::Int(f.respondents)], false)?;
        if f.withheld {
            book.row(s, &[Cell::Text(ta(lang, "rep-prg-fu-withheld", &[("min", Arg::from(MIN_SHOWN))]))], false)?;
            continue;
        }
        book.row(s, &[label("rep-prg-fu-helped")], true)?;
        for (option, n) in &f.helped {
            book.row(s, &[Cell::text(option.clone()), Cell::Int(*n)], false)?;
        }
        book.row(s, &[label("rep-prg-fu-band"), label("rep-prg-fu-before"), label("rep-prg-fu-after")], true)?;
        for ((band, before), (_, after)) in f.before.iter().zip(&f.after) {
            book.row(s, &[Cell::text(band.clone()), Cell::Int(*before), Cell::Int(*after)], false)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_closed_answers_go_into_the_report() {
        let qs = r#"[{"kind":"choice","prompt":"Punya QRIS?","options":["Ya","Tidak"]},{"kind":"text","prompt":"Nama pemasok?"},{"kind":"scale","prompt":"Siap?"}]"#;
        assert_eq!(closed_answers(qs, r#"["Ya","Pak Budi","4"]"#), "Punya QRIS?: Ya; Siap?: 4");
        assert_eq!(closed_answers("[]", "[]"), "");
        assert_eq!(closed_answers("not json", r#"["x"]"#), "");
    }

    #[test]
    fn a_city_wide_programme_counts_in_the_kecamatan_of_its_applicant() {
        let kec = "Kota Palembang/Ilir Barat I";
        assert!(in_scope(Some(kec), "Kota Palembang", "Ilir Barat I"));
        assert!(!in_scope(Some(kec), "Kota Palembang", "Kemuning"));
        assert!(in_scope(Some(kec), "Kota Palembang/Ilir Barat I", "Ilir Barat I"));
        assert!(in_scope(None, "Kota Lain", "X"));
    }
}
