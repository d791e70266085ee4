//! The desk's small pieces: a ticket addressed by its number or its internal id
//! ([`visible`]), and one's own saved queue filters ([`save`], [`remove`]).

use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::features::aspirations::find::NumberQuery;
use crate::features::aspirations::flow::{self, Scoped};
use crate::features::aspirations::model::{Access, AspirationId, ticket_number};
use crate::features::aspirations::saved;
use crate::features::aspirations::store;
use crate::web::console::{ConsoleError, Ctx, Staff};

/// A ticket this person may see, by internal id (`17`, older links) or by number
/// (`ASP-2026-000017`, any case); anything else (missing, another area, neither
/// form) is the same "not found".
pub async fn visible(ctx: &Ctx, staff: &Staff, id: &str) -> Result<Scoped, ConsoleError> {
    let id = match id.parse::<i64>() {
        Ok(id) => AspirationId(id),
        Err(_) => {
            let n = NumberQuery::parse(id).filter(|n| n.is_full()).ok_or(ConsoleError::NotFound)?;
            let number = ticket_number(n.year.unwrap_or_default() as i32, n.seq);
            store::ticket_by_number(&ctx.db, &number).await?.ok_or(ConsoleError::NotFound)?.id
        }
    };
    let scoped = flow::load(ctx, &staff.actor, id).await?.ok_or(ConsoleError::NotFound)?;
    if scoped.access == Access::None {
        return Err(ConsoleError::NotFound);
    }
    Ok(scoped)
}

#[derive(Deserialize)]
pub struct SaveForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    name: String,
    /// The queue's query string as the page showed it.
    #[serde(default)]
    query: String,
}

/// "Simpan filter ini": the current filters under a name of one's choice.
pub async fn save(State(ctx): State<Ctx>, staff: Staff, Form(form): Form<SaveForm>) -> Result<Response, ConsoleError> {
    staff.check_csrf(&form.csrf)?;
    let name = form.name.trim();
    let query = form.query.trim().trim_start_matches('?');
    if name.is_empty() || name.chars().count() > saved::NAME_MAX || query.chars().count() > saved::QUERY_MAX {
        return Err(ConsoleError::BadInput);
    }
    // Only the queue's own fields survive, re-encoded: what is stored is never more
    // than a set of filters.
    let filters: super::queue::Filters = serde_urlencoded_filters(query).ok_or(ConsoleError::BadInput)?;
    let query = filters.query();
    let now = ctx.now();
    if !saved::add(&ctx.db, staff.actor.user_id, name, &query, now).await? {
        return Err(ConsoleError::BadInput);
    }
    Ok(Redirect::to(&format!("/dasbor/aspirasi?{query}")).into_response())
}

fn serde_urlencoded_filters(query: &str) -> Option<super::queue::Filters> {
    axum::extract::Query::<super::queue::Filters>::try_from_uri(&format!("/?{query}").parse().ok()?).ok().map(|q| q.0)
}

#[derive(Deserialize)]
pub struct RemoveForm {
    #[serde(default)]
    csrf: String,
}

/// Removes one of one's own saved filters; anyone else's looks missing.
pub async fn remove(State(ctx): State<Ctx>, staff: Staff, Path(id): Path<String>, Form(form): Form<RemoveForm>) -> Result<Response, ConsoleError> {
    staff.check_csrf(&form.csrf)?;
    let id: i64 = id.parse().map_err(|_| ConsoleError::NotFound)?;
    if !saved::remove(&ctx.db, staff.actor.user_id, id).await? {
        return Err(ConsoleError::NotFound);
    }
    Ok(Redirect::to("/dasbor/aspirasi/kembali").into_response())
}
