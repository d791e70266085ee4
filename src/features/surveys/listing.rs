//! The paged list of surveys a person may manage, newest first, filtered and paged in
//! SQL: the older rule (scan the latest 200, filter in Rust, keep 10) left older
//! surveys out of reach from chat. The filter is [`may_manage`] in SQL;
//! a test checks the two agree on tricky paths.

use sqlx::Row;

use super::model::Status;
use super::store::{COLUMNS, Survey, row};
use crate::kernel::members::Actor;
use crate::kernel::members::permissions::{Action, may};
use crate::platform::db::{Db, DbResult};
use crate::platform::paging;

/// Whether `actor` may see the results of `s` and close or recall it: its author,
/// staff overseeing its reach, admins. Coordinators see only their own.
pub fn may_manage(actor: &Actor, s: &Survey) -> bool {
    s.author_id == actor.user_id || may(actor, Action::Oversee(&s.area_path))
}

/// The newest `limit` surveys `actor` may manage (the console's pick).
pub async fn manageable(db: &Db, actor: &Actor, limit: usize) -> DbResult<Vec<Survey>> {
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    Ok(page(db, actor, 0, limit).await?.map(|p| p.surveys).unwrap_or_default())
}

/// A survey's list label at `now`: 🟢 open, ⏹ closed, 🗑 recalled, and the title.
pub fn label_at(s: &Survey, now: i64) -> String {
    let mark = match s.status {
        Status::Open if s.accepts_answers(now) => "🟢",
        Status::Recalled => "🗑",
        _ => "⏹",
    };
    format!("{mark} {}", s.title.chars().take(40).collect::<String>())
}

/// One page of the list.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub surveys: Vec<Survey>,
    /// The page shown, counted from 0 (a page past the end shows the last one).
    pub number: i64,
    /// How many pages there are (at least 1).
    pub pages: i64,
    pub total: i64,
}

impl Page {
    pub fn has_prev(&self) -> bool {
        self.number > 0
    }

    pub fn has_next(&self) -> bool {
        self.number + 1 < self.pages
    }
}

/// Page `number` (from 0) of the surveys `actor` may manage, `per_page` a page, newest
/// first. A page past the end (the list shrank since the button was drawn) shows the
/// last page; `None` for a negative page or one whose offset would overflow, which no
/// button of ours carries: a forged press.
pub async fn page(db: &Db, actor: &Actor, number: i64, per_page: i64) -> DbResult<Option<Page>> {
    if paging::offset(number, per_page).is_none() {
        return Ok(None);
    }
    let (filter, prefixes) = filter(actor);
    let bind = |sql: String| {
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        if !actor.is_admin {
            q = q.bind(actor.user_id);
            for p in &prefixes {
                q = q.bind(p.clone());
            }
        }
        q
    };
    let total: i64 = bind(format!("SELECT COUNT(*) AS n FROM surveys{filter}")).fetch_one(&db.pool).await?.try_get("n")?;
    let pages = ((total + per_page - 1) / per_page).max(1);
    let number = number.min(pages - 1);
    let Some(offset) = paging::offset(number, per_page) else { return Ok(None) };
    let n = if actor.is_admin { 0 } else { prefixes.len() + 1 };
    let sql = format!("{COLUMNS}{filter} ORDER BY id DESC LIMIT ${} OFFSET ${}", n + 1, n + 2);
    let rows = bind(sql).bind(per_page).bind(offset).fetch_all(&db.pool).await?;
    let surveys = rows.iter().map(row).collect::<DbResult<Vec<_>>>()?;
    Ok(Some(Page { surveys, number, pages, total }))
}

/// The `WHERE` clause of [`may_manage`] and the area prefixes it binds
/// after the author id (`$1`): admins see everything; others what they wrote and
/// what reaches inside an area they are staff for. `covers(outer, inner)` is
/// "`inner/` starts with `outer/`", compared with `substr` rather than `LIKE`, which
/// SQLite folds to lower case and which would read `_` and `%` in names as patterns.
fn filter(actor: &Actor) -> (String, Vec<String>) {
    if actor.is_admin {
        return (String::new(), Vec::new());
    }
    let prefixes: Vec<String> = actor.staff_areas.iter().map(|a| format!("{a}/")).collect();
    let mut sql = String::from(" WHERE (author_id = $1");
    for i in 0..prefixes.len() {
        let p = i + 2;
        sql.push_str(&format!(" OR substr(area_path || '/', 1, length(${p})) = ${p}"));
    }
    sql.push(')');
    (sql, prefixes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kernel::members::{KimId, UserId};

    fn actor(admin: bool, areas: &[&str]) -> Actor {
        Actor { user_id: UserId(7), is_admin: admin, staff_areas: areas.iter().map(|a| a.to_string()).collect(), coordinator_kims: vec![KimId(1)], agencies: Vec::new() }
    }

    #[test]
    fn the_filter_binds_one_prefix_per_staff_area_and_none_for_admins() {
        assert_eq!(filter(&actor(true, &["Kota A"])), (String::new(), Vec::new()));
        let (sql, binds) = filter(&actor(false, &[]));
        assert_eq!((sql.as_str(), binds.len()), (" WHERE (author_id = $1)", 0));
        let (sql, binds) = filter(&actor(false, &["Kota A/Kec B", "Kota C"]));
        assert!(sql.contains("length($2)) = $2") && sql.contains("length($3)) = $3"), "{sql}");
        assert_eq!(binds, ["Kota A/Kec B/", "Kota C/"]);
    }

    #[test]
    fn a_page_knows_whether_there_is_one_before_and_after() {
        let p = |number, pages| Page { surveys: Vec::new(), number, pages, total: 0 };
        assert_eq!((p(0, 1).has_prev(), p(0, 1).has_next()), (false, false));
        assert_eq!((p(0, 3).has_prev(), p(0, 3).has_next()), (false, true));
        assert_eq!((p(2, 3).has_prev(), p(2, 3).has_next()), (true, false));
    }
}
