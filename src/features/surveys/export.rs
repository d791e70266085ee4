//! A survey's results as files: `survei-<id>.xlsx` (summary, by kecamatan, text
//! answers), `survei-<id>-titikkoma.csv` (one long table through the shared
//! formula-defusing CSV writer) and `survei-<id>.png` (a bar chart per question).
//! The same files go to `/laporan` and to `kimbot surveys export`. No user id, name
//! or response id is written anywhere.

use std::path::{Path, PathBuf};

use chrono_tz::Tz;

use super::chart;
use super::model::Kind;
use super::render::{self, when};
use super::results::{self, QuestionResult, Results};
use super::store::Survey;
use crate::platform::export::ExportError;
use crate::platform::export::csv::{CsvOut, SUFFIX};
use crate::platform::export::xlsx::{Book, Cell};
use crate::platform::db::Db;
use crate::platform::i18n::{Lang, t};

/// The files written, and how many responses they count.
#[derive(Debug, Clone)]
pub struct SurveyExport {
    pub xlsx: PathBuf,
    pub csv: PathBuf,
    pub chart: PathBuf,
    pub respondents: i64,
    /// No breakdown in the files: too few respondents (see [`results::MIN_SHOWN`]).
    pub withheld: bool,
}

/// Loads `survey`'s results and writes the three files into `dir` on the blocking
/// pool: what `/laporan` and the console's *Unduh* hand out.
pub async fn export(db: &Db, survey: Survey, lang: Lang, tz: Tz, dir: &Path) -> Result<SurveyExport, ExportError> {
    let r = results::load(db, survey).await?;
    let path = dir.to_path_buf();
    tokio::task::spawn_blocking(move || write(&r, lang, tz, &path)).await.map_err(|e| ExportError::Writer(e.to_string()))?
}

/// Writes the three files into `dir` (blocking: call it from `spawn_blocking`).
pub fn write(r: &Results, lang: Lang, tz: Tz, dir: &Path) -> Result<SurveyExport, ExportError> {
    let stem = format!("survei-{}", r.survey.id);
    let out = SurveyExport {
        xlsx: dir.join(format!("{stem}.xlsx")),
        csv: dir.join(format!("{stem}{SUFFIX}")),
        chart: dir.join(format!("{stem}.png")),
        respondents: r.respondents,
        withheld: r.withheld,
    };
    let mut book = Book::new();
    summary_sheet(&mut book, r, lang, tz)?;
    kecamatan_sheet(&mut book, r, lang)?;
    text_sheet(&mut book, r, lang)?;
    book.save(&out.xlsx)?;
    csv(r, lang, &out.csv)?;
    chart::render(r, lang, &out.chart)?;
    Ok(out)
}

fn head(lang: Lang, keys: &[&str]) -> Vec<Cell> {
    keys.iter().map(|k| Cell::Text(t(lang, &format!("sv-col-{k}")))).collect()
}

fn question_cells(q: &QuestionResult, lang: Lang) -> [Cell; 3] {
    [Cell::Int(q.question.position), Cell::text(q.question.q.prompt.clone()), Cell::Text(t(lang, q.question.q.kind.key()))]
}

fn summary_sheet(book: &mut Book, r: &Results, lang: Lang, tz: Tz) -> Result<(), ExportError> {
    let mut sheet = book.add_sheet(&t(lang, "sv-sheet-summary"), &[8.0, 50.0, 16.0, 30.0, 10.0, 10.0])?;
    let s = &r.survey;
    let facts = [
        ("survey", Cell::text(s.title.clone())),
        ("reach", Cell::text(s.reach_name.clone())),
        ("closes", Cell::Text(when(s.closes_at, tz))),
        ("sent", Cell::Int(s.sent_count)),
        ("respondents", Cell::Int(r.respondents)),
    ];
    for (key, value) in facts {
        book.row(&mut sheet, &[Cell::Text(t(lang, &format!("sv-col-{key}"))), value], false)?;
    }
    if r.withheld {
        book.row(&mut sheet, &[Cell::Text(t(lang, "sv-col-note")), Cell::Text(render::withheld(lang))], false)?;
    }
    book.blank(&mut sheet);
    book.row(&mut sheet, &head(lang, &["no", "question", "kind", "answer", "count", "percent"]), true)?;
    for q in &r.questions {
        let n = q.answers();
        for (label, count) in q.labels.iter().zip(&q.totals) {
            let pct = if n > 0 { (*count as f64) * 100.0 / n as f64 } else { 0.0 };
            let mut row = question_cells(q, lang).to_vec();
            row.extend([Cell::text(label.clone()), Cell::Int(*count), Cell::Num(pct)]);
            book.row(&mut sheet, &row, false)?;
        }
        let extra = match (q.question.q.kind, q.mean()) {
            (Kind::Scale, Some(mean)) => Some((t(lang, "sv-col-mean"), Cell::Num(mean))),
            (Kind::Text, _) => Some((t(lang, "sv-col-texts"), Cell::Int(n))),
            _ => None,
        };
        if let Some((label, value)) = extra {
            let mut row = question_cells(q, lang).to_vec();
            row.extend([Cell::Text(label), value]);
            book.row(&mut sheet, &row, false)?;
        }
    }
    Ok(())
}

fn kecamatan_sheet(book: &mut Book, r: &Results, lang: Lang) -> Result<(), ExportError> {
    let mut widths = vec![8.0, 50.0, 30.0];
    widths.extend(r.kecamatans.iter().map(|_| 16.0));
    let mut sheet = book.add_sheet(&t(lang, "sv-sheet-kecamatan"), &widths)?;
    let mut header = head(lang, &["no", "question", "answer"]);
    header.extend(r.kecamatans.iter().map(|k| Cell::text(render::kecamatan_label(lang, k))));
    header.push(Cell::Text(t(lang, "sv-col-total")));
    book.row(&mut sheet, &header, true)?;
    for q in r.questions.iter().filter(|q| q.question.q.kind != Kind::Text) {
        for (i, label) in q.labels.iter().enumerate() {
            let mut row = vec![Cell::Int(q.question.position), Cell::text(q.question.q.prompt.clone()), Cell::text(label.clone())];
            row.extend(r.kecamatans.iter().map(|k| Cell::Int(q.by_kecamatan.get(k).map_or(0, |c| c[i]))));
            row.push(Cell::Int(q.totals[i]));
            book.row(&mut sheet, &row, false)?;
        }
    }
    Ok(())
}

fn text_sheet(book: &mut Book, r: &Results, lang: Lang) -> Result<(), ExportError> {
    let mut sheet = book.add_sheet(&t(lang, "sv-sheet-texts"), &[8.0, 50.0, 20.0, 80.0])?;
    book.row(&mut sheet, &head(lang, &["no", "question", "kecamatan", "answer"]), true)?;
    for q in &r.questions {
        for (kec, text) in &q.texts {
            let kec = render::kecamatan_label(lang, kec);
            let row = [Cell::Int(q.question.position), Cell::text(q.question.q.prompt.clone()), Cell::text(kec), Cell::text(text.clone())];
            book.row(&mut sheet, &row, false)?;
        }
    }
    Ok(())
}

/// One long table: a row per question, answer and kecamatan with its count; each
/// text answer on its own row with count 1.
fn csv(r: &Results, lang: Lang, path: &Path) -> Result<(), ExportError> {
    let mut out = CsvOut::create(path)?;
    out.row(&head(lang, &["no", "question", "kind", "kecamatan", "answer", "count"]))?;
    if r.withheld {
        let blank = || Cell::Text(String::new());
        out.row(&[blank(), Cell::Text(render::withheld(lang)), blank(), blank(), blank(), blank()])?;
    }
    for q in &r.questions {
        let [no, prompt, kind] = question_cells(q, lang);
        for (kec, counts) in &q.by_kecamatan {
            for (label, count) in q.labels.iter().zip(counts) {
                let row = [no.clone(), prompt.clone(), kind.clone(), Cell::text(render::kecamatan_label(lang, kec)), Cell::text(label.clone()), Cell::Int(*count)];
                out.row(&row)?;
            }
        }
        for (kec, text) in &q.texts {
            out.row(&[no.clone(), prompt.clone(), kind.clone(), Cell::text(render::kecamatan_label(lang, kec)), Cell::text(text.clone()), Cell::Int(1)])?;
        }
    }
    out.finish()
}
