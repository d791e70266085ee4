//! A survey's results: counts per option, the scale's distribution and the text
//! answers, overall and by kecamatan, from submitted responses only. Nothing here
//! carries a user id or a response id: text answers are sorted by kecamatan and
//! text, so answers of one person cannot be lined up across questions.

use std::collections::BTreeMap;

use sqlx::Row;

use super::model::{Kind, SCALE_MAX, SurveyId, kecamatan_of};
use super::responses;
use super::store::{self, StoredQuestion, Survey};
use crate::platform::db::{Db, DbResult};

/// One question's results.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionResult {
    pub question: StoredQuestion,
    /// The options, or "1".."5" for a scale; empty for text.
    pub labels: Vec<String>,
    /// Count per label, overall.
    pub totals: Vec<i64>,
    /// Count per label, by kecamatan.
    pub by_kecamatan: BTreeMap<String, Vec<i64>>,
    /// `(kecamatan, text)`, sorted.
    pub texts: Vec<(String, String)>,
}

impl QuestionResult {
    pub fn answers(&self) -> i64 {
        if self.question.q.kind == Kind::Text { self.texts.len() as i64 } else { self.totals.iter().sum() }
    }

    /// The scale's mean, if anyone answered.
    pub fn mean(&self) -> Option<f64> {
        let n = self.answers();
        let sum: i64 = self.totals.iter().enumerate().map(|(i, c)| (i as i64 + 1) * c).sum();
        (self.question.q.kind == Kind::Scale && n > 0).then(|| sum as f64 / n as f64)
    }
}

/// Fewer submitted responses than this, and results carry no per-question or
/// per-kecamatan breakdown: surveys promise "Tanpa nama", and with one to four
/// respondents the invited few could be told apart by their answers.
pub const MIN_SHOWN: i64 = 5;

/// The kecamatan column of respondents pooled because their own kecamatans had too
/// few (see [`pooling`]); outputs show it under a translated label.
pub const POOLED: &str = "";

#[derive(Debug, Clone, PartialEq)]
pub struct Results {
    pub survey: Survey,
    pub respondents: i64,
    /// True when the breakdown is held back (fewer than [`MIN_SHOWN`] respondents):
    /// `kecamatans` and `questions` are then empty, and every output says why.
    pub withheld: bool,
    /// Every kecamatan some respondent lives in, sorted, then [`POOLED`] if any.
    pub kecamatans: Vec<String>,
    pub questions: Vec<QuestionResult>,
}

fn labels(q: &StoredQuestion) -> Vec<String> {
    match q.q.kind {
        Kind::Choice => q.q.options.clone(),
        Kind::Scale => (1..=SCALE_MAX).map(|n| n.to_string()).collect(),
        Kind::Text => Vec::new(),
    }
}

/// Loads and counts the results of `survey`; below [`MIN_SHOWN`] respondents only
/// their number (every output — chat, files, chart, console — goes through here).
pub async fn load(db: &Db, survey: Survey) -> DbResult<Results> {
    let respondents = responses::count_submitted(db, survey.id).await?;
    if respondents < MIN_SHOWN {
        return Ok(Results { survey, respondents, withheld: true, kecamatans: Vec::new(), questions: Vec::new() });
    }
    let questions = store::questions(db, survey.id).await?;
    let mut out: Vec<QuestionResult> = questions
        .into_iter()
        .map(|q| {
            let labels = labels(&q);
            QuestionResult { totals: vec![0; labels.len()], labels, question: q, by_kecamatan: BTreeMap::new(), texts: Vec::new() }
        })
        .collect();
    let rows = sqlx::query(
        "SELECT a.question_id, a.choice, a.answer, r.area_path FROM survey_answers a \
         JOIN survey_responses r ON r.id = a.response_id WHERE r.survey_id = $1 AND r.submitted_at IS NOT NULL",
    )
    .bind(survey.id)
    .fetch_all(&db.pool)
    .await?;
    let shown = shown_kecamatans(db, survey.id).await?;
    let mut kecamatans = std::collections::BTreeSet::new();
    for r in rows {
        let qid: i64 = r.try_get("question_id")?;
        let Some(qr) = out.iter_mut().find(|q| q.question.id == qid) else { continue };
        let kec = shown.get(&kecamatan_of(&r.try_get::<String, _>("area_path")?)).cloned().unwrap_or_else(|| POOLED.to_string());
        kecamatans.insert(kec.clone());
        add(qr, kec, r.try_get("choice")?, r.try_get("answer")?);
    }
    for q in &mut out {
        q.texts.sort();
    }
    // The pool last, after the named kecamatans.
    let kecamatans = kecamatans.iter().filter(|k| *k != POOLED).chain(kecamatans.get(POOLED)).cloned().collect();
    Ok(Results { survey, respondents, withheld: false, kecamatans, questions: out })
}

/// Kecamatan → the column its respondents are shown under (itself, or [`POOLED`]).
async fn shown_kecamatans(db: &Db, survey_id: SurveyId) -> DbResult<BTreeMap<String, String>> {
    let rows = sqlx::query("SELECT area_path FROM survey_responses WHERE survey_id = $1 AND submitted_at IS NOT NULL")
        .bind(survey_id)
        .fetch_all(&db.pool)
        .await?;
    let mut per_kecamatan = BTreeMap::new();
    for r in rows {
        *per_kecamatan.entry(kecamatan_of(&r.try_get::<String, _>("area_path")?)).or_insert(0) += 1;
    }
    Ok(pooling(&per_kecamatan))
}

/// A kecamatan with fewer than [`MIN_SHOWN`] respondents is pooled, smallest first,
/// and larger ones join the pool while it is still below that: otherwise the pool
/// (the total minus the named columns) would show a lone respondent's answers.
fn pooling(per_kecamatan: &BTreeMap<String, i64>) -> BTreeMap<String, String> {
    let mut smallest_first: Vec<(&String, i64)> = per_kecamatan.iter().map(|(k, n)| (k, *n)).collect();
    smallest_first.sort_by_key(|(k, n)| (*n, (*k).clone()));
    let mut pooled = 0;
    let mut out = BTreeMap::new();
    for (kecamatan, n) in smallest_first {
        let pool = n < MIN_SHOWN || (1..MIN_SHOWN).contains(&pooled);
        if pool {
            pooled += n;
        }
        out.insert(kecamatan.clone(), if pool { POOLED.to_string() } else { kecamatan.clone() });
    }
    out
}

/// Counts one answer into its question.
fn add(qr: &mut QuestionResult, kec: String, choice: Option<i64>, text: Option<String>) {
    match (qr.question.q.kind, choice, text) {
        (Kind::Text, _, Some(text)) => qr.texts.push((kec, text)),
        (Kind::Choice | Kind::Scale, Some(v), _) => {
            let i = if qr.question.q.kind == Kind::Scale { v - 1 } else { v };
            let Some(i) = usize::try_from(i).ok().filter(|i| *i < qr.labels.len()) else { return };
            qr.totals[i] += 1;
            let n = qr.labels.len();
            qr.by_kecamatan.entry(kec).or_insert_with(|| vec![0; n])[i] += 1;
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::surveys::model::Question;

    fn result(kind: Kind, options: &[&str]) -> QuestionResult {
        let q = StoredQuestion { id: 1, position: 1, q: Question { kind, prompt: "?".into(), options: options.iter().map(|o| o.to_string()).collect() } };
        let labels = labels(&q);
        QuestionResult { totals: vec![0; labels.len()], labels, question: q, by_kecamatan: BTreeMap::new(), texts: Vec::new() }
    }

    #[test]
    fn answers_are_counted_by_option_and_kecamatan_and_out_of_range_values_ignored() {
        let mut q = result(Kind::Choice, &["Modal", "Pemasaran"]);
        for (kec, v) in [("A", 0), ("A", 1), ("B", 1), ("B", 7), ("B", -1)] {
            add(&mut q, kec.into(), Some(v), None);
        }
        assert_eq!(q.totals, [1, 2]);
        assert_eq!(q.by_kecamatan["A"], [1, 1]);
        assert_eq!(q.by_kecamatan["B"], [0, 1]);
        assert_eq!(q.answers(), 3);
    }

    #[test]
    fn kecamatans_with_few_respondents_are_pooled_until_the_pool_is_big_enough() {
        let counts = |list: &[(&str, i64)]| list.iter().map(|(k, n)| (k.to_string(), *n)).collect::<BTreeMap<_, _>>();
        let shown = |list: &[(&str, i64)]| {
            let p = pooling(&counts(list));
            list.iter().map(|(k, _)| p[*k].clone()).collect::<Vec<_>>()
        };
        assert_eq!(shown(&[("A", 5), ("B", 9)]), ["A", "B"], "nobody pooled");
        assert_eq!(shown(&[("A", 2), ("B", 3), ("C", 9)]), [POOLED, POOLED, "C"], "two small ones make a pool of 5");
        assert_eq!(shown(&[("A", 1), ("B", 6), ("C", 9)]), [POOLED, POOLED, "C"], "a lone one pulls the next smallest in");
        assert_eq!(shown(&[("A", 1), ("B", 6)]), [POOLED, POOLED], "else B's column would give A away");
    }

    #[test]
    fn the_scale_runs_one_to_five_and_has_a_mean() {
        let mut q = result(Kind::Scale, &[]);
        for v in [5, 4, 4, 0, 6] {
            add(&mut q, "A".into(), Some(v), None);
        }
        assert_eq!(q.labels, ["1", "2", "3", "4", "5"]);
        assert_eq!(q.totals, [0, 0, 0, 2, 1]);
        assert_eq!(q.mean().map(|m| (m * 100.0).round()), Some(433.0));
    }
}
