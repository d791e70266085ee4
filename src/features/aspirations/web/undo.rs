//! "Urungkan" on the ticket page: a staff member takes back their own newest status
//! change within a minute ([`UNDO_SECS`](crate::features::aspirations::model::UNDO_SECS)), as with the chat's "↩️ Urungkan" button. The form is
//! offered only while [`check_undo`] allows it, and the POST calls the same
//! [`undo::undo`] as the chat, which checks the rule and the person's scope again, so
//! the resident's correction, the webhook, the history row and the audit come with it.

use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use serde::Deserialize;

use super::ticket::{again, visible};
use crate::web::console::{ConsoleError, Ctx, Staff};
use crate::features::aspirations::flow::{FlowError, Scoped};
use crate::features::aspirations::model::{Access, UNDO_SECS, check_undo};
use crate::features::aspirations::{store, undo};
use crate::platform::i18n::{Arg, t, ta};

/// The "Urungkan" form, when the ticket's newest change is `staff`'s own, not an
/// undo, and under a minute old; nothing otherwise.
pub(super) async fn offer(ctx: &Ctx, staff: &Staff, scoped: &Scoped) -> Result<Markup, ConsoleError> {
    if scoped.access != Access::Triage {
        return Ok(html! {});
    }
    let Some(last) = store::last_change(&ctx.db, scoped.ticket.id).await? else { return Ok(html! {}) };
    if check_undo(&last, last.log_id, staff.actor.user_id, ctx.now()).is_err() {
        return Ok(html! {});
    }
    let lang = staff.lang;
    // The page runs no script: the seconds left when it was drawn, the clock time
    // the chance ends, and a bar that empties over those seconds (CSS only).
    let left = (UNDO_SECS - (ctx.now() - last.at)).clamp(0, UNDO_SECS);
    let until = crate::platform::when::local(last.at + UNDO_SECS, ctx.config.tz).format("%H:%M:%S").to_string();
    let bucket = ((left + 4) / 5 * 5).clamp(5, 60);
    Ok(html! {
        form.card.undo method="post" action={ "/dasbor/aspirasi/" (scoped.ticket.id) "/urungkan" } {
            p { (t(lang, "console-undo-hint")) " "
                strong { (ta(lang, "console-undo-left", &[("seconds", Arg::from(left)), ("until", Arg::from(until))])) } }
            span class={ "countdown s" (bucket) } aria-hidden="true" {}
            input type="hidden" name="csrf" value=(staff.session.csrf);
            input type="hidden" name="log" value=(last.log_id);
            button type="submit" { (t(lang, "console-undo-button")) }
        }
    })
}

#[derive(Deserialize)]
pub struct UndoForm {
    #[serde(default)]
    csrf: String,
    /// The history row the form was offered for: an undo never takes back a change
    /// made after the page was shown.
    #[serde(default)]
    log: String,
}

pub async fn undo(State(ctx): State<Ctx>, staff: Staff, Path(id): Path<String>, Form(form): Form<UndoForm>) -> Result<Response, ConsoleError> {
    staff.check_csrf(&form.csrf)?;
    let scoped = visible(&ctx, &staff, &id).await?;
    if scoped.access != Access::Triage {
        // Read-only people get 403, as for a status change (the domain refuses too).
        return Err(ConsoleError::Forbidden);
    }
    let Ok(log_id) = form.log.trim().parse::<i64>() else {
        return again(&ctx, &staff, &scoped, "console-undo-stale").await;
    };
    match undo::undo(&ctx, &staff.actor, scoped.ticket.id, log_id).await {
        Ok(ticket) => Ok(Redirect::to(&format!("/dasbor/aspirasi/{}?done=undone", ticket.id)).into_response()),
        Err(FlowError::NotAllowed) => Err(ConsoleError::Forbidden),
        Err(FlowError::NotFound) => Err(ConsoleError::NotFound),
        Err(FlowError::Db(e)) => Err(e.into()),
        // Too late, superseded, someone else's, already undone, or moved meanwhile.
        Err(_) => again(&ctx, &staff, &scoped, "console-undo-stale").await,
    }
}
