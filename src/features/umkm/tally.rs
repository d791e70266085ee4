//! Registered businesses counted per sector and per need, for the console's
//! *Ringkasan*.

use sqlx::Row;

use super::model::{Need, Sector};
use crate::platform::db::{Db, DbResult};

/// Registered businesses per sector and per need (one business counts once under
/// each of its needs).
#[derive(Debug, Default, PartialEq)]
pub struct UmkmCounts {
    pub total: i64,
    pub by_sector: Vec<(Sector, i64)>,
    pub by_need: Vec<(Need, i64)>,
}

pub async fn umkm(db: &Db, kims: &[i64]) -> DbResult<UmkmCounts> {
    let mut out = UmkmCounts::default();
    if kims.is_empty() {
        return Ok(out);
    }
    // Our own ids, formatted in: nothing typed reaches this SQL. One pass grouped by
    // (sector, needs): few distinct need lists, split here, instead of one LIKE per
    // need and row.
    let kims: String = kims.iter().map(i64::to_string).collect::<Vec<_>>().join(", ");
    let sql = format!("SELECT sector, needs, COUNT(*) AS n FROM umkm_registrations WHERE kim_id IN ({kims}) GROUP BY sector, needs");
    let mut sectors: Vec<(Sector, i64)> = Sector::ALL.iter().map(|s| (*s, 0)).collect();
    let mut needs: Vec<(Need, i64)> = Need::ALL.iter().map(|n| (*n, 0)).collect();
    for row in sqlx::query(sqlx::AssertSqlSafe(sql)).fetch_all(&db.pool).await? {
        let n: i64 = row.try_get("n")?;
        out.total += n;
        let sector = Sector::from_code(&row.try_get::<String, _>("sector")?);
        if let Some(slot) = sectors.iter_mut().find(|(s, _)| Some(*s) == sector) {
            slot.1 += n;
        }
        for code in row.try_get::<String, _>("needs")?.split(',') {
            if let Some(slot) = needs.iter_mut().find(|(need, _)| Some(*need) == Need::from_code(code)) {
                slot.1 += n;
            }
        }
    }
    out.by_sector = sectors.into_iter().filter(|(_, n)| *n > 0).collect();
    out.by_need = needs;
    out.by_sector.sort_by_key(|(_, n)| -n);
    out.by_need.sort_by_key(|(_, n)| -n);
    Ok(out)
}
