//! Assignment in the console: the ticket page's *Penanganan* block ([`block`]),
//! "Ambil" ([`take`], also from a queue row) and assigning to a colleague or
//! releasing ([`assign`]). Both go through
//! [`assign::assign`](crate::features::aspirations::assign::assign), as the chat's
//! "Ambil" does; a colleague outside the ticket's area is refused with the page
//! shown again.

use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use serde::Deserialize;
use crate::kernel::members::UserId;

use crate::features::aspirations::assign::{self, Colleague};
use crate::features::aspirations::flow::{FlowError, Scoped};
use crate::features::aspirations::model::Access;
use crate::platform::i18n::{Arg, t, ta};
use crate::web::console::{ConsoleError, Ctx, Staff};

/// Who works on the ticket, and for staff who may triage it "Ambil" and the
/// colleague picker.
pub async fn block(ctx: &Ctx, staff: &Staff, scoped: &Scoped) -> Result<Markup, ConsoleError> {
    let lang = staff.lang;
    let ticket = &scoped.ticket;
    let who = match ticket.assignee {
        Some(user) => Some(assign::name_of(&ctx.db, UserId(user)).await?),
        None => None,
    };
    let may = scoped.access == Access::Triage && !ticket.status.is_closed();
    let colleagues: Vec<Colleague> = if may { assign::colleagues(&ctx.db, &[&scoped.kim]).await? } else { Vec::new() };
    let me = staff.actor.user_id;
    Ok(html! {
        section.card.desk-assign {
            h2 { (t(lang, "desk-assign-title")) }
            p {
                @if let Some(name) = &who { (ta(lang, "desk-assigned-to", &[("name", Arg::from(name))])) }
                @else { (t(lang, "desk-assigned-nobody")) }
            }
            @if may {
                @if ticket.assignee != Some(me.get()) {
                    form.inline method="post" action={ "/dasbor/aspirasi/" (ticket.id) "/ambil" } {
                        input type="hidden" name="csrf" value=(staff.session.csrf);
                        button type="submit" { (t(lang, "desk-take")) }
                    }
                }
                form.inline method="post" action={ "/dasbor/aspirasi/" (ticket.id) "/tugaskan" } {
                    input type="hidden" name="csrf" value=(staff.session.csrf);
                    label { (t(lang, "desk-assign-to"))
                        select name="assignee" {
                            option value="" { (t(lang, "desk-assign-nobody")) }
                            @for c in &colleagues {
                                option value=(c.user_id) selected[ticket.assignee == Some(c.user_id)] { (c.name) }
                            }
                        }
                    }
                    button type="submit" { (t(lang, "desk-assign-button")) }
                }
            }
        }
    })
}

#[derive(Deserialize)]
pub struct TakeForm {
    #[serde(default)]
    csrf: String,
    /// `queue` when pressed on a queue row.
    #[serde(default)]
    back: String,
}

/// "Ambil": the ticket is the presser's. From a queue row (the bulk form's
/// `formaction`) it returns to the queue as it was; from the ticket, to the ticket.
pub async fn take(State(ctx): State<Ctx>, staff: Staff, Path(id): Path<String>, Form(form): Form<TakeForm>) -> Result<Response, ConsoleError> {
    staff.check_csrf(&form.csrf)?;
    let scoped = super::desk::visible(&ctx, &staff, &id).await?;
    let from_queue = form.back == "queue";
    match assign::assign(&ctx, &staff.actor, &scoped, Some(staff.actor.user_id.get())).await {
        Ok(_) if from_queue => Ok(Redirect::to("/dasbor/aspirasi/kembali").into_response()),
        Ok(t) => Ok(Redirect::to(&format!("/dasbor/aspirasi/{}", t.number)).into_response()),
        Err(e) => refused(&ctx, &staff, &scoped, e).await,
    }
}

#[derive(Deserialize)]
pub struct AssignForm {
    #[serde(default)]
    csrf: String,
    /// A colleague's user id; empty: nobody.
    #[serde(default)]
    assignee: String,
}

/// Assigns to a colleague of the ticket's area (or releases it).
pub async fn assign(State(ctx): State<Ctx>, staff: Staff, Path(id): Path<String>, Form(form): Form<AssignForm>) -> Result<Response, ConsoleError> {
    staff.check_csrf(&form.csrf)?;
    let scoped = super::desk::visible(&ctx, &staff, &id).await?;
    let to = match form.assignee.trim() {
        "" => None,
        n => Some(n.parse::<i64>().map_err(|_| ConsoleError::BadInput)?),
    };
    match assign::assign(&ctx, &staff.actor, &scoped, to).await {
        Ok(t) => Ok(Redirect::to(&format!("/dasbor/aspirasi/{}", t.number)).into_response()),
        Err(e) => refused(&ctx, &staff, &scoped, e).await,
    }
}

/// A refused assignment: the ticket again with why (a colleague of another area, a
/// closed ticket); read-only people get 403 as for status changes.
async fn refused(ctx: &Ctx, staff: &Staff, scoped: &Scoped, e: FlowError) -> Result<Response, ConsoleError> {
    let key = match e {
        FlowError::NotFound => return Err(ConsoleError::NotFound),
        FlowError::Db(e) => return Err(e.into()),
        FlowError::NotAllowed if scoped.access != Access::Triage => return Err(ConsoleError::Forbidden),
        FlowError::NotAllowed => "desk-assign-refused",
        FlowError::Stale(_) => "desk-assign-closed",
        _ => "console-move-bad",
    };
    super::ticket::again(ctx, staff, scoped, key).await
}
