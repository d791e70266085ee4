//! `/jadwal` → "Riwayat": every run that went out (sent at once, at a time, or by a
//! repeating schedule), newest first, a page at a time, each with its delivery totals
//! and a button to its full report. A fired announcement leaves the schedule list
//! but never the record.

use sqlx::Row;

use super::Btn;
use super::super::model::{Announcement, AnnouncementId};
use super::super::render::{keyboard, target_label, when};
use super::super::report::{Standing, per_group};
use super::super::{runs, store};
use crate::bot::HandlerError;
use crate::bot::turn::{At, Turn};
use crate::kernel::members::Actor;
use crate::platform::db::{Db, DbResult};
use crate::platform::i18n::{Arg, Lang, t, ta};

/// Runs per page: each takes four lines and a button.
pub const PER_PAGE: i64 = 5;

/// `(announcement id, run number)` of the runs `actor` may see, newest first, and
/// how many there are in all. The SQL narrows by author, KIM and area; the exact
/// rule ([`Announcement::manageable_by`]) is applied again when each is shown.
async fn page_of_runs(db: &Db, actor: &Actor, page: i64) -> DbResult<(Vec<(i64, i64)>, i64)> {
    let mut filter = String::from("TRUE");
    if !actor.is_admin {
        let mut any = vec!["a.author_id = $1".to_string()];
        if !actor.coordinator_kims.is_empty() {
            let ids: Vec<String> = actor.coordinator_kims.iter().map(ToString::to_string).collect();
            any.push(format!("a.kim_id IN ({})", ids.join(",")));
        }
        for i in 0..actor.staff_areas.len() {
            let p = i + 2;
            any.push(format!("a.area_path = ${p} OR substr(a.area_path, 1, length(${p}) + 1) = ${p} || '/'"));
        }
        filter = any.join(" OR ");
    }
    let from = format!("FROM announcement_runs r JOIN announcements a ON a.id = r.announcement_id WHERE ({filter})");
    let count_sql = format!("SELECT COUNT(*) AS n {from}");
    let n = actor.staff_areas.len() + 2;
    let page_sql = format!("SELECT r.announcement_id, r.n {from} ORDER BY r.fired_at DESC, r.id DESC LIMIT ${n} OFFSET ${}", n + 1);
    let mut count = sqlx::query(sqlx::AssertSqlSafe(count_sql)).bind(actor.user_id);
    let mut rows = sqlx::query(sqlx::AssertSqlSafe(page_sql)).bind(actor.user_id);
    for path in &actor.staff_areas {
        count = count.bind(path.clone());
        rows = rows.bind(path.clone());
    }
    let total: i64 = count.fetch_one(&db.pool).await?.try_get("n")?;
    let rows = rows.bind(PER_PAGE).bind(page * PER_PAGE).fetch_all(&db.pool).await?;
    let found = rows.iter().map(|r| Ok((r.try_get("announcement_id")?, r.try_get("n")?))).collect::<DbResult<_>>()?;
    Ok((found, total))
}

/// Shows page `page` (clamped to the last one) of the history, editing `at`.
pub async fn show(turn: &Turn<'_>, page: u32, at: At) -> Result<bool, HandlerError> {
    let (db, lang) = (&turn.ctx.db, turn.lang());
    let (_, total) = page_of_runs(db, &turn.who.actor, 0).await?;
    let pages = ((total + PER_PAGE - 1) / PER_PAGE).max(1);
    let page = i64::from(page).min(pages - 1);
    let (found, _) = page_of_runs(db, &turn.who.actor, page).await?;
    let mut parts = vec![ta(lang, "ann-history-header", &[("page", Arg::from(page + 1)), ("pages", Arg::from(pages))])];
    let mut rows: Vec<Vec<(String, Btn)>> = Vec::new();
    for (id, n) in found {
        let Some(ann) = store::get(db, id).await?.filter(|a| a.manageable_by(&turn.who.actor)) else { continue };
        let Some(run) = runs::run(db, AnnouncementId(id), n).await? else { continue };
        parts.push(item(lang, &ann, &run, &per_group(&runs::deliveries(db, run.id).await?)));
        rows.push(vec![(ta(lang, "ann-btn-history-report", &[("id", Arg::from(id)), ("run", Arg::from(n))]), Btn::OpenReport(id, n))]);
    }
    if total == 0 {
        parts.push(t(lang, "ann-history-empty"));
    }
    let mut nav = Vec::new();
    if page > 0 {
        nav.push(("‹".to_string(), Btn::History(page as u32 - 1)));
    }
    if page + 1 < pages {
        nav.push(("›".to_string(), Btn::History(page as u32 + 1)));
    }
    rows.push(nav);
    rows.push(vec![(t(lang, "btn-back"), Btn::Jadwal)]);
    super::show::show(turn, Some(at), parts.join("\n\n"), Some(keyboard(rows))).await?;
    Ok(true)
}

/// One run: when, to whom, the text, and how the delivery went.
fn item(lang: Lang, ann: &Announcement, run: &runs::Run, groups: &[(i64, String, Standing)]) -> String {
    let count = |f: fn(&Standing) -> bool| Arg::from(groups.iter().filter(|(_, _, s)| f(s)).count() as i64);
    let yes_no = |b: bool| Arg::from(if b { "yes" } else { "no" });
    let args = [
        ("id", Arg::from(ann.id)),
        ("run", Arg::from(run.n)),
        ("when", Arg::from(when(lang, run.fired_at, ann.tz))),
        ("late", yes_no(run.late != 0)),
        ("recalled", yes_no(run.recalled_at.is_some())),
        ("target", Arg::from(target_label(lang, &ann.target, &ann.target_name))),
        ("text", Arg::from(ann.content.snippet(60))),
        ("sent", count(|s| *s == Standing::Sent)),
        ("failed", count(|s| matches!(s, Standing::Failed(_)))),
        ("waiting", count(|s| *s == Standing::Waiting)),
    ];
    ta(lang, "ann-history-item", &args)
}
