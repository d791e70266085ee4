//! `aspiration.rated`: the resident's verdict on a done ticket, a score of 1–5,
//! "not solved" (the resident reopened it), or "unrated" (no answer within
//! `KIMBOT_VERDICT_CLOSE_DAYS`; `score` is `null`). Built at send time from the round; it
//! names nobody: not the resident (even of a non-anonymous ticket), not the staff or
//! agency that handled it, and leaves the comment out (the resident's own words may
//! identify them; staff read it on the ticket).

use serde::Serialize;
use sqlx::Row;

use super::{Outcome, store};
use crate::features::aspirations::model::AspirationId;
use crate::features::webhooks::payload::{AreaView, Body, DeclaredEvent, Number, envelope, number_by, rfc3339};
use crate::features::webhooks::store::Change;
use crate::platform::db::{Db, DbResult};
use crate::platform::webhook_events::Claimed;

pub static RATED: DeclaredEvent = DeclaredEvent { name: "aspiration.rated", body, number };

/// Round `round` of ticket `aspiration_id` was decided by its resident.
pub fn rated(aspiration_id: AspirationId, round: i64) -> Change {
    Change { message_id: Some(round), ..Change::new(&RATED, aspiration_id.get()) }
}

#[derive(Debug, Serialize)]
struct RatedBody {
    ticket: TicketRef,
    verdict: VerdictView,
}

#[derive(Debug, Serialize)]
struct TicketRef {
    number: String,
    category: String,
    area: AreaView,
    /// As of sending.
    status: String,
}

#[derive(Debug, Serialize)]
struct VerdictView {
    /// `rated`, `not_solved` or `unrated` (closed without an answer).
    outcome: &'static str,
    /// 1–5 when `rated`, `null` otherwise.
    score: Option<i64>,
    at: String,
}

const TICKET_SQL: &str = "SELECT a.ticket, a.category, a.status, k.code AS kim_code, k.name AS kim_name, ar.path \
     FROM aspirations a JOIN kims k ON k.id = a.kim_id JOIN areas ar ON ar.id = k.kelurahan_id WHERE a.id = $1";

fn body<'a>(db: &'a Db, row: &'a Claimed) -> Body<'a> {
    Box::pin(build(db, row))
}

fn number(db: &Db, aspiration_id: i64) -> Number<'_> {
    number_by(db, "SELECT ticket FROM aspirations WHERE id = $1", aspiration_id)
}

async fn build(db: &Db, row: &Claimed) -> DbResult<Option<Vec<u8>>> {
    let (Some(id), Some(round_id)) = (row.subject_id, row.message_id) else { return Ok(None) };
    let Some(round) = store::round(db, round_id).await? else { return Ok(None) };
    let outcome = match round.outcome {
        Some(Outcome::Rated) => "rated",
        Some(Outcome::NotSolved) => "not_solved",
        Some(Outcome::Unrated) => "unrated",
        _ => return Ok(None),
    };
    let Some(r) = sqlx::query(TICKET_SQL).bind(id).fetch_optional(&db.pool).await? else { return Ok(None) };
    let path: String = r.try_get("path")?;
    let ticket = TicketRef {
        number: r.try_get("ticket")?,
        category: r.try_get("category")?,
        area: AreaView::new(&path, r.try_get("kim_name")?, r.try_get("kim_code")?),
        status: r.try_get("status")?,
    };
    let verdict = VerdictView { outcome, score: round.score, at: rfc3339(round.answered_at.unwrap_or(row.occurred_at)) };
    envelope(row, RatedBody { ticket, verdict })
}
