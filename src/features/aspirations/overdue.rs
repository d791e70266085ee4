//! The service-level job: flags tickets that got no first response within
//! [`SlaConfig::working_days`](super::sla::SlaConfig) working days and tells the staff
//! whose area covers them, once, in one message per staff member.
//!
//! "First response" is what the reports measure: a status change or a staff reply.
//! So a ticket is late while it is still `diterima` with no staff reply in its thread.
//! Each late ticket is claimed with `UPDATE … SET overdue_at = now WHERE overdue_at IS
//! NULL …`: with two processes on one PostgreSQL the second waits for the first's row
//! lock, then finds `overdue_at` set and changes nothing, so no ticket is announced
//! twice. The claims and the staff messages share one transaction.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use sqlx::{Any, Row, Transaction};
use tokio::sync::watch;

use super::model::{self, AspirationId, Status};
use crate::platform::db::{Db, DbResult};
use crate::platform::delivery::{Outgoing, Priority};
use crate::platform::i18n::{Arg, Lang, ta};
use crate::kernel::members::{KimId, UserId, areas, roles};
use crate::platform::ctx::AppCtx;

/// How often the job looks for late tickets (one indexed query).
const POLL: Duration = Duration::from_secs(1);
/// Late tickets taken per look; a backlog (e.g. right after enabling) drains over
/// several looks.
const BATCH: i64 = 200;
/// Ticket numbers listed in one staff message; the rest are counted.
const LISTED: usize = 30;

/// A late ticket not yet flagged.
#[derive(Debug, Clone)]
struct Late {
    id: AspirationId,
    number: String,
    kim_id: i64,
}

/// Still in its first status, not flagged, no staff reply. Written on the bare table
/// name so the claim's `UPDATE` checks it on the row itself (PostgreSQL re-checks
/// such conditions on the newest row version after waiting for a lock).
const NO_FIRST_RESPONSE: &str = "aspirations.status = $1 AND aspirations.overdue_at IS NULL AND NOT EXISTS \
     (SELECT 1 FROM aspiration_messages m WHERE m.aspiration_id = aspirations.id AND m.kind = 'reply')";

/// Tickets without a first response whose working-day deadline has passed.
async fn late(ctx: &AppCtx, now: i64) -> DbResult<Vec<Late>> {
    let sla = &ctx.config.sla;
    let sql = format!(
        "SELECT aspirations.id, aspirations.ticket, aspirations.kim_id, aspirations.created_at, k.tz AS kim_tz \
         FROM aspirations JOIN kims k ON k.id = aspirations.kim_id \
         WHERE {NO_FIRST_RESPONSE} AND aspirations.created_at <= $2 ORDER BY aspirations.id LIMIT $3"
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(Status::Diterima.as_str())
        .bind(sla.earliest_created_due(now))
        .bind(BATCH)
        .fetch_all(&ctx.db.pool)
        .await?;
    let mut found = Vec::new();
    for row in &rows {
        let tz = model::zone(row.try_get::<Option<String>, _>("kim_tz")?.as_deref(), ctx.config.tz);
        if sla.deadline(row.try_get("created_at")?, tz) <= now {
            found.push(Late { id: row.try_get("id")?, number: row.try_get("ticket")?, kim_id: row.try_get("kim_id")? });
        }
    }
    Ok(found)
}

/// Marks one ticket overdue unless another process (or a first response) came first.
async fn claim(tx: &mut Transaction<'_, Any>, id: AspirationId, now: i64) -> DbResult<bool> {
    let sql = format!("UPDATE aspirations SET overdue_at = $2 WHERE aspirations.id = $3 AND {NO_FIRST_RESPONSE}");
    let done = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(Status::Diterima.as_str())
        .bind(now)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Staff covering each KIM among `tickets`, with their language, read before the
/// claiming transaction so it holds no lock while other queries run.
async fn staff_by_kim(db: &Db, tickets: &[Late]) -> DbResult<BTreeMap<i64, Vec<(i64, Lang)>>> {
    let mut by_kim = BTreeMap::new();
    for t in tickets {
        if by_kim.contains_key(&t.kim_id) {
            continue;
        }
        let staff = match areas::kim_by_id(db, KimId(t.kim_id)).await? {
            Some(kim) => roles::staff_covering(db, &kim.area_path).await?,
            None => Vec::new(),
        };
        let mut with_lang = Vec::with_capacity(staff.len());
        for staff_id in staff {
            with_lang.push((staff_id, crate::kernel::members::users::language(db, UserId(staff_id)).await?));
        }
        by_kim.insert(t.kim_id, with_lang);
    }
    Ok(by_kim)
}

/// Flags every late ticket and queues one message per staff member listing the
/// tickets this call flagged; returns how many tickets it flagged.
#[tracing::instrument(skip(ctx))]
pub async fn check(ctx: &AppCtx, now: i64) -> DbResult<usize> {
    if !ctx.config.sla.enabled() {
        return Ok(0);
    }
    let tickets = late(ctx, now).await?;
    if tickets.is_empty() {
        return Ok(0);
    }
    let staff = staff_by_kim(&ctx.db, &tickets).await?;
    let mut tx = ctx.db.begin().await?;
    let mut per_staff: BTreeMap<i64, (Lang, Vec<String>)> = BTreeMap::new();
    let mut flagged = Vec::new();
    for t in &tickets {
        if !claim(&mut tx, t.id, now).await? {
            continue;
        }
        flagged.push(t.number.as_str());
        for (staff_id, lang) in staff.get(&t.kim_id).into_iter().flatten() {
            per_staff.entry(*staff_id).or_insert_with(|| (*lang, Vec::new())).1.push(t.number.clone());
        }
    }
    let notices: Vec<Outgoing> = per_staff
        .iter()
        .map(|(staff_id, (lang, numbers))| {
            let text = notice(*lang, ctx.config.sla.working_days, numbers);
            Outgoing::text(*staff_id, text, Priority::Personal, Some("aspirations:overdue".into()))
        })
        .collect();
    ctx.outbox.enqueue_in(&mut tx, &notices).await?;
    tx.commit().await?;
    if !notices.is_empty() {
        ctx.outbox.wake();
    }
    // The office stage's escalation, audited like the agency stages' (stages::job).
    for number in &flagged {
        let detail = format!("{number} stage={}", super::stages::Stage::Office.as_str());
        crate::platform::audit::record(&ctx.db, None, "aspiration.sla_escalation", &detail, now).await?;
    }
    Ok(flagged.len())
}

/// "⏰ 2 aspirations … past 3 working days: • ASP-… • ASP-…".
fn notice(lang: Lang, days: u32, numbers: &[String]) -> String {
    let mut lines: Vec<String> = numbers.iter().take(LISTED).map(|n| format!("• {n}")).collect();
    if numbers.len() > LISTED {
        lines.push(ta(lang, "asp-overdue-more", &[("count", Arg::from((numbers.len() - LISTED) as i64))]));
    }
    let args = [
        ("count", Arg::from(numbers.len() as i64)),
        ("days", Arg::from(i64::from(days))),
        ("tickets", Arg::from(lines.join("\n"))),
    ];
    ta(lang, "asp-overdue-notice", &args)
}

/// Background loop: checks for late tickets every second until `stop`.
pub async fn run(ctx: Arc<AppCtx>, stop: watch::Receiver<bool>) {
    crate::platform::scheduler::every("overdue aspirations", POLL, stop, || check(&ctx, ctx.now())).await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_staff_message_lists_tickets_and_counts_the_rest() {
        let numbers: Vec<String> = (1..=32).map(|n| model::ticket_number(2026, n)).collect();
        let id = notice(Lang::Id, 3, &numbers[..2]);
        let en = notice(Lang::En, 3, &numbers);
        assert!(id.contains("2 aspirasi") && id.contains("3 hari kerja") && id.contains("• ASP-2026-000002"), "{id}");
        assert!(en.contains("32 aspirations") && en.contains("• ASP-2026-000030") && !en.contains("000031"), "{en}");
        assert!(en.contains("2 more"), "{en}");
    }
}
