//! "↩️ Urungkan": a staff member takes back their own last status change within
//! [`model::UNDO_SECS`]. The ticket goes back through the same conditional move as
//! any change ([`flow::commit_move`]), so the history row, the resident's notice and
//! the `aspiration.status_changed` webhook come with it; the row names the change it
//! takes back.

use super::flow::{self, FlowError};
use super::model::{self, AspirationId};
use super::render;
use super::store::{self, Ticket};
use crate::kernel::members::{Actor, UserId};
use crate::platform::audit;
use crate::platform::ctx::AppCtx;
use crate::platform::delivery::Body;
use crate::platform::i18n::{Arg, ta};

/// Undoes history row `log_id` of ticket `id` if it is still the newest, is
/// `actor`'s own and is at most a minute old; the resident is told the correction.
#[tracing::instrument(skip(ctx, actor), fields(actor = actor.user_id.get()))]
pub async fn undo(ctx: &AppCtx, actor: &Actor, id: AspirationId, log_id: i64) -> Result<Ticket, FlowError> {
    let last = store::last_change(&ctx.db, id).await?.ok_or(FlowError::NotFound)?;
    let (from, to) = model::check_undo(&last, log_id, actor.user_id, ctx.now())?;
    let ticket = flow::triageable(ctx, actor, id, from).await?;
    let lang = crate::kernel::members::users::language(&ctx.db, UserId(ticket.user_id)).await?;
    let args = [
        ("ticket", Arg::from(&ticket.number)),
        ("wrong", Arg::from(render::status(lang, from))),
        ("status", Arg::from(render::status(lang, to))),
    ];
    let body = Body::Text { text: ta(lang, "asp-notice-undone", &args), buttons: Vec::new(), entities: Vec::new() };
    flow::commit_move(ctx, &ticket, (from, to), (None, Some(log_id)), actor.user_id, body).await?;
    let detail = format!("{}: {} -> {}", ticket.number, from.as_str(), to.as_str());
    audit::record(&ctx.db, Some(actor.user_id), "aspiration.undo", &detail, ctx.now()).await?;
    Ok(Ticket { status: to, ..ticket })
}
