//! *Ringkasan*: how many tickets in the person's scope stand in each status, how
//! many are overdue, and counts by category and by KIM.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use maud::html;
use sqlx::Row;

use super::layout::{self, Nav};
use super::{ConsoleError, Ctx, Staff};
use crate::features::aspirations::model::{Category, Status};
use crate::features::aspirations::render;
use crate::platform::db::{Db, DbResult};
use crate::platform::i18n::t;

/// `(key, count)` rows of `SELECT <column>, COUNT(*) … GROUP BY <column>` in scope.
async fn counts(db: &Db, column: &'static str, kims: &[i64]) -> DbResult<Vec<(String, i64)>> {
    if kims.is_empty() {
        return Ok(Vec::new());
    }
    let list: Vec<String> = (0..kims.len()).map(|i| format!("${}", i + 1)).collect();
    let sql = format!(
        "SELECT {column} AS k, COUNT(*) AS n FROM aspirations a JOIN kims k ON k.id = a.kim_id \
         WHERE a.kim_id IN ({}) GROUP BY {column} ORDER BY n DESC",
        list.join(", ")
    );
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
    for id in kims {
        query = query.bind(*id);
    }
    let rows = query.fetch_all(&db.pool).await?;
    rows.iter().map(|r| Ok((r.try_get("k")?, r.try_get("n")?))).collect()
}

async fn overdue(db: &Db, kims: &[i64]) -> DbResult<i64> {
    if kims.is_empty() {
        return Ok(0);
    }
    let list: Vec<String> = (0..kims.len()).map(|i| format!("${}", i + 2)).collect();
    let sql = format!(
        "SELECT COUNT(*) AS n FROM aspirations WHERE status = $1 AND overdue_at IS NOT NULL AND kim_id IN ({})",
        list.join(", ")
    );
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(Status::Diterima.as_str());
    for id in kims {
        query = query.bind(*id);
    }
    Ok(query.fetch_one(&db.pool).await?.try_get("n")?)
}

pub async fn page(State(ctx): State<Ctx>, staff: Staff) -> Result<Response, ConsoleError> {
    let kims: Vec<i64> = staff.kims(&ctx).await?.into_iter().map(|k| k.id).collect();
    let by_status = counts(&ctx.db, "a.status", &kims).await?;
    let by_category = counts(&ctx.db, "a.category", &kims).await?;
    let by_kim = counts(&ctx.db, "k.name", &kims).await?;
    let late = overdue(&ctx.db, &kims).await?;
    let lang = staff.lang;
    let count_of = |s: Status| by_status.iter().find(|(k, _)| k == s.as_str()).map_or(0, |(_, n)| *n);
    let table = |title: String, rows: Vec<(String, i64)>| html! {
        section.card {
            h2 { (title) }
            table.counts { tbody { @for (k, n) in rows { tr { td { (k) } td.num { (n) } } } } }
        }
    };
    let categories = by_category
        .iter()
        .map(|(k, n)| (Category::parse(k).map_or_else(|| k.clone(), |c| render::category(lang, c)), *n))
        .collect();
    let body = html! {
        section.tiles {
            @for s in Status::ALL {
                div.tile { span.num { (count_of(s)) } span { (render::status(lang, s)) } }
            }
            div.tile.late { span.num { (late) } span { (t(lang, "console-overdue")) } }
        }
        (table(t(lang, "console-by-category"), categories))
        (table(t(lang, "console-by-kim"), by_kim))
    };
    let page = layout::page(&staff, Nav::Summary, &t(lang, "console-summary-title"), body);
    Ok((layout::no_store(), page).into_response())
}
