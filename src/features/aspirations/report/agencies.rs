//! How each agency (OPD) handles the tickets sent to it ("Kinerja OPD"): one line per
//! agency over the dispositions *sent* in a period — received, still at the agency,
//! done, returned, taken back; the share within each stage's service level (the
//! office's first response or disposition, the agency's first response, the agency's
//! done), the median working days to the agency's first response and to done, the
//! residents' average rating and how often a done ticket was reopened.
//!
//! One SQL row per disposition streams from the database (the stage times are
//! columns of `aspiration_dispositions`, see migration 0067) to a blocking thread that
//! folds it into its agency's line: memory grows with the number of agencies and of
//! distinct durations (minute histograms), not with the tickets. Working time is
//! the [`WorkCalendar`](crate::platform::workdays::WorkCalendar)'s, judged in each
//! KIM's own zone, so the numbers match what the reminders measure.
//!
//! A stage is *met* when it ended within its level, *missed* when it ended late or is
//! still open past it (an agency that never answered must count), and not judged
//! while it is open within its level; the share is met / (met + missed).

use std::collections::BTreeMap;

use chrono_tz::Tz;
use futures_util::Stream;
use sqlx::Row;
use sqlx::any::AnyRow;
use tokio::sync::mpsc::Receiver;

use crate::features::aspirations::dispose_store::Stage;
use crate::kernel::members::covers;
use crate::platform::config::SlaConfig;
use crate::platform::db::{Db, DbError};
use crate::platform::export::minutes::Minutes;
use crate::platform::export::{ExportError, pipeline};

/// Which tickets count: those of KIMs inside an area (`None`: everywhere), or of a
/// list of KIMs (the console's *Ringkasan*, which already knows them).
#[derive(Clone, Debug, PartialEq)]
pub enum Scope {
    Area(Option<String>),
    Kims(Vec<i64>),
}

/// One disposition as the report needs it.
#[derive(Clone, Debug, PartialEq)]
pub struct Sent {
    pub agency_id: i64,
    pub code: String,
    pub name: String,
    pub stage: Stage,
    /// The ticket's submission and the office's first response (status change or reply).
    pub created_at: i64,
    pub office_at: Option<i64>,
    pub disposed_at: i64,
    pub first_response_at: Option<i64>,
    pub done_at: Option<i64>,
    pub ended_at: Option<i64>,
    pub reopened_at: Option<i64>,
    /// The resident's verdict on this done (the first round asked from then on).
    pub outcome: Option<String>,
    pub score: Option<i64>,
    /// The KIM's zone: its working days are the ones that count.
    pub tz: Tz,
}

/// Met and missed of one stage's service level.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Share {
    pub met: u64,
    pub missed: u64,
}

impl Share {
    fn add(&mut self, judged: Option<bool>) {
        match judged {
            Some(true) => self.met += 1,
            Some(false) => self.missed += 1,
            None => {}
        }
    }

    /// Percent met of those judged; `None` when none was judged yet.
    pub fn percent(&self) -> Option<f64> {
        let judged = self.met + self.missed;
        (judged > 0).then(|| self.met as f64 * 100.0 / judged as f64)
    }
}

/// One agency's line (or the total of all).
#[derive(Debug, Default)]
pub struct Line {
    pub code: String,
    pub name: String,
    pub received: u64,
    pub in_progress: u64,
    pub done: u64,
    pub returned: u64,
    pub recalled: u64,
    pub office: Share,
    pub response: Share,
    pub finish: Share,
    to_response: Minutes,
    to_done: Minutes,
    pub rated: u64,
    score_sum: u64,
    pub reopened: u64,
}

impl Line {
    /// Median working days from the disposition to the agency's first response.
    pub fn median_response_days(&self) -> Option<f64> {
        self.to_response.median_days()
    }

    pub fn median_done_days(&self) -> Option<f64> {
        self.to_done.median_days()
    }

    /// The residents' average score (1–5) over the rated ones.
    pub fn average_rating(&self) -> Option<f64> {
        (self.rated > 0).then(|| self.score_sum as f64 / self.rated as f64)
    }

    /// Percent of done tickets the resident reopened ("Belum beres").
    pub fn reopen_percent(&self) -> Option<f64> {
        (self.done > 0).then(|| self.reopened as f64 * 100.0 / self.done as f64)
    }

    fn add(&mut self, s: &Sent, m: &Measured) {
        self.received += 1;
        match s.stage {
            Stage::Sent | Stage::Accepted => self.in_progress += 1,
            Stage::Done => self.done += 1,
            Stage::Returned => self.returned += 1,
            Stage::Recalled => self.recalled += 1,
        }
        self.office.add(m.office);
        self.response.add(m.response);
        self.finish.add(m.finish);
        if let Some(secs) = m.to_response {
            self.to_response.add(secs);
        }
        if let Some(secs) = m.to_done {
            self.to_done.add(secs);
        }
        if s.outcome.as_deref() == Some("rated")
            && let Some(score) = s.score.filter(|n| (1..=5).contains(n))
        {
            self.rated += 1;
            self.score_sum += score as u64;
        }
        if s.stage == Stage::Done && reopened(s) {
            self.reopened += 1;
        }
    }
}

/// Whether the resident reopened the ticket after this agency finished it.
fn reopened(s: &Sent) -> bool {
    s.outcome.as_deref() == Some("not_solved") || s.reopened_at.zip(s.done_at).is_some_and(|(r, d)| r >= d)
}

/// The report: agencies by code (then name), and the total.
#[derive(Debug, Default)]
pub struct Table {
    pub lines: Vec<Line>,
    pub total: Line,
}

/// What one disposition says about each stage.
#[derive(Debug, Default, PartialEq)]
pub struct Measured {
    pub office: Option<bool>,
    pub response: Option<bool>,
    pub finish: Option<bool>,
    /// Working seconds to the agency's first response and to done.
    pub to_response: Option<i64>,
    pub to_done: Option<i64>,
}

/// Judges one stage running from `start`: ended at `end` (met or missed), or still
/// open — missed once more than `days` working days went by before `stop` (when the
/// stage stopped without ending, e.g. a return) or `now`. 0 days: not measured.
/// Compared with the stage's deadline, which walks at most `days` working days, not
/// the months a forgotten ticket may have waited.
fn judge(sla: &SlaConfig, tz: Tz, (start, end, stop): (i64, Option<i64>, Option<i64>), days: u32, now: i64) -> Option<bool> {
    if days == 0 {
        return None;
    }
    let deadline = sla.calendar.deadline(start, days, tz);
    match end {
        Some(end) => Some(end <= deadline),
        None => (stop.unwrap_or(now) > deadline).then_some(false),
    }
}

/// The stages of one disposition measured against `sla` at `now`.
pub fn measure(s: &Sent, sla: &SlaConfig, now: i64) -> Measured {
    let office_end = s.office_at.map_or(s.disposed_at, |at| at.min(s.disposed_at));
    let working = |from: i64, to: i64| sla.calendar.elapsed_working(from, to, s.tz);
    Measured {
        office: judge(sla, s.tz, (s.created_at, Some(office_end), None), sla.working_days, now),
        response: judge(sla, s.tz, (s.disposed_at, s.first_response_at, s.ended_at), sla.opd_response_days, now),
        finish: judge(sla, s.tz, (s.disposed_at, s.done_at, s.ended_at), sla.opd_done_days, now),
        to_response: s.first_response_at.map(|at| working(s.disposed_at, at)),
        to_done: s.done_at.map(|at| working(s.disposed_at, at)),
    }
}

/// Folds the dispositions into one line per agency (runs on a blocking thread).
pub fn fold(mut rx: Receiver<Sent>, sla: &SlaConfig, now: i64) -> Table {
    let mut lines: BTreeMap<i64, Line> = BTreeMap::new();
    let mut total = Line::default();
    while let Some(s) = rx.blocking_recv() {
        let m = measure(&s, sla, now);
        let line = lines.entry(s.agency_id).or_insert_with(|| Line { code: s.code.clone(), name: s.name.clone(), ..Line::default() });
        line.add(&s, &m);
        total.add(&s, &m);
    }
    let mut lines: Vec<Line> = lines.into_values().collect();
    lines.sort_by(|a, b| (&a.code, &a.name).cmp(&(&b.code, &b.name)));
    Table { lines, total }
}

const SELECT: &str = "SELECT d.agency_id, o.code, COALESCE(o.short_name, o.name) AS agency_name, d.state, \
     d.disposed_at, d.first_response_at, d.done_at, d.ended_at, a.created_at, a.first_response_at AS office_at, \
     a.reopened_at, kel.path AS area_path, k.tz AS kim_tz, v.outcome, v.score \
     FROM aspiration_dispositions d JOIN agencies o ON o.id = d.agency_id \
     JOIN aspirations a ON a.id = d.aspiration_id JOIN kims k ON k.id = a.kim_id \
     JOIN areas kel ON kel.id = k.kelurahan_id \
     LEFT JOIN aspiration_verdicts v ON v.id = (SELECT MIN(v2.id) FROM aspiration_verdicts v2 \
        WHERE v2.aspiration_id = d.aspiration_id AND d.done_at IS NOT NULL AND v2.asked_at >= d.done_at) \
     WHERE d.disposed_at >= $1 AND d.disposed_at < $2";

/// The dispositions sent in `[from, to)` within `scope`, as a stream.
pub fn rows<'a>(db: &'a Db, scope: &Scope, from: i64, to: i64) -> impl Stream<Item = Result<AnyRow, sqlx::Error>> + use<'a> {
    let condition = match scope {
        // `%` or `_` in a name would widen the match; `decode` re-checks.
        Scope::Area(Some(_)) => " AND (kel.path = $3 OR kel.path LIKE $4)".to_string(),
        Scope::Area(None) => String::new(),
        // Our own ids, formatted as integers: nothing typed reaches this SQL.
        Scope::Kims(ids) => {
            let list = if ids.is_empty() { "0".to_string() } else { ids.iter().map(i64::to_string).collect::<Vec<_>>().join(", ") };
            format!(" AND a.kim_id IN ({list})")
        }
    };
    let mut query = sqlx::query(sqlx::AssertSqlSafe(format!("{SELECT}{condition}"))).bind(from).bind(to);
    if let Scope::Area(Some(p)) = scope {
        query = query.bind(p.clone()).bind(format!("{p}/%"));
    }
    query.fetch(&db.pool)
}

/// Decodes one row; a row outside the area is refused here as well as in SQL.
pub fn decode(r: &AnyRow, scope: &Scope, default_tz: Tz) -> Result<Option<Sent>, DbError> {
    let path: String = r.try_get("area_path")?;
    if let Scope::Area(Some(area)) = scope
        && !covers(area, &path)
    {
        return Ok(None);
    }
    let state: String = r.try_get("state")?;
    let stage = Stage::parse(&state).ok_or_else(|| DbError::Corrupt(format!("disposition state {state}")))?;
    let kim_tz: Option<String> = r.try_get("kim_tz")?;
    Ok(Some(Sent {
        agency_id: r.try_get("agency_id")?,
        code: r.try_get("code")?,
        name: r.try_get("agency_name")?,
        stage,
        created_at: r.try_get("created_at")?,
        office_at: r.try_get("office_at")?,
        disposed_at: r.try_get("disposed_at")?,
        first_response_at: r.try_get("first_response_at")?,
        done_at: r.try_get("done_at")?,
        ended_at: r.try_get("ended_at")?,
        reopened_at: r.try_get("reopened_at")?,
        outcome: r.try_get("outcome")?,
        score: r.try_get("score")?,
        tz: super::super::model::zone(kim_tz.as_deref(), default_tz),
    }))
}

/// What [`gather`] measures over.
#[derive(Clone, Debug)]
pub struct Request {
    pub scope: Scope,
    /// Unix seconds `[from, to)` of the sending.
    pub from: i64,
    pub to: i64,
    pub sla: SlaConfig,
    /// The zone of KIMs without one of their own.
    pub tz: Tz,
    pub now: i64,
}

/// The agencies' lines, then `then` on the blocking thread (writing files, say).
pub async fn gather_then<R: Send + 'static>(
    db: &Db,
    req: &Request,
    then: impl FnOnce(Table) -> Result<R, ExportError> + Send + 'static,
) -> Result<R, ExportError> {
    let (scope, tz) = (req.scope.clone(), req.tz);
    let (sla, now) = (req.sla.clone(), req.now);
    pipeline::run(rows(db, &req.scope, req.from, req.to), move |r| decode(r, &scope, tz), move |rx| then(fold(rx, &sla, now))).await
}

/// The agencies' lines (for the console's *Ringkasan*).
pub async fn gather(db: &Db, req: &Request) -> Result<Table, ExportError> {
    gather_then(db, req, Ok).await
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use chrono::TimeZone;

    use super::*;
    use crate::platform::workdays::WorkCalendar;

    const WIB: Tz = chrono_tz::Asia::Jakarta;

    fn wib(d: u32, h: u32) -> i64 {
        WIB.with_ymd_and_hms(2026, 11, d, h, 0, 0).unwrap().timestamp()
    }

    fn sent(stage: Stage) -> Sent {
        // Monday 2026-11-02 09:00 submitted, sent on at 10:00.
        Sent {
            agency_id: 1,
            code: "PUPR".into(),
            name: "Dinas PUPR".into(),
            stage,
            created_at: wib(2, 9),
            office_at: Some(wib(2, 10)),
            disposed_at: wib(2, 10),
            first_response_at: None,
            done_at: None,
            ended_at: None,
            reopened_at: None,
            outcome: None,
            score: None,
            tz: WIB,
        }
    }

    fn sla() -> SlaConfig {
        SlaConfig { calendar: WorkCalendar::weekends_only(BTreeSet::new()), ..SlaConfig::default() }
    }

    #[test]
    fn stages_are_met_missed_or_not_yet_judged_in_working_days() {
        let done_in_time = Sent { first_response_at: Some(wib(3, 10)), done_at: Some(wib(13, 10)), ended_at: Some(wib(13, 10)), ..sent(Stage::Done) };
        let late_answer = Sent { first_response_at: Some(wib(10, 10)), ..sent(Stage::Accepted) };
        let cases = [
            ("done after 9 working days (a weekend between)", done_in_time, wib(30, 0), (Some(true), Some(true), Some(true))),
            ("answered after 6 working days, still open", late_answer, wib(12, 0), (Some(true), Some(false), None)),
            ("silent past both levels", sent(Stage::Sent), wib(30, 0), (Some(true), Some(false), Some(false))),
            ("silent but young", sent(Stage::Sent), wib(4, 0), (Some(true), None, None)),
        ];
        for (name, s, now, (office, response, finish)) in cases {
            let m = measure(&s, &sla(), now);
            assert_eq!((m.office, m.response, m.finish), (office, response, finish), "{name}");
        }
        let returned_early = Sent { first_response_at: Some(wib(3, 10)), ended_at: Some(wib(3, 10)), ..sent(Stage::Returned) };
        assert_eq!(measure(&returned_early, &sla(), wib(30, 0)).finish, None, "returned within the level: not the agency's to finish");
        let slow_office = Sent { created_at: wib(2, 9) - 7 * 86_400, office_at: None, ..sent(Stage::Sent) };
        assert_eq!(measure(&slow_office, &sla(), wib(3, 0)).office, Some(false), "a week before the disposition");
        let off = SlaConfig { opd_done_days: 0, ..sla() };
        assert_eq!(measure(&sent(Stage::Sent), &off, wib(30, 0)).finish, None, "a stage set to 0 is not measured");
    }

    #[test]
    fn lines_count_ratings_medians_and_reopenings() {
        let (tx, rx) = tokio::sync::mpsc::channel(8);
        let rated = Sent {
            first_response_at: Some(wib(3, 10)),
            done_at: Some(wib(4, 10)),
            ended_at: Some(wib(4, 10)),
            outcome: Some("rated".into()),
            score: Some(4),
            ..sent(Stage::Done)
        };
        let reopened = Sent { outcome: Some("not_solved".into()), score: None, ..rated.clone() };
        let other = Sent { agency_id: 2, code: "DINKES".into(), name: "Dinkes".into(), ..sent(Stage::Sent) };
        for s in [rated, reopened, other] {
            tx.try_send(s).unwrap();
        }
        drop(tx);
        let table = fold(rx, &sla(), wib(5, 0));
        let names: Vec<&str> = table.lines.iter().map(|l| l.code.as_str()).collect();
        assert_eq!(names, ["DINKES", "PUPR"]);
        let pupr = &table.lines[1];
        assert_eq!((pupr.received, pupr.done, pupr.rated, pupr.reopened), (2, 2, 1, 1));
        assert_eq!((pupr.average_rating(), pupr.reopen_percent()), (Some(4.0), Some(50.0)));
        assert_eq!((pupr.median_response_days(), pupr.median_done_days()), (Some(1.0), Some(2.0)));
        assert_eq!((table.total.received, table.total.in_progress), (3, 1));
        assert_eq!(table.lines[0].average_rating(), None);
    }
}
