//! SQL of the per-stage service levels: the tickets and dispositions whose reminder
//! or escalation may be due, and the once-only claims (`aspiration_sla_alerts`).
//!
//! A claim is `INSERT … SELECT … WHERE <the stage still runs> ON CONFLICT DO NOTHING
//! RETURNING id` in the transaction that queues the messages: the unique index
//! (ticket, disposition, stage, level) lets one process win; on PostgreSQL a second
//! process inserting the same key waits for the first's transaction and then inserts
//! nothing, so nobody is told twice.

use sqlx::{Any, Row, Transaction};

use super::{Level, Stage};
use crate::features::aspirations::model::AspirationId;
use crate::platform::db::{Db, DbResult};

/// A ticket or disposition whose stage clock may have reached a level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub aspiration_id: AspirationId,
    /// 0 for the office stage.
    pub disposition_id: i64,
    pub agency_id: i64,
    pub ticket: String,
    pub kim_id: i64,
    pub kim_tz: Option<String>,
    pub started_at: i64,
    pub agency_code: String,
    pub agency_label: String,
}

/// Rows looked at per query; [`candidates`] pages through all of them.
const PAGE: i64 = 200;
/// A bound on pages per look, so one look stays short even with a huge backlog.
const MAX_PAGES: usize = 50;

/// New, unanswered tickets (the office stage, as the overdue flag reads it) not yet
/// flagged late.
const OFFICE: &str = "SELECT a.id AS aspiration_id, CAST(0 AS BIGINT) AS disposition_id, CAST(0 AS BIGINT) AS agency_id, a.ticket, a.kim_id, k.tz AS kim_tz, \
     a.created_at AS started_at, CAST('' AS TEXT) AS agency_code, CAST('' AS TEXT) AS agency_label \
     FROM aspirations a JOIN kims k ON k.id = a.kim_id \
     WHERE a.status = 'diterima' AND a.overdue_at IS NULL AND a.created_at <= $1 AND a.id > $2 \
     AND NOT EXISTS (SELECT 1 FROM aspiration_messages m WHERE m.aspiration_id = a.id AND m.kind = 'reply') \
     AND NOT EXISTS (SELECT 1 FROM aspiration_sla_alerts s WHERE s.aspiration_id = a.id AND s.disposition_id = 0 \
         AND s.stage = $3 AND s.level = $4) \
     ORDER BY a.id LIMIT $5";

/// Open dispositions (`{}`: and no first response yet, for that stage).
const AGENCY: &str = "SELECT d.aspiration_id, d.id AS disposition_id, d.agency_id, a.ticket, a.kim_id, k.tz AS kim_tz, \
     d.disposed_at AS started_at, o.code AS agency_code, COALESCE(NULLIF(o.short_name, ''), o.name) AS agency_label \
     FROM aspiration_dispositions d JOIN aspirations a ON a.id = d.aspiration_id JOIN kims k ON k.id = a.kim_id \
     JOIN agencies o ON o.id = d.agency_id \
     WHERE d.state IN ('sent', 'accepted') {} AND d.disposed_at <= $1 AND d.id > $2 \
     AND NOT EXISTS (SELECT 1 FROM aspiration_sla_alerts s WHERE s.disposition_id = d.id AND s.stage = $3 AND s.level = $4) \
     ORDER BY d.id LIMIT $5";

/// Tickets (office) or dispositions (agency stages) in `stage` started at or before
/// `started_before` whose `level` was not claimed yet, oldest first.
pub async fn candidates(db: &Db, stage: Stage, level: Level, started_before: i64) -> DbResult<Vec<Candidate>> {
    let sql = match stage {
        Stage::Office => OFFICE.to_string(),
        Stage::OpdResponse => AGENCY.replace("{}", "AND d.first_response_at IS NULL"),
        Stage::OpdDone => AGENCY.replace("{}", ""),
    };
    let mut found = Vec::new();
    let mut after = 0;
    for _ in 0..MAX_PAGES {
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql.clone()))
            .bind(started_before)
            .bind(after)
            .bind(stage.as_str())
            .bind(level.as_str())
            .bind(PAGE)
            .fetch_all(&db.pool)
            .await?;
        for r in &rows {
            let c = Candidate {
                aspiration_id: r.try_get("aspiration_id")?,
                disposition_id: r.try_get("disposition_id")?,
                agency_id: r.try_get("agency_id")?,
                ticket: r.try_get("ticket")?,
                kim_id: r.try_get("kim_id")?,
                kim_tz: r.try_get("kim_tz")?,
                started_at: r.try_get("started_at")?,
                agency_code: r.try_get("agency_code")?,
                agency_label: r.try_get("agency_label")?,
            };
            after = if stage == Stage::Office { c.aspiration_id.get() } else { c.disposition_id };
            found.push(c);
        }
        if (rows.len() as i64) < PAGE {
            break;
        }
    }
    Ok(found)
}

/// Claims `level` of `stage` for `c` while the stage still runs (the ticket still new
/// and unflagged, or the disposition still open and, for the response stage,
/// unanswered); `sent`: whether messages go out with it. `false`: another process
/// came first, or the stage ended meanwhile.
pub async fn claim(tx: &mut Transaction<'_, Any>, c: &Candidate, (stage, level): (Stage, Level), sent: bool, now: i64) -> DbResult<bool> {
    let still = match stage {
        Stage::Office => {
            "SELECT a.id, CAST(0 AS BIGINT), $2, $3, $4, $5 FROM aspirations a WHERE a.id = $1 AND a.status = 'diterima' AND a.overdue_at IS NULL"
        }
        Stage::OpdResponse => {
            "SELECT d.aspiration_id, d.id, $2, $3, $4, $5 FROM aspiration_dispositions d \
             WHERE d.id = $1 AND d.state IN ('sent', 'accepted') AND d.first_response_at IS NULL"
        }
        Stage::OpdDone => {
            "SELECT d.aspiration_id, d.id, $2, $3, $4, $5 FROM aspiration_dispositions d WHERE d.id = $1 AND d.state IN ('sent', 'accepted')"
        }
    };
    let sql = format!(
        "INSERT INTO aspiration_sla_alerts (aspiration_id, disposition_id, stage, level, sent, at) {still} \
         ON CONFLICT DO NOTHING RETURNING id"
    );
    let key = if stage == Stage::Office { c.aspiration_id.get() } else { c.disposition_id };
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(key)
        .bind(stage.as_str())
        .bind(level.as_str())
        .bind(i64::from(sent))
        .bind(now)
        .fetch_optional(&mut **tx)
        .await?;
    Ok(row.is_some())
}

/// What tells which stage runs on `ticket`: a staff reply, its latest disposition.
pub async fn facts(db: &Db, ticket: &crate::features::aspirations::store::Ticket) -> DbResult<super::Facts> {
    let replied = sqlx::query("SELECT 1 AS one FROM aspiration_messages WHERE aspiration_id = $1 AND kind = 'reply' LIMIT 1")
        .bind(ticket.id)
        .fetch_optional(&db.pool)
        .await?
        .is_some();
    let disposition = crate::features::aspirations::dispose_store::latest(db, ticket.id).await?.map(|d| super::AgencyTimes {
        disposed_at: d.disposed_at,
        first_response_at: d.first_response_at,
        open: d.stage.is_open(),
    });
    Ok(super::Facts { status: ticket.status, created_at: ticket.created_at, staff_replied: replied, disposition })
}

/// The running stage of `ticket` read at `now`, as cards and pages show it. The
/// office stage once flagged late is left out: the card's overdue marker says it.
pub async fn shown(
    db: &Db,
    sla: &crate::platform::config::SlaConfig,
    ticket: &crate::features::aspirations::store::Ticket,
    now: i64,
    tz: chrono_tz::Tz,
) -> DbResult<Option<super::Reading>> {
    let facts = facts(db, ticket).await?;
    let reading = super::reading(sla, &facts, now, tz);
    Ok(reading.filter(|r| !(r.clock.stage == Stage::Office && ticket.overdue_at.is_some())))
}
