//! The console for agencies (OPD). Officers: *Antrian OPD*, the tickets sent to
//! their agency, and one ticket with accept, progress, done and "bukan kewenangan
//! kami" (a ticket their agency does not hold is a 404 like a missing one).
//! Staff: on a ticket's page, send it to an agency (the routed one first), send it
//! on, or take it back. All through the same [`dispose`] functions as the chat.

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use serde::Deserialize;

use crate::features::aspirations::dispose::{self, Held};
use crate::features::aspirations::dispose_store::{self as ds, Stage};
use crate::features::aspirations::flow::{self, FlowError, Scoped};
use crate::features::aspirations::model::{Access, AspirationId, NOTE_MAX, TransitionError, local_time};
use crate::features::aspirations::render::{self, Sender, clip};
use crate::features::aspirations::stages;
use crate::platform::audit;
use crate::platform::i18n::{Arg, Lang, t, ta};
use crate::web::console::{ConsoleError, Ctx, NavEntry, Staff, layout};
use crate::web::console::Done;

/// *Antrian OPD* in the navigation, for agency officers only.
pub const NAV: NavEntry = NavEntry { path: "/dasbor/opd", label: "console-nav-opd", order: 11, shown: |s| !s.actor.agencies.is_empty() };

/// Tickets listed on the officer's queue page.
const PAGE: i64 = 100;

pub async fn queue(State(ctx): State<Ctx>, staff: Staff) -> Result<Response, ConsoleError> {
    if staff.actor.agencies.is_empty() {
        return Err(ConsoleError::NotFound);
    }
    let lang = staff.lang;
    let ids = ds::held(&ctx.db, &staff.actor.agencies, AspirationId(0), PAGE).await?;
    let mut rows = Vec::new();
    let now = ctx.now();
    for id in ids {
        if let Ok(held) = dispose::held(&ctx, &staff.actor, id).await {
            let reading = stages::store::shown(&ctx.db, &ctx.config.sla, &held.scoped.ticket, now, held.scoped.tz).await?;
            rows.push((held, reading));
        }
    }
    let body = html! {
        @if rows.is_empty() { p.empty { (t(lang, "asp-opd-queue-empty")) } }
        @else {
            table.queue {
                thead { tr {
                    th { (t(lang, "console-col-ticket")) } th { (t(lang, "console-col-sent")) }
                    th { (t(lang, "console-col-category")) } th { (t(lang, "console-col-status")) }
                    th { (t(lang, "asp-sla-col")) } th { (t(lang, "console-col-text")) }
                } }
                tbody {
                    @for (h, reading) in &rows {
                        tr {
                            td { a href={ "/dasbor/opd/" (h.scoped.ticket.id) } { (h.scoped.ticket.number) } }
                            td { (local_time(h.disposition.disposed_at, h.scoped.tz)) }
                            td { (render::category(lang, h.scoped.ticket.category)) }
                            td { (dispose::stage_label(lang, h.disposition.stage)) }
                            td.sla.late[reading.is_some_and(|r| r.late)] {
                                @if let Some(r) = reading { (r.clock.stage.label(lang)) ": " (stages::cell(lang, r)) }
                            }
                            td { (clip(&h.scoped.ticket.body, 120)) }
                        }
                    }
                }
            }
        }
    };
    Ok((layout::no_store(), layout::page(&staff, NAV.path, &t(lang, "console-opd-title"), body)).into_response())
}

/// A ticket this officer's agency holds; anything else is "not found".
pub(super) async fn visible(ctx: &Ctx, staff: &Staff, id: &str) -> Result<Held, ConsoleError> {
    let id = AspirationId(id.parse().map_err(|_| ConsoleError::NotFound)?);
    match dispose::held(ctx, &staff.actor, id).await {
        Ok(held) => Ok(held),
        Err(FlowError::Db(e)) => Err(e.into()),
        Err(_) => Err(ConsoleError::NotFound),
    }
}

pub async fn ticket(State(ctx): State<Ctx>, staff: Staff, Path(id): Path<String>, Query(shown): Query<Done>) -> Result<Response, ConsoleError> {
    let held = visible(&ctx, &staff, &id).await?;
    let flash = match shown.done.as_str() {
        "accepted" => Some(t(staff.lang, "console-opd-done-accepted")),
        "progress" => Some(t(staff.lang, "console-opd-done-progress")),
        _ => None,
    };
    render(&ctx, &staff, &held, flash, StatusCode::OK).await
}

async fn render(ctx: &Ctx, staff: &Staff, held: &Held, flash: Option<String>, status: StatusCode) -> Result<Response, ConsoleError> {
    let lang = staff.lang;
    let (scoped, d) = (&held.scoped, &held.disposition);
    let ticket = &scoped.ticket;
    let sender = flow::sender(ctx, scoped, lang).await?;
    let events = ds::events(&ctx.db, ticket.id, Some(d.agency.id)).await?;
    audit::record(&ctx.db, Some(staff.actor.user_id), "console.view", &ticket.number, ctx.now()).await?;
    let reading = stages::store::shown(&ctx.db, &ctx.config.sla, ticket, ctx.now(), scoped.tz).await?;
    let from = match &sender {
        Sender::Hidden => t(lang, "asp-card-from-hidden"),
        Sender::Known { name, .. } => ta(lang, "asp-card-from", &[("name", Arg::from(name))]),
    };
    let csrf = &staff.session.csrf;
    let base = format!("/dasbor/opd/{}", ticket.id);
    let body = html! {
        @if let Some(flash) = flash { p.flash role="status" { (flash) } }
        section.card.facts {
            p { (ta(lang, "asp-card-category", &[("category", Arg::from(render::category(lang, ticket.category)))])) }
            p { (ta(lang, "asp-opd-card-agency", &[("agency", Arg::from(d.agency.label())), ("stage", Arg::from(dispose::stage_label(lang, d.stage)))])) }
            @if let Some(r) = &reading { p.sla.late[r.late] { (stages::line(lang, r, scoped.tz)) } }
            p { (ta(lang, "asp-card-kim", &[("kim", Arg::from(&scoped.kim.name))])) }
            p { (from) }
            p { (ta(lang, "asp-card-sent", &[("time", Arg::from(local_time(ticket.created_at, scoped.tz)))])) }
            @if let Some(note) = &d.note { p { (ta(lang, "asp-opd-card-staff-note", &[("note", Arg::from(note))])) } }
            @if matches!(sender, Sender::Hidden) { p { (t(lang, "asp-card-media-hidden")) } }
        }
        section.card { h2 { (t(lang, "console-ticket-text")) } p.body { (ticket.body) } }
        section.card {
            h2 { (t(lang, "console-opd-events")) }
            @if events.is_empty() { p.empty { (t(lang, "console-thread-empty")) } }
            ol.history {
                @for e in &events {
                    li { time { (local_time(e.at, scoped.tz)) } " · " strong { (t(lang, &format!("console-opd-event-{}", e.kind))) }
                        @if let Some(b) = &e.body { p.body { (b) } } }
                }
            }
        }
        @if d.stage == Stage::Sent {
            form.card method="post" action={ (base) "/terima" } {
                input type="hidden" name="csrf" value=(csrf);
                button type="submit" { (t(lang, "asp-opd-btn-accept")) }
            }
        }
        (text_form(lang, csrf, &format!("{base}/progres"), "asp-opd-btn-progress", "console-opd-progress-label"))
        (done_form(lang, csrf, &format!("{base}/selesai")))
        (text_form(lang, csrf, &format!("{base}/kembalikan"), "asp-opd-btn-return", "console-opd-return-label"))
        p { a href="/dasbor/opd" { (t(lang, "console-back-to-queue")) } }
    };
    let page = layout::page(staff, NAV.path, &ticket.number, body);
    Ok((status, layout::no_store(), page).into_response())
}

fn text_form(lang: Lang, csrf: &str, action: &str, button: &str, label: &str) -> Markup {
    html! {
        form.card method="post" action=(action) {
            input type="hidden" name="csrf" value=(csrf);
            label { (t(lang, label)) textarea name="text" rows="3" maxlength=(NOTE_MAX) required {} }
            button type="submit" { (t(lang, button)) }
        }
    }
}

/// "Selesai" with the closing note and an optional photo of the result
/// (see [`super::opd_photo`]).
fn done_form(lang: Lang, csrf: &str, action: &str) -> Markup {
    html! {
        form.card method="post" action=(action) enctype="multipart/form-data" {
            input type="hidden" name="csrf" value=(csrf);
            label { (t(lang, "console-opd-done-label")) textarea name="text" rows="3" maxlength=(NOTE_MAX) required {} }
            label { (t(lang, "console-opd-done-photo-label")) input type="file" name="photo" accept="image/jpeg,image/png"; }
            button type="submit" { (t(lang, "asp-opd-btn-done")) }
        }
    }
}

#[derive(Deserialize)]
pub struct TextForm {
    #[serde(default)]
    pub(super) csrf: String,
    #[serde(default)]
    pub(super) text: String,
}

pub async fn accept(State(ctx): State<Ctx>, staff: Staff, Path(id): Path<String>, Form(form): Form<TextForm>) -> Result<Response, ConsoleError> {
    staff.check_csrf(&form.csrf)?;
    let held = visible(&ctx, &staff, &id).await?;
    let result = dispose::accept(&ctx, &staff.actor, held.scoped.ticket.id).await;
    after(&ctx, &staff, &held, result.map(|_| "accepted")).await
}

pub async fn progress(State(ctx): State<Ctx>, staff: Staff, Path(id): Path<String>, Form(form): Form<TextForm>) -> Result<Response, ConsoleError> {
    staff.check_csrf(&form.csrf)?;
    let held = visible(&ctx, &staff, &id).await?;
    let result = dispose::progress(&ctx, &staff.actor, held.scoped.ticket.id, &form.text).await;
    after(&ctx, &staff, &held, result.map(|_| "progress")).await
}

pub async fn give_back(State(ctx): State<Ctx>, staff: Staff, Path(id): Path<String>, Form(form): Form<TextForm>) -> Result<Response, ConsoleError> {
    staff.check_csrf(&form.csrf)?;
    let held = visible(&ctx, &staff, &id).await?;
    let result = dispose::give_back(&ctx, &staff.actor, held.scoped.ticket.id, &form.text).await;
    after(&ctx, &staff, &held, result.map(|_| "returned")).await
}

/// Where an officer's action leads: back to the ticket, or to the queue once the
/// ticket left the agency; a refused one shows the ticket again with why.
pub(super) async fn after(ctx: &Ctx, staff: &Staff, held: &Held, result: Result<&str, FlowError>) -> Result<Response, ConsoleError> {
    let id = held.scoped.ticket.id;
    let key = match result {
        Ok(done @ ("accepted" | "progress")) => return Ok(Redirect::to(&format!("/dasbor/opd/{id}?done={done}")).into_response()),
        Ok(_) => return Ok(Redirect::to("/dasbor/opd").into_response()),
        Err(FlowError::Db(e)) => return Err(e.into()),
        Err(FlowError::NotFound) => return Err(ConsoleError::NotFound),
        Err(FlowError::Stale(_)) => "console-move-stale",
        Err(FlowError::Transition(TransitionError::NoteTooShort)) => "console-move-note-short",
        Err(FlowError::Transition(TransitionError::NoteRequired)) => "console-move-note-needed",
        Err(_) => "console-move-bad",
    };
    refused(ctx, staff, held, key).await
}

/// The ticket again, as it stands now, with why the action was refused.
pub(super) async fn refused(ctx: &Ctx, staff: &Staff, held: &Held, key: &str) -> Result<Response, ConsoleError> {
    let fresh = visible(ctx, staff, &held.scoped.ticket.id.to_string()).await?;
    render(ctx, staff, &fresh, Some(t(staff.lang, key)), StatusCode::UNPROCESSABLE_ENTITY).await
}

/// The running stage's service level on a ticket page: "⏱ … sisa …" or "⏰ … lewat
/// batas" (nothing for answered or closed tickets, or stages turned off).
pub async fn service_level(ctx: &Ctx, lang: Lang, scoped: &Scoped) -> Result<Markup, ConsoleError> {
    let reading = stages::store::shown(&ctx.db, &ctx.config.sla, &scoped.ticket, ctx.now(), scoped.tz).await?;
    Ok(html! {
        @if let Some(r) = &reading { section.card.sla { p.late[r.late] { (stages::line(lang, r, scoped.tz)) } } }
    })
}

/// The staff's agency panel on a ticket page: who holds it, send (on) to an
/// agency, take it back. Empty for tickets staff cannot triage or without agencies.
pub async fn staff_panel(ctx: &Ctx, staff: &Staff, scoped: &Scoped) -> Result<Markup, ConsoleError> {
    if scoped.access != Access::Triage {
        return Ok(html! {});
    }
    let latest = ds::latest(&ctx.db, scoped.ticket.id).await?;
    let choices = if scoped.ticket.status.is_closed() { Vec::new() } else { dispose::choices(ctx, scoped).await? };
    let lang = staff.lang;
    let id = scoped.ticket.id;
    let holding = latest.as_ref().filter(|d| d.stage.is_open()).map(|d| d.agency.id);
    Ok(html! {
        @if let Some(d) = &latest {
            section.card {
                p { (ta(lang, "asp-opd-card-agency", &[("agency", Arg::from(d.agency.label())), ("stage", Arg::from(dispose::stage_label(lang, d.stage)))])) }
                @if let (Stage::Returned, Some(r)) = (d.stage, &d.return_reason) { p.late { (ta(lang, "asp-opd-card-reason", &[("reason", Arg::from(r))])) } }
                @if d.stage.is_open() {
                    form method="post" action={ "/dasbor/aspirasi/" (id) "/tarik" } {
                        input type="hidden" name="csrf" value=(staff.session.csrf);
                        button type="submit" { (t(lang, "asp-opd-btn-recall")) }
                    }
                }
            }
        }
        @if !choices.is_empty() {
            form.card method="post" action={ "/dasbor/aspirasi/" (id) "/opd" } {
                h2 { (t(lang, "console-opd-send-title")) }
                input type="hidden" name="csrf" value=(staff.session.csrf);
                label { (t(lang, "console-opd-agency"))
                    select name="agency" { @for a in choices.iter().filter(|a| Some(a.id) != holding) { option value=(a.id) { (a.label()) } } }
                }
                label { (t(lang, "console-move-note")) textarea name="note" rows="3" maxlength=(NOTE_MAX) {} }
                button type="submit" { (t(lang, "console-opd-send-button")) }
            }
        }
    })
}

#[derive(Deserialize)]
pub struct DisposeForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    agency: String,
    #[serde(default)]
    note: String,
}

pub async fn send(State(ctx): State<Ctx>, staff: Staff, Path(id): Path<String>, Form(form): Form<DisposeForm>) -> Result<Response, ConsoleError> {
    staff.check_csrf(&form.csrf)?;
    let scoped = super::ticket::visible(&ctx, &staff, &id).await?;
    let agency: i64 = form.agency.parse().map_err(|_| ConsoleError::BadInput)?;
    let note = Some(form.note.as_str()).filter(|n| !n.trim().is_empty());
    staff_result(&ctx, &staff, &scoped, dispose::dispose(&ctx, &staff.actor, &scoped, agency, note).await.map(drop)).await
}

pub async fn recall(State(ctx): State<Ctx>, staff: Staff, Path(id): Path<String>, Form(form): Form<TextForm>) -> Result<Response, ConsoleError> {
    staff.check_csrf(&form.csrf)?;
    let scoped = super::ticket::visible(&ctx, &staff, &id).await?;
    staff_result(&ctx, &staff, &scoped, dispose::recall(&ctx, &staff.actor, &scoped).await.map(drop)).await
}

async fn staff_result(ctx: &Ctx, staff: &Staff, scoped: &Scoped, result: Result<(), FlowError>) -> Result<Response, ConsoleError> {
    let key = match result {
        Ok(()) => return Ok(Redirect::to(&format!("/dasbor/aspirasi/{}?done=moved", scoped.ticket.id)).into_response()),
        Err(FlowError::Db(e)) => return Err(e.into()),
        Err(FlowError::NotFound) => return Err(ConsoleError::NotFound),
        Err(FlowError::NotAllowed) => return Err(ConsoleError::Forbidden),
        Err(FlowError::Stale(_)) => "console-move-stale",
        Err(_) => "console-move-bad",
    };
    super::ticket::again(ctx, staff, scoped, key).await
}
