//! The follow-up survey (issue 29's "after"): `follow_up_days` after a programme's
//! application window closes, its recipients — the people of accepted applications,
//! never waitlisted, rejected or withdrawn ones, nor anyone erased — are asked through
//! the surveys feature whether the aid helped and their monthly revenue band before
//! and now. A periodic job creates the survey and claims the programme
//! (`UPDATE … WHERE follow_up_survey IS NULL`) in one transaction, so with several
//! processes each programme's survey goes out once. The report reads the results
//! back through surveys' own functions (the anonymity threshold included).

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::watch;

use super::model::Programme;
use super::{apps, store};
use crate::features::surveys::model::{Kind, PROMPT_MAX, Question, SurveyId, TITLE_MAX};
use crate::features::surveys::people::{self, ToPeople};
use crate::features::surveys::{results, store as surveys};
use crate::platform::audit;
use crate::platform::ctx::AppCtx;
use crate::platform::db::{Db, DbError, DbResult};
use crate::platform::i18n::{Arg, Lang, t, ta};

const POLL: Duration = Duration::from_secs(2);
/// How long recipients have to answer.
pub const ANSWER_DAYS: i64 = 14;
/// `follow_up_survey` of a programme whose follow-up fell due with nobody to ask (no
/// recipient left): it is not due again.
pub const NOBODY: SurveyId = SurveyId(0);

/// Monthly revenue bands (message keys), as options of the before/after questions.
pub const BANDS: [&str; 5] = ["prg-fu-band-1", "prg-fu-band-2", "prg-fu-band-3", "prg-fu-band-4", "prg-fu-band-5"];

pub async fn run(ctx: Arc<AppCtx>, stop: watch::Receiver<bool>) {
    crate::platform::scheduler::every("programme follow-up", POLL, stop, || send_due(&ctx, ctx.now())).await;
}

/// The survey's questions, in `lang`: helped yes/no, revenue band before, and now.
/// Positions 1–3 are what [`FollowUp`] reads back.
pub fn questions(lang: Lang, p: &Programme) -> Vec<Question> {
    let prompt = |key: &str| -> String { ta(lang, key, &[("name", Arg::from(p.name.as_str()))]).chars().take(PROMPT_MAX).collect() };
    let bands: Vec<String> = BANDS.iter().map(|k| t(lang, k)).collect();
    vec![
        Question { kind: Kind::Choice, prompt: prompt("prg-fu-q-helped"), options: vec![t(lang, "prg-fu-yes"), t(lang, "prg-fu-no")] },
        Question { kind: Kind::Choice, prompt: prompt("prg-fu-q-before"), options: bands.clone() },
        Question { kind: Kind::Choice, prompt: prompt("prg-fu-q-after"), options: bands },
    ]
}

/// Sends the follow-up of every programme due at `now`; returns how many were sent.
pub async fn send_due(ctx: &AppCtx, now: i64) -> DbResult<usize> {
    let mut sent = 0;
    for p in store::follow_ups_due(&ctx.db, now).await? {
        if send_one(ctx, &p, now).await? {
            sent += 1;
        }
    }
    if sent > 0 {
        ctx.outbox.wake();
    }
    Ok(sent)
}

/// Creates the survey, invites the recipients and claims the programme in one
/// transaction; `false` when another process claimed it first (nothing is kept).
async fn send_one(ctx: &AppCtx, p: &Programme, now: i64) -> DbResult<bool> {
    let people_ids = apps::recipients(&ctx.db, p.id).await?;
    // Questions are stored once, in the default language (surveys hold one wording);
    // each invitation is in its reader's language.
    let lang = Lang::default();
    let title: String = ta(lang, "prg-fu-title", &[("name", Arg::from(p.name.as_str()))]).chars().take(TITLE_MAX).collect();
    let reach_name = ta(lang, "prg-fu-reach", &[("name", Arg::from(p.name.as_str()))]);
    let questions = questions(lang, p);
    let mut tx = ctx.db.begin().await?;
    let (survey, invited) = if people_ids.is_empty() {
        (NOBODY, 0)
    } else {
        let to = ToPeople {
            title: &title,
            questions: &questions,
            author: p.created_by,
            area_path: &p.area_path,
            reach_name: &reach_name,
            closes_at: now + ANSWER_DAYS * 86_400,
        };
        let s = people::send_to_people(ctx, &mut tx, &to, &people_ids, now).await?;
        (s.survey_id, s.invited)
    };
    if !store::claim_follow_up(&mut tx, p.id, survey).await? {
        tx.rollback().await.map_err(DbError::from)?;
        return Ok(false);
    }
    let detail = format!("programme={} survey={survey} sent={invited}", p.id);
    audit::record_in(&mut tx, None, "programme.follow_up", &detail, now).await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(true)
}

/// One answer's options and their counts.
pub type Counts = Vec<(String, i64)>;

/// The follow-up's results as the report shows them.
#[derive(Clone, Debug, PartialEq)]
pub struct FollowUp {
    pub programme: String,
    pub invited: i64,
    pub respondents: i64,
    /// Fewer respondents than the surveys' threshold: only the numbers above are shown.
    pub withheld: bool,
    /// "Helped": yes, no.
    pub helped: Counts,
    /// Revenue bands before and now, in band order.
    pub before: Counts,
    pub after: Counts,
}

/// The results of `p`'s follow-up survey, if one was sent, read through surveys.
pub async fn results_of(db: &Db, p: &Programme) -> DbResult<Option<FollowUp>> {
    let Some(id) = p.follow_up_survey.filter(|s| *s != NOBODY) else { return Ok(None) };
    let Some(survey) = surveys::get(db, id).await? else { return Ok(None) };
    let invited = survey.sent_count;
    let r = results::load(db, survey).await?;
    let counts = |position: i64| -> Counts {
        r.questions
            .iter()
            .find(|q| q.question.position == position)
            .map(|q| q.labels.iter().cloned().zip(q.totals.iter().copied()).collect())
            .unwrap_or_default()
    };
    Ok(Some(FollowUp {
        programme: p.name.clone(),
        invited,
        respondents: r.respondents,
        withheld: r.withheld,
        helped: counts(1),
        before: counts(2),
        after: counts(3),
    }))
}

/// Follow-up results of the programmes `ids` (those of a report), in that order.
pub async fn results_for(db: &Db, ids: &[super::model::ProgrammeId]) -> DbResult<Vec<FollowUp>> {
    let mut out = Vec::new();
    for &id in ids {
        let Some(p) = store::get(db, id).await? else { continue };
        if let Some(f) = results_of(db, &p).await? {
            out.push(f);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_follow_up_asks_three_choice_questions_within_the_surveys_limits() {
        let p = Programme {
            id: super::super::model::ProgrammeId(1),
            area_path: "Kota Palembang".into(),
            agency_id: None,
            organiser: "Dinas".into(),
            name: "x".repeat(120),
            kind: super::super::model::Kind::Modal,
            description: String::new(),
            who: Default::default(),
            quota: 2,
            accepted: 0,
            opens_at: 0,
            closes_at: 1,
            selection: super::super::model::Selection::Review,
            questions: Vec::new(),
            follow_up_days: 30,
            follow_up_survey: None,
            created_by: 1,
            created_at: 0,
        };
        for lang in Lang::ALL {
            let qs = questions(lang, &p);
            assert_eq!(qs.len(), 3);
            assert!(qs.iter().all(|q| q.kind == Kind::Choice && q.prompt.chars().count() <= PROMPT_MAX));
            let opts: Vec<String> = qs.iter().flat_map(|q| q.options.clone()).collect();
            assert!(opts.iter().all(|o| o.chars().count() <= crate::features::surveys::model::OPTION_MAX), "{opts:?}");
            assert_eq!(qs[1].options, qs[2].options);
        }
    }
}
