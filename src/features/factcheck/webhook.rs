//! The `factcheck.verdict` webhook event and its body, built at send time like the
//! ticket events. It carries the request's number, area, the text that was checked,
//! the verdict and its explanation; never who asked or who answered (no Telegram
//! ids, names or photo file ids).

use serde::Serialize;
use sqlx::Row;

use crate::features::webhooks::queue::Claimed;
use crate::features::webhooks::payload::{AreaView, Body, DeclaredEvent, Event, Number, envelope, number_by, rfc3339};
use crate::features::webhooks::store::Change;
use crate::platform::db::{Db, DbResult};

/// A request got its verdict (from staff, or at once from an earlier verdict on the
/// same content).
pub static VERDICT: DeclaredEvent = DeclaredEvent { name: "factcheck.verdict", body, number };

/// The events of a cek fakta request, as declared in [`super::feature`].
pub static EVENTS: [Event; 1] = [&VERDICT];

pub fn verdict(fact_check_id: i64) -> Change {
    Change::new(&VERDICT, fact_check_id)
}

#[derive(Debug, Serialize)]
struct VerdictBody {
    fact_check: FactCheckView,
}

#[derive(Debug, Serialize)]
pub struct FactCheckView {
    /// `CEK-2026-000123`.
    pub number: String,
    pub area: AreaView,
    /// The message the resident asked about, as received.
    pub text: String,
    /// The first link in it, normalised; `null` when there is none.
    pub link: Option<String>,
    /// `hoaks`, `disinformasi`, `misinformasi`, `fakta` or `belum`.
    pub verdict: String,
    pub explanation: String,
    /// True when the same content had a verdict already and this request was
    /// answered at once from it.
    pub repeat: bool,
    pub created_at: String,
    pub answered_at: String,
}

const CHECK_SQL: &str = "SELECT f.number, f.body, f.link, f.verdict, f.explanation, f.created_at, f.answered_at, f.repeat, \
     k.code AS kim_code, k.name AS kim_name, ar.path, ar.code AS kode_wilayah FROM fact_checks f JOIN kims k ON k.id = f.kim_id \
     JOIN areas ar ON ar.id = k.kelurahan_id WHERE f.id = $1 AND f.status = 'answered'";

fn body<'a>(db: &'a Db, row: &'a Claimed) -> Body<'a> {
    Box::pin(build(db, row))
}

fn number(db: &Db, fact_check_id: i64) -> Number<'_> {
    number_by(db, "SELECT number FROM fact_checks WHERE id = $1", fact_check_id)
}

/// The body bytes; `None` when the request is gone or has no verdict.
async fn build(db: &Db, row: &Claimed) -> DbResult<Option<Vec<u8>>> {
    let Some(id) = row.subject_id else { return Ok(None) };
    let Some(r) = sqlx::query(CHECK_SQL).bind(id).fetch_optional(&db.pool).await? else { return Ok(None) };
    let (created_at, answered_at): (i64, Option<i64>) = (r.try_get("created_at")?, r.try_get("answered_at")?);
    let answered_at = answered_at.unwrap_or(created_at);
    let path: String = r.try_get("path")?;
    let verdict: Option<String> = r.try_get("verdict")?;
    let explanation: Option<String> = r.try_get("explanation")?;
    let fact_check = FactCheckView {
        number: r.try_get("number")?,
        area: AreaView::new(&path, r.try_get("kim_name")?, r.try_get("kim_code")?).with_code(r.try_get("kode_wilayah")?),
        text: r.try_get("body")?,
        link: r.try_get("link")?,
        verdict: verdict.unwrap_or_default(),
        explanation: explanation.unwrap_or_default(),
        repeat: r.try_get::<i64, _>("repeat")? != 0,
        created_at: rfc3339(created_at),
        answered_at: rfc3339(answered_at),
    };
    envelope(row, VerdictBody { fact_check })
}
