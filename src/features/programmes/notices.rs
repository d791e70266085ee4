//! Notices to a group application's lead: a member joined, the group is complete.

use super::apps::{self, Application};
use crate::platform::ctx::AppCtx;
use crate::platform::db::DbResult;
use crate::platform::delivery::{Body, Outgoing, Priority};
use crate::platform::i18n::{Arg, Lang, ta};
use crate::kernel::members::UserId;

/// Tells the lead of `app` that someone joined (and whether the group is complete).
pub async fn group_joined(ctx: &AppCtx, app: &Application, complete: bool) -> DbResult<()> {
    let Some(lead) = app.user_id else { return Ok(()) };
    let Some(language) = apps::language_of(&ctx.db, UserId(lead)).await? else { return Ok(()) };
    let lang = Lang::from_code(&language).unwrap_or_default();
    let key = if complete { "prg-lead-complete" } else { "prg-lead-joined" };
    let text = ta(lang, key, &[("number", Arg::from(app.number.as_str())), ("members", Arg::from(app.members))]);
    let body = Body::Text { text, buttons: Vec::new(), entities: Vec::new() };
    let item = Outgoing { chat_id: lead, body, priority: Priority::Personal, source: super::model::GROUP_SOURCE.of(app.id).into() };
    ctx.outbox.enqueue(&[item]).await?;
    ctx.outbox.wake();
    Ok(())
}
