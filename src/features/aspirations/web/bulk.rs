//! Bulk actions on the tickets ticked in the queue (no script needed: the queue's
//! rows sit inside one form): a status with one note, an assignment, or sending to
//! an agency (OPD). Each ticket goes through the same domain function as a single
//! action ([`flow::change_status`], [`assign::assign`], [`dispose::dispose`]), so
//! each resident is told and each step audited; a summary page says what happened
//! to every ticket, and one `aspiration.bulk` entry records the whole.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

use super::NAV;
use crate::features::aspirations::flow::{self, FlowError};
use crate::features::aspirations::model::{AspirationId, NOTE_MAX, Status, TransitionError};
use crate::features::aspirations::{assign, dispose, render};
use crate::kernel::members::agencies::{self, Agency, kota_of};
use crate::kernel::members::Kim;
use crate::platform::audit;
use crate::platform::i18n::{Lang, t};
use crate::web::console::{ConsoleError, Ctx, Staff, layout};

/// Tickets one bulk action may touch (two pages of the queue).
pub const MAX_TICKETS: usize = 100;

/// What the bulk controls offer: colleagues and agencies of the scope.
pub struct Parts {
    colleagues: Vec<assign::Colleague>,
    agencies: Vec<Agency>,
}

/// Colleagues covering any of `kims`, and the agencies of their kotas.
pub async fn form_parts(ctx: &Ctx, kims: &[Kim]) -> Result<Parts, ConsoleError> {
    let refs: Vec<&Kim> = kims.iter().collect();
    let colleagues = assign::colleagues(&ctx.db, &refs).await?;
    let mut kotas: Vec<&str> = kims.iter().map(|k| kota_of(&k.area_path)).collect();
    kotas.sort_unstable();
    kotas.dedup();
    let mut list = Vec::new();
    for kota in kotas {
        list.extend(agencies::of_kota(&ctx.db, kota).await?);
    }
    Ok(Parts { colleagues, agencies: list })
}

/// The controls under the queue's table.
pub fn controls(lang: Lang, parts: &Parts) -> Markup {
    html! {
        fieldset.desk-bulk {
            legend { (t(lang, "desk-bulk-title")) }
            label { (t(lang, "desk-bulk-action"))
                select name="action" {
                    option value="" { (t(lang, "desk-bulk-pick")) }
                    option value="status" { (t(lang, "desk-bulk-status")) }
                    option value="assign" { (t(lang, "desk-bulk-assign")) }
                    @if !parts.agencies.is_empty() { option value="agency" { (t(lang, "desk-bulk-agency")) } }
                }
            }
            label { (t(lang, "console-move-to"))
                select name="to" {
                    option value="" { (t(lang, "desk-bulk-pick")) }
                    @for s in Status::ALL.into_iter().filter(|s| *s != Status::Diterima) {
                        option value=(s.as_str()) { (render::status(lang, s)) }
                    }
                }
            }
            label { (t(lang, "desk-assign-to"))
                select name="assignee" {
                    option value="" { (t(lang, "desk-assign-nobody")) }
                    @for c in &parts.colleagues { option value=(c.user_id) { (c.name) } }
                }
            }
            @if !parts.agencies.is_empty() {
                label { (t(lang, "desk-bulk-agency-to"))
                    select name="agency" {
                        option value="" { (t(lang, "desk-bulk-pick")) }
                        @for a in &parts.agencies { option value=(a.id) { (a.label()) " (" (a.kota) ")" } }
                    }
                }
            }
            label.wide { (t(lang, "desk-bulk-note")) textarea name="note" rows="2" maxlength=(NOTE_MAX) {} }
            button type="submit" { (t(lang, "desk-bulk-button")) }
        }
    }
}

/// The posted form: repeated `id`s and one of each other field.
#[derive(Default, Debug)]
struct BulkForm {
    csrf: String,
    ids: Vec<i64>,
    action: String,
    to: String,
    note: String,
    assignee: String,
    agency: String,
    too_many: bool,
}

fn parse(body: &[u8]) -> BulkForm {
    let mut f = BulkForm::default();
    for (k, v) in url::form_urlencoded::parse(body) {
        match k.as_ref() {
            "id" => match v.parse::<i64>() {
                Ok(id) if f.ids.len() < MAX_TICKETS => {
                    if !f.ids.contains(&id) {
                        f.ids.push(id)
                    }
                }
                Ok(_) => f.too_many = true,
                Err(_) => {}
            },
            "csrf" => f.csrf = v.into_owned(),
            "action" => f.action = v.into_owned(),
            "to" => f.to = v.into_owned(),
            "note" => f.note = v.into_owned(),
            "assignee" => f.assignee = v.into_owned(),
            "agency" => f.agency = v.into_owned(),
            _ => {}
        }
    }
    f
}

/// One ticket's outcome on the summary page.
struct Outcome {
    ticket: String,
    done: bool,
    key: &'static str,
}

/// Why a ticket's step did not happen, as a message key.
fn reason(e: &FlowError) -> &'static str {
    match e {
        FlowError::NotFound => "desk-bulk-missing",
        FlowError::NotAllowed => "desk-bulk-not-allowed",
        FlowError::Stale(_) => "desk-bulk-stale",
        FlowError::Transition(TransitionError::NoteRequired) => "console-move-note-needed",
        FlowError::Transition(TransitionError::NoteTooLong) => "console-move-note-long",
        FlowError::Transition(TransitionError::NoteTooShort) => "console-move-note-short",
        FlowError::Transition(_) => "desk-bulk-bad-step",
        _ => "console-move-bad",
    }
}

pub async fn apply(State(ctx): State<Ctx>, staff: Staff, body: Bytes) -> Result<Response, ConsoleError> {
    let form = parse(&body);
    staff.check_csrf(&form.csrf)?;
    let lang = staff.lang;
    let note = Some(form.note.trim()).filter(|n| !n.is_empty());
    // What to do, checked once before any ticket is touched.
    enum Step {
        Status(Status),
        Assign(Option<i64>),
        Agency(i64),
    }
    let step = match form.action.as_str() {
        "status" => Status::parse(&form.to).filter(|s| *s != Status::Diterima).map(Step::Status),
        "assign" => match form.assignee.trim() {
            "" => Some(Step::Assign(None)),
            n => n.parse().ok().map(|n| Step::Assign(Some(n))),
        },
        "agency" => form.agency.trim().parse().ok().map(Step::Agency),
        _ => None,
    };
    let problem = if form.ids.is_empty() {
        Some("desk-bulk-none")
    } else if form.too_many {
        Some("desk-bulk-too-many")
    } else if step.is_none() {
        Some("desk-bulk-incomplete")
    } else {
        None
    };
    let Some(step) = step.filter(|_| problem.is_none()) else {
        let body = html! {
            p.flash.error role="alert" { (t(lang, problem.unwrap_or("desk-bulk-incomplete"))) }
            p { a href="/dasbor/aspirasi/kembali" { (t(lang, "console-back-to-queue")) } }
        };
        let page = layout::page(&staff, NAV.path, &t(lang, "desk-bulk-title"), body);
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, layout::no_store(), page).into_response());
    };
    let mut outcomes = Vec::new();
    for id in &form.ids {
        // Another area's ticket or a missing one: the same line, no number shown.
        let scoped = match flow::load(&ctx, &staff.actor, AspirationId(*id)).await? {
            Some(s) if s.access != crate::features::aspirations::model::Access::None => s,
            _ => {
                outcomes.push(Outcome { ticket: String::new(), done: false, key: "desk-bulk-missing" });
                continue;
            }
        };
        let ticket = scoped.ticket.number.clone();
        let result = match &step {
            Step::Status(to) => flow::change_status(&ctx, &staff.actor, &scoped, (scoped.ticket.status, *to), note).await.map(|_| ()),
            Step::Assign(to) => assign::assign(&ctx, &staff.actor, &scoped, *to).await.map(|_| ()),
            Step::Agency(agency) => dispose::dispose(&ctx, &staff.actor, &scoped, *agency, note).await.map(|_| ()),
        };
        match result {
            Ok(()) => outcomes.push(Outcome { ticket, done: true, key: "desk-bulk-done" }),
            Err(FlowError::Db(e)) => return Err(e.into()),
            Err(e) => outcomes.push(Outcome { ticket, done: false, key: reason(&e) }),
        }
    }
    let done = outcomes.iter().filter(|o| o.done).count();
    let detail = format!("action={} done={done} asked={}", form.action, outcomes.len());
    audit::record(&ctx.db, Some(staff.actor.user_id), "aspiration.bulk", &detail, ctx.now()).await?;
    let body = html! {
        p.flash role="status" { (crate::platform::i18n::ta(lang, "desk-bulk-summary", &[("done", crate::platform::i18n::Arg::from(done as i64)), ("asked", crate::platform::i18n::Arg::from(outcomes.len() as i64))])) }
        table.queue.desk-summary {
            thead { tr { th { (t(lang, "console-col-ticket")) } th { (t(lang, "desk-bulk-result")) } } }
            tbody {
                @for o in &outcomes {
                    tr class=(if o.done { "ok" } else { "failed" }) {
                        td { @if o.ticket.is_empty() { "—" } @else { a href={ "/dasbor/aspirasi/" (o.ticket) } { (o.ticket) } } }
                        td { (t(lang, o.key)) }
                    }
                }
            }
        }
        p { a href="/dasbor/aspirasi/kembali" { (t(lang, "console-back-to-queue")) } }
    };
    let page = layout::page(&staff, NAV.path, &t(lang, "desk-bulk-title"), body);
    Ok((layout::no_store(), page).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_ids_are_read_once_and_capped() {
        let f = parse(b"csrf=x&id=3&id=4&id=3&id=abc&action=status&to=selesai&note=Sudah+diperbaiki");
        assert_eq!(f.ids, vec![3, 4]);
        assert_eq!((f.action.as_str(), f.to.as_str(), f.note.as_str()), ("status", "selesai", "Sudah diperbaiki"));
        let many: String = (0..=MAX_TICKETS).map(|i| format!("id={i}&")).collect();
        let f = parse(many.as_bytes());
        assert!(f.too_many && f.ids.len() == MAX_TICKETS);
    }
}
