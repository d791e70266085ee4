//! The service-level job: at 80 % of a stage it reminds whoever holds the ticket
//! (staff of the area for the office stage, the agency's officers for the agency
//! stages); at 100 % of an agency stage it escalates to the agency's officers and
//! the staff of the ticket's area. The office stage's 100 % stays the overdue flag
//! of [`super::super::overdue`].
//!
//! Each reminder and escalation is claimed once per ticket, stage and disposition
//! ([`store::claim`]) in the transaction that queues its messages, then audited. A
//! stage already past its deadline when first seen (the bot was stopped, or a
//! setting changed) gets its escalation only: the reminder is claimed without
//! sending. Times come from the app clock (a test clock in tests).

use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::Duration;

use chrono_tz::Tz;
use tokio::sync::watch;

use super::store::{self, Candidate};
use super::{Level, Stage, StageClock};
use crate::features::aspirations::model::{self, local_time};
use crate::kernel::members::{KimId, UserId, areas, roles, users};
use crate::platform::audit;
use crate::platform::ctx::AppCtx;
use crate::platform::db::DbResult;
use crate::platform::delivery::{Outgoing, Priority};
use crate::platform::i18n::{Arg, ta};

/// How often the job looks (a few indexed queries).
const POLL: Duration = Duration::from_secs(1);

/// One look over every stage: escalations first (so a long-stopped bot does not
/// remind about a stage it escalates at once), then reminders. Gives how many
/// reminders and escalations it sent.
#[tracing::instrument(skip(ctx))]
pub async fn check(ctx: &AppCtx, now: i64) -> DbResult<usize> {
    let mut sent = 0;
    for stage in Stage::ALL {
        for level in [Level::Escalation, Level::Reminder] {
            if stage == Stage::Office && level == Level::Escalation {
                continue; // the overdue flag's
            }
            sent += step(ctx, stage, level, now).await?;
        }
    }
    Ok(sent)
}

async fn step(ctx: &AppCtx, stage: Stage, level: Level, now: i64) -> DbResult<usize> {
    let sla = &ctx.config.sla;
    let days = stage.days(sla);
    if days == 0 {
        return Ok(0);
    }
    let mut sent = 0;
    for c in store::candidates(&ctx.db, stage, level, StageClock::earliest_start_due(now, days, level)).await? {
        let tz = model::zone(c.kim_tz.as_deref(), ctx.config.tz);
        let Some(clock) = StageClock::new(sla, stage, c.started_at, tz) else { continue };
        match clock.level_at(now) {
            Some(due) if due == level => {}
            Some(Level::Escalation) => {
                // A reminder whose stage is already late: claimed, never sent.
                let mut tx = ctx.db.begin().await?;
                store::claim(&mut tx, &c, (stage, level), false, now).await?;
                tx.commit().await?;
                continue;
            }
            _ => continue,
        }
        let notices = messages(ctx, &c, &clock, level, tz).await?;
        let mut tx = ctx.db.begin().await?;
        if !store::claim(&mut tx, &c, (stage, level), true, now).await? {
            continue;
        }
        ctx.outbox.enqueue_in(&mut tx, &notices).await?;
        tx.commit().await?;
        ctx.outbox.wake();
        audit::record(&ctx.db, None, &format!("aspiration.sla_{}", level.as_str()), &detail(&c, stage), now).await?;
        sent += 1;
    }
    Ok(sent)
}

/// `ASP-2026-000001 stage=opd_response opd=PUPR` (no agency for the office stage).
fn detail(c: &Candidate, stage: Stage) -> String {
    match stage {
        Stage::Office => format!("{} stage={}", c.ticket, stage.as_str()),
        _ => format!("{} stage={} opd={}", c.ticket, stage.as_str(), c.agency_code),
    }
}

/// Who is told: staff of the area for the office reminder; the agency's officers for
/// an agency reminder; both for an agency escalation. Each person once.
async fn recipients(ctx: &AppCtx, c: &Candidate, stage: Stage, level: Level) -> DbResult<BTreeSet<i64>> {
    let mut people = BTreeSet::new();
    if stage != Stage::Office {
        people.extend(roles::officers_of(&ctx.db, c.agency_id).await?);
    }
    if (stage == Stage::Office || level == Level::Escalation)
        && let Some(kim) = areas::kim_by_id(&ctx.db, KimId(c.kim_id)).await?
    {
        people.extend(roles::staff_covering(&ctx.db, &kim.area_path).await?);
    }
    Ok(people)
}

async fn messages(ctx: &AppCtx, c: &Candidate, clock: &StageClock, level: Level, tz: Tz) -> DbResult<Vec<Outgoing>> {
    let key = match (clock.stage, level) {
        (Stage::Office, _) => "asp-sla-remind-office",
        (_, Level::Reminder) => "asp-sla-remind-opd",
        (_, Level::Escalation) => "asp-sla-escalate-opd",
    };
    let source = format!("aspirations:sla_{}", level.as_str());
    let mut out = Vec::new();
    for person in recipients(ctx, c, clock.stage, level).await? {
        let lang = users::language(&ctx.db, UserId(person)).await?;
        let args = [
            ("ticket", Arg::from(&c.ticket)),
            ("agency", Arg::from(&c.agency_label)),
            ("stage", Arg::from(clock.stage.label(lang))),
            ("days", Arg::from(i64::from(clock.days))),
            ("due", Arg::from(local_time(clock.due_at, tz))),
        ];
        out.push(Outgoing::text(person, ta(lang, key, &args), Priority::Personal, Some(source.clone())));
    }
    Ok(out)
}

/// Background loop: looks every second until `stop`.
pub async fn run(ctx: Arc<AppCtx>, stop: watch::Receiver<bool>) {
    crate::platform::scheduler::every("aspiration service levels", POLL, stop, || check(&ctx, ctx.now())).await;
}
