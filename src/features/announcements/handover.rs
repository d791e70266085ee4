//! Schedules that lose their author. A scheduled or repeating announcement fires
//! with its author's rights of the moment; once the author erased their data or lost
//! their role it would fire into nothing (and notify a chat that is gone). So every
//! pending schedule of that person is paused at once, and the staff covering its area
//! (admins, when no staff do) are told and can resume it from `/jadwal` — whoever
//! resumes it becomes its author — or cancel it.
//!
//! The scheduler pauses a due schedule the same way if its author turns out to have
//! no right to announce (a role lost by a way that did not come through here).

use std::collections::BTreeMap;

use sqlx::Row;

use super::model::{Announcement, Content, can_announce};
use super::store::Tx;
use crate::kernel::members::{UserId, roles};
use crate::platform::db::{Db, DbResult};
use crate::platform::delivery::{Outgoing, Priority, outbox};
use crate::platform::i18n::{Arg, t, ta};
use crate::platform::personal::{Hook, RoleLost};

/// Why a person's schedules are paused (chooses the staff notice's wording).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// They ran `/hapusdata`.
    Erased,
    /// Their roles were revoked, or they no longer have one.
    RoleLost,
}

impl Why {
    fn code(self) -> &'static str {
        match self {
            Why::Erased => "erased",
            Why::RoleLost => "role",
        }
    }
}

/// A schedule being handed to staff.
#[derive(Debug, Clone)]
struct Orphan {
    id: i64,
    area_path: String,
    snippet: String,
}

/// Pauses every pending schedule of `author` inside `tx` and queues the staff notices
/// in it; returns how many schedules were pending (paused now, or paused already).
/// `admins` are told when no staff member covers a schedule's area.
pub async fn pause_all_of(tx: &mut Tx, db: &Db, author: UserId, why: Why, admins: &[i64], now: i64) -> DbResult<usize> {
    let rows = sqlx::query(
        "SELECT id, area_path, text FROM announcements \
         WHERE author_id = $1 AND status IN ('scheduled', 'paused') AND schedule_kind <> 'now' ORDER BY id",
    )
    .bind(author)
    .fetch_all(&mut **tx)
    .await?;
    let mut orphans = Vec::with_capacity(rows.len());
    for row in &rows {
        let content = Content { text: row.try_get("text")?, ..Default::default() };
        orphans.push(Orphan { id: row.try_get("id")?, area_path: row.try_get("area_path")?, snippet: content.snippet(60) });
    }
    if orphans.is_empty() {
        return Ok(0);
    }
    sqlx::query(
        "UPDATE announcements SET status = 'paused', updated_at = $1 \
         WHERE author_id = $2 AND status = 'scheduled' AND schedule_kind <> 'now'",
    )
    .bind(now)
    .bind(author)
    .execute(&mut **tx)
    .await?;
    let notices = notices(db, &orphans, author, why, admins).await?;
    outbox::insert(tx, &notices, now).await?;
    Ok(orphans.len())
}

/// The role-lost hook (declared with `with_role_lost`): when the kernel revokes a
/// person's roles, their schedules are paused and staff told in the same
/// transaction; returns how many schedules were pending.
pub fn on_role_lost<'a, 'c>(tx: &'a mut Tx, lost: &'a RoleLost<'c>) -> Hook<'a, usize> {
    Box::pin(async move { pause_all_of(tx, lost.db, lost.user_id, Why::RoleLost, lost.admins, lost.now).await })
}

/// Pauses one due schedule whose author may no longer announce; `false` when it was
/// not scheduled any more (paused, cancelled or fired by someone else meanwhile).
pub async fn pause_one(db: &Db, ann: &Announcement, admins: &[i64], now: i64) -> DbResult<bool> {
    let mut tx = db.begin().await?;
    let done = sqlx::query("UPDATE announcements SET status = 'paused', updated_at = $1 WHERE id = $2 AND status = 'scheduled'")
        .bind(now)
        .bind(ann.id)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    let orphan = Orphan { id: ann.id, area_path: ann.area_path.clone(), snippet: ann.content.snippet(60) };
    let notices = notices(db, &[orphan], ann.author_id, Why::RoleLost, admins).await?;
    outbox::insert(&mut tx, &notices, now).await?;
    tx.commit().await?;
    Ok(true)
}

/// Who answers for a schedule resumed by `by`: its author while they may still
/// manage it, otherwise the person resuming it (so it fires with their rights and
/// its notices reach them).
pub async fn author_on_resume(db: &Db, ann: &Announcement, by: UserId, author_is_admin: bool) -> DbResult<i64> {
    if ann.author_id == by {
        return Ok(by.get());
    }
    let author = roles::actor(db, ann.author_id, author_is_admin).await?;
    Ok(if can_announce(&author) && ann.manageable_by(&author) { ann.author_id.get() } else { by.get() })
}

/// One message per staff member (or admin) covering the orphans, in their language.
async fn notices(db: &Db, orphans: &[Orphan], author: UserId, why: Why, admins: &[i64]) -> DbResult<Vec<Outgoing>> {
    let mut per_person: BTreeMap<i64, Vec<&Orphan>> = BTreeMap::new();
    for orphan in orphans {
        let mut told: Vec<i64> = roles::staff_covering(db, &orphan.area_path).await?;
        if told.iter().all(|s| *s == author.get()) {
            told = admins.to_vec();
        }
        for person in told.into_iter().filter(|p| *p != author.get()) {
            per_person.entry(person).or_default().push(orphan);
        }
    }
    let mut out = Vec::with_capacity(per_person.len());
    for (person, items) in per_person {
        let lang = crate::kernel::members::users::language(db, UserId(person)).await?;
        let mut lines = vec![ta(lang, "ann-orphans-paused", &[("why", Arg::from(why.code()))])];
        lines.extend(
            items.iter().map(|o| ta(lang, "ann-orphans-item", &[("id", Arg::from(o.id)), ("text", Arg::from(&o.snippet))])),
        );
        lines.push(t(lang, "ann-orphans-what-now"));
        out.push(Outgoing::text(person, lines.join("\n"), Priority::Personal, Some("announcement:handover".into())));
    }
    Ok(out)
}
