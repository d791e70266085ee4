//! Report exports in the audit log's words: which report, for which area and
//! period, how many rows.

use crate::audit_need as need;
use crate::features::trainings;
use crate::platform::audit::words::{Args, Built, Detail, Reader, Sentence, Vocabulary, Words, area_name, period};
use crate::platform::db::DbResult;
use crate::platform::i18n::Arg;

pub static WORDS: Vocabulary = Vocabulary { families: &["report"], sentence: Sentence::Async(words) };

fn words<'a>(r: &'a Reader<'a>, action: &'a str, d: &'a Detail) -> Words<'a> {
    Box::pin(sentence(r, action, d))
}

async fn sentence(r: &Reader<'_>, action: &str, d: &Detail) -> DbResult<Built> {
    if action != "report.export" {
        return Ok(None);
    }
    let rows = || d.int("rows").map(Arg::from);
    let built: (&'static str, Args) = match d.get("kind") {
        Some("aspirations") => ("audit-act-report-aspirations", vec![
            ("scope", Arg::from(area_name(r.lang, need!(d.get("scope"))))),
            ("period", Arg::from(period(d.get("period")))),
            ("rows", need!(rows())),
        ]),
        Some("umkm") => ("audit-act-report-umkm", vec![("scope", Arg::from(area_name(r.lang, need!(d.get("scope"))))), ("rows", need!(rows()))]),
        Some("attendance") => {
            ("audit-act-report-attendance", vec![("training", Arg::from(need!(trainings::audit::title(r, d).await?))), ("rows", need!(rows()))])
        }
        _ => return Ok(None),
    };
    Ok(Some(built))
}
